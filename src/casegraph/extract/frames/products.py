"""Product frames: who makes, develops or tests a product, and which product copies which.

"X produced the ZR-40", "drones made by X", "X, the maker of the ZR-40",
"the KX-9, modelled on the ZR-40", "the Vega-7 is a version of the KX-9".
One piece of discourse: a maker of an unnamed class ("drones produced by X")
is the maker of the named products of that class that the next sentences
deliver ("the A1 and B2 drones"), unless another maker is named for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from casegraph.extract.frames.base import Frames, Handler, RawClaim, Reading, on
from casegraph.extract.frames.trade import MAKE_VERBS, RECEIVE_VERBS, SUPPLY_NOUNS, SUPPLY_VERBS
from casegraph.extract.grammar import (
    agents,
    first_child,
    holders,
    is_passive,
    prep_objects,
    relata,
    subject_of,
)
from casegraph.extract.names import PRODUCT_NOUNS, Found
from casegraph.model import EntityType, Predicate

DEVELOP_VERBS = frozenset(["develop", "design", "adapt", "modify", "engineer", "create"])
MAKER_NOUNS = frozenset(["maker", "manufacturer", "producer"])
TEST_WORDS = frozenset(["test"])
VARIANT_VERBS = {
    "model": {"on", "after", "upon"},
    "base": {"on", "upon"},
    "derive": {"from"},
    "copy": {"from"},
    "pattern": {"on", "after"},
}
VARIANT_NOUNS = frozenset(
    [
        "version",
        "copy",
        "variant",
        "derivative",
        "clone",
        "replica",
        "modification",
        "adaptation",
        "upgrade",
        "knockoff",
        "knock-off",
    ]
)
TRADE_WORDS = SUPPLY_VERBS | RECEIVE_VERBS | SUPPLY_NOUNS | {"order", "list", "invoice", "bill"}
PRODUCT = {EntityType.PRODUCT}
CONTINUES = 3


@dataclass(frozen=True)
class ClassMaker:
    """Makers of a class of products the sentence did not name (`drones produced by X`)."""

    makers: tuple[Found, ...]
    lemma: str
    start: int  # where the class is named: the quote starts there, not at an earlier date or attribution
    sentence_index: int


class ProductFrames(Frames):
    pending: ClassMaker | None = None

    def __init__(self, reading: Reading) -> None:
        super().__init__(reading)
        self.made: set[str] = set()

    def triggers(self) -> list[tuple[str, Handler]]:
        return (
            on(MAKE_VERBS | DEVELOP_VERBS, self.make_verb)
            + on(MAKER_NOUNS, self.maker_noun)
            + on(TEST_WORDS, self.test_frame)
            + on(VARIANT_VERBS, self.variant_verb)
            + on(VARIANT_NOUNS, self.variant_noun)
        )

    def make_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if verb.pos_ not in {"VERB", "AUX"} and not verb.tag_.startswith("VB"):
            return
        lemma = verb.lemma_.lower()
        predicate = Predicate.MANUFACTURES if lemma in MAKE_VERBS else Predicate.DEVELOPS
        if is_passive(verb):
            makers = [p for t in agents(verb) for p in self.m.actors(t)]
            theme = first_child(verb, {"nsubjpass"}) or (verb.head if verb.dep_ == "acl" else None)
            if theme is not None and theme.lower_ in {"which", "that"} and verb.dep_ == "relcl":
                theme = verb.head
            products = self._products_outside(theme, verb)
        else:
            makers = self.m.actors(subject_of(verb))
            theme = first_child(verb, {"dobj"})
            products = self._own_products(theme)
        places = [
            p for t in prep_objects(verb, {"in"}) for p in self.m.parties(t, {EntityType.PLACE})
        ]
        attrs = self.r.listed("place", places)
        self.made.update(self.r.names(products) if makers else ())
        for maker in makers:
            for product in products:
                yield from self.r.claim(
                    maker, predicate, product, sent, attrs, f"frame:{predicate.value}"
                )
        if makers and not products and predicate is Predicate.MANUFACTURES:
            self._remember_class(makers, theme, index)

    def _remember_class(self, makers: list[Found], theme: Token | None, index: int) -> None:
        """`drones produced by X`: a plural product noun and no name; the next sentences may name them."""
        if theme is not None and theme.lemma_.lower() in PRODUCT_NOUNS and theme.tag_ == "NNS":
            self.pending = ClassMaker(
                tuple(makers), theme.lemma_.lower(), theme.left_edge.idx, index
            )

    def _own_products(self, theme: Token | None) -> list[Found]:
        """Products a phrase names, not those it compares them to (`the Falx-2, a version of the Falx-1`)."""
        if theme is None:
            return []
        found: list[Found] = []
        for token in theme.subtree:
            item = self.m.at(token)
            if item is None or item.type is not EntityType.PRODUCT or item in found:
                continue
            path = {a.i for a in token.ancestors}
            if not any(
                t.i in path and t.lemma_.lower() in VARIANT_NOUNS | set(VARIANT_VERBS)
                for t in theme.subtree
            ):
                found.append(item)
        return found

    def _products_outside(self, theme: Token | None, clause: Token) -> list[Found]:
        if theme is None:
            return []
        inside = {t.i for t in clause.subtree}
        return [
            p
            for t in theme.subtree
            if t.i not in inside
            and (p := self.m.at(t)) is not None
            and p.type is EntityType.PRODUCT
        ]

    def maker_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`X, the maker of the ZR-40` and `ZR-40 maker X`."""
        if noun.pos_ != "NOUN":
            return
        makers = [p for t in holders(noun) for p in self.m.parties(t, {EntityType.ORGANIZATION})]
        products = [p for t in prep_objects(noun, {"of"}) for p in self.m.in_subtree(t, PRODUCT)]
        products += [
            p
            for c in noun.children
            if c.dep_ in {"compound", "nmod"}
            for p in self.m.parties(c, PRODUCT)
        ]
        self.made.update(self.r.names(products) if makers else ())
        for maker in makers:
            for product in products:
                yield from self.r.claim(
                    maker, Predicate.MANUFACTURES, product, sent, (), "frame:maker-noun"
                )

    def test_frame(self, token: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        if token.pos_ == "VERB":
            testers = self.m.actors(subject_of(token))
            products = self.m.in_subtree(first_child(token, {"dobj"}), PRODUCT)
        elif token.pos_ == "NOUN":
            testers = self.m.nominal_agent(token)
            products = [
                p for t in prep_objects(token, {"of"}) for p in self.m.in_subtree(t, PRODUCT)
            ]
        else:
            return
        places = self.m.in_subtree(
            token.head if token.pos_ == "NOUN" else token, {EntityType.PLACE}
        )
        attrs = self.r.listed("place", places[:1])
        for tester in testers:
            for product in products:
                yield from self.r.claim(
                    tester, Predicate.TESTS, product, sent, attrs, "frame:tests"
                )

    def variant_verb(self, verb: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`the KX-9, modelled on the ZR-40`, `the Falx-2 was derived from the Falx-1`."""
        preps = VARIANT_VERBS.get(verb.lemma_.lower(), set())
        originals = [p for t in prep_objects(verb, preps) for p in self.m.in_subtree(t, PRODUCT)][
            :1
        ]
        subject = first_child(verb, {"nsubjpass", "nsubj"})
        if (
            subject is None
            or (subject.lower_ in {"which", "that"} and verb.dep_ == "relcl")
            or verb.dep_ in {"acl", "amod"}
        ):
            subject = verb.head if verb.dep_ in {"acl", "relcl", "amod"} else subject
        derived = self.m.parties(subject, PRODUCT)
        yield from self._variants(derived, originals, sent, "frame:variant-verb")

    def variant_noun(self, noun: Token, sent: Span, index: int) -> Iterator[RawClaim]:
        """`the Vega-7, a version of the KX-9`, `the ZR-40 is a copy of the Kamsin-2 drone`."""
        if noun.pos_ not in {"NOUN", "PROPN"}:
            return
        derived = [p for t in holders(noun) for p in self.m.parties(t, PRODUCT)]
        originals = [p for t in relata(noun, {"of"}) for p in self.m.in_subtree(t, PRODUCT)]
        if derived and not originals:
            originals = [
                p
                for t in noun.subtree
                if t.i > noun.i and (p := self.m.at(t)) is not None and p.type is EntityType.PRODUCT
            ]
        yield from self._variants(derived, originals[:1], sent, "frame:variant-noun")

    def _variants(
        self, derived: list[Found], originals: list[Found], sent: Span, how: str
    ) -> Iterator[RawClaim]:
        for product in derived:
            for original in originals:
                yield from self.r.claim(product, Predicate.VARIANT_OF, original, sent, (), how)

    def sentence(self, sent: Span, index: int) -> Iterator[RawClaim]:
        """Named products of a class whose maker an earlier sentence gave, in a delivery record."""
        pending = self.pending
        if pending is None:
            return
        if index - pending.sentence_index > CONTINUES:
            self.pending = None
            return
        lemmas = {t.lemma_.lower() for t in sent}
        if not lemmas & TRADE_WORDS or lemmas & (
            MAKE_VERBS | DEVELOP_VERBS | MAKER_NOUNS | VARIANT_NOUNS | set(VARIANT_VERBS)
        ):
            return
        named = [
            p
            for t in sent
            if t.lemma_.lower() == pending.lemma and t.pos_ == "NOUN"
            for p in self.m.in_subtree(t, PRODUCT)
            if self.r.name(p) not in self.made
        ]
        for maker in pending.makers:
            for product in named:
                yield from self.r.claim(
                    maker,
                    Predicate.MANUFACTURES,
                    product,
                    sent,
                    (),
                    "frame:maker-of-class",
                    pending.start,
                )
