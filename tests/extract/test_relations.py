"""Relation frames on sentences and reports written for these tests (fictional parties).

`texts/*.txt` are short reports we wrote, one per family of predicates; `texts/expected.json`
lists, hand-checked, every claim each must yield (subject, predicate, object, and the attributes
that matter) and claims it must not. A frame that finds a new claim in them fails the golden test
until the claim is checked and added.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from casegraph.extract.pipeline import extract
from casegraph.model import Claim, Document, Extraction, make_id

TEXTS = Path(__file__).with_name("texts")
EXPECTED: dict[str, dict[str, Any]] = json.loads((TEXTS / "expected.json").read_text(encoding="utf-8"))


def _extract(text: str) -> Extraction:
    doc = Document(id=make_id("doc", text), source="test", title="t", text=text, sha256=make_id("sha", text))
    return extract(doc)


def _claims(text: str) -> set[tuple[str, str, str, str]]:
    extraction = _extract(text)
    names = {m.id: m.text for m in extraction.mentions}
    return {(names[c.subject], c.predicate.value, names[c.object], c.status.value) for c in extraction.claims}


def _named(extraction: Extraction) -> list[tuple[tuple[str, str, str], dict[str, str], Claim]]:
    names = {m.id: m.text for m in extraction.mentions}
    return [((names[c.subject], c.predicate.value, names[c.object]), dict(c.attributes), c) for c in extraction.claims]


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


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_report_yields_exactly_the_checked_claims(name: str) -> None:
    found = _named(_extract((TEXTS / name).read_text(encoding="utf-8")))
    triples = {triple for triple, _, _ in found}
    expected = EXPECTED[name]
    assert triples == {tuple(c[:3]) for c in expected["claims"]}
    for subject, predicate, obj, attributes in expected["claims"]:
        matching = [attrs for triple, attrs, _ in found if triple == (subject, predicate, obj)]
        assert any(attributes.items() <= attrs.items() for attrs in matching), (subject, predicate, obj, matching)
    for absent in expected["absent"]:
        assert tuple(absent) not in triples


def test_golden_reports_cover_every_predicate() -> None:
    from casegraph.model import Predicate

    covered = {c[1] for report in EXPECTED.values() for c in report["claims"]}
    assert covered == {p.value for p in Predicate}


PREDICATE_CASES = [
    ("Halvard Party member Dariusz Kell voted against the bill.", ("Dariusz Kell", "member_of", "Halvard Party")),
    ("Anton Merrow and Pavel Merrow are brothers who run a trading house in Riga.", ("Anton Merrow", "family", "Pavel Merrow")),
    ("Marek Lund's business partner, Ada Penrose, signed the contract in Riga.", ("Ada Penrose", "associate", "Marek Lund")),
    ("Kestrel Arms, a rival of Corvane Industries, bid for the contract.", ("Kestrel Arms", "antagonist", "Corvane Industries")),
    ("Lena Haas filed a lawsuit against Raske Holdings in 2020.", ("Lena Haas", "antagonist", "Raske Holdings")),
    ("Raske Holdings owns Tarn Logistics, according to the registry.", ("Raske Holdings", "owns", "Tarn Logistics")),
    ("Tarn Logistics, a subsidiary of Raske Holdings, leased the warehouse.", ("Raske Holdings", "owns", "Tarn Logistics")),
    ("Tamsin Avionics builds the Vega-7, a version of the KX-9.", ("Vega-7", "variant_of", "KX-9")),
    ("The Falx-2 was derived from the Falx-1.", ("Falx-2", "variant_of", "Falx-1")),
]


@pytest.mark.parametrize(("text", "expected"), PREDICATE_CASES)
def test_predicate_forms(text: str, expected: tuple[str, str, str]) -> None:
    assert expected in {triple for triple, _, _ in _named(_extract(text))}


PASSIVE_CASES = [
    # the agent of a passive verb is the subject of the claim, whatever the word order
    ("Northwind Holdings was sued by Greyfield Bank over unpaid loans.", ("Greyfield Bank", "antagonist", "Northwind Holdings")),
    ("Veltria Systems was accused by Kalvenor Defence Works of breaching the contract.", ("Kalvenor Defence Works", "antagonist", "Veltria Systems")),
    ("Tarn Logistics is controlled by Raske Holdings.", ("Raske Holdings", "owns", "Tarn Logistics")),
    ("Drevlin Motor Works was visited by engineers from Rellmark Institute.", ("Rellmark Institute", "visits", "Drevlin Motor Works")),
    # a relative clause inside the theme, and `by X` hung by the parser on the recipient
    (
        "The FA-9 drones, which were built by Feldspar Aero, were later supplied to Harrowgate Munitions by Orlen Freight.",
        ("Feldspar Aero", "manufactures", "FA-9"),
    ),
    (
        "The FA-9 drones, which were built by Feldspar Aero, were later supplied to Harrowgate Munitions by Orlen Freight.",
        ("Orlen Freight", "supplies", "Harrowgate Munitions"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), PASSIVE_CASES)
def test_passive_voice_keeps_direction(text: str, expected: tuple[str, str, str]) -> None:
    triples = {triple for triple, _, _ in _named(_extract(text))}
    assert expected in triples
    assert (expected[2], expected[1], expected[0]) not in triples


def test_clauses_each_give_their_own_claim() -> None:
    text = (
        "Customs records show that Kalvenor Defence Works received radar units from Brightwater Tooling "
        "and that Ostrava Armaments bought the same units from Nordvik Trading."
    )
    triples = {triple for triple, _, _ in _named(_extract(text))}
    assert triples == {
        ("Brightwater Tooling", "supplies", "Kalvenor Defence Works"),
        ("Nordvik Trading", "supplies", "Ostrava Armaments"),
    }


RESOLVED = "Nordvik Trading, a Latvian procurement company, bought forty lathes in 2022. In May the company shipped the lathes to Ostrava Armaments."
COMPETING = (
    "Nordvik Trading, a Latvian procurement company, bought forty lathes from Brightwater Tooling, a Danish machine-tool company, "
    "in 2022. In May the {description} shipped the lathes to Ostrava Armaments."
)


def test_description_resolved_to_its_only_candidate() -> None:
    [(triple, attrs, claim)] = _named(_extract(RESOLVED))
    assert triple == ("Nordvik Trading", "supplies", "Ostrava Armaments")
    assert attrs["subject_ref"] == "the company"
    assert claim.evidence.quote == "In May the company shipped the lathes to Ostrava Armaments."


def test_description_left_alone_when_two_candidates_compete() -> None:
    triples = {triple for triple, _, _ in _named(_extract(COMPETING.format(description="company")))}
    assert triples == {("Brightwater Tooling", "supplies", "Nordvik Trading")}


def test_description_words_pick_one_of_two_candidates() -> None:
    triples = {triple for triple, _, _ in _named(_extract(COMPETING.format(description="procurement company")))}
    assert ("Nordvik Trading", "supplies", "Ostrava Armaments") in triples
    assert ("Brightwater Tooling", "supplies", "Ostrava Armaments") not in triples


def test_resolved_claim_points_at_the_earlier_mention() -> None:
    extraction = _extract(RESOLVED)
    [claim] = extraction.claims
    subject = next(m for m in extraction.mentions if m.id == claim.subject)
    assert subject.text == "Nordvik Trading" and subject.end <= claim.evidence.start


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Former minister Ivo Raske flew to Minsk in 2022. He visited Kestrograd a week later.", {("Ivo Raske", "visits", "Kestrograd")}),
        ("Lena Haas flew to Riga in 2022. She later sued Greyfield Bank.", {("Lena Haas", "antagonist", "Greyfield Bank")}),
        # two people in reach and no gender known: the pronoun is left alone
        ("Businessman Marek Lund met Lena Haas in Riga in 2022. She later sued Greyfield Bank.", set()),
    ],
)
def test_person_pronouns_only_when_unambiguous(text: str, expected: set[tuple[str, str, str]]) -> None:
    resolved = {triple for triple, attrs, _ in _named(_extract(text)) if "subject_ref" in attrs}
    assert resolved == expected
