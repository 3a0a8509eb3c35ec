"""The API over a copy of the seed store: reads, filters, search, screening, review actions."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from casegraph.api.app import create_app
from casegraph.store.database import Store

TOKEN = "test-token"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def client(seed_store: Store, tmp_path: Path) -> TestClient:
    source = seed_store.engine.url.database
    assert source is not None
    copy = tmp_path / "case.db"
    with sqlite3.connect(source) as original, sqlite3.connect(copy) as target:
        original.backup(target)
    return TestClient(create_app(Store(f"sqlite:///{copy}"), TOKEN))


def test_entity_page_by_name_has_claims_with_evidence_in_document_text(client: TestClient) -> None:
    page = client.get("/api/entities/TSK Vektor").json()
    assert page["entity"]["sanctions"], "the procurement firm is on the bundled OFAC snapshot"
    assert page["claims"]
    for claim in page["claims"]:
        document = client.get(f"/api/documents/{claim['evidence']['document_id']}").json()
        evidence = claim["evidence"]
        assert document["text"][evidence["start"] : evidence["end"]] == evidence["quote"]
        assert page["entity"]["id"] in (claim["subject"], claim["object"])


def test_unknown_ids_are_404_with_a_reason(client: TestClient) -> None:
    response = client.get("/api/entities/No Such Party Ltd")
    assert response.status_code == 404
    assert "No Such Party Ltd" in response.json()["detail"]
    assert client.get("/api/documents/doc-missing").status_code == 404


def test_filters_by_status_and_date(client: TestClient) -> None:
    every = client.get("/api/claims").json()
    documented = client.get("/api/claims", params={"min_status": "documented"}).json()
    assert documented and all(c["status"] == "documented" for c in documented)
    assert len(documented) < len(every)
    dated = client.get("/api/claims", params={"since": "2025", "until": "2025-Q4"}).json()
    assert dated and all(c["attributes"]["date"].startswith("2025") for c in dated)


def test_graph_edges_join_nodes_and_mark_sanctioned_parties(client: TestClient) -> None:
    graph = client.get("/api/graph").json()
    ids = {n["id"] for n in graph["nodes"]}
    assert all(e["source"] in ids and e["target"] in ids for e in graph["edges"])
    assert any(n["sanctioned"] for n in graph["nodes"])


def test_search_finds_entities_and_documents(client: TestClient) -> None:
    hits = client.get("/api/search", params={"q": "Kupol"}).json()
    assert {"entity", "document"} <= {h["kind"] for h in hits}


def test_screen_explains_its_match(client: TestClient) -> None:
    hits = client.get("/api/screen", params={"name": "TSK Vektor", "type": "organization"}).json()
    assert hits[0]["entry_id"] == "46441"
    assert hits[0]["explanation"]


def test_path_goes_through_the_procurement_firm_with_evidence(client: TestClient) -> None:
    answer = client.get("/api/path", params={"source": "Sichuan AEE", "target": "IEMZ Kupol"}).json()
    names, paths = answer["names"], answer["result"]["paths"]
    first = paths[0]
    assert [names[h["source"]] for h in first["hops"]] == ["Sichuan AEE", "TSK Vektor"]
    assert names[first["hops"][-1]["target"]] == "IEMZ Kupol"
    for hop in first["hops"]:
        assert hop["links"] and all(link["evidence"]["quote"] for link in hop["links"])
        assert hop["sources"]["count"] >= 1
    strict = client.get("/api/path", params={"source": "Sichuan AEE", "target": "IEMZ Kupol",
                                             "min_status": "documented", "max_hops": 1}).json()
    assert strict["result"]["paths"] == []


def test_exposure_reaches_a_sanctioned_party_and_says_how(client: TestClient) -> None:
    answer = client.get("/api/exposure", params={"entity": "Hunan Haotianyi", "hops": 3}).json()
    reached = answer["result"]["reached"]
    assert reached and all(r["paths"] for r in reached)
    assert "TSK Vektor" in {answer["names"][r["entity_id"]] for r in reached}


def test_timeline_is_in_time_order_undated_last(client: TestClient) -> None:
    entries = client.get("/api/timeline", params={"entity": "TSK Vektor"}).json()["result"]["entries"]
    dated = [e["date"] for e in entries if e["date"]]
    assert dated == sorted(dated) and dated[0].startswith("2024")
    assert all(e["date"] is None for e in entries[len(dated):])


def test_analysis_names_unknown_and_ambiguous_parties(client: TestClient) -> None:
    missing = client.get("/api/exposure", params={"entity": "No Such Party Ltd"})
    assert missing.status_code == 404 and "No Such Party Ltd" in missing.json()["detail"]


def test_review_needs_the_token_and_is_kept(client: TestClient) -> None:
    claim = client.get("/api/claims").json()[0]
    path = f"/api/claims/{claim['id']}/review"
    assert client.post(path, json={"verdict": "rejected"}).status_code == 401
    wrong = {"Authorization": "Bearer nope"}
    assert client.post(path, json={"verdict": "rejected"}, headers=wrong).status_code == 401
    reviewed = client.post(path, json={"verdict": "rejected", "note": "misread"}, headers=AUTH).json()
    assert reviewed["review"] == "rejected"
    assert claim["id"] not in {c["id"] for c in client.get("/api/claims").json()}
    kept = client.get("/api/claims", params={"rejected": "true"}).json()
    assert [c["review"] for c in kept if c["id"] == claim["id"]] == ["rejected"]


def test_merge_and_split_rebuild_entities(client: TestClient) -> None:
    body = {"a": "Sichuan AEE", "b": "Samuel Bendett"}
    assert client.post("/api/entities/merge", json=body).status_code == 401
    assert client.post("/api/entities/merge", json=body, headers=AUTH).json()["ok"]
    merged = client.get("/api/entities/Sichuan AEE").json()["entity"]
    assert "Samuel Bendett" in [merged["name"], *merged["aliases"]]
    assert client.post("/api/entities/split", json={"name": "Samuel Bendett"}, headers=AUTH).json()["ok"]
    apart = client.get("/api/entities/Sichuan AEE").json()["entity"]
    assert "Samuel Bendett" not in [apart["name"], *apart["aliases"]]
    missing = client.post("/api/entities/merge", json={"a": "Nobody Ever", "b": "Sichuan AEE"}, headers=AUTH)
    assert missing.status_code == 404


def test_reads_from_another_machine_need_the_token(seed_store: Store) -> None:
    remote = TestClient(create_app(seed_store, TOKEN), client=("203.0.113.5", 5000))
    assert remote.get("/api/entities").status_code == 401
    assert remote.get("/api/entities", headers=AUTH).status_code == 200


def test_openapi_documents_every_route(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    for route in ("/api/documents", "/api/entities/{key}", "/api/claims", "/api/graph", "/api/search",
                  "/api/screen", "/api/claims/{claim_id}/review", "/api/entities/merge",
                  "/api/path", "/api/exposure", "/api/timeline"):
        assert route in paths


def test_ui_is_served_offline(client: TestClient) -> None:
    page = client.get("/").text
    assert "/static/app.js" in page and "http" not in page.split("<body>")[1]
    assert "textContent" in client.get("/static/app.js").text
