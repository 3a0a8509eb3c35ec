"""Which parties count as sanctioned, and why: a list match or a sourced claim.

A list match above the screening threshold counts, and so does a
`sanctioned_by` claim unless the source reports it as denied. Both reasons are
kept, so the user sees whether a list, a report, or both say so.
"""

from __future__ import annotations

from dataclasses import dataclass

from casegraph.analyse.case import CaseGraph, Link
from casegraph.model import Predicate, ScreeningMatch, Status


@dataclass(frozen=True)
class Sanctioned:
    """A sanctioned party with every reason to think so."""

    entity_id: str
    matches: tuple[ScreeningMatch, ...] = ()
    claims: tuple[Link, ...] = ()

    def reason(self, case: CaseGraph) -> str:
        """One line: the best list match, else the strongest claim."""
        if self.matches:
            m = self.matches[0]
            return f"{m.list_name} ({m.list_date}) entry {m.entry_id} {m.matched_name!r}, score {m.score:.2f}"
        claim = min(self.claims, key=lambda c: c.status.rank)
        return f"{claim.status.value} as sanctioned by {case.name(claim.object)}"


def sanctioned(case: CaseGraph) -> dict[str, Sanctioned]:
    """Entity id -> why it counts as sanctioned."""
    claims: dict[str, list[Link]] = {}
    for link in case.links:
        if link.predicate is Predicate.SANCTIONED_BY and link.status is not Status.DENIED:
            claims.setdefault(link.subject, []).append(link)
    ids = sorted(set(case.matches) | set(claims), key=case.name)
    return {
        i: Sanctioned(
            i,
            tuple(sorted(case.matches.get(i, ()), key=lambda m: -m.score)),
            tuple(claims.get(i, ())),
        )
        for i in ids
    }
