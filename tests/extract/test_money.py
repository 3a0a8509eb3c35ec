from __future__ import annotations

import math
from itertools import pairwise
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.extract.money import find_money, parse_amount

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"


def _amounts(text: str) -> list[tuple[tuple[float, str], ...]]:
    return [tuple((a.amount, a.currency) for a in span.amounts) for span in find_money(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 million", 5e6),
        ("1.2bn", 1.2e9),
        ("700,000", 7e5),
        ("3,5 Mio.", 3.5e6),
        ("2.5m", 2.5e6),
        ("500k", 5e5),
        ("1,234,567.89", 1234567.89),
        ("1.234.567", 1234567),
        ("1.234,56", 1234.56),
        ("1'000'000", 1e6),
        ("five million", 5e6),
        ("a billion", 1e9),
        ("half a million", 5e5),
        ("3 Mrd.", 3e9),
        ("500 crore", 5e9),
        ("40", 40),
        ("no number here", None),
        ("", None),
    ],
)
def test_parse_amount(text: str, expected: float | None) -> None:
    value = parse_amount(text)
    if expected is None:
        assert value is None
    else:
        assert value is not None and math.isclose(value, expected)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5 million yuan ($700,000)", ((5e6, "CNY"), (7e5, "USD"))),
        ("US$1.2bn", ((1.2e9, "USD"),)),
        ("USD 5 million", ((5e6, "USD"),)),
        ("700,000 USD", ((7e5, "USD"),)),
        ("$40,000", ((4e4, "USD"),)),
        ("40,000 dollars", ((4e4, "USD"),)),
        ("40,000 US dollars", ((4e4, "USD"),)),
        ("2 million Hong Kong dollars", ((2e6, "HKD"),)),
        ("HK$10 million", ((1e7, "HKD"),)),
        ("€5m", ((5e6, "EUR"),)),
        ("5 million euros", ((5e6, "EUR"),)),
        ("3,5 Mio. Euro", ((3.5e6, "EUR"),)),
        ("EUR 12,000", ((12000, "EUR"),)),
        ("£3.5 million", ((3.5e6, "GBP"),)),
        ("5 million pounds", ((5e6, "GBP"),)),
        ("500 pounds sterling", ((500, "GBP"),)),
        ("GBP 200", ((200, "GBP"),)),
        ("20 million renminbi", ((2e7, "CNY"),)),
        ("RMB 5 million", ((5e6, "CNY"),)),
        ("CNY 300,000", ((3e5, "CNY"),)),
        ("CN¥ 8,000", ((8000, "CNY"),)),
        ("1.2 billion rubles", ((1.2e9, "RUB"),)),
        ("300 million roubles", ((3e8, "RUB"),)),
        ("₽500,000", ((5e5, "RUB"),)),
        ("RUB 2bn", ((2e9, "RUB"),)),
        ("10,000 rupees", ((1e4, "INR"),)),
        ("Rs 500 crore", ((5e9, "INR"),)),
        ("INR 2 lakh", ((2e5, "INR"),)),
        ("5 million dirhams", ((5e6, "AED"),)),
        ("AED 3m", ((3e6, "AED"),)),
        ("2 million lira", ((2e6, "TRY"),)),
        ("TRY 450,000", ((4.5e5, "TRY"),)),
        ("100 million hryvnias", ((1e8, "UAH"),)),
        ("₴ 20,000", ((2e4, "UAH"),)),
        ("CHF 40 million", ((4e7, "CHF"),)),
        ("40 million Swiss francs", ((4e7, "CHF"),)),
        ("300 million yen", ((3e8, "JPY"),)),
        ("JPY 1bn", ((1e9, "JPY"),)),
        ("a million dollars", ((1e6, "USD"),)),
        ("half a million euros", ((5e5, "EUR"),)),
        ("$700,000 (€600,000 / £520,000)", ((7e5, "USD"), (6e5, "EUR"), (5.2e5, "GBP"))),
        ("5 million yuan (about $700,000)", ((5e6, "CNY"), (7e5, "USD"))),
        ("5 million yuan ($700,000 or €640,000)", ((5e6, "CNY"), (7e5, "USD"), (6.4e5, "EUR"))),
    ],
)
def test_currencies(text: str, expected: tuple[tuple[float, str], ...]) -> None:
    spans = find_money(f"The company paid {text} for the parts.")
    assert len(spans) == 1
    assert spans[0].text == text
    got = tuple((a.amount, a.currency) for a in spans[0].amounts)
    assert [c for _, c in got] == [c for _, c in expected]
    assert all(math.isclose(a, b) for (a, _), (b, _) in zip(got, expected))


@pytest.mark.parametrize(
    ("text", "qualifier", "span"),
    [
        (
            "billed more than 5 million yuan ($700,000) for",
            "more than",
            "more than 5 million yuan ($700,000)",
        ),
        ("worth about $5m in", "about", "about $5m"),
        ("paid approx. $5m", "approximately", "approx. $5m"),
        ("up to €2 billion", "up to", "up to €2 billion"),
        ("nearly 3 million rubles", "nearly", "nearly 3 million rubles"),
        ("at least £400,000", "at least", "at least £400,000"),
        ("~$5m", "about", "~$5m"),
        ("millions of dollars", "at least", "millions of dollars"),
        ("paid $40,000.", None, "$40,000"),
    ],
)
def test_qualifiers(text: str, qualifier: str | None, span: str) -> None:
    [found] = find_money(text)
    assert (found.qualifier, found.text) == (qualifier, span)


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("millions of dollars", 2e6),
        ("tens of millions of euros", 2e7),
        ("hundreds of thousands of dollars", 2e5),
        ("billions of rubles", 2e9),
    ],
)
def test_vague_sums_are_lower_bounds(text: str, amount: float) -> None:
    [found] = find_money(text)
    assert found.amounts[0].amount == amount and found.qualifier == "at least"


def test_yen_sign_follows_the_document() -> None:
    assert _amounts("Chinese supplier AEE invoiced ¥5 million.") == [((5e6, "CNY"),)]
    assert _amounts("A Japanese trader paid ¥5 million.") == [((5e6, "JPY"),)]
    assert _amounts("It cost ¥5 million.") == [((5e6, "JPY"),)]
    assert _amounts("It cost JP¥5 million in China.") == [((5e6, "JPY"),)]


@pytest.mark.parametrize(
    "text",
    [
        "500 pounds of explosives",
        "a 500-pound bomb weighing 500 pounds",
        "40 million francs",
        "more than a dozen drones",
        "the A200 and 2,000 engines",
        "$1-2 million",
        "in 2024 and 2025",
        "try 5 million times",
        "Shahed-107",
    ],
)
def test_not_money(text: str) -> None:
    assert find_money(text) == []


def test_parenthesis_that_is_not_a_conversion_stays_out() -> None:
    [found] = find_money("paid $5 million (a record) to TSK Vektor")
    assert found.text == "$5 million"
    spans = find_money("paid $5 million (about 35 million yuan, the invoice says)")
    assert [s.text for s in spans] == ["$5 million", "about 35 million yuan"]


def test_amount_text_is_each_stated_sum() -> None:
    [found] = find_money("more than 5 million yuan ($700,000)")
    assert [a.text for a in found.amounts] == ["5 million yuan", "$700,000"]


def test_seed_article_money() -> None:
    text = (SEEDS / "001_a9aaf2c9c3d44a76.txt").read_text(encoding="utf-8")
    spans = find_money(text)
    assert len(spans) == 1
    [found] = spans
    assert found.text == "more than 5 million yuan ($700,000)"
    assert text[found.start : found.end] == found.text
    assert [(a.amount, a.currency) for a in found.amounts] == [(5e6, "CNY"), (7e5, "USD")]
    assert found.qualifier == "more than"


FRAGMENTS = st.sampled_from(
    [
        "$",
        "US$",
        "€",
        "£",
        "¥",
        "₽",
        "5",
        "700,000",
        "1.2",
        "3,5",
        "bn",
        "m",
        "k",
        " million",
        "Mio.",
        "yuan",
        "dollars",
        "euros",
        "pounds",
        "of",
        "sterling",
        "USD",
        "RMB",
        "CHF",
        "Swiss francs",
        "(",
        ")",
        "/",
        "or",
        "about",
        "more than",
        "~",
        "-",
        "millions of",
        "half a",
        "a",
        "Chinese",
        "Japan",
        " ",
        "\u00a0",
    ]
)
NEWSY = st.lists(st.tuples(FRAGMENTS, st.sampled_from(["", " "])), max_size=12).map(
    lambda parts: "".join(a + b for a, b in parts)
)


@given(st.one_of(st.text(max_size=200), NEWSY))
def test_spans_are_exact_sorted_and_disjoint(text: str) -> None:
    spans = find_money(text)
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.amounts
        assert len({a.currency for a in span.amounts}) == len(span.amounts)
        assert all(a.amount >= 0 and len(a.currency) == 3 for a in span.amounts)
    for a, b in pairwise(spans):
        assert a.end <= b.start
    parse_amount(text)


CURRENCY_WORDS = st.sampled_from(
    [
        ("yuan", "CNY"),
        ("dollars", "USD"),
        ("euros", "EUR"),
        ("rubles", "RUB"),
        ("rupees", "INR"),
        ("dirhams", "AED"),
        ("hryvnias", "UAH"),
        ("Swiss francs", "CHF"),
        ("yen", "JPY"),
        ("pounds", "GBP"),
    ]
)
SCALES = st.sampled_from([("thousand", 1e3), ("million", 1e6), ("billion", 1e9)])


@given(st.integers(1, 999), st.integers(0, 9), SCALES, CURRENCY_WORDS)
def test_generated_amounts_round_trip(
    whole: int, tenth: int, scale: tuple[str, float], currency: tuple[str, str]
) -> None:
    number = f"{whole}.{tenth}" if tenth else str(whole)
    text = f"AEE billed TSK Vektor {number} {scale[0]} {currency[0]} for drones."
    [span] = find_money(text)
    [money] = span.amounts
    assert money.currency == currency[1]
    assert math.isclose(money.amount, float(number) * scale[1])


@given(st.integers(0, 10**12))
def test_generated_dollar_figures_round_trip(value: int) -> None:
    [span] = find_money(f"The bank moved ${value:,} to the account.")
    assert span.amounts[0].amount == value
