"""The store: documents, mentions, claims, entities and matches through SQLAlchemy.

SQLite by default, any SQLAlchemy URL (PostgreSQL) by `--db`. Each document is
written with its mentions and claims in one transaction, so a crash never
leaves half a document; resolution and screening are rewritten whole.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, delete, event, insert, select
from sqlalchemy.exc import SQLAlchemyError

from casegraph.errors import StoreError
from casegraph.model import (
    Claim,
    Document,
    Entity,
    EntityType,
    Evidence,
    Mention,
    MergeReason,
    Predicate,
    RemovedSpan,
    ScreeningMatch,
    Status,
)
from casegraph.store import decisions_table, lists_table, reviews_table  # noqa: F401  (register their tables)
from casegraph.store import schema as t


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.close()


class Store:
    """A casegraph database; the schema is created on first use."""

    def __init__(self, url: str) -> None:
        self.url = url
        if url.startswith("sqlite:///"):
            parent = Path(url.removeprefix("sqlite:///")).parent
            if not parent.exists():
                raise StoreError(f"folder for the database does not exist: {parent}")
        try:
            self.engine: Engine = create_engine(url)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            t.metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {url}: {exc}") from exc

    def has_document(self, sha256: str) -> bool:
        query = select(t.documents.c.id).where(t.documents.c.sha256 == sha256)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def add_document(
        self, document: Document, mentions: Sequence[Mention], claims: Sequence[Claim]
    ) -> bool:
        """Write a document with its extraction; False when its bytes are already stored."""
        with self.engine.begin() as conn:
            exists = select(t.documents.c.id).where(t.documents.c.sha256 == document.sha256)
            if conn.execute(exists).first() is not None:
                return False
            conn.execute(insert(t.documents), [_document_row(document)])
            if mentions:
                conn.execute(insert(t.mentions), [_mention_row(m) for m in _unique(mentions)])
            if claims:
                conn.execute(insert(t.claims), [_claim_row(c) for c in _unique_claims(claims)])
        return True

    def documents(self) -> list[Document]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents).order_by(t.documents.c.source)).mappings()
            return [_document(r) for r in rows]

    def mentions(self) -> list[Mention]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.mentions).order_by(t.mentions.c.id)).mappings()
            return [_mention(r) for r in rows]

    def claims(self) -> list[Claim]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.claims).order_by(t.claims.c.id)).mappings()
            return [_claim(r) for r in rows]

    def replace_entities(self, entities: Iterable[Entity], links: dict[str, str]) -> None:
        """Rewrite resolution whole: entities and the mention -> entity map."""
        with self.engine.begin() as conn:
            conn.execute(delete(t.screening_matches))
            conn.execute(delete(t.mention_entities))
            conn.execute(delete(t.entities))
            rows = [_entity_row(e) for e in entities]
            if rows:
                conn.execute(insert(t.entities), rows)
            if links:
                pairs = [{"mention_id": m, "entity_id": e} for m, e in sorted(links.items())]
                conn.execute(insert(t.mention_entities), pairs)

    def replace_matches(self, matches: Iterable[ScreeningMatch]) -> None:
        with self.engine.begin() as conn:
            conn.execute(delete(t.screening_matches))
            rows = [_match_row(m) for m in matches]
            if rows:
                conn.execute(insert(t.screening_matches), rows)

    def entities(self) -> list[Entity]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.entities).order_by(t.entities.c.name)).mappings()
            return [_entity(r) for r in rows]

    def mention_entities(self) -> dict[str, str]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.mention_entities)).all()
            return {r.mention_id: r.entity_id for r in rows}

    def matches(self) -> list[ScreeningMatch]:
        query = select(t.screening_matches).order_by(
            t.screening_matches.c.entity_id, t.screening_matches.c.score.desc()
        )
        with self.engine.connect() as conn:
            return [_match(r) for r in conn.execute(query).mappings()]


def _unique(mentions: Sequence[Mention]) -> list[Mention]:
    return list({m.id: m for m in mentions}.values())


def _unique_claims(claims: Sequence[Claim]) -> list[Claim]:
    return list({c.id: c for c in claims}.values())


def _document_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": d.source,
        "title": d.title,
        "text": d.text,
        "sha256": d.sha256,
        "published": d.published.isoformat() if d.published else None,
        "media_type": d.media_type,
        "removed": [[s.start, s.end, s.reason] for s in d.removed],
        "duplicate_of": d.duplicate_of,
        "derived_from": d.derived_from,
        "language": d.language,
        "metadata": [list(kv) for kv in d.metadata],
        "parent_id": d.parent_id,
    }


def _document(r: Any) -> Document:
    return Document(
        id=r["id"],
        source=r["source"],
        title=r["title"],
        text=r["text"],
        sha256=r["sha256"],
        published=date.fromisoformat(r["published"]) if r["published"] else None,
        media_type=r["media_type"],
        removed=tuple(RemovedSpan(s, e, reason) for s, e, reason in r["removed"]),
        duplicate_of=r["duplicate_of"],
        derived_from=r["derived_from"],
        language=r["language"],
        metadata=tuple((k, v) for k, v in r["metadata"] or ()),
        parent_id=r["parent_id"],
    )


def _mention_row(m: Mention) -> dict[str, Any]:
    return {
        "id": m.id,
        "document_id": m.document_id,
        "start": m.start,
        "end": m.end,
        "text": m.text,
        "type": m.type.value,
        "extractor": m.extractor,
        "countries": list(m.countries),
    }


def _mention(r: Any) -> Mention:
    return Mention(
        document_id=r["document_id"],
        start=r["start"],
        end=r["end"],
        text=r["text"],
        type=EntityType(r["type"]),
        extractor=r["extractor"],
        countries=tuple(r["countries"]),
    )


def _claim_row(c: Claim) -> dict[str, Any]:
    return {
        "id": c.id,
        "document_id": c.evidence.document_id,
        "subject": c.subject,
        "predicate": c.predicate.value,
        "object": c.object,
        "status": c.status.value,
        "quote": c.evidence.quote,
        "start": c.evidence.start,
        "end": c.evidence.end,
        "cue": c.evidence.cue,
        "locator": c.evidence.locator,
        "attributes": [list(kv) for kv in c.attributes],
        "extractor": c.extractor,
    }


def _claim(r: Any) -> Claim:
    evidence = Evidence(r["document_id"], r["quote"], r["start"], r["end"], r["cue"], r["locator"])
    return Claim(
        subject=r["subject"],
        predicate=Predicate(r["predicate"]),
        object=r["object"],
        status=Status(r["status"]),
        evidence=evidence,
        attributes=tuple((k, v) for k, v in r["attributes"]),
        extractor=r["extractor"],
    )


def _entity_row(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type.value,
        "name": e.name,
        "aliases": list(e.aliases),
        "countries": list(e.countries),
        "merges": [[m.name, m.into, m.reason, m.score] for m in e.merges],
    }


def _entity(r: Any) -> Entity:
    return Entity(
        id=r["id"],
        type=EntityType(r["type"]),
        name=r["name"],
        aliases=tuple(r["aliases"]),
        countries=tuple(r["countries"]),
        merges=tuple(MergeReason(n, i, reason, s) for n, i, reason, s in r["merges"]),
    )


def _match_row(m: ScreeningMatch) -> dict[str, Any]:
    return {
        "entity_id": m.entity_id,
        "list_name": m.list_name,
        "entry_id": m.entry_id,
        "list_date": m.list_date,
        "matched_name": m.matched_name,
        "query_name": m.query_name,
        "score": m.score,
        "explanation": m.explanation,
        "programs": list(m.programs),
        "entry_type": m.entry_type,
    }


def _match(r: Any) -> ScreeningMatch:
    return ScreeningMatch(
        entity_id=r["entity_id"],
        list_name=r["list_name"],
        list_date=r["list_date"],
        entry_id=r["entry_id"],
        matched_name=r["matched_name"],
        query_name=r["query_name"],
        score=r["score"],
        explanation=r["explanation"],
        programs=tuple(r["programs"]),
        entry_type=r["entry_type"],
    )
