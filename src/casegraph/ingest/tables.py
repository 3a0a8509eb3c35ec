"""Tables from CSV, JSON lines and XLSX, with the offset of every row and cell in one text.

Evidence must point into the stored text, so each format is rendered to text
first (CSV and JSON lines are their own text; a workbook becomes one
tab-separated block per sheet) and every cell keeps its span. The CSV scanner
is written here, not taken from the `csv` module, because that module does not
report where a field lies. A row that cannot be read carries its problem and is
left for the caller to report.
"""

from __future__ import annotations

import io
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date, datetime, time

from casegraph.ingest.registry import parsing

DELIMITERS = ",;\t|"


@dataclass(frozen=True)
class Cell:
    """A cell's value and the span of its written form in the text."""

    value: str
    start: int
    end: int


@dataclass(frozen=True)
class Row:
    """One record: its number as a spreadsheet or editor shows it, its span, its cells by column."""

    number: int
    start: int
    end: int
    cells: tuple[tuple[str, Cell], ...] = ()
    problem: str | None = None

    def cell(self, column: str) -> Cell | None:
        for name, cell in self.cells:
            if name == column:
                return cell
        return None


@dataclass(frozen=True)
class Sheet:
    """The rows under one header: a CSV file, a JSON-lines file, or one sheet of a workbook."""

    name: str | None
    columns: tuple[str, ...]
    rows: tuple[Row, ...]


@dataclass(frozen=True)
class Table:
    text: str
    sheets: tuple[Sheet, ...]


def parse_csv(text: str) -> Table:
    """A CSV (or semicolon-, tab- or pipe-separated) text: the first record is the header."""
    records: list[tuple[int, tuple[int, int], list[Cell]]] = []
    line, seen = 1, 0
    for span, cells in scan_csv(text, sniff_delimiter(text)):
        line += text.count("\n", seen, span[0])
        seen = span[0]
        if any(c.value.strip() for c in cells):
            records.append((line, span, cells))
    if not records:
        return Table(text, ())
    (_, _, header), *body = records
    columns = tuple(c.value.strip() for c in header)
    rows = tuple(_csv_row(number, span, cells, columns) for number, span, cells in body)
    return Table(text, (Sheet(None, columns, rows),))


def _csv_row(
    number: int, span: tuple[int, int], cells: list[Cell], columns: tuple[str, ...]
) -> Row:
    if len(cells) != len(columns):
        return Row(number, *span, problem=f"{len(cells)} fields, the header has {len(columns)}")
    return Row(number, *span, cells=tuple(zip(columns, cells)))


def sniff_delimiter(text: str) -> str:
    """The separator used most on the first line: comma, semicolon, tab or pipe."""
    first = text.split("\n", 1)[0]
    counts = {d: first.count(d) for d in DELIMITERS}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def scan_csv(text: str, delimiter: str = ",") -> Iterator[tuple[tuple[int, int], list[Cell]]]:
    """Each record's span and cells; quotes as in RFC 4180 ("" is a quote inside a quoted field)."""
    stop = re.compile(f"[{re.escape(delimiter)}\n]")
    i, n = 0, len(text)
    while i < n:
        start, cells = i, []
        while True:
            cell, i = _quoted(text, i, stop) if text.startswith('"', i) else _plain(text, i, stop)
            cells.append(cell)
            if i < n and text[i] == delimiter:
                i += 1
                continue
            break
        yield (start, i), cells
        i += 1


def _plain(text: str, i: int, stop: re.Pattern[str]) -> tuple[Cell, int]:
    m = stop.search(text, i)
    end = m.start() if m else len(text)
    return Cell(text[i:end], i, end), end


def _quoted(text: str, i: int, stop: re.Pattern[str]) -> tuple[Cell, int]:
    parts: list[str] = []
    j = i + 1
    while True:
        k = text.find('"', j)
        if k == -1:
            parts.append(text[j:])
            return Cell("".join(parts), i + 1, len(text)), len(text)
        if text.startswith('""', k):
            parts.append(text[j : k + 1])
            j = k + 2
            continue
        parts.append(text[j:k])
        break
    rest, end = _plain(text, k + 1, stop)
    return Cell("".join(parts) + rest.value, i + 1, k), end


def parse_jsonl(text: str) -> Table:
    """JSON lines: one object a line; its keys are the columns, in order of first appearance."""
    rows: list[Row] = []
    columns: dict[str, None] = {}
    offset = 0
    for number, line in enumerate(text.split("\n"), 1):
        start, offset = offset, offset + len(line) + 1
        if line.strip():
            row = _json_row(line, number, start)
            columns.update((name, None) for name, _ in row.cells)
            rows.append(row)
    return Table(text, (Sheet(None, tuple(columns), tuple(rows)),) if rows else ())


def _json_row(line: str, number: int, start: int) -> Row:
    end = start + len(line.rstrip())
    try:
        record = json.loads(line)
    except (ValueError, RecursionError) as exc:
        return Row(number, start, end, problem=f"not valid JSON ({str(exc)[:80]})")
    if not isinstance(record, dict):
        return Row(number, start, end, problem="not a JSON object")
    cells = tuple((str(k), _json_cell(line, start, v)) for k, v in record.items() if v is not None)
    return Row(number, start, end, cells=cells)


def _json_cell(line: str, start: int, value: object) -> Cell:
    """The value as text, spanning its written form in the line when it is found there."""
    shown = value if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    written = json.dumps(shown, ensure_ascii=False)[1:-1] if isinstance(value, str) else shown
    at = line.find(written)
    if at < 0:
        return Cell(shown, start, start + len(line.rstrip()))
    return Cell(shown, start + at, start + at + len(written))


def parse_xlsx(data: bytes) -> Table:
    """A workbook rendered as text: per sheet a "Sheet: name" line, then its rows tab-separated."""
    from openpyxl import load_workbook

    with parsing("XLSX workbook"):
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        grids = [
            (ws.title, list(_sheet_rows(ws.iter_rows(values_only=True))))
            for ws in workbook.worksheets
        ]
        workbook.close()
    parts: list[str] = []
    sheets: list[Sheet] = []
    offset = 0
    for title, grid in grids:
        if not grid:
            continue
        heading = f"Sheet: {title}\n"
        sheet, body = _render(title, grid, offset + len(heading))
        parts.append(heading + body)
        sheets.append(sheet)
        offset += len(heading) + len(body) + 1
    return Table("\n".join(parts), tuple(sheets))


def _sheet_rows(rows: Iterator[tuple[object, ...]]) -> Iterator[tuple[int, list[str]]]:
    for number, values in enumerate(rows, 1):
        shown = [render_value(v) for v in values]
        while shown and not shown[-1]:
            shown.pop()
        if shown:
            yield number, shown


def _render(title: str, grid: Sequence[tuple[int, list[str]]], offset: int) -> tuple[Sheet, str]:
    """A sheet's rows as tab-separated lines starting at `offset` in the whole text."""
    (_, header), *body = grid
    lines = ["\t".join(header)]
    at = offset + len(lines[0]) + 1
    rows: list[Row] = []
    for number, values in body:
        line = "\t".join(values)
        rows.append(_sheet_row(number, values, at, tuple(header)))
        lines.append(line)
        at += len(line) + 1
    return Sheet(title, tuple(header), tuple(rows)), "\n".join(lines) + "\n"


def _sheet_row(number: int, values: list[str], start: int, columns: tuple[str, ...]) -> Row:
    end = start + len("\t".join(values))
    if len(values) > len(columns):
        return Row(
            number, start, end, problem=f"{len(values)} cells, the header has {len(columns)}"
        )
    cells, at = [], start
    for value in values:
        cells.append(Cell(value, at, at + len(value)))
        at += len(value) + 1
    return Row(number, start, end, cells=tuple(zip(columns, cells)))


def render_value(value: object) -> str:
    """A cell value as a person reads it: dates in ISO form, whole numbers without ".0"."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return " ".join(str(value).split())
