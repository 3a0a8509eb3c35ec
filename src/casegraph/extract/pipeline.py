"""Extraction of one document: mentions and sourced claims.

`extract` is a pure function of the document and the loaded language
pipeline, so a distributed engine can map it over documents.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import replace

from spacy.language import Language
from spacy.tokens import Doc

from casegraph.clean.paragraphs import extraction_text
from casegraph.extract.coref import find_references
from casegraph.extract.dates import find_dates
from casegraph.extract.grammar import MentionMap
from casegraph.extract.groups import GROUP_EXTRACTOR, find_groups
from casegraph.extract.mentions import Found, countries_near, find_mentions, resolve_overlaps
from casegraph.extract.money import find_money
from casegraph.extract.nlp import load_pipeline
from casegraph.extract.quantities import find_quantities
from casegraph.extract.relations import FrameReader, RawClaim
from casegraph.extract.status import StatusCue, claim_status, status_of
from casegraph.model import Claim, Document, Evidence, Extraction, Mention, Predicate

EXTRACTOR = "casegraph.extract.v1"
MONEY_PREDICATES = {Predicate.BILLS, Predicate.PAYS}
DATED_PREDICATES = {
    Predicate.SUPPLIES,
    Predicate.BILLS,
    Predicate.PAYS,
    Predicate.TESTS,
    Predicate.DEVELOPS,
    Predicate.MANUFACTURES,
    Predicate.VISITS,
    Predicate.TRAVELS_WITH,
    Predicate.SANCTIONED_BY,
    Predicate.MEMBER_OF,
    Predicate.ANTAGONIST,
    Predicate.OWNS,
}


CHUNK_CHARS = 100_000


def extract(
    document: Document, nlp: Language | None = None, chunk_chars: int = CHUNK_CHARS
) -> Extraction:
    """Mentions and claims of one cleaned document, read in paragraph-aligned chunks.

    Chunking keeps memory flat and stays under spaCy's length limit on long files;
    a relation never spans paragraphs, so chunks lose nothing but document-wide
    name typing across chunk borders.
    """
    nlp = nlp or load_pipeline()
    mentions: dict[tuple[int, int], Mention] = {}
    raw: list[RawClaim] = []
    statuses: dict[ClaimKey, StatusCue] = {}
    for offset, piece in chunks(extraction_text(document), chunk_chars):
        doc = nlp(piece)
        found, claims = _read(doc)
        for f in found:
            mentions[(f.start + offset, f.end + offset)] = _mention(document, doc, f, offset)
        raw += [_shift_claim(c, offset) for c in claims]
        for c in claims:
            status = _status(doc, c)
            if status is not None:
                statuses[_key(_shift_claim(c, offset))] = status
    built = [_claim(document, c, mentions, statuses.get(_key(c))) for c in _dedupe(raw)]
    return Extraction(
        document_id=document.id,
        mentions=tuple(mentions.values()),
        claims=tuple(c for c in built if c is not None),
    )


def chunks(text: str, size: int) -> Iterator[tuple[int, str]]:
    """Pieces of at most `size` characters, cut at line ends where a line allows it."""
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            cut = text.rfind("\n", start, end)
            end = cut + 1 if cut > start else end
        yield start, text[start:end]
        start = end


def _read(doc: Doc) -> tuple[list[Found], list[RawClaim]]:
    found = find_mentions(doc)
    known = found + find_groups(doc, found)
    reader = FrameReader(doc, MentionMap.build(doc, known, find_references(doc, known)))
    raw = [c for i, sent in enumerate(doc.sents) if sent.text.strip() for c in reader.read(sent, i)]
    # Authorities and unnamed groups are mentions only where a claim uses them.
    used = {
        replace(f, said_as="")
        for c in raw
        for f in (c.subject, c.object)
        if f.extractor in {"cue:authority", GROUP_EXTRACTOR}
    }
    return resolve_overlaps(found + sorted(used, key=lambda f: f.start)), raw


def _shift(found: Found, offset: int) -> Found:
    return replace(found, start=found.start + offset, end=found.end + offset)


def _shift_claim(claim: RawClaim, offset: int) -> RawClaim:
    return replace(
        claim,
        subject=_shift(claim.subject, offset),
        object=_shift(claim.object, offset),
        start=claim.start + offset,
        end=claim.end + offset,
    )


def _mention(document: Document, doc: Doc, found: Found, offset: int) -> Mention:
    span = doc.char_span(found.start, found.end, alignment_mode="expand")
    countries = countries_near(span) if span is not None else ()
    start, end = found.start + offset, found.end + offset
    return Mention(
        document_id=document.id,
        start=start,
        end=end,
        text=document.text[start:end],
        type=found.type,
        extractor=found.extractor,
        countries=countries,
    )


ClaimKey = tuple[int, int, str, int, int]


def _key(claim: RawClaim) -> ClaimKey:
    return (claim.subject.start, claim.object.start, claim.predicate.value, claim.start, claim.end)


def _status(doc: Doc, claim: RawClaim) -> StatusCue | None:
    """The claim's status from the cues governing its clause, read while the parse is at hand.

    None (no anchor inside the claim's evidence) leaves the sentence-level fallback.
    """
    window = (claim.start, claim.end)
    spans = [_anchor(doc.text, f, window) for f in (claim.subject, claim.object)]
    return claim_status(doc, [s for s in spans if s is not None], window)


def _anchor(text: str, found: Found, window: tuple[int, int]) -> tuple[int, int] | None:
    """Where the claim's sentence names the party: the mention, or the phrase coreference read as it."""
    if window[0] <= found.start and found.end <= window[1]:
        return found.start, found.end
    if not found.said_as:
        return None
    phrase = re.compile(rf"\b{re.escape(found.said_as)}\b")
    hits = [m.start() for m in phrase.finditer(text, window[0], window[1])]
    return (hits[0], hits[0] + len(found.said_as)) if len(hits) == 1 else None


def _dedupe(raw: Iterable[RawClaim]) -> list[RawClaim]:
    seen: dict[ClaimKey, RawClaim] = {}
    for claim in raw:
        key = _key(claim)
        if key in seen:
            merged = seen[key].attributes + tuple(
                a for a in claim.attributes if a not in seen[key].attributes
            )
            claim = RawClaim(
                claim.subject,
                claim.predicate,
                claim.object,
                claim.start,
                claim.end,
                merged,
                claim.extractor,
            )
        seen[key] = claim
    return list(seen.values())


def _claim(
    document: Document,
    raw: RawClaim,
    mentions: dict[tuple[int, int], Mention],
    clause: StatusCue | None = None,
) -> Claim | None:
    subject = mentions.get((raw.subject.start, raw.subject.end))
    obj = mentions.get((raw.object.start, raw.object.end))
    if subject is None or obj is None:
        return None
    start, end = _strip(document.text, raw.start, raw.end)
    quote = document.text[start:end]
    status = clause or status_of(quote)
    attributes = raw.attributes + _values(quote, raw.predicate, document)
    if status.cue:
        attributes += (("cue", status.cue),)
    return Claim(
        subject=subject.id,
        predicate=raw.predicate,
        object=obj.id,
        status=status.status,
        evidence=Evidence(document.id, quote, start, end, status.cue),
        attributes=attributes,
        extractor=f"{EXTRACTOR}:{raw.extractor}",
    )


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _number(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:.2f}"


def _values(quote: str, predicate: Predicate, document: Document) -> tuple[tuple[str, str], ...]:
    """Date, money and quantity stated in the evidence, as claim attributes."""
    values: list[tuple[str, str]] = []
    if predicate in DATED_PREDICATES:
        dates = [d for d in find_dates(quote, document.published) if d.value]
        if dates:
            values += [("date", dates[-1].value or ""), ("date_text", dates[-1].text)]
    if predicate in MONEY_PREDICATES:
        for span in find_money(quote)[:1]:
            for i, money in enumerate(span.amounts):
                suffix = "" if i == 0 else f"_{i + 1}"
                values += [
                    (f"amount{suffix}", _number(money.amount)),
                    (f"currency{suffix}", money.currency),
                ]
            if span.qualifier:
                values.append(("amount_qualifier", span.qualifier))
    if predicate is Predicate.SUPPLIES:
        quantities = find_quantities(quote)
        if quantities:
            values.append(("quantity", quantities[0].text))
    return tuple(values)
