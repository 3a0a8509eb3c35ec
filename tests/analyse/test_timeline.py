"""Timeline: claims in time order at the precision each source gives; undated last."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from casegraph.analyse.timeline import Period, period, timeline
from tests.analyse.fictional import fictional_case


def test_periods_of_each_precision() -> None:
    assert period("2025-Q2") == Period(date(2025, 4, 1), date(2025, 6, 30))
    assert period("2024-02") == Period(date(2024, 2, 1), date(2024, 2, 29))
    assert period("2024-H2") == Period(date(2024, 7, 1), date(2024, 12, 31))
    assert period("2024") == Period(date(2024, 1, 1), date(2024, 12, 31))
    assert period("2024-05-01") == Period(date(2024, 5, 1), date(2024, 5, 1))
    for bad in (None, "", "last year", "2024-13", "2024-02-30", "2024-Q5", "24", "2024-5"):
        assert period(bad) is None, bad


@given(st.dates(min_value=date(1000, 1, 1)))
def test_every_period_holds_its_days(day: date) -> None:
    values = [
        day.isoformat(), f"{day:%Y-%m}", f"{day.year:04d}-Q{(day.month - 1) // 3 + 1}",
        f"{day.year:04d}-H{(day.month - 1) // 6 + 1}", f"{day.year:04d}",
    ]
    periods = [period(v) for v in values]
    assert periods[0] == Period(day, day)
    for found in periods:
        assert found is not None and found.start <= day <= found.end
    assert [p.end - p.start for p in periods if p] == sorted(p.end - p.start for p in periods if p)
    later = period((day + timedelta(days=1)).isoformat()) if day < date.max else None
    assert later is None or later.start > periods[0].end


@given(st.text(max_size=12))
def test_never_raises_on_any_text(text: str) -> None:
    found = period(text)
    assert found is None or found.start <= found.end


def test_earliest_first_narrower_first_undated_last() -> None:
    entries = timeline(fictional_case(), "broker")
    dates = [e.date for e in entries]
    assert dates[:4] == ["2025-Q1", "2025", "2025-04-17", "2025-05"]
    assert all(d is None for d in dates[4:]) and len(dates) > 4
    assert {e.other for e in entries} >= {"maker", "end", "eng", "port"}
    undated = [e.link.evidence for e in entries[4:]]
    assert [(ev.document_id, ev.start) for ev in undated] == sorted((ev.document_id, ev.start) for ev in undated)
