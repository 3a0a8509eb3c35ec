"""GraphML for Gephi, yEd, Cytoscape and networkx: entities as nodes, claims as edges.

One directed edge per claim (parallel edges where several claims join two
entities), carrying its predicate, link type, status, date, quote and the
document it comes from, plus every extracted attribute under its own name
(prefixed `attr_` only where it would clash with those). Every key is declared
with its type, so tools read numbers and booleans back as such.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from xml.etree import ElementTree as ET

from casegraph.analyse.case import CaseGraph, Link
from casegraph.analyse.sanctions import sanctioned
from casegraph.model import Entity

NS = "http://graphml.graphdrawing.org/xmlns"
NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
"""Characters XML 1.0 cannot carry (a PDF's form feeds, stray control bytes)."""


@dataclass(frozen=True)
class Key:
    """One declared attribute: its id in the file, its name, its GraphML type."""

    id: str
    name: str
    domain: str
    type: str = "string"


NODE_FIELDS: tuple[tuple[str, str, Callable[[CaseGraph, Entity], str]], ...] = (
    ("name", "string", lambda case, e: e.name),
    ("type", "string", lambda case, e: e.type.value),
    ("aliases", "string", lambda case, e: "; ".join(e.aliases)),
    ("countries", "string", lambda case, e: "; ".join(e.countries)),
)
EDGE_FIELDS: tuple[tuple[str, str, Callable[[CaseGraph, Link], str]], ...] = (
    ("claim_id", "string", lambda case, c: c.id),
    ("predicate", "string", lambda case, c: c.predicate.value),
    ("link_type", "string", lambda case, c: c.predicate.link_type.value),
    ("status", "string", lambda case, c: c.status.value),
    ("date", "string", lambda case, c: c.date or ""),
    ("quote", "string", lambda case, c: c.evidence.quote),
    ("document_id", "string", lambda case, c: c.evidence.document_id),
    ("document_title", "string", lambda case, c: _title(case, c)),
    ("start", "int", lambda case, c: str(c.evidence.start)),
    ("end", "int", lambda case, c: str(c.evidence.end)),
    ("review", "string", lambda case, c: c.review or ""),
)


def _title(case: CaseGraph, link: Link) -> str:
    document = case.documents.get(link.evidence.document_id)
    return document.title if document else ""


def to_graphml(case: CaseGraph) -> str:
    """The case as a GraphML document (UTF-8 text)."""
    listed = sanctioned(case)
    attribute_keys = _attribute_keys(case)
    keys = [Key(f"n{i}", name, "node", kind) for i, (name, kind, _) in enumerate(NODE_FIELDS)]
    keys += [
        Key("n_sanctioned", "sanctioned", "node", "boolean"),
        Key("n_sanctions", "sanctions", "node"),
    ]
    keys += [Key(f"e{i}", name, "edge", kind) for i, (name, kind, _) in enumerate(EDGE_FIELDS)]
    keys += [Key(f"a{i}", name, "edge") for i, name in enumerate(attribute_keys.values())]
    root = ET.Element("graphml", xmlns=NS)
    for key in keys:
        ET.SubElement(
            root,
            "key",
            {"id": key.id, "for": key.domain, "attr.name": key.name, "attr.type": key.type},
        )
    graph = ET.SubElement(root, "graph", id="casegraph", edgedefault="directed")
    for entity in case.entities.values():
        node = ET.SubElement(graph, "node", id=entity.id)
        for i, (_, _, node_value) in enumerate(NODE_FIELDS):
            _data(node, f"n{i}", node_value(case, entity))
        why = listed.get(entity.id)
        _data(node, "n_sanctioned", "true" if why else "false")
        _data(node, "n_sanctions", why.reason(case) if why else "")
    key_of = {name: f"a{i}" for i, name in enumerate(attribute_keys)}
    for link in case.links:
        edge = ET.SubElement(graph, "edge", id=link.id, source=link.subject, target=link.object)
        for i, (_, _, edge_value) in enumerate(EDGE_FIELDS):
            _data(edge, f"e{i}", edge_value(case, link))
        for name, text in link.attributes:
            _data(edge, key_of[name], text)
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _attribute_keys(case: CaseGraph) -> dict[str, str]:
    """Attribute name -> its column name, `attr_` prefixed where it clashes with a fixed one."""
    fixed = {name for name, _, _ in EDGE_FIELDS}
    names = sorted({k for link in case.links for k, _ in link.attributes})
    return {n: f"attr_{n}" if n in fixed else n for n in names}


def _data(parent: ET.Element, key: str, value: str) -> None:
    """One value; characters XML cannot carry become a space, so the file always parses."""
    ET.SubElement(parent, "data", key=key).text = NOT_XML.sub(" ", value)
