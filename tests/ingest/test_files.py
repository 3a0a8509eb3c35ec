from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.errors import InputError, SkipItem
from casegraph.ingest.files import decode, discover, read_document
from tests.conftest import SEED_REWRITE, SEEDS


def test_document_id_is_the_hash_of_the_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_bytes(b"Same bytes.\n")
    b.write_bytes(b"Same bytes.\n")
    assert read_document(a).id == read_document(b).id


def test_seed_folder_and_publication_date() -> None:
    files = list(discover([SEEDS]))
    assert [f.name for f in files] == ["000_6bbe1b8353bde5fb.txt", "001_a9aaf2c9c3d44a76.txt"]
    document = read_document(SEED_REWRITE)
    assert document.published is not None and document.published.isoformat() == "2025-09-25"


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"   \n\n", "empty file"), (b"\x00\x01binary\x00", "binary")],
)
def test_unreadable_files_are_skipped_with_reason(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SkipItem, match=reason):
        read_document(path)


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(discover([tmp_path / "missing"]))


def test_windows_1252_and_crlf_are_decoded() -> None:
    assert decode("Caf\u00e9 \u2013 ok\r\nnext".encode("cp1252")) == "Caf\u00e9 \u2013 ok\nnext"


@given(st.text())
def test_decode_roundtrips_utf8(text: str) -> None:
    if "\x00" in text:
        return
    expected = text.replace("\r\n", "\n").replace("\r", "\n")
    expected = expected.removeprefix("\ufeff")
    assert decode(text.encode("utf-8")) == expected
