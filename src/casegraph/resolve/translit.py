"""Latin letters for names written in other scripts, fast enough to run on every query.

Cyrillic is read letter by letter in the English-language convention that
sanctions lists and wire copy use (BGN/PCGN, as in "Vysotskiy", "Yurevich"),
with the Ukrainian, Belarusian, Serbian and Macedonian letters; the spellings it
leaves apart from other romanisations ("iy" / "y", "ts" / "c") are joined later
by `casegraph.resolve.tokens.fold`. Every other script goes through normality's
transliteration. rigour's own `ascii_text` reads Cyrillic the same way but costs
about half a millisecond a name (fifteen for a Chinese one); screening a name
must cost less than that in all.
"""

from __future__ import annotations

from normality import ascii_text

_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo", "ж": "zh",
    "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
    "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts",
    "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu",
    "я": "ya", "є": "ye", "і": "i", "ї": "yi", "ґ": "g", "ў": "u", "ђ": "dj", "ј": "j",
    "љ": "lj", "њ": "nj", "ћ": "c", "џ": "dz", "ѓ": "gj", "ќ": "kj", "ѕ": "dz",
}  # fmt: skip
_TABLE = str.maketrans(
    {**_CYRILLIC, **{k.upper(): v.capitalize() for k, v in _CYRILLIC.items() if k.upper() != k}}
)
_CYRILLIC_BLOCK = range(0x0400, 0x0530)


def latin(text: str) -> str:
    """The text in ASCII letters: "Артём" -> "Artyom", "习近平" -> "xi jin ping"."""
    if text.isascii():
        return text
    if any(ord(c) in _CYRILLIC_BLOCK for c in text):
        text = text.translate(_TABLE)
        if text.isascii():
            return text
    return str(ascii_text(text))
