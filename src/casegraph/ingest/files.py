"""Read files and folders into `Document`s: the first stage, and the only one touching files."""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from casegraph.errors import InputError, SkipItem
from casegraph.extract.dates import guess_published
from casegraph.model import Document, Extraction, make_id

SUPPORTED_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown"}
MAX_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class Read:
    """What a reader yields per document: the document, and the claims a structured record states.

    A text document leaves `extraction` empty: cleaning and extraction read it later.
    A record row (invoice, shipment) already says who did what, so its reader builds
    the mentions and claims itself and extraction is skipped.
    """

    document: Document
    extraction: Extraction | None = None


Reader = Callable[[Path, bytes], list[Read]]
"""A reader gets the path (for its name and neighbours, such as a mapping file) and the bytes."""


@dataclass(frozen=True)
class Skipped:
    """A file that could not be read, with a one-line reason for the ingest report."""

    path: str
    reason: str


def discover(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Every supported file under the given files and folders, in a stable order."""
    for raw in paths:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"no such file or folder: {path}")
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and _supported(p))
        else:
            yield path


def _supported(path: Path) -> bool:
    return path.suffix.lower() in READERS and not path.name.startswith(".")


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), else Windows-1252, never failing silently."""
    if b"\x00" in data[:4096]:
        raise SkipItem("binary content (NUL bytes) in a text file")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return text.replace("\r\n", "\n").replace("\r", "\n")


def title_of(text: str, fallback: str) -> str:
    """The first non-empty line, without Markdown heading marks."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return fallback


def read_text(path: Path, data: bytes) -> list[Read]:
    """A plain-text or Markdown file: one document."""
    text = decode(data)
    if not text.strip():
        raise SkipItem("empty file")
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        id=make_id("doc", sha),
        source=str(path),
        title=title_of(text, path.stem),
        text=text,
        sha256=sha,
        published=guess_published(text),
        media_type=SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text/plain"),
    )
    return [Read(document)]


READERS: dict[str, Reader] = {".txt": read_text, ".md": read_text}
"""Readers by lower-case file suffix; a format module adds its own entry."""


def read_path(path: Path) -> list[Read]:
    """Every document one file holds (an e-mail yields its attachments too), or SkipItem with why."""
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        known = ", ".join(sorted(READERS))
        raise SkipItem(f"unsupported file type {path.suffix.lower() or '(none)'}; casegraph reads {known}")
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SkipItem(f"file is {size // (1024 * 1024)} MiB; the limit is {MAX_BYTES // (1024 * 1024)} MiB")
    return reader(path, path.read_bytes())


def read_document(path: Path) -> Document:
    """The first document a file holds; its id is the hash of its bytes, so re-reads are no-ops."""
    return read_path(path)[0].document
