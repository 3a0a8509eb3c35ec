"""A small fictional case, built in one line per record, for analysis and export tests.

Rostok Tekh makes the KX-7 and sells it through Vega Trade House (on a
sanctions list) to Northwind Aerosystems (reported as sanctioned); Ostrava
Parts supplies Rostok Tekh. Two parties share a port city, which must never
join them.
"""

from __future__ import annotations

from datetime import date

from casegraph.analyse.case import CaseGraph, Link
from casegraph.model import (
    Document,
    Entity,
    EntityType,
    Evidence,
    Predicate,
    ScreeningMatch,
    Status,
    make_id,
)

ORG, PERSON, PRODUCT, PLACE, AUTHORITY = (
    EntityType.ORGANIZATION, EntityType.PERSON, EntityType.PRODUCT, EntityType.PLACE, EntityType.AUTHORITY,
)


def entity(key: str, name: str, kind: EntityType = ORG, *aliases: str) -> Entity:
    return Entity(key, kind, name, aliases)


def document(key: str, text: str, derived_from: str | None = None, published: date | None = None) -> Document:
    return Document(key, f"{key}.txt", f"Report {key}", text, key, published=published, derived_from=derived_from)


def link(
    subject: str,
    predicate: str,
    obj: str,
    status: str = "documented",
    doc: Document | None = None,
    **attributes: str,
) -> Link:
    """A claim whose quote is the sentence `doc` carries for it (appended when missing)."""
    doc = doc or DOC_A
    quote = f"{subject} {predicate} {obj}."
    start = doc.text.find(quote)
    assert start >= 0, quote
    evidence = Evidence(doc.id, quote, start, start + len(quote))
    key = make_id("clm", subject, predicate, obj, doc.id, str(start))
    return Link(key, subject, Predicate(predicate), obj, Status(status), evidence, tuple(attributes.items()))


ENTITIES = [
    entity("maker", "Rostok Tekh Co., Ltd.", ORG, "Rostok Tekh"),
    entity("broker", "Vega Trade House LLC", ORG, "Vega Trade House"),
    entity("end", "Northwind Aerosystems JSC", ORG, "Northwind"),
    entity("parts", "Ostrava Parts", ORG),
    entity("rival", "Vega Systems", ORG),
    entity("loner", "Quiet Meadow Foundation", ORG),
    entity("ceo", "Lena Ortiz", PERSON),
    entity("eng", "Omar Haddad", PERSON),
    entity("kx7", "KX-7", PRODUCT),
    entity("port", "Port Elden", PLACE),
    entity("us", "United States", AUTHORITY, "US"),
]
SENTENCES = [
    ("maker", "supplies", "broker"), ("maker", "bills", "broker"), ("broker", "supplies", "end"),
    ("end", "pays", "broker"), ("ceo", "role_in", "maker"), ("eng", "role_in", "broker"),
    ("ceo", "travels_with", "eng"), ("end", "sanctioned_by", "us"), ("maker", "located_in", "port"),
    ("broker", "located_in", "port"), ("maker", "manufactures", "kx7"), ("end", "tests", "kx7"),
    ("rival", "supplies", "end"), ("rival", "sanctioned_by", "us"), ("parts", "supplies", "maker"),
]
TEXT = " ".join(f"{s} {p} {o}." for s, p, o in SENTENCES)
DOC_A = document("doc-a", TEXT, published=date(2025, 6, 1))
DOC_B = document("doc-b", "A rewrite. maker supplies broker. broker supplies end.", derived_from="doc-a")
DOC_C = document("doc-c", "Another outlet. maker supplies broker.")

LINKS = [
    link("maker", "supplies", "broker", date="2025-Q1", product="KX-7", quantity="20"),
    link("maker", "supplies", "broker", doc=DOC_B),
    link("maker", "supplies", "broker", doc=DOC_C),
    link("maker", "bills", "broker", date="2025-04-17", amount="48500", currency="USD", product="KX-7"),
    link("broker", "supplies", "end", "reported", date="2025-05"),
    link("broker", "supplies", "end", "reported", doc=DOC_B),
    link("end", "pays", "broker", "assessed", date="2025", amount="1200000", currency="EUR"),
    link("ceo", "role_in", "maker", role="CEO"),
    link("eng", "role_in", "broker", role="engineer"),
    link("ceo", "travels_with", "eng", "unconfirmed", date="2024-11-03", place="Port Elden"),
    link("end", "sanctioned_by", "us", program="RUSSIA-EO14024"),
    link("maker", "located_in", "port"),
    link("broker", "located_in", "port"),
    link("maker", "manufactures", "kx7"),
    link("end", "tests", "kx7", date="2025-Q3"),
    link("rival", "supplies", "end", "denied"),
    link("rival", "sanctioned_by", "us", "denied"),
    link("parts", "supplies", "maker", date="2024"),
]
MATCH = ScreeningMatch(
    "broker", "OFAC SDN", "2030-01-15", "90001", "VEGA TRADE HOUSE, OOO", "Vega Trade House LLC", 0.97,
    "agreed: vega, trade, house; legal form ignored", ("RUSSIA-EO14024",),
)


def fictional_case(*extra: Link, documents: tuple[Document, ...] = ()) -> CaseGraph:
    docs = {d.id: d for d in (DOC_A, DOC_B, DOC_C, *documents)}
    return CaseGraph({e.id: e for e in ENTITIES}, (*LINKS, *extra), docs, {"broker": (MATCH,)})
