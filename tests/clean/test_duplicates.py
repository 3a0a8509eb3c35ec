from __future__ import annotations

from datetime import date
from typing import Any

from casegraph.clean.document import clean_document
from casegraph.clean.duplicates import DERIVED, compare, derivations, fingerprint, link_documents
from casegraph.model import Document, RemovedSpan
from casegraph.store.database import Store
from tests.conftest import SEED_ARTICLE, SEED_REWRITE

ORIGINAL = """Harbour Lane Logistics shipped forty turbine housings to Miravel Aero in March, according to customs records seen by the Coastal Ledger.
The housings were loaded in the port of Estrada and declared as agricultural machinery parts, the records show.
Miravel Aero, which builds engines for light aircraft, is owned by the industrialist Tomas Veyra and has no agricultural business.
A second consignment of bearings and control units followed in May, paid through an account at Bank Solvari.
Harbour Lane Logistics did not answer questions sent by e-mail. Miravel Aero said it complied with every export rule.
Customs officials in Estrada said they had opened a review of the declarations after the first consignment was inspected."""

REWRITE = """Miravel Aero received forty turbine housings from Harbour Lane Logistics in March, customs records seen by the Coastal Ledger reportedly show.
Miravel Aero, a builder of engines for light aircraft owned by industrialist Tomas Veyra, has no agricultural business.
Yet the housings, loaded in the port of Estrada, were declared as agricultural machinery parts.
A further consignment of bearings and control units followed in May and was paid through Bank Solvari.
Harbour Lane Logistics did not answer questions, while Miravel Aero said it complied with every export rule."""

OTHER_STORY = """The city of Estrada opened a new container terminal on Monday, doubling the port's capacity for refrigerated cargo.
The terminal was built by a consortium of three regional construction firms and cost about 400 million euros.
Port officials expect the first ships from the northern fruit routes to dock next month.
Dock workers' unions welcomed the new jobs but warned about safety training for the automated cranes.
The mayor said the terminal would make Estrada the largest fruit port on the coast within five years.
Environmental groups asked for an independent study of the dredging work in the bay."""


def _doc(name: str, text: str, published: date | None = None) -> Document:
    return Document(
        id=f"doc-{name}", source=name, title=name, text=text, sha256=name, published=published
    )


def _seed(path: Any) -> Document:
    text = path.read_text(encoding="utf-8")
    return clean_document(
        Document(id=f"doc-{path.stem}", source=path.name, title="", text=text, sha256=path.stem)
    )


def test_seed_rewrite_derives_from_the_article() -> None:
    rewrite, article = _seed(SEED_REWRITE), _seed(SEED_ARTICLE)
    links = link_documents([article, rewrite])
    assert list(links) == [rewrite.id]
    link = links[rewrite.id]
    assert (link.kind, link.source_id) == ("derived_from", article.id)
    assert link.score >= DERIVED
    assert "source" in link.explanation


def test_seed_store_records_the_derivation(seed_store: Store) -> None:
    by_name = {d.source.rsplit("/", 1)[-1]: d for d in seed_store.documents()}
    rewrite, article = by_name[SEED_REWRITE.name], by_name[SEED_ARTICLE.name]
    assert rewrite.derived_from == article.id and rewrite.duplicate_of is None
    assert article.derived_from is None and article.duplicate_of is None


def test_fictional_rewrite_is_linked_and_a_different_story_is_not() -> None:
    docs = [_doc("original", ORIGINAL), _doc("rewrite", REWRITE), _doc("other", OTHER_STORY)]
    assert derivations(docs) == {"doc-rewrite": (None, "doc-original")}


def test_later_publication_derives_from_earlier() -> None:
    early = _doc("early", REWRITE, date(2030, 1, 2))
    late = _doc("late", ORIGINAL, date(2030, 1, 5))
    link = compare(fingerprint(early), fingerprint(late))
    assert link is not None and (link.document_id, link.source_id) == ("doc-late", "doc-early")
    assert "published later" in link.explanation


def test_republished_copy_is_a_duplicate_of_the_earliest() -> None:
    first = _doc("first", ORIGINAL, date(2030, 3, 1))
    copy = _doc(
        "copy", "Home | World | Business\n" + ORIGINAL + "\nShare this article", date(2030, 3, 4)
    )
    assert derivations([copy, first]) == {"doc-copy": ("doc-first", None)}


def test_truncated_copy_derives_from_the_full_text() -> None:
    full = _doc("full", ORIGINAL)
    cut = _doc("cut", "\n".join(ORIGINAL.splitlines()[:4]))
    assert derivations([cut, full]) == {"doc-cut": (None, "doc-full")}


def test_withheld_spans_do_not_count() -> None:
    spam = "Claim your free prize now, click here to win a brand new phone today and subscribe!"
    text = spam + "\n" + OTHER_STORY
    with_spam = Document("doc-a", "a", "a", text, "a", removed=(RemovedSpan(0, len(spam), "spam"),))
    other = _doc("b", spam + "\n" + ORIGINAL)
    assert derivations([with_spam, other]) == {}


def test_short_documents_are_not_judged() -> None:
    row = "Invoice 17: Harbour Lane Logistics to Miravel Aero, 40 turbine housings."
    assert derivations([_doc("a", row), _doc("b", row + " Paid.")]) == {}
