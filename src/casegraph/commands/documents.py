"""`casegraph documents`: what was read, what cleaning withheld and why, and undoing it.

Cleaning never deletes: each withheld paragraph (spam, byline, caption) is a
span of the stored text with its reason. `show` marks them in place; `restore`
keeps one for good (stored, so it survives rebuilds and re-ingest), then
re-extracts the document and rebuilds the case.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from casegraph.clean.duplicates import compare, fingerprint
from casegraph.commands.common import DbOption, err, fail, open_store, out
from casegraph.errors import CasegraphError
from casegraph.model import Document
from casegraph.pipeline import rebuild
from casegraph.store.database import Store
from casegraph.store.restorations_table import add_restoration

documents_app = typer.Typer(
    help=(
        "See the documents of the case: their metadata, language, the paragraphs cleaning "
        "withheld from extraction (with reasons), and which documents copy or rewrite others. "
        "A withheld paragraph that is really article text can be restored."
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
)

DocumentId = Annotated[
    str,
    typer.Argument(help="Document id, or its unique beginning (see `casegraph documents list`)."),
]
FormatOption = Annotated[str, typer.Option("--format", "-f", help="table (or text) or json.")]
OutputOption = Annotated[
    Path | None, typer.Option("-o", "--output", help="File to write. Default: standard output.")
]


def _store(db: str | None) -> Store:
    try:
        return open_store(db)
    except CasegraphError as exc:
        fail(str(exc))


def _find(store: Store, prefix: str) -> tuple[Document, list[Document]]:
    """The document whose id starts with `prefix` (unique), with all documents."""
    documents = store.documents()
    found = [d for d in documents if d.id.startswith(prefix)]
    if not found:
        fail(f"no document with id {prefix!r}; `casegraph documents list` shows them")
    if len(found) > 1:
        fail(f"{prefix!r} starts {len(found)} document ids; give more of the id")
    return found[0], documents


def _emit(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text + "\n")
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        fail(f"cannot write {output}: {exc}")


def _summary(d: Document) -> dict[str, Any]:
    return {
        "id": d.id,
        "title": d.title,
        "source": d.source,
        "published": d.published.isoformat() if d.published else None,
        "language": d.language,
        "withheld": len(d.removed),
        "duplicate_of": d.duplicate_of,
        "derived_from": d.derived_from,
        "parent_id": d.parent_id,
    }


@documents_app.command("list")
def list_command(
    db: DbOption = None, format: FormatOption = "table", output: OutputOption = None
) -> None:
    """One line per document: id, title, language, spans withheld, copy or rewrite of which."""
    if format not in ("table", "text", "json"):
        fail(f"unknown format {format!r}; use table or json")
    documents = _store(db).documents()
    if format == "json":
        _emit(json.dumps([_summary(d) for d in documents], ensure_ascii=False, indent=2), output)
        return
    if not documents:
        out.print("no documents yet; `casegraph ingest FILES` reads some")
        return
    table = Table("id", "title", "published", "lang", "withheld", "same story as")
    for d in documents:
        relation = (f"duplicate of {d.duplicate_of}" if d.duplicate_of else "") or (
            f"derived from {d.derived_from}" if d.derived_from else ""
        )
        published = d.published.isoformat() if d.published else ""
        table.add_row(
            d.id, escape(d.title[:60]), published, d.language or "", str(len(d.removed)), relation
        )
    out.print(table)


def _relation(document: Document, documents: list[Document]) -> str | None:
    """Why the document is linked to its source, measured again now."""
    source_id = document.duplicate_of or document.derived_from
    source = next((d for d in documents if d.id == source_id), None)
    if source is None:
        return None
    kind = "duplicate of" if document.duplicate_of else "derived from"
    link = compare(fingerprint(document), fingerprint(source))
    why = f": {link.explanation}" if link is not None else ""
    return f"{kind} {source.id} ({source.title[:60]}){why}"


def marked_text(document: Document) -> Text:
    """The stored text with each withheld span struck through and followed by its reason."""
    text = Text()
    cursor = 0
    for span in sorted(document.removed, key=lambda s: s.start):
        text.append(document.text[cursor : span.start])
        text.append(document.text[span.start : span.end], style="strike dim")
        text.append(f"  [withheld @{span.start}: {span.reason}]", style="bold yellow")
        cursor = span.end
    text.append(document.text[cursor:])
    return text


@documents_app.command("show")
def show_command(
    document_id: DocumentId,
    db: DbOption = None,
    format: FormatOption = "text",
    output: OutputOption = None,
) -> None:
    """A document's metadata, language and story links, then its text with every withheld
    span marked `[withheld @START: reason]`; START is what `restore` takes."""
    if format not in ("table", "text", "json"):
        fail(f"unknown format {format!r}; use text or json")
    document, documents = _find(_store(db), document_id)
    relation = _relation(document, documents)
    if format == "json":
        data = _summary(document) | {
            "metadata": dict(document.metadata),
            "relation": relation,
            "removed": [
                {"start": s.start, "end": s.end, "reason": s.reason} for s in document.removed
            ],
            "text": document.text,
        }
        _emit(json.dumps(data, ensure_ascii=False, indent=2), output)
        return
    lines = [f"{k}: {v}" for k, v in _summary(document).items() if v not in (None, "")]
    lines += [f"{k}: {v}" for k, v in document.metadata]
    if relation:
        lines.append(f"same story: {relation}")
    if output is not None:
        _emit("\n".join(lines) + "\n\n" + marked_text(document).plain, output)
        return
    for line in lines:
        out.print(escape(line))
    out.print()
    out.print(marked_text(document))


@documents_app.command("restore")
def restore_command(
    document_id: DocumentId,
    span_start: Annotated[
        int, typer.Argument(help="Start offset of the withheld span, as `show` prints it.")
    ],
    note: Annotated[str, typer.Option("--note", "-n", help="Why the span is article text.")] = "",
    db: DbOption = None,
) -> None:
    """Undo one withholding: the span is kept from now on, the document is extracted again
    and the case rebuilt. The decision is stored and survives rebuilds and re-ingest."""
    store = _store(db)
    document, _ = _find(store, document_id)
    span = next((s for s in document.removed if s.start == span_start), None)
    if span is None:
        starts = ", ".join(str(s.start) for s in document.removed) or "none"
        fail(
            f"{document.id} withholds no span starting at {span_start}; withheld spans start at: {starts}"
        )
    try:
        add_restoration(store, document.id, span.start, span.end, note)
        rebuild(store)
    except CasegraphError as exc:
        fail(str(exc))
    err.print(
        f"restored {document.id} @{span.start} ({span.reason}); document re-extracted, case rebuilt"
    )
    restored = next(d for d in store.documents() if d.id == document.id)
    out.print(f"{len(restored.removed)} span(s) still withheld in {escape(restored.title[:60])}")
