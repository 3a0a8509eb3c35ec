"""What a name is in reporting text: the span record, name chunks, and the words around names.

The lexicons here (organisation cue nouns, role words, family and tie words,
product nouns) are shared by mention finding, coreference and relation frames.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from casegraph.model import EntityType

ORG_CUES = frozenset(
    [
        "maker",
        "manufacturer",
        "producer",
        "company",
        "firm",
        "supplier",
        "intermediary",
        "distributor",
        "trader",
        "contractor",
        "exporter",
        "importer",
        "group",
        "conglomerate",
        "corporation",
        "enterprise",
        "plant",
        "factory",
        "bank",
        "lender",
        "insurer",
        "shipper",
        "carrier",
        "airline",
        "subsidiary",
        "affiliate",
        "operator",
        "developer",
        "vendor",
        "dealer",
        "agency",
        "institute",
        "bureau",
        "ministry",
        "consortium",
        "holding",
        "partnership",
        "startup",
        "start-up",
        "business",
        "wholesaler",
        "retailer",
        "refinery",
        "shipyard",
    ]
)
ROLE_WORDS = frozenset(
    [
        "ceo",
        "cfo",
        "coo",
        "cto",
        "chief",
        "executive",
        "head",
        "director",
        "chairman",
        "chairwoman",
        "chair",
        "founder",
        "co-founder",
        "president",
        "vice-president",
        "owner",
        "manager",
        "engineer",
        "deputy",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "official",
        "employee",
        "representative",
        "secretary",
        "partner",
        "shareholder",
        "beneficiary",
        "officer",
        "administrator",
        "commander",
        "general",
        "governor",
        "minister",
        "fellow",
        "researcher",
        "analyst",
        "adviser",
        "advisor",
        "professor",
        "lawyer",
        "accountant",
        "consultant",
        "economist",
        "scientist",
    ]
)
KIN_WORDS = frozenset(
    [
        "brother",
        "sister",
        "son",
        "daughter",
        "father",
        "mother",
        "wife",
        "husband",
        "spouse",
        "cousin",
        "nephew",
        "niece",
        "uncle",
        "aunt",
        "grandson",
        "granddaughter",
        "grandfather",
        "grandmother",
        "sibling",
        "stepson",
        "stepdaughter",
        "stepfather",
        "stepmother",
        "widow",
        "widower",
        "fiancee",
        "fiancée",
        "fiance",
        "fiancé",
    ]
)
TIE_WORDS = frozenset(
    [
        "member",
        "associate",
        "friend",
        "ally",
        "confidant",
        "rival",
        "critic",
        "opponent",
        "adversary",
        "competitor",
    ]
)
PERSONAL_TIES = frozenset(["associate", "friend", "ally", "confidant"])
PLACE_CUES_BEFORE = frozenset(
    ["city", "town", "village", "region", "province", "district", "oblast", "republic", "port"]
)
PLACE_CUES_AFTER = frozenset(
    [
        "region",
        "province",
        "oblast",
        "airport",
        "port",
        "district",
        "military",
        "site",
        "base",
        "city",
        "county",
    ]
)
PRODUCT_NOUNS = frozenset(
    [
        "drone",
        "drones",
        "uav",
        "uavs",
        "missile",
        "missiles",
        "rocket",
        "rockets",
        "aircraft",
        "helicopter",
        "helicopters",
        "engine",
        "engines",
        "tank",
        "tanks",
        "vehicle",
        "vehicles",
        "system",
        "systems",
        "radar",
        "radars",
        "jet",
        "jets",
        "munition",
        "munitions",
        "loitering",
        "rifle",
        "rifles",
        "launcher",
        "launchers",
        "chip",
        "chips",
    ]
)
LEADING_DROP = frozenset(["the", "a", "an"])


def text_of(doc: Doc) -> str:
    """The document's text, built once: spaCy rebuilds `doc.text` from its tokens on every access."""
    cached = doc.user_data.get("casegraph_text")
    if cached is None:
        cached = doc.user_data["casegraph_text"] = doc.text
    return str(cached)


@dataclass(frozen=True)
class Found:
    """A typed span with how it was found; `strength` settles overlaps.

    `said_as` is set where a description or pronoun ("the firm", "she") stands
    for this mention: the phrase the sentence uses instead of the name.
    """

    start: int
    end: int
    type: EntityType
    extractor: str
    strength: int
    said_as: str = ""


def trim(doc: Doc, start: int, end: int) -> tuple[int, int]:
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


def is_namelike(token: Token) -> bool:
    text = token.text
    if not text[:1].isalpha() and not text[:1].isdigit():
        return False
    return token.pos_ == "PROPN" or (
        text[:1].isupper() and token.pos_ not in {"ADJ", "DET", "PRON"}
    )


def name_chunk(token: Token) -> Span | None:
    """The run of name-like tokens around `token`, as capitalised words in text."""
    if not is_namelike(token) or token.ent_type_ == "NORP":
        return None
    doc = token.doc
    lo = token.i
    while lo > token.sent.start:
        if lo - 2 >= token.sent.start and hyphen_joins(doc, lo - 1) and is_namelike(doc[lo - 2]):
            lo -= 2
            continue
        if not is_namelike(doc[lo - 1]) or doc[lo - 1].ent_type_ == "NORP":
            break
        if doc[lo - 1].lower_ in ORG_CUES or doc[lo - 1].lower_ in ROLE_WORDS:
            break
        lo -= 1
    hi = token.i + 1
    while hi < token.sent.end:
        if hyphen_joins(doc, hi) or connector_joins(doc, hi, lo):
            hi += 2
        elif is_namelike(doc[hi]) and doc[hi].lower_ not in ROLE_WORDS:
            hi += 1
        else:
            break
    return doc[lo:hi]


CONNECTORS = frozenset(["of", "for", "de", "du"])


def connector_joins(doc: Doc, i: int, lo: int) -> bool:
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


def hyphen_joins(doc: Doc, i: int) -> bool:
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
    r"department|committee|service|holding|holdings|industries|systems|technologies|"
    r"aero|aerospace|aviation|avionics|airlines|freight|logistics|shipping|trading|trade|motors|munitions|"
    r"armaments|arms|tooling|metals|works|rail|electronics|engineering|dynamics|defence|defense)\b",
    re.IGNORECASE,
)
COMMON_WORDS = PRODUCT_NOUNS | ORG_CUES | ROLE_WORDS
