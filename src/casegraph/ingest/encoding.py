"""Text from bytes whose encoding nobody declared, without silent mojibake.

UTF-8 is tried first, line by line: a file pasted together from a UTF-8 part
and a Windows-1251 part keeps both readable. Lines that are not UTF-8 are
decoded with the legacy code page that fits them best (charset-normalizer,
restricted to the code pages case files arrive in; on a tie Western first).
When the guess is ambiguous, or the file mixes encodings, `Decoded.warning`
says so, and the reader passes it to the ingest report.
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from casegraph.errors import SkipItem

LEGACY = (
    "cp1252",
    "cp1251",
    "cp1250",
    "koi8_r",
    "iso8859_15",
    "cp1253",
    "cp1254",
    "cp1257",
    "gb18030",
    "big5",
    "shift_jis",
    "euc_kr",
    "cp1255",
    "cp1256",
)
"""Code pages tried for text that is not UTF-8, in tie-break order."""

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
MAX_CONTROL_SHARE = 0.01
LAYOUT = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class Decoded:
    """Decoded text, the encoding it was read in, and a one-line warning when that was a guess."""

    text: str
    encoding: str
    warning: str | None = None


def decode(data: bytes) -> str:
    """Text from bytes with newlines normalised, or SkipItem when the bytes are not text."""
    return decode_text(data).text


def decode_text(data: bytes) -> Decoded:
    """Text from bytes: a byte-order mark, else UTF-8 by line, else the best legacy code page."""
    decoded = _with_bom(data)
    if decoded is None:
        if b"\x00" in data[:4096]:
            raise SkipItem("binary content (NUL bytes) in a text file")
        decoded = _without_bom(data)
    text = decoded.text.replace("\r\n", "\n").replace("\r", "\n")
    _reject_binary(text)
    return Decoded(text, decoded.encoding, decoded.warning)


def _with_bom(data: bytes) -> Decoded | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise SkipItem(
                    f"not valid {encoding} after its byte-order mark: {exc.reason}"
                ) from exc
            return Decoded(text.removeprefix("\ufeff"), encoding)
    return None


def _without_bom(data: bytes) -> Decoded:
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    lines = [(line, _is_utf8(line)) for line in data.splitlines(keepends=True)]
    encoding, rival = legacy_encoding(b"".join(line for line, utf8 in lines if not utf8))
    text = "".join(
        line.decode("utf-8" if utf8 else encoding, errors="replace") for line, utf8 in lines
    )
    foreign = sum(1 for _, utf8 in lines if not utf8)
    unicode_lines = sum(1 for line, utf8 in lines if utf8 and not line.isascii())
    if unicode_lines:
        warning = f"mixed encodings: {foreign} lines read as {encoding}, {unicode_lines} as UTF-8"
        return Decoded(text, f"utf-8+{encoding}", warning)
    if rival:
        return Decoded(text, encoding, f"encoding guessed as {encoding} (also fits {rival})")
    return Decoded(text, encoding)


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def legacy_encoding(data: bytes) -> tuple[str, str | None]:
    """The code page that reads `data` best, and a rival that reads it differently, if any."""
    from charset_normalizer import from_bytes  # imported on first use: most files are UTF-8

    results = list(from_bytes(data, cp_isolation=list(LEGACY)))
    if not results:
        raise SkipItem(
            "binary content or an unknown encoding (neither UTF-8 nor a known code page)"
        )
    best_score = min((r.chaos, -r.coherence) for r in results)
    tied = sorted(
        {
            e
            for r in results
            if (r.chaos, -r.coherence) == best_score
            for e in r.could_be_from_charset
        },
        key=lambda e: (LEGACY.index(e) if e in LEGACY else len(LEGACY), e),
    )
    winner = tied[0]
    reading = data.decode(winner, errors="replace")
    rivals = [e for e in tied[1:] if data.decode(e, errors="replace") != reading]
    return winner, (rivals[0] if rivals else None)


def _reject_binary(text: str) -> None:
    """Raise SkipItem when control characters show the bytes were not text at all."""
    if not text:
        return
    sample = text[:65536]
    controls = sum(1 for c in sample if c not in LAYOUT and unicodedata.category(c) == "Cc")
    if controls > MAX_CONTROL_SHARE * len(sample):
        raise SkipItem(f"binary content: {controls} control characters in the first {len(sample)}")
