"""Read files and folders into `Document`s: the first stage, and the only one touching files."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from casegraph.errors import InputError, SkipItem
from casegraph.extract.dates import guess_published
from casegraph.ingest.encoding import decode, decode_text
from casegraph.ingest.registry import READERS, Read, reader_for, register, size_text
from casegraph.model import Document, make_id

__all__ = [
    "READERS",
    "Read",
    "Skipped",
    "decode",
    "discover",
    "read_document",
    "read_path",
    "read_text",
]

SUPPORTED_SUFFIXES = {".txt": "text/plain", ".md": "text/markdown"}
MAX_BYTES = 50 * 1024 * 1024


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


def title_of(text: str, fallback: str) -> str:
    """The first non-empty line, without Markdown heading marks."""
    for line in text.splitlines():
        line = line.strip().lstrip("#").strip()
        if line:
            return line[:300]
    return fallback


def read_text(path: Path, data: bytes) -> list[Read]:
    """A plain-text or Markdown file: one document; a guessed encoding is noted."""
    decoded = decode_text(data)
    if not decoded.text.strip():
        raise SkipItem("empty file")
    sha = hashlib.sha256(data).hexdigest()
    document = Document(
        id=make_id("doc", sha),
        source=str(path),
        title=title_of(decoded.text, path.stem),
        text=decoded.text,
        sha256=sha,
        published=guess_published(decoded.text),
        media_type=SUPPORTED_SUFFIXES.get(path.suffix.lower(), "text/plain"),
        metadata=(("encoding", decoded.encoding),) if decoded.encoding != "utf-8" else (),
    )
    return [Read(document, warnings=(decoded.warning,) if decoded.warning else ())]


register(read_text, *SUPPORTED_SUFFIXES)


def read_path(path: Path) -> list[Read]:
    """Every document one file holds (an e-mail yields its attachments too), or SkipItem with why.

    Files over MAX_BYTES are skipped unread: a 200 MB text costs about 3.6 GB to
    clean and hours to extract (bench/ingest.py), so it needs splitting first.
    """
    reader = reader_for(path)
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise SkipItem(
            f"file is {size_text(size)}; the limit is {size_text(MAX_BYTES)} "
            "(split it into smaller files)"
        )
    return reader(path, path.read_bytes())


def read_document(path: Path) -> Document:
    """The first document a file holds; its id is the hash of its bytes, so re-reads are no-ops."""
    return read_path(path)[0].document
