"""Unnamed groups that act as parties: "Norwegian engineers", "Chilean experts", "Chilean companies".

Reporting often names a group only by nationality and trade: "a group of
Norwegian engineers visited the plant", "officials assessed that the individuals
were Acme staff". Such a group is a party of the graph (it visits, it is
employed) when its phrase says whose people it is: a nationality or
country word modifying a plural noun of people at work. A bare "the experts"
or "the individuals" is not a group of its own; coreference resolves it to a
group in reach (`coref`). Groups of organisations ("Chilean companies") are
parties only inside a tie ("a relationship between X and Chilean companies"),
read by the tie frame, so a generic remark ("Chilean companies supplying
Peruvian mines") gives no claim.

Group spans are found with extractor `cue:group`; the pipeline keeps one as a
mention only when a claim uses it.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from casegraph.extract.names import Found
from casegraph.model import EntityType

GROUP_EXTRACTOR = "cue:group"
STRENGTH = 1

PEOPLE_NOUNS = frozenset(
    [
        "expert",
        "engineer",
        "specialist",
        "technician",
        "citizen",
        "national",
        "individual",
        "employee",
        "worker",
        "scientist",
        "researcher",
        "adviser",
        "advisor",
        "instructor",
        "staffer",
        "mercenary",
        "operator",
        "pilot",
    ]
)
"""Plural nouns of people that a nationality turns into a group party (lemmas)."""

GENERIC_PEOPLE = frozenset(["individual", "person", "people", "man", "woman", "visitor"])
"""Plural nouns that refer back to any group of people ("the individuals")."""

ORG_NOUNS = frozenset(
    [
        "company",
        "firm",
        "manufacturer",
        "maker",
        "producer",
        "supplier",
        "enterprise",
        "business",
        "entity",
        "exporter",
        "importer",
        "contractor",
    ]
)
"""Plural nouns of organisations that form a group inside a tie ("Chilean companies")."""


def is_group(found: Found | None) -> bool:
    return found is not None and found.extractor == GROUP_EXTRACTOR


def group_at(doc: Doc, noun: Token, nouns: frozenset[str], kind: EntityType) -> Found | None:
    """The group a plural noun names when a nationality modifies it: `Norwegian (turbine) engineers`.

    The span runs from the nationality word to the noun; the words between must be
    modifiers of the noun (`Norwegian turbine engineers`).
    """
    if noun.tag_ not in {"NNS", "NNPS"} or noun.lemma_.lower() not in nouns:
        return None
    nationality = _nationality(noun)
    if nationality is None or nationality.i >= noun.i:
        return None
    between = doc[nationality.i + 1 : noun.i]
    if any(t.head.i != noun.i and t.head.i not in {b.i for b in between} for t in between):
        return None
    if any(
        t.pos_ not in {"NOUN", "ADJ", "PROPN"} or t.ent_type_ in {"ORG", "PERSON"} for t in between
    ):
        return None
    return Found(nationality.idx, noun.idx + len(noun.text), kind, GROUP_EXTRACTOR, STRENGTH)


def _nationality(noun: Token) -> Token | None:
    """The nationality word of a plural noun, also where the parser coordinated it with a name
    (`between Kestria and Chilean companies`, where `Chilean` became a conjunct of `Kestria`)."""
    for child in noun.children:
        if child.ent_type_ == "NORP" and child.dep_ in {"amod", "compound", "nmod"}:
            return child
        if child.dep_ in {"nmod", "compound"}:
            for conj in child.children:
                if conj.dep_ == "conj" and conj.ent_type_ == "NORP" and conj.i == noun.i - 1:
                    return conj
    before = noun.doc[noun.i - 1] if noun.i > 0 else None
    if before is not None and before.ent_type_ == "NORP" and before.pos_ == "ADJ":
        return before
    return None


def find_groups(doc: Doc, mentions: Iterable[Found]) -> list[Found]:
    """Groups of people in the document, where no mention already covers the noun."""
    taken = [(m.start, m.end) for m in mentions]
    found: list[Found] = []
    for token in doc:
        group = group_at(doc, token, PEOPLE_NOUNS, EntityType.PERSON)
        if group is not None and all(group.end <= s or group.start >= e for s, e in taken):
            found.append(group)
    return found
