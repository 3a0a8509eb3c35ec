"""Word documents (.docx): paragraphs and tables in reading order, and the core properties.

Each paragraph is a line and each table row a line of tab-separated cells
(a merged cell once), so a letter's sentences and an invoice table both reach
extraction in the order a person reads them. Page headers and footers are left
out: they repeat letterheads, not evidence.
"""

from __future__ import annotations

import hashlib
import io
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from casegraph.errors import SkipItem
from casegraph.extract.dates import guess_published
from casegraph.ingest.archive import check_archive
from casegraph.ingest.files import title_of
from casegraph.ingest.registry import Read, parsing, register
from casegraph.model import Document, make_id

if TYPE_CHECKING:
    from docx.table import Table
    from docx.text.paragraph import Paragraph

MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def read_docx(path: Path, data: bytes) -> list[Read]:
    """A Word document as one text document with its title, author and creation date."""
    import docx  # imported on first use, to keep the command line quick to start

    check_archive(data)
    with parsing("Word document"):
        word = docx.Document(io.BytesIO(data))
        text = "\n".join(line for line in _lines(word.iter_inner_content()) if line)
        props = word.core_properties
        title, author, created = props.title, props.author, props.created
    if not text.strip():
        raise SkipItem("Word document has no text")
    sha = hashlib.sha256(data).hexdigest()
    metadata = [
        (k, " ".join(v.split()))
        for k, v in (("title", title), ("author", author))
        if v and v.strip()
    ]
    if isinstance(created, datetime):
        metadata.append(("created", created.date().isoformat()))
    document = Document(
        id=make_id("doc", sha),
        source=str(path),
        title=(title or "").strip() or title_of(text, path.stem),
        text=text,
        sha256=sha,
        published=guess_published(text)
        or (created.date() if isinstance(created, datetime) else None),
        media_type=MEDIA_TYPE,
        metadata=tuple(metadata),
    )
    return [Read(document)]


def _lines(blocks: Iterator[Paragraph | Table]) -> Iterator[str]:
    from docx.text.paragraph import Paragraph

    for block in blocks:
        if isinstance(block, Paragraph):
            yield " ".join(block.text.split())
        else:
            yield from _rows(block)


def _rows(table: Table) -> Iterator[str]:
    """Each row's cells, tab-separated; python-docx repeats a merged cell, it is kept once."""
    for row in table.rows:
        cells = []
        previous = None
        for cell in row.cells:
            if cell._tc is not previous:
                cells.append(" ".join(cell.text.split()))
            previous = cell._tc
        if any(cells):
            yield "\t".join(cells)


register(read_docx, ".docx")
