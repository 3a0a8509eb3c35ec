from __future__ import annotations

from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from casegraph.ingest.pages import PAGE_STARTS, join_pages, locate_pages, page_label, page_starts
from casegraph.model import Claim, Document, Evidence, Extraction, Predicate, Status


@given(st.lists(st.text(max_size=40), min_size=1, max_size=8))
def test_each_page_starts_where_recorded(pages: list[str]) -> None:
    text, starts = join_pages(pages)
    assert len(starts) == len(pages)
    for page, start in zip(pages, starts):
        assert text[start : start + len(page)] == page


def test_page_labels() -> None:
    starts = (0, 100, 250)
    assert page_label(starts, 0, 10) == "page 1"
    assert page_label(starts, 120, 140) == "page 2"
    assert page_label(starts, 90, 110) == "pages 1-2"
    assert page_label(starts, 260, 300) == "page 3"


def _claim(start: int, end: int, locator: str | None = None) -> Claim:
    evidence = Evidence("doc-1", "x" * (end - start), start, end, locator=locator)
    return Claim("a", Predicate.SUPPLIES, "b", Status.REPORTED, evidence)


def test_claims_get_page_locators_and_keep_their_ids() -> None:
    document = Document(
        "doc-1", "a.pdf", "t", "x" * 300, "sha", metadata=((PAGE_STARTS, "0,100,250"),)
    )
    claims = (_claim(120, 140), _claim(5, 20, locator="row 3; columns a, b"))
    located = locate_pages(document, Extraction("doc-1", (), claims))
    assert [c.evidence.locator for c in located.claims] == ["page 2", "row 3; columns a, b"]
    assert [c.id for c in located.claims] == [c.id for c in claims]


def test_documents_without_pages_are_left_alone() -> None:
    document = Document("doc-1", "a.txt", "t", "x" * 300, "sha")
    extraction = Extraction("doc-1", (), (_claim(1, 5),))
    assert locate_pages(document, extraction) is extraction
    assert page_starts(replace(document, metadata=((PAGE_STARTS, "0,x"),))) == ()
