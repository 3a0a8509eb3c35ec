"""Sanctions list loaders, from each list's official file format.

Only the OFAC SDN legacy CSV for now (the "sdn.csv" file OFAC publishes, no
header, `-0- ` for empty cells). Aliases the legacy format keeps in the remarks
column (`a.k.a. 'NAME'`, also `f.k.a.` / `n.k.a.`) become names of the entry;
`Linked To: X` does not, as it names a different party.
"""

from __future__ import annotations

import csv
import gzip
import io
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

from casegraph.errors import InputError

SDN_SNAPSHOT = "sdn-2024-05-03.csv.gz"
_EMPTY = "-0-"
_COLUMNS = 12
_SCHEMAS = {"individual": "person", "vessel": "vessel", "aircraft": "aircraft", "": "organization"}
# The closing quote is the one followed by ";" or by "." at the end of the remark:
# names themselves contain apostrophes (KATA'IB, O'BRIEN).
_ALIAS = re.compile(r"\b[afn]\.k\.a\.\s+'(.+?)'(?=\s*;|\.?\s*$|\.\s*;)")
_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(frozen=True)
class ListEntry:
    """One designated party; `names` holds the primary name first."""

    entry_id: str
    schema: str
    names: tuple[str, ...]
    programs: tuple[str, ...]
    remarks: str


@dataclass(frozen=True)
class SanctionsList:
    """A list as published on one date, so a match can cite its version."""

    name: str
    published: str
    source: str
    entries: tuple[ListEntry, ...]


def load_sdn_csv(
    path: str | Path, name: str = "OFAC SDN", published: str | None = None
) -> SanctionsList:
    """Load an OFAC SDN legacy CSV (plain or .gz); the date defaults to one in the file name."""
    path = Path(path)
    entries = tuple(_entry(row, path, number) for number, row in enumerate(_rows(path), 1))
    if not entries:
        raise InputError(f"{path}: no SDN entries found")
    return SanctionsList(name, published or _date_in(path), str(path), entries)


def default_lists() -> list[SanctionsList]:
    """The SDN snapshot shipped with the package, so screening works offline (read once)."""
    return [_packaged_sdn()]


@lru_cache(maxsize=1)
def _packaged_sdn() -> SanctionsList:
    resource = resources.files("casegraph") / "data" / SDN_SNAPSHOT
    with resources.as_file(resource) as path:
        sdn = load_sdn_csv(path)
    return SanctionsList(sdn.name, sdn.published, f"casegraph:data/{SDN_SNAPSHOT}", sdn.entries)


def _rows(path: Path) -> list[list[str]]:
    """CSV rows, without the DOS end-of-file mark (a lone 0x1A) OFAC appends."""
    try:
        raw = path.read_bytes()
        text = (gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw).decode("utf-8")
        rows = list(csv.reader(io.StringIO(text, newline="")))
    except (OSError, EOFError, zlib.error, UnicodeDecodeError, csv.Error) as exc:
        raise InputError(f"cannot read SDN list {path}: {exc}") from exc
    return [row for row in rows if row and "".join(row).strip("\x1a \r\n")]


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
