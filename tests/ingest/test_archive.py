from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from casegraph.errors import SkipItem
from casegraph.ingest import archive
from casegraph.ingest.files import READERS
from casegraph.ingest.registry import Budget
from tests.ingest.builders import LETTER, eml_bytes, pdf_bytes, zip_bytes


def _read(data: bytes) -> list[str]:
    return [r.document.source for r in READERS[".zip"](Path("case.zip"), data)]


def test_members_are_read_by_their_readers() -> None:
    data = zip_bytes(
        [
            ("letters/one.txt", LETTER[0].encode()),
            ("letters/two.pdf", pdf_bytes([list(LETTER)])),
            ("mail.eml", eml_bytes(attachments=[("a.txt", b"Quillmere shipped cameras.")])),
            ("__MACOSX/._one.txt", b"\x00junk"),
            ("letters/", b""),
        ]
    )
    assert _read(data) == [
        "case.zip#letters/one.txt",
        "case.zip#letters/two.pdf",
        "case.zip#mail.eml",
        "case.zip#mail.eml#a.txt",
    ]


def test_unreadable_members_are_warnings() -> None:
    reads = READERS[".zip"](
        Path("case.zip"), zip_bytes([("a.txt", b"Quillmere."), ("b.txt", b""), ("c.exe", b"MZ")])
    )
    assert reads[0].warnings == ("b.txt: empty file", "c.exe: unsupported file type .exe")


def test_nothing_readable_is_a_skip_with_reasons() -> None:
    with pytest.raises(SkipItem, match=r"nothing readable in the archive \(b.txt: empty file\)"):
        _read(zip_bytes([("b.txt", b"")]))
    with pytest.raises(SkipItem, match="no files in it"):
        _read(zip_bytes([]))


def test_highly_compressed_member_is_a_bomb() -> None:
    with pytest.raises(
        SkipItem, match=r"bomb.txt is compressed \d+:1 \(a zip bomb\?\); the limit is 100:1"
    ):
        _read(zip_bytes([("bomb.txt", b"0" * (4 * 1024 * 1024))]))


def test_total_unpacked_size_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_UNPACKED", 1000)
    with pytest.raises(
        SkipItem, match="archive would unpack to 1350 bytes; the limit is 1000 bytes"
    ):
        _read(zip_bytes([("a.txt", b"Quillmere shipped cameras. " * 50)]))


def test_member_count_is_limited(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(archive, "MAX_MEMBERS", 3)
    with pytest.raises(SkipItem, match="archive holds 4 files; the limit is 3"):
        _read(zip_bytes([(f"{i}.txt", b"Quillmere.") for i in range(4)]))


def test_budget_is_shared_with_nested_archives() -> None:
    inner = zip_bytes([("a.txt", b"Quillmere shipped cameras."), ("b.txt", b"Orrindale paid.")])
    reads = archive.read_zip(
        Path("case.zip"), zip_bytes([("inner.zip", inner)]), Budget(max_members=2)
    )
    assert [r.document.source for r in reads] == ["case.zip#inner.zip#a.txt"]
    assert reads[0].warnings == ("b.txt: more than 2 members unpacked from one file",)


def test_lying_size_in_the_directory_gains_nothing() -> None:
    data = bytearray(zip_bytes([("a.txt", b"Quillmere shipped forty cameras to Orrindale.")]))
    central = data.rfind(b"PK\x01\x02")
    data[central + 24 : central + 28] = (5).to_bytes(4, "little")
    with pytest.raises(SkipItem, match="a.txt: "):
        _read(bytes(data))


def test_encrypted_member_is_reported() -> None:
    data = bytearray(zip_bytes([("a.txt", b"Quillmere."), ("b.txt", b"Orrindale.")]))
    for marker in (b"PK\x03\x04", b"PK\x01\x02"):
        at = data.rfind(marker)
        flag = 6 if marker == b"PK\x03\x04" else 8
        data[at + flag] |= 1
    reads = READERS[".zip"](Path("case.zip"), bytes(data))
    assert reads[0].warnings == ("b.txt: encrypted archive member",)


def test_not_a_zip() -> None:
    with pytest.raises(SkipItem, match="not a readable ZIP archive"):
        _read(b"PK\x03\x04 but not really")


def test_check_archive_accepts_ordinary_office_files() -> None:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", "<w:document>" + "Quillmere " * 1000 + "</w:document>")
    archive.check_archive(out.getvalue())
