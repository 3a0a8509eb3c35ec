"""Corroboration: how many independent sources carry a claim.

A rewrite, a summary or a republished copy of a report adds no corroboration:
it is the same source told again. Documents linked by `duplicate_of` or
`derived_from` (set by `casegraph.clean.duplicates` on every rebuild) form one
story; a claim counts one source per story among the documents that state it.

    roots = story_roots(store.documents())
    sources = independent_sources(roots, [c.evidence.document_id for c in group])
    sources.count, sources.clusters

With the JSON export instead of the store, `story_roots_from_export(data)`
gives the same roots.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from casegraph.model import Document


@dataclass(frozen=True)
class Sources:
    """The independent sources behind a group of claims: one cluster of document ids per story."""

    count: int
    clusters: tuple[tuple[str, ...], ...]


def _roots(parents: Mapping[str, str | None]) -> dict[str, str]:
    """Each document's story root: follow sources until a document that has none (or a loop)."""
    roots: dict[str, str] = {}
    for start in parents:
        seen = [start]
        node = start
        while (parent := parents.get(node)) is not None and parent not in seen:
            seen.append(parent)
            node = parent
        roots[start] = min(seen) if parents.get(node) is not None else node
    return roots


def story_roots(documents: Iterable[Document]) -> dict[str, str]:
    """Document id -> id of the first source of its story (itself when it derives from none)."""
    return _roots({d.id: d.duplicate_of or d.derived_from for d in documents})


def story_roots_from_links(links: Mapping[str, tuple[str | None, str | None]]) -> dict[str, str]:
    """`story_roots` from `clean.duplicates.derivations` (id -> (duplicate_of, derived_from)),
    before the documents carry them; a document it does not name is its own root."""
    return _roots(
        {d: duplicate_of or derived_from for d, (duplicate_of, derived_from) in links.items()}
    )


def story_roots_from_export(data: Mapping[str, Any]) -> dict[str, str]:
    """`story_roots` over the `documents` of a JSON export."""
    return _roots(
        {d["id"]: d.get("duplicate_of") or d.get("derived_from") for d in data["documents"]}
    )


def independent_sources(roots: Mapping[str, str], document_ids: Iterable[str]) -> Sources:
    """Distinct stories among the documents stating a claim; an unknown id is its own story."""
    clusters: dict[str, set[str]] = {}
    for document_id in document_ids:
        clusters.setdefault(roots.get(document_id, document_id), set()).add(document_id)
    grouped = sorted(tuple(sorted(ids)) for ids in clusters.values())
    return Sources(len(grouped), tuple(grouped))
