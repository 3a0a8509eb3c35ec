"""A Neo4j import: `nodes.csv`, `edges.csv` and the `import.cypher` that loads them.

Copy the two CSV files into the database's import folder and run
`cypher-shell -f import.cypher`. The script uses plain `LOAD CSV` (no plugin),
so it runs on Neo4j 4 and 5: every entity is an `:Entity` with a second label
for its type (`:Person`, `:Organization`...), every claim a relationship typed
by its predicate (`:SUPPLIES`, `:ROLE_IN`...) with its status, date, quote and
document. List values (aliases, countries) are joined with `|`; the script
splits them back.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from casegraph.analyse.case import CaseGraph, Link
from casegraph.analyse.sanctions import sanctioned
from casegraph.analyse.timeline import period
from casegraph.model import EntityType, Predicate

NODE_COLUMNS = ("id", "label", "name", "type", "aliases", "countries", "sanctioned", "sanctions")
EDGE_COLUMNS = (
    "id",
    "source",
    "target",
    "type",
    "predicate",
    "link_type",
    "status",
    "date",
    "date_start",
    "date_end",
    "quote",
    "document_id",
    "document_title",
    "document_source",
    "start",
    "end",
    "attributes",
    "review",
)
SEPARATOR = "|"


def label(kind: EntityType) -> str:
    return kind.value.title()


def rel_type(predicate: Predicate) -> str:
    return predicate.value.upper()


def neo4j_files(case: CaseGraph) -> dict[str, str]:
    """File name -> content of the three files of the import."""
    return {
        "nodes.csv": nodes_csv(case),
        "edges.csv": edges_csv(case),
        "import.cypher": import_cypher(),
    }


def write_neo4j(case: CaseGraph, folder: Path) -> list[Path]:
    """Write the import into `folder` (created if needed); returns the files written."""
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in neo4j_files(case).items():
        path = folder / name
        path.write_text(text, encoding="utf-8", newline="")
        written.append(path)
    return written


def _table(columns: tuple[str, ...], rows: list[dict[str, str]]) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=columns, quoting=csv.QUOTE_ALL, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return buffer.getvalue()


def nodes_csv(case: CaseGraph) -> str:
    listed = sanctioned(case)
    rows = [
        {
            "id": e.id,
            "label": label(e.type),
            "name": e.name,
            "type": e.type.value,
            "aliases": SEPARATOR.join(e.aliases),
            "countries": SEPARATOR.join(e.countries),
            "sanctioned": "true" if e.id in listed else "false",
            "sanctions": listed[e.id].reason(case) if e.id in listed else "",
        }
        for e in case.entities.values()
    ]
    return _table(NODE_COLUMNS, rows)


def edges_csv(case: CaseGraph) -> str:
    return _table(EDGE_COLUMNS, [_edge(case, link) for link in case.links])


def _edge(case: CaseGraph, link: Link) -> dict[str, str]:
    ev = link.evidence
    document = case.documents.get(ev.document_id)
    found = period(link.date)
    return {
        "id": link.id,
        "source": link.subject,
        "target": link.object,
        "type": rel_type(link.predicate),
        "predicate": link.predicate.value,
        "link_type": link.predicate.link_type.value,
        "status": link.status.value,
        "date": link.date or "",
        "date_start": found.start.isoformat() if found else "",
        "date_end": found.end.isoformat() if found else "",
        "quote": ev.quote,
        "document_id": ev.document_id,
        "document_title": document.title if document else "",
        "document_source": document.source if document else "",
        "start": str(ev.start),
        "end": str(ev.end),
        "attributes": json.dumps(dict(link.attributes), ensure_ascii=False, sort_keys=True),
        "review": link.review or "",
    }


def import_cypher() -> str:
    """The load script: constraint, nodes, type labels, then one statement per predicate."""
    split = "CASE row.{0} WHEN '' THEN [] ELSE split(row.{0}, '" + SEPARATOR + "') END"
    parts = [
        "// casegraph export. Copy nodes.csv and edges.csv into Neo4j's import folder, then:",
        "//   cypher-shell -u neo4j -p PASSWORD -f import.cypher",
        "CREATE CONSTRAINT casegraph_entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;",
        (
            "LOAD CSV WITH HEADERS FROM 'file:///nodes.csv' AS row\n"
            "MERGE (n:Entity {id: row.id})\n"
            "SET n.name = row.name, n.type = row.type, "
            f"n.aliases = {split.format('aliases')}, n.countries = {split.format('countries')}, "
            "n.sanctioned = row.sanctioned = 'true', n.sanctions = row.sanctions;"
        ),
    ]
    parts += [
        f"MATCH (n:Entity {{type: '{kind.value}'}}) SET n:{label(kind)};" for kind in EntityType
    ]
    parts += [_relationships(p) for p in Predicate]
    return "\n".join(parts) + "\n"


def _relationships(predicate: Predicate) -> str:
    return (
        "LOAD CSV WITH HEADERS FROM 'file:///edges.csv' AS row\n"
        f"WITH row WHERE row.predicate = '{predicate.value}'\n"
        "MATCH (s:Entity {id: row.source}), (o:Entity {id: row.target})\n"
        f"MERGE (s)-[r:{rel_type(predicate)} {{id: row.id}}]->(o)\n"
        "SET r.link_type = row.link_type, r.status = row.status, r.date = row.date, "
        "r.date_start = row.date_start, r.date_end = row.date_end, r.quote = row.quote, "
        "r.document_id = row.document_id, r.document_title = row.document_title, "
        "r.document_source = row.document_source, r.start = toInteger(row.start), "
        "r.end = toInteger(row.end), r.attributes = row.attributes, r.review = row.review;"
    )
