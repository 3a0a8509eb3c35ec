"""Response and request bodies of the API, as pydantic models so OpenAPI documents them.

They mirror the JSON export of DESIGN.md: a client that reads `casegraph export`
reads the API the same way.
"""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, Field


class Sanction(BaseModel):
    list_name: str = Field(alias="list", description="The sanctions list the entry is on.")
    list_date: str
    entry_id: str
    matched_name: str
    query_name: str
    score: float
    explanation: str
    programs: list[str]
    entry_type: str


class Merge(BaseModel):
    name: str
    into: str
    reason: str
    score: float


class Entity(BaseModel):
    id: str
    type: str
    name: str
    aliases: list[str]
    countries: list[str]
    merges: list[Merge]
    sanctions: list[Sanction]


class Evidence(BaseModel):
    document_id: str
    quote: str
    start: int = Field(description="Offset of the quote in the document's stored text.")
    end: int
    cue: str | None = None
    locator: str | None = None


class Claim(BaseModel):
    id: str
    subject: str
    predicate: str
    object: str
    link_type: str
    attributes: dict[str, str]
    status: str
    evidence: Evidence
    extractor: str
    stored_ids: list[str]
    review: Literal["accepted", "rejected"] | None = None


class RemovedSpan(BaseModel):
    start: int
    end: int
    reason: str


class DocumentSummary(BaseModel):
    id: str
    source: str
    title: str
    published: str | None
    media_type: str
    duplicate_of: str | None = None
    derived_from: str | None = None


class Document(DocumentSummary):
    sha256: str
    text: str = Field(description="The stored text every evidence offset indexes.")
    removed: list[RemovedSpan]
    metadata: dict[str, Any] = {}
    language: str | None = None
    parent_id: str | None = None


class EntityPage(BaseModel):
    """An entity with every claim it takes part in and the parties at their other ends."""

    entity: Entity
    claims: list[Claim]
    neighbours: list[Entity]


class Node(BaseModel):
    id: str
    label: str
    type: str
    sanctioned: bool


class Edge(BaseModel):
    id: str
    source: str
    target: str
    predicate: str
    status: str
    date: str | None
    review: str | None


class Graph(BaseModel):
    nodes: list[Node]
    edges: list[Edge]


class SearchHit(BaseModel):
    kind: Literal["entity", "document"]
    id: str
    label: str
    snippet: str


class ScreenHit(BaseModel):
    entry_id: str
    list_name: str = Field(alias="list", description="The sanctions list the entry is on.")
    list_date: str
    matched_name: str
    score: float
    explanation: str
    programs: list[str]


class ReviewRequest(BaseModel):
    verdict: Literal["accepted", "rejected"]
    note: str = ""


class MergeRequest(BaseModel):
    a: str = Field(description="A name as the documents write it.")
    b: str
    note: str = ""


class SplitRequest(BaseModel):
    name: str = Field(description="The name that leaves its entity and stands alone.")
    note: str = ""


class Done(BaseModel):
    ok: bool
    detail: str


class Analysis(BaseModel):
    """An analysis answer, shaped as `casegraph path|exposure|timeline --format json` prints it."""

    result: dict[str, Any] = Field(
        description="The answer: paths (hops with claims, statuses, independent sources), exposure or timeline entries."
    )
    names: dict[str, str] = Field(description="The name of every entity id the result mentions.")
