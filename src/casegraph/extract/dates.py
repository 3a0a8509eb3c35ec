"""Find dates, quarters and relative time expressions in news prose.

Reports rarely give calendar dates: they say "the second quarter of last year"
or "in June". Each expression is normalised to the precision it states (year,
half, quarter, month or day) so claims can be ordered on a timeline without
inventing precision. Relative expressions resolve only against a reference
date (usually the publication date); without one their value is None.

Choices:
- A range ("between 2024 and 2025", "2024-25", "June to August 2024", "the
  second and third quarters of 2024") yields one DateValue per end, since a
  value names a single period. "2011-12" is such a range (a fiscal year);
  "2024-06" is June 2024.
- A bare month after a preposition ("in June") is taken in the reference year.
- An all-numeric date is read day-first ("14.06.2024", "25-09-2025") unless
  that is impossible; a slashed one that could be either ("03/04/2024") keeps
  only its year.
- A bare four-digit number counts as a year only in a year-like context
  ("in 2024", "2024,", "the 2022 invasion"), never before a plural noun
  ("2000 drones").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True)
class DateValue:
    """A date expression found in text; `text == source[start:end]`."""

    start: int
    end: int
    text: str
    value: str | None
    relative: bool


_Handler = Callable[[re.Match[str], date | None], list[DateValue] | None]

_FULL_MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
_SHORT_MONTHS = {
    "Jan": 1,
    "Feb": 2,
    "Mar": 3,
    "Apr": 4,
    "Jun": 6,
    "Jul": 7,
    "Aug": 8,
    "Sep": 9,
    "Sept": 9,
    "Oct": 10,
    "Nov": 11,
    "Dec": 12,
}
_MONTH_NUMBER = {name.lower(): i for i, name in enumerate(_FULL_MONTHS, 1)} | {
    name.lower(): i for name, i in _SHORT_MONTHS.items()
}
_ORDINALS = {
    "first": 1,
    "1st": 1,
    "second": 2,
    "2nd": 2,
    "third": 3,
    "3rd": 3,
    "fourth": 4,
    "4th": 4,
    "last": 4,
    "final": 4,
}
_OFFSETS = {"last": -1, "this": 0, "current": 0, "next": 1}


def _cased(words: list[str]) -> str:
    """Title and upper case only, so that "may" or "march" stay verbs."""
    forms = {form for word in words for form in (word, word.upper())}
    return "|".join(sorted(forms, key=len, reverse=True))


_MONTH_FULL = rf"(?-i:{_cased(_FULL_MONTHS)})\b"
_MONTH = rf"(?:{_MONTH_FULL}|(?-i:{_cased(list(_SHORT_MONTHS))})\b\.?)"
_YEAR = r"(?:19\d\d|20\d\d|2100)(?!\w|[.,]\d)"
_QORD = r"first|1st|second|2nd|third|3rd|fourth|4th|last|final"
_HORD = r"first|1st|second|2nd"
_FREE = r"(?<![\w$€£¥₽.,/-])"
_END = r"(?![\w-]|[.,/:]\d)"


def _yearx(tag: str = "") -> str:
    """An explicit year ("2024", "'24") or one relative to the reference ("last year")."""
    return (
        rf"(?:(?P<y{tag}>{_YEAR})|['’](?P<s{tag}>\d\d)(?!\w)"
        rf"|(?P<r{tag}>last|this|next|the\s+current|current)\s+year\b)"
    )


def _fmt(year: int | None, suffix: str = "") -> str | None:
    if year is None or not 1 <= year <= 9999:
        return None
    return f"{year:04d}{suffix}"


def _day(year: int, month: int, day: int) -> str | None:
    if not 1900 <= year <= 2100:
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _century(two_digits: int) -> int:
    return (2000 if two_digits < 70 else 1900) + two_digits


def _year(m: re.Match[str], ref: date | None, tag: str = "") -> tuple[int | None, bool]:
    """The year a match names and whether it depended on the reference."""
    groups = m.groupdict()
    if groups.get(f"y{tag}"):
        return int(groups[f"y{tag}"]), False
    if groups.get(f"s{tag}"):
        return _century(int(groups[f"s{tag}"])), False
    word = groups[f"r{tag}"].split()[-1].lower()
    return (ref.year + _OFFSETS[word] if ref else None), True


def _month(name: str) -> int:
    return _MONTH_NUMBER[name.rstrip(".").lower()]


def _value(m: re.Match[str], group: int | str, value: str | None, relative: bool) -> DateValue:
    start, end = m.span(group)
    return _between(m, start, end, value, relative)


def _between(
    m: re.Match[str], start: int, end: int, value: str | None, relative: bool
) -> DateValue:
    return DateValue(start, end, m.string[start:end], value, relative)


def _one(m: re.Match[str], value: str | None, relative: bool = False) -> list[DateValue] | None:
    """The whole match as one date; a stated (non-relative) one must be valid."""
    if value is None and not relative:
        return None
    return [_value(m, 0, value, relative)]


def _iso(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    return _one(m, _day(int(m["y"]), int(m["mo"]), int(m["d"])))


def _numeric(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    a, b, year = int(m["a"]), int(m["b"]), int(m["y"])
    if b > 12 >= a:
        return _one(m, _day(year, a, b))
    if a > 12 or m["sep"] != "/":
        return _one(m, _day(year, b, a))
    return _one(m, _fmt(year) if 1900 <= year <= 2100 else None)


def _full(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    return _one(m, _day(int(m["y"]), _month(m["m"]), int(m["d"])))


def _day_month(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    if ref is None:
        return _one(m, None, True) if 1 <= int(m["d"]) <= 31 else None
    value = _day(ref.year, _month(m["m"]), int(m["d"]))
    return _one(m, value, True) if value else None


def _month_year(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    year, relative = _year(m, ref)
    return _one(m, _fmt(year, f"-{_month(m['m']):02d}"), relative)


def _month_range(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    year, relative = _year(m, ref)
    first = _value(m, "m1", _fmt(year, f"-{_month(m['m1']):02d}"), relative)
    second_value = _fmt(year, f"-{_month(m['m2']):02d}")
    second = _between(m, m.start("m2"), m.end(), second_value, relative)
    return [first, second]


def _quarter(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    year, relative = _year(m, ref)
    return _one(m, _fmt(year, f"-Q{_ORDINALS[m['o'].lower()]}"), relative)


def _quarter_range(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    year, relative = _year(m, ref)
    first_value = _fmt(year, f"-Q{_ORDINALS[m['o1'].lower()]}")
    first = _between(m, m.start(), m.end("o1"), first_value, relative)
    second_value = _fmt(year, f"-Q{_ORDINALS[m['o2'].lower()]}")
    second = _between(m, m.start("o2"), m.end(), second_value, relative)
    if first.value and second.value and first.value >= second.value:
        return None
    return [first, second]


def _lone_quarter(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    """A quarter without a year is in the reference year; "last quarter" is the one before."""
    if ref is None:
        return _one(m, None, True)
    word = m["o"].lower()
    if word != "last":
        return _one(m, _fmt(ref.year, f"-Q{_ORDINALS[word]}"), True)
    current = (ref.month - 1) // 3
    year, quarter = (ref.year, current) if current else (ref.year - 1, 4)
    return _one(m, _fmt(year, f"-Q{quarter}"), True)


def _has_year(m: re.Match[str]) -> bool:
    groups = m.groupdict()
    return any(groups.get(key) for key in ("y", "s", "r"))


def _code_quarter(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    """ "Q2 2025", "2Q25", "Q2/25" or a lone "Q2" (of the reference year)."""
    if m.groupdict().get("s2"):
        return _one(m, _fmt(_century(int(m["s2"])), f"-Q{m['q']}"))
    if not _has_year(m):
        return _one(m, _fmt(ref.year, f"-Q{m['q']}") if ref else None, True)
    year, relative = _year(m, ref)
    return _one(m, _fmt(year, f"-Q{m['q']}"), relative)


def _half(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    """ "the first half of 2025", "H1 2025", "1H25" or a lone "the second half"."""
    word = m.groupdict().get("o")
    half = _ORDINALS[word.lower()] if word else int(m["h"])
    if not _has_year(m):
        return _one(m, _fmt(ref.year, f"-H{half}") if ref else None, True)
    year, relative = _year(m, ref)
    return _one(m, _fmt(year, f"-H{half}"), relative)


def _whole_year(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    year, relative = _year(m, ref)
    return _one(m, _fmt(year), relative)


def _relative_month(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    if ref is None:
        return _one(m, None, True)
    year, month0 = divmod(ref.year * 12 + ref.month - 1 + _OFFSETS[m["r"].lower()], 12)
    return _one(m, _fmt(year, f"-{month0 + 1:02d}"), True)


def _named_month(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    """ "last June" is the latest June before the reference month, "next June" the first after."""
    if ref is None:
        return _one(m, None, True)
    month, word = _month(m["m"]), m["r"].lower()
    year = ref.year
    if word == "last" and month >= ref.month:
        year -= 1
    elif word == "next" and month <= ref.month:
        year += 1
    return _one(m, _fmt(year, f"-{month:02d}"), True)


def _cued_month(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    value = _fmt(ref.year, f"-{_month(m['d']):02d}") if ref else None
    return [_value(m, "d", value, True)]


def _iso_month(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    return _one(m, f"{m['y']}-{m['mo']}")


def _year_range(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    first = int(m["y"])
    second = int(m["y2"]) if m["y2"] else first // 100 * 100 + int(m["s2"])
    if not first < second <= 2100:
        return None
    return [_value(m, "y", _fmt(first), False), _value(m, "e", _fmt(second), False)]


_YEAR_CUES = frozenset(
    [
        "in",
        "since",
        "by",
        "until",
        "till",
        "of",
        "from",
        "during",
        "before",
        "after",
        "through",
        "throughout",
        "between",
        "and",
        "or",
        "early",
        "late",
        "mid",
        "end",
        "start",
        "year",
        "years",
        "fiscal",
        "fy",
        "summer",
        "spring",
        "autumn",
        "fall",
        "winter",
        "circa",
        "the",
        "as",
    ]
)
_NOT_YEAR_AFTER = frozenset(
    [
        "than",
        "about",
        "around",
        "some",
        "nearly",
        "almost",
        "over",
        "under",
        "least",
        "most",
        "approximately",
        "roughly",
        "only",
        "just",
        "total",
        "no",
        "nr",
        "number",
        "page",
        "flight",
        "model",
        "article",
        "section",
        "order",
        "decree",
        "resolution",
        "invoice",
        "contract",
        "account",
        "batch",
        "lot",
        "version",
        "type",
        "unit",
        "route",
        "item",
    ]
)
_NOT_PLURAL = frozenset(
    ["this", "thus", "plus", "news", "less", "unless", "across", "always", "perhaps", "whereas"]
)


def _bare_year(m: re.Match[str], ref: date | None) -> list[DateValue] | None:
    """A lone 19xx/20xx number is a year only where prose would use one as a year."""
    text = m.string
    before, after = text[max(0, m.start() - 40) : m.start()], text[m.end() : m.end() + 40]
    following = re.match(r"\s+([a-z]+)\b", after)
    if following:
        word = following.group(1)
        if word.endswith("s") and len(word) > 3 and word not in _NOT_PLURAL:
            return None
    if re.search(r"[#№]\s*$", before):
        return None
    previous = re.search(r"([A-Za-z]+)\W{0,3}$", before)
    word = previous.group(1).lower() if previous else ""
    if word in _NOT_YEAR_AFTER:
        return None
    if word in _YEAR_CUES or re.search(r"(?:^|[.!?(\[\"“‘—–:;,\n])\s*$", before):
        return _one(m, _fmt(int(m["y"])))
    if re.match(r"\s*(?:$|[,.;:!?)\]\"”’]|['’]s\b)", after):
        return _one(m, _fmt(int(m["y"])))
    return None


def _rule(pattern: str, handler: _Handler) -> tuple[re.Pattern[str], _Handler]:
    return re.compile(pattern, re.IGNORECASE), handler


_ORD_SUFFIX = r"(?:st|nd|rd|th)?"
_NUM_END = r"(?!\d|[-/.]\d)"
_MD = r"(?P<mo>\d\d?)(?P=sep)(?P<d>\d\d?)"
_Y = rf"(?P<y>{_YEAR})"
_DM = r"(?P<a>\d\d?)(?P<sep>[-/.])(?P<b>\d\d?)"
_RULES: list[tuple[re.Pattern[str], _Handler]] = [
    _rule(rf"(?<![\w.-])(?P<y>\d{{4}})(?P<sep>[-/.]){_MD}{_NUM_END}", _iso),
    _rule(rf"{_FREE}{_DM}(?P=sep)(?P<y>\d{{4}}){_NUM_END}", _numeric),
    _rule(rf"(?<![\w.])(?P<d>\d\d?){_ORD_SUFFIX}\s+(?:of\s+)?(?P<m>{_MONTH}),?\s+{_Y}", _full),
    _rule(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD_SUFFIX},?\s+(?P<y>{_YEAR})", _full),
    _rule(rf"(?<![\w.])(?P<d>\d{{1,2}}){_ORD_SUFFIX}\s+(?:of\s+)?(?P<m>{_MONTH})", _day_month),
    _rule(rf"(?P<m>{_MONTH})\s+(?P<d>\d{{1,2}}){_ORD_SUFFIX}\b", _day_month),
    _rule(rf"(?P<m>{_MONTH}),?\s+(?:of\s+)?{_yearx()}", _month_year),
    _rule(
        rf"(?P<m1>{_MONTH})\s*(?:-|–|to|and|through|until)\s*(?P<m2>{_MONTH}),?\s+(?:of\s+)?"
        + _yearx(),
        _month_range,
    ),
    _rule(rf"\b(?:the\s+)?(?P<o>{_QORD})[\s-]+quarter(?:\s+of|,)?\s+{_yearx()}", _quarter),
    _rule(
        rf"\b(?:the\s+)?(?P<o1>{_QORD})\s+(?:and|to|through)\s+(?:the\s+)?(?P<o2>{_QORD})"
        rf"[\s-]+quarters(?:\s+of|,)?\s+{_yearx()}",
        _quarter_range,
    ),
    _rule(
        rf"\b(?:the\s+)?(?P<o>{_QORD})[\s-]+quarter(?:\s+of\s+the\s+year)?\b(?!\s+of\b)",
        _lone_quarter,
    ),
    _rule(
        rf"(?<![\w-])(?-i:Q)(?P<q>[1-4])(?:(?:\s+of\s+|\s*[/-]\s*|\s+|(?=['’])){_yearx()}"
        rf"|[/-](?P<s2>\d\d)(?![\w-]))?(?![\w-])",
        _code_quarter,
    ),
    _rule(rf"(?<![\w.-])(?P<q>[1-4])(?-i:Q)\s?(?:(?P<y>{_YEAR})|(?P<s>\d\d)(?!\w))", _code_quarter),
    _rule(rf"\b(?:the\s+)?(?P<o>{_HORD})[\s-]+half(?:\s+of|,)?\s+{_yearx()}", _half),
    _rule(rf"\b(?:the\s+)?(?P<o>{_HORD})[\s-]+half(?:\s+of\s+the\s+year)?\b(?!\s+of\b)", _half),
    _rule(rf"(?<![\w-])(?-i:H)(?P<h>[12])(?:\s+of\s+|\s*[/-]\s*|\s+|(?=['’])){_yearx()}", _half),
    _rule(rf"(?<![\w.-])(?P<h>[12])(?-i:H)\s?(?:(?P<y>{_YEAR})|(?P<s>\d\d)(?!\w))", _half),
    _rule(
        rf"\b(?:early|late|mid|earlier|later|(?:the\s+)?(?:beginning|start|end|middle|turn)\s+of"
        rf"|(?:the\s+)?(?:spring|summer|autumn|fall|winter)(?:\s+of)?)(?:\s+|-){_yearx()}",
        _whole_year,
    ),
    _rule(r"(?<!the\s)\b(?P<r>last|this|next)\s+year\b", _whole_year),
    _rule(r"(?<!the\s)\b(?P<r>last|this|next)\s+month\b", _relative_month),
    _rule(rf"\b(?P<r>last|this|next)\s+(?P<m>{_MONTH_FULL})", _named_month),
    _rule(
        r"\b(?:in|since|by|until|till|during|from|through|throughout|before|after|between|early"
        rf"|late|mid|(?:end|start|beginning|middle)\s+of)(?:\s+|-)(?P<d>{_MONTH_FULL})",
        _cued_month,
    ),
    _rule(
        rf"{_FREE}(?P<y>{_YEAR})\s*(?:-|–|—|/|to|until|through)\s*"
        rf"(?P<e>(?P<y2>{_YEAR})|(?P<s2>\d\d)(?![\w-]|[.,]\d))",
        _year_range,
    ),
    _rule(rf"(?<![\w.-])(?P<y>{_YEAR})-(?P<mo>0[1-9]|1[0-2]){_END}", _iso_month),
    _rule(rf"{_FREE}(?P<y>{_YEAR}){_END}", _bare_year),
]


def find_dates(text: str, reference: date | None = None) -> list[DateValue]:
    """Date expressions in `text`, longest first where they overlap, in text order."""
    candidates: list[tuple[int, int, int, list[DateValue]]] = []
    for index, (pattern, handler) in enumerate(_RULES):
        for match in pattern.finditer(text):
            parts = handler(match, reference)
            if parts:
                candidates.append((parts[0].start, parts[-1].end, index, parts))
    candidates.sort(key=lambda c: (c[0] - c[1], c[2], c[0]))
    starts: list[int] = []
    ends: list[int] = []
    found: list[DateValue] = []
    for start, end, _, parts in candidates:
        i = bisect_right(starts, start)
        if (i and ends[i - 1] > start) or (i < len(starts) and starts[i] < end):
            continue
        starts.insert(i, start)
        ends.insert(i, end)
        found.extend(parts)
    return sorted(found, key=lambda d: d.start)


def normalize_date(expression: str, reference: date | None = None) -> str | None:
    """The normalised value of the first date in `expression` (None if none or unresolved)."""
    found = find_dates(expression, reference)
    return found[0].value if found else None


_PUBLISHED_LABEL = re.compile(
    r"\b(?:date[d]?|published|updated|posted|created|issued|modified|as\s+of)\b[\s:|-]*$",
    re.IGNORECASE,
)


def guess_published(text: str) -> date | None:
    """A publication date from the document head: a labelled day date, else the first one."""
    head = text[:600] + re.split(r"\s", text[600:], maxsplit=1)[0]
    days = [d for d in find_dates(head) if d.value and len(d.value) == 10]
    labelled = [d for d in days if _PUBLISHED_LABEL.search(head[max(0, d.start - 40) : d.start])]
    pool = labelled or days
    if not pool or pool[0].value is None:
        return None
    return date.fromisoformat(pool[0].value)
