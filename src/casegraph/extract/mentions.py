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
from collections.abc import Iterable
from dataclasses import dataclass

from rigour.territories import lookup_territory
from spacy.tokens import Doc, Span, Token

from casegraph.model import EntityType

ORG_CUES = frozenset(
    ["maker", "manufacturer", "producer", "company", "firm", "supplier", "intermediary", "distributor", "trader", "contractor", "exporter", "importer", "group", "conglomerate", "corporation", "enterprise", "plant", "factory", "bank", "lender", "insurer", "shipper", "carrier", "airline", "subsidiary", "affiliate", "operator", "developer", "vendor", "dealer", "agency", "institute", "bureau", "ministry", "consortium", "holding", "partnership", "startup", "start-up", "business", "wholesaler", "retailer", "refinery", "shipyard"]
)
ROLE_WORDS = frozenset(
    ["ceo", "cfo", "coo", "cto", "chief", "executive", "head", "director", "chairman", "chairwoman", "chair", "founder", "co-founder", "president", "vice-president", "owner", "manager", "engineer", "deputy", "spokesperson", "spokesman", "spokeswoman", "official", "employee", "representative", "secretary", "partner", "shareholder", "beneficiary", "officer", "administrator", "commander", "general", "governor", "minister"]
)
PLACE_CUES_BEFORE = frozenset(["city", "town", "village", "region", "province", "district", "oblast", "republic", "port"])
PLACE_CUES_AFTER = frozenset(
    ["region", "province", "oblast", "airport", "port", "district", "military", "site", "base", "city", "county"]
)
PRODUCT_NOUNS = frozenset(
    ["drone", "drones", "uav", "uavs", "missile", "missiles", "rocket", "rockets", "aircraft", "helicopter", "helicopters", "engine", "engines", "tank", "tanks", "vehicle", "vehicles", "system", "systems", "radar", "radars", "jet", "jets", "munition", "munitions", "loitering", "rifle", "rifles", "launcher", "launchers", "chip", "chips"]
)
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
LEADING_DROP = frozenset(["the", "a", "an"])


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds `doc.text` from its tokens on every access."""
    cached = doc.user_data.get("casegraph_text")
    if cached is None:
        cached = doc.user_data["casegraph_text"] = doc.text
    return str(cached)


@dataclass(frozen=True)
class Found:
    """A typed span with how it was found; `strength` settles overlaps."""

    start: int
    end: int
    type: EntityType
    extractor: str
    strength: int


def _trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
    """Character bounds without a leading article or a trailing possessive."""
    text = text_of(doc)[start:end]
    first = text.split(" ", 1)[0]
    if first.lower() in LEADING_DROP and " " in text:
        start += len(first) + 1
    for suffix in ("’s", "'s", "’", "'"):
        if text_of(doc)[start:end].endswith(suffix):
            end -= len(suffix)
    while end > start and not text_of(doc)[end - 1].isalnum():
        if text_of(doc)[end - 1] == "." and "." in text_of(doc)[start : end - 1]:
            break
        end -= 1
    return start, end


def _is_namelike(token: Token) -> bool:
    text = token.text
    if not text[:1].isalpha() and not text[:1].isdigit():
        return False
    return token.pos_ == "PROPN" or (text[:1].isupper() and token.pos_ not in {"ADJ", "DET", "PRON"})


def name_chunk(token: Token) -> Span | None:
    """The run of name-like tokens around `token`, as capitalised words in text."""
    if not _is_namelike(token) or token.ent_type_ == "NORP":
        return None
    doc = token.doc
    lo = token.i
    while lo > token.sent.start and _is_namelike(doc[lo - 1]) and doc[lo - 1].ent_type_ != "NORP":
        if doc[lo - 1].lower_ in ORG_CUES or doc[lo - 1].lower_ in ROLE_WORDS:
            break
        lo -= 1
    hi = token.i + 1
    while hi < token.sent.end:
        if _hyphen_joins(doc, hi) or _connector_joins(doc, hi, lo):
            hi += 2
        elif _is_namelike(doc[hi]) and doc[hi].lower_ not in ROLE_WORDS:
            hi += 1
        else:
            break
    return doc[lo:hi]


CONNECTORS = frozenset(["of", "for", "de", "du"])


def _connector_joins(doc: Doc, i: int, lo: int) -> bool:
    """`Special Economic Zone of Industrial Production Alabuga`: a small word inside a long name."""
    return (
        doc[i].lower_ in CONNECTORS
        and doc[i].text.islower()
        and i - lo >= 2
        and i + 1 < doc[i].sent.end
        and doc[i + 1].text[:1].isupper()
        and doc[i + 1].pos_ == "PROPN"
        and doc[i + 1].ent_type_ not in {"GPE", "NORP", "DATE"}
    )


def _hyphen_joins(doc: Doc, i: int) -> bool:
    """`Almaz-Antey`: a hyphen with no spaces between two name words."""
    return (
        doc[i].text == "-"
        and not doc[i - 1].whitespace_
        and not doc[i].whitespace_
        and i + 1 < len(doc)
        and doc[i + 1].text[:1].isupper()
    )


ORG_WORDS = re.compile(
    r"\b(center|centre|institute|university|ministry|company|corp|corporation|inc|ltd|llc|"
    r"ooo|ao|pao|jsc|gmbh|bank|agency|council|foundation|group|plant|factory|bureau|"
    r"department|committee|service|holding|holdings|industries|systems|technologies)\b",
    re.IGNORECASE,
)
COMMON_WORDS = PRODUCT_NOUNS | ORG_CUES | ROLE_WORDS


def spacy_mentions(doc: Doc) -> list[Found]:
    """The model's entities, trimmed, with organisation words overriding its label."""
    found = []
    for ent in doc.ents:
        kind = SPACY_TYPES.get(ent.label_)
        if kind is None:
            continue
        start, end = _trim(doc, ent.start_char, _extended_end(doc, ent))
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
    if ent.label_ != "ORG" or ent.end >= len(doc) or not _connector_joins(doc, ent.end, ent.start):
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
    return initials.lower().endswith(acronym.lower()) and all(w.islower() for w in before[-len(acronym):])


def _implausible(doc: Doc, ent: Span, text: str, start: int, end: int) -> bool:
    """Model entities that are field labels (`Seller:`), codes (`RUSSIA-EO14024`) or not names."""
    if text_of(doc)[end : end + 1] == ":" or _in_headline(doc, start) or _spelled_out(doc, start, end):
        return True
    if " " not in text and any(c.isdigit() for c in text):
        return True
    return ent.label_ == "PERSON" and any(t.pos_ != "PROPN" for t in ent if t.idx >= start and t.idx < end)


def designation_mentions(doc: Doc) -> list[Found]:
    """Model designations such as A200, HW52V, GA-21, Su-35; plural `s` excluded."""
    found = []
    for match in DESIGNATION.finditer(text_of(doc)):
        if NOT_DESIGNATION.match(match.group()) or not any(c.isdigit() for c in match.group()):
            continue
        found.append(Found(match.start(), match.end(), EntityType.PRODUCT, "pattern:designation", 3))
    return found


LEGAL_FORM_NAME = re.compile(
    r"\b(?:[A-Z][\w&\-]*[ ,]+){1,6}?(?:Co\.,? Ltd\.?|Co\., Limited|Ltd\.?|LLC|L\.L\.C\.|JSC|OJSC|PJSC|"
    r"OOO|ZAO|OAO|PAO|GmbH|AG|S\.A\.|SA|Inc\.|Corp\.|PLC|plc|LLP|Limited|FZE|FZCO|B\.V\.|"
    r"Sp\. z o\.o\.|S\.r\.l\.|Pte\.? Ltd\.?)(?![\w])"
)
STOP_LEADS = frozenset(["The", "A", "An", "In", "On", "At", "By", "For", "From", "Under", "Invoice", "Seller", "Buyer", "Shipper", "Consignee"])


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


def cue_mentions(doc: Doc) -> list[Found]:
    """Names typed by the words around them in the reporting idiom."""
    found: list[Found] = []
    for token in doc:
        low = token.lower_
        if low in ORG_CUES and token.pos_ == "NOUN":
            found.extend(_after_cue(token, EntityType.ORGANIZATION, "cue:org"))
            found.extend(_appositive_head(token, EntityType.ORGANIZATION, "cue:org-appos"))
        elif low in ROLE_WORDS:
            found.extend(_role_frame(token))
        elif low in PLACE_CUES_BEFORE and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of":
            found.extend(_chunk_at(doc, token.i + 2, EntityType.PLACE, "cue:place-of"))
        if low in PLACE_CUES_AFTER and token.i > 0:
            found.extend(_chunk_at(doc, token.i - 1, EntityType.PLACE, "cue:place-before"))
        if low in PRODUCT_NOUNS and token.i > 0 and token.text.islower():
            found.extend(_product_before(token))
    return found


def _chunk_at(doc: Doc, i: int, kind: EntityType, how: str) -> list[Found]:
    if i < 0 or i >= len(doc):
        return []
    chunk = name_chunk(doc[i])
    if chunk is None or chunk.root.ent_type_ in {"DATE", "CARDINAL", "MONEY"}:
        return []
    start, end = _trim(doc, chunk.start_char, chunk.end_char)
    return [Found(start, end, kind, how, 2)] if end > start else []


def _after_cue(cue: Token, kind: EntityType, how: str) -> list[Found]:
    """`drone maker Qilong Aero`, `Chinese firm Hubei Zhaoxin`."""
    nxt = cue.i + 1
    if nxt >= len(cue.doc) or not _is_namelike(cue.doc[nxt]):
        return []
    return _chunk_at(cue.doc, nxt, kind, how)


def _appositive_head(cue: Token, kind: EntityType, how: str) -> list[Found]:
    """`Sichuan AEE, a Chinese drone maker`: the cue noun is an apposition of the name."""
    if cue.dep_ != "appos" or not _is_namelike(cue.head):
        return []
    return _chunk_at(cue.doc, cue.head.i, kind, how)


def _role_frame(role: Token) -> list[Found]:
    """`Liu Mingxing, the CEO of X` / `X's CEO Liu` type both the person and the organisation."""
    found: list[Found] = []
    doc = role.doc
    if role.dep_ == "appos" and _is_namelike(role.head):
        found += _chunk_at(doc, role.head.i, EntityType.PERSON, "cue:person-role")
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "at"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += _role_org(pobj)
        if child.dep_ == "poss":
            found += _chunk_at(doc, child.i, EntityType.ORGANIZATION, "cue:role-org")
    nxt = role.i + 1
    if nxt < len(doc) and role.dep_ == "compound" and doc[nxt].pos_ == "PROPN":
        found += _chunk_at(doc, nxt, EntityType.PERSON, "cue:role-person")
    return found


def _role_org(pobj: Token) -> list[Found]:
    """The organisation of `head of X's drone department` or `CEO of X`."""
    doc = pobj.doc
    for child in pobj.children:
        if child.dep_ == "poss":
            return _chunk_at(doc, child.i, EntityType.ORGANIZATION, "cue:role-org")
    if _is_namelike(pobj):
        return _chunk_at(doc, pobj.i, EntityType.ORGANIZATION, "cue:role-org")
    return []


def _product_before(noun: Token) -> list[Found]:
    """`Borvik one-way attack drones`, `Shahed drone`: a name right before a product noun."""
    doc = noun.doc
    i = noun.i - 1
    while i >= noun.sent.start and doc[i].pos_ in {"NOUN", "NUM", "PUNCT"} and doc[i].dep_ == "compound":
        i -= 1
    while i >= noun.sent.start and doc[i].text in {"-"} | {"one", "way"}:
        i -= 1
    if i < noun.sent.start or doc[i].pos_ != "PROPN" or doc[i].ent_type_ in {"NORP", "GPE"}:
        return []
    if doc[i].lower_ in ORG_CUES:
        return []
    start, end = _trim(doc, doc[i].idx, doc[i].idx + len(doc[i].text))
    return [Found(start, end, EntityType.PRODUCT, "cue:product-noun", 2)]


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
    return len(word) >= 3 and word[:1].isupper() and not ORG_WORDS.fullmatch(word) and (
        word.lower() not in COMMON_WORDS
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
    first = spacy_mentions(doc) + designation_mentions(doc) + cue_mentions(doc) + legal_form_mentions(doc)
    settled = resolve_overlaps(first + propagate(doc, first))
    return [_as_authority(doc, f) for f in settled if not _lone_model_person(doc, f, settled)]


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
    full_names = [text_of(doc)[o.start : o.end].split() for o in others if o.type is EntityType.PERSON]
    return not any(text in words for words in full_names if len(words) > 1)


SANCTIONING_BODY = re.compile(
    r"^(the )?((u\.?s\.?|us|uk|u\.?k\.?) )?(treasury( department)?|ofac|office of foreign assets control|"
    r"eu|e\.u\.|european union|un|u\.n\.|united nations|un security council|ofsi|european commission)$",
    re.IGNORECASE,
)


def _as_authority(doc: Doc, found: Found) -> Found:
    """Bodies that only ever act as sanctioning authorities (EU, OFAC, the Treasury) are typed so."""
    if found.type in {EntityType.ORGANIZATION, EntityType.PLACE} and SANCTIONING_BODY.match(text_of(doc)[found.start : found.end]):
        return Found(found.start, found.end, EntityType.AUTHORITY, found.extractor + "+authority", found.strength)
    return found


def countries_near(span: Span) -> tuple[str, ...]:
    """Countries stated by adjectives of the name's own phrase: `Chinese drone maker X`."""
    codes: set[str] = set()
    root = span.root
    tokens = list(root.children) + [root.head] if root.dep_ in {"pobj", "appos"} else list(root.children)
    for token in tokens:
        for sub in [token, *token.children]:
            if sub.ent_type_ in {"NORP", "GPE"} and sub.i not in range(span.start, span.end):
                territory = lookup_territory(sub.text)
                if territory is not None:
                    codes.add(territory.code)
    return tuple(sorted(codes))
