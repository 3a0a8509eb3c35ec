"""Decisions by a person about who is who; they win over the machine's rules.

A decision names parties the way a user types them ("Rostok Tekh"), never by
entity id: ids follow canonical names and change when a new document brings a
fuller name, while a name survives every re-ingest. Names are matched by the
normalised key resolution clusters on (`name_tokens`: case, transliteration,
legal forms), so "ROSTOK TEKH, OOO" and "Rostok Tekh" are one name.

- ``merge A B``: the entities holding A and B become one.
- ``not-same A B``: A and B are never put in one entity.
- ``split A``: A leaves the entity the machine put it in and stands alone.

Decisions are applied in the order made: a later one overrides an earlier one
it contradicts (``merge A B`` then ``not-same A B`` keeps them apart; the
reverse puts them together). A ``split A`` also undoes earlier merges of A.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Literal, get_args

from casegraph.resolve.tokens import name_tokens

DecisionKind = Literal["merge", "split", "not-same"]
KINDS: tuple[str, ...] = get_args(DecisionKind)
PERSON_MERGE = "merged by a person"

Key = tuple[str, ...]


@dataclass(frozen=True)
class Decision:
    """One decision by a person; `b` is None for a split."""

    kind: DecisionKind
    a: str
    b: str | None
    note: str = ""
    made_at: str = ""

    def __post_init__(self) -> None:
        if self.kind not in KINDS:
            raise ValueError(f"unknown decision {self.kind!r}; use one of {', '.join(KINDS)}")
        if (self.kind == "split") != (self.b is None):
            raise ValueError(
                f"{self.kind} takes {'one name' if self.kind == 'split' else 'two names'}"
            )

    @classmethod
    def make(cls, kind: DecisionKind, a: str, b: str | None = None, note: str = "") -> Decision:
        """A decision made now (UTC, ISO 8601)."""
        return cls(kind, a, b, note, datetime.now(UTC).isoformat(timespec="seconds"))

    @property
    def reason(self) -> str:
        return f"{PERSON_MERGE}: {self.note}" if self.note else PERSON_MERGE


def name_key(name: str) -> Key:
    """The normalised key a decision's name is matched by."""
    return tuple(name_tokens(name))


@dataclass
class Rules:
    """Decisions reduced to constraints on clustering keys, contradictions settled by order.

    `groups`: keys a person put in one entity; `apart`: key pairs never in one
    entity; `alone`: keys the machine may neither attach to anything nor attach
    anything to; `merges`: the decisions that still hold, with their keys.
    """

    groups: list[set[Key]] = field(default_factory=list)
    apart: set[frozenset[Key]] = field(default_factory=set)
    alone: set[Key] = field(default_factory=set)
    merges: list[tuple[Decision, Key, Key]] = field(default_factory=list)

    def allowed(self, key: Key, keys: Iterable[Key]) -> bool:
        """May the machine put `key` in a cluster holding `keys`?"""
        if key in self.alone:
            return False
        return not self.apart or not any(frozenset((key, k)) in self.apart for k in keys)


def compile_rules(decisions: Sequence[Decision], keys_of: dict[Key, set[Key]]) -> Rules:
    """Constraints from decisions in the order made; `keys_of` maps a name key to cluster keys.

    Decisions are read newest first and each is kept only when it agrees with
    the newer ones kept, which is what applying them in order yields. A
    decision about a name absent from the mentions has no effect.
    """
    parent: dict[Key, Key] = {}

    def find(k: Key) -> Key:
        while parent.get(k, k) != k:
            k = parent[k]
        return k

    def members(roots: set[Key]) -> set[Key]:
        return {k for k in parent if find(k) in roots} | roots

    rules = Rules()
    kept: list[tuple[Decision, Key, Key]] = []
    for d in reversed(decisions):
        a = keys_of.get(name_key(d.a), set())
        b = keys_of.get(name_key(d.b), set()) if d.b is not None else set()
        if not a or (d.kind != "split" and not b):
            continue
        if d.kind == "split":
            rules.alone |= a
        elif d.kind == "not-same":
            if not a & b and not {find(k) for k in a} & {find(k) for k in b}:
                rules.apart |= {frozenset((x, y)) for x in a for y in b}
        else:
            if (a | b) & rules.alone:
                continue
            side_a, side_b = members({find(k) for k in a}), members({find(k) for k in b})
            if any(frozenset((x, y)) in rules.apart for x in side_a for y in side_b):
                continue
            first = next(iter(sorted(a)))
            for k in a | b:
                parent.setdefault(k, k)
                parent[find(k)] = find(first)
            kept.append((d, min(a), min(b)))
    roots: dict[Key, set[Key]] = {}
    for k in parent:
        roots.setdefault(find(k), set()).add(k)
    rules.groups = [g for g in roots.values() if len(g) > 1]
    rules.merges = [m for m in reversed(kept) if m[1] != m[2]]
    return rules
