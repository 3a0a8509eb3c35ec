"""Synthetic case files: reports, invoices and bookings about fictional parties.

For load tests and benchmarks, where real archives cannot be shipped: a corpus
of any size whose parties recur across documents the way they do in a real
archive (a few often, most rarely, and more distinct names the bigger the
corpus), written in the idioms extraction reads, with the noise real files
carry (promotional paragraphs, photo captions, misspelt names, stray
whitespace). Every party, place and product is made up from syllables. The
whole corpus follows from its seed, so it is reproducible byte for byte.
"""

from __future__ import annotations

import calendar
import random
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from itertools import accumulate
from pathlib import Path
from typing import Literal, TypeVar

Size = Literal["small", "mixed"]
SIZES: tuple[Size, ...] = ("small", "mixed")

_ONSETS = (
    "b",
    "br",
    "c",
    "d",
    "dr",
    "f",
    "g",
    "gr",
    "h",
    "k",
    "kr",
    "l",
    "m",
    "n",
    "p",
    "r",
    "s",
    "st",
    "t",
    "tr",
    "v",
    "z",
    "qu",
    "th",
    "sh",
    "w",
)
_VOWELS = ("a", "e", "i", "o", "u", "ae", "ia", "ou", "ei")
_CODAS = ("", "", "n", "r", "l", "s", "x", "m", "nd", "rk", "st", "ll")
_SECTORS = (
    "Optronics",
    "Aerosystems",
    "Trade House",
    "Precision",
    "Machine Works",
    "Electronics",
    "Logistics",
    "Components",
    "Avionics",
    "Composites",
    "Engineering",
    "Motors",
    "",
)
_LEGAL = ("LLC", "Co., Ltd", "OOO", "JSC", "GmbH", "Ltd", "AO", "Limited", "Co. Ltd")
_GIVEN = (
    "Mara",
    "Teodor",
    "Ilse",
    "Bram",
    "Kasia",
    "Oren",
    "Lida",
    "Anselm",
    "Yuna",
    "Piet",
    "Selin",
    "Dario",
    "Nadia",
    "Emil",
    "Vera",
    "Tomas",
    "Rhea",
    "Goran",
    "Lena",
    "Arvid",
    "Ines",
    "Matvei",
    "Olga",
    "Casper",
    "Zofia",
    "Ruben",
    "Hana",
    "Leon",
    "Mirela",
    "Yosef",
)
_SURNAME_ENDINGS = ("", "ov", "enko", "ski", "er", "sen", "ak", "ova", "is")
_ROLES = (
    "chief executive",
    "sales director",
    "procurement manager",
    "general director",
    "chief engineer",
    "head of logistics",
    "founder",
)
_KINDS = (
    "gimbal camera",
    "flight controller",
    "servo motor",
    "engine",
    "rotor assembly",
    "thermal imager",
    "navigation module",
    "airframe",
    "battery pack",
    "radio module",
)
_ADJECTIVES = (
    "Chinese",
    "Turkish",
    "Kazakh",
    "Armenian",
    "Emirati",
    "Russian",
    "Indian",
    "Serbian",
)
_CURRENCIES = ("USD", "EUR", "CNY")
_MONTHS = tuple(calendar.month_name)[1:]
_FILLER = (
    "Demand for cheap components has grown since the war began.",
    "Export controls on such parts have tightened over the past two years.",
    "Trade data for the period are incomplete.",
    "The parts are sold openly for civilian use.",
    "Several of the companies share an address in a business park.",
    "Payments moved through banks in third countries.",
    "The shipments were declared as spare parts for agricultural machinery.",
    "Prices rose sharply in the second half of the year.",
)
_SPAM = (
    "Subscribe today and get 50% off your first year of unlimited access!",
    "Sponsored: Earn passive income from home with our proven trading system. Click here.",
    "Download our app for breaking news alerts. Available on all platforms.",
    "Advertisement. Luxury watches at wholesale prices, free shipping worldwide.",
)

T = TypeVar("T")


@dataclass(frozen=True)
class Person:
    name: str
    role: str
    employer: int


@dataclass(frozen=True)
class Cast:
    """The fictional world a corpus draws on: parties, people, places, products, outlets."""

    companies: tuple[str, ...]
    people: tuple[Person, ...]
    places: tuple[str, ...]
    products: tuple[str, ...]
    outlets: tuple[str, ...]


@dataclass(frozen=True)
class SyntheticDocument:
    """One generated file: its name within the corpus folder, its text and its kind."""

    name: str
    text: str
    kind: str


def make_cast(documents: int, seed: int = 0) -> Cast:
    """A cast sized to the corpus: distinct names grow with the number of documents."""
    rng = random.Random(f"cast:{seed}")
    words = _words(rng, 40 + documents)
    companies = tuple(
        f"{w} {rng.choice(_SECTORS)} {rng.choice(_LEGAL)}".replace("  ", " ")
        for w in words[: 30 + documents // 3]
    )
    surnames = [w + rng.choice(_SURNAME_ENDINGS) for w in _words(rng, 20 + documents // 4)]
    people = tuple(
        Person(f"{rng.choice(_GIVEN)} {s}", rng.choice(_ROLES), rng.randrange(len(companies)))
        for s in surnames
    )
    places = tuple(
        rng.choice(("Port ", "", "", "New ")) + w for w in _words(rng, 15 + documents // 50)
    )
    products = tuple(
        f"{rng.choice('ABCDEFGHKMNRSTVXZ')}{rng.choice('ABCDEFGHKMNRSTVXZ')}-{rng.randrange(2, 990)}"
        for _ in range(20 + documents // 20)
    )
    outlets = ("The Meridian Ledger", "Harbour Post", "Northline Review", "The Coastal Courier")
    return Cast(companies, people, places, products, outlets)


def _words(rng: random.Random, count: int) -> list[str]:
    """`count` distinct made-up capitalised words of two or three syllables."""
    seen: dict[str, None] = {}
    while len(seen) < count:
        syllables = rng.choice((2, 2, 3))
        word = "".join(rng.choice(_ONSETS) + rng.choice(_VOWELS) for _ in range(syllables))
        seen.setdefault((word + rng.choice(_CODAS)).capitalize(), None)
    return list(seen)


class _Picker:
    """Draws indexes with Zipf-like weights: a few parties recur, most appear rarely."""

    def __init__(self, size: int) -> None:
        self.size = size
        self.cumulative = list(accumulate(1.0 / (rank + 1) for rank in range(size)))

    def __call__(self, rng: random.Random) -> int:
        return rng.choices(range(self.size), cum_weights=self.cumulative)[0]


@dataclass
class _Writer:
    """Writes one document from the cast; holds the document's random stream."""

    cast: Cast
    rng: random.Random
    pick_company: _Picker
    pick_person: _Picker

    def company(self) -> str:
        return self.cast.companies[self.pick_company(self.rng)]

    def person(self) -> Person:
        return self.cast.people[self.pick_person(self.rng)]

    def pick(self, options: Sequence[str]) -> str:
        return self.rng.choice(options)

    def companies(self, count: int) -> list[str]:
        """`count` different companies (fewer when the cast is smaller)."""
        return _distinct(self.company, count, self.cast.companies[0])

    def people(self, count: int) -> list[Person]:
        """`count` different people (repeats only when the cast is smaller): nobody travels with themselves."""
        return _distinct(self.person, count, self.cast.people[0])

    def places(self, count: int) -> list[str]:
        """`count` different places where the cast has enough."""
        return _distinct(lambda: self.pick(self.cast.places), count, self.cast.places[0])

    def product(self, plural: bool = False) -> str:
        product = f"{self.pick(self.cast.products)} {self.pick(_KINDS)}"
        return _plural(product) if plural else product

    def when(self) -> str:
        year = self.rng.randrange(2021, 2026)
        if self.rng.random() < 0.4:
            return f"the {('first', 'second', 'third', 'fourth')[self.rng.randrange(4)]} quarter of {year}"
        return f"{self.pick(_MONTHS)} {year}"

    def money(self) -> str:
        amount = self.rng.randrange(5, 5000) * 1000
        return f"{self.pick(_CURRENCIES)} {amount:,}"


def _distinct(draw: Callable[[], T], count: int, filler: T) -> list[T]:
    """`count` different draws, in draw order; `filler` makes up the number when draws keep repeating."""
    chosen: dict[T, None] = {}
    for _ in range(count * 4):
        chosen.setdefault(draw(), None)
        if len(chosen) == count:
            break
    return list(chosen) + [filler] * (count - len(chosen))


def _plural(phrase: str) -> str:
    return phrase[:-1] + "ies" if phrase.endswith("y") else phrase + "s"


def _misspell(name: str, rng: random.Random) -> str:
    """Swap two inner letters of the longest word: the kind of slip a second source makes."""
    words = name.split(" ")
    i = max(range(len(words)), key=lambda k: len(words[k]))
    word = words[i]
    if len(word) < 6:
        return name
    j = rng.randrange(1, len(word) - 2)
    words[i] = word[:j] + word[j + 1] + word[j] + word[j + 2 :]
    return " ".join(words)


def _claim_sentence(w: _Writer) -> str:
    seller, buyer, via = w.companies(3)
    outlet = w.pick(w.cast.outlets)
    person, companion = w.people(2)
    employer = w.cast.companies[person.employer]
    templates: tuple[Callable[[], str], ...] = (
        lambda: (
            f"{seller} supplied {w.rng.randrange(2, 400)} {w.product(plural=True)} to {buyer} in {w.when()}, "
            f"according to customs records seen by {outlet}."
        ),
        lambda: f"Officials assessed that {seller} shipped components to {buyer} through {via}.",
        lambda: (
            f"{outlet} could not confirm that {buyer} received the {w.product(plural=True)} from {seller}."
        ),
        lambda: f"{seller} denied that it sold parts to {buyer}.",
        lambda: (
            f"{buyer} paid {seller} {w.money()} for the {w.product(plural=True)} in {w.when()}."
        ),
        lambda: (
            f"{person.name}, the {person.role} of {employer}, travelled with "
            f"{companion.name} to {w.pick(w.cast.places)} in {w.when()}."
        ),
        lambda: f"The {w.pick(_ADJECTIVES)} company {seller} manufactures the {w.product()}.",
        lambda: f"{buyer} is a subsidiary of {via}.",
        lambda: f"The United States sanctioned {buyer} in {w.rng.randrange(2022, 2026)}.",
        lambda: (
            f"Invoices reviewed by {outlet} show that {seller} billed {buyer} {w.money()} "
            f"in {w.when()}."
        ),
    )
    return w.rng.choice(templates)()


def _paragraph(w: _Writer, sentences: int) -> str:
    parts = [
        _claim_sentence(w) if w.rng.random() < 0.7 else w.pick(_FILLER) for _ in range(sentences)
    ]
    return " ".join(parts)


def _report(w: _Writer, size: Size) -> str:
    paragraphs = 1 if size == "small" else max(1, int(w.rng.lognormvariate(1.3, 0.7)))
    sentences = (2, 3) if size == "small" else (2, 6)
    lead = w.company()
    lines = [f"{lead} linked to drone parts trade", ""]
    if size != "small":
        year, month, day = (
            w.rng.randrange(2022, 2026),
            w.rng.randrange(1, 13),
            w.rng.randrange(1, 29),
        )
        lines += [
            f"By {w.person().name}, {w.pick(w.cast.outlets)}",
            f"Date: {year}-{month:02d}-{day:02d}",
            "",
        ]
    for _ in range(paragraphs):
        text = _paragraph(w, w.rng.randint(*sentences))
        if w.rng.random() < 0.15:
            text = text.replace(lead, _misspell(lead, w.rng), 1)
        lines += [text, ""]
        if size != "small" and w.rng.random() < 0.2:
            lines += [w.pick(_SPAM), ""]
        if size != "small" and w.rng.random() < 0.1:
            lines += [f"Photo: a warehouse in {w.pick(w.cast.places)}. (File image)", ""]
    return "\n".join(lines)


def _invoice(w: _Writer, _size: Size) -> str:
    seller, buyer = w.companies(2)
    number = f"{w.rng.randrange(100, 999)}-{w.rng.randrange(1000, 9999)}"
    quantity, total = w.rng.randrange(2, 500), w.money()
    product = w.product()
    plural = _plural(product)
    return "\n".join(
        [
            f"Commercial invoice {number}",
            "",
            "Record type: invoice",
            f"Seller: {seller}, {w.pick(w.cast.places)}",
            f"Buyer: {buyer}, {w.pick(w.cast.places)}",
            f"Goods: {product}",
            f"Quantity: {quantity}",
            f"Amount: {total}",
            "",
            (
                f"Invoice number {number} shows that {seller} billed {buyer} {total} "
                f"for {quantity} {plural} in {w.when()}."
            ),
        ]
    )


def _booking(w: _Writer, _size: Size) -> str:
    a, b = w.people(2)
    employer_a, employer_b = w.cast.companies[a.employer], w.cast.companies[b.employer]
    origin, destination = w.places(2)
    return "\n".join(
        [
            f"Travel booking {w.rng.randrange(100000, 999999)}",
            "",
            "Record type: booking",
            f"Passenger 1: {a.name}, {a.role}, {employer_a}",
            f"Passenger 2: {b.name}, {b.role}, {employer_b}  ",
            f"Route: {origin} to {destination}",
            "",
            (
                f"The booking record shows that {a.name}, {a.role} of {employer_a}, travelled with "
                f"{b.name} from {origin} to {destination} in {w.when()}."
            ),
        ]
    )


_KINDS_OF_DOCUMENT: tuple[tuple[str, str, Callable[[_Writer, Size], str]], ...] = (
    ("report", ".md", _report),
    ("report", ".txt", _report),
    ("report", ".txt", _report),
    ("invoice", ".txt", _invoice),
    ("booking", ".txt", _booking),
)


def generate(count: int, seed: int = 0, size: Size = "mixed") -> Iterator[SyntheticDocument]:
    """`count` documents, reproducible from `seed`; `small` keeps each to a short paragraph."""
    if size not in SIZES:
        raise ValueError(f"unknown size {size!r}; use one of {', '.join(SIZES)}")
    cast = make_cast(count, seed)
    companies, people = _Picker(len(cast.companies)), _Picker(len(cast.people))
    for i in range(count):
        rng = random.Random(f"doc:{seed}:{i}")
        kind, suffix, write = rng.choice(_KINDS_OF_DOCUMENT)
        text = write(_Writer(cast, rng, companies, people), size)
        if rng.random() < 0.1:
            text = text.replace("\n\n", "\n\n\n", 1) + "\n\n"
        yield SyntheticDocument(f"{i:06d}_{kind}{suffix}", text.rstrip(" ") + "\n", kind)


def write_corpus(folder: Path, count: int, seed: int = 0, size: Size = "mixed") -> list[Path]:
    """Write the corpus into `folder` (created if needed); the paths written, in order."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for document in generate(count, seed, size):
        path = folder / document.name
        path.write_text(document.text, encoding="utf-8")
        paths.append(path)
    return paths
