"""Seeded variants of sanctions-list names: the spellings screening has to see through.

Each kind turns one list name into a query the way a reporter, a translator or
a counterparty's paperwork writes the same party:

  typo         one letter dropped, doubled, replaced or swapped with its neighbour
               in one word of five letters or more;
  word_order   a person's family name first without the list's comma ("PANKOV
               Nikolay Vasilyevich"); an organisation's legal form moved to the
               other end ("OOO ROSTOK" for "ROSTOK, OOO");
  legal_form   the legal form dropped, or swapped for the same kind of company in
               another language or spelling ("LLC" for "OOO", "Joint Stock
               Company" for "AO", "Co., Ltd." for "LIMITED");
  cyrillic     the name written in Cyrillic, as a Russian-language source would;
  romanised    that Cyrillic read back into Latin letters by another system
               (German, French or scholarly transcription: "Wyssozki", "Vyssotski",
               "Vysockij");
  short        a person's middle names and patronymic left out;
  alias        another name the entry carries (an a.k.a.), itself varied by one of
               the kinds above.

Everything is drawn from one `random.Random(seed)`, so a seed gives the same
queries on any machine. The functions return None where a kind does not apply
(no word long enough, no legal form, a one-word person name); `variants` then
moves on to the next entry. A variant equal to a name of its own entry is
skipped: it would test nothing.
"""

from __future__ import annotations

import random
import re
import string
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from casegraph.screen.lists import ListEntry

KINDS = ("typo", "word_order", "legal_form", "cyrillic", "romanised", "short", "alias")

# Kinds of company, each with spellings a source may use for it. Written as they appear in
# names, longest first within a kind so "LIMITED LIABILITY COMPANY" is found before "COMPANY".
LEGAL_FORMS: dict[str, tuple[str, ...]] = {
    "limited liability": (
        "LIMITED LIABILITY COMPANY",
        "OBSHCHESTVO S OGRANICHENNOI OTVETSTVENNOSTYU",
        "OOO",
        "LLC",
        "L.L.C.",
    ),
    "joint stock": (
        "JOINT STOCK COMPANY",
        "AKTSIONERNOE OBSHCHESTVO",
        "JSC",
        "AO",
    ),
    "public joint stock": ("PUBLIC JOINT STOCK COMPANY", "PJSC", "PAO"),
    "closed joint stock": ("CLOSED JOINT STOCK COMPANY", "CJSC", "ZAO"),
    "open joint stock": ("OPEN JOINT STOCK COMPANY", "OJSC", "OAO"),
    "limited": ("COMPANY LIMITED", "CO., LTD.", "CO. LTD", "LIMITED", "LTD.", "LTD"),
    "corporation": ("CORPORATION", "CORP.", "CORP"),
    "incorporated": ("INCORPORATED", "INC.", "INC"),
    "societe anonyme": ("SOCIEDAD ANONIMA", "SOCIETE ANONYME", "S.A.", "SA"),
    "gmbh": ("GESELLSCHAFT MIT BESCHRANKTER HAFTUNG", "GMBH"),
}
RUSSIAN_FORMS = {
    "limited liability": "ООО",
    "joint stock": "АО",
    "public joint stock": "ПАО",
    "closed joint stock": "ЗАО",
    "open joint stock": "ОАО",
}

_LATIN_TO_CYRILLIC = (
    ("shch", "щ"), ("gh", "г"), ("sch", "ш"), ("kh", "х"), ("zh", "ж"), ("ts", "ц"), ("tz", "ц"),
    ("ch", "ч"), ("sh", "ш"), ("yu", "ю"), ("ya", "я"), ("yo", "ё"), ("ye", "е"),
    ("iy", "ий"), ("yy", "ый"), ("ph", "ф"), ("th", "т"), ("ck", "к"), ("x", "кс"),
    ("a", "а"), ("b", "б"), ("c", "к"), ("d", "д"), ("e", "е"), ("f", "ф"), ("g", "г"),
    ("h", "х"), ("i", "и"), ("j", "дж"), ("k", "к"), ("l", "л"), ("m", "м"), ("n", "н"),
    ("o", "о"), ("p", "п"), ("q", "к"), ("r", "р"), ("s", "с"), ("t", "т"), ("u", "у"),
    ("v", "в"), ("w", "в"), ("y", "и"), ("z", "з"),
)  # fmt: skip

_COMMON_CYRILLIC = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "з": "z", "и": "i",
    "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "ы": "y", "ь": "", "ъ": "", "э": "e",
}  # fmt: skip
# Back into Latin letters by a system other than the one the list used.
_ROMANISATIONS: dict[str, dict[str, str]] = {
    "german": {
        **_COMMON_CYRILLIC, "в": "w", "ж": "sch", "з": "s", "й": "i", "х": "ch", "ц": "z",
        "ч": "tsch", "ш": "sch", "щ": "schtsch", "ю": "ju", "я": "ja", "ы": "y", "у": "u",
    },
    "french": {
        **_COMMON_CYRILLIC, "ж": "j", "й": "i", "х": "kh", "ц": "ts", "ч": "tch", "ш": "ch",
        "щ": "chtch", "у": "ou", "ю": "iou", "я": "ia", "е": "e",
    },
    "scholarly": {
        **_COMMON_CYRILLIC, "ж": "z", "й": "j", "х": "h", "ц": "c", "ч": "c", "ш": "s",
        "щ": "sc", "ю": "ju", "я": "ja", "ё": "jo",
    },
}  # fmt: skip
_WORD = re.compile(r"[A-Za-z]{5,}")


@dataclass(frozen=True)
class Variant:
    """A query made from one name of one list entry."""

    query: str
    kind: str
    entry_id: str
    schema: str
    source: str


Perturb = Callable[[str, str, random.Random], str | None]


def typo(name: str, schema: str, rng: random.Random) -> str | None:
    """One keyboard slip in one word of five letters or more."""
    words = list(_WORD.finditer(name))
    if not words:
        return None
    word = rng.choice(words)
    at = rng.randrange(word.start(), word.end())
    letter = rng.choice(string.ascii_lowercase)
    letter = letter.upper() if name[at].isupper() else letter
    edit = rng.choice(("drop", "double", "replace", "swap"))
    if edit == "drop":
        return name[:at] + name[at + 1 :]
    if edit == "double":
        return name[:at] + name[at] + name[at:]
    if edit == "replace":
        return name[:at] + letter + name[at + 1 :]
    at = min(at, word.end() - 2)
    return name[:at] + name[at + 1] + name[at] + name[at + 2 :]


def word_order(name: str, schema: str, rng: random.Random) -> str | None:
    """Family name first for a person; the legal form at the other end for a company."""
    if schema == "person":
        family, comma, given = name.partition(",")
        if not comma or not given.strip():
            return None
        return f"{family.strip()} {given.replace(',', ' ').strip()}"
    found = _legal_form(name)
    if found is None:
        return None
    form, rest, at_end = found
    return f"{form} {rest}" if at_end else f"{rest} {form}"


def legal_form(name: str, schema: str, rng: random.Random) -> str | None:
    """The legal form left out, or written as another spelling of the same kind."""
    found = _legal_form(name)
    if found is None:
        return None
    form, rest, at_end = found
    others = [s for s in LEGAL_FORMS[_kind_of(form)] if s != form]
    if rng.random() < 0.4 or not others:
        return rest
    other = rng.choice(others)
    return f"{rest} {other}" if at_end else f"{other} {rest}"


def cyrillic(name: str, schema: str, rng: random.Random) -> str | None:
    """The name in Cyrillic letters (Latin names only); a Russian company form goes in front,
    abbreviated, with the name in guillemets: "ООО «РОСТОК»"."""
    if not name.isascii() or not any(c.isalpha() for c in name):
        return None
    found = _legal_form(name)
    if found is not None and _kind_of(found[0]) in RUSSIAN_FORMS:
        written = " ".join(_to_cyrillic(word) for word in found[1].split())
        return f"{RUSSIAN_FORMS[_kind_of(found[0])]} «{written}»"
    return " ".join(_to_cyrillic(word) for word in name.split())


def romanised(name: str, schema: str, rng: random.Random) -> str | None:
    """The Cyrillic form read back by a German, French or scholarly transcription."""
    written = cyrillic(name, schema, rng)
    if written is None:
        return None
    system = _ROMANISATIONS[rng.choice(sorted(_ROMANISATIONS))]
    return "".join(system.get(c.lower(), c) for c in written).title()


def short(name: str, schema: str, rng: random.Random) -> str | None:
    """A person by first and family name only: "Artem Pavlovich METELEV" -> "Artem METELEV"."""
    if schema != "person" or "," in name:
        return None
    words = name.split()
    if len(words) < 3:
        return None
    family = [i for i, w in enumerate(words) if w.isupper() and len(w) > 1]
    if not family or family[0] == 0:
        return None
    return " ".join([words[0], *words[family[0] :]])


PERTURBATIONS: dict[str, Perturb] = {
    "typo": typo,
    "word_order": word_order,
    "legal_form": legal_form,
    "cyrillic": cyrillic,
    "romanised": romanised,
    "short": short,
}


def variants(entries: Sequence[ListEntry], per_kind: int, seed: int) -> list[Variant]:
    """Up to `per_kind` variants of each kind, from entries drawn in a seeded order."""
    rng = random.Random(seed)
    made: list[Variant] = []
    for kind in KINDS:
        order = list(entries)
        rng.shuffle(order)
        count = 0
        for entry in order:
            if count == per_kind:
                break
            variant = _vary(entry, kind, rng)
            if variant is not None:
                made.append(variant)
                count += 1
    return made


def _vary(entry: ListEntry, kind: str, rng: random.Random) -> Variant | None:
    if kind == "alias":
        aliases = _aliases(entry)
        if not aliases:
            return None
        source = rng.choice(aliases)
        perturb = PERTURBATIONS[rng.choice(sorted(PERTURBATIONS))]
    else:
        source, perturb = rng.choice(entry.names), PERTURBATIONS[kind]
    query = perturb(source, entry.schema, rng)
    if query is None or _plain(query) in {_plain(n) for n in entry.names}:
        return None
    return Variant(" ".join(query.split()), kind, entry.entry_id, entry.schema, source)


def _aliases(entry: ListEntry) -> list[str]:
    """The entry's names other than its primary name and that name's reordering."""
    primary = set(_plain(entry.names[0]).split())
    return [n for n in entry.names[1:] if set(_plain(n).split()) != primary]


def _legal_form(name: str) -> tuple[str, str, bool] | None:
    """(form as written, the rest, whether the form ends the name) for a known form."""
    upper = name.upper()
    for spellings in LEGAL_FORMS.values():
        for form in spellings:
            if upper.endswith((" " + form, "," + form)):
                rest = name[: len(name) - len(form)].rstrip(" ,")
                if rest:
                    return form, rest, True
            if upper.startswith(form + " "):
                return form, name[len(form) :].strip(), False
    return None


def _kind_of(form: str) -> str:
    return next(kind for kind, spellings in LEGAL_FORMS.items() if form in spellings)


def _to_cyrillic(word: str) -> str:
    lower, out, at = word.lower(), [], 0
    while at < len(lower):
        for latin, letters in _LATIN_TO_CYRILLIC:
            if lower.startswith(latin, at):
                out.append(letters)
                at += len(latin)
                break
        else:
            out.append(lower[at])
            at += 1
    written = "".join(out)
    return written.upper() if word.isupper() and len(word) > 1 else written.capitalize()


def _plain(name: str) -> str:
    """Letters and digits only, casefolded, accents dropped: to tell a variant from its source."""
    text = unicodedata.normalize("NFKD", name.casefold())
    kept = "".join(c if c.isalnum() else " " for c in text if not unicodedata.combining(c))
    return " ".join(kept.split())
