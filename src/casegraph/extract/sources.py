"""What kind of source a noun names: documents, officials and analysts, or the media.

A cue's weight comes from its source: "invoices show" is documented,
"officials said" assessed, "media reports say" reported. The subject of a
verb of saying is found here too, with the small parser's usual slips.
"""

from __future__ import annotations

from spacy.tokens import Token

from casegraph.extract.cue_words import (
    CONTENT_VERBS,
    DOCUMENT_NOUNS,
    MEDIA_NOUNS,
    SOURCE_NOUNS,
    STATEMENT_KINDS,
    STUDY_NOUNS,
)
from casegraph.model import Status

SECURITY_AGENCIES = frozenset(["intelligence", "security", "enforcement"])
SOURCE_PEOPLE = frozenset(["people", "person", "someone"])
IN_THE_KNOW = frozenset(["familiar", "close"])
DOCUMENT_PRONOUNS = frozenset(["it", "they"])


def source_kind(noun: Token | None) -> Status | None:
    """What a source noun is: a document (documented), an official or analyst (assessed), the media (reported)."""
    if noun is None:
        return None
    lemma = _base(noun)
    modifiers = {c.lower_ for c in noun.children if c.dep_ in {"compound", "amod", "nmod"}}
    if lemma == "statement":
        return Status.DOCUMENTED if modifiers & STATEMENT_KINDS else None
    if lemma == "report" and modifiers & MEDIA_NOUNS:
        return Status.REPORTED
    if lemma == "agency":
        return Status.ASSESSED if modifiers & SECURITY_AGENCIES else Status.REPORTED
    if lemma in DOCUMENT_NOUNS:
        return Status.DOCUMENTED
    if lemma in STUDY_NOUNS and any(
        source_kind(o) is Status.DOCUMENTED
        for p in noun.children
        if p.lower_ == "of"
        for o in p.children
    ):
        return Status.DOCUMENTED
    if lemma in SOURCE_NOUNS or (lemma in SOURCE_PEOPLE and modifiers & IN_THE_KNOW):
        return Status.ASSESSED
    if lemma in MEDIA_NOUNS:
        return Status.REPORTED
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject; for `documents showing that` and `records, which show` the noun they modify."""
    for child in verb.children:
        if child.dep_ in {"nsubj", "nsubjpass"}:
            return _strongest_conjunct(child) if child.dep_ == "nsubj" else None
    if verb.dep_ in {"acl", "relcl"} and verb.head.pos_ in {"NOUN", "PROPN"}:
        return verb.head
    for child in verb.children:
        if child.dep_ == "agent":
            return next((o for o in child.children if o.dep_ == "pobj"), None)
    # the small parser often reads `bank records show` as a compound before the verb
    return next(
        (c for c in verb.children if c.dep_ == "compound" and c.i < verb.i and c.pos_ == "NOUN"),
        None,
    )


def document_antecedent(pronoun: Token) -> Token | None:
    """`It also listed ...`, `it added`: the document the sentence before quoted, if it quoted one.

    Only for the subject of a verb of saying or showing; the antecedent is the
    last document that was such a verb's subject in the previous sentence.
    """
    sent = pronoun.sent
    if pronoun.lower_ not in DOCUMENT_PRONOUNS or sent.start == 0:
        return None
    previous = pronoun.doc[sent.start - 1].sent
    documents = [
        subject
        for verb in previous
        if verb.pos_ == "VERB"
        and verb.lemma_.lower() in CONTENT_VERBS
        and (subject := subject_of(verb)) is not None
        and source_kind(subject) is Status.DOCUMENTED
    ]
    return documents[-1] if documents else None


def _strongest_conjunct(noun: Token) -> Token:
    """`the letter and flight reports`, `officials and documents`: the strongest source among conjuncts."""
    ranked = [
        (k.rank if (k := source_kind(t)) is not None else len(Status), t.i, t)
        for t in [noun, *noun.conjuncts]
    ]
    return min(ranked)[2]


def _base(noun: Token) -> str:
    """The noun's lemma; a capitalised plural the tagger took for a name loses its `s`."""
    lemma = str(noun.lemma_).lower()
    if noun.pos_ == "PROPN" and noun.tag_ == "NNPS" and lemma.endswith("s"):
        return lemma[:-1]
    return lemma
