"""The export's `links`: one classifier-typed link per pair of entities sharing a claim."""

from __future__ import annotations

from typing import Any

from casegraph.model import LinkType


def test_every_pair_sharing_a_claim_has_one_link(seed_export: dict[str, Any]) -> None:
    links = seed_export["links"]
    pairs = {frozenset((c["subject"], c["object"])) for c in seed_export["claims"]}
    assert len(links) == len(pairs) > 5
    assert {frozenset((k["source"], k["target"])) for k in links} == pairs


def test_links_carry_their_claims_sentences_and_a_known_type(seed_export: dict[str, Any]) -> None:
    claims = {c["id"]: c for c in seed_export["claims"]}
    for link in seed_export["links"]:
        pair = {link["source"], link["target"]}
        mine = [claims[i] for i in link["claim_ids"]]
        assert mine and all({c["subject"], c["object"]} == pair for c in mine)
        assert link["sentences"] == len({c["evidence"]["quote"] for c in mine})
        assert LinkType(link["link_type"]) and 0 < link["probability"] <= 1 and link["explanation"]
    every = sorted(i for k in seed_export["links"] for i in k["claim_ids"])
    assert every == sorted(claims)


def test_claims_keep_the_link_type_of_their_predicate(seed_export: dict[str, Any]) -> None:
    assert {c["link_type"] for c in seed_export["claims"] if c["predicate"] == "supplies"} == {"BUSINESS"}
