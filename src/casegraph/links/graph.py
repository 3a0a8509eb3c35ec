"""One typed link per pair of parties in the graph, read from every sentence of their claims.

A claim's own `link_type` comes from its predicate (`supplies` is BUSINESS);
this is the classifier's reading of everything said about the pair, which
also types pairs whose claims disagree or say little ("met", "travelled with").
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from casegraph.links.classifier import LinkClassifier
from casegraph.links.features import LinkExample
from casegraph.model import LinkType


@dataclass(frozen=True)
class ClaimSentence:
    """A claim between two entities and the sentence that states it."""

    claim_id: str
    subject: str
    object: str
    quote: str


@dataclass(frozen=True)
class TypedLink:
    """The link type of an unordered pair of entities; `source` is the subject of its first claim."""

    source: str
    target: str
    link_type: LinkType
    probability: float
    explanation: str
    sentences: int
    claim_ids: tuple[str, ...]


def type_links(
    claims: Sequence[ClaimSentence], names: Mapping[str, Sequence[str]], classifier: LinkClassifier
) -> list[TypedLink]:
    """A link for each pair that shares a claim, in the order of the pairs' first claims.

    `names` gives each entity's name and aliases: the classifier reads the pair
    under the names each sentence actually uses.
    """
    pairs: dict[frozenset[str], list[ClaimSentence]] = {}
    for claim in claims:
        if claim.subject != claim.object:
            pairs.setdefault(frozenset((claim.subject, claim.object)), []).append(claim)
    examples = {key: _examples(group, names) for key, group in pairs.items()}
    features = iter(classifier.features([e for group in examples.values() for e in group]))
    links = []
    for key, group in pairs.items():
        prediction = classifier.decide([next(features) for _ in examples[key]])
        first = group[0]
        links.append(
            TypedLink(
                first.subject,
                first.object,
                prediction.link_type,
                prediction.probability,
                prediction.explanation,
                len(examples[key]),
                tuple(dict.fromkeys(c.claim_id for c in group)),
            )
        )
    return links


def _examples(
    group: Sequence[ClaimSentence], names: Mapping[str, Sequence[str]]
) -> list[LinkExample]:
    """One example per distinct sentence, each entity under the name that sentence uses."""
    first = group[0]
    quotes = dict.fromkeys(c.quote for c in group)
    return [
        LinkExample(
            quote,
            written(quote, names.get(first.subject, ())),
            written(quote, names.get(first.object, ())),
        )
        for quote in quotes
    ]


def written(sentence: str, names: Sequence[str]) -> str:
    """The longest of an entity's names that the sentence contains, else its first name."""
    for name in sorted(names, key=len, reverse=True):
        if name and re.search(rf"(?<!\w){re.escape(name)}(?!\w)", sentence, re.IGNORECASE):
            return name
    return names[0] if names else ""
