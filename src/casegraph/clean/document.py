"""The clean stage for one document: repair Unicode, withhold noise, detect the language.

Pure: a document in, the same document out with repaired text, its removed
spans and its language. A span a person restored (`casegraph documents
restore`) is passed as `kept` and is never withheld again.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from itertools import pairwise

from casegraph.clean.language import detect_language
from casegraph.clean.paragraphs import extraction_text, withhold
from casegraph.clean.unicode import repair
from casegraph.ingest.files import title_of
from casegraph.ingest.pages import PAGE_STARTS, page_starts
from casegraph.model import Document, RemovedSpan


def clean_document(document: Document, kept: Iterable[tuple[int, int]] = ()) -> Document:
    """The document as stored: repaired text, removed spans with reasons, language."""
    repaired = _repaired(document)
    restored = list(kept)
    removed = tuple(
        s for s in withhold(repaired.text) if not any(_overlaps(s, k) for k in restored)
    )
    cleaned = replace(repaired, removed=removed)
    kept_text = extraction_text(cleaned)
    return replace(
        cleaned,
        title=_title(cleaned, kept_text),
        language=detect_language(kept_text) or document.language,
    )


def _title(document: Document, kept_text: str) -> str:
    """A title guessed from the first line is guessed again when that line was withheld (a menu)."""
    guessed = title_of(document.text, document.title)
    if not document.removed or document.title != guessed:
        return document.title
    first = len(document.text) - len(document.text.lstrip())
    if not any(s.start <= first < s.end for s in document.removed):
        return document.title
    return title_of(kept_text, document.title)


def _overlaps(span: RemovedSpan, kept: tuple[int, int]) -> bool:
    return span.start < kept[1] and kept[0] < span.end


def _repaired(document: Document) -> Document:
    """Unicode repaired; a paged document is repaired page by page so its page starts still hold."""
    starts = page_starts(document)
    if not starts:
        return replace(document, text=repair(document.text))
    bounds = [*starts, len(document.text)]
    pages = [repair(document.text[a:b]) for a, b in pairwise(bounds)]
    offsets = [sum(len(p) for p in pages[:i]) + starts[0] for i in range(len(pages))]
    text = document.text[: starts[0]] + "".join(pages)
    metadata = tuple(
        (k, ",".join(map(str, offsets)) if k == PAGE_STARTS else v) for k, v in document.metadata
    )
    return replace(document, text=text, metadata=metadata)
