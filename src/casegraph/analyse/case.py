"""The case as a graph: parties and products joined by sourced, entity-level claims.

Built once from the JSON export (the contract of DESIGN.md), so every analysis
sees claims exactly as a user does: rewritten to entity ids, deduplicated, and
without the claims a person rejected. Analyses are pure functions of this
object; the CLI, the API and the exports share it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import Any

from casegraph.analyse.corroboration import Sources, independent_sources, story_roots
from casegraph.errors import InputError
from casegraph.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    MergeReason,
    Predicate,
    RemovedSpan,
    ScreeningMatch,
    Status,
)
from casegraph.store.database import Store

PARTIES = frozenset({EntityType.PERSON, EntityType.ORGANIZATION})


@dataclass(frozen=True)
class Link:
    """A claim between two entities, with the evidence that says it."""

    id: str
    subject: str
    predicate: Predicate
    object: str
    status: Status
    evidence: Evidence
    attributes: tuple[tuple[str, str], ...] = ()
    review: str | None = None

    def attribute(self, key: str) -> str | None:
        return dict(self.attributes).get(key)

    @property
    def date(self) -> str | None:
        """The normalised date the claim states: "2025-Q2", "2024-05-01", "2024"."""
        return self.attribute("date")

    def other(self, entity_id: str) -> str:
        """The entity at the far end of this claim, seen from `entity_id`."""
        return self.object if entity_id == self.subject else self.subject


class UnknownEntity(InputError):
    """No entity has that id, name or alias."""


class AmbiguousEntity(InputError):
    """Several entities answer to one name; the message lists them."""

    def __init__(self, key: str, candidates: list[Entity]) -> None:
        listed = "; ".join(f"{e.name} ({e.type.value}, {e.id})" for e in candidates)
        super().__init__(
            f"{key!r} names {len(candidates)} entities: {listed}. Give the id instead."
        )
        self.candidates = candidates


@dataclass(frozen=True)
class CaseGraph:
    """Entities, claims, documents and sanctions matches of one case, indexed."""

    entities: Mapping[str, Entity]
    links: tuple[Link, ...]
    documents: Mapping[str, Document] = field(default_factory=dict)
    matches: Mapping[str, tuple[ScreeningMatch, ...]] = field(default_factory=dict)

    @cached_property
    def links_of(self) -> Mapping[str, tuple[Link, ...]]:
        """Entity id -> every claim it takes part in, as subject or object."""
        index: dict[str, list[Link]] = defaultdict(list)
        for link in self.links:
            index[link.subject].append(link)
            index[link.object].append(link)
        return {k: tuple(v) for k, v in index.items()}

    @cached_property
    def memo(self) -> dict[object, object]:
        """Derived indexes keyed by how they were built (the adjacency per traversal rules)."""
        return {}

    @cached_property
    def story_roots(self) -> Mapping[str, str]:
        """Document id -> the first source of its story (duplicates and rewrites share one)."""
        return story_roots(self.documents.values())

    def sources(self, links: Iterable[Link]) -> Sources:
        """The independent sources behind some claims: a rewrite or copy of a report adds none."""
        return independent_sources(self.story_roots, (link.evidence.document_id for link in links))

    def is_party(self, entity_id: str) -> bool:
        """A person or an organisation, as opposed to a product, place or authority."""
        entity = self.entities.get(entity_id)
        return entity is not None and entity.type in PARTIES

    def name(self, entity_id: str) -> str:
        entity = self.entities.get(entity_id)
        return entity.name if entity else entity_id

    def find(self, key: str) -> Entity:
        """An entity by id, else by name or alias (case-insensitive), else by part of a name.

        Raises UnknownEntity (with close names) or AmbiguousEntity (with every candidate).
        """
        if key in self.entities:
            return self.entities[key]
        folded = _fold(key)
        for matches in (self._exact(folded), self._partial(folded)):
            if len(matches) == 1:
                return matches[0]
            if matches:
                raise AmbiguousEntity(key, matches)
        raise UnknownEntity(f"no entity is called {key!r}{_suggest(key, self.entities.values())}")

    def _exact(self, folded: str) -> list[Entity]:
        return [
            e for e in self.entities.values() if folded in {_fold(n) for n in (e.name, *e.aliases)}
        ]

    def _partial(self, folded: str) -> list[Entity]:
        words = folded.split()
        return [
            e
            for e in self.entities.values()
            if words and any(_contains_words(_fold(n).split(), words) for n in (e.name, *e.aliases))
        ]


def _fold(text: str) -> str:
    return " ".join(text.casefold().replace(",", " ").replace(".", " ").split())


def _contains_words(name: list[str], words: list[str]) -> bool:
    """Whether `words` occur as consecutive whole words of `name`."""
    n = len(words)
    return any(name[i : i + n] == words for i in range(len(name) - n + 1))


def _suggest(key: str, entities: Iterable[Entity]) -> str:
    from rapidfuzz import process

    names = sorted({e.name for e in entities})
    close = [name for name, score, _ in process.extract(key, names, limit=3) if score >= 60]
    return f"; did you mean: {', '.join(close)}?" if close else ""


def load_case(store: Store, keep_rejected: bool = False) -> CaseGraph:
    """The case in `store`, as the JSON export presents it."""
    from casegraph.export.json_export import build_export

    return case_from_export(build_export(store), keep_rejected)


def case_from_export(data: Mapping[str, Any], keep_rejected: bool = False) -> CaseGraph:
    """Read the JSON export into typed records; claims a person rejected are left out.

    This is the one place where the export's plain data becomes objects.
    """
    entities = {e["id"]: _entity(e) for e in data["entities"]}
    links = tuple(
        _link(c)
        for c in data["claims"]
        if (keep_rejected or c.get("review") != "rejected")
        and c["subject"] in entities
        and c["object"] in entities
    )
    matches = {
        e["id"]: tuple(_match(e["id"], m) for m in e.get("sanctions", ())) for e in data["entities"]
    }
    documents = {d["id"]: _document(d) for d in data.get("documents", ())}
    return CaseGraph(entities, links, documents, {k: v for k, v in matches.items() if v})


def _entity(e: Mapping[str, Any]) -> Entity:
    return Entity(
        id=e["id"],
        type=EntityType(e["type"]),
        name=e["name"],
        aliases=tuple(e.get("aliases", ())),
        countries=tuple(e.get("countries", ())),
        merges=tuple(
            MergeReason(m["name"], m["into"], m["reason"], m.get("score", 1.0))
            for m in e.get("merges", ())
        ),
    )


def _link(c: Mapping[str, Any]) -> Link:
    ev = c["evidence"]
    return Link(
        id=c["id"],
        subject=c["subject"],
        predicate=Predicate(c["predicate"]),
        object=c["object"],
        status=Status(c["status"]),
        evidence=Evidence(
            ev["document_id"], ev["quote"], ev["start"], ev["end"], ev.get("cue"), ev.get("locator")
        ),
        attributes=tuple((str(k), str(v)) for k, v in c.get("attributes", {}).items()),
        review=c.get("review"),
    )


def _match(entity_id: str, m: Mapping[str, Any]) -> ScreeningMatch:
    return ScreeningMatch(
        entity_id=entity_id,
        list_name=m["list"],
        list_date=m["list_date"],
        entry_id=m["entry_id"],
        matched_name=m["matched_name"],
        query_name=m.get("query_name", ""),
        score=float(m["score"]),
        explanation=m.get("explanation", ""),
        programs=tuple(m.get("programs", ())),
        entry_type=m.get("entry_type", ""),
    )


def _document(d: Mapping[str, Any]) -> Document:
    published = d.get("published")
    return Document(
        id=d["id"],
        source=d["source"],
        title=d["title"],
        text=d["text"],
        sha256=d.get("sha256", ""),
        published=date.fromisoformat(published) if published else None,
        media_type=d.get("media_type", "text/plain"),
        removed=tuple(RemovedSpan(r["start"], r["end"], r["reason"]) for r in d.get("removed", ())),
        duplicate_of=d.get("duplicate_of"),
        derived_from=d.get("derived_from"),
        language=d.get("language"),
        metadata=tuple((str(k), str(v)) for k, v in (d.get("metadata") or {}).items()),
        parent_id=d.get("parent_id"),
    )
