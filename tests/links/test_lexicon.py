"""Trigger words group by the link type they hint at."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from casegraph.links.lexicon import ORG_KINDS, TRIGGERS, trigger_types
from casegraph.model import LinkType


def test_a_kinship_word_hints_at_family_only() -> None:
    assert trigger_types("nephew") == (LinkType.FAMILY,)


def test_legal_setting_is_not_an_adversary_hint() -> None:
    assert LinkType.ANTAGONIST not in trigger_types("court")
    assert LinkType.ANTAGONIST in trigger_types("sue")


def test_most_words_hint_at_nothing() -> None:
    assert trigger_types("weather") == ()


def test_words_are_lower_case_single_lemmas() -> None:
    for words in (*TRIGGERS.values(), ORG_KINDS):
        assert all(w == w.lower() and " " not in w for w in words)


@given(st.sampled_from(sorted({w for words in TRIGGERS.values() for w in words})))
def test_lookup_ignores_case(word: str) -> None:
    assert trigger_types(word.upper()) == trigger_types(word) != ()
