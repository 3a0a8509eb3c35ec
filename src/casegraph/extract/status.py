"""Claim status from the attribution around it.

Cues are matched in the sentence that carries the claim. A denial or a
"could not confirm" outranks the cue of what the outlet saw, which outranks
an assessment; with no cue the outlet itself states it: `reported`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

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
    """The status a sentence gives the claims it carries, and the cue that decided it."""
    for status, pattern in CUES:
        match = pattern.search(sentence)
        if match:
            return StatusCue(status, match.group(0))
    return StatusCue(Status.REPORTED, None)
