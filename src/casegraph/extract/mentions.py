"""Find the named parties, places and products in a parsed document.

The statistical model alone mislabels many parties of this field (a Chinese
company as a person, a surname as a facility). So its entities are only a
first guess: patterns for model designations, cues of the reporting idiom
("drone maker X", "X, the CEO of Y", "the city of X") and document-wide
consistency (a name typed by a cue keeps that type everywhere in the
document) override it.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import replace

from rigour.territories import lookup_territory
from spacy.tokens import Doc, Span

from casegraph.extract.idiom import cue_mentions
from casegraph.extract.names import (
    COMMON_WORDS,
    KIN_WORDS,
    ORG_CUES,
    ORG_WORDS,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    Found,
    connector_joins,
    name_chunk,
    text_of,
    trim,
)
from casegraph.model import EntityType

__all__ = [
    "KIN_WORDS",
    "ORG_CUES",
    "PRODUCT_NOUNS",
    "ROLE_WORDS",
    "Found",
    "countries_near",
    "find_mentions",
    "resolve_overlaps",
    "text_of",
]

DESIGNATION = re.compile(
    r"(?<![\w\-])(?:[A-Z]{1,4}-?\d{1,4}[A-Z]{0,3}|[A-Z][a-z]{2,}-\d{1,4}[A-Za-z]?)(?=s?\b)(?![\-\w])"
)
NOT_DESIGNATION = re.compile(r"^(Q[1-4]|H[12]|G\d{1,2}|COVID-\d+|EO\d+|FY\d+|[A-Z]{2,3}\d{4})$")
SPACY_TYPES = {
    "ORG": EntityType.ORGANIZATION,
    "PERSON": EntityType.PERSON,
    "GPE": EntityType.PLACE,
    "LOC": EntityType.PLACE,
    "FAC": EntityType.PLACE,
    "PRODUCT": EntityType.PRODUCT,
}


def spacy_mentions(doc: Doc) -> list[Found]:
    """The model's entities, trimmed, with organisation words overriding its label."""
    found = []
    for ent in doc.ents:
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = trim(doc, ent.start_char, _extended_end(doc, ent))
        text = text_of(doc)[start:end]
        if end - start < 2 or not any(c.isupper() for c in text) or text.lower() in COMMON_WORDS:
            continue
        if _implausible(doc, ent, text, start, end):
            continue
        if kind is not EntityType.ORGANIZATION and ORG_WORDS.search(text) and " " in text:
            kind = EntityType.ORGANIZATION
        found.append(Found(start, end, kind, "spacy:" + ent.label_, 1))
    return found


def _extended_end(doc: Doc, ent: Span) -> int:
    """The model often stops an organisation's name at `of`: `Zone | of Industrial Production X`."""
    if ent.label_ != "ORG" or ent.end >= len(doc) or not connector_joins(doc, ent.end, ent.start):
        return int(ent.end_char)
    rest = name_chunk(doc[ent.end + 1])
    return int(rest.end_char if rest is not None else ent.end_char)


def _in_headline(doc: Doc, start: int) -> bool:
    """A Title Case line (a headline) makes the model see names in every capital."""
    line_start = text_of(doc).rfind("\n", 0, start) + 1
    line_end = text_of(doc).find("\n", start)
    line = text_of(doc)[line_start : None if line_end < 0 else line_end].strip()
    if len(line.split()) > 16 or line.endswith((".", "!", "?", "”", '"')):
        return False
    words = [w for w in line.split() if w[:1].isalpha()]
    small = {"a", "an", "the", "of", "in", "into", "on", "for", "and", "to", "with", "at", "by"}
    content = [w for w in words if w.lower() not in small]
    return len(content) >= 4 and sum(w[:1].isupper() for w in content) / len(content) >= 0.8


def _spelled_out(doc: Doc, start: int, end: int) -> bool:
    """`vertical take-off and landing (VTOL)`: an acronym of common words just before it."""
    acronym = text_of(doc)[start:end]
    if not acronym.isupper() or text_of(doc)[start - 1 : start] != "(":
        return False
    before = re.findall(r"[A-Za-z]+", text_of(doc)[max(0, start - 80) : start])
    initials = "".join(w[0] for w in before if w.lower() not in {"and", "of", "the"})
    return initials.lower().endswith(acronym.lower()) and all(
        w.islower() for w in before[-len(acronym) :]
    )


def _implausible(doc: Doc, ent: Span, text: str, start: int, end: int) -> bool:
    """Model entities that are field labels (`Seller:`), codes (`RUSSIA-EO14024`) or not names."""
    if (
        text_of(doc)[end : end + 1] == ":"
        or _in_headline(doc, start)
        or _spelled_out(doc, start, end)
    ):
        return True
    if " " not in text and any(c.isdigit() for c in text):
        return True
    return ent.label_ == "PERSON" and any(
        t.pos_ != "PROPN" for t in ent if t.idx >= start and t.idx < end
    )


def designation_mentions(doc: Doc) -> list[Found]:
    """Model designations such as A200, HW52V, GA-21, Su-35; plural `s` excluded."""
    found = []
    for match in DESIGNATION.finditer(text_of(doc)):
        if NOT_DESIGNATION.match(match.group()) or not any(c.isdigit() for c in match.group()):
            continue
        found.append(
            Found(match.start(), match.end(), EntityType.PRODUCT, "pattern:designation", 3)
        )
    return found


LEGAL_FORM_NAME = re.compile(
    r"\b(?:[A-Z][\w&\-]*[ ,]+){1,6}?(?:Co\.,? Ltd\.?|Co\., Limited|Ltd\.?|LLC|L\.L\.C\.|JSC|OJSC|PJSC|"
    r"OOO|ZAO|OAO|PAO|GmbH|AG|S\.A\.|SA|Inc\.|Corp\.|PLC|plc|LLP|Limited|FZE|FZCO|B\.V\.|"
    r"Sp\. z o\.o\.|S\.r\.l\.|Pte\.? Ltd\.?)(?![\w])"
)
STOP_LEADS = frozenset(
    [
        "The",
        "A",
        "An",
        "In",
        "On",
        "At",
        "By",
        "For",
        "From",
        "Under",
        "Invoice",
        "Seller",
        "Buyer",
        "Shipper",
        "Consignee",
    ]
)


def legal_form_mentions(doc: Doc) -> list[Found]:
    """`Quillmere Optronics Co., Ltd.`, `Orrindale Trade House LLC`: a legal form makes an organisation."""
    found = []
    for match in LEGAL_FORM_NAME.finditer(text_of(doc)):
        start, end = match.start(), match.end()
        words = text_of(doc)[start:end].split()
        while words and words[0].strip(",") in STOP_LEADS:
            start += text_of(doc)[start:end].index(words[1]) if len(words) > 1 else 0
            words = words[1:]
        if len(words) >= 2 and "\n" not in text_of(doc)[start:end]:
            found.append(Found(start, end, EntityType.ORGANIZATION, "pattern:legal-form", 3))
    return found


def propagate(doc: Doc, found: Iterable[Found]) -> list[Found]:
    """Give every occurrence of a cue-typed name in the document the cue's type."""
    typed: dict[str, Found] = {}
    for item in found:
        if item.strength >= 2:
            name = text_of(doc)[item.start : item.end]
            typed.setdefault(name, item)
            last = name.rsplit(" ", 1)[-1]
            if item.type is EntityType.ORGANIZATION and " " in name and _short_form_ok(last):
                typed.setdefault(last, item)
    extra: list[Found] = []
    for name, item in typed.items():
        pattern = re.compile(r"(?<![\w\-])" + re.escape(name) + r"(?=s?(?![\w\-]))")
        for match in pattern.finditer(text_of(doc)):
            extra.append(Found(match.start(), match.end(), item.type, item.extractor + "+doc", 2))
    return extra


def _short_form_ok(word: str) -> bool:
    """A last word that can stand alone for its organisation (not `Group`, `Bank`)."""
    return (
        len(word) >= 3
        and word[:1].isupper()
        and not ORG_WORDS.fullmatch(word)
        and (word.lower() not in COMMON_WORDS)
    )


def resolve_overlaps(found: Iterable[Found]) -> list[Found]:
    """Keep the strongest, then longest, of overlapping spans."""
    ranked = sorted(found, key=lambda f: (-f.strength, -(f.end - f.start), f.start))
    kept: list[Found] = []
    taken: list[tuple[int, int]] = []
    for item in ranked:
        if all(item.end <= s or item.start >= e for s, e in taken):
            kept.append(item)
            taken.append((item.start, item.end))
    return sorted(kept, key=lambda f: f.start)


def find_mentions(doc: Doc) -> list[Found]:
    """All typed spans of the document, overlaps settled."""
    first = (
        spacy_mentions(doc)
        + designation_mentions(doc)
        + cue_mentions(doc)
        + legal_form_mentions(doc)
    )
    settled = _model_majority(doc, resolve_overlaps(first + propagate(doc, first)))
    return [_as_authority(doc, f) for f in settled if not _lone_model_person(doc, f, settled)]


def _model_majority(doc: Doc, found: list[Found]) -> list[Found]:
    """A name only the model typed keeps the type it got most often in the document.

    The model may read `Ivo Raske` as a person twice and as an organisation once.
    """
    votes: dict[str, Counter[EntityType]] = {}
    for item in found:
        if item.strength == 1 and item.type in {EntityType.PERSON, EntityType.ORGANIZATION}:
            votes.setdefault(text_of(doc)[item.start : item.end], Counter())[item.type] += 1
    result = []
    for item in found:
        counts = votes.get(text_of(doc)[item.start : item.end])
        if item.strength == 1 and counts is not None and len(counts) > 1:
            (best, n), (_, m) = counts.most_common(2)
            item = replace(item, type=best) if n > m else item
        result.append(item)
    return result


VESSEL_PREFIX = re.compile(r"^(MV|M/V|MT|M/T|SS|RV)\s")


def _lone_model_person(doc: Doc, found: Found, others: list[Found]) -> bool:
    """A one-word person only the model saw, and no full name it belongs to: `Bill`, a place name.

    Vessel names (`MV Grey Tern`) are not people either.
    """
    if found.type is not EntityType.PERSON or not found.extractor.startswith("spacy"):
        return False
    text = text_of(doc)[found.start : found.end]
    if VESSEL_PREFIX.match(text):
        return True
    if " " in text:
        return False
    full_names = [
        text_of(doc)[o.start : o.end].split() for o in others if o.type is EntityType.PERSON
    ]
    return not any(text in words for words in full_names if len(words) > 1)


SANCTIONING_BODY = re.compile(
    r"^(the )?((u\.?s\.?|us|uk|u\.?k\.?) )?(treasury( department)?|ofac|office of foreign assets control|"
    r"eu|e\.u\.|european union|un|u\.n\.|united nations|un security council|ofsi|european commission)$",
    re.IGNORECASE,
)


def _as_authority(doc: Doc, found: Found) -> Found:
    """Bodies that only ever act as sanctioning authorities (EU, OFAC, the Treasury) are typed so."""
    if found.type in {EntityType.ORGANIZATION, EntityType.PLACE} and SANCTIONING_BODY.match(
        text_of(doc)[found.start : found.end]
    ):
        return Found(
            found.start,
            found.end,
            EntityType.AUTHORITY,
            found.extractor + "+authority",
            found.strength,
        )
    return found


def countries_near(span: Span) -> tuple[str, ...]:
    """Countries stated by adjectives of the name's own phrase: `Chinese drone maker X`."""
    codes: set[str] = set()
    root = span.root
    tokens = (
        list(root.children) + [root.head] if root.dep_ in {"pobj", "appos"} else list(root.children)
    )
    for token in tokens:
        for sub in [token, *token.children]:
            if sub.ent_type_ in {"NORP", "GPE"} and sub.i not in range(span.start, span.end):
                territory = lookup_territory(sub.text)
                if territory is not None:
                    codes.add(territory.code)
    return tuple(sorted(codes))
