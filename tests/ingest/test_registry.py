"""Every registered reader on random and mutated bytes: documents whole, or SkipItem with a reason."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from casegraph.errors import SkipItem
from casegraph.ingest.registry import (
    MAX_DEPTH,
    READERS,
    Budget,
    Read,
    member_path,
    parsing,
    read_member,
    reader_for,
    size_text,
)
from tests.ingest.builders import LETTER, docx_bytes, eml_bytes, pdf_bytes, xlsx_bytes, zip_bytes

CSV = (
    b"seller,buyer,amount,date\n"
    b'Quillmere Optronics,Orrindale Trade House,"48,500.00",2025-04-17\n'
    b"Orrindale Trade House,Brackwater Systems,12000,2025-05-02\n"
)
JSONL = (
    b'{"seller": "Quillmere Optronics", "buyer": "Orrindale Trade House", "amount": 48500, "date": "2025-04-17"}\n'
    b'{"seller": "Orrindale Trade House", "buyer": "Brackwater Systems", "amount": "12,000", "date": "2025-05-02"}\n'
)
MAPPING = "claims:\n  - predicate: bills\n    subject: seller\n    object: buyer\n    attributes: {amount: amount, date: date}\n"


def _valid() -> dict[str, bytes]:
    rows = [
        ["seller", "buyer", "amount", "date"],
        ["Quillmere Optronics", "Orrindale Trade House", 48500, "2025-04-17"],
    ]
    eml = eml_bytes(attachments=[("note.txt", b"Quillmere Optronics shipped cameras.")])
    return {
        ".txt": "\n".join(LETTER).encode(),
        ".md": ("# Note\n\n" + LETTER[0]).encode(),
        ".pdf": pdf_bytes([list(LETTER), ["Page two."]]),
        ".docx": docx_bytes(list(LETTER), [["Seller", "Buyer"], ["Quillmere", "Orrindale"]]),
        ".eml": eml,
        ".mbox": b"From a@example Thu Apr 17 09:12:00 2025\n"
        + eml
        + b"\nFrom b@example Fri Apr 18 09:12:00 2025\n"
        + eml,
        ".zip": zip_bytes([("letter.txt", LETTER[0].encode()), ("mail.eml", eml)]),
        ".csv": CSV,
        ".jsonl": JSONL,
        ".xlsx": xlsx_bytes([("Invoices", rows)]),
        ".html": f"<html><body><article><p>{LETTER[0]}</p><p>{LETTER[1]}</p></article></body></html>".encode(),
    }


VALID = _valid()


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A folder where each records file has its mapping beside it."""
    path = tmp_path_factory.mktemp("fuzz")
    for stem in ("case",):
        (path / f"{stem}.mapping.yaml").write_text(MAPPING, encoding="utf-8")
    return path


def test_every_registered_suffix_has_a_valid_fixture() -> None:
    assert set(READERS) - {".htm"} == set(VALID)


@pytest.mark.parametrize("suffix", sorted(VALID))
def test_valid_fixture_reads(folder: Path, suffix: str) -> None:
    reads = READERS[suffix](folder / f"case{suffix}", VALID[suffix])
    assert reads
    _assert_whole(reads)


def _mutate(data: bytes, edits: list[tuple[int, int, int]]) -> bytes:
    """Apply (kind, position, byte) edits: 0 flips a byte, 1 inserts, 2 deletes, 3 truncates."""
    buffer = bytearray(data)
    for kind, position, value in edits:
        if not buffer:
            break
        at = position % len(buffer)
        if kind == 0:
            buffer[at] = value
        elif kind == 1:
            buffer.insert(at, value)
        elif kind == 2:
            del buffer[at]
        else:
            del buffer[at:]
    return bytes(buffer)


EDITS = st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 2**20), st.integers(0, 255)), min_size=1, max_size=8
)
FUZZ = settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.mark.parametrize("suffix", sorted(VALID))
@FUZZ
@given(edits=EDITS)
def test_mutated_bytes_read_whole_or_skip(
    folder: Path, suffix: str, edits: list[tuple[int, int, int]]
) -> None:
    _read_or_skip(folder / f"case{suffix}", _mutate(VALID[suffix], edits))


@pytest.mark.parametrize("suffix", sorted(VALID))
@FUZZ
@given(data=st.binary(max_size=2048))
def test_random_bytes_read_whole_or_skip(folder: Path, suffix: str, data: bytes) -> None:
    _read_or_skip(folder / f"case{suffix}", data)


def _read_or_skip(path: Path, data: bytes) -> None:
    try:
        reads = READERS[path.suffix](path, data)
    except SkipItem as exc:
        assert str(exc).strip() and "\n" not in str(exc)
        return
    _assert_whole(reads)


def _assert_whole(reads: list[Read]) -> None:
    """No half documents: text present, every quote and mention where its offsets say."""
    for read in reads:
        text = read.document.text
        assert text.strip()
        assert all(w.strip() and "\n" not in w for w in read.warnings)
        if read.extraction is None:
            continue
        for claim in read.extraction.claims:
            evidence = claim.evidence
            assert text[evidence.start : evidence.end] == evidence.quote
        for mention in read.extraction.mentions:
            assert 0 <= mention.start < mention.end <= len(text)


def test_unknown_suffix_names_what_is_read() -> None:
    with pytest.raises(SkipItem, match=r"unsupported file type \.heic; casegraph reads .*\.pdf"):
        reader_for(Path("photo.heic"))


def test_nesting_deeper_than_the_limit_is_skipped() -> None:
    inner = LETTER[0].encode()
    name = "letter.txt"
    for depth in range(MAX_DEPTH + 1):
        inner, name = zip_bytes([(name, inner)]), f"level{depth}.zip"
    with pytest.raises(SkipItem, match="nested more than"):
        read_member(Path(name), inner, Budget(depth=1))
    assert READERS[".zip"](
        Path(name), zip_bytes([("x.zip", zip_bytes([("letter.txt", LETTER[0].encode())]))])
    )


def test_budget_counts_members_and_bytes() -> None:
    budget = Budget(max_bytes=10, max_members=2)
    budget.take(6)
    with pytest.raises(SkipItem, match="unpacking past 10 bytes from one file"):
        budget.take(5)
    budget.take(4)
    with pytest.raises(SkipItem, match="more than 2 members"):
        budget.take(0)


def test_sizes_read_as_people_say_them() -> None:
    assert [size_text(n) for n in (512, 1_400_000, 200 * 2**20)] == [
        "512 bytes",
        "1.3 MiB",
        "200 MiB",
    ]


def test_parser_failures_become_one_line_skips() -> None:
    with pytest.raises(SkipItem, match="^not a readable PDF: bad thing$"), parsing("PDF"):
        raise ValueError("bad\nthing")


def test_member_path_names_the_container() -> None:
    assert str(member_path(Path("case/mail.eml"), "offer.pdf")) == "case/mail.eml#offer.pdf"
