"""The clean stage for a whole document: a title guessed from a withheld first line is guessed again."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from casegraph.clean.document import clean_document
from casegraph.ingest.files import read_path
from casegraph.model import Document
from tests.conftest import SEED_ARTICLE, SEED_REWRITE


def _cleaned(path: Path) -> tuple[Document, Document]:
    [read] = read_path(path)
    return read.document, clean_document(read.document)


def test_a_menu_line_is_not_the_title() -> None:
    raw, cleaned = _cleaned(SEED_REWRITE)
    assert "Left Menu" in raw.title
    assert cleaned.title.startswith("Drone Diplomacy")
    first_kept = next(
        line for line in cleaned.text[cleaned.removed[0].end :].splitlines() if line.strip()
    )
    assert cleaned.title == first_kept.strip()[:300]


def test_a_kept_first_line_stays_the_title() -> None:
    raw, cleaned = _cleaned(SEED_ARTICLE)
    assert cleaned.title == raw.title
    assert cleaned.title.startswith("Chinese drone experts")


def test_a_title_from_metadata_is_never_replaced(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("Home | News | Sport | Weather\n\nBody text.\n", encoding="utf-8")
    [read] = read_path(page)
    given = replace(read.document, title="Registry filing of Norvale Ltd")
    assert clean_document(given).title == "Registry filing of Norvale Ltd"
