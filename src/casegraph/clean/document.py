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
    return replace(cleaned, language=detect_language(extraction_text(cleaned)) or document.language)


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
