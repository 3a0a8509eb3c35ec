"""Trade frames: who supplied, billed or paid whom, for what, through whom.

Active, passive and nominal forms ("X shipped lathes to Y", "the parts were
supplied to Y by X", "X's shipments to Y", "Y took delivery of ..."), and one
piece of discourse: a definite generic theme ("The engines were delivered by
Z") continues the receipt of the sentence before, so an intermediary is
placed between the maker and the recipient.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from casegraph.extract.frames.base import Attrs, Frames, Handler, RawClaim, on
from casegraph.extract.grammar import agents, first_child, is_passive, prep_objects, subject_of
from casegraph.extract.names import Found
from casegraph.model import EntityType, Predicate

SUPPLY_VERBS = frozenset(
    [
        "supply",
        "deliver",
        "ship",
        "sell",
        "send",
        "provide",
        "export",
        "furnish",
        "transfer",
        "resell",
    ]
)
RECEIVE_VERBS = frozenset(
    ["receive", "buy", "purchase", "import", "acquire", "obtain", "order", "procure", "take"]
)
SUPPLY_NOUNS = frozenset(
    ["shipment", "delivery", "supply", "sale", "export", "consignment", "transfer"]
)
BILL_VERBS = frozenset(["bill", "invoice", "charge"])
PAY_VERBS = frozenset(["pay", "wire", "remit"])
MAKE_VERBS = frozenset(["produce", "make", "manufacture", "build", "assemble"])
QUANTITY_NOUNS = frozenset(
    [
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "batch",
        "batches",
        "lot",
        "number",
        "set",
        "pair",
    ]
)
VIA = {"via", "through"}


@dataclass
class Receipt:
    """A receipt whose supplier the sentence did not name, kept for the next sentence."""

    recipients: list[Found]
    makers: list[Found]
    theme: str
    start: int
    attributes: Attrs
    sentence_index: int


class TradeFrames(Frames):
    pending: Receipt | None = None

    def triggers(self) -> list[tuple[str, Handler]]:
        return (
            on(SUPPLY_VERBS, self.supply_verb)
            + on(RECEIVE_VERBS, self.receive_verb)
            + on(SUPPLY_NOUNS, self.supply_noun)
            + on(BILL_VERBS | PAY_VERBS, self.money_verb)
        )

    def sentence(self, sent: Span, index: int) -> Iterator[RawClaim]:
        if self.pending is not None and index - self.pending.sentence_index > 2:
            self.pending = None
        return iter(())

    def _via(self, head: Token) -> Attrs:
        return self.r.listed("via", [p for t in prep_objects(head, VIA) for p in self.m.actors(t)])

    def supply_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if not _is_verb(verb):
            return
        if is_passive(verb):
            suppliers = [p for t in agents(verb) for p in self.m.actors(t)]
            theme = first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None)
        else:
            suppliers = self.m.actors(subject_of(verb))
            theme = first_child(verb, {"dobj"})
        recipients = [p for t in prep_objects(verb, {"to"}) for p in self.m.parties(t)]
        recipients += [p for c in verb.children if c.dep_ == "dative" for p in self.m.parties(c)]
        if theme is not None and not is_passive(verb) and self.m.parties(theme):
            recipients += self.m.parties(theme)
            theme = None
        attrs = (
            self.r.listed("product", self.m.in_subtree(theme, {EntityType.PRODUCT}))
            + goods(theme)
            + self._via(verb)
        )
        if not recipients and theme is not None and self.pending is not None:
            yield from self._continue_receipt(suppliers, theme, sent, attrs)
            return
        for s in suppliers:
            for r in recipients:
                yield from self.r.claim(s, Predicate.SUPPLIES, r, sent, attrs, "frame:supply-verb")

    def _continue_receipt(
        self, suppliers: list[Found], theme: Token, sent: Span, attrs: Attrs
    ) -> Iterator[RawClaim]:
        pending = self.pending
        if pending is None or theme.lemma_.lower() != pending.theme or not suppliers:
            return
        merged = pending.attributes + tuple(a for a in attrs if a not in pending.attributes)
        for s in suppliers:
            for r in pending.recipients:
                yield from self.r.claim(
                    s, Predicate.SUPPLIES, r, sent, merged, "frame:supply-continued", pending.start
                )
            for maker in pending.makers:
                via = merged + (("end_user", ", ".join(self.r.names(pending.recipients))),)
                yield from self.r.claim(
                    maker,
                    Predicate.SUPPLIES,
                    s,
                    sent,
                    via,
                    "frame:maker-to-intermediary",
                    pending.start,
                )
        self.pending = None

    def receive_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if not _is_verb(verb) or (verb.lemma_.lower() == "take" and not _takes_delivery(verb)):
            return
        recipients = self.m.actors(subject_of(verb))
        if is_passive(verb):
            recipients = [p for t in agents(verb) for p in self.m.actors(t)]
        suppliers = [p for t in prep_objects(verb, {"from"}) for p in self.m.parties(t)]
        theme = first_child(verb, {"dobj", "nsubjpass"})
        if theme is not None and theme.lemma_.lower() == "delivery":
            theme = next(iter(prep_objects(theme, {"of"}) + prep_objects(verb, {"of"})), theme)
        theme = counted(theme)
        makers = [
            p
            for sub in verb.subtree
            if sub.lemma_.lower() in MAKE_VERBS and sub.i != verb.i
            for t in prep_objects(sub, {"by"})
            for p in self.m.parties(t)
        ]
        attrs = (
            self.r.listed("product", self.m.in_subtree(theme, {EntityType.PRODUCT}))
            + goods(theme)
            + self._via(verb)
        )
        for s in suppliers:
            for r in recipients:
                yield from self.r.claim(s, Predicate.SUPPLIES, r, sent, attrs, "frame:receive-verb")
        if not suppliers and recipients and makers and theme is not None:
            self.pending = Receipt(
                recipients, makers, theme.lemma_.lower(), sent.start_char, attrs, index
            )

    def supply_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if noun.pos_ != "NOUN":
            return
        recipients = [p for t in prep_objects(noun, {"to"}) for p in self.m.parties(t)]
        suppliers = [p for t in prep_objects(noun, {"from", "by"}) for p in self.m.parties(t)]
        if not recipients:
            return
        if not suppliers:
            suppliers = [s for s in self.m.nominal_agent(noun) if s not in recipients]
        attrs = self.r.listed(
            "product", self.m.in_subtree(sent.root, {EntityType.PRODUCT})
        ) + self._via(noun)
        for s in suppliers:
            for r in recipients:
                yield from self.r.claim(s, Predicate.SUPPLIES, r, sent, attrs, "frame:supply-noun")

    def money_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if not _is_verb(verb):
            return
        predicate = Predicate.BILLS if verb.lemma_.lower() in BILL_VERBS else Predicate.PAYS
        if is_passive(verb):
            payers = [p for t in agents(verb) for p in self.m.parties(t)]
            payees = self.m.parties(first_child(verb, {"nsubjpass"}))
        else:
            payers = self.m.parties(subject_of(verb))
            payees = [
                p
                for c in verb.children
                if c.dep_ in {"dobj", "dative"}
                for p in self.m.parties(c) or self.m.modifiers(c)
            ]
            payees += [p for t in prep_objects(verb, {"to"}) for p in self.m.parties(t)]
        bought = prep_objects(verb, {"for"})
        products = [p for t in bought for p in self.m.in_subtree(t, {EntityType.PRODUCT})]
        attrs = self.r.listed("product", products or self.m.in_subtree(verb, {EntityType.PRODUCT}))
        attrs += () if products or not bought else goods(counted(bought[0]))
        for s in payers:
            for o in payees:
                yield from self.r.claim(
                    s, predicate, o, sent, attrs + self._via(verb), f"frame:{predicate.value}"
                )


def _is_verb(token: Token) -> bool:
    return token.pos_ in {"VERB", "AUX"} or token.tag_.startswith("VB")


def counted(theme: Token | None) -> Token | None:
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
    return dobj is not None and dobj.lemma_.lower() == "delivery"


def goods(theme: Token | None) -> Attrs:
    """The goods as the sentence names them, when they are not a named product."""
    if theme is None or theme.pos_ not in {"NOUN", "PROPN"}:
        return ()
    words = [
        t.text
        for t in theme.subtree
        if t.dep_ not in {"det", "relcl", "acl", "punct"} and t.i <= theme.i
    ]
    return (("goods", " ".join(words)),) if words else ()
