"""`casegraph lists`: load, show and update stored sanctions lists, as a user runs them.

`update` is run against a real HTTP server on loopback serving a copy of the
fictional OFAC fixture folder, and against a closed port for the offline path.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import typer
from typer.testing import CliRunner

import casegraph.store.lists_table  # defines the list tables before a Store is made
from casegraph.commands.lists import OFAC_SDN_URLS, lists_app
from casegraph.ingest.files import read_document
from casegraph.model import EntityType, Mention
from casegraph.pipeline import rebuild
from casegraph.store.database import Store

FIXTURES = Path(__file__).resolve().parents[1] / "screen" / "fixtures"
OFAC_DIR = FIXTURES / "ofac-2030-01-15"

app = typer.Typer()
app.add_typer(lists_app, name="lists")
runner = CliRunner()


def invoke(*args: str) -> Any:
    return runner.invoke(app, ["lists", *args])


def one_error_line(result: Any, text: str) -> None:
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # no traceback
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and text in lines[0], result.stderr


def show_json(db: str) -> list[dict[str, Any]]:
    result = invoke("show", "--db", db, "--format", "json")
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def test_help() -> None:
    result = invoke("--help")
    assert result.exit_code == 0
    for command in ("load", "show", "update"):
        assert command in result.output
        assert invoke(command, "--help").exit_code == 0


def test_show_without_stored_lists_names_the_offline_default(tmp_path: Path) -> None:
    db = str(tmp_path / "case.db")
    [row] = show_json(db)
    assert row["offline_default"] is True
    assert (row["name"], row["published"]) == ("OFAC SDN", "2024-05-03")
    assert row["entries"] > 10_000 and row["source"].startswith("casegraph:data/")
    table = invoke("show", "--db", db)
    assert table.exit_code == 0 and "offline default" in table.stdout


def test_load_then_show(tmp_path: Path) -> None:
    db = str(tmp_path / "case.db")
    result = invoke("load", str(OFAC_DIR), "--format", "ofac-csv", "--db", db)
    assert result.exit_code == 0, result.output
    assert "stored OFAC SDN, published 2030-01-15, 4 entries" in result.stdout
    named = invoke("load", str(FIXTURES / "opensanctions.ftm.json"), "-f", "ftm", "--name", "Fiction FtM", "--db", db)
    assert named.exit_code == 0, named.output
    rows = show_json(db)
    assert [(r["name"], r["published"], r["entries"], r["format"]) for r in rows] == [
        ("Fiction FtM", rows[0]["published"], rows[0]["entries"], "ftm"),
        ("OFAC SDN", "2030-01-15", 4, "ofac-csv"),
    ]
    assert rows[1]["source"] == str(OFAC_DIR) and not rows[1]["offline_default"]
    table = invoke("show", "--db", db)
    assert table.exit_code == 0
    assert "OFAC SDN" in table.stdout and "2030-01-15" in table.stdout
    assert "offline default" not in table.stdout


def test_load_rescreens_the_parties_already_stored(tmp_path: Path) -> None:
    db = tmp_path / "case.db"
    path = tmp_path / "report.txt"
    path.write_text("Quillfeather Trading LLC shipped parts.\n", encoding="utf-8")
    document = read_document(path)
    store = Store(f"sqlite:///{db}")
    mention = Mention(document.id, 0, 24, "Quillfeather Trading LLC", EntityType.ORGANIZATION, "t")
    store.add_document(document, [mention], [])
    assert all(m.entry_id != "9002" for m in rebuild(store))
    result = invoke("load", str(OFAC_DIR), "--format", "ofac-csv", "--db", str(db))
    assert result.exit_code == 0, result.output
    assert "re-screened" in result.stderr
    assert [(m.list_date, m.entry_id) for m in store.matches()] == [("2030-01-15", "9002")]


def test_load_errors_are_one_line_and_exit_2(tmp_path: Path) -> None:
    db = str(tmp_path / "case.db")
    one_error_line(invoke("load", str(OFAC_DIR), "--format", "pdf", "--db", db), "unknown list format")
    one_error_line(invoke("load", str(tmp_path / "nope.csv"), "-f", "uk-csv", "--db", db), "no such file")
    junk = tmp_path / "junk.csv"
    junk.write_text("not,a,list\n", encoding="utf-8")
    one_error_line(invoke("load", str(junk), "-f", "uk-csv", "--db", db), "Last Updated")
    one_error_line(invoke("load", str(junk), "-f", "ofac-csv", "--db", db), "not an SDN row")
    one_error_line(invoke("load", str(OFAC_DIR), "-f", "ofac-csv", "--name", " ", "--db", db), "--name")
    missing_folder = str(tmp_path / "no" / "case.db")
    one_error_line(invoke("load", str(OFAC_DIR), "-f", "ofac-csv", "--db", missing_folder), "does not exist")
    one_error_line(invoke("show", "--db", db, "--format", "xml"), "unknown format")
    assert show_json(db)[0]["offline_default"] is True  # nothing was stored


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def mirror(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """An HTTP server on loopback serving a copy of the fixture folder; stopped after the test."""
    folder = tmp_path / "mirror"
    shutil.copytree(OFAC_DIR, folder)
    published = datetime(2030, 1, 15, 12, tzinfo=UTC).timestamp()
    for child in folder.iterdir():
        os.utime(child, (published, published))  # the server's Last-Modified
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(folder)))
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/", folder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def test_update_downloads_the_three_files_from_a_mirror(tmp_path: Path, mirror: tuple[str, Path]) -> None:
    url, _ = mirror
    db = str(tmp_path / "case.db")
    result = invoke("update", "--db", db, "--url-base", url, "--timeout", "5")
    assert result.exit_code == 0, result.output
    assert "stored OFAC SDN, published 2030-01-15, 4 entries" in result.stdout
    [row] = show_json(db)
    assert (row["name"], row["source"], row["format"]) == ("OFAC SDN", url + "sdn.csv", "ofac-csv")
    stored = casegraph.store.lists_table.stored_lists(Store(f"sqlite:///{db}"))
    assert "KVIST, Tolya" in stored[0].entries[0].names  # alt.csv was read
    assert stored[0].entries[1].countries == ("Freedonia", "Sylvania")  # add.csv was read


def test_update_fails_cleanly_on_a_missing_file_or_bad_content(
    tmp_path: Path, mirror: tuple[str, Path]
) -> None:
    url, folder = mirror
    db = str(tmp_path / "case.db")
    (folder / "sdn.csv").write_text("<html>maintenance</html>\n", encoding="utf-8")
    one_error_line(invoke("update", "--db", db, "--url-base", url), "not OFAC legacy CSV")
    (folder / "add.csv").unlink()
    one_error_line(invoke("update", "--db", db, "--url-base", url.rstrip("/")), "HTTP 404")
    assert show_json(db)[0]["offline_default"] is True  # nothing was stored


def test_update_without_network_fails_fast_with_one_line(tmp_path: Path) -> None:
    db = str(tmp_path / "case.db")
    started = time.monotonic()
    result = invoke("update", "--db", db, "--url-base", "http://127.0.0.1:1/", "--timeout", "5")
    assert time.monotonic() - started < 5
    one_error_line(result, "cannot download http://127.0.0.1:1/sdn.csv")
    one_error_line(invoke("update", "--db", db, "--url-base", "ftp://example.org/"), "http://")


def test_official_urls_are_the_treasury_legacy_csv_files() -> None:
    assert sorted(OFAC_SDN_URLS) == ["add.csv", "alt.csv", "sdn.csv"]
    for name, url in OFAC_SDN_URLS.items():
        assert url.startswith("https://sanctionslistservice.ofac.treas.gov/")
        assert url.lower().endswith("/" + name)


def test_screen_command_uses_lists_stored_in_the_database(tmp_path: Path) -> None:
    from casegraph.cli import app as main_app

    db = str(tmp_path / "lists.db")
    folder = Path(__file__).resolve().parents[1] / "screen" / "fixtures" / "ofac-2030-01-15"
    loaded = CliRunner().invoke(main_app, ["lists", "load", str(folder), "--format", "ofac-csv", "--db", db])
    assert loaded.exit_code == 0, loaded.output
    hit = CliRunner().invoke(main_app, ["screen", "Quillfeather Trading LLC", "--db", db, "--format", "json"])
    assert hit.exit_code == 0, hit.output
    assert json.loads(hit.stdout)["Quillfeather Trading LLC"][0]["list_date"] == "2030-01-15"
    default = CliRunner().invoke(main_app, ["screen", "Quillfeather Trading LLC", "--db", str(tmp_path / "none.db"), "--format", "json"])
    assert json.loads(default.stdout)["Quillfeather Trading LLC"] == []
    assert not (tmp_path / "none.db").exists()
