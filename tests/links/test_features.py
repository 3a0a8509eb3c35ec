"""Features of one sentence about two named parties, on sentences we wrote."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.extract.nlp import load_pipeline
from casegraph.links.features import (
    LinkExample,
    dependency_path,
    featurize,
    locate,
    locate_pair,
    occurrences,
    phrase_tokens,
    sentence_features,
)


def features(sentence: str, source: str, target: str) -> dict[str, float]:
    return sentence_features(load_pipeline()(sentence), source, target)


def test_locate_finds_the_name_as_written() -> None:
    doc = load_pipeline()("Funds reached Marlow Shipping Ltd in March.")
    found = locate(doc, "marlow shipping ltd")
    assert found is not None and found.span.text == "Marlow Shipping Ltd" and found.how == "exact"


def test_short_capitals_match_case_and_whole_words_only() -> None:
    doc = load_pipeline()("The business told us nothing about the UK.")
    found = locate(doc, "UK")
    assert found is not None and found.span.text == "UK"
    assert locate(doc, "US") is None


def test_locate_falls_back_to_a_word_of_the_name() -> None:
    doc = load_pipeline()("The Ruritanian minister Olaf Brandt resigned.")
    country = locate(doc, "Ruritania")
    assert country is not None and country.span.text == "Ruritanian"
    family = locate(load_pipeline()("Ajit Brandt met the committee."), "Brandts")
    assert family is not None and family.how == "word" and family.span.text == "Brandt"


def test_names_are_masked_and_their_kinds_kept() -> None:
    found = features("Jane Roe, the chief executive of Acme Holdings, resigned.", "Jane Roe", "Acme Holdings")
    assert not any(name.endswith(("=jane", "=roe", "=acme")) for name in found)
    assert found["types=PERSON|ORG"] == 1.0
    assert found["kind_t=holdings"] == 1.0
    assert found["hint_between=MANAGER"] == 1.0
    assert found["path_word=executive"] == 1.0


def test_shared_surname_and_abbreviation() -> None:
    kin = features("Olena Petrenko and her brother Ivan Petrenko left Kyiv.", "Olena Petrenko", "Ivan Petrenko")
    assert kin["share_word"] == 1.0 and kin["hint_between=FAMILY"] == 1.0
    short = features("The NFC said the National Fund of Culture paid.", "NFC", "National Fund of Culture")
    assert short["abbreviation"] == 1.0 and "share_word" not in short


def test_the_pair_is_read_at_its_two_nearest_mentions() -> None:
    doc = load_pipeline()("Ruritania signed the deal, said Ruritanian President Olaf Brandt.")
    assert [m.span.text for m in occurrences(doc, "Ruritania")] == ["Ruritania", "Ruritanian"]
    country, person = locate_pair(doc, "Ruritania", "Olaf Brandt")
    assert country is not None and person is not None
    assert country.span.text == "Ruritanian" and person.span.text == "Olaf Brandt"


def test_a_title_that_ties_the_two_names_is_near() -> None:
    found = features("Ruritanian President Olaf Brandt opened the summit.", "Olaf Brandt", "Ruritania")
    assert found["near"] == 1.0 and found["near_hint=MANAGER"] == 1.0
    assert found["np_s=president"] == 1.0 and found["np_hint_s=MANAGER"] == 1.0
    far = features("Olaf Brandt spoke for an hour before the delegation finally left for Ruritania.", "Olaf Brandt", "Ruritania")
    assert "near" not in far


def test_the_words_of_a_names_own_phrase() -> None:
    doc = load_pipeline()("The son of Ivan Petrenko runs a shipping firm.")
    found = locate(doc, "Ivan Petrenko")
    assert found is not None
    assert [t.lemma_ for t in phrase_tokens(found.span, set())] == ["son"]
    kin = features("The son of Ivan Petrenko, Oleh Petrenko, runs a shipping firm.", "Ivan Petrenko", "Oleh Petrenko")
    assert kin["np_hint_any=FAMILY"] == 1.0


def test_a_verb_between_subject_and_object_is_a_frame() -> None:
    found = features("Borvik Trading sued Telmar Logistics last year.", "Borvik Trading", "Telmar Logistics")
    assert found["frame=sue"] == 1.0 and found["hint_frame=ANTAGONIST"] == 1.0


def test_a_name_not_in_the_sentence_is_marked_missing() -> None:
    found = features("Borvik Trading filed its accounts.", "Borvik Trading", "Telmar Logistics")
    assert found["missing"] == 1.0 and "found=exact|none" in found
    assert not any(name.startswith("path") for name in found)


def test_dependency_path_meets_at_the_common_ancestor() -> None:
    doc = load_pipeline()("Borvik Trading sued Telmar Logistics.")
    up, down = dependency_path(doc[1], doc[4])
    assert [t.text for t in up] == ["Trading", "sued"] and [t.text for t in down] == ["Logistics"]


def test_featurize_keeps_the_order_of_examples() -> None:
    examples = [
        LinkExample("Jane Roe sued Acme Holdings.", "Jane Roe", "Acme Holdings"),
        LinkExample("Acme Holdings is based in Ruritania.", "Acme Holdings", "Ruritania"),
    ]
    first, second = featurize(load_pipeline(), examples)
    assert "frame=sue" in first and "frame=sue" not in second


WORD = st.text(alphabet="bcdfghjklmnprstvz", min_size=3, max_size=8).map(str.capitalize)


@settings(max_examples=30, deadline=None)
@given(first=WORD, last=WORD, before=st.sampled_from(["Yesterday", "In March", "Reporters said"]))
def test_a_name_put_into_a_sentence_is_found_there(first: str, last: str, before: str) -> None:
    name = f"{first} {last}"
    doc = load_pipeline()(f"{before} {name} signed the contract.")
    found = locate(doc, name)
    assert found is not None and name in found.span.text
