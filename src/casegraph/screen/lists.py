"""Sanctions list loaders, from each list's official file format.

Here the OFAC SDN legacy CSV (the "sdn.csv" file OFAC publishes, no header,
`-0- ` for empty cells) and its companions `alt.csv` (aliases) and `add.csv`
(addresses, read for countries). Aliases the legacy format keeps in the remarks
column (`a.k.a. 'NAME'`, also `f.k.a.` / `n.k.a.`) become names of the entry;
`Linked To: X` does not, as it names a different party. The other formats
(OFAC XML, OpenSanctions FollowTheMoney, EU and UK lists) live in
`casegraph.screen.formats`; `load_list` picks a loader by format name.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path

from casegraph.errors import InputError

SDN_SNAPSHOT = "sdn-2024-05-03.csv.gz"
_EMPTY = "-0-"
_COLUMNS = 12
_ALT_COLUMNS = 5  # ent_num, alt_num, alt_type, alt_name, alt_remarks
_ADD_COLUMNS = 6  # ent_num, add_num, address, city/state/postal code, country, add_remarks
_SCHEMAS = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "": "organization"}
# The closing quote is the one followed by ";" or by "." at the end of the remark:
# names themselves contain apostrophes (KATA'IB, O'BRIEN).
_ALIAS = re.compile(r"\b[afn]\.k\.a\.\s+'(.+?)'(?=\s*;|\.?\s*$|\.\s*;)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ListEntry:
    """One designated party; `names` holds the primary name first.

    `countries` are the countries the list links to the party (addresses,
    nationality), written as the list writes them: names or ISO codes.
    """

    entry_id: str
    schema: str
    names: tuple[str, ...]
    programs: tuple[str, ...]
    remarks: str
    countries: tuple[str, ...] = ()


@dataclass(frozen=True)
class SanctionsList:
    """A list as published on one date, so a match can cite its version."""

    name: str
    published: str
    source: str
    entries: tuple[ListEntry, ...]


def load_sdn_csv(
    path: str | Path,
    name: str = "OFAC SDN",
    published: str | None = None,
    alt: str | Path | None = None,
    add: str | Path | None = None,
) -> SanctionsList:
    """Load an OFAC SDN legacy CSV (plain or .gz); the date defaults to one in the file name.

    `alt` (OFAC's alt.csv) adds its aliases to the entries' names, `add` (add.csv)
    the countries of their addresses.
    """
    path = Path(path)
    entries = tuple(_entry(row, path, number) for number, row in enumerate(_rows(path), 1))
    if not entries:
        raise InputError(f"{path}: no SDN entries found")
    if alt is not None:
        entries = _with_alt_names(entries, Path(alt))
    if add is not None:
        entries = _with_countries(entries, Path(add))
    return SanctionsList(name, published or _date_in(path), str(path), entries)


def load_ofac_csv_folder(
    folder: str | Path, name: str = "OFAC SDN", published: str | None = None
) -> SanctionsList:
    """Load a folder of OFAC legacy CSVs: sdn.csv, with alt.csv and add.csv where present.

    File names match in any case (SDN.CSV) and may end in .gz; the date defaults
    to one in the folder name, then in the sdn file name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise InputError(f"{folder}: not a folder of OFAC CSV files (sdn.csv, alt.csv, add.csv)")
    files = {child.name.lower().removesuffix(".gz"): child for child in sorted(folder.iterdir())}
    if "sdn.csv" not in files:
        raise InputError(f"{folder}: no sdn.csv in this folder")
    sdn = files["sdn.csv"]
    date = published or _date_in(folder) or _date_in(sdn)
    return load_sdn_csv(sdn, name, date, files.get("alt.csv"), files.get("add.csv"))


def load_list(path: str | Path, format: str) -> SanctionsList:
    """Load a list in one of the formats of `casegraph.screen.formats.FORMATS`."""
    from casegraph.screen.formats import load_list as load_in_format

    return load_in_format(path, format)


def default_lists() -> list[SanctionsList]:
    """The SDN snapshot shipped with the package, so screening works offline (read once)."""
    return [_packaged_sdn()]


@lru_cache(maxsize=1)
def _packaged_sdn() -> SanctionsList:
    resource = resources.files("casegraph") / "data" / SDN_SNAPSHOT
    with resources.as_file(resource) as path:
        sdn = load_sdn_csv(path)
    return SanctionsList(sdn.name, sdn.published, f"casegraph:data/{SDN_SNAPSHOT}", sdn.entries)


def _rows(path: Path, what: str = "SDN list") -> list[list[str]]:
    """CSV rows, without the DOS end-of-file mark (a lone 0x1A) OFAC appends."""
    try:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read {what} {path}: {exc}") from exc
    return [row for row in rows if row and "".join(row).strip("\x1a \r\n")]


def _companion_rows(
    path: Path, columns: int, known: set[str], what: str
) -> Iterable[tuple[str, list[str]]]:
    """(ent_num, row) of an alt.csv or add.csv, each checked against the SDN entries."""
    for number, row in enumerate(_rows(path, what), 1):
        if len(row) != columns or not row[0].strip().isdigit():
            raise InputError(f"{path}:{number}: not an {what} row ({len(row)} columns): {row[:3]}")
        ent_num = row[0].strip()
        if ent_num not in known:
            raise InputError(f"{path}:{number}: {what} row for unknown SDN entry {ent_num}")
        yield ent_num, row


def _with_alt_names(entries: tuple[ListEntry, ...], path: Path) -> tuple[ListEntry, ...]:
    aliases: dict[str, list[str]] = {}
    known = {entry.entry_id for entry in entries}
    for ent_num, row in _companion_rows(path, _ALT_COLUMNS, known, "OFAC alt.csv"):
        if _cell(row[3]):
            aliases.setdefault(ent_num, []).append(_cell(row[3]))
    return tuple(
        replace(e, names=_names(e.names[0], [*e.names[1:], *aliases[e.entry_id]], _person(e)))
        if e.entry_id in aliases
        else e
        for e in entries
    )


def _with_countries(entries: tuple[ListEntry, ...], path: Path) -> tuple[ListEntry, ...]:
    countries: dict[str, list[str]] = {}
    known = {entry.entry_id for entry in entries}
    for ent_num, row in _companion_rows(path, _ADD_COLUMNS, known, "OFAC add.csv"):
        found = countries.setdefault(ent_num, [])
        if _cell(row[4]) and _cell(row[4]) not in found:
            found.append(_cell(row[4]))
    return tuple(
        replace(e, countries=tuple(dict.fromkeys([*e.countries, *countries[e.entry_id]])))
        if e.entry_id in countries
        else e
        for e in entries
    )


def _person(entry: ListEntry) -> bool:
    return entry.schema == "person"


def _entry(row: list[str], path: Path, number: int) -> ListEntry:
    if len(row) != _COLUMNS or not row[0].strip().isdigit() or not _cell(row[1]):
        raise InputError(f"{path}:{number}: not an SDN row ({len(row)} columns): {row[:3]}")
    kind = _cell(row[2]).lower()
    if kind not in _SCHEMAS:
        raise InputError(f"{path}:{number}: unknown SDN type {row[2]!r}")
    schema = _SCHEMAS[kind]
    remarks = _cell(row[11])
    names = _names(_cell(row[1]), _ALIAS.findall(remarks), schema == "person")
    return ListEntry(row[0].strip(), schema, names, _programs(row[3]), remarks)


def _names(primary: str, aliases: list[str], person: bool) -> tuple[str, ...]:
    """Primary then aliases; a person's "LAST, First" is followed by "First LAST"."""
    names: list[str] = []
    for written in [primary, *aliases]:
        written = written.strip(" '")
        for form in (written, reorder_person(written) if person else written):
            if form and form not in names:
                names.append(form)
    return tuple(names)


def reorder_person(name: str) -> str:
    """ "DELOS REYES, Feliciano, Jr." -> "Feliciano DELOS REYES Jr."."""
    parts = [part.strip() for part in name.split(",")]
    if len(parts) < 2 or not all(parts[:2]):
        return name
    return " ".join([parts[1], parts[0], *parts[2:]]).strip()


def _programs(cell: str) -> tuple[str, ...]:
    """ "NPWMD] [IFSR" -> ("NPWMD", "IFSR"): the legacy file joins programs with "] [."""
    return tuple(p.strip(" []") for p in _cell(cell).split("] [") if p.strip(" []"))


def _cell(value: str) -> str:
    value = value.strip()
    return "" if value == _EMPTY else value


def _date_in(path: Path) -> str:
    found = _DATE.search(path.name)
    return found.group(0) if found else ""
