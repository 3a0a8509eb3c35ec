"""The JSON export of DESIGN.md: `entities`, `claims` and `documents` in one object,
plus `links`: one classifier-typed link per pair of entities that share a claim.

Claims are exported with entity ids; evidence offsets index each document's
`text`, so `text[start:end] == quote` holds for every claim.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Any

from casegraph.analyse.corroboration import independent_sources, story_roots
from casegraph.model import Claim, Document, Entity, ScreeningMatch, make_id
from casegraph.store.database import Store
from casegraph.store.reviews_table import Review, latest_reviews


def build_export(store: Store) -> dict[str, Any]:
    """The whole case as plain JSON-ready data."""
    entities = store.entities()
    links = store.mention_entities()
    matches: dict[str, list[ScreeningMatch]] = defaultdict(list)
    for match in store.matches():
        matches[match.entity_id].append(match)
    claims = [c for c in (_claim(c, links) for c in store.claims()) if c is not None]
    documents = store.documents()
    exported = _sourced(_reviewed(_unique(claims), latest_reviews(store)), story_roots(documents))
    return {
        "entities": [_entity(e, matches[e.id]) for e in entities],
        "claims": exported,
        "documents": [_document(d) for d in documents],
        "links": _links(exported, entities),
    }


def _links(claims: list[dict[str, Any]], entities: list[Entity]) -> list[dict[str, Any]]:
    """One row per pair of entities sharing a claim, typed by the link classifier from all its sentences."""
    from casegraph.links.classifier import default_classifier
    from casegraph.links.graph import ClaimSentence, type_links

    if not claims:
        return []
    sentences = [
        ClaimSentence(c["id"], c["subject"], c["object"], c["evidence"]["quote"]) for c in claims
    ]
    names = {e.id: (e.name, *e.aliases) for e in entities}
    return [
        {
            "source": link.source,
            "target": link.target,
            "link_type": link.link_type.value,
            "probability": round(link.probability, 3),
            "explanation": link.explanation,
            "sentences": link.sentences,
            "claim_ids": list(link.claim_ids),
        }
        for link in type_links(sentences, names, default_classifier())
    ]


def _sourced(claims: list[dict[str, Any]], roots: dict[str, str]) -> list[dict[str, Any]]:
    """Each claim with `sources`: independent stories stating the same subject-predicate-object."""
    groups: dict[tuple[str, str, str], list[str]] = defaultdict(list)
    for claim in claims:
        groups[(claim["subject"], claim["predicate"], claim["object"])].append(
            claim["evidence"]["document_id"]
        )
    for claim in claims:
        key = (claim["subject"], claim["predicate"], claim["object"])
        claim["sources"] = independent_sources(roots, groups[key]).count
    return claims


def _unique(claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """One claim per id: two mentions of one entity in one sentence make one claim.

    `stored_ids` keeps the stored (mention-level) claims behind it: reviews are kept on those.
    """
    seen: dict[str, dict[str, Any]] = {}
    for claim in claims:
        kept = seen.setdefault(claim["id"], claim)
        if kept is not claim:
            kept["stored_ids"] = sorted(set(kept["stored_ids"]) | set(claim["stored_ids"]))
    return sorted(
        seen.values(), key=lambda c: (c["evidence"]["document_id"], c["evidence"]["start"], c["id"])
    )


def _entity(entity: Entity, matches: list[ScreeningMatch]) -> dict[str, Any]:
    return {
        "id": entity.id,
        "type": entity.type.value,
        "name": entity.name,
        "aliases": list(entity.aliases),
        "countries": list(entity.countries),
        "merges": [
            {"name": m.name, "into": m.into, "reason": m.reason, "score": m.score}
            for m in entity.merges
        ],
        "sanctions": [_match(m) for m in sorted(matches, key=lambda m: -m.score)],
    }


def _match(m: ScreeningMatch) -> dict[str, Any]:
    return {
        "list": m.list_name,
        "list_date": m.list_date,
        "entry_id": m.entry_id,
        "matched_name": m.matched_name,
        "query_name": m.query_name,
        "score": round(m.score, 3),
        "explanation": m.explanation,
        "programs": list(m.programs),
        "entry_type": m.entry_type,
    }


def _claim(claim: Claim, links: dict[str, str]) -> dict[str, Any] | None:
    subject, obj = links.get(claim.subject), links.get(claim.object)
    if subject is None or obj is None or subject == obj:
        return None
    return {
        "id": make_id(
            "clm",
            subject,
            claim.predicate.value,
            obj,
            claim.evidence.document_id,
            str(claim.evidence.start),
        ),
        "subject": subject,
        "predicate": claim.predicate.value,
        "object": obj,
        "link_type": claim.link_type.value,
        "attributes": dict(claim.attributes),
        "status": claim.status.value,
        "evidence": {
            "document_id": claim.evidence.document_id,
            "quote": claim.evidence.quote,
            "start": claim.evidence.start,
            "end": claim.evidence.end,
            "cue": claim.evidence.cue,
            "locator": claim.evidence.locator,
        },
        "extractor": claim.extractor,
        "stored_ids": [claim.id],
    }


def _reviewed(claims: list[dict[str, Any]], reviews: dict[str, Review]) -> list[dict[str, Any]]:
    """Each claim with the person's latest verdict on any stored claim behind it, or None."""
    for claim in claims:
        verdicts = sorted(
            (reviews[i] for i in claim["stored_ids"] if i in reviews), key=lambda r: r.made_at
        )
        claim["review"] = verdicts[-1].verdict.value if verdicts else None
    return claims


def _document(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "published": d.published.isoformat() if d.published else None,
        "media_type": d.media_type,
        "sha256": d.sha256,
        "text": d.text,
        "removed": [{"start": s.start, "end": s.end, "reason": s.reason} for s in d.removed],
        "duplicate_of": d.duplicate_of,
        "derived_from": d.derived_from,
        "parent_id": d.parent_id,
        "language": d.language,
        "metadata": dict(d.metadata),
    }
