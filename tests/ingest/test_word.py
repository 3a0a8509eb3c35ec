from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from casegraph.errors import SkipItem
from casegraph.ingest.word import read_docx
from tests.ingest.builders import LETTER, docx_bytes, zip_bytes


def test_paragraphs_and_tables_in_reading_order_with_properties() -> None:
    data = docx_bytes(
        list(LETTER),
        [["Seller", "Buyer", "Goods"], ["Quillmere Optronics", "Orrindale Trade House", "KX-7"]],
    )
    (read,) = read_docx(Path("note.docx"), data)
    document = read.document
    assert document.text.split("\n") == [
        *LETTER,
        "Seller\tBuyer\tGoods",
        "Quillmere Optronics\tOrrindale Trade House\tKX-7",
    ]
    assert document.title == "Delivery note"
    assert document.meta("author") == "Tobias Wren" and document.meta("created") == "2025-04-18"
    assert document.published is not None and document.published.isoformat() == "2025-04-18"


def test_merged_cell_is_written_once() -> None:
    import docx

    word = docx.Document()
    table = word.add_table(rows=2, cols=3)
    merged = table.cell(0, 0).merge(table.cell(0, 2))
    merged.text = "Shipment SH-0417"
    for i, value in enumerate(["Quillmere", "Orrindale", "20"]):
        table.cell(1, i).text = value
    out = io.BytesIO()
    word.save(out)
    (read,) = read_docx(Path("t.docx"), out.getvalue())
    assert read.document.text == "Shipment SH-0417\nQuillmere\tOrrindale\t20"


def test_empty_document_is_skipped() -> None:
    with pytest.raises(SkipItem, match="no text"):
        read_docx(Path("empty.docx"), docx_bytes([]))


def test_zip_that_is_not_word_is_skipped() -> None:
    with pytest.raises(SkipItem, match="not a readable Word document"):
        read_docx(Path("fake.docx"), zip_bytes([("a.txt", b"hello")]))


def test_word_file_that_unpacks_like_a_bomb_is_refused() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b" " * (5 * 1024 * 1024))
    with pytest.raises(SkipItem, match="zip bomb"):
        read_docx(Path("bomb.docx"), out.getvalue())
