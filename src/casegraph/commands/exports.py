"""The export formats beyond the JSON contract, behind `casegraph export --format`.

`ftm` writes FollowTheMoney JSON lines (Aleph, OpenSanctions tools), `graphml`
one GraphML file (Gephi, yEd, networkx), `neo4j` a folder with nodes.csv,
edges.csv and import.cypher, `html` the printable case dossier. Claims a
person rejected are left out of all of them.
"""

from __future__ import annotations

import io
from pathlib import Path

from casegraph.commands.analysis import load, write_text
from casegraph.commands.common import err, fail

FORMATS = ("ftm", "graphml", "neo4j", "html")


def write_export(db: str | None, format: str, output: Path | None) -> None:
    """Write the case in `format` to `output` (a folder for neo4j), else to standard output."""
    if format == "neo4j" and output is None:
        fail("--format neo4j writes three files: name a folder with -o/--output DIR")
    if format == "neo4j" and output is not None and output.exists() and not output.is_dir():
        fail(f"--format neo4j needs a folder, and {output} is a file")
    case = load(db)
    if format == "ftm":
        from casegraph.export.ftm import write_ftm

        buffer = io.StringIO()
        count = write_ftm(case, buffer)
        write_text(buffer.getvalue(), output)
        err.print(f"{count} FollowTheMoney entities")
    elif format == "graphml":
        from casegraph.export.graphml import to_graphml

        write_text(to_graphml(case), output)
    elif format == "html":
        from casegraph.export.dossier import case_dossier

        write_text(case_dossier(case), output)
    elif format == "neo4j" and output is not None:
        from casegraph.export.neo4j import write_neo4j

        try:
            written = write_neo4j(case, output)
        except OSError as exc:
            fail(f"cannot write {output}: {exc}")
        err.print("wrote " + ", ".join(str(p) for p in written))
