"""Claim status: cues scoped to their clause on the parse, and the sentence-level text fallback.

Sentences are written for these tests with fictional parties; the seed
tests read the user's example article.
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from casegraph.extract.nlp import load_pipeline
from casegraph.extract.pipeline import extract
from casegraph.extract.status import StatusCue, claim_status, status_of
from casegraph.model import Document, Status, make_id
from tests.conftest import SEED_ARTICLE, entity_named


def _span(text: str, words: str, nth: int = 1) -> tuple[int, int]:
    start = -1
    for _ in range(nth):
        start = text.index(words, start + 1)
    return start, start + len(words)


def _status(text: str, subject: str, obj: str, nth: tuple[int, int] = (1, 1)) -> StatusCue:
    found = claim_status(
        load_pipeline()(text), [_span(text, subject, nth[0]), _span(text, obj, nth[1])]
    )
    assert found is not None
    return found


def _extracted(text: str) -> dict[tuple[str, str, str], tuple[Status, str | None, dict[str, str]]]:
    document = Document(
        id=make_id("doc", text), source="test", title="t", text=text, sha256=make_id("sha", text)
    )
    extraction = extract(document)
    names = {m.id: m.text for m in extraction.mentions}
    return {
        (names[c.subject], c.predicate.value, names[c.object]): (
            c.status,
            c.evidence.cue,
            dict(c.attributes),
        )
        for c in extraction.claims
    }


TWO_CLAUSES = (
    "Invoices seen by reporters showed that Velda Aerospace shipped engines to Pyrrhic Arms, "
    "but the paper could not confirm that Pyrrhic Arms paid Velda Aerospace."
)


def test_each_clause_keeps_its_own_cue() -> None:
    claims = _extracted(TWO_CLAUSES)
    shipped = claims[("Velda Aerospace", "supplies", "Pyrrhic Arms")]
    paid = claims[("Pyrrhic Arms", "pays", "Velda Aerospace")]
    assert shipped[0] is Status.DOCUMENTED
    assert paid[0] is Status.UNCONFIRMED
    assert status_of(TWO_CLAUSES).status is Status.UNCONFIRMED, (
        "the sentence-level reading gives both the same status"
    )


def test_cue_text_is_stored_with_the_claim() -> None:
    claims = _extracted(TWO_CLAUSES)
    _, cue, attributes = claims[("Pyrrhic Arms", "pays", "Velda Aerospace")]
    assert cue == "the paper could not confirm"
    assert attributes["cue"] == cue
    assert (
        claims[("Velda Aerospace", "supplies", "Pyrrhic Arms")][1]
        == "Invoices seen by reporters showed"
    )


def test_inner_hedge_governs_its_coordinated_clause() -> None:
    claims = _extracted(
        "Velda Aerospace billed Ormond Tooling for spare parts, invoices show, "
        "and Ormond Tooling reportedly paid Velda Aerospace in cash."
    )
    assert claims[("Velda Aerospace", "bills", "Ormond Tooling")][:2] == (
        Status.DOCUMENTED,
        "invoices show",
    )
    assert claims[("Ormond Tooling", "pays", "Velda Aerospace")][:2] == (
        Status.REPORTED,
        "reportedly",
    )


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Velda Aerospace did not supply engines to Pyrrhic Arms.", "did not supply"),
        ("Velda Aerospace said it had never sold engines to Pyrrhic Arms.", "had never sold"),
    ],
)
def test_a_negated_claim_is_kept_as_denied(text: str, cue: str) -> None:
    assert _extracted(text)[("Velda Aerospace", "supplies", "Pyrrhic Arms")][:2] == (
        Status.DENIED,
        cue,
    )


DENIALS = [
    # (text, subject, object, nth occurrences, expected)
    (
        "Halvard Metals sold lathes to Ormond Tooling, which denied passing them on to Pyrrhic Arms.",
        "Halvard Metals",
        "Ormond Tooling",
        (1, 1),
        Status.REPORTED,
    ),
    (
        "Halvard Metals sold lathes to Ormond Tooling, which denied passing them on to Pyrrhic Arms.",
        "Ormond Tooling",
        "Pyrrhic Arms",
        (1, 1),
        Status.DENIED,
    ),
    (
        "Documents show Kestrin Marine shipped pumps to Tovar Freight, while Tovar Freight denied buying anything from Kestrin Marine.",
        "Kestrin Marine",
        "Tovar Freight",
        (1, 1),
        Status.DOCUMENTED,
    ),
    (
        "Documents show Kestrin Marine shipped pumps to Tovar Freight, while Tovar Freight denied buying anything from Kestrin Marine.",
        "Kestrin Marine",
        "Tovar Freight",
        (2, 2),
        Status.DENIED,
    ),
    (
        "Pyrrhic Arms denied buying engines from Velda Aerospace.",
        "Velda Aerospace",
        "Pyrrhic Arms",
        (1, 1),
        Status.DENIED,
    ),
    (
        "Prosecutors said Ilse Marrow paid Tovar Freight in cash, a claim her lawyers rejected.",
        "Ilse Marrow",
        "Tovar Freight",
        (1, 1),
        Status.DENIED,
    ),
    (
        "After the ministry denied the reports, Velda Aerospace shipped drones to Pyrrhic Arms.",
        "Velda Aerospace",
        "Pyrrhic Arms",
        (1, 1),
        Status.REPORTED,
    ),
    (
        "Velda Aerospace, which denies wrongdoing, sold engines to Pyrrhic Arms.",
        "Velda Aerospace",
        "Pyrrhic Arms",
        (1, 1),
        Status.REPORTED,
    ),
    (
        "Velda Aerospace did not deny supplying Pyrrhic Arms.",
        "Velda Aerospace",
        "Pyrrhic Arms",
        (1, 1),
        Status.REPORTED,
    ),
    (
        "Ormond Tooling said it held no stake in Halvard Metals.",
        "Ormond Tooling",
        "Halvard Metals",
        (1, 1),
        Status.DENIED,
    ),
]


@pytest.mark.parametrize(("text", "subject", "obj", "nth", "expected"), DENIALS)
def test_denial_attaches_to_the_claim_it_denies(
    text: str, subject: str, obj: str, nth: tuple[int, int], expected: Status
) -> None:
    assert _status(text, subject, obj, nth).status is expected


HEDGES = [
    (
        "The paper could not confirm the shipments from Velda Aerospace to Pyrrhic Arms.",
        Status.UNCONFIRMED,
    ),
    (
        "It was not possible to verify that Velda Aerospace pays Pyrrhic Arms in cash.",
        Status.UNCONFIRMED,
    ),
    ("Whether Velda Aerospace still supplies Pyrrhic Arms is unclear.", Status.UNCONFIRMED),
    ("Velda Aerospace allegedly sold engines to Pyrrhic Arms.", Status.UNCONFIRMED),
    ("Velda Aerospace is believed to have supplied Pyrrhic Arms with engines.", Status.ASSESSED),
    ("In the view of two officials, Velda Aerospace supplies Pyrrhic Arms.", Status.ASSESSED),
    (
        "Velda Aerospace billed Pyrrhic Arms, according to bank statements and officials.",
        Status.DOCUMENTED,
    ),
    (
        "In a letter seen by the paper, Pyrrhic Arms thanked Velda Aerospace for the delivery.",
        Status.DOCUMENTED,
    ),
    (
        "A report assessed the range of a drone made by Velda Aerospace for Pyrrhic Arms.",
        Status.REPORTED,
    ),
    ("Velda Aerospace reportedly supplies Pyrrhic Arms.", Status.REPORTED),
    ("The paper reported that Velda Aerospace supplies Pyrrhic Arms.", Status.REPORTED),
]


@pytest.mark.parametrize(("text", "expected"), HEDGES)
def test_hedge_governs_the_claim_it_names(text: str, expected: Status) -> None:
    assert _status(text, "Velda Aerospace", "Pyrrhic Arms").status is expected


def test_claim_across_sentences_takes_the_weaker_status() -> None:
    text = (
        "Invoices show that Velda Aerospace shipped drones to Pyrrhic Arms. "
        "The paper could not confirm that Ormond Tooling made them."
    )
    doc = load_pipeline()(text)
    maker, buyer = _span(text, "Ormond Tooling"), _span(text, "Pyrrhic Arms")
    assert claim_status(doc, [maker, buyer]) == StatusCue(
        Status.UNCONFIRMED, "The paper could not confirm"
    )
    first_sentence = (0, text.index(". ") + 1)
    found = claim_status(doc, [maker, buyer], window=first_sentence)
    assert found is not None and found.status is Status.DOCUMENTED


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        (
            "A shipping ledger seen by the paper listed Velda Aerospace as a buyer.",
            Status.DOCUMENTED,
        ),
        ("Velda Aerospace sold rifles to Halvard Metals last year.", Status.REPORTED),
    ],
)
def test_it_stands_for_the_document_quoted_before(first: str, expected: Status) -> None:
    text = f"{first} It also shows that Velda Aerospace paid Ormond Tooling in cash."
    doc = load_pipeline()(text)
    second = text.index("It also")
    anchors = [_span(text, "Velda Aerospace", 2), _span(text, "Ormond Tooling")]
    found = claim_status(doc, anchors, window=(second, len(text)))
    assert found is not None and found.status is expected


def test_no_anchor_in_the_parse_leaves_the_fallback() -> None:
    doc = load_pipeline()("Velda Aerospace supplies Pyrrhic Arms.")
    assert claim_status(doc, [(0, 5)], window=(10, 30)) is None


FRAMES = [
    ("Documents seen by the paper showed that {claim}.", Status.DOCUMENTED),
    ("{claim}, according to invoices reviewed by the paper.", Status.DOCUMENTED),
    ("Officials believe that {claim}.", Status.ASSESSED),
    ("{claim}, analysts said.", Status.ASSESSED),
    ("The paper could not confirm that {claim}.", Status.UNCONFIRMED),
    ("It is unclear whether {claim}.", Status.UNCONFIRMED),
    ("{claim}.", Status.REPORTED),
    ("The company denied that {claim}.", Status.DENIED),
    ("{claim}, a claim the company denies.", Status.DENIED),
]
CLAIMS = [
    "{s} supplied engines to {o}",
    "{s} paid {o} in cash",
    "{s} billed {o} for spare parts",
    "{s} sold rifles to {o}",
]
PARTIES = ["Velda Aerospace", "Pyrrhic Arms", "Ormond Tooling", "Halvard Metals"]
TAILS = [
    "",
    " Separately, Kestrin Marine denied that it had paid Tovar Freight.",
    " Officials said Kestrin Marine had paid Tovar Freight.",
]


@settings(max_examples=60, deadline=None)
@given(
    frame=st.sampled_from(FRAMES),
    claim=st.sampled_from(CLAIMS),
    pair=st.permutations(PARTIES).map(lambda p: (p[0], p[1])),
    tail=st.sampled_from(TAILS),
)
def test_status_follows_the_frame_whatever_else_is_said(
    frame: tuple[str, Status], claim: str, pair: tuple[str, str], tail: str
) -> None:
    template, expected = frame
    sentence = template.format(claim=claim.format(s=pair[0], o=pair[1]))
    text = sentence[0].upper() + sentence[1:] + tail
    assert _status(text, pair[0], pair[1]).status is expected


# The seed article (tests may name its parties).


def _seed_sentence(start: str) -> str:
    text = SEED_ARTICLE.read_text(encoding="utf-8")
    begin = text.index(start)
    return text[begin : text.index("\n", begin)]


@pytest.mark.parametrize(
    ("start", "subject", "obj", "expected"),
    [
        (
            "However, the European officials said they assessed",
            "individuals",
            "AEE",
            Status.ASSESSED,
        ),
        (
            "The European security officials said they assessed",
            "Chinese citizens",
            "Hunan Haotianyi",
            Status.ASSESSED,
        ),
        ("Reuters couldn’t confirm they were", "they", "Hunan Haotianyi", Status.UNCONFIRMED),
        ("China’s foreign ministry said it was unaware", "China", "collaboration", Status.DENIED),
        ("“China has always maintained", "China", "any party", Status.DENIED),
    ],
)
def test_seed_hedged_sentences(start: str, subject: str, obj: str, expected: Status) -> None:
    """The status of the anchors of the seed's hedged sentences.

    The first two and the ministry's denial are now extracted (tests/golden checks the claims:
    the experts' and citizens' staff claims, the collaboration tie); "they" and "any party in
    the conflict" are still no party, so the last two are read here only.
    """
    assert _status(_seed_sentence(start), subject, obj).status is expected


def _seed_claim(export: dict[str, Any], subject: str, predicate: str, obj: str) -> dict[str, Any]:
    s, o = entity_named(export, subject)["id"], entity_named(export, obj)["id"]
    found = [
        c
        for c in export["claims"]
        if (c["subject"], c["predicate"], c["object"]) == (s, predicate, o)
    ]
    assert found, f"{subject} -{predicate}-> {obj}"
    return found[0]


@pytest.mark.parametrize(
    ("subject", "predicate", "obj", "status", "cue_word"),
    [
        ("AEE", "bills", "TSK Vektor", "documented", "invoice"),
        ("GA-21", "variant_of", "Shahed-107", "assessed", "assess"),
        ("Hunan Haotianyi", "manufactures", "HW52V", "reported", None),
        ("Kupol", "tests", "A60", "documented", "reports seen"),
    ],
)
def test_seed_claim_status(
    seed_export: dict[str, Any],
    subject: str,
    predicate: str,
    obj: str,
    status: str,
    cue_word: str | None,
) -> None:
    claim = _seed_claim(seed_export, subject, predicate, obj)
    assert claim["status"] == status
    cue = claim["attributes"].get("cue")
    assert (cue is None) if cue_word is None else (cue_word in (cue or ""))


# The text-only fallback, for claims without a parse.

FALLBACK = [
    (
        "Documents seen by the newspaper showed that Acme sold rifles to Borealis.",
        Status.DOCUMENTED,
    ),
    (
        "Acme billed Borealis $2 million, according to an invoice reviewed by the outlet.",
        Status.DOCUMENTED,
    ),
    ("Western officials assessed that the engineers were Acme staff.", Status.ASSESSED),
    ("The outlet could not independently confirm the shipments.", Status.UNCONFIRMED),
    ("Reporters couldn’t confirm they were Acme employees.", Status.UNCONFIRMED),
    ("Acme denied supplying any military goods.", Status.DENIED),
    ("The ministry said it was unaware of the deal.", Status.DENIED),
    ("Acme supplied drones to Borealis in 2023.", Status.REPORTED),
    ("A test report assessed the performance of the drone.", Status.REPORTED),
]


@pytest.mark.parametrize(("sentence", "expected"), FALLBACK)
def test_sentence_fallback(sentence: str, expected: Status) -> None:
    assert status_of(sentence).status is expected


def test_fallback_keeps_its_cue() -> None:
    found = status_of("The company rejected the allegations as baseless.")
    assert found.cue is not None and "rejected" in found.cue
