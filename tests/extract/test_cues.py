"""Cues read off single tokens, on sentences written for these tests (fictional parties)."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from casegraph.extract.cues import Cue, adjunct_cues, is_negated, negation, token_cue
from casegraph.extract.nlp import load_pipeline
from casegraph.model import Status


def _token(text: str, word: str) -> Token:
    return next(t for t in load_pipeline()(text) if t.text == word)


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The paper could not confirm that Velda Aerospace paid.", "confirm", True),
        ("The paper was unable to verify the payment.", "verify", True),
        ("It was not possible to verify the payment.", "verify", True),
        ("The paper was able to verify the payment.", "verify", False),
        ("None of the payments could be confirmed.", "confirmed", True),
        ("Velda Aerospace confirmed the payment.", "confirmed", False),
    ],
)
def test_is_negated(text: str, word: str, expected: bool) -> None:
    assert is_negated(_token(text, word)) is expected


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        (
            "Velda Aerospace did not supply Pyrrhic Arms.",
            "supply",
            Cue(Status.DENIED, "did not supply"),
        ),
        (
            "Velda Aerospace had never sold to Pyrrhic Arms.",
            "sold",
            Cue(Status.DENIED, "had never sold"),
        ),
        (
            "Velda Aerospace held no stake in Pyrrhic Arms.",
            "stake",
            Cue(Status.DENIED, "held no stake"),
        ),
        ("Velda Aerospace no longer supplies Pyrrhic Arms.", "supplies", None),
        ("Velda Aerospace not only supplied Pyrrhic Arms but trained its staff.", "supplied", None),
    ],
)
def test_negation_of_the_claim_itself(text: str, word: str, expected: Cue | None) -> None:
    assert negation(_token(text, word)) == expected


@pytest.mark.parametrize(
    ("text", "word", "child", "expected"),
    [
        (
            "Documents seen by the paper showed that Velda Aerospace paid.",
            "showed",
            "paid",
            Status.DOCUMENTED,
        ),
        ("Officials assessed that Velda Aerospace paid.", "assessed", "paid", Status.ASSESSED),
        ("A test report assessed the performance of the drone.", "assessed", "performance", None),
        (
            "Velda Aerospace rejected the allegation that it paid.",
            "rejected",
            "allegation",
            Status.DENIED,
        ),
        ("Velda Aerospace rejected the shipment from Pyrrhic Arms.", "rejected", "shipment", None),
        ("The ministry said it was unaware of the deal.", "unaware", "of", Status.DENIED),
        ("Velda Aerospace, which denied it, paid Pyrrhic Arms.", "denied", "which", None),
    ],
)
def test_token_cue(text: str, word: str, child: str, expected: Status | None) -> None:
    token = _token(text, word)
    entered = next(c for c in token.children if c.text == child)
    found = token_cue(token, entered)
    assert (found.status if found is not None else None) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Velda Aerospace paid Pyrrhic Arms, according to bank records.",
            Cue(Status.DOCUMENTED, "according to bank records"),
        ),
        (
            "Velda Aerospace paid Pyrrhic Arms, according to two officials.",
            Cue(Status.ASSESSED, "according to two officials"),
        ),
        ("Velda Aerospace reportedly paid Pyrrhic Arms.", Cue(Status.REPORTED, "reportedly")),
        ("Velda Aerospace allegedly paid Pyrrhic Arms.", Cue(Status.UNCONFIRMED, "allegedly")),
        ("Velda Aerospace paid Pyrrhic Arms on Monday.", None),
    ],
)
def test_adjunct_cues(text: str, expected: Cue | None) -> None:
    found = list(adjunct_cues(_token(text, "paid"), skip=set()))
    assert found == ([expected] if expected is not None else [])
