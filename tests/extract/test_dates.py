from __future__ import annotations

import re
from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.extract.dates import find_dates, guess_published, normalize_date

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"
REF = date(2025, 9, 25)
VALUE = re.compile(r"^\d{4}(-Q[1-4]|-H[12]|-\d{2}(-\d{2})?)?$")
MONTHS = (
    ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"]
)


def _values(text: str, reference: date | None = REF) -> list[tuple[str, str | None, bool]]:
    return [(d.text, d.value, d.relative) for d in find_dates(text, reference)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the second quarter of 2025", "2025-Q2"),
        ("billed in the second quarter of 2024 for drones", "2024-Q2"),
        ("Q2 2025", "2025-Q2"),
        ("Q2'25", "2025-Q2"),
        ("Q3/2024", "2024-Q3"),
        ("2Q25", "2025-Q2"),
        ("3Q 2024", "2024-Q3"),
        ("the last quarter of 2024", "2024-Q4"),
        ("the final quarter of 2023", "2023-Q4"),
        ("the fourth quarter of 2024", "2024-Q4"),
        ("the 4th quarter of 2019", "2019-Q4"),
        ("June 2024", "2024-06"),
        ("Sept. 2023", "2023-09"),
        ("March of 2022", "2022-03"),
        ("14 June 2024", "2024-06-14"),
        ("14th of June, 2024", "2024-06-14"),
        ("June 14, 2024", "2024-06-14"),
        ("June 14th 2024", "2024-06-14"),
        ("2024-06-14", "2024-06-14"),
        ("14.06.2024", "2024-06-14"),
        ("25-09-2025", "2025-09-25"),
        ("09/25/2025", "2025-09-25"),
        ("25/09/2025", "2025-09-25"),
        ("in 2024", "2024"),
        ("In 2019, the firm was founded", "2019"),
        ("early 2024", "2024"),
        ("late 2023", "2023"),
        ("mid-2024", "2024"),
        ("the end of 2022", "2022"),
        ("summer 2021", "2021"),
        ("first half of 2025", "2025-H1"),
        ("the second half of 2024", "2024-H2"),
        ("H1 2025", "2025-H1"),
        ("1H25", "2025-H1"),
        ("the 2022 invasion", "2022"),
        ("2024-06", "2024-06"),
    ],
)
def test_stated_dates(text: str, expected: str) -> None:
    found = find_dates(text)
    assert [d.value for d in found] == [expected]
    assert not found[0].relative
    assert normalize_date(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the third quarter last year", "2024-Q3"),
        ("second quarter of last year", "2024-Q2"),
        ("the first quarter of this year", "2025-Q1"),
        ("third-quarter", "2025-Q3"),
        ("the fourth quarter", "2025-Q4"),
        ("the last quarter", "2025-Q2"),
        ("in Q1", "2025-Q1"),
        ("last year", "2024"),
        ("this year", "2025"),
        ("next year", "2026"),
        ("earlier this year", "2025"),
        ("late last year", "2024"),
        ("the end of last year", "2024"),
        ("in September last year", "2024-09"),
        ("June of last year", "2024-06"),
        ("in June", "2025-06"),
        ("since March", "2025-03"),
        ("last June", "2025-06"),
        ("last October", "2024-10"),
        ("next March", "2026-03"),
        ("last month", "2025-08"),
        ("14 June", "2025-06-14"),
        ("the first half", "2025-H1"),
        ("the second half of last year", "2024-H2"),
    ],
)
def test_relative_dates(text: str, expected: str) -> None:
    found = find_dates(text, REF)
    assert [(d.value, d.relative) for d in found] == [(expected, True)]
    assert normalize_date(text, REF) == expected
    without = find_dates(text)
    assert [(d.value, d.relative) for d in without] == [(None, True)]
    assert normalize_date(text) is None


def test_relative_month_in_january_wraps_to_december() -> None:
    assert normalize_date("last month", date(2025, 1, 10)) == "2024-12"
    assert normalize_date("the last quarter", date(2025, 2, 1)) == "2024-Q4"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("between 2024 and 2025", [("2024", "2024"), ("2025", "2025")]),
        ("in 2024 and 2025", [("2024", "2024"), ("2025", "2025")]),
        ("2024-25", [("2024", "2024"), ("25", "2025")]),
        ("from 2019 to 2021", [("2019", "2019"), ("2021", "2021")]),
        ("June to August 2024", [("June", "2024-06"), ("August 2024", "2024-08")]),
        (
            "the second and third quarters of 2024",
            [("the second", "2024-Q2"), ("third quarters of 2024", "2024-Q3")],
        ),
    ],
)
def test_ranges_give_one_value_per_end(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(d.text, d.value) for d in find_dates(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "500 drones",
        "the A200 and A900",
        "a version of Iran's Shahed-107",
        "2000 drones were delivered",
        "more than 2000 engines",
        "invoice No. 2024",
        "flight 1905 left",
        "it may rain",
        "they march on",
        "the GA-21 and HW52V",
        "12:39 IST",
        "$2024",
        "1,950 units",
        "31.02.2024",
        "over the last year",
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text, REF) == []


def test_iso_timestamp_gives_its_day() -> None:
    assert _values("2025-09-25T10:00:00Z") == [("2025-09-25", "2025-09-25", False)]


def test_ambiguous_slashed_date_keeps_only_the_year() -> None:
    assert normalize_date("03/04/2024") == "2024"


def test_month_names_are_case_sensitive() -> None:
    assert normalize_date("in may 2024") == "2024"
    assert normalize_date("in May 2024") == "2024-05"
    assert normalize_date("JUNE 2024") == "2024-06"


def test_longest_expression_wins() -> None:
    text = "in the second quarter of last year and in June 2024"
    assert _values(text) == [
        ("the second quarter of last year", "2024-Q2", True),
        ("June 2024", "2024-06", False),
    ]


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        (" date 2025-09-25 Left Menu\n\nDrone Diplomacy", date(2025, 9, 25)),
        ("Published: 25 September 2025\nBy staff", date(2025, 9, 25)),
        ("News Desk | Updated: 25-09-2025 12:39 IST", date(2025, 9, 25)),
        ("Drones\nSeptember 25, 2025\nChinese experts", date(2025, 9, 25)),
        ("<time>2025-09-25T10:00:00Z</time> Moscow", date(2025, 9, 25)),
        ("Founded 1 May 1998. Updated: 3 March 2024", date(2024, 3, 3)),
        ("No date at all in this head, only 2024.", None),
        ("", None),
    ],
)
def test_guess_published(head: str, expected: date | None) -> None:
    assert guess_published(head) == expected


def test_guess_published_reads_only_the_head() -> None:
    assert guess_published("x " * 400 + "Published: 25 September 2025") is None


def test_seed_article_quarters() -> None:
    text = (SEEDS / "001_a9aaf2c9c3d44a76.txt").read_text(encoding="utf-8")
    found = {d.text: d.value for d in find_dates(text, REF)}
    assert found["the second quarter of 2024"] == "2024-Q2"
    assert found["the second quarter of 2025"] == "2025-Q2"
    assert found["the last quarter of 2024"] == "2024-Q4"
    assert found["the third quarter of 2025"] == "2025-Q3"
    assert found["the second quarter of last year"] == "2024-Q2"
    assert found["the third quarter last year"] == "2024-Q3"
    assert found["September last year"] == "2024-09"
    assert not any(d.text in {"500", "107", "21"} for d in find_dates(text))


def test_seed_rewrite_publication_date() -> None:
    text = (SEEDS / "000_6bbe1b8353bde5fb.txt").read_text(encoding="utf-8")
    assert guess_published(text) == date(2025, 9, 25)
    assert guess_published((SEEDS / "001_a9aaf2c9c3d44a76.txt").read_text(encoding="utf-8")) is None


FRAGMENTS = st.sampled_from(
    [
        "2024",
        "2025",
        "1899",
        "2101",
        "Q2",
        "2Q25",
        "H1",
        "1H",
        "the",
        "second",
        "third-quarter",
        "last",
        "final",
        "quarter",
        "quarters",
        "half",
        "of",
        "last year",
        "this year",
        "in",
        "June",
        "May",
        "Sept.",
        "14",
        "31",
        "14th",
        "and",
        "to",
        "-",
        "/",
        ".",
        ",",
        "'25",
        "early",
        "mid-",
        "between",
        "2024-06-14",
        "14.06.2024",
        "T10:00",
        "drones",
        "A200",
        "Shahed-107",
        "500",
        "month",
        "next",
        "(",
        ")",
        "\n",
    ]
)
NEWSY = st.lists(st.tuples(FRAGMENTS, st.sampled_from(["", " ", "  "])), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts)
)
TEXTS = st.one_of(st.text(max_size=200), NEWSY)
REFERENCES = st.one_of(st.none(), st.dates())


def _check_spans(text: str, reference: date | None) -> None:
    found = find_dates(text, reference)
    for d in found:
        assert text[d.start : d.end] == d.text
        assert d.start < d.end
        assert d.value is None or VALUE.match(d.value), d
        assert d.value is not None or d.relative
    for a, b in pairwise(found):
        assert a.end <= b.start


@given(TEXTS, REFERENCES)
def test_spans_are_exact_sorted_and_disjoint(text: str, reference: date | None) -> None:
    _check_spans(text, reference)
    normalize_date(text, reference)
    guess_published(text)


@given(
    st.integers(1900, 2100),
    st.sampled_from(list(enumerate(["first", "second", "third", "fourth"], 1))),
)
def test_generated_quarters_round_trip(year: int, quarter: tuple[int, str]) -> None:
    number, word = quarter
    text = f"Shipments rose in the {word} quarter of {year}, officials said."
    assert [d.value for d in find_dates(text)] == [f"{year}-Q{number}"]
    assert normalize_date(f"Q{number} {year}") == f"{year}-Q{number}"


@given(st.dates(date(1900, 1, 1), date(2100, 12, 31)))
def test_generated_days_round_trip(day: date) -> None:
    month = MONTHS[day.month - 1]
    for text in (
        f"{day.day} {month} {day.year}",
        f"{month} {day.day}, {day.year}",
        day.isoformat(),
    ):
        assert normalize_date(f"It happened on {text}.") == day.isoformat()
