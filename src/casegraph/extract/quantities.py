"""Find counts of things ("more than a dozen drones", "around 500", "thousands of").

How many drones were shipped or how many experts visited is a claim attribute;
hedged counts are kept as bounds rather than guessed numbers, so "more than a
dozen" is at least 13 with no upper bound.

Choices:
- Vague plurals are lower bounds, twice the unit: "dozens of" >= 24,
  "thousands of" >= 2000, "tens of thousands of" >= 20000; "several" >= 3,
  "a few", "multiple" and "a handful of" >= 2; all approximate.
- "more than N" is >= N+1, "fewer than N" <= N-1, "at least" and "up to" keep N;
  "about", "around", "nearly", "almost", "some" give N..N marked approximate.
- Not counts: money, dates and years (as found by the sibling extractors),
  measures ("hundreds of miles", "two days", "5%"), numbers glued to letters or
  hyphens (A200, Shahed-107, one-way), labels ("No. 5", "flight 12"), a number
  right after a capitalised name mid-sentence ("Boeing 737"), and a bare "one".
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate

from casegraph.extract.dates import find_dates
from casegraph.extract.money import find_money


@dataclass(frozen=True)
class Quantity:
    """A count in text: `text == source[start:end]`; None bounds are open."""

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    approximate: bool


_Bounds = tuple[int | None, int | None, bool]

_SMALL = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUES = {w: i for i, w in enumerate(_SMALL)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_FEW: dict[str, _Bounds] = {
    "several": (3, None, True),
    "a few": (2, None, True),
    "multiple": (2, None, True),
    "a handful": (2, None, True),
    "a couple": (2, 2, True),
}
_VAGUE_UNITS = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000, "millions": 10**6}

_QUALIFIER_KINDS = {
    "gt": "more than|over|above|in excess of|upwards of|well over|just over",
    "ge": "at least|no fewer than|no less than|a minimum of",
    "le": "up to|at most|no more than|as many as|a maximum of",
    "lt": "fewer than|less than|under|below|just under",
    "approx": "about|around|approximately|approx.|roughly|some|an estimated|estimated|circa"
    "|nearly|almost|close to|~",
}
_KIND = {q: kind for kind, words in _QUALIFIER_KINDS.items() for q in words.split("|")}
_QUALIFIER = "|".join(
    re.escape(q).replace(r"\ ", r"\s+") for q in sorted(_KIND, key=len, reverse=True)
)

_WORD = rf"(?:(?:{'|'.join(_TENS)})(?:[\s-](?:{'|'.join(_SMALL[1:10])}))?|{'|'.join(_SMALL[1:])})"
_WORDS = (
    rf"{_WORD}\s+hundred(?:\s+(?:and\s+)?{_WORD})?"
    rf"|(?:{_WORD}|a)\s+(?:hundred|thousand|million|billion)|{_WORD}"
)
_DIGITS = r"\d+(?:\.\d+)?\s+(?:thousand|million|billion)|\d{1,3}(?:,\d{3})+|\d+"
_DOZEN = rf"(?:half\s+an?|a\s+half|half|an?|{_WORD})[\s-]+dozen"
_VAGUE = r"(?:(?:tens|hundreds)\s+of\s+)?(?:dozens|scores|hundreds|thousands|millions)(?:\s+of)?"
_FEWS = r"several(?:\s+of)?|a\s+few|multiple|a\s+handful(?:\s+of)?|a\s+couple(?:\s+of)?"
_NUMBER = rf"(?:{_DOZEN}|{_VAGUE}|{_FEWS}|{_DIGITS}|{_WORDS})"
_BOUNDARY = r"(?![\w-]|[.,:/]\d)"

_QUANTITY = re.compile(
    rf"(?<![\w$€£¥₽.,:/#-])(?:"
    rf"between\s+(?P<a>{_NUMBER})\s+and\s+(?P<b>{_NUMBER})"
    rf"|(?P<c>{_DIGITS})\s*[-–]\s*(?P<d>{_DIGITS})"
    rf"|(?P<e>{_DIGITS}|{_WORDS})\s+to\s+(?P<f>{_DIGITS}|{_WORDS})"
    rf"|(?:(?P<q>{_QUALIFIER})(?:\s+|(?<=~)))?(?P<n>{_NUMBER})){_BOUNDARY}",
    re.IGNORECASE,
)
_UNIT_AFTER = re.compile(
    r"\s*(?:%|(?:per\s*cent|percent|miles?|km|kilomet(?:re|er)s?|met(?:re|er)s?|m|cm|mm|feet|foot"
    r"|ft|inch(?:es)?|yards?|kg|kilograms?|grams?|g|lbs?|pounds?|tons?|tonnes?|t|ounces?"
    r"|lit(?:re|er)s?"
    r"|gallons?|barrels?|degrees?|hours?|hrs?|minutes?|mins?|seconds?|secs?|days?|weeks?|months?"
    r"|years?|decades?|centuries|knots|mph|kph|km/h|hectares?|acres?|watts?|kilowatts?|megawatts?"
    r"|kw|mw|hp|horsepower|volts?|am|pm|a\.m\.|p\.m\.|gmt|utc|o'clock|dollars?|euros?|yuan|rubles?"
    r"|roubles?|rupees?|yen)\b(?!-))",
    re.IGNORECASE,
)
_LABELS = frozenset(
    [
        "no",
        "nos",
        "nr",
        "number",
        "page",
        "pages",
        "article",
        "section",
        "chapter",
        "paragraph",
        "item",
        "flight",
        "room",
        "line",
        "route",
        "unit",
        "resolution",
        "decree",
        "order",
        "law",
        "clause",
        "version",
        "model",
        "type",
        "invoice",
        "contract",
        "account",
        "tel",
        "phone",
        "case",
        "file",
        "id",
        "ref",
        "batch",
        "lot",
        "vol",
        "volume",
        "issue",
        "part",
        "annex",
        "appendix",
        "figure",
        "fig",
        "table",
        "platform",
        "gate",
        "seat",
        "row",
        "building",
        "street",
        "road",
        "highway",
        "grade",
        "level",
        "category",
        "class",
        "size",
        "phase",
        "stage",
        "step",
        "round",
        "episode",
        "season",
    ]
)

_FUNCTION_WORDS = frozenset(
    [
        "the",
        "a",
        "an",
        "only",
        "just",
        "about",
        "all",
        "another",
        "these",
        "those",
        "its",
        "their",
        "his",
        "her",
        "our",
        "my",
        "your",
        "at",
        "in",
        "on",
        "of",
        "by",
        "for",
        "with",
        "and",
        "but",
        "so",
        "then",
        "since",
        "after",
        "before",
        "while",
        "when",
        "from",
        "to",
        "into",
        "over",
        "nearly",
        "almost",
        "roughly",
        "around",
        "some",
        "each",
        "every",
        "both",
    ]
)


def _words_value(text: str) -> int:
    """ "two hundred and fifty" -> 250, "a thousand" -> 1000."""
    total, current = 0, 0
    for token in re.findall(r"[a-z]+", text.lower()):
        if token in _WORD_VALUES:
            current += _WORD_VALUES[token]
        elif token == "a":
            current = 1
        elif token == "hundred":
            current = max(current, 1) * 100
        elif token in _MULTIPLIERS:
            total += max(current, 1) * _MULTIPLIERS[token]
            current = 0
    return total + current


def _bounds(text: str) -> _Bounds:
    """What a number expression (without qualifier) says about the count."""
    lowered = " ".join(text.lower().replace("-", " ").split())
    lowered = lowered.removesuffix(" of")
    if lowered in _FEW:
        return _FEW[lowered]
    if lowered.endswith("dozen"):
        head = lowered[: -len("dozen")].strip()
        n = 6 if "half" in head else 12 * (1 if head in {"a", "an"} else _words_value(head))
        return n, n, False
    words = lowered.split()
    if words[-1] in _VAGUE_UNITS:
        factor = {"tens": 10, "hundreds": 100}.get(words[0], 1) if len(words) > 1 else 1
        return 2 * _VAGUE_UNITS[words[-1]] * factor, None, True
    if re.match(r"\d", lowered):
        number, _, scale = lowered.partition(" ")
        value = int(Decimal(number.replace(",", "")) * _MULTIPLIERS.get(scale, 1))
        return value, value, False
    value = _words_value(lowered)
    return value, value, False


def _qualify(qualifier: str | None, bounds: _Bounds) -> _Bounds:
    low, high, approximate = bounds
    kind = _KIND.get(" ".join(qualifier.lower().split())) if qualifier else None
    if kind == "gt":
        return (high + 1 if high is not None else low), None, approximate
    if kind == "ge":
        return low, None, approximate
    if kind == "le":
        return None, high, approximate
    if kind == "lt":
        return None, (low - 1 if low is not None else None), approximate
    if kind == "approx":
        return low, high, True
    return bounds


def _is_count(m: re.Match[str]) -> bool:
    """Reject measures, labels, model numbers and ids that look like counts."""
    text = m.string
    if _UNIT_AFTER.match(text, m.end()):
        return False
    number = m["n"] or m["a"] or m["c"] or m["e"]
    if (m["n"] or "").lower() == "one" and not m["q"]:
        return False
    if not number[0].isdigit() or m["q"]:
        return True
    digits = re.match(r"\d+", number)
    if digits and (len(digits[0]) > 1 and number[0] == "0" or len(digits[0]) > 9):
        return False
    before = text[max(0, m.start() - 30) : m.start()]
    previous = re.search(r"(\S+)\s+$", before)
    if previous is None:
        return True
    word = previous.group(1)
    if word.lower().rstrip(".:") in _LABELS:
        return False
    capitalised = word[:1].isupper() and word[-1:].isalnum()
    return not capitalised or word.lower() in _FUNCTION_WORDS


class _Taken:
    """Spans already claimed by money and dates, for fast overlap tests."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans.sort()
        self.starts = [start for start, _ in spans]
        self.reach = list(accumulate((end for _, end in spans), max))

    def overlaps(self, start: int, end: int) -> bool:
        i = bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start


def find_quantities(text: str) -> list[Quantity]:
    """Counts of things in `text`, in order; money, dates and measures are left out."""
    money = [(s.start, s.end) for s in find_money(text)]
    taken = _Taken(money + [(d.start, d.end) for d in find_dates(text)])
    found: list[Quantity] = []
    for m in _QUANTITY.finditer(text):
        if not _is_count(m) or taken.overlaps(m.start(), m.end()):
            continue
        if m["n"]:
            low, high, approximate = _qualify(m["q"], _bounds(m["n"]))
        else:
            first = _bounds(m["a"] or m["c"] or m["e"])
            second = _bounds(m["b"] or m["d"] or m["f"])
            low, high, approximate = first[0], second[1], first[2] or second[2]
            if low is not None and high is not None and low > high:
                continue
        found.append(Quantity(m.start(), m.end(), m.group(), low, high, approximate))
    return found
