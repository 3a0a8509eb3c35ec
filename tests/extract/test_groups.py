"""Unnamed groups as parties and ties named by an event noun (`the collaboration`), with their status.

`texts/groups.txt` (fictional parties) is checked claim by claim in `texts/expected.json`;
here, the status and cue each claim must carry.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.extract.pipeline import extract
from casegraph.model import Document, Extraction, make_id

TEXTS = Path(__file__).with_name("texts")


def _extract(text: str) -> Extraction:
    doc = Document(
        id=make_id("doc", text), source="test", title="t", text=text, sha256=make_id("sha", text)
    )
    return extract(doc)


def _statuses(extraction: Extraction) -> dict[tuple[str, str, str], set[tuple[str, str | None]]]:
    names = {m.id: m.text for m in extraction.mentions}
    found: dict[tuple[str, str, str], set[tuple[str, str | None]]] = {}
    for c in extraction.claims:
        key = (names[c.subject], c.predicate.value, names[c.object])
        found.setdefault(key, set()).add((c.status.value, c.evidence.cue))
    return found


@pytest.fixture(scope="module")
def groups() -> dict[tuple[str, str, str], set[tuple[str, str | None]]]:
    return _statuses(_extract((TEXTS / "groups.txt").read_text(encoding="utf-8")))


@pytest.mark.parametrize(
    ("triple", "status", "cue"),
    [
        # "Shipping records seen by the newspaper described the engineers as employees of Sarnow Trade"
        (("Belarusian engineers", "role_in", "Sarnow Trade"), "documented", "described"),
        # "Western officials said they assessed that the individuals were staff of Tamsin Avionics"
        (("Belarusian engineers", "role_in", "Tamsin Avionics"), "assessed", "assessed"),
        # "Tamsin Avionics denied that the engineers were its employees"
        (("Belarusian engineers", "role_in", "Tamsin Avionics"), "denied", "denied"),
        # "Turkish technicians, described as Orlen Freight employees" in a memo
        (("Turkish technicians", "role_in", "Orlen Freight"), "documented", "memo described"),
        (("Drevlin Motor Works", "associate", "Serbian firms"), "assessed", "Analysts said"),
        # "The Serbian foreign ministry said it was unaware of the cooperation"
        (
            ("Drevlin Motor Works", "associate", "Serbian firms"),
            "denied",
            "foreign ministry said it was unaware",
        ),
        (("Romanian specialists", "role_in", "Corvane Industries"), "assessed", "Officials said"),
        (
            ("Romanian specialists", "role_in", "Corvane Industries"),
            "unconfirmed",
            "could not confirm",
        ),
    ],
)
def test_group_claim_status(
    groups: dict[tuple[str, str, str], set[tuple[str, str | None]]],
    triple: tuple[str, str, str],
    status: str,
    cue: str,
) -> None:
    assert any(s == status and cue in (c or "") for s, c in groups[triple]), groups[triple]


def test_they_restates_only_a_staff_claim_on_the_same_organisation() -> None:
    text = (
        "Officials said that Romanian specialists were Corvane Industries staff. "
        "The newspaper could not confirm they were Tamsin Avionics staff."
    )
    assert set(_statuses(_extract(text))) == {
        ("Romanian specialists", "role_in", "Corvane Industries")
    }


def test_group_needs_a_nationality() -> None:
    """`the engineers` alone is no party: with nothing to resolve to, the staff claim is left out."""
    claims = _statuses(_extract("Officials said the engineers were Corvane Industries staff."))
    assert claims == {}


def test_group_from_a_named_organisation_acts_for_it() -> None:
    claims = _statuses(
        _extract("Georgian experts from Rellmark Institute visited Kalvenor Defence Works.")
    )
    assert set(claims) == {("Rellmark Institute", "visits", "Kalvenor Defence Works")}


def test_group_is_never_a_pronoun_antecedent() -> None:
    text = (
        "Belarusian engineers visited Drevlin Motor Works in May. He later joined Tamsin Avionics."
    )
    assert not any(s == "Belarusian engineers" for s, _, _ in _statuses(_extract(text)))


def test_generic_remark_about_a_class_of_companies_gives_no_claim() -> None:
    text = "Lawmakers have warned about Serbian companies supplying Ostrava Armaments."
    assert _statuses(_extract(text)) == {}


def test_event_noun_without_a_tie_in_reach_is_left_alone() -> None:
    text = "The ministry said it was unaware of the collaboration."
    assert _statuses(_extract(text)) == {}


def test_event_noun_out_of_reach_is_left_alone() -> None:
    text = (
        "Analysts said there was a partnership between Drevlin Motor Works and Serbian firms. "
        "Drevlin Motor Works opened a plant in Kestrograd. It hired staff in May. It bought lathes in June. "
        "Sales rose in July. The ministry said it was unaware of the cooperation."
    )
    denied = [k for k, v in _statuses(_extract(text)).items() if any(s == "denied" for s, _ in v)]
    assert denied == []
