"""Typing the graph's pairs from the sentences of their claims."""

from __future__ import annotations

from casegraph.links.classifier import default_classifier
from casegraph.links.graph import ClaimSentence, type_links, written
from casegraph.model import LinkType

NAMES = {
    "e-roe": ("Jane Roe", "Roe"),
    "e-acme": ("Acme Holdings Ltd", "Acme Holdings"),
    "e-varna": ("Varna",),
    "e-bg": ("Bulgaria",),
}
CEO = "Jane Roe, the chief executive of Acme Holdings, resigned on Monday."


def test_one_link_per_unordered_pair_with_its_claims_and_distinct_sentences() -> None:
    claims = [
        ClaimSentence("c1", "e-roe", "e-acme", CEO),
        ClaimSentence("c2", "e-acme", "e-roe", CEO),
        ClaimSentence("c3", "e-roe", "e-acme", "Roe left Acme Holdings in May."),
        ClaimSentence("c4", "e-varna", "e-bg", "Varna is a port city in Bulgaria."),
        ClaimSentence("c5", "e-bg", "e-bg", "Bulgaria is Bulgaria."),
    ]
    links = type_links(claims, NAMES, default_classifier())
    assert [(k.source, k.target, k.claim_ids, k.sentences) for k in links] == [
        ("e-roe", "e-acme", ("c1", "c2", "c3"), 2),
        ("e-varna", "e-bg", ("c4",), 1),
    ]
    assert links[0].link_type in {LinkType.MANAGER, LinkType.EMPLOYEE}
    assert links[1].link_type is LinkType.WITHIN
    assert all(k.explanation and 0 < k.probability <= 1 for k in links)


def test_no_claims_no_links() -> None:
    assert type_links([], NAMES, default_classifier()) == []


def test_a_sentence_is_read_under_the_name_it_uses() -> None:
    assert written("Roe left Acme Holdings in May.", NAMES["e-acme"]) == "Acme Holdings"
    assert written("Roe left in May.", NAMES["e-roe"]) == "Roe"
    assert written("Nobody is named here.", NAMES["e-roe"]) == "Jane Roe"
