"""Relations between mentions, read off the dependency parse.

Each frame is one predicate's grammar: who is the agent, who the recipient,
in active and passive voice and in nominal form ("shipments to X"). A frame
yields `RawClaim`s over mention spans; the pipeline adds status and evidence.
One piece of discourse is kept: a definite generic theme ("The drones were
supplied by X") continues the receipt named in the sentence before, so an
intermediary is placed between the maker and the recipient.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from casegraph.extract.authorities import canonical_authority
from casegraph.extract.grammar import (
    MentionMap,
    conjuncts,
    first_child,
    is_passive,
    prep_objects,
    subject_of,
)
from casegraph.extract.mentions import ROLE_WORDS, Found, text_of
from casegraph.model import EntityType, Predicate

SUPPLY_VERBS = frozenset(["supply", "deliver", "ship", "sell", "send", "provide", "export", "furnish", "transfer", "resell"])
RECEIVE_VERBS = frozenset(["receive", "buy", "purchase", "import", "acquire", "obtain", "order", "procure"])
SUPPLY_NOUNS = frozenset(
    ["shipment", "delivery", "supply", "sale", "export", "consignment", "transfer"]
)
MAKE_VERBS = frozenset(["produce", "make", "manufacture", "build", "assemble"])
DEVELOP_VERBS = frozenset(["develop", "design", "adapt", "modify", "engineer"])
TEST_WORDS = frozenset(["test"])
BILL_VERBS = frozenset(["bill", "invoice", "charge"])
PAY_VERBS = frozenset(["pay", "wire", "remit"])
SITE_NOUNS = frozenset(
    ["facility", "facilities", "plant", "factory", "office", "offices", "headquarters", "site", "base", "warehouse", "premises", "workshop"]
)
TRAVEL_VERBS = frozenset(["fly", "travel", "journey"])
OWNED_NOUNS = frozenset(["subsidiary", "affiliate", "division", "unit"])
PLACE_HEADS = frozenset(["city", "town", "region", "province", "district", "village", "oblast", "republic"])


@dataclass(frozen=True)
class RawClaim:
    subject: Found
    predicate: Predicate
    object: Found
    start: int
    end: int
    attributes: tuple[tuple[str, str], ...] = ()
    extractor: str = ""


@dataclass
class Receipt:
    """A receipt whose supplier the sentence did not name, kept for the next sentence."""

    recipients: list[Found]
    makers: list[Found]
    theme: str
    start: int
    attributes: tuple[tuple[str, str], ...]
    sentence_index: int


def _products(found: list[Found], doc: Doc) -> tuple[tuple[str, str], ...]:
    names = sorted({text_of(doc)[p.start : p.end] for p in found})
    return (("product", ", ".join(names)),) if names else ()


class FrameReader:
    """Reads every frame of one sentence; keeps the one receipt that may continue."""

    def __init__(self, doc: Doc, mentions: MentionMap) -> None:
        self.doc = doc
        self.m = mentions
        self.pending: Receipt | None = None

    def read(self, sent: Span, index: int) -> Iterator[RawClaim]:
        if self.pending is not None and index - self.pending.sentence_index > 2:
            self.pending = None
        for token in sent:
            lemma = token.lemma_.lower()
            if token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB"):
                if lemma in SUPPLY_VERBS:
                    yield from self.supply_verb(token, sent, index)
                elif lemma in RECEIVE_VERBS or _takes_delivery(token):
                    yield from self.receive_verb(token, sent, index)
                elif lemma in MAKE_VERBS | DEVELOP_VERBS:
                    yield from self.make_verb(token, sent, lemma)
                elif lemma in BILL_VERBS | PAY_VERBS:
                    yield from self.money_verb(token, sent, lemma)
                elif lemma in TEST_WORDS:
                    yield from self.test_frame(token, sent)
                elif lemma in TRAVEL_VERBS:
                    yield from self.travel(token, sent)
            if token.pos_ == "NOUN":
                if lemma in SUPPLY_NOUNS:
                    yield from self.supply_noun(token, sent)
                elif lemma in TEST_WORDS:
                    yield from self.test_frame(token, sent)
            if lemma == "sanction":
                yield from self.sanction(token, sent)
            if token.lower_ in ROLE_WORDS:
                yield from self.role(token, sent)
            if lemma in OWNED_NOUNS and token.pos_ == "NOUN":
                yield from self.owned(token, sent)
        yield from self.located(sent)

    def _claim(
        self, s: Found, p: Predicate, o: Found, sent: Span, attrs: tuple[tuple[str, str], ...], how: str,
        start: int | None = None,
    ) -> Iterator[RawClaim]:
        if s != o and text_of(self.doc)[s.start : s.end] != text_of(self.doc)[o.start : o.end]:
            yield RawClaim(s, p, o, sent.start_char if start is None else start, sent.end_char, attrs, how)

    def supply_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if is_passive(verb):
            suppliers = [p for t in prep_objects(verb, {"by"}) for p in self.m.parties(t)]
            theme = first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None)
        else:
            suppliers = self.m.parties(subject_of(verb))
            theme = first_child(verb, {"dobj"})
        recipients = [p for t in prep_objects(verb, {"to"}) for p in self.m.parties(t)]
        recipients += [p for c in verb.children if c.dep_ == "dative" for p in self.m.parties(c)]
        if theme is not None and not is_passive(verb) and self.m.parties(theme):
            recipients += self.m.parties(theme)
            theme = None
        products = self.m.in_subtree(theme, {EntityType.PRODUCT})
        attrs = _products(products, self.doc) + _goods(theme)
        if not recipients and theme is not None and self.pending is not None:
            yield from self._continue_receipt(suppliers, theme, sent, attrs)
            return
        for s in suppliers:
            for r in recipients:
                yield from self._claim(s, Predicate.SUPPLIES, r, sent, attrs, "frame:supply-verb")

    def _continue_receipt(
        self, suppliers: list[Found], theme: Token, sent: Span, attrs: tuple[tuple[str, str], ...]
    ) -> Iterator[RawClaim]:
        pending = self.pending
        if pending is None or theme.lemma_.lower() != pending.theme or not suppliers:
            return
        merged = pending.attributes + tuple(a for a in attrs if a not in pending.attributes)
        for s in suppliers:
            for r in pending.recipients:
                yield from self._claim(s, Predicate.SUPPLIES, r, sent, merged, "frame:supply-continued", pending.start)
            for maker in pending.makers:
                via = merged + (("end_user", ", ".join(self._names(pending.recipients))),)
                yield from self._claim(maker, Predicate.SUPPLIES, s, sent, via, "frame:maker-to-intermediary", pending.start)
        self.pending = None

    def _names(self, found: list[Found]) -> list[str]:
        return [text_of(self.doc)[f.start : f.end] for f in found]

    def receive_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        recipients = self.m.parties(subject_of(verb))
        if is_passive(verb):
            recipients = [p for t in prep_objects(verb, {"by"}) for p in self.m.parties(t)]
        suppliers = [p for t in prep_objects(verb, {"from"}) for p in self.m.parties(t)]
        theme = first_child(verb, {"dobj", "nsubjpass"})
        if theme is not None and theme.lemma_.lower() == "delivery":
            theme = next(iter(prep_objects(theme, {"of"}) + prep_objects(verb, {"of"})), theme)
        theme = _counted(theme)
        makers = [
            p
            for sub in verb.subtree
            if sub.lemma_.lower() in MAKE_VERBS and sub is not verb
            for t in prep_objects(sub, {"by"})
            for p in self.m.parties(t)
        ]
        attrs = _products(self.m.in_subtree(theme, {EntityType.PRODUCT}), self.doc) + _goods(theme)
        for s in suppliers:
            for r in recipients:
                yield from self._claim(s, Predicate.SUPPLIES, r, sent, attrs, "frame:receive-verb")
        if not suppliers and recipients and makers and theme is not None:
            self.pending = Receipt(recipients, makers, theme.lemma_.lower(), sent.start_char, attrs, index)

    def supply_noun(self, noun: Token, sent: Span) -> Iterator[RawClaim]:
        recipients = [p for t in prep_objects(noun, {"to"}) for p in self.m.parties(t)]
        suppliers = [p for t in prep_objects(noun, {"from", "by"}) for p in self.m.parties(t)]
        if not recipients:
            return
        if not suppliers:
            suppliers = [s for s in self.m.nominal_agent(noun) if s not in recipients]
        products = self.m.in_subtree(sent.root, {EntityType.PRODUCT})
        for s in suppliers:
            for r in recipients:
                yield from self._claim(s, Predicate.SUPPLIES, r, sent, _products(products, self.doc), "frame:supply-noun")

    def make_verb(self, verb: Token, sent: Span, lemma: str) -> Iterator[RawClaim]:
        predicate = Predicate.MANUFACTURES if lemma in MAKE_VERBS else Predicate.DEVELOPS
        if is_passive(verb):
            makers = [p for t in prep_objects(verb, {"by"}) for p in self.m.parties(t)]
            theme = first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None)
            products = self._products_outside(theme, verb)
        else:
            makers = self.m.parties(subject_of(verb))
            products = self.m.in_subtree(first_child(verb, {"dobj"}), {EntityType.PRODUCT})
        places = [p for t in prep_objects(verb, {"in"}) for p in self.m.parties(t, {EntityType.PLACE})]
        attrs = (("place", ", ".join(self._names(places))),) if places else ()
        for maker in makers:
            for product in products:
                yield from self._claim(maker, predicate, product, sent, attrs, f"frame:{predicate.value}")

    def _products_outside(self, theme: Token | None, clause: Token) -> list[Found]:
        if theme is None:
            return []
        inside = {t.i for t in clause.subtree}
        return [
            p
            for t in theme.subtree
            if t.i not in inside and (p := self.m.at(t)) is not None and p.type is EntityType.PRODUCT
        ]

    def money_verb(self, verb: Token, sent: Span, lemma: str) -> Iterator[RawClaim]:
        predicate = Predicate.BILLS if lemma in BILL_VERBS else Predicate.PAYS
        if is_passive(verb):
            payers = [p for t in prep_objects(verb, {"by"}) for p in self.m.parties(t)]
            payees = self.m.parties(first_child(verb, {"nsubjpass"}))
        else:
            payers = self.m.parties(subject_of(verb))
            payees = [p for c in verb.children if c.dep_ in {"dobj", "dative"} for p in self.m.parties(c) or self.m.modifiers(c)]
            payees += [p for t in prep_objects(verb, {"to"}) for p in self.m.parties(t)]
        goods = [p for t in prep_objects(verb, {"for"}) for p in self.m.in_subtree(t, {EntityType.PRODUCT})]
        goods = goods or self.m.in_subtree(verb, {EntityType.PRODUCT})
        for s in payers:
            for o in payees:
                yield from self._claim(s, predicate, o, sent, _products(goods, self.doc), f"frame:{predicate.value}")

    def test_frame(self, token: Token, sent: Span) -> Iterator[RawClaim]:
        if token.pos_ == "VERB":
            testers = self.m.parties(subject_of(token))
            products = self.m.in_subtree(first_child(token, {"dobj"}), {EntityType.PRODUCT})
        else:
            testers = self.m.nominal_agent(token)
            products = [p for t in prep_objects(token, {"of"}) for p in self.m.in_subtree(t, {EntityType.PRODUCT})]
        places = [p for p in self.m.in_subtree(token.head if token.pos_ == "NOUN" else token, {EntityType.PLACE})]
        attrs = (("place", text_of(self.doc)[places[0].start : places[0].end]),) if places else ()
        for tester in testers:
            for product in products:
                yield from self._claim(tester, Predicate.TESTS, product, sent, attrs, "frame:tests")

    def sanction(self, token: Token, sent: Span) -> Iterator[RawClaim]:
        authorities = self._authorities(token)
        if token.pos_ == "VERB" and is_passive(token):
            targets = self.m.parties(first_child(token, {"nsubjpass"}) or (token.head if token.dep_ == "acl" else None))
            authorities += [a for t in prep_objects(token, {"by"}) for a in self._authority_phrase(t)]
        elif token.pos_ == "VERB":
            targets = self.m.parties(first_child(token, {"dobj"}))
            authorities += self._authority_phrase(subject_of(token))
        else:
            targets = self._sanction_target(token)
        for target in targets:
            for authority in authorities:
                yield from self._claim(target, Predicate.SANCTIONED_BY, authority, sent, (), "frame:sanction")

    def _authorities(self, token: Token) -> list[Found]:
        found: list[Found] = []
        for child in token.children:
            if child.dep_ in {"compound", "nmod", "amod", "npadvmod"}:
                found += self._authority_phrase(child)
        return found

    def _authority_phrase(self, token: Token | None) -> list[Found]:
        if token is None:
            return []
        found = []
        for head in conjuncts(token):
            item = self.m.at(head)
            start, end = (item.start, item.end) if item else (head.idx, head.idx + len(head.text))
            if canonical_authority(text_of(self.doc)[start:end]) is not None:
                found.append(Found(start, end, EntityType.AUTHORITY, "cue:authority", 4))
        return found

    def _sanction_target(self, noun: Token) -> list[Found]:
        """`X, which is under US sanctions` / `X is under sanctions` / `sanctions on X`."""
        on = [p for t in prep_objects(noun, {"on", "against"}) for p in self.m.parties(t)]
        if on:
            return on
        current = noun.head
        for _ in range(3):
            if current.pos_ in {"VERB", "AUX"}:
                subject = subject_of(current)
                return self.m.parties(subject)
            current = current.head
        return []

    def role(self, role: Token, sent: Span) -> Iterator[RawClaim]:
        if role.dep_ == "compound" and role.head.lower_ in ROLE_WORDS:
            return
        holder = {"appos": role.head, "compound": role.head, "attr": subject_of(role.head)}.get(role.dep_)
        candidates = [holder] + [c for c in role.children if c.dep_ == "appos"]
        people = [p for t in candidates if t is not None and (p := self.m.at(t)) is not None and p.type is EntityType.PERSON]
        orgs, title = self._role_org(role)
        prefix = " ".join(c.text for c in role.children if c.dep_ in {"compound", "amod"} and c.lower_ in ROLE_WORDS | {"general", "managing", "executive", "deputy", "senior"})
        title = f"{prefix} {title}".strip()
        for person in people:
            for org in orgs:
                yield from self._claim(person, Predicate.ROLE_IN, org, sent, (("role", title),), "frame:role")

    def _role_org(self, role: Token) -> tuple[list[Found], str]:
        org_types = {EntityType.ORGANIZATION}
        for child in role.children:
            if child.dep_ == "poss" and self.m.parties(child, org_types):
                return self.m.parties(child, org_types), role.text
        for pobj in prep_objects(role, {"of", "at"}):
            owner = first_child(pobj, {"poss"})
            if owner is not None and self.m.parties(owner, org_types):
                unit = " ".join(t.text for t in pobj.subtree if t.i > owner.i and t.dep_ != "case")
                return self.m.parties(owner, org_types), f"{role.text} of {unit}".strip()
            if self.m.parties(pobj, org_types):
                return self.m.parties(pobj, org_types), role.text
        for child in role.children:
            if child.dep_ in {"compound", "nmod"} and self.m.parties(child, org_types):
                return self.m.parties(child, org_types), role.text
        return [], role.text

    def travel(self, verb: Token, sent: Span) -> Iterator[RawClaim]:
        """`A and B flew out of X`: people who travelled together."""
        people = self.m.in_subtree(subject_of(verb), {EntityType.PERSON})
        places = self.m.in_subtree(verb, {EntityType.PLACE})
        attrs = (("place", text_of(self.doc)[places[0].start : places[0].end]),) if places else ()
        for i, first in enumerate(people):
            for other in people[i + 1 :]:
                yield from self._claim(first, Predicate.TRAVELS_WITH, other, sent, attrs, "frame:travel")

    def owned(self, noun: Token, sent: Span) -> Iterator[RawClaim]:
        """`X, a subsidiary of Y` and `Y's subsidiary X`: Y owns X."""
        org = {EntityType.ORGANIZATION}
        owners = [p for t in prep_objects(noun, {"of"}) for p in self.m.parties(t, org)]
        owners += [p for c in noun.children if c.dep_ == "poss" for p in self.m.parties(c, org)]
        owned = self.m.parties(noun.head, org) if noun.dep_ == "appos" else []
        owned += [p for c in noun.children if c.dep_ == "appos" for p in self.m.parties(c, org)]
        for owner in owners:
            for child in owned:
                yield from self._claim(owner, Predicate.OWNS, child, sent, (), "frame:owns")

    def located(self, sent: Span) -> Iterator[RawClaim]:
        """`X's facilities in the city of Y`, `X, based in Y`, `X in Y`."""
        seen: set[tuple[int, int]] = set()
        for token in sent:
            place = self.m.at(token)
            if place is None or place.type is not EntityType.PLACE or (place.start, place.end) in seen:
                continue
            seen.add((place.start, place.end))
            for org in self._located_owner(token):
                yield from self._claim(org, Predicate.LOCATED_IN, place, sent, (), "frame:located")

    def _site_owner(self, site: Token) -> list[Found]:
        """`X's facilities`, `X facilities`, `the facilities of X`."""
        org = {EntityType.ORGANIZATION}
        return self.m.modifiers(site) or [p for t in prep_objects(site, {"of"}) for p in self.m.parties(t, org)]

    def _located_owner(self, token: Token) -> list[Found]:
        current = token
        for _ in range(4):
            if current.dep_ != "pobj" or current.head.lower_ not in {"in", "of", "at"}:
                return []
            holder = current.head.head
            if holder.lemma_.lower() in PLACE_HEADS and current.head.lower_ == "of":
                current = holder
                continue
            if holder.lemma_.lower() == "base" or self.m.parties(holder, {EntityType.ORGANIZATION}):
                target = holder.head if holder.lemma_.lower() == "base" else holder
                return self.m.parties(target, {EntityType.ORGANIZATION})
            if holder.lemma_.lower() in SITE_NOUNS:
                return self._site_owner(holder)
            if holder.dep_ == "appos" and self.m.parties(holder.head, {EntityType.ORGANIZATION}):
                return self.m.parties(holder.head, {EntityType.ORGANIZATION})
            site = first_child(holder, {"dobj"}) if holder.pos_ == "VERB" else None
            if site is not None and site.lemma_.lower() in SITE_NOUNS:
                return self._site_owner(site)
            return []
        return []


QUANTITY_NOUNS = frozenset(["dozen", "dozens", "hundred", "hundreds", "thousand", "thousands", "batch", "batches", "lot", "number", "set", "pair"])


def _counted(theme: Token | None) -> Token | None:
    """`dozens of engines` -> `engines`: the goods, not the count."""
    while theme is not None and (theme.lemma_.lower() in QUANTITY_NOUNS or theme.pos_ == "NUM"):
        inner = prep_objects(theme, {"of"})
        if not inner:
            break
        theme = inner[0]
    return theme


def _takes_delivery(verb: Token) -> bool:
    """`took delivery of`: a receipt phrased with a light verb."""
    dobj = first_child(verb, {"dobj"})
    return verb.lemma_.lower() == "take" and dobj is not None and dobj.lemma_.lower() == "delivery"


def _goods(theme: Token | None) -> tuple[tuple[str, str], ...]:
    """The goods as the sentence names them, when they are not a named product."""
    if theme is None or theme.pos_ not in {"NOUN", "PROPN"}:
        return ()
    words = [t.text for t in theme.subtree if t.dep_ not in {"det", "relcl", "acl", "punct"} and t.i <= theme.i]
    return (("goods", " ".join(words)),) if words else ()
