from __future__ import annotations

from typing import Any

from casegraph.analyse.corroboration import (
    independent_sources,
    story_roots,
    story_roots_from_export,
)
from casegraph.model import Document
from tests.conftest import SEED_ARTICLE, SEED_REWRITE, entity_named


def _doc(id: str, duplicate_of: str | None = None, derived_from: str | None = None) -> Document:
    return Document(id, id, id, "text", id, duplicate_of=duplicate_of, derived_from=derived_from)


def test_derivatives_and_copies_count_as_their_source() -> None:
    roots = story_roots(
        [_doc("a"), _doc("b", derived_from="a"), _doc("c", duplicate_of="b"), _doc("d"), _doc("e")]
    )
    sources = independent_sources(roots, ["c", "a", "d", "b"])
    assert sources.count == 2
    assert sources.clusters == (("a", "b", "c"), ("d",))


def test_unknown_documents_and_loops_still_count() -> None:
    roots = story_roots([_doc("x", derived_from="y"), _doc("y", derived_from="x")])
    assert independent_sources(roots, ["x", "y", "zz"]).count == 2


def test_a_claim_both_seeds_carry_counts_once(seed_export: dict[str, Any]) -> None:
    ids = {d["source"].rsplit("/", 1)[-1]: d["id"] for d in seed_export["documents"]}
    kupol = entity_named(seed_export, "IEMZ Kupol")["id"]
    roots = story_roots_from_export(seed_export)
    assert roots[ids[SEED_REWRITE.name]] == ids[SEED_ARTICLE.name]
    both = [
        c for c in seed_export["claims"]
        if kupol in (c["subject"], c["object"])
        and {ids[SEED_REWRITE.name], ids[SEED_ARTICLE.name]}
        <= {d["evidence"]["document_id"] for d in seed_export["claims"]
            if (d["subject"], d["predicate"], d["object"]) == (c["subject"], c["predicate"], c["object"])}
    ]
    assert both, "the seeds share no claim about Kupol"
    assert all(c["sources"] == 1 for c in both)
    sources = independent_sources(roots, [ids[SEED_REWRITE.name], ids[SEED_ARTICLE.name]])
    assert sources.count == 1 and len(sources.clusters[0]) == 2


def test_every_exported_claim_counts_its_sources(seed_export: dict[str, Any]) -> None:
    assert all(isinstance(c["sources"], int) and c["sources"] >= 1 for c in seed_export["claims"])
