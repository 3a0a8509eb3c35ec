"""Source kinds of nouns and the subjects of verbs of saying, on sentences written for these tests."""

from __future__ import annotations

import pytest
from spacy.tokens import Token

from casegraph.extract.nlp import load_pipeline
from casegraph.extract.sources import document_antecedent, source_kind, subject_of
from casegraph.model import Status


def _token(text: str, word: str, nth: int = 1) -> Token:
    found = [t for t in load_pipeline()(text) if t.text == word]
    return found[nth - 1]


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("Invoices reviewed by the paper show the sale.", "Invoices", Status.DOCUMENTED),
        ("Customs data show the sale.", "data", Status.DOCUMENTED),
        ("Bank statements show the sale.", "statements", Status.DOCUMENTED),
        ("In a statement, the firm denied the sale.", "statement", None),
        ("Our analysis of trade data shows the sale.", "analysis", Status.DOCUMENTED),
        ("Western officials said the sale went ahead.", "officials", Status.ASSESSED),
        ("People familiar with the deal said the sale went ahead.", "People", Status.ASSESSED),
        ("People at the market said the sale went ahead.", "People", None),
        ("Media reports say the sale went ahead.", "reports", Status.REPORTED),
        ("The agency said the sale went ahead.", "agency", Status.REPORTED),
        ("The intelligence agency said the sale went ahead.", "agency", Status.ASSESSED),
        ("The company said the sale went ahead.", "company", None),
    ],
)
def test_source_kind(text: str, word: str, expected: Status | None) -> None:
    assert source_kind(_token(text, word)) is expected


def test_subject_of_prefers_the_strongest_conjunct() -> None:
    text = "The officials and the documents said the sale went ahead."
    subject = subject_of(_token(text, "said"))
    assert subject is not None and subject.text == "documents"


def test_subject_of_a_participle_is_the_noun_it_modifies() -> None:
    subject = subject_of(_token("Records showing the sale were leaked.", "showing"))
    assert subject is not None and subject.text == "Records"


@pytest.mark.parametrize(
    ("first", "antecedent"),
    [
        ("A ledger seen by the paper listed the buyers.", "ledger"),
        ("Officials said the buyers were known.", None),
    ],
)
def test_document_antecedent(first: str, antecedent: str | None) -> None:
    pronoun = _token(f"{first} It also named the sellers.", "It")
    found = document_antecedent(pronoun)
    assert (found.text if found is not None else None) == antecedent
