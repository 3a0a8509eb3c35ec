"""Screening against the real OFAC SDN snapshot shipped with the package."""

from __future__ import annotations

import random

import pytest

from casegraph.model import Entity, EntityType, ScreeningMatch
from casegraph.screen.lists import default_lists
from casegraph.screen.screening import DEFAULT_THRESHOLD, Screener

PERSON, ORG = EntityType.PERSON, EntityType.ORGANIZATION


@pytest.fixture(scope="module")
def screener() -> Screener:
    return Screener(default_lists())


def ids(matches: list[ScreeningMatch]) -> list[str]:
    return [m.entry_id for m in matches]


def score_of(screener: Screener, name: str, type: EntityType | None, entry_id: str) -> float:
    """The entry's score for the name whatever the threshold."""
    compared = screener.compare(name, entry_id, type)
    assert compared is not None
    return compared.score


def test_tsk_vektor_hits_only_its_entry(screener: Screener) -> None:
    matches = screener.screen_name("TSK Vektor", ORG)
    assert ids(matches) == ["46441"]
    assert matches[0].score >= 0.95
    assert matches[0].explanation == (
        "query 'TSK Vektor' vs list name 'TSK VEKTOR, OOO': agreed: tsk, vektor; "
        "legal form ignored in list: ooo"
    )


@pytest.mark.parametrize(
    ("entry_id", "listed", "other_word"),
    [("35156", "AO NII VEKTOR", "nii"), ("48637", "VEKTOR ETALON", "etalon")],
)
def test_tsk_vektor_does_not_reach_entries_sharing_a_word(
    screener: Screener, entry_id: str, listed: str, other_word: str
) -> None:
    compared = screener.compare("TSK Vektor", entry_id, ORG)
    assert compared is not None
    assert compared.matched_name == listed
    assert compared.score < DEFAULT_THRESHOLD
    assert "agreed: vektor" in compared.explanation
    assert "only in query: tsk" in compared.explanation
    assert f"only in list: {other_word}" in compared.explanation


def test_iemz_kupol_hits_the_plant_by_its_initials(screener: Screener) -> None:
    matches = screener.screen_name("IEMZ Kupol", ORG)
    assert ids(matches) == ["46431"]
    assert matches[0].matched_name == "JOINT STOCK COMPANY IZHEVSK ELECTROMECHANICAL PLANT KUPOL"
    assert matches[0].score >= 0.9
    explanation = matches[0].explanation
    assert "agreed: kupol" in explanation
    assert "close: iemz ~ izhevsk electromechanical plant (initials)" in explanation
    assert "legal form ignored in list: joint stock company" in explanation


@pytest.mark.parametrize(("short_form", "entry_id"), [("Kupol", "46431"), ("Vektor", "46441")])
def test_a_short_form_alone_stays_below_the_threshold(
    screener: Screener, short_form: str, entry_id: str
) -> None:
    compared = screener.compare(short_form, entry_id, ORG)
    assert compared is not None
    assert 0.3 < compared.score < DEFAULT_THRESHOLD
    assert f"agreed: {short_form.lower()}" in compared.explanation
    assert "only in list:" in compared.explanation


def test_compare_with_an_unknown_entry(screener: Screener) -> None:
    assert screener.compare("TSK Vektor", "no-such-entry", ORG) is None


def test_an_almost_exact_hit_hides_much_weaker_ones(screener: Screener) -> None:
    """Below a near-exact match, an entry sharing a given name is not offered even at threshold
    0; without a near-exact match it is."""
    exact = screener.screen_name("PUTIN, Vladimir Vladimirovich", PERSON, limit=10, threshold=0.0)
    assert exact[0].entry_id == "35096"
    assert all(m.score >= exact[0].score - 0.1 for m in exact)
    namesake = score_of(screener, "PUTIN, Vladimir Vladimirovich", PERSON, "20139")
    assert 0.0 < namesake < exact[0].score - 0.1  # KONONOV, Vladimir
    assert "20139" not in ids(exact)
    assert "20139" in ids(screener.screen_name("Vladimir", PERSON, limit=10, threshold=0.0))


def test_match_carries_list_version_programs_and_explanation(screener: Screener) -> None:
    match = screener.screen_name("TSK Vektor", ORG)[0]
    assert (match.list_name, match.list_date, match.entry_type) == (
        "OFAC SDN",
        "2024-05-03",
        "organization",
    )
    assert (match.matched_name, match.query_name, match.entity_id) == (
        "TSK VEKTOR, OOO",
        "TSK Vektor",
        "",
    )
    assert match.programs == ("RUSSIA-EO14024",)
    assert "query 'TSK Vektor'" in match.explanation
    assert "list name 'TSK VEKTOR, OOO'" in match.explanation
    assert "agreed: tsk, vektor" in match.explanation
    assert "legal form ignored in list: ooo" in match.explanation


def test_acronym_of_translated_words(screener: Screener) -> None:
    matches = screener.screen_name("IEMZ Kupol", ORG)
    assert ids(matches)[:1] == ["46431"]
    assert "iemz ~ izhevsk electromechanical plant (initials)" in matches[0].explanation


def test_romanised_russian_words_meet_their_translation(screener: Screener) -> None:
    matches = screener.screen_name("AO Izhevsky Elektromekhanichesky Zavod Kupol", ORG)
    assert ids(matches)[:1] == ["46431"]


@pytest.mark.parametrize(
    ("query", "type", "entry_id"),
    [
        ("Vladimir Putin", PERSON, "35096"),
        ("PUTIN, Vladimir Vladimirovich", PERSON, "35096"),
        ("Владимир Путин", PERSON, "35096"),
        ("Владимир Юрьевич Высоцкий", PERSON, "26507"),
        ("Vladimir Vysotksy", PERSON, "26507"),
        ("Vladimir Yuryevich Vysotskiy", PERSON, "26507"),
        ("Alexander Yurevich Drozdenko", PERSON, "40263"),
        ("Sergei Shoigu", PERSON, "35173"),
        ("TSK Vektor LLC", ORG, "46441"),
        ("OOO TSK Vektor", None, "46441"),
    ],
)
def test_variants_of_listed_names_hit(
    screener: Screener, query: str, type: EntityType | None, entry_id: str
) -> None:
    assert ids(screener.screen_name(query, type))[:1] == [entry_id]


def test_list_order_and_reading_order_score_alike(screener: Screener) -> None:
    listed = score_of(screener, "PUTIN, Vladimir Vladimirovich", PERSON, "35096")
    reading = score_of(screener, "Vladimir Vladimirovich Putin", PERSON, "35096")
    assert listed == reading == 1.0


@pytest.mark.parametrize(
    "query",
    [
        "Sichuan AEE",
        "Sichuan AEE Technology Co., Ltd.",
        "Hunan Haotianyi",
        "Hunan Haotianyi Technology",
        "Liu Mingxing",
        "Samuel Bendett",
        "Reuters",
        "Center for a New American Security",
        "Kupol",
    ],
)
def test_unlisted_parties_have_no_hit(screener: Screener, query: str) -> None:
    for type in (None, PERSON, ORG):
        assert screener.screen_name(query, type) == [], (query, type)


def test_person_query_never_matches_an_organization(screener: Screener) -> None:
    matches = screener.screen_name("TSK Vektor", PERSON, limit=50, threshold=0.0)
    assert {m.entry_type for m in matches} <= {"person"}


def test_organization_query_never_matches_a_person(screener: Screener) -> None:
    matches = screener.screen_name("Vladimir Putin", ORG, limit=50, threshold=0.0)
    assert {m.entry_type for m in matches} <= {"organization"}


def test_vessels_and_aircraft_only_for_untyped_queries(screener: Screener) -> None:
    for name, entry_id in (("EBANO", "4243"), ("EP-GOM", "15431")):
        assert ids(screener.screen_name(name))[:1] == [entry_id]
        for type in (PERSON, ORG):
            assert entry_id not in ids(screener.screen_name(name, type, limit=50, threshold=0.0))


@pytest.mark.parametrize("type", [EntityType.PRODUCT, EntityType.PLACE, EntityType.AUTHORITY])
def test_products_places_and_authorities_are_not_screened(
    screener: Screener, type: EntityType
) -> None:
    assert screener.screen_name("TSK VEKTOR, OOO", type, threshold=0.0) == []


def test_screen_entity_uses_every_name_and_keeps_the_best_per_entry(screener: Screener) -> None:
    entity = Entity(
        id="ent-1", type=ORG, name="Kupol", aliases=("IEMZ Kupol", "Kupol plant", "IEMZ Kupol")
    )
    matches = screener.screen_entity(entity)
    assert ids(matches) == ["46431"]
    assert matches[0].entity_id == "ent-1"
    assert matches[0].query_name == "IEMZ Kupol"


def test_short_form_alias_does_not_reach_other_entries(screener: Screener) -> None:
    entity = Entity(id="ent-3", type=ORG, name="TSK Vektor", aliases=("Vektor",))
    assert ids(screener.screen_entity(entity)) == ["46441"]


def test_screen_entity_of_an_unscreened_type(screener: Screener) -> None:
    entity = Entity(id="ent-2", type=EntityType.PRODUCT, name="TSK VEKTOR, OOO")
    assert screener.screen_entity(entity) == []


def test_limit_and_threshold(screener: Screener) -> None:
    many = screener.screen_name("Vladimir", PERSON, limit=7, threshold=0.0)
    assert len(many) == 7
    assert [m.score for m in many] == sorted((m.score for m in many), reverse=True)
    assert len({m.entry_id for m in many}) == 7
    assert screener.screen_name("TSK Vektor", ORG, threshold=1.01) == []


def test_empty_and_symbol_only_names(screener: Screener) -> None:
    assert screener.screen_name("") == []
    assert screener.screen_name("!!! ???") == []


def test_no_lists_no_matches() -> None:
    assert Screener([]).screen_name("TSK Vektor") == []


def test_listed_names_find_their_own_entry(screener: Screener) -> None:
    """A sample of real list names, and of each with one letter dropped, hit their entry."""
    rng = random.Random(20240503)
    entries = rng.sample(default_lists()[0].entries, 300)
    exact = sum(e.entry_id in ids(screener.screen_name(rng.choice(e.names))) for e in entries)
    typo = 0
    for entry in entries:
        name = rng.choice(entry.names)
        cut = rng.randrange(1, len(name) - 1) if len(name) > 8 else len(name)
        typo += entry.entry_id in ids(screener.screen_name(name[:cut] + name[cut + 1 :]))
    assert exact >= 297
    assert typo >= 270


def test_every_name_of_a_found_entry_is_aligned(screener: Screener) -> None:
    """The entry's name sharing most weight with the query ("... OTVETSTVENNOSTYU UKON") is
    not the one that agrees best ("UCON COMPANY"): both are aligned."""
    matches = screener.screen_name("Ukon Kompani", ORG)
    assert ids(matches)[:1] == ["47614"]
    assert matches[0].matched_name == "UCON COMPANY"
    assert matches[0].score >= 0.9
