from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.extract.quantities import find_quantities

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
Found = tuple[str, int | None, int | None, bool]


def _found(text: str) -> list[Found]:
    return [(q.text, q.low, q.high, q.approximate) for q in find_quantities(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Kupol received more than a dozen one-way attack drones",
            ("more than a dozen", 13, None, False),
        ),
        ("on more than half a dozen occasions", ("more than half a dozen", 7, None, False)),
        ("over half a dozen week-long visits", ("over half a dozen", 7, None, False)),
        ("half a dozen engineers", ("half a dozen", 6, 6, False)),
        ("a dozen drones", ("a dozen", 12, 12, False)),
        ("two dozen drones", ("two dozen", 24, 24, False)),
        ("about a dozen drones", ("about a dozen", 12, 12, True)),
        ("for several A200s fitted with", ("several", 3, None, True)),
        ("several of the experts", ("several of", 3, None, True)),
        ("producing thousands of Garpiya drones", ("thousands of", 2000, None, True)),
        ("dozens of experts", ("dozens of", 24, None, True)),
        ("hundreds of engineers", ("hundreds of", 200, None, True)),
        ("tens of thousands of shells", ("tens of thousands of", 20000, None, True)),
        ("a few experts", ("a few", 2, None, True)),
        ("a couple of engineers", ("a couple of", 2, 2, True)),
        ("multiple shipments", ("multiple", 2, None, True)),
        ("Kyiv has said around 500 are being used", ("around 500", 500, 500, True)),
        ("some 300 drones", ("some 300", 300, 300, True)),
        ("~300 drones", ("~300", 300, 300, True)),
        ("nearly 1,500 drones", ("nearly 1,500", 1500, 1500, True)),
        ("12 drones", ("12", 12, 12, False)),
        ("1,500 shells", ("1,500", 1500, 1500, False)),
        ("1.5 million shells", ("1.5 million", 1500000, 1500000, False)),
        ("2000 drones were delivered", ("2000", 2000, 2000, False)),
        ("two European security officials", ("two", 2, 2, False)),
        ("twenty-five experts", ("twenty-five", 25, 25, False)),
        ("two hundred and fifty drones", ("two hundred and fifty", 250, 250, False)),
        ("a hundred drones", ("a hundred", 100, 100, False)),
        ("more than 40 drones", ("more than 40", 41, None, False)),
        ("at least 5 visits", ("at least 5", 5, None, False)),
        ("up to 40 drones", ("up to 40", None, 40, False)),
        ("fewer than 10 staff", ("fewer than 10", None, 9, False)),
        ("more than one supplier", ("more than one", 2, None, False)),
        ("between 10 and 20 engineers", ("between 10 and 20", 10, 20, False)),
        ("10-20 drones", ("10-20", 10, 20, False)),
        ("five to ten engineers", ("five to ten", 5, 10, False)),
        ("Only 12 drones arrived", ("12", 12, 12, False)),
        ("Kupol, 12 drones and", ("12", 12, 12, False)),
    ],
)
def test_counts(text: str, expected: Found) -> None:
    assert _found(text) == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "can fly hundreds of miles",
        "more than 5 million yuan ($700,000)",
        "in 2024 and 2025",
        "the second quarter of 2024",
        "14 June 2024",
        "the A200, A60 and Shahed-107",
        "the GA-21 and HW52V",
        "one-way attack drones",
        "one of the officials",
        "someone said",
        "Boeing 737 jets",
        "invoice No. 12345",
        "flight 12 left",
        "5% of parts",
        "30 percent of parts",
        "two days later",
        "at 12:39 IST",
        "the 3rd batch",
        "a 12-member team",
        "account 00123",
        "2Q25",
    ],
)
def test_not_counts(text: str) -> None:
    assert _found(text) == []


def test_seed_article_counts() -> None:
    text = (SEEDS / "001_a9aaf2c9c3d44a76.txt").read_text(encoding="utf-8")
    found = find_quantities(text)
    by_text = {q.text: q for q in found}
    dozen = by_text["more than a dozen"]
    assert (dozen.low, dozen.high) == (13, None)
    assert text[dozen.start : dozen.end] == "more than a dozen"
    assert (by_text["more than half a dozen"].low, by_text["more than half a dozen"].high) == (
        7,
        None,
    )
    assert by_text["thousands of"].low == 2000
    assert (by_text["around 500"].low, by_text["around 500"].approximate) == (500, True)
    assert not any("miles" in text[q.end : q.end + 7] for q in found)
    assert not any(q.text in {"5 million", "700,000", "2024", "2025", "107", "21"} for q in found)


FRAGMENTS = st.sampled_from(
    [
        "more than",
        "over",
        "a",
        "half",
        "dozen",
        "dozens",
        "of",
        "thousands",
        "several",
        "12",
        "1,500",
        "500",
        "two",
        "twenty",
        "-",
        "five",
        "hundred",
        "and",
        "between",
        "to",
        "~",
        "one",
        "drones",
        "miles",
        "%",
        "yuan",
        "$",
        "2024",
        "A200",
        "Shahed-107",
        ".",
        ",",
        ":",
        "No.",
        "Boeing",
        "the",
    ]
)
NEWSY = st.lists(st.tuples(FRAGMENTS, st.sampled_from(["", " "])), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@given(st.one_of(st.text(max_size=200), NEWSY))
def test_spans_are_exact_sorted_and_disjoint(text: str) -> None:
    found = find_quantities(text)
    for q in found:
        assert text[q.start : q.end] == q.text
        assert q.low is not None or q.high is not None
        assert q.low is None or q.high is None or q.low <= q.high
    for a, b in pairwise(found):
        assert a.end <= b.start


@given(st.integers(2, 10**6))
def test_generated_counts_round_trip(n: int) -> None:
    assert _found(f"Kupol received {n:,} drones.") == [(f"{n:,}", n, n, False)]
    assert _found(f"Kupol received more than {n} drones.") == [
        (f"more than {n}", n + 1, None, False)
    ]
    assert _found(f"Kupol received about {n} drones.") == [(f"about {n}", n, n, True)]
