"""Unicode repair: mojibake and broken characters mended before any offset is fixed.

Repair is conservative and idempotent: it mends text that was decoded with
the wrong codec ("cafÃ©" for "café"), C1 controls and surrogates, and removes
terminal escapes, but keeps curly quotes, ligatures and full-width characters
as written, so a quote from the stored text still reads like the source. A
reader that records offsets of its own (page starts) repairs first, then
counts; cleaning repairs again and then changes nothing.
"""

from __future__ import annotations

import ftfy

CONFIG = ftfy.TextFixerConfig(
    unescape_html=False,
    uncurl_quotes=False,
    fix_latin_ligatures=False,
    fix_character_width=False,
    fix_line_breaks=True,
    normalization="NFC",
    explain=False,
)


def repair(text: str) -> str:
    """The text with broken Unicode mended; line breaks become `\\n`."""
    return str(ftfy.fix_text(text, config=CONFIG))
