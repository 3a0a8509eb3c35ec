"""Tables of the store; created on first use, the same on SQLite and PostgreSQL."""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    Column,
    Float,
    ForeignKey,
    Integer,
    MetaData,
    String,
    Table,
    Text,
)

# Constraint and index names spelt out, so they read the same on SQLite and PostgreSQL.
metadata = MetaData(
    naming_convention={"ix": "ix_%(column_0_label)s", "uq": "uq_%(table_name)s_%(column_0_name)s"}
)

documents = Table(
    "documents",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("source", Text, nullable=False),
    Column("title", Text, nullable=False),
    Column("text", Text, nullable=False),
    Column("sha256", String(64), nullable=False, unique=True),
    Column("published", String(10)),
    Column("media_type", String(80), nullable=False),
    Column("removed", JSON, nullable=False),
    Column("duplicate_of", String(40)),
    Column("derived_from", String(40)),
    Column("language", String(12)),
    Column("metadata", JSON, nullable=False, default=list),
    Column("parent_id", String(40), index=True),
)

mentions = Table(
    "mentions",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False, index=True),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("text", Text, nullable=False),
    Column("type", String(20), nullable=False),
    Column("extractor", String(80), nullable=False),
    Column("countries", JSON, nullable=False),
)

claims = Table(
    "claims",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("document_id", String(40), ForeignKey("documents.id"), nullable=False, index=True),
    Column("subject", String(40), ForeignKey("mentions.id"), nullable=False),
    Column("predicate", String(30), nullable=False),
    Column("object", String(40), ForeignKey("mentions.id"), nullable=False),
    Column("status", String(20), nullable=False),
    Column("quote", Text, nullable=False),
    Column("start", Integer, nullable=False),
    Column("end", Integer, nullable=False),
    Column("cue", Text),
    Column("locator", Text),
    Column("attributes", JSON, nullable=False),
    Column("extractor", String(80), nullable=False),
)

entities = Table(
    "entities",
    metadata,
    Column("id", String(40), primary_key=True),
    Column("type", String(20), nullable=False),
    Column("name", Text, nullable=False),
    Column("aliases", JSON, nullable=False),
    Column("countries", JSON, nullable=False),
    Column("merges", JSON, nullable=False),
)

mention_entities = Table(
    "mention_entities",
    metadata,
    Column("mention_id", String(40), ForeignKey("mentions.id"), primary_key=True),
    Column("entity_id", String(40), ForeignKey("entities.id"), nullable=False, index=True),
)

screening_matches = Table(
    "screening_matches",
    metadata,
    Column("entity_id", String(40), ForeignKey("entities.id"), primary_key=True),
    Column("list_name", String(80), primary_key=True),
    Column("entry_id", String(200), primary_key=True),  # as sanction_entries.entry_id
    Column("list_date", String(10), nullable=False),
    Column("matched_name", Text, nullable=False),
    Column("query_name", Text, nullable=False),
    Column("score", Float, nullable=False),
    Column("explanation", Text, nullable=False),
    Column("programs", JSON, nullable=False),
    Column("entry_type", String(20), nullable=False),
)
