"""Paragraph-level cleaning: withhold spam, off-topic inserts, bylines and captions.

Nothing is deleted: the stored text stays whole and each withheld paragraph is
recorded as a `RemovedSpan` with its reason, so it can be shown and undone.
Extraction reads `extraction_text`, the stored text with withheld spans blanked,
which keeps every character offset valid.

Two signals, no language model (measured against sentence embeddings in
bench/clean.py and NOTES.md):

- *cohesion*: the weighted share of a paragraph's content words (crudely
  stemmed) that the rest of the document also uses; long, rare words weigh
  more than short common ones. Article paragraphs share names and topic words
  with each other; an injected paragraph shares almost none.
- *promotion*: cues of a text selling to the reader rather than reporting
  (offers, prizes, calls to click or subscribe, crypto pitches, clickbait),
  of addressing the reader ("you", "your") and of hype (exclamations, emoji).

A paragraph is withheld when promotion is strong and cohesion low, or, in a
document whose paragraphs hang together, when a long paragraph shares next to
nothing with the rest. An article that quotes offers (a shopping guide) has
them cohere with the rest, so it keeps them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median

from spacy.lang.en.stop_words import STOP_WORDS

from casegraph.model import Document, RemovedSpan

PROMOTION = re.compile(
    r"\b(free|for free|giveaways?|giving away|win|winners?|prizes?|sweepstakes|"
    r"claim (your|now)|click|tap here|sign up|subscribe|subscription|newsletter|inbox|"
    r"download (our|the) app|follow us|notifications|offers?|deals?|discounts?|% off|"
    r"promo code|coupon|use code|checkout|order (now|today)|shop (now|the)|buy now|"
    r"limited (time|slots|offer)|act now|don'?t miss|expires?|exclusive|bonus|cashback|"
    r"guaranteed|no purchase|no experience|trial|bitcoin|crypto|tokens?|airdrop|presale|"
    r"wallet|stak(e|ing)|apy|trading bot|meme coin|casino|betting|jackpot|"
    r"you won'?t believe|viral|breaking the internet|wait until you see|weird trick|"
    r"doctors hate|melts?|lose up to|supplement|login|logins|streaming|smart tv)\b",
    re.IGNORECASE,
)
READER = re.compile(r"\b(you|your|you'?re|yours|yourself)\b", re.IGNORECASE)
HYPE = re.compile(r"!|[\U0001F300-\U0001FAFF\u2600-\u27BF]|\$\d|\b\d+% off\b")
BYLINE = re.compile(
    r"^(by [A-Z][\w.\- ]+$|.{0,60}\b(news desk|staff writer|correspondent)\b.*\|"
    r"|.*\b(updated|created|published):\s*\d)",
    re.IGNORECASE,
)
CAPTION = re.compile(
    r"^(this image is|image:|photo:|file photo|picture:|\(photo|credit:|illustration:|"
    r"\(?(photo|image|picture)s? (by|courtesy|credit))",
    re.IGNORECASE,
)
NAVIGATION = re.compile(
    r"^(.{0,30}\b(left menu|main menu)|menu|skip to (main )?content|share this( article| story)?|"
    r"advertisement|related( articles| stories)?:?|read more:?|sponsored content)$",
    re.IGNORECASE,
)
WORD = re.compile(r"[^\W\d_][\w'’\-]*", re.UNICODE)

OFF_TOPIC = 0.04
"""Cohesion under which a long paragraph of a cohesive document is off-topic."""
FOCUSED = 0.35
"""Median cohesion of a document whose paragraphs hang together (not a news round-up)."""
MIN_OFF_TOPIC_WORDS = 12
MAX_BLOCK = 6
"""A promotional block is a heading, a pitch and a few list items, not a page of them."""
BLOCK_COHESION = 0.2


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


def _stem(word: str) -> str:
    for suffix in ("ing", "ed", "es", "s", "’s", "'s"):
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def terms(text: str) -> list[str]:
    """Content words, lower-cased and crudely stemmed."""
    words = (w.lower().strip("'’-") for w in WORD.findall(text))
    return [_stem(w) for w in words if len(w) > 2 and w not in STOP_WORDS]


def _weight(term: str) -> float:
    """Longer words are rarer and say more about the topic than short common ones."""
    return float(min(len(term), 10) - 2)


def cohesion(own: Counter[str], rest: Counter[str]) -> float:
    """Weighted share of a paragraph's content words that the rest of the document uses."""
    total = sum(_weight(w) * n for w, n in own.items())
    if not total:
        return 1.0
    return sum(_weight(w) * n for w, n in own.items() if rest[w] > 0) / total


@dataclass(frozen=True)
class Signals:
    """What the spam decision reads of one paragraph."""

    cohesion: float
    promotion: int
    reader: int
    hype: int
    words: int

    @property
    def selling(self) -> int:
        """Promotional cues, plus one for addressing the reader and one for hype."""
        return self.promotion + (self.reader > 0) + (self.hype > 0)


def signals(text: str, own: Counter[str], rest: Counter[str]) -> Signals:
    return Signals(
        cohesion(own, rest),
        len(PROMOTION.findall(text)),
        len(READER.findall(text)),
        len(HYPE.findall(text)),
        len(text.split()),
    )


def spam_reason(s: Signals, focused: bool) -> str | None:
    """Why a paragraph is spam or off-topic, or None to keep it.

    Addressing the reader or exclaiming is common in quotes and columns; only a
    promotional cue makes a paragraph a candidate, and a short one needs two.
    """
    shared = f"{s.cohesion:.0%} of its words shared with the document"
    if _promotional(s):
        return f"spam: {s.promotion} promotional cue(s), addresses the reader {s.reader}x, {shared}"
    if focused and s.words >= MIN_OFF_TOPIC_WORDS and s.cohesion < OFF_TOPIC:
        return f"off-topic: {shared}, where the others share a median of {FOCUSED:.0%} or more"
    return None


def _promotional(s: Signals) -> bool:
    if s.words < 8:
        return s.promotion >= 2 and s.cohesion < 0.35
    if s.promotion < 1:
        return False
    return (
        (s.selling >= 3 and s.cohesion < 0.35)
        or (s.selling >= 2 and s.cohesion < 0.2)
        or s.cohesion < 0.1
    )


def layout_reason(text: str) -> str | None:
    """Navigation, captions and bylines, recognised by their form."""
    if NAVIGATION.match(text):
        return "navigation"
    if CAPTION.match(text):
        return "image caption or disclaimer"
    if len(text) < 200 and BYLINE.match(text):
        return "byline"
    return None


def withhold(text: str) -> tuple[RemovedSpan, ...]:
    """Paragraphs to withhold, with reasons.

    Spam does not vouch for spam: the paragraphs of a promotional block (a
    heading, a pitch, its list items) share words with each other, so a run of
    adjacent paragraphs that each carry a promotional cue, or are list items
    after one, and that holds a short line (a heading or an item), is judged as
    one block against the rest of the document.
    """
    paras = paragraphs(text)
    counts = [Counter(terms(p.text)) for p in paras]
    everything: Counter[str] = sum(counts, Counter())
    found = [signals(p.text, c, everything - c) for p, c in zip(paras, counts, strict=True)]
    long = [s.cohesion for s in found if s.words >= MIN_OFF_TOPIC_WORDS]
    focused = len(long) >= 4 and median(long) >= FOCUSED
    reasons = [
        layout_reason(p.text.strip()) or spam_reason(s, focused)
        for p, s in zip(paras, found, strict=True)
    ]
    for block in _promotional_runs(paras, found):
        own: Counter[str] = sum((counts[i] for i in block), Counter())
        joined = " ".join(paras[i].text for i in block)
        s = signals(joined, own, everything - own)
        has_short = any(found[i].words < 8 for i in block)
        if (
            has_short
            and len(block) <= MAX_BLOCK
            and s.promotion >= 3
            and s.cohesion < BLOCK_COHESION
        ):
            for i in block:
                reasons[i] = (
                    reasons[i]
                    or f"spam: part of a promotional block ({s.promotion} cues, {s.cohesion:.0%} of its words shared with the document)"
                )
    return tuple(RemovedSpan(p.start, p.end, r) for p, r in zip(paras, reasons, strict=True) if r)


def _promotional_runs(paras: list[Paragraph], found: list[Signals]) -> list[list[int]]:
    """Runs of two or more adjacent paragraphs with a promotional cue (or list items after one)."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, (para, s) in enumerate(zip(paras, found, strict=True)):
        if s.promotion > 0 or (current and para.text.strip()[:1] in "-*•"):
            current.append(i)
            continue
        if len(current) > 1:
            runs.append(current)
        current = []
    if len(current) > 1:
        runs.append(current)
    return runs


def clean(document: Document) -> Document:
    """The document with withheld paragraphs recorded (text as given; see `clean.document`)."""
    return replace(document, removed=withhold(document.text))


def extraction_text(document: Document) -> str:
    """Stored text with withheld spans blanked, so offsets still index the stored text."""
    chars = list(document.text)
    for span in document.removed:
        for i in range(span.start, span.end):
            if chars[i] != "\n":
                chars[i] = " "
    return "".join(chars)
