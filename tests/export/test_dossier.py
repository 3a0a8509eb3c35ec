"""HTML dossier: self-contained, sourced, and nothing in a document ever runs."""

from __future__ import annotations

import re
from dataclasses import replace

from casegraph.analyse.case import CaseGraph
from casegraph.export.dossier import case_dossier, entity_dossier
from casegraph.model import Entity
from tests.analyse.fictional import DOC_A, fictional_case
from tests.export.htmltags import runnable, start_tags

HOSTILE = '<script>alert("x")</script> <img src=x onerror=alert(1)> <a href="javascript:alert(2)">go</a>'


def _hostile_case() -> CaseGraph:
    case = fictional_case()
    document = replace(DOC_A, title=f"Leaked {HOSTILE}", text=DOC_A.text + " " + HOSTILE)
    entities = dict(case.entities)
    entities["maker"] = Entity("maker", entities["maker"].type, f"Rostok {HOSTILE}", (HOSTILE,))
    links = []
    for link in case.links:
        if link.evidence.document_id == DOC_A.id and link.predicate.value == "supplies":
            quote = link.evidence.quote + " " + HOSTILE
            link = replace(link, evidence=replace(link.evidence, quote=quote), attributes=(("product", HOSTILE),))
        links.append(link)
    return CaseGraph(entities, tuple(links), {**case.documents, DOC_A.id: document}, case.matches)


def test_hostile_text_is_shown_never_run() -> None:
    assert runnable(HOSTILE) == ["script", "img", "img onerror", "a href"]  # the check sees it unescaped
    case = _hostile_case()
    for html in (entity_dossier(case, "maker"), entity_dossier(case, "broker"), case_dossier(case)):
        assert runnable(html) == []
        assert "&lt;script&gt;" in html and "onerror=alert(1)&gt;" in html


def test_self_contained_and_printable() -> None:
    html = case_dossier(fictional_case())
    tags = start_tags(html)
    assert not [t for t, attrs in tags if t == "link" or any(n == "src" for n, _ in attrs)]
    assert "@media print" in html and "Content-Security-Policy" in html
    assert all((v or "").startswith("#") for t, attrs in tags if t == "a" for n, v in attrs if n == "href")


def test_entity_dossier_has_sanctions_exposure_claims_and_sources() -> None:
    case = fictional_case()
    html = entity_dossier(case, "ceo")
    assert "Lena Ortiz" in html and "Exposure to sanctioned parties" in html
    assert "Vega Trade House LLC, 2 hops away" in html and "OFAC SDN (2030-01-15) entry 90001" in html
    assert "ceo role_in maker." in html and "[1] Report doc-a" in html
    assert "<mark>ceo role_in maker.</mark>" in html  # the quote shown in its document
    broker = entity_dossier(case, "broker")
    assert "VEGA TRADE HOUSE, OOO" in broker and "agreed: vega, trade, house" in broker
    assert "2 independent sources for this claim" in broker  # a rewrite does not count twice


def test_case_dossier_ranks_intermediaries_and_lists_every_party() -> None:
    case = fictional_case()
    html = case_dossier(case)
    assert "Intermediaries between suppliers and sanctioned parties" in html
    for entity in case.entities.values():
        if entity.type.value in {"person", "organization"}:
            assert f'id="{entity.id}"' in html
    cited = [int(n) for n in re.findall(r'id="source-(\d+)"', html)]
    assert cited == list(range(1, len(cited) + 1)) and len(cited) == 3
