"""Paragraph-level cleaning: withhold spam, off-topic inserts, bylines and captions.

Nothing is deleted: the stored text stays whole and each withheld paragraph is
recorded as a `RemovedSpan` with its reason, so it can be shown and undone.
Extraction reads `extraction_text`, the stored text with withheld spans blanked,
which keeps every character offset valid.

Signals:

- *similarity* (when the optional embeddings are installed, see
  `clean.embedding`): the cosine of a paragraph's sentence embedding
  (all-MiniLM-L6-v2) to the mean of all the other paragraphs, and its best
  cosine to a neighbour within three paragraphs. An injected brief about
  football or a recipe sits far from an article about a court case even when
  it shares a few common words with it.
- *cohesion*: the weighted share of a paragraph's content words (crudely
  stemmed) that the rest of the document also uses; long, rare words weigh
  more than short common ones. Article paragraphs share names and topic words
  with each other; an injected paragraph shares almost none.
- *promotion*: cues of a text selling to the reader rather than reporting
  (offers, prizes, calls to click or subscribe, crypto pitches, clickbait),
  of addressing the reader ("you", "your") and of hype (exclamations, emoji).

With embeddings, a paragraph of 15 words or more (in a document of three
paragraphs or more) is withheld when one score, mostly similarity, nudged by
cohesion and lowered by promotional cues, falls under a threshold tuned in
bench/clean.py; shorter paragraphs, whose embeddings are too noisy, are judged
by the lexical rules. Without embeddings the lexical rules judge every
paragraph: a paragraph is withheld when promotion is strong and cohesion low,
or, in a document whose paragraphs hang together, when a long paragraph shares
next to nothing with the rest. An article that quotes offers (a shopping
guide) has them cohere with the rest, so it keeps them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, replace
from statistics import median

import numpy as np
from spacy.lang.en.stop_words import STOP_WORDS

from casegraph.clean import embedding
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
PUBLISHER = re.compile(
    r"\b(our (readers|reporters|page|site|website|app|team|newsletter|channel|community|editors)|"
    r"message us|contact us|follow (us|our)|tag (a|two|three|your) friends?|like this post|"
    r"(story|news) tip|whatsapp|instagram|tiktok|facebook|youtube)\b",
    re.IGNORECASE,
)
"""The publisher talking to its audience (social accounts, tips, readers): web furniture."""
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

# Embedding score (bench/clean.py, tuned on the `tune' half):
#   (2 * similarity to the rest + best similarity to a neighbour) / 3
#   + 0.4 * cohesion - 0.05 * min(selling + publisher cues, 4)
EMBED_MIN_WORDS = 15
"""Shorter paragraphs are judged by the lexical rules: their embeddings are noisy."""
EMBED_MIN_PARAGRAPHS = 3
EMBED_MAX_PARAGRAPHS = 1000
"""Beyond this (a book, not an article) the lexical rules judge alone (~40 ms a paragraph)."""
NEIGHBOURS = 3
COHESION_WEIGHT = 0.4
SELLING_PENALTY = 0.05
OFF_TOPIC_SCORE = 0.26
"""A long paragraph scoring under this is off-topic (or spam, when it carries promotional cues)."""


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
    publisher: int = 0

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
        len(PUBLISHER.findall(text)),
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


def withhold(text: str, use_embeddings: bool = True) -> tuple[RemovedSpan, ...]:
    """Paragraphs to withhold, with reasons.

    With `use_embeddings` (and the optional embeddings installed, see
    `clean.embedding`) long paragraphs are judged by their similarity to the
    rest of the document; otherwise, or for short paragraphs, by the lexical
    rules below.

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
    embedder = embedding.load() if use_embeddings else None
    if embedder is not None and _worth_embedding(paras, found):
        vectors = embedder.embed([p.text for p in paras])
        for i, reason in enumerate(embedding_reasons(vectors, found)):
            layout = layout_reason(paras[i].text.strip())
            if found[i].words >= EMBED_MIN_WORDS and not layout:
                reasons[i] = reason
    return tuple(RemovedSpan(p.start, p.end, r) for p, r in zip(paras, reasons, strict=True) if r)


def _worth_embedding(paras: list[Paragraph], found: list[Signals]) -> bool:
    return EMBED_MIN_PARAGRAPHS <= len(paras) <= EMBED_MAX_PARAGRAPHS and any(
        s.words >= EMBED_MIN_WORDS for s in found
    )


def embedding_reasons(vectors: np.ndarray, found: list[Signals]) -> list[str | None]:
    """For each paragraph, why it is off-topic or spam by its embedding, or None to keep it.

    `vectors` are the paragraphs' L2-normalised sentence embeddings in document
    order; only paragraphs of EMBED_MIN_WORDS words or more are meant to be
    judged this way (the caller decides).
    """
    rest = embedding.similarity_to_rest(vectors)
    pairwise_sims = vectors @ vectors.T
    reasons: list[str | None] = []
    for i, s in enumerate(found):
        window = range(max(0, i - NEIGHBOURS), min(len(found), i + NEIGHBOURS + 1))
        near = [j for j in window if j != i]
        nearest = float(max(pairwise_sims[i, j] for j in near)) if near else 1.0
        score = (
            (2 * float(rest[i]) + nearest) / 3
            + COHESION_WEIGHT * s.cohesion
            - SELLING_PENALTY * min(s.selling + s.publisher, 4)
        )
        if score >= OFF_TOPIC_SCORE:
            reasons.append(None)
            continue
        measured = (
            f"similarity {float(rest[i]):.2f} to the rest of the document, {nearest:.2f} to its "
            f"closest neighbour, {s.cohesion:.0%} of its words shared (score {score:.2f} < "
            f"{OFF_TOPIC_SCORE})"
        )
        if s.promotion or s.publisher:
            reasons.append(
                f"spam: {s.promotion + s.publisher} promotional cue(s), addresses the reader "
                f"{s.reader}x, {measured}"
            )
        else:
            reasons.append(f"off-topic: {measured}")
    return reasons


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
