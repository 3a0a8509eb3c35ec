"""Paragraph-level cleaning: withhold spam, bylines and captions from extraction.

Nothing is deleted: the stored text stays whole and each withheld paragraph is
recorded as a `RemovedSpan` with its reason, so it can be shown and undone.
Extraction reads `extraction_text`, the stored text with withheld spans blanked,
which keeps every character offset valid.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace

from casegraph.model import Document, RemovedSpan

SPAM_CUES = re.compile(
    r"\b(free|login|logins|subscription|subscribe|sign up|click here|limited slots|"
    r"claim your|giveaway|prize|casino|betting|promo code|discount|viral videos?|"
    r"lift your mood|streaming in hd|smart tv|updated .{0,20}daily|act now)\b",
    re.IGNORECASE,
)
BYLINE = re.compile(
    r"^(by [A-Z][\w.\- ]+$|.{0,60}\b(news desk|staff writer|correspondent)\b.*\|"
    r"|.*\b(updated|created|published):\s*\d)",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^(this image is|image:|photo:|file photo|picture:|\(photo|credit:|illustration:)",
    re.IGNORECASE,
)
NAVIGATION = re.compile(r"^(left menu|menu|skip to (main )?content|share this|advertisement)$", re.IGNORECASE)
WORD = re.compile(r"[A-Za-z][A-Za-z'’\-]{3,}")
STOP = frozenset(
    ["that", "this", "with", "from", "have", "been", "were", "will", "would", "there", "their", "which", "about", "into", "than", "they", "them", "when", "what", "your", "more", "also", "only", "just", "such", "some", "other", "over", "after", "before"]
)


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    text: str


def paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines with their offsets; news text keeps one paragraph a line."""
    found = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            found.append(Paragraph(match.start(), match.end(), match.group()))
    return found


def _words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text) if w.lower() not in STOP]


def cohesion(paragraph: str, vocabulary: Counter[str]) -> float:
    """Share of a paragraph's content words that the rest of the document also uses."""
    words = _words(paragraph)
    if not words:
        return 1.0
    own = Counter(words)
    shared = sum(1 for w in words if vocabulary[w] - own[w] > 0)
    return shared / len(words)


def classify(paragraph: str, vocabulary: Counter[str]) -> str | None:
    """The reason to withhold a paragraph, or None to keep it."""
    stripped = paragraph.strip()
    if NAVIGATION.match(stripped):
        return "navigation"
    if CAPTION.match(stripped):
        return "image caption or disclaimer"
    if len(stripped) < 200 and BYLINE.match(stripped):
        return "byline"
    cues = len(SPAM_CUES.findall(stripped))
    score = cohesion(stripped, vocabulary)
    if cues >= 2 or (cues == 1 and score < 0.35):
        return f"spam: {cues} promotional cue(s), {score:.0%} of words shared with the document"
    return None


def clean(document: Document) -> Document:
    """The document with withheld paragraphs recorded; spam blocks absorb their list items."""
    paras = paragraphs(document.text)
    vocabulary = Counter(_words(document.text))
    removed: list[RemovedSpan] = []
    previous_spam = False
    for para in paras:
        reason = classify(para.text, vocabulary)
        if reason is None and previous_spam and _is_list_item(para.text, vocabulary):
            reason = "spam: list item of a promotional block"
        if reason:
            removed.append(RemovedSpan(para.start, para.end, reason))
        previous_spam = bool(reason and reason.startswith("spam"))
    return replace(document, removed=tuple(removed))


def _is_list_item(text: str, vocabulary: Counter[str]) -> bool:
    stripped = text.strip()
    return stripped[:1] in "-*•" and len(stripped) < 120 and cohesion(stripped, vocabulary) < 0.5


def extraction_text(document: Document) -> str:
    """Stored text with withheld spans blanked, so offsets still index the stored text."""
    chars = list(document.text)
    for span in document.removed:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
