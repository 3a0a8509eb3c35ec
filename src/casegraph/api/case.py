"""The case as the API serves it: the JSON export, indexed for lookups and filtered views.

Built from the store on demand; a write through the API drops it, so the next
read sees the change.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from casegraph.export.json_export import build_export
from casegraph.model import Status
from casegraph.store.database import Store

QUARTER_START = {"1": "01", "2": "04", "3": "07", "4": "10"}


def date_key(value: str | None) -> str | None:
    """A sortable ISO day for a claim date: "2025-Q2" -> "2025-04-01", "2024" -> "2024-01-01"."""
    if not value:
        return None
    if "-Q" in value:
        year, quarter = value.split("-Q", 1)
        return f"{year}-{QUARTER_START.get(quarter[:1], '01')}-01"
    parts = value.split("-")
    if not parts[0].isdigit():
        return None
    return "-".join(parts + ["01"] * (3 - len(parts)))


def passes(
    claim: dict[str, Any],
    min_status: Status | None = None,
    since: str | None = None,
    until: str | None = None,
    rejected: bool = False,
) -> bool:
    """Whether a claim stays in a view filtered by status, date range and review."""
    if not rejected and claim.get("review") == "rejected":
        return False
    if min_status is not None and Status(claim["status"]).rank > min_status.rank:
        return False
    if since or until:
        day = date_key(claim["attributes"].get("date"))
        if day is None or (since and day < since) or (until and day > until):
            return False
    return True


@dataclass
class CaseView:
    """The exported case with indexes by id."""

    data: dict[str, Any]
    entities: dict[str, dict[str, Any]] = field(init=False)
    claims: dict[str, dict[str, Any]] = field(init=False)
    documents: dict[str, dict[str, Any]] = field(init=False)
    claims_of: dict[str, list[dict[str, Any]]] = field(init=False)

    def __post_init__(self) -> None:
        self.entities = {e["id"]: e for e in self.data["entities"]}
        self.claims = {c["id"]: c for c in self.data["claims"]}
        self.documents = {d["id"]: d for d in self.data["documents"]}
        self.claims_of = defaultdict(list)
        for claim in self.data["claims"]:
            self.claims_of[claim["subject"]].append(claim)
            if claim["object"] != claim["subject"]:
                self.claims_of[claim["object"]].append(claim)

    @classmethod
    def load(cls, store: Store) -> CaseView:
        return cls(build_export(store))

    def find_entity(self, key: str) -> dict[str, Any] | None:
        """An entity by id, else by name or alias, case-insensitive."""
        if key in self.entities:
            return self.entities.get(key)
        folded = key.casefold()
        for entity in self.entities.values():
            if entity["name"].casefold() == folded or folded in (
                a.casefold() for a in entity["aliases"]
            ):
                return entity
        return None

    def search(self, query: str, limit: int = 20) -> list[tuple[str, str, str, str]]:
        """(kind, id, label, snippet) for entities whose names and documents whose text hold the query."""
        folded = query.casefold().strip()
        if not folded:
            return []
        hits: list[tuple[str, str, str, str]] = []
        for entity in self.data["entities"]:
            names = [entity["name"], *entity["aliases"]]
            if any(folded in n.casefold() for n in names):
                hits.append(
                    (
                        "entity",
                        entity["id"],
                        entity["name"],
                        f"{entity['type']}: {', '.join(names)}",
                    )
                )
        for document in self.data["documents"]:
            at = document["text"].casefold().find(folded)
            if at >= 0:
                text = document["text"]
                snippet = text[max(0, at - 60) : at + len(query) + 60].replace("\n", " ")
                hits.append(("document", document["id"], document["title"], snippet))
        return hits[:limit]

    def sanctioned(self, entity_id: str) -> bool:
        return bool(self.entities.get(entity_id, {}).get("sanctions"))
