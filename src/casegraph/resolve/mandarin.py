"""Wade-Giles and pinyin, the two romanisations of Mandarin names, read to one skeleton.

Older reporting and Taiwanese records write "Hsi Chin-ping" and "Mao Tse-tung" where pinyin
writes "Xi Jinping" and "Mao Zedong". The systems differ by rule: Wade-Giles marks aspiration
with an apostrophe that normalisation drops, so "p" may be pinyin's b or p, "t" its d or t,
"ch" its j, q, zh or ch. Both are therefore read to a skeleton that keeps what Wade-Giles
can tell apart without the apostrophe, and two syllables agree when their skeletons do.

Only a name that shows Wade-Giles (a syllable starting "hs", "ts" or "tz", or ending "ung" or
"ieh") is read this way, so pinyin names that differ by aspiration ("Dang" / "Tang") stay
apart.
"""

from __future__ import annotations

import re
from functools import lru_cache

_SYLLABLE = 6
_MARKED = re.compile(r"^(?:hs|ts|tz)[aeiouy]|(?:ung|ieh)$")
_PINYIN = re.compile(r"zh|ch|sh|ng|[jqxzcbdg]")
_PINYIN_LETTERS = {
    "zh": "c", "ch": "c", "sh": "s", "ng": "ng", "j": "c", "q": "c", "x": "x",
    "z": "z", "c": "z", "b": "p", "d": "t", "g": "k",
}  # fmt: skip
_WADE_GILES = re.compile(r"hs|ch|ts|tz|sh|ung$|ieh$|ih$|j")
_WADE_GILES_LETTERS = {
    "hs": "x", "ch": "c", "ts": "z", "tz": "z", "sh": "s",
    "ung": "ong", "ieh": "ie", "ih": "i", "j": "r",
}  # fmt: skip


@lru_cache(maxsize=1 << 16)
def written_in_wade_giles(tokens: tuple[str, ...]) -> bool:
    """A name with a syllable only Wade-Giles writes ("hsi", "tse", "tung")."""
    return any(len(token) <= _SYLLABLE and _MARKED.search(token) for token in tokens)


@lru_cache(maxsize=1 << 14)
def wade_giles_skeleton(syllables: str) -> str:
    """ "hsi" -> "xi", "chinping" -> "cinping", "tsetung" -> "zetong"."""
    return _WADE_GILES.sub(lambda found: _WADE_GILES_LETTERS[found.group(0)], syllables)


@lru_cache(maxsize=1 << 14)
def pinyin_skeleton(syllables: str) -> str:
    """ "xi" -> "xi", "jinping" -> "cinping", "zedong" -> "zetong"."""
    return _PINYIN.sub(lambda found: _PINYIN_LETTERS[found.group(0)], syllables)
