"""The store: documents, mentions, claims, entities and matches through SQLAlchemy.

SQLite by default, PostgreSQL (or any SQLAlchemy URL) by `--db`, with the same
schema and behaviour. Each document is written with its mentions and claims in
one transaction keyed on the hash of its bytes, so a crash never leaves half a
document and two writers racing on the same bytes store it once; resolution and
screening are rewritten whole, in one transaction.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from sqlalchemy import (
    Connection,
    Engine,
    Insert,
    Table,
    create_engine,
    delete,
    event,
    func,
    insert,
    select,
    update,
)
from sqlalchemy.dialects import postgresql, sqlite
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
from casegraph.settings import SQLITE_BUSY_TIMEOUT_MS, engine_url
from casegraph.store import (  # noqa: F401  (register their tables)
    decisions_table,
    lists_table,
    restorations_table,
    reviews_table,
)
from casegraph.store import schema as t


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    """WAL lets readers run while one process writes; the busy timeout makes a second
    writer wait its turn instead of failing; NORMAL sync in WAL mode loses nothing
    when a process is killed (only an OS crash may roll back the last commits)."""
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


@dataclass(frozen=True)
class StoreCounts:
    """Rows per kind of record: what a progress line or a consistency check reads."""

    documents: int
    mentions: int
    claims: int
    entities: int


class Store:
    """A casegraph database; the schema is created on first use."""

    def __init__(self, url: str) -> None:
        url = engine_url(url)
        self.url = url
        if url.startswith("sqlite:///"):
            parent = Path(url.removeprefix("sqlite:///")).parent
            if not parent.exists():
                raise StoreError(f"folder for the database does not exist: {parent}")
        try:
            self.engine: Engine = create_engine(url, pool_pre_ping=True)
            if self.engine.dialect.name == "sqlite":
                event.listen(self.engine, "connect", _sqlite_pragmas)
            t.metadata.create_all(self.engine)
        except SQLAlchemyError as exc:
            raise StoreError(f"cannot open database {_safe(url)}: {_first_line(exc)}") from exc
        except ImportError as exc:
            raise StoreError(f"no driver for {_safe(url)}: {exc}") from exc

    def has_document(self, sha256: str) -> bool:
        query = select(t.documents.c.id).where(t.documents.c.sha256 == sha256)
        with self.engine.connect() as conn:
            return conn.execute(query).first() is not None

    def add_document(
        self, document: Document, mentions: Sequence[Mention], claims: Sequence[Claim]
    ) -> bool:
        """Write a document with its extraction; False when its bytes are already stored.

        The document row goes in first with ON CONFLICT DO NOTHING, so of two writers
        racing on the same bytes one stores it and the other writes nothing.
        """
        with self.engine.begin() as conn:
            stored = self._insert_new(t.documents).returning(t.documents.c.id)
            if conn.execute(stored, _document_row(document)).first() is None:
                return False
            if mentions:
                conn.execute(insert(t.mentions), [_mention_row(m) for m in _unique(mentions)])
            if claims:
                conn.execute(insert(t.claims), [_claim_row(c) for c in _unique_claims(claims)])
        return True

    def _insert_new(self, table: Table) -> Insert:
        """INSERT that skips a row whose key is stored already, on SQLite and PostgreSQL alike."""
        if self.engine.dialect.name == "postgresql":
            return postgresql.insert(table).on_conflict_do_nothing()
        if self.engine.dialect.name == "sqlite":
            return sqlite.insert(table).on_conflict_do_nothing()
        return insert(table)

    def known_sha256s(self) -> set[str]:
        """The hash of every stored document's bytes: what an ingest can skip unread."""
        with self.engine.connect() as conn:
            return set(conn.execute(select(t.documents.c.sha256)).scalars())

    def counts(self) -> StoreCounts:
        tables = (t.documents, t.mentions, t.claims, t.entities)
        with self.engine.connect() as conn:
            found = [conn.execute(select(func.count()).select_from(x)).scalar_one() for x in tables]
        return StoreCounts(*found)

    def documents(self) -> list[Document]:
        # Text is ordered in Python: a server's collation would order names differently.
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.documents)).mappings()
            return sorted((_document(r) for r in rows), key=lambda d: (d.source, d.id))

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
            _write_entities(conn, entities, links)

    def replace_matches(self, matches: Iterable[ScreeningMatch]) -> None:
        with self.engine.begin() as conn:
            _write_matches(conn, matches)

    def replace_resolution(
        self, entities: Iterable[Entity], links: dict[str, str], matches: Iterable[ScreeningMatch]
    ) -> None:
        """Entities, links and screening in one transaction: a reader never sees parties
        whose sanctions matches are not written yet."""
        with self.engine.begin() as conn:
            _write_entities(conn, entities, links)
            _write_matches(conn, matches)

    def entities(self) -> list[Entity]:
        with self.engine.connect() as conn:
            rows = conn.execute(select(t.entities)).mappings()
            return sorted((_entity(r) for r in rows), key=lambda e: (e.name, e.type.value, e.id))

    def replace_derivations(self, links: dict[str, tuple[str | None, str | None]]) -> None:
        """Set every document's (duplicate_of, derived_from); documents not in `links` get neither."""
        with self.engine.begin() as conn:
            conn.execute(update(t.documents).values(duplicate_of=None, derived_from=None))
            for document_id, (duplicate_of, derived_from) in sorted(links.items()):
                values = {"duplicate_of": duplicate_of, "derived_from": derived_from}
                conn.execute(
                    update(t.documents).where(t.documents.c.id == document_id).values(**values)
                )

    def replace_extraction(
        self, document: Document, mentions: Sequence[Mention], claims: Sequence[Claim]
    ) -> None:
        """Rewrite one stored document's cleaning and extraction (a restored span), in one
        transaction; its mentions leave resolution until the next rebuild."""
        with self.engine.begin() as conn:
            old = select(t.mentions.c.id).where(t.mentions.c.document_id == document.id)
            conn.execute(delete(t.mention_entities).where(t.mention_entities.c.mention_id.in_(old)))
            conn.execute(delete(t.claims).where(t.claims.c.document_id == document.id))
            conn.execute(delete(t.mentions).where(t.mentions.c.document_id == document.id))
            row = _document_row(document)
            values = {k: row[k] for k in ("text", "removed", "language")}
            conn.execute(
                update(t.documents).where(t.documents.c.id == document.id).values(**values)
            )
            if mentions:
                conn.execute(insert(t.mentions), [_mention_row(m) for m in _unique(mentions)])
            if claims:
                conn.execute(insert(t.claims), [_claim_row(c) for c in _unique_claims(claims)])

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


def _write_entities(conn: Connection, entities: Iterable[Entity], links: dict[str, str]) -> None:
    conn.execute(delete(t.screening_matches))
    conn.execute(delete(t.mention_entities))
    conn.execute(delete(t.entities))
    rows = [_entity_row(e) for e in entities]
    if rows:
        conn.execute(insert(t.entities), rows)
    if links:
        pairs = [{"mention_id": m, "entity_id": e} for m, e in sorted(links.items())]
        conn.execute(insert(t.mention_entities), pairs)


def _write_matches(conn: Connection, matches: Iterable[ScreeningMatch]) -> None:
    conn.execute(delete(t.screening_matches))
    rows = [_match_row(m) for m in matches]
    if rows:
        conn.execute(insert(t.screening_matches), rows)


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    head, at, tail = url.rpartition("@")
    if not at or ":" not in head.split("//", 1)[-1]:
        return url
    scheme, _, credentials = head.partition("//")
    return f"{scheme}//{credentials.split(':', 1)[0]}:***@{tail}"


def _first_line(exc: Exception) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _text(value: str) -> str:
    """PostgreSQL text cannot hold NUL; U+FFFD stands in on every backend, one character
    for one, so offsets still index the stored text."""
    return value.replace("\x00", "\ufffd")


def _unique(mentions: Sequence[Mention]) -> list[Mention]:
    return list({m.id: m for m in mentions}.values())


def _unique_claims(claims: Sequence[Claim]) -> list[Claim]:
    return list({c.id: c for c in claims}.values())


def _document_row(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "source": _text(d.source),
        "title": _text(d.title),
        "text": _text(d.text),
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
        "text": _text(m.text),
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
        "quote": _text(c.evidence.quote),
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
