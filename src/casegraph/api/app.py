"""The HTTP API and the web UI over one case store.

Reads are open to clients on the same machine (loopback); everything else,
and every write, needs the bearer token given to `casegraph serve`. Writes are
a person's review actions: accept or reject a claim, merge or split entities.
They go through the same stored decisions as the CLI, so they outlive re-ingest.
"""

from __future__ import annotations

import hmac
from importlib import resources
from ipaddress import ip_address
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.responses import FileResponse, HTMLResponse
from fastapi.staticfiles import StaticFiles

from casegraph.analyse.case import AmbiguousEntity, CaseGraph, UnknownEntity, case_from_export
from casegraph.analyse.exposure import exposure as exposure_of
from casegraph.analyse.jsonable import payload
from casegraph.analyse.paths import Traversal, find_paths
from casegraph.analyse.timeline import timeline as timeline_of
from casegraph.api import schemas
from casegraph.api.case import CaseView, date_key, passes
from casegraph.model import EntityType, Status
from casegraph.pipeline import rebuild
from casegraph.resolve.decisions import Decision
from casegraph.screen.lists import default_lists
from casegraph.screen.screening import DEFAULT_THRESHOLD, Screener
from casegraph.store.database import Store
from casegraph.store.decisions_table import add_decision
from casegraph.store.lists_table import stored_lists
from casegraph.store.reviews_table import Verdict, add_review

STATIC = resources.files("casegraph.api") / "static"


class CaseState:
    """The store, the cached case view and the screener of one running app."""

    def __init__(self, store: Store, token: str) -> None:
        self.store = store
        self.token = token
        self._view: CaseView | None = None
        self._case: CaseGraph | None = None
        self._screener: Screener | None = None

    @property
    def view(self) -> CaseView:
        if self._view is None:
            self._view = CaseView.load(self.store)
        return self._view

    @property
    def case(self) -> CaseGraph:
        """The case for analyses (paths, exposure, timeline); claims a person rejected left out."""
        if self._case is None:
            self._case = case_from_export(self.view.data)
        return self._case

    def find(self, key: str) -> str:
        """An entity id for an id, name or alias; 404 when none fits, 409 when several do."""
        try:
            return self.case.find(key).id
        except UnknownEntity as error:
            raise HTTPException(404, str(error)) from error
        except AmbiguousEntity as error:
            raise HTTPException(409, str(error)) from error

    def answer(self, result: Any, ids: list[str]) -> dict[str, Any]:
        return payload({i: self.case.name(i) for i in ids}, result)

    def changed(self) -> None:
        self._view = None
        self._case = None

    @property
    def screener(self) -> Screener:
        if self._screener is None:
            self._screener = Screener(stored_lists(self.store) or default_lists())
        return self._screener


def _loopback(request: Request) -> bool:
    host = request.client.host if request.client else ""
    try:
        return ip_address(host).is_loopback
    except ValueError:
        return host in {"localhost", "testclient"}


def _token_ok(request: Request, token: str) -> bool:
    header = request.headers.get("authorization", "")
    given = header.removeprefix("Bearer ").strip() if header.startswith("Bearer ") else ""
    return bool(given) and hmac.compare_digest(given.encode(), token.encode())


def reader(request: Request) -> CaseState:
    """The app's case, for a read: open on loopback, else the token is needed."""
    state: CaseState = request.app.state.case
    if not _loopback(request) and not _token_ok(request, state.token):
        raise HTTPException(401, "reads from another machine need the bearer token")
    return state


def writer(request: Request) -> CaseState:
    """The app's case, for a write: the token is always needed."""
    state: CaseState = request.app.state.case
    if not _token_ok(request, state.token):
        raise HTTPException(401, "this action needs the bearer token given to `casegraph serve`")
    return state


Read = Annotated[CaseState, Depends(reader)]
Write = Annotated[CaseState, Depends(writer)]


def create_app(store: Store, token: str) -> FastAPI:
    """The API and UI for `store`; `token` guards writes (and reads from other machines)."""
    if not token:
        raise ValueError("a write token is required")
    state = CaseState(store, token)
    app = FastAPI(
        title="casegraph",
        summary="A sourced network of who supplied what to whom, screened against sanctions lists.",
        version="1",
    )

    app.state.case = state

    @app.get("/api/documents", response_model=list[schemas.DocumentSummary], tags=["documents"])
    def documents(s: Read) -> list[dict[str, Any]]:
        """Every stored document, without its text."""
        return list(s.view.documents.values())

    @app.get("/api/documents/{document_id}", response_model=schemas.Document, tags=["documents"])
    def document(document_id: str, s: Read) -> dict[str, Any]:
        """One document with its stored text (every evidence offset indexes it) and removed spans."""
        found = s.view.documents.get(document_id)
        if found is None:
            raise HTTPException(404, f"no document {document_id}")
        return found

    @app.get("/api/entities", response_model=list[schemas.Entity], tags=["entities"])
    def entities(
        s: Read,
        q: Annotated[str, Query(description="Part of a name or alias.")] = "",
        type: Annotated[EntityType | None, Query(description="Only this entity type.")] = None,
        sanctioned: Annotated[
            bool | None, Query(description="Only (un)sanctioned parties.")
        ] = None,
    ) -> list[dict[str, Any]]:
        """Entities, filtered by name, type and sanction status."""
        folded = q.casefold()
        return [
            e
            for e in s.view.data["entities"]
            if (not folded or any(folded in n.casefold() for n in [e["name"], *e["aliases"]]))
            and (type is None or e["type"] == type.value)
            and (sanctioned is None or bool(e["sanctions"]) == sanctioned)
        ]

    @app.get("/api/entities/{key}", response_model=schemas.EntityPage, tags=["entities"])
    def entity(key: str, s: Read) -> dict[str, Any]:
        """An entity (by id or name) with its claims and the parties at their other ends."""
        found = s.view.find_entity(key)
        if found is None:
            raise HTTPException(404, f"no entity {key!r}")
        claims = s.view.claims_of.get(found["id"], [])
        others = {c["object"] if c["subject"] == found["id"] else c["subject"] for c in claims}
        return {
            "entity": found,
            "claims": claims,
            "neighbours": [s.view.entities[i] for i in sorted(others) if i in s.view.entities],
        }

    @app.get("/api/claims", response_model=list[schemas.Claim], tags=["claims"])
    def claims(
        s: Read,
        entity: Annotated[
            str | None, Query(description="Only claims of this entity (id or name).")
        ] = None,
        min_status: Annotated[Status | None, Query(description="Weakest status kept.")] = None,
        since: Annotated[
            str | None, Query(description="Earliest claim date, e.g. 2024 or 2024-04-01.")
        ] = None,
        until: Annotated[str | None, Query(description="Latest claim date.")] = None,
        rejected: Annotated[bool, Query(description="Include claims a person rejected.")] = False,
    ) -> list[dict[str, Any]]:
        """Claims with their evidence, filtered by party, status, date and review."""
        pool = s.view.data["claims"]
        if entity is not None:
            found = s.view.find_entity(entity)
            if found is None:
                raise HTTPException(404, f"no entity {entity!r}")
            pool = s.view.claims_of.get(found["id"], [])
        return [
            c for c in pool if passes(c, min_status, date_key(since), date_key(until), rejected)
        ]

    @app.get("/api/graph", response_model=schemas.Graph, tags=["claims"])
    def graph(
        s: Read,
        min_status: Annotated[Status | None, Query()] = None,
        since: Annotated[str | None, Query()] = None,
        until: Annotated[str | None, Query()] = None,
        rejected: Annotated[bool, Query()] = False,
    ) -> dict[str, Any]:
        """The network for drawing: parties and products as nodes, claims as edges."""
        view = s.view
        edges = [
            {
                "id": c["id"],
                "source": c["subject"],
                "target": c["object"],
                "predicate": c["predicate"],
                "status": c["status"],
                "date": c["attributes"].get("date"),
                "review": c.get("review"),
            }
            for c in view.data["claims"]
            if passes(c, min_status, date_key(since), date_key(until), rejected)
        ]
        used = {e["source"] for e in edges} | {e["target"] for e in edges}
        nodes = [
            {
                "id": e["id"],
                "label": e["name"],
                "type": e["type"],
                "sanctioned": bool(e["sanctions"]),
            }
            for e in view.data["entities"]
            if e["id"] in used
        ]
        return {"nodes": nodes, "edges": edges}

    @app.get("/api/search", response_model=list[schemas.SearchHit], tags=["search"])
    def search(s: Read, q: Annotated[str, Query(min_length=1)]) -> list[dict[str, str]]:
        """Entities by name and documents by text."""
        return [
            {"kind": kind, "id": id_, "label": label, "snippet": snippet}
            for kind, id_, label, snippet in s.view.search(q)
        ]

    @app.get("/api/screen", response_model=list[schemas.ScreenHit], tags=["screening"])
    def screen(
        s: Read,
        name: Annotated[str, Query(min_length=1, description="A name to screen.")],
        type: Annotated[EntityType | None, Query()] = None,
        threshold: Annotated[float, Query(ge=0, le=1)] = DEFAULT_THRESHOLD,
    ) -> list[dict[str, Any]]:
        """Screen one name against the stored lists (else the bundled OFAC snapshot)."""
        return [
            {
                "entry_id": m.entry_id,
                "list": m.list_name,
                "list_date": m.list_date,
                "matched_name": m.matched_name,
                "score": round(m.score, 3),
                "explanation": m.explanation,
                "programs": list(m.programs),
            }
            for m in s.screener.screen_name(name, type, threshold=threshold)
        ]

    @app.get("/api/path", response_model=schemas.Analysis, tags=["analysis"])
    def path(
        s: Read,
        source: Annotated[str, Query(min_length=1, description="Entity id, name or alias.")],
        target: Annotated[str, Query(min_length=1, description="Entity id, name or alias.")],
        max_hops: Annotated[int, Query(ge=1, le=8, description="Longest path, in claims.")] = 4,
        min_status: Annotated[Status, Query(description="Weakest status a hop may rest on.")] = Status.DENIED,
        directed: Annotated[bool, Query(description="Follow the goods instead of reading claims both ways.")] = False,
        limit: Annotated[int, Query(ge=1, le=100, description="Paths returned, shortest and strongest first.")] = 10,
    ) -> dict[str, Any]:
        """How SOURCE reaches TARGET: each path hop by hop, each hop with its claims, statuses and sources."""
        start, end = s.find(source), s.find(target)
        rules = Traversal(min_status=min_status, directed=directed)
        paths = find_paths(s.case, start, end, max_hops, rules, limit)
        return s.answer({"source": start, "target": end, "paths": paths}, [start, end, *(n for p in paths for n in p.nodes)])

    @app.get("/api/exposure", response_model=schemas.Analysis, tags=["analysis"])
    def exposure(
        s: Read,
        entity: Annotated[str, Query(min_length=1, description="Entity id, name or alias.")],
        hops: Annotated[int, Query(ge=1, le=6, description="How far to look, in claims.")] = 3,
        min_status: Annotated[Status, Query(description="Weakest status a hop may rest on.")] = Status.DENIED,
    ) -> dict[str, Any]:
        """Sanctioned parties the entity reaches within `hops` claims, nearest first, with the paths."""
        found = exposure_of(s.case, s.find(entity), hops, Traversal(min_status=min_status))
        reached = [r.entity_id for r in found.reached]
        return s.answer(found, [found.entity_id, *reached, *(n for r in found.reached for p in r.paths for n in p.nodes)])

    @app.get("/api/timeline", response_model=schemas.Analysis, tags=["analysis"])
    def timeline(
        s: Read,
        entity: Annotated[str, Query(min_length=1, description="Entity id, name or alias.")],
        min_status: Annotated[Status, Query(description="Weakest status kept.")] = Status.DENIED,
    ) -> dict[str, Any]:
        """The entity's claims in time order (day, month, quarter or year as stated); undated last."""
        entity_id = s.find(entity)
        entries = timeline_of(s.case, entity_id, Traversal(min_status=min_status))
        ids = [entity_id, *(e.link.subject for e in entries), *(e.link.object for e in entries)]
        return s.answer({"entity": entity_id, "entries": entries}, ids)

    @app.post("/api/claims/{claim_id}/review", response_model=schemas.Claim, tags=["review"])
    def review(claim_id: str, body: schemas.ReviewRequest, s: Write) -> dict[str, Any]:
        """Accept or reject a claim; the verdict is stored and survives re-ingest."""
        claim = s.view.claims.get(claim_id)
        if claim is None:
            raise HTTPException(404, f"no claim {claim_id}")
        for stored in claim["stored_ids"]:
            add_review(s.store, stored, Verdict(body.verdict), body.note)
        s.changed()
        return s.view.claims[claim_id]

    @app.post("/api/entities/merge", response_model=schemas.Done, tags=["review"])
    def merge(body: schemas.MergeRequest, s: Write) -> dict[str, Any]:
        """Record that two names are one party, and rebuild the entities."""
        return _decide(s, Decision.make("merge", body.a, body.b, body.note))

    @app.post("/api/entities/split", response_model=schemas.Done, tags=["review"])
    def split(body: schemas.SplitRequest, s: Write) -> dict[str, Any]:
        """Record that a name stands alone, and rebuild the entities."""
        return _decide(s, Decision.make("split", body.name, None, body.note))

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index() -> FileResponse:
        return FileResponse(str(STATIC / "index.html"), media_type="text/html")

    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")
    return app


def _decide(state: CaseState, decision: Decision) -> dict[str, Any]:
    known = {n.casefold() for e in state.view.data["entities"] for n in [e["name"], *e["aliases"]]}
    for name in (decision.a, decision.b):
        if name is not None and name.casefold() not in known:
            raise HTTPException(404, f"no entity is named {name!r}")
    add_decision(state.store, decision)
    rebuild(state.store)
    state.changed()
    return {"ok": True, "detail": f"{decision.kind} recorded; entities rebuilt"}
