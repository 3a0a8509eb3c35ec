"""Frames about people and their ties: roles, membership, family, associates, antagonists.

Most ties are stated with a relational noun around a name ("X, the brother
of Y", "Y's business partner, X", "X is a member of Y", "X, a critic of Y")
or with a verb ("X joined Y", "X married Y", "Y was sued by X"). The subject
is the party the noun describes, the object the party it is relative to.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

from spacy.tokens import Span, Token

from casegraph.extract.frames.base import Attrs, Frames, Handler, RawClaim, Reading, on
from casegraph.extract.grammar import (
    PARTY,
    agents,
    conjuncts,
    first_child,
    holders,
    is_passive,
    prep_objects,
    relata,
    subject_of,
)
from casegraph.extract.groups import ORG_NOUNS, PEOPLE_NOUNS, group_at, is_group
from casegraph.extract.names import KIN_WORDS, ROLE_WORDS, Found
from casegraph.model import EntityType, Predicate

ORG = {EntityType.ORGANIZATION}
PERSON = {EntityType.PERSON}
TITLE_WORDS = ROLE_WORDS | {
    "general",
    "managing",
    "executive",
    "deputy",
    "senior",
    "junior",
    "adjunct",
    "acting",
    "interim",
    "former",
    "vice",
    "non-executive",
    "principal",
    "technical",
    "financial",
    "commercial",
    "visiting",
    "lead",
    "founding",
}
MEMBER_NOUNS = frozenset(["member", "membership"])
KIN_NOUNS = KIN_WORDS
ASSOCIATE_NOUNS = frozenset(
    [
        "associate",
        "friend",
        "ally",
        "confidant",
        "confidante",
        "crony",
        "protégé",
        "protege",
        "acquaintance",
    ]
)
PARTNER_MODIFIERS = frozenset(
    [
        "business",
        "trading",
        "commercial",
        "longtime",
        "long-time",
        "close",
        "former",
        "junior",
        "senior",
    ]
)
RIVAL_NOUNS = frozenset(
    ["rival", "critic", "opponent", "adversary", "enemy", "foe", "nemesis", "accuser"]
)
ACCUSE_VERBS = frozenset(
    ["sue", "accuse", "criticise", "criticize", "denounce", "condemn", "prosecute"]
)
COMPLAINT_NOUNS = frozenset(
    ["complaint", "lawsuit", "suit", "case", "claim", "action", "petition", "allegation"]
)


STAFF_NOUNS = frozenset(["staff", "employee", "personnel", "worker", "staffer", "workforce"])
"""Nouns that place people on an organisation's payroll (`X were Y staff`, `described as Y employees`)."""
AS_VERBS = frozenset(
    ["describe", "identify", "list", "name", "register", "present", "introduce", "record", "sign"]
)
TIE_NOUNS = frozenset(
    ["collaboration", "cooperation", "co-operation", "partnership", "relationship", "tie", "link"]
)
TIE_WINDOW = 3
"""Sentences back that `the collaboration` looks for the tie it stands for."""


class PeopleFrames(Frames):
    def __init__(self, reading: Reading) -> None:
        super().__init__(reading)
        self.tie: tuple[tuple[Found, Found], int] | None = None
        self.staffed: list[tuple[Found, list[Found], int]] = []

    def triggers(self) -> list[tuple[str, Handler]]:
        return (
            on(ROLE_WORDS, self.role)
            + on(STAFF_NOUNS, self.staff)
            + on(TIE_NOUNS, self.tie_noun)
            + on(MEMBER_NOUNS, self.member_noun)
            + on({"join", "belong"}, self.member_verb)
            + on(KIN_NOUNS, self.kin_noun)
            + on({"marry", "married"}, self.marriage)
            + on(ASSOCIATE_NOUNS | {"partner"}, self.associate_noun)
            + on(RIVAL_NOUNS, self.rival_noun)
            + on(ACCUSE_VERBS, self.accuse_verb)
            + on(COMPLAINT_NOUNS, self.complaint)
        )

    def role(self, role: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, the CEO of Y`, `Y's CEO X`, `X is head of Y's drone department`."""
        if role.lower_ not in ROLE_WORDS or (
            role.dep_ == "compound" and role.head.lower_ in ROLE_WORDS
        ):
            return
        holder = {"appos": role.head, "compound": role.head, "attr": subject_of(role.head)}.get(
            role.dep_
        )
        candidates = [holder] + [c for c in role.children if c.dep_ == "appos"]
        people = [
            p
            for t in candidates
            if t is not None and (p := self.m.at(t)) is not None and p.type is EntityType.PERSON
        ]
        orgs, title = self._role_org(role)
        prefix = " ".join(
            c.text
            for c in role.children
            if c.i < role.i and c.dep_ in {"compound", "amod"} and c.lower_ in TITLE_WORDS
        )
        title = f"{prefix} {title}".strip()
        for person in people:
            for org in orgs:
                yield from self.r.claim(
                    person, Predicate.ROLE_IN, org, sent, (("role", title),), "frame:role"
                )

    def staff(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`the individuals were AEE staff`, `staff of Y`, `described X as employees of Y`,
        `X, described as Y employees`: the people (a person or an unnamed group) work for Y.

        A singular `employee` in apposition or as a predicate is the role frame's.
        """
        if noun.pos_ != "NOUN" or noun.lemma_.lower() not in STAFF_NOUNS:
            return
        if noun.lower_ == "employee" and noun.dep_ in {"appos", "attr", "compound"}:
            return
        holder: Token | None = None
        if noun.dep_ in {"attr", "oprd"}:
            holder = subject_of(noun.head)
        elif noun.dep_ == "pobj" and noun.head.lower_ == "as":
            verb = noun.head.head
            if verb.lemma_.lower() not in AS_VERBS:
                return
            if verb.dep_ == "acl" and verb.tag_ == "VBN":
                # `X, described as Y employees`: the parser may hang the clause on a noun before X
                holder = verb.head if self.m.parties(verb.head, PERSON) else _before_comma(verb)
            else:
                holder = first_child(verb, {"dobj", "nsubjpass"})
        people = self.m.parties(holder, PERSON)
        orgs = [
            p
            for c in noun.children
            if c.dep_ in {"compound", "poss", "nmod"}
            for p in self.m.parties(c, ORG)
        ] or [p for t in prep_objects(noun, {"of", "at", "for"}) for p in self.m.parties(t, ORG)]
        if not people and holder is not None and holder.lower_ == "they":
            people = self._restated(orgs, holder, index)
        attrs = (("role", noun.lemma_.lower()),)
        for person in people:
            if is_group(person):
                self.staffed.append((person, orgs, index))
        yield from self._pairs(people, orgs, Predicate.ROLE_IN, sent, attrs, "frame:staff")

    def _restated(self, orgs: list[Found], pronoun: Token, index: int) -> list[Found]:
        """`... assessed that the Norwegian engineers were staff of X. The paper could not confirm
        they were X staff`: `they` restating the last group said to staff the same organisation in
        this or the sentence before (`they` is otherwise never resolved)."""
        names = {self.r.name(o).casefold() for o in orgs}
        for group, earlier, at in reversed(self.staffed):
            if index - at > 1:
                break
            if names and names & {self.r.name(o).casefold() for o in earlier}:
                return [replace(group, said_as=pronoun.text)]
        return []

    def tie_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`a relationship between X and Y`, `X's collaboration with Y`: an associate tie
        (`relation` is the noun). Either side may be an unnamed group (`Chilean companies`).

        `the collaboration` with no sides of its own stands for the last tie within
        TIE_WINDOW sentences: the claim is said again there, with the sentence's status
        ("the ministry said it was unaware of the collaboration" is a denial).
        """
        if noun.pos_ != "NOUN":
            return
        sides = self._tie_sides(noun)
        attrs: Attrs = (("relation", noun.lemma_.lower()),)
        if len(sides) == 2:
            self.tie = ((sides[0], sides[1]), index)
            yield from self.r.claim(
                sides[0], Predicate.ASSOCIATE, sides[1], sent, attrs, "frame:tie"
            )
            return
        if (
            sides
            or self.tie is None
            or index - self.tie[1] > TIE_WINDOW
            or not any(
                c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in noun.children
            )
            or any(c.dep_ in {"prep", "poss", "compound", "amod"} for c in noun.children)
        ):
            return
        (first, second), _ = self.tie
        phrase = self.r.doc[noun.left_edge.i : noun.i + 1].text
        yield RawClaim(
            replace(first, said_as=phrase),
            Predicate.ASSOCIATE,
            replace(second, said_as=phrase),
            sent.start_char,
            sent.end_char,
            attrs + (("event_ref", phrase),),
            "frame:tie+coref",
        )

    def _tie_sides(self, noun: Token) -> list[Found]:
        """The two sides of a tie: `between X and Y`, `X's ... with Y`, `of X with Y`."""
        tokens = [t for pobj in prep_objects(noun, {"between"}) for t in pobj.subtree]
        if not tokens:
            owners = [c for c in noun.children if c.dep_ == "poss"] + prep_objects(noun, {"of"})
            others = prep_objects(noun, {"with"})
            if not owners or not others:
                return []
            tokens = [t for o in owners + others for t in o.subtree]
        sides: list[Found] = []
        for token in tokens:
            found = self.m.at(token)
            if found is None or found.type not in PARTY:
                found = group_at(self.r.doc, token, ORG_NOUNS, EntityType.ORGANIZATION) or group_at(
                    self.r.doc, token, PEOPLE_NOUNS, EntityType.PERSON
                )
            if found is not None and found.type in PARTY and found not in sides:
                sides.append(found)
        return sides

    def _role_org(self, role: Token) -> tuple[list[Found], str]:
        if role.lower_ == "partner":
            return [
                p for t in prep_objects(role, {"at", "in"}) for p in self.m.parties(t, ORG)
            ], role.text
        for child in role.children:
            if child.dep_ == "poss" and self.m.parties(child, ORG):
                return self.m.parties(child, ORG), role.text
        for pobj in prep_objects(role, {"of", "at"}):
            owner = first_child(pobj, {"poss"})
            if owner is not None and self.m.parties(owner, ORG):
                unit = " ".join(t.text for t in pobj.subtree if t.i > owner.i and t.dep_ != "case")
                return self.m.parties(owner, ORG), f"{role.text} of {unit}".strip()
            if self.m.parties(pobj, ORG):
                return self.m.parties(pobj, ORG), role.text
        for child in role.children:
            if child.dep_ in {"compound", "nmod"} and self.m.parties(child, ORG):
                return self.m.parties(child, ORG), role.text
        return [], role.text

    def _related(
        self, noun: Token, preps: set[str], subjects: set[EntityType], objects: set[EntityType]
    ) -> tuple[list[Found], list[Found]]:
        """Who a relational noun describes and who it is relative to."""
        described = [p for t in holders(noun) for p in self.m.parties(t, subjects)]
        others = [p for t in relata(noun, preps) for p in self.m.parties(t, objects)]
        return described, others

    def _pairs(
        self,
        subjects: list[Found],
        objects: list[Found],
        p: Predicate,
        sent: Span,
        attrs: Attrs,
        how: str,
    ) -> Iterator[RawClaim]:
        for s in subjects:
            for o in objects:
                yield from self.r.claim(s, p, o, sent, attrs, how)

    def _among(
        self, noun: Token, p: Predicate, sent: Span, attrs: Attrs, how: str
    ) -> Iterator[RawClaim]:
        """`X and Y are brothers`: a plural noun over a coordinated subject ties each pair."""
        if noun.dep_ != "attr" or noun.tag_ not in {"NNS", "NNPS"}:
            return
        subject = subject_of(noun.head)
        people = [
            p
            for t in (conjuncts(subject) if subject is not None else [])
            for p in self.m.parties(t, PARTY)
        ]
        for i, first in enumerate(people):
            for other in people[i + 1 :]:
                yield from self.r.claim(first, p, other, sent, attrs, how)

    def member_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, a member of Y`, `X is a member of Y`, `Y member X`, `X's membership of Y`."""
        if noun.pos_ != "NOUN":
            return
        members, groups = self._related(noun, {"of", "in"}, PARTY, ORG)
        if noun.lemma_.lower() == "membership":
            members = [
                p for c in noun.children if c.dep_ == "poss" for p in self.m.parties(c, PARTY)
            ]
            groups = [p for t in prep_objects(noun, {"of", "in"}) for p in self.m.parties(t, ORG)]
        groups += [
            p
            for c in noun.children
            if c.dep_ in {"compound", "nmod"}
            for p in self.m.parties(c, ORG)
        ]
        yield from self._pairs(members, groups, Predicate.MEMBER_OF, sent, (), "frame:member-noun")

    def member_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X joined Y` (or `joined Y as chief engineer`: a role), `X belongs to Y`."""
        if verb.pos_ not in {"VERB", "AUX"}:
            return
        members = self.m.parties(subject_of(verb))
        if verb.lemma_.lower() == "belong":
            groups = [p for t in prep_objects(verb, {"to"}) for p in self.m.parties(t, ORG)]
        else:
            groups = self.m.parties(first_child(verb, {"dobj"}), ORG)
        role = next(iter(prep_objects(verb, {"as"})), None)
        if role is not None and role.lower_ in ROLE_WORDS:
            title = " ".join(
                t.text for t in role.subtree if t.dep_ not in {"det", "punct"} and t.i <= role.i
            )
            yield from self._pairs(
                members, groups, Predicate.ROLE_IN, sent, (("role", title),), "frame:join-as"
            )
            return
        yield from self._pairs(members, groups, Predicate.MEMBER_OF, sent, (), "frame:member-verb")

    def kin_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, the brother of Y`, `Y's wife, X`, `X, son of Y`, `X and Y are brothers`."""
        if noun.pos_ not in {"NOUN", "PROPN"}:
            return
        attrs = (("relation", noun.lemma_.lower()),)
        kin, of = self._related(noun, {"of", "to"}, PERSON, PERSON)
        yield from self._pairs(kin, of, Predicate.FAMILY, sent, attrs, "frame:kin")
        yield from self._among(noun, Predicate.FAMILY, sent, attrs, "frame:kin")

    def marriage(self, token: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X married Y`, `X is married to Y`."""
        if token.pos_ == "ADJ" or (token.tag_ == "VBN" and token.dep_ in {"acomp", "amod"}):
            spouses = [p for t in prep_objects(token, {"to"}) for p in self.m.parties(t, PERSON)]
            partners = self.m.parties(
                subject_of(token.head) if token.dep_ == "acomp" else token.head, PERSON
            )
        elif token.pos_ == "VERB" and not is_passive(token):
            partners = self.m.parties(subject_of(token), PERSON)
            spouses = self.m.parties(first_child(token, {"dobj"}), PERSON)
        else:
            return
        yield from self._pairs(
            partners, spouses, Predicate.FAMILY, sent, (("relation", "spouse"),), "frame:marriage"
        )

    def associate_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, a close associate of Y`, `Y's business partner, X`, `X, a longtime friend of Y`.

        A person is on one side at least: two companies that partner have no predicate of their own.
        """
        if noun.pos_ != "NOUN":
            return
        modifiers = [
            c.lower_ for c in noun.children if c.dep_ in {"amod", "compound"} and c.i < noun.i
        ]
        attrs = (("relation", " ".join([*modifiers, noun.lemma_.lower()])),)
        associates, of = self._related(noun, {"of", "to", "with"}, PARTY, PARTY)
        partner = noun.lemma_.lower() == "partner"
        if partner and not set(modifiers) & PARTNER_MODIFIERS:
            # `his partner` may be a spouse; `the Guptas' partner`, `a partner of X` is a business tie
            of = [p for p in of if not p.said_as]
        if any(p.type is EntityType.PERSON for p in associates + of):
            yield from self._pairs(
                associates, of, Predicate.ASSOCIATE, sent, attrs, "frame:associate"
            )
            yield from self._among(noun, Predicate.ASSOCIATE, sent, attrs, "frame:associate")

    def rival_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, a vocal critic of Y`, `X is a rival of Y`."""
        if noun.pos_ != "NOUN":
            return
        rivals, of = self._related(noun, {"of", "to"}, PARTY, PARTY)
        yield from self._pairs(
            rivals,
            of,
            Predicate.ANTAGONIST,
            sent,
            (("relation", noun.lemma_.lower()),),
            "frame:rival",
        )
        yield from self._among(
            noun, Predicate.ANTAGONIST, sent, (("relation", noun.lemma_.lower()),), "frame:rival"
        )

    def accuse_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X sued Y`, `Y was accused by X of fraud`, `X criticised Y`."""
        if verb.pos_ != "VERB":
            return
        if is_passive(verb):
            actors = [p for t in agents(verb) for p in self.m.actors(t)]
            targets = self.m.parties(
                first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None)
            )
        else:
            actors = self.m.actors(subject_of(verb))
            targets = self.m.parties(first_child(verb, {"dobj"}))
        attrs = (("relation", verb.lemma_.lower()),)
        yield from self._pairs(actors, targets, Predicate.ANTAGONIST, sent, attrs, "frame:accuse")

    def complaint(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X filed a complaint against Y`, `a lawsuit against Y by X`, `X's lawsuit against Y`."""
        if noun.pos_ != "NOUN":
            return
        targets = [p for t in prep_objects(noun, {"against"}) for p in self.m.parties(t)]
        if not targets and noun.head.pos_ == "VERB" and noun.dep_ == "dobj":
            targets = [p for t in prep_objects(noun.head, {"against"}) for p in self.m.parties(t)]
        if not targets:
            return
        actors = [p for t in prep_objects(noun, {"by", "from"}) for p in self.m.actors(t)]
        actors = actors or [p for c in noun.children if c.dep_ == "poss" for p in self.m.parties(c)]
        if not actors and noun.dep_ == "dobj":
            actors = self.m.actors(subject_of(noun.head))
        attrs = (("relation", noun.lemma_.lower()),)
        yield from self._pairs(
            actors, targets, Predicate.ANTAGONIST, sent, attrs, "frame:complaint"
        )


def _before_comma(clause: Token) -> Token | None:
    """The word right before `, described as ...`."""
    i = clause.left_edge.i - 1
    while i >= 0 and clause.doc[i].is_punct:
        i -= 1
    return clause.doc[i] if i >= 0 else None
