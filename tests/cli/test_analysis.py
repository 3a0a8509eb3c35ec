"""The analysis and export commands as a user runs them on the seed case."""

from __future__ import annotations

import json
from pathlib import Path

import networkx as nx
import pytest
from typer.testing import CliRunner

from casegraph.analyse.case import load_case
from casegraph.cli import app
from casegraph.store.database import Store
from tests.export.htmltags import runnable

runner = CliRunner()


def run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.output


def test_path_shows_the_route_through_the_broker_with_evidence(seed_store: Store) -> None:
    code, output = run("path", "Sichuan AEE", "IEMZ Kupol", "--db", seed_store.url)
    assert code == 0, output
    assert "Sichuan AEE -supplies-> TSK Vektor -supplies-> IEMZ Kupol" in output
    assert "[documented]" in output and "characters" in output and "“" in output
    assert "independent source" in output


def test_path_json_and_status_floor(seed_store: Store) -> None:
    code, output = run("path", "aee", "kupol", "--db", seed_store.url, "--format", "json", "--max-hops", "2")
    assert code == 0, output
    data = json.loads(output)
    names = data["names"]
    routes = [[names[h["target"]] for h in p["hops"]] for p in data["result"]["paths"]]
    assert ["TSK Vektor", "IEMZ Kupol"] in routes
    code, output = run("path", "aee", "kupol", "--db", seed_store.url, "--min-status", "denied", "--directed")
    assert code == 0 and "TSK Vektor" in output


def test_exposure_of_the_second_maker(seed_store: Store) -> None:
    code, output = run("exposure", "Hunan Haotianyi", "--db", seed_store.url)
    assert code == 0, output
    assert "reaches" in output and "sanctioned: OFAC SDN" in output
    assert "TSK Vektor" in output and "route (" in output
    code, output = run("exposure", "Hunan Haotianyi", "--db", seed_store.url, "--hops", "1")
    assert code == 0 and "no sanctioned party within 1 hops" in output


def test_timeline_and_intermediaries(seed_store: Store) -> None:
    code, output = run("timeline", "TSK Vektor", "--db", seed_store.url)
    assert code == 0, output
    assert output.index("\n2025-Q2\n") < output.index("\nundated\n")
    code, output = run("intermediaries", "--db", seed_store.url, "--format", "json")
    assert code == 0, output
    data = json.loads(output)
    assert data["names"][data["result"][0]["entity_id"]] == "TSK Vektor"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("path", "Nowhere Ltd", "kupol"), "no entity is called 'Nowhere Ltd'"),
        (("exposure", "Vektr"), "did you mean: TSK Vektor"),
        (("timeline", "United States"), "names 2 entities"),
    ],
)
def test_unknown_and_ambiguous_names_are_one_line_errors(seed_store: Store, args: tuple[str, ...], message: str) -> None:
    code, output = run(*args, "--db", seed_store.url)
    assert code == 2 and message in output and output.count("\n") == 1


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    code, output = run("exposure", "x", "--db", str(tmp_path / "none.db"))
    assert code == 2 and "no case database" in output and not (tmp_path / "none.db").exists()


def test_exports_in_every_format(seed_store: Store, tmp_path: Path) -> None:
    case = load_case(seed_store)
    code, output = run("export", "--format", "ftm", "--db", seed_store.url, "-o", str(tmp_path / "case.ftm.json"))
    assert code == 0, output
    lines = (tmp_path / "case.ftm.json").read_text(encoding="utf-8").splitlines()
    assert all(json.loads(line)["schema"] for line in lines)
    code, output = run("export", "--format", "graphml", "--db", seed_store.url, "-o", str(tmp_path / "g.graphml"))
    assert code == 0, output
    graph = nx.read_graphml(tmp_path / "g.graphml", force_multigraph=True)
    assert (graph.number_of_nodes(), graph.number_of_edges()) == (len(case.entities), len(case.links))
    code, output = run("export", "--format", "neo4j", "--db", seed_store.url, "-o", str(tmp_path / "neo"))
    assert code == 0, output
    assert sorted(p.name for p in (tmp_path / "neo").iterdir()) == ["edges.csv", "import.cypher", "nodes.csv"]
    code, output = run("export", "--format", "html", "--db", seed_store.url)
    assert code == 0 and output.startswith("<!DOCTYPE html>")


def test_neo4j_needs_a_folder(seed_store: Store, tmp_path: Path) -> None:
    code, output = run("export", "--format", "neo4j", "--db", seed_store.url)
    assert code == 2 and "name a folder" in output
    (tmp_path / "file").write_text("x", encoding="utf-8")
    code, output = run("export", "--format", "neo4j", "--db", seed_store.url, "-o", str(tmp_path / "file"))
    assert code == 2 and "needs a folder" in output


def test_dossier_of_one_party(seed_store: Store, tmp_path: Path) -> None:
    target = tmp_path / "dossier.html"
    code, output = run("dossier", "Hunan Haotianyi", "--db", seed_store.url, "-o", str(target))
    assert code == 0, output
    html = target.read_text(encoding="utf-8")
    assert "Dossier: Hunan Haotianyi" in html and "Exposure to sanctioned parties" in html and "<mark>" in html


def test_help_teaches_each_analysis_command() -> None:
    for command in ("path", "exposure", "intermediaries", "timeline", "dossier"):
        code, output = run(command, "--help")
        assert code == 0 and "--db" in output and len(output) > 400, command
    code, output = run("export", "--help")
    assert all(f in output for f in ("ftm", "graphml", "neo4j", "html"))


HOSTILE_REPORT = """Drone parts reached a listed buyer

Invoices seen by this newspaper show that Rostok Tekh supplied drone engines to Vega Trade House \
in March 2025. <script>alert("x")</script> <img src=x onerror=alert(1)>
"""


def test_a_hostile_document_never_runs_in_a_dossier(tmp_path: Path) -> None:
    report = tmp_path / "report.txt"
    report.write_text(HOSTILE_REPORT, encoding="utf-8")
    db = str(tmp_path / "hostile.db")
    code, output = run("ingest", str(report), "--db", db)
    assert code == 0, output
    for args in (("dossier", "Rostok Tekh"), ("dossier",), ("export", "--format", "html")):
        code, html = run(*args, "--db", db)
        assert code == 0, html
        assert "Rostok Tekh" in html and "&lt;script&gt;" in html  # the quote's context is shown, escaped
        assert runnable(html) == []
