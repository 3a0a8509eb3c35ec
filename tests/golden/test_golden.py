"""Pins the seed export: a change in what is extracted fails until the golden file is updated on purpose.

Update with `CASEGRAPH_UPDATE_GOLDEN=1 python -m pytest tests/golden` and review the diff.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

GOLDEN = Path(__file__).with_name("seeds_export.json")


def summary(export: dict[str, Any]) -> dict[str, Any]:
    names = {e["id"]: e["name"] for e in export["entities"]}
    return {
        "entities": sorted(f"{e['type']}: {e['name']}" + (f" = {'; '.join(e['aliases'])}" if e["aliases"] else "") for e in export["entities"]),
        "claims": sorted(
            f"{names[c['subject']]} -{c['predicate']}-> {names[c['object']]} [{c['status']}] "
            + json.dumps({k: v for k, v in c["attributes"].items()}, sort_keys=True, ensure_ascii=False)
            for c in export["claims"]
        ),
        "sanctions": sorted(f"{e['name']}: {m['entry_id']} {m['matched_name']}" for e in export["entities"] for m in e["sanctions"]),
        "removed": sorted(f"{Path(d['source']).name}: {r['reason']}" for d in export["documents"] for r in d["removed"]),
    }


def test_seed_export_matches_golden(seed_export: dict[str, Any]) -> None:
    current = summary(seed_export)
    if os.environ.get("CASEGRAPH_UPDATE_GOLDEN") == "1":
        GOLDEN.write_text(json.dumps(current, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    assert current == json.loads(GOLDEN.read_text(encoding="utf-8"))


def _claims(export: dict[str, Any], subject: str, predicate: str, obj: str) -> list[dict[str, Any]]:
    from tests.conftest import entity_named

    s, o = entity_named(export, subject)["id"], entity_named(export, obj)["id"]
    return [c for c in export["claims"] if (c["subject"], c["predicate"], c["object"]) == (s, predicate, o)]


def test_seed_experts_assessed_to_be_staff_of_the_drone_maker(seed_export: dict[str, Any]) -> None:
    """`The letter and flight reports described the Chinese experts as employees of TSK Vektor ...
    the European officials said they assessed that the individuals were AEE staff.`"""
    [assessed] = _claims(seed_export, "Chinese experts", "role_in", "Sichuan AEE")
    assert assessed["status"] == "assessed" and "assessed" in assessed["attributes"]["cue"]
    assert assessed["attributes"]["subject_ref"] == "the individuals"
    assert "the individuals were AEE staff" in assessed["evidence"]["quote"]
    assert assessed["link_type"] == "EMPLOYEE"
    [documented] = _claims(seed_export, "Chinese experts", "role_in", "TSK Vektor")
    assert documented["status"] == "documented" and "described" in documented["attributes"]["cue"]
    assert not _claims(seed_export, "Sichuan AEE", "role_in", "Chinese experts")


def test_seed_second_group_assessed_to_be_staff_of_the_second_maker(seed_export: dict[str, Any]) -> None:
    """`The European security officials said they assessed that the Chinese citizens were staff of
    Hunan Haotianyi ... Reuters couldn't confirm they were Hunan Haotianyi staff.`"""
    claims = {c["status"]: c for c in _claims(seed_export, "Chinese citizens", "role_in", "Hunan Haotianyi")}
    assert set(claims) == {"assessed", "unconfirmed"}
    assert claims["unconfirmed"]["attributes"]["subject_ref"] == "they"
    [documented] = _claims(seed_export, "Chinese citizens", "role_in", "TSK Vektor")
    assert documented["status"] == "documented"


def test_seed_visiting_experts_are_a_party(seed_export: dict[str, Any]) -> None:
    visits = _claims(seed_export, "Chinese experts", "visits", "IEMZ Kupol")
    assert any(c["status"] == "documented" for c in visits)
    assert entity_named_type(seed_export, "Chinese experts") == "person"


def test_seed_foreign_ministry_statement_is_a_denial(seed_export: dict[str, Any]) -> None:
    """`China's foreign ministry said it was unaware of the collaboration`: the collaboration is the
    tie the officials described the sentence before (`a deepening relationship between Kupol and
    Chinese companies`); the ministry's statement denies it."""
    ties = _claims(seed_export, "IEMZ Kupol", "associate", "Chinese companies")
    by_status = {c["status"]: c for c in ties}
    assert set(by_status) == {"assessed", "denied"}
    denial = by_status["denied"]
    assert denial["evidence"]["quote"] == "China’s foreign ministry said it was unaware of the collaboration."
    assert denial["attributes"]["cue"] == "China’s foreign ministry said it was unaware"
    assert denial["attributes"]["event_ref"] == "the collaboration"


def entity_named_type(export: dict[str, Any], name: str) -> str:
    from tests.conftest import entity_named

    return str(entity_named(export, name)["type"])
