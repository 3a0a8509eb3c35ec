"""HTML pages: the article's main text, with its title, author, date and canonical URL.

trafilatura finds the main content and drops menus, footers and most ads; it
does not catch spam injected into the article body, so paragraphs are kept one
per block, separated by blank lines, for paragraph-level cleaning to judge.
The page itself stays at its source path: what main-content extraction left
out can always be read there.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import date
from importlib.metadata import version
from pathlib import Path
from typing import Any

from casegraph.errors import SkipItem
from casegraph.ingest.registry import Read, parsing, register
from casegraph.model import Document, make_id

EXTRACTOR = f"trafilatura {version('trafilatura')}"
METADATA_FIELDS = ("author", "url", "sitename", "hostname", "description")

logging.getLogger("trafilatura").setLevel(logging.ERROR)
logging.getLogger("htmldate").setLevel(logging.ERROR)


def extract_page(data: bytes) -> dict[str, Any]:
    """trafilatura's main text and metadata of a page; SkipItem when it finds none."""
    import trafilatura

    with parsing("HTML page"):
        result = trafilatura.bare_extraction(
            data, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
        )
    if result is None:
        raise SkipItem("no main text found in the HTML page")
    page: dict[str, Any] = result.as_dict()
    if not (page.get("text") or "").strip():
        raise SkipItem("no main text found in the HTML page")
    return page


def blocks(text: str) -> str:
    """One paragraph a block, blocks separated by a blank line."""
    return "\n\n".join(line.strip() for line in text.splitlines() if line.strip())


def published(value: object) -> date | None:
    """The page's publication date when trafilatura found one in ISO form."""
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def read_html(path: Path, data: bytes) -> list[Read]:
    """An HTML page: one document holding its main text."""
    if not data.strip():
        raise SkipItem("empty file")
    page = extract_page(data)
    text = blocks(page["text"])
    sha = hashlib.sha256(data).hexdigest()
    metadata = [(key, str(page[key])) for key in METADATA_FIELDS if page.get(key)]
    metadata.append(("extractor", EXTRACTOR))
    document = Document(
        id=make_id("doc", sha),
        source=str(path),
        title=str(page.get("title") or text.split("\n", 1)[0])[:300],
        text=text,
        sha256=sha,
        published=published(page.get("date")),
        media_type="text/html",
        metadata=tuple(metadata),
    )
    return [Read(document)]


register(read_html, ".html", ".htm")
