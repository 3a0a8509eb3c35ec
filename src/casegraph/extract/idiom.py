"""Names typed by the reporting idiom: the words around a name say what it is.

"drone maker X", "X, the CEO of Y", "the city of X", "X's wife, Y",
"X, a rival of Y", "Kestria's Vornak drone": cues that override the
statistical model's guess (strength 2 against its 1).
"""

from __future__ import annotations

from dataclasses import replace

from rigour.territories import lookup_territory
from spacy.tokens import Doc, Token

from casegraph.extract.names import (
    KIN_WORDS,
    ORG_CUES,
    ORG_WORDS,
    PERSONAL_TIES,
    PLACE_CUES_AFTER,
    PLACE_CUES_BEFORE,
    PRODUCT_NOUNS,
    ROLE_WORDS,
    TIE_WORDS,
    Found,
    is_namelike,
    name_chunk,
    text_of,
    trim,
)
from casegraph.model import EntityType


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
        elif low in KIN_WORDS and token.pos_ == "NOUN":
            found.extend(_kin_frame(token))
        elif low in TIE_WORDS and token.pos_ == "NOUN":
            found.extend(_tie_frame(token))
        elif (
            low in PLACE_CUES_BEFORE and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "of"
        ):
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
    start, end = trim(doc, chunk.start_char, chunk.end_char)
    return [Found(start, end, kind, how, 2)] if end > start else []


def _after_cue(cue: Token, kind: EntityType, how: str) -> list[Found]:
    """`drone maker Qilong Aero`, `Chinese firm Hubei Zhaoxin`."""
    nxt = cue.i + 1
    if nxt >= len(cue.doc) or not is_namelike(cue.doc[nxt]):
        return []
    return _chunk_at(cue.doc, nxt, kind, how)


def _appositive_head(cue: Token, kind: EntityType, how: str) -> list[Found]:
    """`Qilong Aero, a Chinese drone maker`: the cue noun is an apposition of the name."""
    if cue.dep_ != "appos" or not is_namelike(cue.head):
        return []
    return _chunk_at(cue.doc, cue.head.i, kind, how)


def _role_frame(role: Token) -> list[Found]:
    """`Orlen Pastuk, the CEO of X` / `X's CEO Pastuk` type both the person and the organisation."""
    found: list[Found] = []
    doc = role.doc
    if role.dep_ == "appos" and is_namelike(role.head):
        found += _chunk_at(doc, role.head.i, EntityType.PERSON, "cue:person-role")
    for child in role.children:
        if child.dep_ == "prep" and child.lower_ in {"of", "at"}:
            for pobj in child.children:
                if pobj.dep_ == "pobj":
                    found += _role_org(pobj)
        if child.dep_ == "poss" and role.lower_ != "partner":
            found += _chunk_at(doc, child.i, EntityType.ORGANIZATION, "cue:role-org")
    nxt = role.i + 1
    if nxt < len(doc) and role.dep_ == "compound" and doc[nxt].pos_ == "PROPN":
        found += _chunk_at(doc, nxt, EntityType.PERSON, "cue:role-person")
    if role.i > 0 and doc[role.i - 1].tag_ == "PRP$":
        found += [
            f
            for c in role.children
            if c.dep_ == "appos"
            for f in _chunk_at(doc, c.i, EntityType.PERSON, "cue:role-person")
        ]
    return found


PLACE_OR_GROUP = frozenset(["GPE", "LOC", "FAC", "NORP"])


def _party_at(doc: Doc, i: int, how: str) -> list[Found]:
    """A name a relational noun describes (`X, a rival of Y`): an organisation if its words say so, else a person."""
    if doc[i].ent_type_ in PLACE_OR_GROUP:
        return []
    found = _chunk_at(doc, i, EntityType.PERSON, how)
    return [replace(f, type=EntityType.ORGANIZATION) if _org_words(doc, f) else f for f in found]


def _org_words(doc: Doc, found: Found) -> bool:
    return bool(ORG_WORDS.search(text_of(doc)[found.start : found.end]))


def _tie_frame(tie: Token) -> list[Found]:
    """`X, a rival of Y`, `X, a close associate of Y`: both sides are parties (Y only for personal ties)."""
    doc = tie.doc
    sides = [tie.head] if tie.dep_ == "appos" else []
    if tie.lower_ in PERSONAL_TIES:
        sides += [
            p
            for c in tie.children
            if c.dep_ == "prep" and c.lower_ == "of"
            for p in c.children
            if p.dep_ == "pobj"
        ]
    return [f for t in sides if is_namelike(t) for f in _party_at(doc, t.i, "cue:party-tie")]


def _kin_frame(kin: Token) -> list[Found]:
    """`X, the brother of Y`, `Y's wife, X`, `his son X`: both sides of a family tie are people."""
    doc = kin.doc
    sides = [
        c
        for c in kin.children
        if c.dep_ in {"appos", "poss"} or (c.dep_ == "compound" and c.i > kin.i)
    ]
    sides += [
        p
        for c in kin.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for p in c.children
        if p.dep_ == "pobj"
    ]
    sides += [kin.head] if kin.dep_ == "appos" else []
    people = [t for t in sides if is_namelike(t) and t.ent_type_ not in PLACE_OR_GROUP | {"ORG"}]
    return [
        f
        for t in people
        for f in _chunk_at(doc, t.i, EntityType.PERSON, "cue:person-kin")
        if not _org_words(doc, f)
    ]


def _role_org(pobj: Token) -> list[Found]:
    """The organisation of `head of X's drone department` or `CEO of X`."""
    doc = pobj.doc
    for child in pobj.children:
        if child.dep_ == "poss":
            return _chunk_at(doc, child.i, EntityType.ORGANIZATION, "cue:role-org")
    if is_namelike(pobj):
        return _model_org(pobj) or _chunk_at(doc, pobj.i, EntityType.ORGANIZATION, "cue:role-org")
    return []


def _model_org(token: Token) -> list[Found]:
    """The model's organisation around `token` when it is longer than the name chunk.

    `fellow at the Center for a New Kestrian Policy`: the chunk stops at `for`, the model does not.
    """
    if token.ent_type_ not in {"ORG", "FAC"}:
        return []
    doc, lo, hi = token.doc, token.i, token.i + 1
    while lo > 0 and doc[lo].ent_iob_ == "I":
        lo -= 1
    while hi < len(doc) and doc[hi].ent_iob_ == "I":
        hi += 1
    if hi - lo < 3:
        return []
    start, end = trim(doc, doc[lo].idx, doc[hi - 1].idx + len(doc[hi - 1].text))
    return [Found(start, end, EntityType.ORGANIZATION, "cue:role-org", 2)]


def _product_before(noun: Token) -> list[Found]:
    """`Borvik one-way attack drones`, `Vornak drone`: a name right before a product noun."""
    doc = noun.doc
    i = noun.i - 1
    while (
        i >= noun.sent.start
        and doc[i].pos_ in {"NOUN", "NUM", "PUNCT"}
        and doc[i].dep_ == "compound"
    ):
        i -= 1
    while i >= noun.sent.start and doc[i].text in {"-"} | {"one", "way"}:
        i -= 1
    if i < noun.sent.start or doc[i].ent_type_ == "GPE" or doc[i].lower_ in ORG_CUES:
        return []
    proper = doc[i].pos_ == "PROPN" and doc[i].ent_type_ != "NORP"
    if not proper and not (
        doc[i].pos_ in {"PROPN", "ADJ"} and doc[i].text[:1].isupper() and _origin_before(doc, i)
    ):
        return []
    start, end = trim(doc, doc[i].idx, doc[i].idx + len(doc[i].text))
    return [Found(start, end, EntityType.PRODUCT, "cue:product-noun", 2)]


def _origin_before(doc: Doc, i: int) -> bool:
    """`Kestria's Vornak drone`, `Kestrian-designed Vornak drones`: a country, then a name the model took for a nationality."""
    if lookup_territory(doc[i].text) is not None or i < 2:
        return False
    before = doc[i - 1]
    if before.tag_ == "POS":
        return bool(doc[i - 2].ent_type_ == "GPE")
    return bool(
        before.ent_type_ == "NORP"
        or (before.tag_ == "VBN" and doc[i - 3 : i - 1].text.endswith("-"))
    )
