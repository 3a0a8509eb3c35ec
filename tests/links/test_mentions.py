"""One rule for finding a party's name, shared by the link features and the masked vector."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from casegraph.links.mentions import case_flags, name_patterns


def found(name: str, sentence: str) -> list[str]:
    return [m.group(0) for p in name_patterns(name) for m in re.finditer(p, sentence, case_flags(name))]


def test_short_capitals_match_by_case_and_as_whole_words() -> None:
    assert found("US", "The US told us the USA used US dollars.") == ["US", "US"]
    assert found("EU", "EU officials and European leaders") == ["EU"]


def test_longer_names_match_in_any_case_and_as_a_prefix() -> None:
    assert found("Russia", "Russian buyers in RUSSIA") == ["RUSSIA", "Russia", "RUSSIA"]
    assert found("Kestria Ltd", "KESTRIA LTD and Kestria Ltd's office") == [
        "KESTRIA LTD", "Kestria Ltd", "KESTRIA LTD", "Kestria Ltd"]


@given(st.text(min_size=1, max_size=12), st.text(max_size=60))
def test_any_name_is_a_valid_literal_pattern(name: str, sentence: str) -> None:
    """Names are escaped: a name with regex syntax in it ("a.b") is found only as written."""
    for match in found(name, sentence):
        assert len(match) == len(name)
        assert re.fullmatch(re.escape(name), match, case_flags(name))
    assert found(name, f"{sentence} {name} ")
