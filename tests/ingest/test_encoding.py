from __future__ import annotations

import codecs
import os

import pytest
from hypothesis import given
from hypothesis import strategies as st

from casegraph.errors import SkipItem
from casegraph.ingest.encoding import decode, decode_text

RUSSIAN = "Компания Орлан поставила насосы заводу Каллер в марте 2025 года по контракту."
GERMAN = "Die Lieferung der Pumpen an die Müller GmbH erfolgte über Zürich im März."
POLISH = "Spółka Żuraw dostarczyła części do zakładu w Łodzi w marcu."


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (RUSSIAN, "cp1251"),
        (RUSSIAN, "koi8_r"),
        (GERMAN, "cp1252"),
        (POLISH, "cp1250"),
        (GERMAN, "utf-8"),
    ],
)
def test_legacy_code_pages_read_without_mojibake(text: str, encoding: str) -> None:
    decoded = decode_text(text.encode(encoding))
    assert decoded.text == text
    assert decoded.encoding == encoding


def test_mixed_utf8_and_cp1251_lines_are_both_readable_and_reported() -> None:
    data = (GERMAN + "\n").encode("utf-8") + RUSSIAN.encode("cp1251")
    decoded = decode_text(data)
    assert decoded.text == GERMAN + "\n" + RUSSIAN
    assert decoded.warning is not None and decoded.warning.startswith("mixed encodings")


def test_short_ambiguous_text_says_it_guessed() -> None:
    decoded = decode_text("Caf\u00e9 \u2013 ok".encode("cp1252"))
    assert decoded.text == "Caf\u00e9 \u2013 ok"
    assert decoded.warning is not None and "guessed as cp1252" in decoded.warning


@pytest.mark.parametrize("bom", [codecs.BOM_UTF16_LE, codecs.BOM_UTF8])
def test_byte_order_marks(bom: bytes) -> None:
    encoding = "utf-16-le" if bom == codecs.BOM_UTF16_LE else "utf-8"
    assert decode(bom + RUSSIAN.encode(encoding)) == RUSSIAN


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"PK\x03\x04\x00\x00binary", "NUL bytes"),
        (bytes(range(1, 32)) * 40, "control characters"),
        (os.urandom(4096).replace(b"\x00", b"\x01"), "binary"),
    ],
)
def test_binary_content_is_skipped(data: bytes, reason: str) -> None:
    with pytest.raises(SkipItem, match=reason):
        decode(data)


@given(st.text(st.characters(blacklist_categories=("Cc", "Cs"))))
def test_utf8_text_roundtrips(text: str) -> None:
    assert decode(text.encode("utf-8")) == text.removeprefix("\ufeff")


@given(st.binary(max_size=512))
def test_any_bytes_give_text_or_a_reason(data: bytes) -> None:
    try:
        decoded = decode_text(data)
    except SkipItem as exc:
        assert str(exc)
        return
    assert "\r" not in decoded.text and decoded.encoding
