"""The reader registry: which function reads which file suffix, and the limits on unpacking.

A format module registers its reader here on import; `casegraph.ingest`
imports every format module, so importing any part of the package fills the
registry. Containers (archives, e-mails with attachments) read their members
through `read_member`, which shares one `Budget` across the whole file, so a
nested archive cannot multiply the limits.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from casegraph.errors import CasegraphError, SkipItem
from casegraph.model import Document, Extraction

MAX_UNPACKED = 200 * 1024 * 1024
MAX_MEMBERS = 1000
MAX_DEPTH = 3


@dataclass(frozen=True)
class Read:
    """What a reader yields per document: the document, and the claims a structured record states.

    A text document leaves `extraction` empty: cleaning and extraction read it later.
    A record row (invoice, shipment) already says who did what, so its reader builds
    the mentions and claims itself and extraction is skipped. `warnings` are the
    parts of the file left out (a malformed row, an attachment of unknown type),
    one line each, for the ingest report.
    """

    document: Document
    extraction: Extraction | None = None
    warnings: tuple[str, ...] = ()


Reader = Callable[[Path, bytes], list[Read]]
"""A reader gets the path (for its name and neighbours, such as a mapping file) and the bytes."""


@dataclass
class Budget:
    """What one top-level file may unpack (bytes, members, nesting depth), and what it has."""

    max_bytes: int = MAX_UNPACKED
    max_members: int = MAX_MEMBERS
    unpacked: int = 0
    members: int = 0
    depth: int = 0

    def take(self, size: int) -> None:
        """Count one unpacked member of `size` bytes, or skip it when over a limit."""
        if self.members >= self.max_members:
            raise SkipItem(f"more than {self.max_members} members unpacked from one file")
        if self.unpacked + size > self.max_bytes:
            raise SkipItem(f"unpacking past {size_text(self.max_bytes)} from one file")
        self.members += 1
        self.unpacked += size


def size_text(size: int) -> str:
    """A size as people read it: "1.3 MiB", "200 MiB", "512 bytes"."""
    if size < 1024 * 1024:
        return f"{size} bytes"
    mib = size / (1024 * 1024)
    return f"{mib:.1f} MiB" if mib < 10 and not mib.is_integer() else f"{mib:.0f} MiB"


Container = Callable[[Path, bytes, Budget], list[Read]]
"""A reader of a format that holds other files; it reads them with `read_member`."""

READERS: dict[str, Reader] = {}
"""Readers by lower-case file suffix."""

CONTAINERS: dict[str, Container] = {}


def register(reader: Reader, *suffixes: str) -> None:
    """Read files with these suffixes (".pdf") with `reader`."""
    for suffix in suffixes:
        READERS[suffix] = reader


def register_container(container: Container, *suffixes: str) -> None:
    """Read files with these suffixes with `container`; each top-level file gets a fresh budget."""

    def top_level(path: Path, data: bytes) -> list[Read]:
        return container(path, data, Budget())

    for suffix in suffixes:
        CONTAINERS[suffix] = container
        READERS[suffix] = top_level


def reader_for(path: Path) -> Reader:
    """The reader of a file by its suffix, or SkipItem naming the suffixes casegraph reads."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SkipItem(
            f"unsupported file type {path.suffix.lower() or '(none)'}; casegraph reads {known}"
        )
    return reader


def read_member(path: Path, data: bytes, budget: Budget) -> list[Read]:
    """Read a file found inside another (an attachment, an archive member) within `budget`."""
    if path.suffix.lower() not in READERS:
        raise SkipItem(f"unsupported file type {path.suffix.lower() or '(none)'}")
    if budget.depth >= MAX_DEPTH:
        raise SkipItem(f"nested more than {MAX_DEPTH} containers deep")
    container = CONTAINERS.get(path.suffix.lower())
    if container is None:
        return READERS[path.suffix.lower()](path, data)
    budget.depth += 1
    try:
        return container(path, data, budget)
    finally:
        budget.depth -= 1


def member_path(container: Path, name: str) -> Path:
    """The path a member is known by: `case.zip#invoices/0417.pdf`, `mail.eml#offer.docx`."""
    return Path(f"{container}#{name}")


@contextmanager
def parsing(kind: str) -> Iterator[None]:
    """Turn any failure of a third-party parser on hostile bytes into SkipItem with its reason.

    Parsers of PDF, Office and e-mail raise dozens of exception types on corrupt
    input (KeyError, struct.error, RecursionError...); for a batch they all mean
    "this file cannot be read", so the broad catch is deliberate.
    """
    try:
        yield
    except CasegraphError:
        raise
    except Exception as exc:
        detail = " ".join(str(exc).split())[:160] or type(exc).__name__
        raise SkipItem(f"not a readable {kind}: {detail}") from exc
