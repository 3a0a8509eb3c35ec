"""Light coreference on texts we wrote (fictional parties), and the agreement rule as properties."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casegraph.extract.coref import Description, find_references
from casegraph.extract.mentions import find_mentions
from casegraph.extract.nlp import load_pipeline

WORDS = st.frozensets(st.sampled_from(["arms", "drone", "procurement", "defence", "state-owned", "shipper", "machine-tool"]), max_size=3)
HEADS = st.sampled_from(["maker", "company", "supplier", "trader", "ministry"])
COUNTRIES = st.frozensets(st.sampled_from(["ru", "cn", "lv", "pl"]), max_size=2)


def _references(text: str) -> dict[str, str]:
    """Phrase -> the name it was resolved to."""
    doc = load_pipeline()(text)
    return {found.said_as: text[found.start : found.end] for found in find_references(doc, find_mentions(doc)).values()}


@given(HEADS, WORDS, COUNTRIES)
def test_a_party_fits_the_description_it_was_given(head: str, words: frozenset[str], countries: frozenset[str]) -> None:
    described = Description(head, words, countries)
    assert described.fits([described])


@given(HEADS, WORDS, WORDS, COUNTRIES)
def test_a_word_the_party_was_never_given_does_not_fit(
    head: str, known: frozenset[str], asked: frozenset[str], countries: frozenset[str]
) -> None:
    fits = Description(head, asked, frozenset()).fits([Description(head, known, countries)])
    assert fits == (asked <= known)


@given(HEADS, WORDS)
def test_a_different_country_does_not_fit(head: str, words: frozenset[str]) -> None:
    assert not Description(head, words, frozenset({"ru"})).fits([Description(head, words, frozenset({"cn"}))])


@given(WORDS)
def test_the_generic_company_fits_any_company_but_not_a_ministry(words: frozenset[str]) -> None:
    company = Description("company", frozenset(), frozenset())
    assert company.fits([Description("maker", words, frozenset())])
    assert not company.fits([Description("ministry", words, frozenset())])
    assert company.fits([]) and not Description("maker", frozenset(), frozenset()).fits([])


def test_synonyms_agree() -> None:
    assert _references(
        "Arms maker Drevlin Motor Works hired Quorra Logistics in 2021. Later the weapons manufacturer billed Quorra Logistics."
    ) == {"the weapons manufacturer": "Drevlin Motor Works"}


def test_description_resolves_within_its_paragraph_only() -> None:
    near = "Drone maker Feldspar Aero signed a deal in 2023. The drone maker later billed Quorra Logistics."
    far = near.replace(" The drone maker", " Prices rose.\nPrices rose.\nPrices rose.\nPrices rose.\nThe drone maker")
    assert _references(near) == {"The drone maker": "Feldspar Aero"}
    assert _references(far) == {}


def test_a_party_is_not_its_own_object() -> None:
    assert "the company" not in _references("Nordvik Trading is a Latvian trading company. Nordvik Trading sued the company.")


def test_it_needs_a_named_subject_before() -> None:
    assert _references("Kalvenor Defence Works said that it had received radar units.") == {"it": "Kalvenor Defence Works"}
    assert _references("A document of Kalvenor Defence Works said that it had received radar units.") == {}


def test_experts_resolve_to_where_they_came_from() -> None:
    text = "Engineers from Rellmark Institute arrived in Kestrograd in May 2024. The engineers then visited a plant."
    assert _references(text) == {"The engineers": "Rellmark Institute"}
    assert _references(text.replace("The engineers", "The officials")) == {}


def test_a_person_pronoun_is_left_alone_beside_an_unnamed_person() -> None:
    assert _references("Lena Haas met an official in Riga. She later sued Greyfield Bank.") == {}


def test_it_of_the_weather_is_nobody() -> None:
    assert _references("Drone maker Feldspar Aero signed a deal in 2023. It rained that day.") == {}
