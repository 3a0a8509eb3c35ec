from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.errors import SkipItem
from casegraph.ingest.pages import page_starts
from casegraph.ingest.pdf import read_pdf, reflow
from casegraph.pipeline import process
from tests.ingest.builders import LETTER, pdf_bytes

WRAPPED = (
    "Quillmere Optronics Co., Ltd. confirmed in a letter that it had shipped forty",
    "gimbal cameras to Orrindale Trade House LLC in the first quarter of 2025.",
)


def test_text_per_page_with_page_starts_and_properties() -> None:
    (read,) = read_pdf(Path("letter.pdf"), pdf_bytes([["Delivery report"], list(LETTER)]))
    document = read.document
    starts = page_starts(document)
    assert starts == (0, len("Delivery report") + 2)
    assert document.text[starts[1] :].startswith("Orrindale Trade House LLC ordered")
    assert document.meta("pages") == "2" and document.meta("author") == "Mara Quill"
    assert document.title == "Shipment letter"
    assert document.media_type == "application/pdf"


def test_claims_from_a_pdf_say_their_page() -> None:
    (read,) = read_pdf(Path("letter.pdf"), pdf_bytes([["Delivery report"], list(LETTER)]))
    claims = process(read).extraction.claims
    assert claims
    assert {c.evidence.locator for c in claims} == {"page 2"}


def test_wrapped_lines_join_and_short_lines_stay() -> None:
    page = "\n".join(["Invoice QO-17", "Seller: Quillmere Optronics", *WRAPPED, "Signed, M. Quill"])
    assert reflow(page).split("\n") == [
        "Invoice QO-17",
        "Seller: Quillmere Optronics",
        " ".join(WRAPPED),
        "Signed, M. Quill",
    ]


def test_hyphenated_line_ends_join() -> None:
    page = "The cameras were delivered to the buyer by the forwarding manu-\nfacturer in 2025."
    assert (
        reflow(page)
        == "The cameras were delivered to the buyer by the forwarding manufacturer in 2025."
    )


def test_scanned_pdf_says_so() -> None:
    with pytest.raises(SkipItem, match=r"no text layer \(scanned\?\); OCR is not installed"):
        read_pdf(Path("scan.pdf"), pdf_bytes([[], []]))


def test_partly_scanned_pdf_keeps_text_and_warns() -> None:
    (read,) = read_pdf(Path("mixed.pdf"), pdf_bytes([list(LETTER), []]))
    assert read.warnings == ("no text layer on page 2 (scanned?)",)
    assert page_starts(read.document) == (0, len(read.document.text))


def test_password_protected_pdf_is_refused() -> None:
    with pytest.raises(SkipItem, match="password-protected"):
        read_pdf(Path("locked.pdf"), pdf_bytes([list(LETTER)], password="s3cret"))


@pytest.mark.parametrize(
    "data", [b"%PDF-1.7\n", b"not a pdf at all", pdf_bytes([list(LETTER)])[:300]]
)
def test_broken_pdf_is_skipped_with_reason(data: bytes) -> None:
    with pytest.raises(SkipItem, match="PDF"):
        read_pdf(Path("broken.pdf"), data)
