"""The pipeline run in one process: ingest -> clean -> extract -> store, then resolve -> screen.

Per-document stages are pure and written per document in one transaction;
resolution and screening are recomputed over the whole store afterwards, so
a document added later can merge with parties already known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from spacy.language import Language

from casegraph.analyse.corroboration import story_roots_from_links
from casegraph.clean.document import clean_document
from casegraph.clean.duplicates import derivations
from casegraph.errors import SkipItem
from casegraph.extract.nlp import load_pipeline
from casegraph.extract.pipeline import extract
from casegraph.ingest.files import Read, Skipped, discover, read_path
from casegraph.ingest.pages import locate_pages
from casegraph.model import Document, Entity, EntityType, Extraction, ScreeningMatch
from casegraph.resolve.entities import resolve
from casegraph.screen.lists import SanctionsList, default_lists
from casegraph.screen.screening import Screener
from casegraph.store.database import Store
from casegraph.store.decisions_table import list_decisions
from casegraph.store.locks import rebuild_lock
from casegraph.store.restorations_table import kept_spans

SCREENED = {EntityType.PERSON, EntityType.ORGANIZATION}


@dataclass
class IngestReport:
    """What an ingest did, for the user and for scripts."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    warnings: list[Skipped] = field(default_factory=list)
    """Parts of read files left out (a malformed row, an unreadable attachment), one line each."""

    @property
    def read(self) -> int:
        return len(self.added) + len(self.unchanged)


@dataclass(frozen=True)
class Processed:
    """A document as stored: cleaned, with what extraction (or its record reader) found."""

    document: Document
    extraction: Extraction


def process(
    item: Read, nlp: Language | None = None, kept: Sequence[tuple[int, int]] = ()
) -> Processed:
    """Clean and extract one read document: a pure stage a distributed engine can map.

    The language pipeline loads once per process, and only for text documents.
    `kept` are spans a person restored: cleaning never withholds them.
    """
    if item.extraction is not None:
        return Processed(item.document, item.extraction)
    document = clean_document(item.document, kept)
    extraction = extract(document, nlp or load_pipeline())
    return Processed(document, locate_pages(document, extraction))


def store_processed(store: Store, processed: Processed) -> bool:
    """Write one document with its extraction in one transaction; False when stored before.

    The one write step of every ingest, in one process or from a cluster's results.
    """
    extraction = processed.extraction
    return store.add_document(processed.document, extraction.mentions, extraction.claims)


def ingest(
    store: Store,
    paths: Iterable[str | Path],
    on_file: Callable[[Path], None] | None = None,
    files: Sequence[Path] | None = None,
) -> IngestReport:
    """Read, clean, extract and store every file; a document already stored is left alone.

    A file counts as added when any document it holds (an e-mail's attachments,
    say) was new, as unchanged when all were stored before.
    """
    report = IngestReport()
    for path in files if files is not None else list(discover(paths)):
        if on_file is not None:
            on_file(path)
        try:
            items = read_path(path)
        except (SkipItem, OSError) as exc:
            report.skipped.append(Skipped(str(path), str(exc)))
            continue
        report.warnings += [Skipped(str(path), w) for item in items for w in item.warnings]
        added = False
        for item in items:
            if store.has_document(item.document.sha256):
                continue
            added |= store_processed(store, process(item))
        (report.added if added else report.unchanged).append(str(path))
    return report


def screenable(entity: Entity) -> bool:
    """Parties are screened; a one-word person name ("Bill", a bare surname) is too ambiguous to."""
    if entity.type is EntityType.PERSON:
        return len(entity.name.split()) > 1
    return entity.type in SCREENED


def rebuild(store: Store, lists: Sequence[SanctionsList] | None = None) -> list[ScreeningMatch]:
    """Resolve every mention in the store into entities, then screen each party.

    Without `lists`, parties are screened against the lists stored in the database
    (`casegraph lists load` / `update`), else against the bundled OFAC SDN snapshot.
    Spans a person restored are re-extracted first, then duplicates and derivatives
    are linked across the store. One rebuild runs at a time per store (`rebuild_lock`), and its result is written in
    one transaction, so concurrent ingests end with every document resolved.
    """
    if lists is None:
        from casegraph.store.lists_table import stored_lists

        lists = stored_lists(store) or default_lists()
    with rebuild_lock(store):
        reclean_restored(store)
        derived = derivations(store.documents())
        store.replace_derivations(derived)
        stories = story_roots_from_links(derived)
        entities, links = resolve(store.mentions(), list_decisions(store), stories)
        screener = Screener(lists)  # built last: its index and the documents are not held together
        matches = [m for e in entities if screenable(e) for m in screener.screen_entity(e)]
        store.replace_resolution(entities, links, matches)
    return matches


def reclean_restored(store: Store) -> int:
    """Re-clean and re-extract each document that still withholds a span a person restored.

    The number of documents rewritten; none on most rebuilds, so the language
    pipeline loads only when a restoration is new.
    """
    kept = kept_spans(store)
    rewritten = 0
    for document in store.documents():
        spans = kept.get(document.id, [])
        if not any(s.start < b and a < s.end for s in document.removed for a, b in spans):
            continue
        processed = process(Read(replace(document, removed=())), kept=spans)
        extraction = processed.extraction
        store.replace_extraction(processed.document, extraction.mentions, extraction.claims)
        rewritten += 1
    return rewritten
