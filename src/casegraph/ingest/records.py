"""Structured records (CSV, JSON lines, XLSX): each row a `documented` claim, by a YAML mapping.

An invoice ledger already says who billed whom, for how much and when, so no
language model reads it: the mapping (see `casegraph.ingest.mapping`) names
the columns, and each row yields its claims with the row's line as evidence
("row 12; columns seller, buyer, amount") and the named parties and products
as mentions at their cells. A malformed row (wrong number of fields, a date or
amount that does not parse, an empty party) is left out with a one-line
warning; the rest of the file is kept.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import cached_property
from pathlib import Path

from casegraph.errors import SkipItem
from casegraph.extract.dates import find_dates
from casegraph.extract.money import parse_amount
from casegraph.ingest.archive import check_archive
from casegraph.ingest.encoding import decode_text
from casegraph.ingest.mapping import ClaimMap, RecordMapping, Source, load_mapping, mapping_path
from casegraph.ingest.registry import Read, register
from casegraph.ingest.tables import Cell, Row, Sheet, Table, parse_csv, parse_jsonl, parse_xlsx
from casegraph.model import (
    Claim,
    Document,
    EntityType,
    Evidence,
    Extraction,
    Mention,
    Status,
    make_id,
)

EXTRACTOR = "casegraph.ingest.records.v1"
MEDIA_TYPES = {
    ".csv": "text/csv",
    ".jsonl": "application/jsonl",
    ".xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}
MAX_WARNINGS = 20
"""Row warnings listed one by one in the report; the rest are counted."""
CURRENCY_SIGNS = {"$": "USD", "€": "EUR", "£": "GBP", "₽": "RUB"}
_SIGN = r"(?:[A-Za-z]{3}|[$€£₽])"
NUMBER = re.compile(rf"^(?P<before>{_SIGN})?\s*(?P<n>\d[\d\s.,']*)\s*(?P<after>{_SIGN})?$")


@dataclass(frozen=True)
class Rule:
    """A claim mapping bound to one sheet: mapping column -> the sheet's own column name."""

    claim: ClaimMap
    columns: tuple[tuple[str, str], ...]

    @cached_property
    def _lookup(self) -> dict[str, str]:
        return dict(self.columns)

    def column(self, name: str) -> str:
        return self._lookup[name]


def read_records(path: Path, data: bytes) -> list[Read]:
    """A records file read with the mapping beside it, or SkipItem saying how to write one."""
    found = mapping_path(path)
    if found is None:
        raise SkipItem(
            f"no mapping for this records file: write {path.stem}.mapping.yaml beside it "
            "(see README, Formats)"
        )
    return read_with_mapping(path, data, load_mapping(found))


def read_with_mapping(path: Path, data: bytes, mapping: RecordMapping) -> list[Read]:
    """One document of the file's text whose extraction holds a claim per mapped row."""
    table, metadata, warnings = _table(path, data)
    if not any(sheet.rows for sheet in table.sheets):
        raise SkipItem("no data rows under the header")
    sha = hashlib.sha256(data).hexdigest()
    doc_id = make_id("doc", sha)
    mentions: dict[str, Mention] = {}
    claims: list[Claim] = []
    read_rows = 0
    for sheet, rules in bind(mapping, table, path.name):
        for row in sheet.rows:
            try:
                found = row_claims(doc_id, table.text, sheet, row, rules, mapping.date_format)
            except SkipItem as exc:
                warnings.append(f"{_where(sheet, row)}: {exc}")
                continue
            read_rows += 1
            for mention, claim in found:
                mentions.update((m.id, m) for m in mention)
                claims.append(claim)
    if not claims:
        raise SkipItem(f"no row could be read ({'; '.join(warnings[:3])})")
    if len(warnings) > MAX_WARNINGS:
        rest = len(warnings) - MAX_WARNINGS
        warnings[MAX_WARNINGS:] = [f"and {rest} more malformed rows left out"]
    document = Document(
        id=doc_id,
        source=str(path),
        title=path.name,
        text=table.text,
        sha256=sha,
        media_type=MEDIA_TYPES.get(path.suffix.lower(), "text/csv"),
        metadata=(("mapping", mapping.name), ("rows", str(read_rows)), *metadata),
    )
    extraction = Extraction(doc_id, tuple(mentions.values()), tuple(claims))
    return [Read(document, extraction, tuple(warnings))]


def _table(path: Path, data: bytes) -> tuple[Table, list[tuple[str, str]], list[str]]:
    if path.suffix.lower() == ".xlsx":
        check_archive(data)
        return parse_xlsx(data), [], []
    decoded = decode_text(data)
    table = (
        parse_jsonl(decoded.text) if path.suffix.lower() == ".jsonl" else parse_csv(decoded.text)
    )
    metadata = [("encoding", decoded.encoding)] if decoded.encoding != "utf-8" else []
    return table, metadata, [decoded.warning] if decoded.warning else []


def bind(mapping: RecordMapping, table: Table, file: str) -> list[tuple[Sheet, list[Rule]]]:
    """Each sheet with the claims whose columns it holds; SkipItem when a claim fits none."""
    bound: dict[int, list[Rule]] = {}
    for number, claim in enumerate(mapping.claims, 1):
        where = f"mapping {mapping.name}: claim {number}"
        candidates = [i for i, s in enumerate(table.sheets) if claim.sheet in (None, s.name)]
        if claim.sheet is not None and not candidates:
            names = ", ".join(str(s.name) for s in table.sheets)
            raise SkipItem(f"{where}: no sheet {claim.sheet!r} in {file} (its sheets: {names})")
        fitting = [
            (i, cols) for i in candidates if (cols := _columns(claim, table.sheets[i])) is not None
        ]
        if not fitting:
            raise SkipItem(_missing(where, claim, [table.sheets[i] for i in candidates], file))
        for i, cols in fitting:
            bound.setdefault(i, []).append(Rule(claim, cols))
    return [(table.sheets[i], rules) for i, rules in sorted(bound.items())]


def _columns(claim: ClaimMap, sheet: Sheet) -> tuple[tuple[str, str], ...] | None:
    """Mapping column -> the sheet's column, matched ignoring case and surrounding spaces."""
    own = {c.strip().casefold(): c for c in sheet.columns}
    pairs = [(c, own.get(c.strip().casefold())) for c in claim.columns]
    if any(found is None for _, found in pairs):
        return None
    return tuple((c, found) for c, found in pairs if found is not None)


SHOWN_COLUMNS = 300
"""Characters of a sheet's header quoted in a reason: a stray quote can make the header the whole file."""


def _missing(where: str, claim: ClaimMap, sheets: Sequence[Sheet], file: str) -> str:
    columns = sheets[0].columns if sheets else ()
    own = {c.strip().casefold() for c in columns}
    absent = next(c for c in claim.columns if c.strip().casefold() not in own)
    own_columns = ", ".join(c if c.isprintable() else repr(c) for c in columns) or "none"
    if len(own_columns) > SHOWN_COLUMNS:
        own_columns = own_columns[:SHOWN_COLUMNS] + "…"
    return f"{where} names column {absent!r}, which {file} lacks (its columns: {own_columns})"


def row_claims(
    doc_id: str, text: str, sheet: Sheet, row: Row, rules: Sequence[Rule], date_format: str | None
) -> list[tuple[list[Mention], Claim]]:
    """Every claim one row states, with its mentions; SkipItem with the reason for a bad row."""
    if row.problem:
        raise SkipItem(row.problem)
    evidence = Evidence(doc_id, text[row.start : row.end], row.start, row.end)
    return [_claim(evidence, sheet, row, rule, date_format) for rule in rules]


def _claim(
    evidence: Evidence, sheet: Sheet, row: Row, rule: Rule, date_format: str | None
) -> tuple[list[Mention], Claim]:
    doc_id = evidence.document_id
    subject = _mention(doc_id, row, rule, rule.claim.subject)
    object_ = _mention(doc_id, row, rule, rule.claim.object)
    mentions = [subject, object_]
    attributes: list[tuple[str, str]] = []
    for key, source in rule.claim.attributes:
        raw = _raw(row, rule, source)
        if not raw:
            continue
        attributes += normalise(key, raw, date_format)
        if source.type is not None and source.column is not None:
            mentions.append(_mention(doc_id, row, rule, source))
    if any(k == "amount" for k, _ in attributes) and not any(
        k == "currency" for k, _ in attributes
    ):
        attributes += [
            ("currency", c)
            for c in _currency_of(_raw(row, rule, dict(rule.claim.attributes)["amount"]))
        ]
    columns = ", ".join(rule.column(c) for c in rule.claim.columns)
    place = f"sheet {sheet.name}, row {row.number}" if sheet.name else f"row {row.number}"
    located = replace(evidence, locator=f"{place}; columns {columns}")
    claim = Claim(
        subject.id,
        rule.claim.predicate,
        object_.id,
        Status.DOCUMENTED,
        located,
        tuple(attributes),
        EXTRACTOR,
    )
    return mentions, claim


def _raw(row: Row, rule: Rule, source: Source) -> str:
    if source.value is not None:
        return source.value.strip()
    cell = row.cell(rule.column(source.column or ""))
    return cell.value.strip() if cell is not None else ""


def _mention(doc_id: str, row: Row, rule: Rule, source: Source) -> Mention:
    column = rule.column(source.column or "")
    cell = row.cell(column) or Cell("", row.start, row.start)
    if not cell.value.strip():
        raise SkipItem(f"column {column!r} is empty")
    start, end = _trimmed(cell)
    return Mention(
        doc_id, start, end, cell.value.strip(), source.type or EntityType.ORGANIZATION, EXTRACTOR
    )


def _trimmed(cell: Cell) -> tuple[int, int]:
    lead = len(cell.value) - len(cell.value.lstrip())
    trail = len(cell.value) - len(cell.value.rstrip())
    if cell.end - cell.start != len(cell.value):
        return cell.start, cell.end
    return cell.start + lead, cell.end - trail


def normalise(key: str, raw: str, date_format: str | None = None) -> list[tuple[str, str]]:
    """A cell as claim attributes: numbers read, dates in ISO form, currencies as codes."""
    if key in ("amount", "quantity"):
        return [(key, _number(key, raw))]
    if key == "date":
        return [("date", parse_date(raw, date_format))]
    if key == "currency":
        return [("currency", _currency(raw))]
    return [(key, " ".join(raw.split()))]


def _number(key: str, raw: str) -> str:
    m = NUMBER.match(raw.strip())
    value = parse_amount(m["n"]) if m else None
    if value is None:
        raise SkipItem(f"{key} {raw!r} is not a number")
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def _currency_of(raw: str) -> list[str]:
    m = NUMBER.match(raw.strip())
    sign = m and (m["before"] or m["after"])
    return [_currency(sign)] if sign else []


def _currency(raw: str) -> str:
    code = CURRENCY_SIGNS.get(raw.strip(), raw.strip().upper())
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise SkipItem(f"currency {raw!r} is not a three-letter code such as USD")
    return code


def parse_date(raw: str, date_format: str | None = None) -> str:
    """An ISO date (or month, quarter) from a cell: by `date_format` if given, else as written."""
    text = raw.strip()
    if date_format:
        try:
            return datetime.strptime(text, date_format).date().isoformat()
        except ValueError:
            raise SkipItem(f"date {raw!r} does not match {date_format!r}") from None
    try:
        return datetime.fromisoformat(text).date().isoformat()
    except ValueError:
        pass
    found = find_dates(text)
    if len(found) == 1 and found[0].value and found[0].text.strip() == text:
        return found[0].value
    raise SkipItem(f"date {raw!r} is not a date")


def _where(sheet: Sheet, row: Row) -> str:
    return f"sheet {sheet.name} row {row.number}" if sheet.name else f"row {row.number}"


register(read_records, ".csv", ".jsonl", ".xlsx")
