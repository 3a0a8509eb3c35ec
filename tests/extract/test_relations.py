"""Relation frames on sentences written for these tests (fictional parties)."""

from __future__ import annotations

import pytest

from casegraph.extract.pipeline import extract
from casegraph.model import Document, make_id


def _claims(text: str, published: str | None = None) -> set[tuple[str, str, str, str]]:
    from datetime import date

    doc = Document(
        id=make_id("doc", text), source="test", title="t", text=text, sha256=make_id("sha", text),
        published=date.fromisoformat(published) if published else None,
    )
    extraction = extract(doc)
    names = {m.id: m.text for m in extraction.mentions}
    return {(names[c.subject], c.predicate.value, names[c.object], c.status.value) for c in extraction.claims}


CASES = [
    (
        "Invoices seen by the newspaper showed that Brightwater Tooling shipped lathes to Kalvenor Defence Works.",
        ("Brightwater Tooling", "supplies", "Kalvenor Defence Works", "documented"),
    ),
    (
        "The parts were supplied to Ostrava Armaments by Nordvik Trading, a Latvian trading company.",
        ("Nordvik Trading", "supplies", "Ostrava Armaments", "reported"),
    ),
    (
        "Marek Halloran, the chief executive of Veltria Systems, declined to comment.",
        ("Marek Halloran", "role_in", "Veltria Systems", "reported"),
    ),
    (
        "The shells were produced by Corvane Industries, which is under EU sanctions.",
        ("Corvane Industries", "sanctioned_by", "EU", "reported"),
    ),
    (
        ("Drone maker Feldspar Aero billed Quorra Logistics 3 million euros for KX-7 cameras, "
        "according to an invoice reviewed by reporters."),
        ("Feldspar Aero", "bills", "Quorra Logistics", "documented"),
    ),
    (
        "Officials assessed that Tamsin Avionics made the ZR-40 drone.",
        ("Tamsin Avionics", "manufactures", "ZR-40", "assessed"),
    ),
    (
        "Inspectors visited the facilities of arms maker Drevlin Motor Works in the city of Kestrograd.",
        ("Drevlin Motor Works", "located_in", "Kestrograd", "reported"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_frames(text: str, expected: tuple[str, str, str, str]) -> None:
    assert expected in _claims(text)


def test_intermediary_continues_previous_receipt() -> None:
    text = (
        "Bank statements showed that Harrowgate Munitions received dozens of engines produced by "
        "Pellucid Motors, a Chinese engine maker.\n"
        "The engines were delivered by Sarnow Trade, a procurement company, according to the documents."
    )
    claims = _claims(text)
    assert ("Sarnow Trade", "supplies", "Harrowgate Munitions", "documented") in claims
    assert ("Pellucid Motors", "supplies", "Sarnow Trade", "documented") in claims


def test_denial_is_not_a_supply() -> None:
    claims = _claims("Veltria Systems denied that it sold radar parts to Ostrava Armaments.")
    assert all(status == "denied" for *_, status in claims)


def test_shared_word_parties_are_not_linked_without_a_verb() -> None:
    assert _claims("Nordvik Trading and Nordvik Shipping are both based in Riga.") <= {
        ("Nordvik Trading", "located_in", "Riga", "reported"),
        ("Nordvik Shipping", "located_in", "Riga", "reported"),
    }


def test_chunked_reading_finds_the_same_claims() -> None:
    from casegraph.extract.pipeline import chunks, extract

    paragraphs = [
        "Marek Halloran, the chief executive of Veltria Systems, declined to comment.",
        "Invoices seen by the newspaper showed that Brightwater Tooling shipped lathes to Kalvenor Defence Works.",
        "The shells were produced by Corvane Industries, which is under EU sanctions.",
    ]
    text = "\n".join(paragraphs * 3)
    doc = Document(id="d", source="t", title="t", text=text, sha256="s")
    assert [o for o, _ in chunks(text, 120)][:2] == [0, len(paragraphs[0]) + 1]
    whole, pieces = extract(doc), extract(doc, chunk_chars=120)
    assert {c.id for c in pieces.claims} == {c.id for c in whole.claims}
    assert len(whole.claims) == 9
    for claim in pieces.claims:
        assert text[claim.evidence.start : claim.evidence.end] == claim.evidence.quote
