"""PDF files: the text layer page by page, with page starts so evidence can say "page N".

pypdf gives one line per printed line; lines wrapped inside a paragraph are
joined again (a line as long as the page's longest ones was wrapped, a short
one ended on purpose), so a sentence reaches extraction whole and an invoice's
"Seller: ..." lines stay apart. A PDF without any text layer is a scan:
casegraph has no OCR, and says so rather than storing an empty document.
"""

from __future__ import annotations

import hashlib
import io
import logging
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from casegraph.errors import SkipItem
from casegraph.extract.dates import guess_published
from casegraph.ingest.files import title_of
from casegraph.ingest.pages import PAGE_STARTS, join_pages
from casegraph.ingest.registry import Read, parsing, register
from casegraph.model import Document, make_id

if TYPE_CHECKING:
    from pypdf import PdfReader

WRAPPED = 0.6
"""A line at least this share of the page's longest line was wrapped by the layout."""
MIN_PROSE_WIDTH = 40

logging.getLogger("pypdf").setLevel(logging.ERROR)


def read_pdf(path: Path, data: bytes) -> list[Read]:
    """A PDF: one document of its text pages, or SkipItem when it is a scan or locked."""
    from pypdf import PdfReader  # imported on first use: it costs a third of a second

    with parsing("PDF"):
        reader = PdfReader(io.BytesIO(data))
        _unlock(reader)
        pages = [reflow(page.extract_text() or "") for page in reader.pages]
        info = _info(reader)
    if not any(page.strip() for page in pages):
        raise SkipItem("PDF has no text layer (scanned?); OCR is not installed")
    text, starts = join_pages(pages)
    sha = hashlib.sha256(data).hexdigest()
    created = _created(reader)
    metadata = [("pages", str(len(pages))), (PAGE_STARTS, ",".join(map(str, starts))), *info]
    if created:
        metadata.append(("created", created.isoformat()))
    document = Document(
        id=make_id("doc", sha),
        source=str(path),
        title=dict(info).get("title") or title_of(text, path.stem),
        text=text,
        sha256=sha,
        published=guess_published(text) or created,
        media_type="application/pdf",
        metadata=tuple(metadata),
    )
    blank = [str(i) for i, page in enumerate(pages, 1) if not page.strip()]
    warnings = (f"no text layer on page {', '.join(blank)} (scanned?)",) if blank else ()
    return [Read(document, warnings=warnings)]


def _unlock(reader: PdfReader) -> None:
    """Open a PDF encrypted with an empty user password (print or copy locks); refuse others."""
    from pypdf import PasswordType

    if not reader.is_encrypted:
        return
    try:
        unlocked = reader.decrypt("") != PasswordType.NOT_DECRYPTED
    except Exception as exc:
        raise SkipItem(f"PDF is encrypted and cannot be opened: {exc}") from exc
    if not unlocked:
        raise SkipItem("PDF is password-protected; decrypt it first")


def reflow(page: str) -> str:
    """A page's lines joined into paragraphs, one paragraph a line."""
    lines = [" ".join(line.split()) for line in page.splitlines()]
    width = max(map(len, lines), default=0)
    paragraphs: list[str] = []
    for line, previous in zip(lines, ["", *lines]):
        if not line:
            continue
        if paragraphs and previous and _wrapped(previous, line, width):
            paragraphs[-1] = _join(paragraphs[-1], line)
        else:
            paragraphs.append(line)
    return "\n".join(paragraphs)


def _wrapped(previous: str, line: str, width: int) -> bool:
    """A long line was wrapped, unless it ends a sentence and a short line (a signature) follows."""
    if width < MIN_PROSE_WIDTH or len(previous) < WRAPPED * width:
        return False
    return not (previous.endswith((".", "!", "?")) and len(line) < WRAPPED * width)


def _join(paragraph: str, line: str) -> str:
    if paragraph.endswith("-") and line[:1].islower():
        return paragraph[:-1] + line
    return f"{paragraph} {line}"


def _info(reader: PdfReader) -> list[tuple[str, str]]:
    """Title and author from the PDF's document information, when set."""
    meta = reader.metadata
    if meta is None:
        return []
    pairs = (("title", meta.title), ("author", meta.author))
    return [
        (key, " ".join(str(value).split())) for key, value in pairs if value and str(value).strip()
    ]


def _created(reader: PdfReader) -> date | None:
    """The creation date the PDF declares; a malformed one is ignored."""
    try:
        meta = reader.metadata
        created = meta.creation_date if meta is not None else None
    except Exception:  # noqa: BLE001 -- pypdf raises on malformed date strings
        return None
    return created.date() if isinstance(created, datetime) else None


register(read_pdf, ".pdf")
