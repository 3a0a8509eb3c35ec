"""The candidate index: which list names a query brings forward, and in what order."""

from __future__ import annotations

import pytest

from casegraph.model import EntityType
from casegraph.resolve.names import default_weight, prepare
from casegraph.screen.index import CandidateIndex

ORG, PERSON = EntityType.ORGANIZATION, EntityType.PERSON

# Fictional list names: (name, schema).
LISTED = [
    ("ROSTOK TEKH, OOO", "organization"),
    ("ROSTOK TEKH INTERNATIONAL TRADING AND SHIPPING HOLDING", "organization"),
    ("KESTRIA MARINE SERVICES LLC", "organization"),
    ("ZAVOD VORNAK", "organization"),
    ("NORTHERN TRADING COMPANY", "organization"),
    ("SOUTHERN TRADING COMPANY", "organization"),
    ("VYSHNEVSKY, Oleg Pavlovich", "person"),
    ("Oleg Pavlovich VYSHNEVSKY", "person"),
    ("AL-NOURI, Karim", "person"),
    ("KESTRIA", "vessel"),
]
FORMS = [prepare(name, schema) for name, schema in LISTED]
KINDS = [schema for _, schema in LISTED]
EVERY_KIND = frozenset(KINDS)
KINDS_OF: dict[EntityType | None, frozenset[str]] = {
    PERSON: frozenset({"person"}),
    ORG: frozenset({"organization"}),
    None: EVERY_KIND,
}


@pytest.fixture(scope="module")
def index() -> CandidateIndex:
    return CandidateIndex(FORMS, default_weight, KINDS)


def names(index: CandidateIndex, query: str, type: EntityType | None, limit: int = 3) -> list[str]:
    found = index.candidates(prepare(query, type), limit, KINDS_OF[type])
    return [LISTED[c.number][0] for c in found]


def test_the_exact_short_name_ranks_above_a_long_one_containing_it(index: CandidateIndex) -> None:
    assert names(index, "Rostok Tekh", ORG)[:2] == [
        "ROSTOK TEKH, OOO",
        "ROSTOK TEKH INTERNATIONAL TRADING AND SHIPPING HOLDING",
    ]


@pytest.mark.parametrize(
    ("query", "type", "expected"),
    [
        ("Rostock Tekh", ORG, "ROSTOK TEKH, OOO"),  # a letter too many
        ("Rostok Tehk", ORG, "ROSTOK TEKH, OOO"),  # two letters swapped
        ("Oleg Vishnevskiy", PERSON, "VYSHNEVSKY, Oleg Pavlovich"),  # another romanisation
        ("Олег Вышневский", PERSON, "VYSHNEVSKY, Oleg Pavlovich"),  # Cyrillic
        ("Vornak Plant", ORG, "ZAVOD VORNAK"),  # a translated word
        ("Karim Alnouri", PERSON, "AL-NOURI, Karim"),  # two words written as one
        ("Karim Iruon-La", PERSON, "AL-NOURI, Karim"),  # written backwards
    ],
)
def test_a_variant_finds_its_name(
    index: CandidateIndex, query: str, type: EntityType, expected: str
) -> None:
    assert names(index, query, type)[0] == expected


def test_kinds_keep_a_query_to_some_names(index: CandidateIndex) -> None:
    assert names(index, "Kestria", ORG) == ["KESTRIA MARINE SERVICES LLC"]
    assert names(index, "Kestria", None)[0] == "KESTRIA"
    assert names(index, "Kestria", PERSON) == []


def test_a_common_word_alone_brings_every_name_that_has_it(index: CandidateIndex) -> None:
    found = names(index, "Trading Company", ORG, limit=10)
    assert set(found[:2]) == {"NORTHERN TRADING COMPANY", "SOUTHERN TRADING COMPANY"}


def test_the_floor_drops_names_sharing_little(index: CandidateIndex) -> None:
    query = prepare("Rostok Tekh Holding Group", ORG)
    everything = index.candidates(query, 10, {"organization"})
    assert [c.overlap for c in everything] == sorted((c.overlap for c in everything), reverse=True)
    floor = (everything[0].overlap + everything[-1].overlap) / 2
    kept = index.candidates(query, 10, {"organization"}, floor)
    assert kept and all(c.overlap >= floor for c in kept)
    assert len(kept) < len(everything)


def test_a_query_without_letters_finds_nothing(index: CandidateIndex) -> None:
    assert index.candidates(prepare("!!!", ORG), 5, EVERY_KIND) == []


# Fictional list names where legal-form words also sit inside other names, unpeeled.
LEGAL_LISTED = [
    ("PUBLIC JOINT STOCK COMPANY VORTELEX", "organization"),
    ("DELTA PUBLIC JOINT STOCK TRADING CORPORATION", "organization"),
    ("OMEGA JOINT STOCK BANK", "organization"),
    ("KARIM, Yusuf", "person"),
    ("KARIM, Yasir", "person"),
]


@pytest.fixture(scope="module")
def legal_index() -> CandidateIndex:
    forms = [prepare(name, schema) for name, schema in LEGAL_LISTED]
    return CandidateIndex(forms, default_weight, [schema for _, schema in LEGAL_LISTED])


def test_misspelt_legal_form_words_do_not_rank_a_name_down(legal_index: CandidateIndex) -> None:
    """ "joitn" is no word of a name: the alignment ignores it as a misspelt legal form, so the
    ranking does too, and the name that shares only legal words with the query ranks lower."""
    query = prepare("PUBLIC JOITN STOCK COMPANY VORTELEX", ORG)
    found = legal_index.candidates(query, 2, frozenset({"organization"}))
    assert LEGAL_LISTED[found[0].number][0] == "PUBLIC JOINT STOCK COMPANY VORTELEX"
    assert found[0].overlap == pytest.approx(1.0)
    assert found[1].overlap < 0.5


def test_a_four_letter_word_finds_the_five_letter_word_it_lacks_a_letter_of(
    legal_index: CandidateIndex,
) -> None:
    assert "yusuf" in legal_index.similar("ysuf", True)
    query = prepare("Ysuf Karim", PERSON)
    found = legal_index.candidates(query, 1, frozenset({"person"}))
    assert LEGAL_LISTED[found[0].number][0] == "KARIM, Yusuf"
