"""A person's decisions on mention tables: they win over the machine, in the order made."""

from __future__ import annotations

from pathlib import Path
from typing import cast

import pytest

import casegraph.store.decisions_table  # noqa: F401  (registers the table before a Store opens)
from casegraph.model import EntityType, Mention
from casegraph.pipeline import ingest, rebuild
from casegraph.resolve.decisions import PERSON_MERGE, Decision, DecisionKind
from casegraph.resolve.entities import resolve
from casegraph.store.database import Store
from casegraph.store.decisions_table import add_decision, list_decisions

ORG, PERSON = EntityType.ORGANIZATION, EntityType.PERSON


def _m(text: str, kind: EntityType = ORG, doc: str = "d1", at: int = 0) -> Mention:
    how = "spacy:PERSON" if kind is PERSON else "cue:org"
    return Mention(
        document_id=doc, start=at, end=at + len(text), text=text, type=kind, extractor=how
    )


def _mentions(*names: str | tuple[str, EntityType]) -> list[Mention]:
    out = []
    for i, item in enumerate(names):
        text, kind = item if isinstance(item, tuple) else (item, ORG)
        out.append(_m(text, kind, doc=f"d{i % 2}", at=100 * i))
    return out


def _d(kind: DecisionKind, a: str, b: str | None = None, note: str = "") -> Decision:
    return Decision(kind, a, b, note, "2025-01-01T00:00:00+00:00")


def _groups(mentions: list[Mention], decisions: list[Decision]) -> list[set[str]]:
    _entities, links = resolve(mentions, decisions)
    by_entity: dict[str, set[str]] = {}
    for m in mentions:
        by_entity.setdefault(links[m.id], set()).add(m.text)
    return sorted(by_entity.values(), key=lambda g: sorted(g))


KESTREL = ("Orvane Kestrel", "Kestrel")
VARIANT = ("Hunan Zhaolinyi", "Hunan Zhaolyinyi")

CASES = [
    pytest.param(
        [*KESTREL], [], [{"Orvane Kestrel", "Kestrel"}], id="machine-short-form-without-decisions"
    ),
    pytest.param(
        [*VARIANT],
        [],
        [{"Hunan Zhaolinyi", "Hunan Zhaolyinyi"}],
        id="machine-variant-without-decisions",
    ),
    pytest.param(
        ["Orvane Kestrel", "Balmor Fittings"],
        [_d("merge", "Orvane Kestrel", "Balmor Fittings", "same registry number")],
        [{"Orvane Kestrel", "Balmor Fittings"}],
        id="merge-unrelated-names",
    ),
    pytest.param(
        [*KESTREL, "Balmor Fittings"],
        [_d("merge", "Kestrel", "Balmor Fittings")],
        [{"Orvane Kestrel", "Kestrel", "Balmor Fittings"}],
        id="merge-brings-the-whole-machine-cluster",
    ),
    pytest.param(
        [*VARIANT],
        [_d("not-same", "Hunan Zhaolinyi", "Hunan Zhaolyinyi")],
        [{"Hunan Zhaolinyi"}, {"Hunan Zhaolyinyi"}],
        id="not-same-overrides-spelling-variant",
    ),
    pytest.param(
        [*KESTREL],
        [_d("not-same", "ORVANE KESTREL, OOO", "kestrel")],
        [{"Kestrel"}, {"Orvane Kestrel"}],
        id="not-same-overrides-short-form-names-matched-normalised",
    ),
    pytest.param(
        ["Orvane Kestrel", "Orvane Kestrl", "Kestrel"],
        [_d("not-same", "Orvane Kestrl", "Kestrel")],
        [{"Kestrel"}, {"Orvane Kestrel", "Orvane Kestrl"}],
        id="not-same-holds-through-a-chain",
    ),
    pytest.param(
        ["TSR Vostok", "NII Vostok", "Vostok"],
        [_d("not-same", "Vostok", "TSR Vostok")],
        [{"NII Vostok"}, {"TSR Vostok"}, {"Vostok"}],
        id="not-same-does-not-make-an-ambiguous-short-form-unique",
    ),
    pytest.param(
        [*KESTREL, "Kestrel"],
        [_d("split", "Kestrel")],
        [{"Kestrel"}, {"Orvane Kestrel"}],
        id="split-short-form",
    ),
    pytest.param(
        [*VARIANT],
        [_d("split", "Hunan Zhaolyinyi")],
        [{"Hunan Zhaolinyi"}, {"Hunan Zhaolyinyi"}],
        id="split-spelling-variant",
    ),
    pytest.param(
        [*VARIANT],
        [_d("merge", *VARIANT), _d("not-same", *VARIANT)],
        [{"Hunan Zhaolinyi"}, {"Hunan Zhaolyinyi"}],
        id="later-not-same-wins-over-merge",
    ),
    pytest.param(
        [*VARIANT],
        [_d("not-same", *VARIANT), _d("merge", *VARIANT)],
        [{"Hunan Zhaolinyi", "Hunan Zhaolyinyi"}],
        id="later-merge-wins-over-not-same",
    ),
    pytest.param(
        [*KESTREL, "Balmor Fittings"],
        [_d("merge", "Kestrel", "Balmor Fittings"), _d("split", "Kestrel")],
        [{"Balmor Fittings"}, {"Kestrel"}, {"Orvane Kestrel"}],
        id="later-split-undoes-merge",
    ),
    pytest.param(
        [*KESTREL, "Balmor Fittings"],
        [_d("split", "Kestrel"), _d("merge", "Kestrel", "Balmor Fittings")],
        [{"Balmor Fittings", "Kestrel"}, {"Orvane Kestrel"}],
        id="later-merge-wins-over-split",
    ),
    pytest.param(
        [*KESTREL],
        [_d("not-same", "Orvane Kestrel", "Nobody Known"), _d("split", "Ghost Name")],
        [{"Orvane Kestrel", "Kestrel"}],
        id="decisions-on-unknown-names-do-nothing",
    ),
    pytest.param(
        [("Ilsa Verhoeven", PERSON), "Verhoeven Logistics"],
        [_d("merge", "Ilsa Verhoeven", "Verhoeven Logistics")],
        [{"Ilsa Verhoeven", "Verhoeven Logistics"}],
        id="merge-across-types-is-one-entity",
    ),
]


@pytest.mark.parametrize(("names", "decisions", "expected"), CASES)
def test_decisions(
    names: list[str | tuple[str, EntityType]], decisions: list[Decision], expected: list[set[str]]
) -> None:
    assert _groups(_mentions(*names), decisions) == expected


def test_without_decisions_resolution_is_unchanged() -> None:
    mentions = _mentions(
        "Orvane Kestrel", "Kestrel", *VARIANT, "TSR Vostok", "NII Vostok", "Vostok"
    )
    assert resolve(mentions) == resolve(mentions, [])


def test_merge_never_joins_names_kept_apart() -> None:
    mentions = _mentions("Orvane Kestrel", "Kestrel", "Balmor Fittings", "Balmor")
    decisions = [
        _d("not-same", "Kestrel", "Balmor"),
        _d("merge", "Orvane Kestrel", "Balmor Fittings"),
    ]
    groups = _groups(mentions, decisions)
    assert not any({"Kestrel", "Balmor"} <= g for g in groups)
    assert any({"Orvane Kestrel", "Balmor Fittings"} <= g for g in groups)


def test_person_merge_keeps_its_reason() -> None:
    entities, _ = resolve(
        _mentions("Orvane Kestrel", "Balmor Fittings"),
        [_d("merge", "Orvane Kestrel", "Balmor Fittings", "same registry number")],
    )
    [entity] = entities
    reasons = [(r.name, r.into, r.reason) for r in entity.merges]
    assert ("Balmor Fittings", "Orvane Kestrel", f"{PERSON_MERGE}: same registry number") in reasons


def test_decision_needs_the_right_number_of_names() -> None:
    with pytest.raises(ValueError):
        Decision("split", "Kestrel", "Orvane Kestrel", "", "")
    with pytest.raises(ValueError):
        Decision("merge", "Kestrel", None, "", "")
    with pytest.raises(ValueError):
        Decision(cast(DecisionKind, "join"), "Kestrel", "Orvane Kestrel", "", "")


FIRST = (
    "Orvane Kestrel Industries supplied drones to Balmor Fittings, according to invoices seen "
    "by reporters. Orvane Kestrl Industries denied it.\n"
)
SECOND = "Tarvik Holdings paid Orvane Kestrl Industries $2 million, according to bank statements.\n"


def _together(store: Store, a: str, b: str) -> bool:
    """Are the mentions written `a` and `b` in one entity?"""
    links = store.mention_entities()
    ids = {m.text: links[m.id] for m in store.mentions() if m.text in (a, b)}
    return bool(ids[a] == ids[b])


def test_decisions_survive_reingest(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'case.db'}")
    (tmp_path / "first.txt").write_text(FIRST, encoding="utf-8")
    (tmp_path / "second.txt").write_text(SECOND, encoding="utf-8")
    a, b = "Orvane Kestrel Industries", "Orvane Kestrl Industries"
    ingest(store, [tmp_path / "first.txt"])
    rebuild(store)
    assert _together(store, a, b)  # the machine takes one for a misspelling of the other

    decision = Decision.make("not-same", a, b, "two registrations")
    add_decision(store, decision)
    rebuild(store)
    assert not _together(store, a, b)

    ingest(store, [tmp_path / "second.txt"])
    rebuild(store)
    assert list_decisions(store) == [decision]
    assert len({m.document_id for m in store.mentions() if m.text == b}) == 2
    assert not _together(store, a, b)
