"""A printable, self-contained HTML dossier of one entity or of the whole case.

Everything a reader needs sits in one file with inline CSS and no script: the
party, its sanctions matches with their explanations, how it reaches sanctioned
parties, its claims in time order with status and independent sources, and a
numbered list of sources showing each quote inside its surrounding text.
Jinja2 escapes every value (`autoescape`), so a hostile document, name or quote
is shown as text and never runs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from casegraph.analyse.case import PARTIES, CaseGraph, Link
from casegraph.analyse.exposure import Exposure, exposure, exposures
from casegraph.analyse.intermediaries import Intermediary, intermediaries
from casegraph.analyse.paths import Path, route_line
from casegraph.analyse.sanctions import Sanctioned, sanctioned
from casegraph.analyse.timeline import timeline
from casegraph.model import Document, Entity, ScreeningMatch

CONTEXT = 280
"""Characters of document text shown on each side of a quote."""
DETAILS = (
    "role",
    "product",
    "quantity",
    "amount",
    "currency",
    "amount_2",
    "currency_2",
    "place",
    "program",
)


@dataclass(frozen=True)
class Cited:
    """A claim as the dossier prints it, with its source number and corroboration."""

    link: Link
    subject: str
    object: str
    details: str
    source: int
    independent: int


@dataclass(frozen=True)
class Excerpt:
    """A quote in its surrounding text: `before` + `quote` + `after` is a slice of the document."""

    before: str
    quote: str
    after: str


@dataclass(frozen=True)
class Source:
    number: int
    document: Document
    excerpts: tuple[Excerpt, ...]


@dataclass(frozen=True)
class Route:
    """A path: its one-line form, weakest status, and each hop's cited claims."""

    line: str
    status: str
    hops: tuple[tuple[str, tuple[Cited, ...]], ...]


@dataclass(frozen=True)
class Reached:
    """A sanctioned party the entity reaches."""

    name: str
    distance: int
    reason: str
    routes: tuple[Route, ...]


@dataclass(frozen=True)
class Party:
    """One entity's section of the dossier."""

    entity: Entity
    reason: str
    sanction_claims: tuple[Cited, ...]
    reached: tuple[Reached, ...]
    claims: tuple[Cited, ...]
    matches: tuple[ScreeningMatch, ...]


@dataclass(frozen=True)
class Chokepoint:
    """An intermediary with the supplier -> sanctioned pairs it connects and its strongest route."""

    name: str
    sanctioned: bool
    pairs: tuple[str, ...]
    routes: int
    best: Route


class Citations:
    """Numbers the documents in the order the dossier first cites them."""

    def __init__(self, case: CaseGraph) -> None:
        self.case = case
        self.numbers: dict[str, int] = {}
        self.quotes: dict[str, dict[tuple[int, int], Excerpt]] = defaultdict(dict)
        self.groups: dict[tuple[str, str, str], list[Link]] = defaultdict(list)
        for link in case.links:
            self.groups[(link.subject, link.predicate.value, link.object)].append(link)

    def cite(self, link: Link) -> Cited:
        ev = link.evidence
        number = self.numbers.setdefault(ev.document_id, len(self.numbers) + 1)
        document = self.case.documents.get(ev.document_id)
        if document is not None:
            self.quotes[ev.document_id].setdefault(
                (ev.start, ev.end), _excerpt(document, ev.start, ev.end)
            )
        same = self.groups[(link.subject, link.predicate.value, link.object)]
        details = "; ".join(v for k, v in link.attributes if k in DETAILS)
        name = self.case.name
        return Cited(
            link,
            name(link.subject),
            name(link.object),
            details,
            number,
            self.case.sources(same).count,
        )

    def sources(self) -> list[Source]:
        found = []
        for document_id, number in sorted(self.numbers.items(), key=lambda kv: kv[1]):
            document = self.case.documents.get(document_id)
            if document is not None:
                excerpts = tuple(e for _, e in sorted(self.quotes[document_id].items()))
                found.append(Source(number, document, excerpts))
        return found


def _excerpt(document: Document, start: int, end: int) -> Excerpt:
    text = document.text
    before = text[max(0, start - CONTEXT) : start]
    after = text[end : end + CONTEXT]
    return Excerpt(
        ("…" if start > CONTEXT else "") + before,
        text[start:end],
        after + ("…" if end + CONTEXT < len(text) else ""),
    )


def _route(case: CaseGraph, citations: Citations, path: Path) -> Route:
    hops = tuple(
        (
            f"{case.name(h.source)} — {case.name(h.target)}",
            tuple(citations.cite(link) for link in h.links),
        )
        for h in path.hops
    )
    return Route(route_line(case, path), path.status.value, hops)


def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("casegraph.export", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render(**context: object) -> str:
    html: str = _environment().get_template("dossier.html.j2").render(**context)
    return html


def entity_dossier(case: CaseGraph, entity_id: str, hops: int = 3) -> str:
    """The dossier of one entity: who it is, sanctions, exposure, claims in time order, sources."""
    citations = Citations(case)
    entity = case.entities[entity_id]
    listed = sanctioned(case)
    found = exposure(case, entity_id, hops)
    claims = [citations.cite(entry.link) for entry in timeline(case, entity_id)]
    return _render(
        title=f"Dossier: {entity.name}",
        generated=_now(),
        entities=[_party(case, citations, entity, listed.get(entity.id), found, claims)],
        intermediaries=[],
        sources=citations.sources(),
        case_counts=_counts(case),
    )


def case_dossier(case: CaseGraph, hops: int = 3) -> str:
    """The dossier of the whole case: every party with its claims, exposures, intermediaries, sources."""
    citations = Citations(case)
    listed = sanctioned(case)
    exposed = {x.entity_id: x for x in exposures(case, hops)}
    parties = sorted(
        (e for e in case.entities.values() if e.type in PARTIES),
        key=lambda e: (e.id not in listed, e.name),
    )
    entities = [
        _party(
            case,
            citations,
            e,
            listed.get(e.id),
            exposed.get(e.id),
            [citations.cite(x.link) for x in timeline(case, e.id)],
        )
        for e in parties
    ]
    return _render(
        title="Case dossier",
        generated=_now(),
        entities=entities,
        intermediaries=[_intermediary(case, citations, i) for i in intermediaries(case)[:10]],
        sources=citations.sources(),
        case_counts=_counts(case),
    )


def _party(
    case: CaseGraph,
    citations: Citations,
    entity: Entity,
    listed: Sanctioned | None,
    found: Exposure | None,
    claims: list[Cited],
) -> Party:
    reached = tuple(
        Reached(
            case.name(r.entity_id),
            r.distance,
            r.reason,
            tuple(_route(case, citations, p) for p in r.paths),
        )
        for r in (found.reached if found else ())
    )
    return Party(
        entity,
        listed.reason(case) if listed else "",
        tuple(citations.cite(c) for c in listed.claims) if listed else (),
        reached,
        tuple(claims),
        listed.matches if listed else (),
    )


def _intermediary(case: CaseGraph, citations: Citations, item: Intermediary) -> Chokepoint:
    best = min(item.paths, key=lambda p: (p.status.rank, len(p.hops)))
    pairs = tuple(f"{case.name(p.supplier)} → {case.name(p.end)}" for p in item.pairs)
    return Chokepoint(
        case.name(item.entity_id),
        item.sanctioned,
        pairs,
        len(item.paths),
        _route(case, citations, best),
    )


def _counts(case: CaseGraph) -> dict[str, int]:
    return {
        "documents": len(case.documents),
        "parties": sum(1 for e in case.entities.values() if e.type in PARTIES),
        "claims": len(case.links),
    }


def _now() -> str:
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
