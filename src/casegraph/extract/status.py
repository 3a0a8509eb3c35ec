"""Claim status from the attribution that governs the claim's own clause.

A cue says how the source knows something: "documents seen by the paper
showed", "officials assessed", "the outlet could not confirm", "the firm
denied", "according to invoices", "reportedly". With the dependency parse a
cue governs only the clause it heads and the clauses it introduces
(complements, coordinated "that"-clauses), so one sentence can carry a
documented claim and an unconfirmed one. `claim_status` walks from the claim's
anchor tokens (its subject and object mentions) up to the sentence root and
reads the cues met on the way; a claim the source negates ("X did not supply
Y", "X said it had never sold to Y") is kept and marked `denied`, because a
source that contradicts the edge is worth showing. `status_of` is the
text-only fallback for claims without a parse: the strongest cue anywhere in
the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from casegraph.extract import cues
from casegraph.extract.cue_words import CUE_VERBS, SUBJECTS
from casegraph.extract.cues import Cue
from casegraph.model import Status

CUES: tuple[tuple[Status, re.Pattern[str]], ...] = (
    (
        Status.DENIED,
        re.compile(
            r"\b(denied|denies|deny|denying|rejected (the )?(claims?|allegations?|reports?)|"
            r"dismissed (the )?(claims?|allegations?|reports?)|said it was unaware|"
            r"said (he|she|they|it) (was|were) unaware|categorically|never (supplied|sold|provided|delivered)|"
            r"(is|was) (not true|false|baseless))\b",
            re.IGNORECASE,
        ),
    ),
    (
        Status.UNCONFIRMED,
        re.compile(
            r"\b((could|can|was|were|is|are|did|does|do)(n[’']t| not) (be )?(independently )?"
            r"(confirm|verify)|(unable|not able) to (independently )?(confirm|verify)|"
            r"unconfirmed|unverified|(has|have) not been (independently )?(confirmed|verified))\b",
            re.IGNORECASE,
        ),
    ),
    (
        Status.DOCUMENTED,
        re.compile(
            r"\b((documents?|invoices?|(bank|account) statements?|letters?|records?|bookings?|"
            r"tickets?|contracts?|receipts?|filings?|customs data|shipping data|emails?|reports?)"
            r"[^.;]{0,60}\b(seen|reviewed|obtained|examined|showed|show|shows|confirmed|described|"
            r"detailing|listed|lists|said|says|stated|states)|according to [^.;]{0,40}\b(documents?|invoices?|statements?|"
            r"records?|customs data|contracts?|letters?|filings?)|(invoice|bill of lading|"
            r"booking|contract|receipt) (no\.?|number)|customs records)\b",
            re.IGNORECASE,
        ),
    ),
    (
        Status.ASSESSED,
        re.compile(
            r"\b((assess(es|ed)?|believe[sd]?|suspect(s|ed)?|estimated?|concluded|judged?) that|"
            r"(officials?|analysts?|experts?|intelligence|investigators?|sources?|they|he|she) "
            r"(assess(es|ed)?|believe[sd]?|suspect(s|ed)?|estimated?|judged?)\b|"
            r"in the assessment of|(assessed|believed|suspected|thought) to (be|have))",
            re.IGNORECASE,
        ),
    ),
)


@dataclass(frozen=True)
class StatusCue:
    status: Status
    cue: str | None


def status_of(sentence: str) -> StatusCue:
    """The status a sentence gives every claim it carries: the text-only fallback."""
    for status, pattern in CUES:
        match = pattern.search(sentence)
        if match:
            return StatusCue(status, match.group(0))
    return StatusCue(Status.REPORTED, None)


def claim_status(
    doc: Doc, anchors: Sequence[tuple[int, int]], window: tuple[int, int] | None = None
) -> StatusCue | None:
    """The status of one claim from the cues that govern its anchors' clauses.

    `anchors` are the character spans of the claim's subject and object in
    `doc`; those outside `window` (the claim's evidence) are ignored, as a
    mention found by coreference may sit in an earlier sentence. Anchors in
    different sentences (a claim continued across sentences) are read each in
    its own sentence and the weaker status wins. None when no anchor aligns
    with the parse: the caller falls back to `status_of`.
    """
    tokens = [
        t for span in anchors if _inside(span, window) and (t := _head_token(doc, span)) is not None
    ]
    if not tokens:
        return None
    by_sentence: dict[int, list[Token]] = {}
    for token in tokens:
        by_sentence.setdefault(token.sent.start, []).append(token)
    found = [_clause_status(group) for group in by_sentence.values()]
    return max(found, key=lambda s: s.status.rank)


def _inside(span: tuple[int, int], window: tuple[int, int] | None) -> bool:
    return window is None or (window[0] <= span[0] and span[1] <= window[1])


def _head_token(doc: Doc, span: tuple[int, int]) -> Token | None:
    """The syntactic head of a character span: the token whose head lies outside it."""
    chars = doc.char_span(span[0], span[1], alignment_mode="expand")
    return chars.root if chars is not None and len(chars) else None


def _clause_status(anchors: list[Token]) -> StatusCue:
    head, below = _claim_head(anchors)
    return decide(_governing_cues(head, below, {a.i for a in anchors}))


def decide(found: Iterable[tuple[int, Cue]]) -> StatusCue:
    """One status from the cues governing a claim, each with its depth above the claim.

    A denial or a failure to confirm overrides any positive attribution. Of
    the positive cues the innermost governs ("officials said documents show"
    is documented, "invoices show that X reportedly paid Y" reported), and at
    one depth the strongest source wins ("according to officials and
    documents" is documented). No cue: the outlet states it, `reported`.
    """
    pool = list(found)
    negative = [c for _, c in pool if c.status in {Status.DENIED, Status.UNCONFIRMED}]
    if negative:
        best = max(negative, key=lambda c: c.status.rank)
    elif pool:
        innermost = min(level for level, _ in pool)
        best = min((c for level, c in pool if level == innermost), key=lambda c: c.status.rank)
    else:
        return StatusCue(Status.REPORTED, None)
    return StatusCue(best.status, best.text)


Step = tuple[Token, Token | None]


def _governing_cues(head: Token, below: list[Step], anchors: set[int]) -> Iterator[tuple[int, Cue]]:
    """Cues on the anchor paths below the claim's head and on the head's way to the root, by depth.

    A coordinated clause with a cue of its own is independent: the walk stops
    there. Without one, crossing into the first conjunct keeps only the
    adjuncts that frame the whole coordination, and the walk goes on. The
    claim's own words (below and at its head) may negate it.
    """
    on_path = {t.i for t, _ in below} | {head.i}
    own = on_path - anchors
    seen = False
    for level, (token, child) in enumerate(below + list(_ancestry(head))):
        if child is not None and _clausal_conjunct(child):
            if seen:
                return
            yield from ((level, c) for c in cues.peripheral_cues(token, child))
            continue
        found = list(_token_cues(token, child, on_path, negatable=token.i in own))
        seen = seen or bool(found)
        yield from ((level, c) for c in found)


def _token_cues(
    token: Token, child: Token | None, on_path: set[int], negatable: bool
) -> Iterator[Cue]:
    cue = cues.token_cue(token, child)
    if cue is not None:
        yield cue
    yield from cues.adjunct_cues(token, on_path | ({child.i} if child is not None else set()))
    if negatable and cue is None and token.lemma_.lower() not in CUE_VERBS:
        negated = cues.negation(token)
        if negated is not None:
            yield negated


def _claim_head(anchors: list[Token]) -> tuple[Token, list[Step]]:
    """The token where the claim's anchors meet, and the anchor paths below it.

    When one anchor reaches the meeting point only through a coordinated
    clause with its own subject ("analysts estimate that X built it, and the
    company says it sold them to Y"), the claim lives in that conjunct: its
    head is the conjunct's verb, and the other anchor came by coreference.
    """
    paths = [list(_ancestry(a)) for a in anchors]
    shared = set.intersection(*({t.i for t, _ in p} for p in paths))
    lca = next(t for t, _ in paths[0] if t.i in shared)
    branches = [p[: [t.i for t, _ in p].index(lca.i)] for p in paths]
    for branch in reversed(branches):
        crossings = [k for k, (t, _) in enumerate(branch) if _clausal_conjunct(t)]
        if crossings:
            return branch[crossings[-1]][0], branch[: crossings[-1]]
    return lca, [step for branch in branches for step in branch]


def _ancestry(token: Token) -> Iterator[Step]:
    """Each token from `token` up to its sentence root, with the child it was reached from."""
    child: Token | None = None
    while True:
        yield token, child
        if token.head.i == token.i:
            return
        child, token = token, token.head


def _clausal_conjunct(token: Token) -> bool:
    """A coordinated clause with its own subject and no "that": its first conjunct's cues stop here."""
    if token.dep_ != "conj" or token.head.i == token.i:
        return False
    own_subject = any(c.dep_ in SUBJECTS for c in token.children)
    that_clause = any(
        c.dep_ == "mark" and c.lower_ in {"that", "whether", "if"} for c in token.children
    )
    return own_subject and not that_clause
