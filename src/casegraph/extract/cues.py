"""Attribution cues read off one token of a dependency parse.

Each function looks at a single token on a claim's path to the sentence root
and says whether it carries a cue and which status that cue gives: a verb
with a source as its subject ("invoices show", "officials assessed"), a verb
of denial or of failed confirmation, a predicate adjective ("unaware",
"false", "unclear"), an adjunct ("according to the records", "reportedly"),
or a negation of the claim itself. Scope, which claims a cue reaches, is
decided in `status`.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Token

from casegraph.extract.cue_words import (
    ABLE_WORDS,
    ACCUSE_VERBS,
    ASSESS_NOUNS,
    ASSESS_VERBS,
    CLAIM_NOUNS,
    COMPLEMENTS,
    CONFIRM_VERBS,
    CONTENT_VERBS,
    DENY_VERBS,
    DISTANCING,
    FALSE_WORDS,
    NEGATIVE_DETS,
    NOT_GOVERNED,
    OUTLET_VERBS,
    REJECT_VERBS,
    SPEECH_VERBS,
    SUBJECTS,
    UNABLE_WORDS,
    UNAWARE_WORDS,
    UNVERIFIED_WORDS,
)
from casegraph.extract.sources import document_antecedent, source_kind, subject_of
from casegraph.model import Status

JUDGED = frozenset(["nsubj", "nsubjpass", "csubj", "dobj", "ccomp", None])


@dataclass(frozen=True)
class Cue:
    """A cue met on a claim's path: the status it gives and its words as the text says them."""

    status: Status
    text: str


def token_cue(token: Token, child: Token | None) -> Cue | None:
    """The cue `token` itself carries for a claim reached through `child` (None: the claim's own head)."""
    entered = child.dep_ if child is not None else None
    if token.pos_ in {"VERB", "AUX"}:
        return _verb_cue(token, entered) or _predicate_cue(token, entered)
    if token.pos_ == "ADJ":
        return _adjective_cue(token, entered)
    if token.pos_ == "NOUN":
        return _noun_cue(token, entered)
    return None


def _verb_cue(verb: Token, entered: str | None) -> Cue | None:
    lemma = verb.lemma_.lower()
    subject = subject_of(verb)
    if subject is not None and subject.pos_ == "PRON" and lemma in CONTENT_VERBS:
        subject = document_antecedent(subject) or subject
    kind = source_kind(subject) if subject is not None else None
    governs = entered not in NOT_GOVERNED
    negated = is_negated(verb)
    if lemma in DENY_VERBS and governs and not negated:
        return Cue(Status.DENIED, _verb_text(verb))
    if lemma in REJECT_VERBS and governs and _rejects_claim(verb, entered):
        return Cue(Status.DENIED, _verb_text(verb))
    if lemma in CONFIRM_VERBS and negated and entered != "nsubj" and entered != "agent":
        return Cue(Status.UNCONFIRMED, _verb_text(verb))
    if _unverified_subject(verb) and entered in {None, "ccomp", "xcomp"}:
        return Cue(Status.UNCONFIRMED, _verb_text(verb))
    if _no_evidence(verb) and entered in {None, "ccomp", "acl"}:
        return Cue(Status.UNCONFIRMED, _verb_text(verb))
    if kind == Status.DOCUMENTED and lemma in CONTENT_VERBS | CONFIRM_VERBS and not negated:
        return Cue(Status.DOCUMENTED, _verb_text(verb))
    if not governs:
        return None
    if (
        lemma in ASSESS_VERBS
        and kind != Status.DOCUMENTED
        and (entered != "dobj" or lemma in ACCUSE_VERBS)
    ):
        passive_allegation = lemma == "allege" and _passive(verb)
        status = Status.UNCONFIRMED if negated or passive_allegation else Status.ASSESSED
        return Cue(status, _verb_text(verb))
    if lemma == "say" and _passive(verb):
        return Cue(Status.REPORTED, _verb_text(verb))
    if lemma in SPEECH_VERBS and kind in {Status.ASSESSED, Status.REPORTED}:
        return Cue(kind, _verb_text(verb))
    if lemma in OUTLET_VERBS and kind is None and not negated:
        return Cue(Status.REPORTED, _verb_text(verb))
    return None


def _predicate_cue(verb: Token, entered: str | None) -> Cue | None:
    """`reports that ... were false`, `whether ... is unclear`: the predicate judges its subject or clause."""
    for child in verb.children:
        if child.dep_ in {"acomp", "oprd"} and entered in JUDGED:
            found = _adjective_cue(child, "ccomp")
            if found is not None:
                return found
        if (
            child.dep_ == "attr"
            and child.lemma_.lower() in ASSESS_NOUNS
            and entered in {"ccomp", None}
        ):
            return Cue(Status.ASSESSED, _phrase(child, child))
    return None


def _adjective_cue(adjective: Token, entered: str | None) -> Cue | None:
    word = adjective.lower_
    if entered not in {"prep", "ccomp", "xcomp", None}:
        return None
    negated = is_negated(adjective) or is_negated(adjective.head)
    if word in UNAWARE_WORDS or (word == "aware" and negated):
        return Cue(Status.DENIED, _adjective_text(adjective))
    if word in FALSE_WORDS:
        return Cue(Status.DENIED, _adjective_text(adjective))
    if word in UNVERIFIED_WORDS or (word == "clear" and negated):
        return Cue(Status.UNCONFIRMED, _adjective_text(adjective))
    return None


def _noun_cue(noun: Token, entered: str | None) -> Cue | None:
    lemma = noun.lemma_.lower()
    negative = _negative_det(noun) or is_negated(noun.head)
    if lemma in {"knowledge", "awareness"} and negative and entered in {"prep", None}:
        return Cue(Status.DENIED, _phrase(noun.head if noun.dep_ == "dobj" else noun, noun))
    if (
        lemma in {"evidence", "proof", "indication"}
        and negative
        and entered in {"acl", "ccomp", "prep"}
    ):
        return Cue(Status.UNCONFIRMED, _phrase(noun, noun))
    for child in noun.children:
        if child.dep_ == "amod" and child.lower_ in {"alleged", *UNVERIFIED_WORDS}:
            return Cue(Status.UNCONFIRMED, _phrase(child, noun))
    return None


def adjunct_cues(token: Token, skip: set[int]) -> Iterator[Cue]:
    """Cues attached beside the claim's path: prepositions of source, hedging adverbs, parenthetical verbs.

    An appositive that judges the statement (", a claim his lawyers rejected")
    may hang on the verb or on its subject.
    """
    subject = (
        next((c for c in token.children if c.dep_ == "nsubj"), None)
        if token.pos_ == "VERB"
        else None
    )
    remarks = [c for c in subject.children if c.dep_ == "appos"] if subject is not None else []
    for child in [*token.children, *remarks]:
        if child.i in skip:
            continue
        found = _adjunct(child)
        if found is not None:
            yield found


def peripheral_cues(head: Token, conjunct: Token) -> Iterator[Cue]:
    """Adjuncts of the first conjunct that frame the whole coordination: sentence-initial or trailing."""
    for child in head.children:
        if child.i == conjunct.i:
            continue
        framing = child.left_edge.i == head.left_edge.i or child.i > conjunct.right_edge.i
        found = _adjunct(child) if framing else None
        if found is not None:
            yield found


def _adjunct(child: Token) -> Cue | None:
    word = child.lower_
    if child.dep_ == "advmod" and word in DISTANCING:
        return Cue(DISTANCING[word], child.text)
    if child.dep_ == "prep" and word in {"according", "per"}:
        return _source_phrase(child)
    if child.dep_ == "prep" and word == "in":
        return _in_phrase(child)
    if child.lemma_.lower() in CLAIM_NOUNS and child.pos_ == "NOUN":
        return _disputed_claim(child)
    if (
        child.dep_ in {"parataxis", "advcl", "ccomp", "conj"}
        and child.pos_ == "VERB"
        and _parenthetical(child)
    ):
        found = _verb_cue(child, None)
        return found if found is not None and found.status is not Status.REPORTED else None
    return None


def _disputed_claim(noun: Token) -> Cue | None:
    """`..., a claim his lawyers rejected` / `an allegation the firm denies`: the denial names the statement."""
    for clause in noun.children:
        if (
            clause.dep_ in {"relcl", "acl"}
            and clause.lemma_.lower() in DENY_VERBS | REJECT_VERBS
            and not is_negated(clause)
        ):
            return Cue(Status.DENIED, _phrase(noun, clause))
    return None


def _parenthetical(verb: Token) -> bool:
    """`..., invoices show.` / `as officials said`: a cue verb with no complement of its own."""
    return not any(c.dep_ in COMPLEMENTS for c in verb.children)


def _source_phrase(prep: Token) -> Cue | None:
    """`according to X`, `per X`: the status is the kind of X (the strongest of its conjuncts)."""
    objects = [c for c in prep.children if c.dep_ == "pobj"]
    objects += [
        o for c in prep.children if c.dep_ == "prep" for o in c.children if o.dep_ == "pobj"
    ]
    kinds = [k for o in objects for t in [o, *o.conjuncts] if (k := source_kind(t)) is not None]
    if not kinds:
        return None
    return Cue(min(kinds, key=lambda s: s.rank), _phrase(prep, prep.right_edge, limit=12))


def _in_phrase(prep: Token) -> Cue | None:
    """`in a letter seen by the paper`, `in the view of officials`, `in his assessment`."""
    pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
    if pobj is None:
        return None
    if pobj.lemma_.lower() in ASSESS_NOUNS:
        return Cue(Status.ASSESSED, _phrase(prep, prep.right_edge, limit=12))
    if source_kind(pobj) is Status.DOCUMENTED:
        return Cue(Status.DOCUMENTED, _phrase(prep, prep.right_edge, limit=12))
    return None


def negation(token: Token) -> Cue | None:
    """The claim itself negated: `did not supply`, `had never sold`, `held no stake in`."""
    neg = next((c for c in token.children if c.dep_ == "neg"), None)
    if neg is not None and token.pos_ in {"VERB", "AUX"} and not _only_or_longer(neg):
        first = min(
            [neg, *(c for c in token.children if c.dep_ in {"aux", "auxpass"} and c.i < token.i)],
            key=lambda t: t.i,
        )
        return Cue(Status.DENIED, _phrase(first, token))
    det = next((c for c in token.children if c.dep_ == "det" and c.lower_ == "no"), None)
    if det is not None and token.pos_ == "NOUN":
        return Cue(Status.DENIED, _phrase(token.head if token.dep_ == "dobj" else det, token))
    return None


def _only_or_longer(neg: Token) -> bool:
    """`not only ... but also`, `no longer`: not a denial of the claim."""
    following = neg.doc[neg.i + 1] if neg.i + 1 < len(neg.doc) else None
    return following is not None and following.lower_ in {"only", "longer", "just"}


def is_negated(token: Token) -> bool:
    """`not`, `never`, `unable to`, `not possible to`, `none of ... could`: the word is denied its force."""
    if any(c.dep_ == "neg" for c in token.children):
        return True
    if any(
        c.dep_ in SUBJECTS and (_negative_det(c) or c.lower_ in NEGATIVE_DETS)
        for c in token.children
    ):
        return True
    head = token.head
    if token.dep_ == "xcomp" and head.i != token.i:
        if head.lemma_.lower() in UNABLE_WORDS or head.lower_ in UNABLE_WORDS:
            return True
        if head.lower_ in ABLE_WORDS:
            return is_negated(head) or is_negated(head.head)
        predicates = [c.lower_ for c in head.children if c.dep_ == "acomp"]
        if any(word in UNABLE_WORDS for word in predicates):
            return True
        if any(word in ABLE_WORDS for word in predicates) and is_negated(head):
            return True
    return False


def _negative_det(noun: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in NEGATIVE_DETS for c in noun.children)


def _passive(verb: Token) -> bool:
    return any(c.dep_ in {"auxpass", "nsubjpass"} for c in verb.children)


def _rejects_claim(verb: Token, entered: str | None) -> bool:
    """`rejected the allegation that ...`, not `rejected the shipment`."""
    claim_object = any(c.dep_ == "dobj" and c.lemma_.lower() in CLAIM_NOUNS for c in verb.children)
    return claim_object or entered in {"ccomp", "xcomp"}


def _unverified_subject(verb: Token) -> bool:
    """`unverified posts suggest ...`, `media reports that ... remain unverified`."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return subject is not None and any(
        c.dep_ == "amod" and c.lower_ in UNVERIFIED_WORDS for c in subject.children
    )


def _no_evidence(verb: Token) -> bool:
    """`no evidence was presented that ...`."""
    return any(
        c.dep_ in {"nsubjpass", "dobj", "nsubj"}
        and c.lemma_.lower() in {"evidence", "proof"}
        and _negative_det(c)
        for c in verb.children
    )


def _verb_text(verb: Token) -> str:
    """The cue as written: the verb with its auxiliaries and negation, after its subject when that is short."""
    group = [c for c in verb.children if c.dep_ in {"aux", "auxpass", "neg"} and c.i < verb.i]
    first = min([verb, *group], key=lambda t: t.i)
    head = verb.head if verb.dep_ == "xcomp" and verb.head.i < verb.i else None
    if head is not None:
        first = min(
            [
                head,
                *(c for c in head.children if c.dep_ in {"aux", "neg", "auxpass"} and c.i < head.i),
            ],
            key=lambda t: t.i,
        )
        head = head.head if head.dep_ == "acomp" else head
    anchor = head if head is not None else verb
    subject = next((c for c in anchor.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None and verb.dep_ in {"acl", "relcl"} and verb.head.i < verb.i:
        subject = verb.head
    if subject is not None and subject.i < first.i and verb.i - subject.left_edge.i <= 12:
        first = subject.left_edge
    return _phrase(first, verb)


def _adjective_text(adjective: Token) -> str:
    """`said it was unaware`, `were false`: from the governing verb of speech when there is one."""
    copula = adjective.head
    start = copula
    speaker = copula.head if copula.dep_ == "ccomp" else None
    if speaker is not None and speaker.i < copula.i and adjective.i - speaker.i <= 8:
        start = speaker
        # Who said it, when short: `the ministry said it was unaware`.
        subject = next((c for c in speaker.children if c.dep_ == "nsubj"), None)
        if (
            subject is not None
            and subject.i < speaker.i
            and adjective.i - subject.left_edge.i <= 12
        ):
            start = subject.left_edge
    else:
        subject = next((c for c in copula.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is not None and subject.i < copula.i and adjective.i - subject.i <= 4:
            start = subject
    return _phrase(start if start.i < adjective.i else adjective, adjective)


def _phrase(first: Token, last: Token, limit: int = 16) -> str:
    start, end = sorted((first.i, last.i))
    end = min(end, start + limit - 1)
    return str(first.doc[start : end + 1].text)
