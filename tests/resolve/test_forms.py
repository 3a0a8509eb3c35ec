"""Names prepared for comparison: tokens, legal forms, concepts, acronyms."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.model import EntityType
from casegraph.resolve.forms import numbers, prepare, run_initials
from casegraph.resolve.glossary import Span

PERSON, ORG = EntityType.PERSON, EntityType.ORGANIZATION


@pytest.mark.parametrize(
    ("raw", "tokens", "forms"),
    [
        ("Rostok Tekh o.O.O.", ("rostok", "tekh"), ("ooo",)),
        ("U.S. Vornak Holdings", ("us", "vornak", "holdings"), ()),
        ("Kestria Partners V L.P.", ("kestria", "partners", "v"), ("lp",)),
        ("M/V Kestria Dawn", ("kestria", "dawn"), ()),
        ("B R C S.A.", ("b", "r", "c"), ("sa",)),
    ],
)
def test_organisation_tokens(raw: str, tokens: tuple[str, ...], forms: tuple[str, ...]) -> None:
    form = prepare(raw, ORG)
    assert (form.tokens, form.legal_forms) == (tokens, forms)


def test_dotted_letters_stay_apart_in_a_person_name() -> None:
    assert prepare("J.-C. Vornak", PERSON).tokens == ("j", "c", "vornak")


@pytest.mark.parametrize(
    ("raw", "tokens"),
    [("0leg Vyshnevsk1y", ("oleg", "vyshnevskiy")), ("I9or Petr0v", ("igor", "petrov"))],
)
def test_digits_standing_for_letters_in_a_person_name(raw: str, tokens: tuple[str, ...]) -> None:
    assert prepare(raw, PERSON).tokens == tokens


def test_digits_stay_digits_in_organisation_and_vessel_names() -> None:
    assert prepare("Kestria 7 Trading", ORG).tokens == ("kestria", "7", "trading")
    assert prepare("YV2556", None).tokens == ("yv2556",)


@pytest.mark.parametrize(
    ("raw", "number"),
    [
        ("Brigade Forty-Four", "#44"),
        ("Brigade 44", "#44"),
        ("Brigade 44th", "#44"),
        ("First Vornak Bank", "#1"),
        ("Vornak Fund II", "#2"),
        ("Vornak Fund Twenty-One", "#21"),
    ],
)
def test_numbers_in_words_and_digits_are_one_concept(raw: str, number: str) -> None:
    said = [span.concept for span in prepare(raw, ORG).concepts if span.concept.startswith("#")]
    assert said == [number]


def test_a_lone_letter_is_not_read_as_a_roman_numeral() -> None:
    assert numbers().spans(["i"]) == ()
    assert numbers().spans(["ii"]) == (Span(0, 1, "#2"),)


def test_acronym_positions() -> None:
    assert prepare("IEMZ Kupol", ORG).acronyms == frozenset({0})
    assert prepare("U.S. Vornak", ORG).acronyms == frozenset({0})
    assert prepare("Iemz Kupol", ORG).acronyms == frozenset()


def test_run_initials_include_translated_concepts() -> None:
    initials = run_initials(prepare("Izhevsk Electromechanical Plant Kupol", ORG))
    assert {"iemz", "iem", "emz", "iemp"} <= initials


def test_people_have_no_acronyms_or_initials() -> None:
    form = prepare("IEMZ VORNAK", PERSON)
    assert (form.acronyms, form.initials) == (frozenset(), ())


names = st.text(st.characters(codec="utf-8"), max_size=40)


@settings(max_examples=300, deadline=None)
@given(names, st.sampled_from([PERSON, ORG, None, "vessel"]))
def test_prepare_gives_ascii_tokens_and_spans_inside_them(
    name: str, type: EntityType | str | None
) -> None:
    form = prepare(name, type)
    assert all(token and token.isascii() and token == token.lower() for token in form.tokens)
    assert all(0 <= span.start < span.end <= len(form.tokens) for span in form.concepts)
    assert all(0 <= i < len(form.tokens) for i in form.acronyms)
    assert form.original == name
