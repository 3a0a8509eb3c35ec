"""What every frame shares: the raw claim it yields and its view of the document.

A frame family subclasses `Frames`: `triggers` maps the words that open a
frame (lemmas or lower-case forms) to a reader of the sentence around that
word; `sentence` reads what needs the whole sentence (or remembers discourse
for the next one).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from casegraph.extract.grammar import MentionMap
from casegraph.extract.names import Found, text_of
from casegraph.model import Predicate

Attrs = tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class RawClaim:
    """A relation between two mention spans, before status and evidence are added."""

    subject: Found
    predicate: Predicate
    object: Found
    start: int
    end: int
    attributes: Attrs = ()
    extractor: str = ""


Handler = Callable[[Token, Span, int], Iterable[RawClaim]]


class Reading:
    """One parsed document and the mentions each token stands for."""

    def __init__(self, doc: Doc, mentions: MentionMap) -> None:
        self.doc = doc
        self.m = mentions
        self.text = text_of(doc)

    def name(self, found: Found) -> str:
        return self.text[found.start : found.end]

    def names(self, found: Iterable[Found]) -> list[str]:
        return [self.name(f) for f in found]

    def listed(self, key: str, found: Iterable[Found]) -> Attrs:
        """One attribute naming the mentions, sorted and joined: `product: A1, B2`."""
        names = sorted(set(self.names(found)))
        return ((key, ", ".join(names)),) if names else ()

    def claim(
        self,
        s: Found,
        p: Predicate,
        o: Found,
        sent: Span,
        attrs: Attrs,
        how: str,
        start: int | None = None,
    ) -> Iterator[RawClaim]:
        """A claim over the sentence (or from `start`), never between a name and itself.

        A party named by a description or a pronoun keeps the phrase the quote uses.
        """
        if s == o or self.name(s) == self.name(o):
            return
        refs = tuple(
            (f"{role}_ref", f.said_as) for role, f in (("subject", s), ("object", o)) if f.said_as
        )
        begin = sent.start_char if start is None else start
        yield RawClaim(
            s, p, o, begin, sent.end_char, attrs + refs, how + ("+coref" if refs else "")
        )


class Frames:
    """A family of frames over one document."""

    def __init__(self, reading: Reading) -> None:
        self.r = reading
        self.m = reading.m

    def triggers(self) -> list[tuple[str, Handler]]:
        return []

    def sentence(self, sent: Span, index: int) -> Iterator[RawClaim]:
        return iter(())


def on(words: Iterable[str], handler: Handler) -> list[tuple[str, Handler]]:
    """The same handler under every word of a lexicon."""
    return [(word, handler) for word in sorted(words)]
