"""Sanctions lists stored in the database: round trip, replacement, and screening with them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

import casegraph.store.lists_table  # noqa: F401  (defines the list tables before a Store is made)
from casegraph.errors import InputError
from casegraph.ingest.files import read_document
from casegraph.model import EntityType, Mention
from casegraph.pipeline import rebuild
from casegraph.screen.lists import SanctionsList, load_list
from casegraph.store.database import Store
from casegraph.store.lists_table import ListSummary, list_summaries, save_list, stored_lists

FIXTURES = Path(__file__).resolve().parents[1] / "screen" / "fixtures"
OFAC_DIR = FIXTURES / "ofac-2030-01-15"


def _fictional() -> SanctionsList:
    return load_list(OFAC_DIR, "ofac-csv")


def test_list_round_trip_keeps_every_field_and_the_entry_order(db_url: str) -> None:
    store = Store(db_url)
    assert stored_lists(store) == [] and list_summaries(store) == []
    fictional = _fictional()
    ftm = load_list(FIXTURES / "opensanctions.ftm.json", "ftm")
    save_list(store, fictional, "ofac-csv")
    save_list(store, ftm, "ftm")
    assert stored_lists(Store(db_url)) == [fictional, ftm]  # by name, read back from the database
    summary = list_summaries(store)[0]
    assert summary == ListSummary(
        "OFAC SDN", "2030-01-15", fictional.source, "ofac-csv", summary.loaded_at, 4
    )
    assert summary.loaded_at.endswith("+00:00")
    assert [s.name for s in list_summaries(store)] == ["OFAC SDN", "OpenSanctions"]


def test_saving_a_list_of_the_same_name_replaces_it_whole(db_url: str) -> None:
    store = Store(db_url)
    fictional = _fictional()
    save_list(store, fictional, "ofac-csv")
    save_list(store, replace(fictional, name="Other list"), "ofac-csv")
    newer = replace(fictional, published="2030-02-01", entries=fictional.entries[1:3])
    save_list(store, newer, "ofac-csv")
    by_name = {s.name: s for s in stored_lists(store)}
    assert by_name["OFAC SDN"] == newer
    assert [e.entry_id for e in by_name["OFAC SDN"].entries] == ["9002", "9003"]
    assert by_name["Other list"].entries == fictional.entries  # another list is left alone
    assert {s.name: s.entries for s in list_summaries(store)} == {"OFAC SDN": 2, "Other list": 4}


def test_a_bad_list_is_refused_and_the_stored_one_kept(db_url: str) -> None:
    store = Store(db_url)
    fictional = _fictional()
    save_list(store, fictional, "ofac-csv")
    twice = replace(fictional, entries=(fictional.entries[0], fictional.entries[0]))
    with pytest.raises(InputError, match="occurs twice"):
        save_list(store, twice, "ofac-csv")
    with pytest.raises(InputError, match="list name"):
        save_list(store, replace(fictional, name="x" * 81), "ofac-csv")
    assert stored_lists(store) == [fictional]


def _store_with_party(tmp_path: Path, db_url: str, name: str) -> Store:
    path = tmp_path / "report.txt"
    path.write_text(f"{name} shipped engine parts to a buyer in Freedonia.\n", encoding="utf-8")
    document = read_document(path)
    assert document.text.startswith(name)
    mention = Mention(document.id, 0, len(name), name, EntityType.ORGANIZATION, "test")
    store = Store(db_url)
    store.add_document(document, [mention], [])
    return store


def test_rebuild_screens_against_the_stored_lists_else_the_bundled_snapshot(
    tmp_path: Path, db_url: str
) -> None:
    store = _store_with_party(tmp_path, db_url, "Quillfeather Trading LLC")
    # Nothing stored: the bundled SDN snapshot, which does not know the fictional party.
    assert all(m.entry_id != "9002" for m in rebuild(store))
    save_list(store, _fictional(), "ofac-csv")
    matches = rebuild(store)
    assert [(m.list_name, m.list_date, m.entry_id) for m in matches] == [
        ("OFAC SDN", "2030-01-15", "9002")
    ]
    assert matches[0].matched_name == "QUILLFEATHER TRADING, LLC"
    assert store.matches() == matches
    # Lists given explicitly still win over the stored ones.
    assert rebuild(store, lists=[]) == []
