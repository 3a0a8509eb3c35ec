"""An entity's claims in time order, at the precision each source gives.

Extraction normalises dates to what the text states: a day ("2024-05-01"), a
month ("2024-05"), a quarter ("2025-Q2"), a half ("2025-H1") or a year
("2024"). Each becomes a period (first and last day); claims sort by the start
of their period, the narrower period first, so "2024-05-01" comes before
"2024-Q2" which comes before "2024". Undated claims come last, in document order.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date

from casegraph.analyse.case import CaseGraph, Link
from casegraph.analyse.paths import Traversal

_PERIOD = re.compile(r"^(\d{4})(?:-(?:(\d{2})(?:-(\d{2}))?|Q([1-4])|H([12])))?$")


@dataclass(frozen=True)
class Period:
    """The days a date value covers, both ends included."""

    start: date
    end: date


def period(value: str | None) -> Period | None:
    """The period a normalised date names, or None for anything else."""
    m = _PERIOD.match(value.strip()) if value else None
    if m is None:
        return None
    year = int(m[1])
    months = _months(m[2], m[4], m[5])
    if months is None:
        return None
    try:
        if m[3]:
            day = date(year, months[0], int(m[3]))
            return Period(day, day)
        last = calendar.monthrange(year, months[1])[1]
        return Period(date(year, months[0], 1), date(year, months[1], last))
    except ValueError:
        return None


def _months(month: str | None, quarter: str | None, half: str | None) -> tuple[int, int] | None:
    if month:
        n = int(month)
        return (n, n) if 1 <= n <= 12 else None
    if quarter:
        q = int(quarter)
        return 3 * q - 2, 3 * q
    if half:
        h = int(half)
        return 6 * h - 5, 6 * h
    return 1, 12


@dataclass(frozen=True)
class TimelineEntry:
    """One claim of the entity, with the period it states (None when undated)."""

    date: str | None
    period: Period | None
    link: Link
    other: str


def timeline(
    case: CaseGraph, entity_id: str, rules: Traversal | None = None
) -> tuple[TimelineEntry, ...]:
    """Every admitted claim the entity takes part in, earliest first, undated last."""
    rules = rules or Traversal()
    entries = [
        TimelineEntry(link.date, period(link.date), link, link.other(entity_id))
        for link in case.links_of.get(entity_id, ())
        if rules.admits(link)
    ]
    return tuple(sorted(entries, key=lambda e: _order(case, e)))


def _order(case: CaseGraph, entry: TimelineEntry) -> tuple[int, date, date, date, str, int]:
    ev = entry.link.evidence
    document = case.documents.get(ev.document_id)
    published = document.published if document and document.published else date.max
    if entry.period is None:
        return 1, published, date.max, date.max, ev.document_id, ev.start
    return 0, entry.period.start, entry.period.end, published, ev.document_id, ev.start
