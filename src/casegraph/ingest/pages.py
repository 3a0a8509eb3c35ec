"""Page numbers for evidence: where each page starts in a document's text.

A paged reader (PDF) records the offset of each page's first character under
the metadata key `page_starts`; after extraction, `locate_pages` labels each
claim's evidence "page N" (or "pages N-M" when the quote crosses a page break),
so a reader of the case can open the original at the right page.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import replace

from casegraph.model import Claim, Document, Evidence, Extraction

PAGE_STARTS = "page_starts"


def join_pages(pages: Sequence[str]) -> tuple[str, tuple[int, ...]]:
    """One text from page texts, a blank line between pages, and each page's start offset."""
    starts: list[int] = []
    parts: list[str] = []
    offset = 0
    for page in pages:
        starts.append(offset)
        parts.append(page)
        offset += len(page) + 2
    return "\n\n".join(parts), tuple(starts)


def page_starts(document: Document) -> tuple[int, ...]:
    """The recorded page start offsets of a document; empty when it has no pages."""
    value = document.meta(PAGE_STARTS)
    if not value:
        return ()
    try:
        return tuple(int(v) for v in value.split(","))
    except ValueError:
        return ()


def page_label(starts: Sequence[int], start: int, end: int) -> str:
    """ "page 3" for a span on the third page, "pages 3-4" for one across a break."""
    first = max(1, bisect_right(starts, start))
    last = max(first, bisect_right(starts, max(start, end - 1)))
    return f"page {first}" if first == last else f"pages {first}-{last}"


def locate_pages(document: Document, extraction: Extraction) -> Extraction:
    """The extraction with a page locator on each claim's evidence, when the document has pages."""
    starts = page_starts(document)
    if not starts:
        return extraction
    claims = tuple(_located(claim, starts) for claim in extraction.claims)
    return replace(extraction, claims=claims)


def _located(claim: Claim, starts: Sequence[int]) -> Claim:
    evidence: Evidence = claim.evidence
    if evidence.locator:
        return claim
    label = page_label(starts, evidence.start, evidence.end)
    return replace(claim, evidence=replace(evidence, locator=label))
