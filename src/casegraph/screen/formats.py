"""Loaders for the other official list formats, each returning a `SanctionsList`.

- "ofac-xml": OFAC's `sdn.xml` (sdnList/sdnEntry; any or no XML namespace).
- "ftm": OpenSanctions FollowTheMoney entities, one JSON object a line.
- "eu-xml": the EU consolidated financial sanctions file (export/sanctionEntity).
- "uk-csv": the UK OFSI consolidated list CSV ("Last Updated" line, then a header;
  the rows of one Group ID are the names of one entry).
- "ofac-csv": OFAC's legacy `sdn.csv`, or a folder with it and alt.csv / add.csv.

Files may be gzip-compressed. XML is read with `iterparse`, an entry at a time.
Every problem with a file is an `InputError` of one line naming the file.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import xml.etree.ElementTree as ET
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import IO, Any

from casegraph.errors import InputError
from casegraph.screen.lists import (
    ListEntry,
    SanctionsList,
    _date_in,
    _names,
    load_ofac_csv_folder,
    load_sdn_csv,
)

_OFAC_TYPES = {
    "individual": "person",
    "entity": "organization",
    "vessel": "vessel",
    "aircraft": "aircraft",
}
_FTM_SCHEMAS = {
    "Person": "person",
    "Company": "organization",
    "Organization": "organization",
    "LegalEntity": "organization",
    "PublicBody": "organization",
    "Vessel": "vessel",
    "Airplane": "aircraft",
}
_FTM_ALIASES = ("alias", "previousName")
_FTM_COUNTRIES = ("country", "nationality", "citizenship", "jurisdiction")
_EU_SUBJECTS = {"person": "person", "enterprise": "organization"}
_EU_NO_COUNTRY = {"", "00", "UNKNOWN"}
_UK_GROUPS = {"individual": "person", "entity": "organization", "ship": "vessel"}
_UK_COLUMNS = ("Name 6", "Group Type", "Group ID", "Regime")
_UK_FORENAMES = ("Name 1", "Name 2", "Name 3", "Name 4", "Name 5")


def load_list(path: str | Path, format: str) -> SanctionsList:
    """Load `path` read as `format`, one of `FORMATS`."""
    loader = FORMATS.get(format)
    if loader is None:
        known = ", ".join(sorted(FORMATS))
        raise InputError(f"{path}: unknown list format {format!r}; known formats: {known}")
    return loader(Path(path))


def load_ofac_csv(path: str | Path) -> SanctionsList:
    """OFAC legacy CSV: a folder (sdn.csv, alt.csv, add.csv) or a single sdn.csv."""
    path = Path(path)
    return load_ofac_csv_folder(path) if path.is_dir() else load_sdn_csv(path)


def load_ofac_xml(
    path: str | Path, name: str = "OFAC SDN", published: str | None = None
) -> SanctionsList:
    """OFAC `sdn.xml`; the date defaults to its Publish_Date, then one in the file name."""
    path = Path(path)
    entries: list[ListEntry] = []
    date = ""
    for elem in _xml_elements(path, "OFAC XML", {"sdnEntry", "Publish_Date"}):
        if _local(elem.tag) == "Publish_Date":
            date = _day_first((elem.text or "").strip(), month_first=True)
        else:
            entries.append(_ofac_entry(elem, path))
            elem.clear()
    if not entries:
        raise InputError(f"{path}: no sdnEntry elements, not an OFAC sdn.xml")
    return SanctionsList(name, published or date or _date_in(path), str(path), tuple(entries))


def load_ftm_json(
    path: str | Path, name: str = "OpenSanctions", published: str | None = None
) -> SanctionsList:
    """FollowTheMoney JSON lines; parties only (persons, organizations, vessels, aircraft).

    The date defaults to the latest `last_change` of the entities read.
    """
    path = Path(path)
    entries: list[ListEntry] = []
    latest = ""
    for number, line in enumerate(_text(path, "FollowTheMoney file").splitlines(), 1):
        if not line.strip():
            continue
        try:
            entity = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{path}:{number}: not a JSON entity: {exc}") from exc
        if not isinstance(entity, dict):
            raise InputError(f"{path}:{number}: not a JSON entity object")
        entry = _ftm_entry(entity, path, number)
        if entry is not None:
            entries.append(entry)
            latest = max(latest, str(entity.get("last_change") or "")[:10])
    if not entries:
        raise InputError(f"{path}: no person, organization, vessel or aircraft entities")
    return SanctionsList(name, published or latest or _date_in(path), str(path), tuple(entries))


def load_eu_xml(
    path: str | Path, name: str = "EU consolidated", published: str | None = None
) -> SanctionsList:
    """EU consolidated list XML; the date defaults to the export's generationDate."""
    path = Path(path)
    entries: list[ListEntry] = []
    date = ""
    for elem in _xml_elements(path, "EU XML", {"export", "sanctionEntity"}, start="export"):
        if _local(elem.tag) == "export":
            date = elem.get("generationDate", "")[:10]
        else:
            entries.append(_eu_entry(elem, path))
            elem.clear()
    if not entries:
        raise InputError(f"{path}: no sanctionEntity elements, not an EU consolidated list")
    return SanctionsList(name, published or date or _date_in(path), str(path), tuple(entries))


def load_uk_csv(
    path: str | Path, name: str = "UK OFSI consolidated", published: str | None = None
) -> SanctionsList:
    """UK OFSI consolidated CSV; the date defaults to its "Last Updated" line."""
    path = Path(path)
    try:
        rows = list(csv.reader(io.StringIO(_text(path, "UK OFSI list"), newline="")))
    except csv.Error as exc:
        raise InputError(f"cannot read UK OFSI list {path}: {exc}") from exc
    if len(rows) < 2 or not rows[0] or rows[0][0].strip().lower() != "last updated":
        raise InputError(f"{path}: no 'Last Updated' first line, not a UK OFSI consolidated CSV")
    header = [cell.strip() for cell in rows[1]]
    missing = [column for column in _UK_COLUMNS if column not in header]
    if missing:
        raise InputError(f"{path}: UK OFSI header lacks columns {', '.join(missing)}")
    groups: dict[str, list[tuple[int, dict[str, str]]]] = {}
    for number, row in enumerate(rows[2:], 3):
        if not "".join(row).strip():
            continue
        record = {column: cell.strip() for column, cell in zip(header, row, strict=False)}
        if not record.get("Group ID"):
            raise InputError(f"{path}:{number}: UK OFSI row without a Group ID")
        groups.setdefault(record["Group ID"], []).append((number, record))
    if not groups:
        raise InputError(f"{path}: no UK OFSI entries found")
    entries = tuple(_uk_entry(group_id, group, path) for group_id, group in groups.items())
    date = _day_first(rows[0][1].strip() if len(rows[0]) > 1 else "", month_first=False)
    return SanctionsList(name, published or date or _date_in(path), str(path), entries)


FORMATS: dict[str, Callable[[Path], SanctionsList]] = {
    "ofac-csv": load_ofac_csv,
    "ofac-xml": load_ofac_xml,
    "ftm": load_ftm_json,
    "eu-xml": load_eu_xml,
    "uk-csv": load_uk_csv,
}


def _ofac_entry(elem: ET.Element, path: Path) -> ListEntry:
    uid = _child_text(elem, "uid")
    kind = _child_text(elem, "sdnType").lower()
    if not uid or not _child_text(elem, "lastName"):
        raise InputError(f"{path}: sdnEntry {uid or '(no uid)'} lacks a uid or lastName")
    if kind not in _OFAC_TYPES:
        raise InputError(f"{path}: sdnEntry {uid} has unknown sdnType {kind!r}")
    schema = _OFAC_TYPES[kind]
    akas = [_ofac_name(aka) for aka in _descendants(elem, "akaList", "aka")]
    programs = [(p.text or "").strip() for p in _descendants(elem, "programList", "program")]
    countries = [_child_text(a, "country") for a in _descendants(elem, "addressList", "address")]
    return ListEntry(
        uid,
        schema,
        _names(_ofac_name(elem), [aka for aka in akas if aka], schema == "person"),
        tuple(dict.fromkeys(p for p in programs if p)),
        _child_text(elem, "remarks"),
        tuple(dict.fromkeys(c for c in countries if c)),
    )


def _ofac_name(elem: ET.Element) -> str:
    """ "LAST, First" as in the legacy CSV, or the last name alone."""
    last, first = _child_text(elem, "lastName"), _child_text(elem, "firstName")
    return f"{last}, {first}" if last and first else last or first


def _ftm_entry(entity: dict[str, Any], path: Path, number: int) -> ListEntry | None:
    schema = _FTM_SCHEMAS.get(str(entity.get("schema", "")))
    if schema is None:
        return None  # addresses, sanctions, ownership links: not parties
    props = entity.get("properties")
    if not isinstance(props, dict):
        props = {}

    def values(*keys: str) -> list[str]:
        lists = [props.get(key) for key in keys]
        found = [v for got in lists if isinstance(got, list) for v in got if isinstance(v, str)]
        return [v.strip() for v in found if v.strip()]

    entity_id, names = entity.get("id"), values("name")
    if not isinstance(entity_id, str) or not entity_id or not names:
        raise InputError(f"{path}:{number}: {entity.get('schema')} entity without an id or name")
    datasets = [d for d in entity.get("datasets") or [] if isinstance(d, str)]
    topics = values("topics")
    remarks = "; ".join([*values("notes"), *([f"topics: {', '.join(topics)}"] if topics else [])])
    return ListEntry(
        entity_id,
        schema,
        _names(names[0], [*names[1:], *values(*_FTM_ALIASES)], schema == "person"),
        tuple(dict.fromkeys(values("programId") or datasets)),
        remarks,
        tuple(dict.fromkeys(values(*_FTM_COUNTRIES))),
    )


def _eu_entry(elem: ET.Element, path: Path) -> ListEntry:
    entry_id = elem.get("logicalId", "").strip()
    subject = next(_children(elem, "subjectType"), None)
    code = "" if subject is None else subject.get("code", "").strip().lower()
    if not entry_id or code not in _EU_SUBJECTS:
        raise InputError(
            f"{path}: sanctionEntity {entry_id or '(no logicalId)'} "
            f"has no logicalId or an unknown subjectType {code!r}"
        )
    names = [_eu_name(alias) for alias in _children(elem, "nameAlias")]
    names = [n for n in names if n]
    if not names:
        raise InputError(f"{path}: sanctionEntity {entry_id} has no nameAlias wholeName")
    programs = [r.get("programme", "").strip() for r in _children(elem, "regulation")]
    countries = [
        place.get("countryDescription", "").strip()
        for kind in ("citizenship", "address")
        for place in _children(elem, kind)
        if place.get("countryIsoCode", "").strip().upper() not in _EU_NO_COUNTRY
    ]
    remarks = "; ".join((r.text or "").strip() for r in _children(elem, "remark") if r.text)
    return ListEntry(
        entry_id,
        _EU_SUBJECTS[code],
        _names(names[0], names[1:], code == "person"),
        tuple(dict.fromkeys(p for p in programs if p)),
        remarks,
        tuple(dict.fromkeys(c for c in countries if c)),
    )


def _eu_name(alias: ET.Element) -> str:
    whole = alias.get("wholeName", "").strip()
    parts = (alias.get(key, "").strip() for key in ("firstName", "middleName", "lastName"))
    return whole or " ".join(p for p in parts if p)


def _uk_entry(group_id: str, group: list[tuple[int, dict[str, str]]], path: Path) -> ListEntry:
    number, first = group[0]
    kind = first.get("Group Type", "").lower()
    if kind not in _UK_GROUPS:
        raise InputError(f"{path}:{number}: unknown UK OFSI Group Type {first.get('Group Type')!r}")
    schema = _UK_GROUPS[kind]
    records = sorted((r for _, r in group), key=lambda r: r.get("Alias Type") != "Primary name")
    names = [_uk_name(record, schema == "person") for record in records]
    names += [r["Name Non-Latin Script"] for r in records if r.get("Name Non-Latin Script")]
    names = [n for n in names if n]
    if not names:
        raise InputError(f"{path}:{number}: UK OFSI Group ID {group_id} has no name")
    return ListEntry(
        group_id,
        schema,
        _names(names[0], names[1:], schema == "person"),
        tuple(dict.fromkeys(r["Regime"] for r in records if r.get("Regime"))),
        records[0].get("Other Information", ""),
        tuple(dict.fromkeys(r["Country"] for r in records if r.get("Country"))),
    )


def _uk_name(record: dict[str, str], person: bool) -> str:
    """Name 6 is the surname (or the entity's name), Names 1-5 the forenames."""
    surname = record.get("Name 6", "")
    forenames = " ".join(record[k] for k in _UK_FORENAMES if record.get(k))
    if surname and forenames:
        return f"{surname}, {forenames}" if person else f"{forenames} {surname}"
    return surname or forenames


def _open(path: Path) -> IO[bytes]:
    handle = path.open("rb")
    if handle.peek(2)[:2] == b"\x1f\x8b":
        return gzip.GzipFile(fileobj=handle)  # type: ignore[return-value]
    return handle


def _text(path: Path, what: str) -> str:
    try:
        with _open(path) as handle:
            return handle.read().decode("utf-8-sig")
    except (OSError, EOFError, zlib.error, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read {what} {path}: {exc}") from exc


def _xml_elements(path: Path, what: str, wanted: set[str], start: str = "") -> Iterator[ET.Element]:
    """Complete elements with a wanted local name; the `start` one as soon as it opens."""
    try:
        with _open(path) as handle:
            for event, elem in ET.iterparse(handle, events=("start", "end")):
                local = _local(elem.tag)
                opened = event == "start"
                if local in wanted and opened == (local == start):
                    yield elem
    except (OSError, EOFError, zlib.error, ET.ParseError) as exc:
        raise InputError(f"cannot read {what} {path}: {exc}") from exc


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1]


def _children(elem: ET.Element, name: str) -> Iterator[ET.Element]:
    return (child for child in elem if _local(child.tag) == name)


def _descendants(elem: ET.Element, outer: str, inner: str) -> Iterator[ET.Element]:
    return (item for group in _children(elem, outer) for item in _children(group, inner))


def _child_text(elem: ET.Element, name: str) -> str:
    child = next(_children(elem, name), None)
    return "" if child is None or child.text is None else child.text.strip()


def _day_first(date: str, month_first: bool) -> str:
    """ "03/05/2024" -> "2024-05-03" (day first, or month first for OFAC); "" if not a date."""
    parts = date.split("/")
    if len(parts) != 3 or not all(p.isdigit() for p in parts) or len(parts[2]) != 4:
        return ""
    day, month = (parts[1], parts[0]) if month_first else (parts[0], parts[1])
    return f"{parts[2]}-{int(month):02d}-{int(day):02d}"
