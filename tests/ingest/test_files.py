from __future__ import annotations

from pathlib import Path

import pytest

from casegraph.errors import InputError, SkipItem
from casegraph.ingest import files
from casegraph.ingest.files import decode, discover, read_document, read_path
from tests.conftest import SEED_REWRITE, SEEDS


def test_document_id_is_the_hash_of_the_bytes(tmp_path: Path) -> None:
    a, b = tmp_path / "a.txt", tmp_path / "b.md"
    a.write_bytes(b"Same bytes.\n")
    b.write_bytes(b"Same bytes.\n")
    assert read_document(a).id == read_document(b).id


def test_seed_folder_and_publication_date() -> None:
    found = list(discover([SEEDS]))
    assert [f.name for f in found] == ["000_6bbe1b8353bde5fb.txt", "001_a9aaf2c9c3d44a76.txt"]
    document = read_document(SEED_REWRITE)
    assert document.published is not None and document.published.isoformat() == "2025-09-25"


def test_discover_finds_every_registered_format_and_leaves_mappings(tmp_path: Path) -> None:
    for name in (
        "a.pdf",
        "b.eml",
        "c.csv",
        "c.mapping.yaml",
        "d.zip",
        "e.docx",
        "f.xlsx",
        ".hidden.txt",
        "g.bin",
    ):
        (tmp_path / name).write_bytes(b"x")
    assert [p.name for p in discover([tmp_path])] == [
        "a.pdf",
        "b.eml",
        "c.csv",
        "d.zip",
        "e.docx",
        "f.xlsx",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [(b"", "empty file"), (b"   \n\n", "empty file"), (b"\x00\x01binary\x00", "binary")],
)
def test_unreadable_files_are_skipped_with_reason(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(content)
    with pytest.raises(SkipItem, match=reason):
        read_document(path)


def test_file_over_the_limit_is_skipped_unread(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(files, "MAX_BYTES", 1024 * 1024)
    path = tmp_path / "dump.txt"
    path.write_bytes(b"Quillmere shipped cameras.\n" * 50_000)
    with pytest.raises(SkipItem, match=r"file is 1\.3 MiB; the limit is 1 MiB \(split it"):
        read_path(path)


def test_guessed_encoding_is_kept_and_reported(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes("Компания Орлан поставила насосы заводу Каллер в марте.".encode("cp1251"))
    (read,) = read_path(path)
    assert read.document.meta("encoding") == "cp1251"
    assert read.document.text.startswith("Компания Орлан")


def test_missing_path_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        list(discover([tmp_path / "missing"]))


def test_windows_1252_and_crlf_are_decoded() -> None:
    assert decode("Caf\u00e9 \u2013 ok\r\nnext".encode("cp1252")) == "Caf\u00e9 \u2013 ok\nnext"
