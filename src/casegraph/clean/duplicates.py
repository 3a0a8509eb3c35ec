"""Near-duplicates and derivatives: one story republished, trimmed or rewritten.

Byte-identical files are one document already (the id is the hash of the
bytes). Here the cleaned texts are compared: a document whose sentences are
near-identical to another's, both ways, is a `duplicate_of` it; one whose
sentences mostly re-say another's (a syndicated rewrite, a summary, a
truncated copy) is `derived_from` it. Either way it is the same source when
claims are counted (`casegraph.analyse.corroboration`).

Rewrites reorder sentences and swap words, so word shingles share little
with their source (a summary keeps a tenth of its source's 3-shingles, the
same as two reports of one event). The measure is therefore sentence-aligned:
the share of a document's content words found in the best-matching sentence
of the other. Pairs worth aligning are found through an index of shared word
pairs (2-shingles), so the cost grows with shared text, not with the square
of the store. Thresholds were measured by `bench/clean.py`.

Direction: between dated documents the later one derives from the earlier;
otherwise the one more contained in the other (the summary, the truncation)
derives from it; a duplicate points to its earliest, else longest, copy.
"""

from __future__ import annotations

import re
import sys
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from itertools import pairwise
from typing import Literal

from spacy.lang.en.stop_words import STOP_WORDS

from casegraph.clean.paragraphs import extraction_text
from casegraph.model import Document

DUPLICATE = 0.9
"""Both documents find this share of their words in the other: near-identical."""
DERIVED = 0.4
"""The derivative finds this share of its words in its source (measured: bench/clean.py)."""
MIN_TERMS = 25
"""Documents with fewer content words (a record row, a caption) are not judged."""
MIN_SHARED = 0.05
"""Share of the smaller document's word pairs the other must share to be aligned at all."""
MAX_POSTINGS = 200
"""A word pair in more documents than this (boilerplate) does not propose candidates."""
COMMON_MIN = 20
COMMON_SHARE = 0.02
"""A word in more than this share of the store's documents, and in more than COMMON_MIN of them,
is template or everyday vocabulary: two invoices of one form share it without telling one story."""
MIN_DISTINCT = 10
"""Documents with fewer words that are not common in the store (a filled-in form) are not judged."""

TERM = re.compile(r"[^\W_]+", re.UNICODE)
SENTENCE = re.compile(r"(?<=[.!?])\s+|\n+")
Kind = Literal["duplicate_of", "derived_from"]


@dataclass(frozen=True)
class Fingerprint:
    """What comparison needs of a document: its sentences as sets of content words."""

    id: str
    published: date | None
    sentences: tuple[frozenset[str], ...]
    shingles: frozenset[int]
    size: int


@dataclass(frozen=True)
class Link:
    """`document_id` is a duplicate of, or derives from, `source_id`; with the measured overlap."""

    document_id: str
    kind: Kind
    source_id: str
    score: float
    explanation: str


def terms(text: str) -> list[str]:
    """Lower-case content words; function words and one-letter tokens carry no story."""
    return [
        w for w in (t.lower() for t in TERM.findall(text)) if len(w) > 1 and w not in STOP_WORDS
    ]


def fingerprint(document: Document) -> Fingerprint:
    """The cleaned text's sentences and word pairs (withheld spans never count)."""
    text = extraction_text(document)
    sentences = tuple(
        frozenset(map(sys.intern, ws)) for ws in (terms(s) for s in SENTENCE.split(text)) if ws
    )
    words = terms(text)
    shingles = frozenset(hash(pair) for pair in pairwise(words))  # within this process only
    return Fingerprint(document.id, document.published, sentences, shingles, len(words))


def common_limit(documents: int) -> float:
    """Documents a word may appear in before it counts as common in a store of `documents`."""
    return max(COMMON_MIN, COMMON_SHARE * documents)


def distinctive(prints: Sequence[Fingerprint]) -> list[Fingerprint]:
    """The fingerprints with the store's common words left out of their sentences (see COMMON_SHARE).

    Common word pairs are left out when candidates are proposed (`candidates`).
    """
    limit = common_limit(len(prints))
    words = Counter(w for fp in prints for w in frozenset().union(*fp.sentences))
    common = {w for w, n in words.items() if n > limit}
    if not common:
        return list(prints)
    kept = []
    for fp in prints:
        sentences = tuple(s - common for s in fp.sentences)
        if sum(len(s) for s in sentences) >= MIN_DISTINCT:
            kept.append(replace(fp, sentences=tuple(s for s in sentences if s)))
    return kept


def overlap(a: Fingerprint, b: Fingerprint) -> float:
    """Share of a's content words found in the sentence of b that matches each sentence best."""
    where: dict[str, list[int]] = defaultdict(list)
    for index, sentence in enumerate(b.sentences):
        for word in sentence:
            where[word].append(index)
    found = total = 0
    for sentence in a.sentences:
        hits: Counter[int] = Counter(i for w in sentence for i in where.get(w, ()))
        found += max(hits.values(), default=0)
        total += len(sentence)
    return found / total if total else 0.0


def candidates(prints: Sequence[Fingerprint]) -> Iterator[tuple[int, int]]:
    """Index pairs sharing enough word pairs to be worth aligning, in index order.

    Shared word pairs are counted one document at a time, so memory holds one
    document's partners, not every pair of the store.
    """
    postings: dict[int, list[int]] = defaultdict(list)
    for index, fp in enumerate(prints):
        for shingle in fp.shingles:
            postings[shingle].append(index)
    most = min(MAX_POSTINGS, common_limit(len(prints)))
    for a, fp in enumerate(prints):
        shared: Counter[int] = Counter()
        for shingle in fp.shingles:
            docs = postings[shingle]
            if 1 < len(docs) <= most:
                shared.update(docs[bisect_right(docs, a) :])
        for b, count in sorted(shared.items()):
            smaller = min(len(fp.shingles), len(prints[b].shingles))
            if count >= 3 and count >= MIN_SHARED * smaller:
                yield a, b


def compare(a: Fingerprint, b: Fingerprint) -> Link | None:
    """How a and b relate, the later or lesser pointing to its source; None when they do not."""
    ab, ba = overlap(a, b), overlap(b, a)
    if min(ab, ba) >= DUPLICATE:
        copy, source = (a, b) if _canonical_order(b, a) else (b, a)
        score = min(ab, ba)
        why = f"{score:.0%} of the words of each found in the other (duplicate at {DUPLICATE:.0%})"
        return Link(copy.id, "duplicate_of", source.id, score, why)
    if max(ab, ba) < DERIVED:
        return None
    derived, source, score, rule = _direction(a, b, ab, ba)
    why = f"{score:.0%} of its words found in aligned sentences of the source (derived at {DERIVED:.0%}); {rule}"
    return Link(derived.id, "derived_from", source.id, score, why)


def _canonical_order(first: Fingerprint, second: Fingerprint) -> bool:
    """True when `first` is the copy to keep: earliest dated, else longest, else lowest id."""

    def key(fp: Fingerprint) -> tuple[date, int, str]:
        return (fp.published or date.max, -fp.size, fp.id)

    return key(first) <= key(second)


def _direction(
    a: Fingerprint, b: Fingerprint, ab: float, ba: float
) -> tuple[Fingerprint, Fingerprint, float, str]:
    if a.published and b.published and a.published != b.published:
        later, earlier = (a, b) if a.published > b.published else (b, a)
        return later, earlier, ab if later is a else ba, "published later"
    if ab != ba:
        return (
            (a, b, ab, "more of it is contained")
            if ab > ba
            else (b, a, ba, "more of it is contained")
        )
    return (a, b, ab, "shorter") if a.size <= b.size else (b, a, ba, "shorter")


def link_documents(documents: Sequence[Document]) -> dict[str, Link]:
    """Each document's strongest link to a source, without cycles; documents with none are absent."""
    prints = distinctive([fp for fp in (fingerprint(d) for d in documents) if fp.size >= MIN_TERMS])
    found = [link for a, b in candidates(prints) if (link := compare(prints[a], prints[b]))]
    chosen: dict[str, Link] = {}
    for link in sorted(found, key=lambda k: (-k.score, k.document_id, k.source_id)):
        if link.document_id not in chosen and not _reaches(
            chosen, link.source_id, link.document_id
        ):
            chosen[link.document_id] = link
    return chosen


def _reaches(links: Mapping[str, Link], start: str, target: str) -> bool:
    """Whether following sources from `start` arrives at `target` (a link would close a cycle)."""
    seen = set()
    while start in links and start not in seen:
        seen.add(start)
        start = links[start].source_id
        if start == target:
            return True
    return start == target


def derivations(documents: Sequence[Document]) -> dict[str, tuple[str | None, str | None]]:
    """(duplicate_of, derived_from) of every linked document, as the store records them."""
    return {
        link.document_id: (link.source_id, None)
        if link.kind == "duplicate_of"
        else (None, link.source_id)
        for link in link_documents(documents).values()
    }
