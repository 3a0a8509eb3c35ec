"""What kind of party a name is, read from the name itself: place, organisation or person.

spaCy's entity label of a name changes from sentence to sentence and is often
wrong for the names that matter most ("Ismayilova" read as ORG, "Guptas" and
"Thabo Mbeki" as GPE), and a link type follows the kinds of its two parties:
two places are WITHIN, a person and an organisation MANAGER, EMPLOYEE or
OWNER, two people ASSOCIATE, FAMILY or ANTAGONIST. So each name also gets
kinds from its own string, with general knowledge only (nothing learnt from
the training file, nothing naming a party):

- a place when rigour's territory table knows it: a country or region by its
  name, a city by its places, a two- or three-letter country code written in
  capitals (`US`, `UK`);
- an organisation when it is an acronym (`OCCRP`), holds a word saying what
  kind of body it is (`Party`, `Bank`: `lexicon.ORG_KINDS`) or a legal or
  organisation form rigour knows (`Capital Partners`, `International`);
- a person when rigour's name table knows its words as names, and it has at
  least two words (one word alone, `Wood`, is a weaker hint).

`resolved_kind` settles one kind per name in its sentence: the name's own
kind where it has a clear one, else spaCy's label of the mention.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rigour.names import NameTypeTag, SymbolCategory, analyze_names
from rigour.territories import lookup_by_identifier, lookup_territory
from rigour.territories.territory import Territory
from rigour.territories.util import normalize_territory_name

from casegraph.links.lexicon import ORG_KINDS

ORG_SYMBOLS = frozenset({SymbolCategory.SYMBOL, SymbolCategory.ORG_CLASS})

PLACE, ORG, PERSON, UNKNOWN = "place", "org", "per", "unk"

SPACY_KINDS = {"PERSON": PERSON, "ORG": ORG, "GPE": PLACE, "LOC": PLACE, "NORP": PLACE}
"""spaCy entity labels as kinds, for names whose own string says nothing clear."""


@lru_cache(maxsize=4096)
def territory(name: str) -> tuple[str, Territory] | None:
    """The territory a name stands for and how it names it (`country`, `region`, `place`, `code`)."""
    name = name.strip()
    if not name:
        return None
    found = lookup_territory(name)
    if found is None:
        return None
    if lookup_by_identifier(name) is found:
        # `US`, `UK`; not `Bout` or `Wood` read as codes
        return ("code", found) if name.isupper() and len(name) <= 3 else None
    own = {normalize_territory_name(found.name), normalize_territory_name(found.full_name)}
    if normalize_territory_name(name) in own:
        return ("country" if found.is_country else "region"), found
    return "place", found


@lru_cache(maxsize=4096)
def name_kinds(name: str) -> tuple[str, ...]:
    """Every kind the string of a name suggests, most telling first, and its number of words:
    `("place", "place_country", "words=1")` for `Russia`, `("person2", "words=2")` for `Jane Roe`."""
    name = name.strip()
    words = re.findall(r"\w+", name)
    kinds: list[str] = []
    place = territory(name)
    if place is not None:
        kinds += ["place", f"place_{place[0]}"]
    if any(w.lower() in ORG_KINDS for w in words):
        kinds.append("orgword")
    if words and any(
        s.category in ORG_SYMBOLS for n in analyze_names(NameTypeTag.ORG, [name]) for s in n.symbols
    ):
        kinds.append("orgtype")
    if name.isupper() or (len(words) == 1 and sum(c.isupper() for c in name) >= 2 and not name.istitle()):
        kinds.append("acronym")
    if not kinds:
        named = words and any(
            s.category == SymbolCategory.NAME
            for n in analyze_names(NameTypeTag.PER, [name])
            for s in n.symbols
        )
        if named:
            kinds.append("person2" if len(words) >= 2 else "person1")
        else:
            kinds.append("oneword" if len(words) == 1 else "other")
    kinds.append(f"words={min(len(words), 3)}")
    return tuple(kinds)


SHAPES = ("place", "acronym", "orgword", "orgtype", "person2", "person1", "oneword", "other")
"""The kinds of `name_kinds` that stand for a name alone, most telling first."""

COARSE = {"place": PLACE, "acronym": ORG, "orgword": ORG, "orgtype": ORG, "person2": PERSON, "person1": PERSON}


def name_shape(name: str) -> str:
    """The most telling kind of `name_kinds`: `acronym` for `OCCRP`, `person2` for `Jane Roe`."""
    kinds = set(name_kinds(name))
    return next(shape for shape in SHAPES if shape in kinds)


def name_kind(name: str) -> str:
    """One coarse kind from the string alone: place, org, per or unk."""
    return COARSE.get(name_shape(name), UNKNOWN)


def resolved_kind(name: str, spacy_label: str) -> str:
    """The name's own kind where it has one, else spaCy's label of its mention in the sentence.
    A one-word person name that spaCy reads as a place (`Jordan`) is taken as a place."""
    kind = name_kind(name)
    if kind == UNKNOWN:
        return SPACY_KINDS.get(spacy_label, UNKNOWN)
    if name_shape(name) == "person1" and SPACY_KINDS.get(spacy_label) == PLACE:
        return PLACE
    return kind


def same_territory(source: str, target: str) -> bool:
    """Both names are places of one territory, or one lies in the other (`Baku`, `Azerbaijan`)."""
    a, b = territory(source), territory(target)
    if a is None or b is None:
        return False
    x, y = a[1].code, b[1].code
    return x == y or x.startswith(y + "-") or y.startswith(x + "-")
