"""Find amounts of money, with their currencies as ISO 4217 codes.

Invoices and payments are the strongest evidence of supply, and reports often
state one sum in two currencies ("5 million yuan ($700,000)"); the conversion
in parentheses belongs to the same span, one amount per currency.

Choices:
- "$" alone is USD; "HK$", "A$", "C$", "S$", "NT$" are their own dollars.
- "¥" is ambiguous (yuan and yen): it is CNY when the text mentions
  yuan/renminbi/RMB/China/Chinese more often than yen/JPY/Japan/Japanese,
  else JPY. "CN¥" and "JP¥" are explicit.
- "pounds" is GBP only with "sterling" or a scale word ("5 million pounds")
  and never before "of" ("500 pounds of explosives" is a weight).
- "francs" alone is not a currency (Swiss, French, CFA...); "Swiss francs" is CHF.
- "millions of dollars" is a lower bound (2 million) with qualifier "at least".
- A single "." or "," before other than three digits is a decimal mark
  ("1.2bn", "3,5 Mio."); with both present the later one is.
- Ranges ("$1-2 million") are not read, rather than read wrongly.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from casegraph.model import Money


@dataclass(frozen=True)
class MoneySpan:
    """A stated sum: `text == source[start:end]`, one amount per currency."""

    start: int
    end: int
    text: str
    amounts: tuple[Money, ...]
    qualifier: str | None


_SCALES = {
    "k": 10**3,
    "thousand": 10**3,
    "lakh": 10**5,
    "crore": 10**7,
    "m": 10**6,
    "mn": 10**6,
    "mln": 10**6,
    "million": 10**6,
    "mio": 10**6,
    "b": 10**9,
    "bn": 10**9,
    "bln": 10**9,
    "billion": 10**9,
    "milliard": 10**9,
    "mrd": 10**9,
    "tn": 10**12,
    "trillion": 10**12,
}
_WORD_NUMBERS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
_PREFIXES = {
    "US$": "USD",
    "U.S.$": "USD",
    "HK$": "HKD",
    "A$": "AUD",
    "AU$": "AUD",
    "C$": "CAD",
    "CA$": "CAD",
    "S$": "SGD",
    "NT$": "TWD",
    "CN¥": "CNY",
    "JP¥": "JPY",
    "$": "USD",
    "€": "EUR",
    "£": "GBP",
    "₽": "RUB",
    "₹": "INR",
    "₺": "TRY",
    "₴": "UAH",
    "Rs.": "INR",
    "Rs": "INR",
}
_PREFIX_CODES = {prefix.upper(): code for prefix, code in _PREFIXES.items()}
_CODES = {
    code: code
    for code in [
        "USD",
        "EUR",
        "GBP",
        "CNY",
        "RUB",
        "INR",
        "AED",
        "TRY",
        "UAH",
        "CHF",
        "JPY",
        "HKD",
        "CAD",
        "AUD",
        "SGD",
        "TWD",
        "PKR",
    ]
} | {"RMB": "CNY"}
_WORDS = {
    "dollar": "USD",
    "euro": "EUR",
    "pound": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "ruble": "RUB",
    "rouble": "RUB",
    "rupee": "INR",
    "dirham": "AED",
    "lira": "TRY",
    "lire": "TRY",
    "hryvnia": "UAH",
    "hryvnya": "UAH",
    "yen": "JPY",
}
_ADJECTIVES = {
    ("us", "dollar"): "USD",
    ("american", "dollar"): "USD",
    ("hongkong", "dollar"): "HKD",
    ("canadian", "dollar"): "CAD",
    ("australian", "dollar"): "AUD",
    ("singapore", "dollar"): "SGD",
    ("taiwan", "dollar"): "TWD",
    ("newtaiwan", "dollar"): "TWD",
    ("swiss", "franc"): "CHF",
    ("pakistani", "rupee"): "PKR",
    ("moroccan", "dirham"): "MAD",
}
_QUALIFIERS = (
    r"more\s+than|in\s+excess\s+of|upwards\s+of|well\s+over|just\s+over|over|above|at\s+least"
    r"|no\s+less\s+than|nearly|almost|about|around|approximately|approx\.|roughly|some"
    r"|up\s+to|as\s+much\s+as|less\s+than|just\s+under|under|below|at\s+most|no\s+more\s+than"
    r"|close\s+to|an\s+estimated|estimated|circa"
)

_NUM = r"(?:\d{1,3}(?:[,.'’ \u00a0\u202f]\d{3})+(?:[.,]\d+)?|\d+(?:[.,]\d+)?)(?!\d)"
_SCALE = (
    r"(?:\s*(?:thousand|million|billion|trillion|milliard|mln|mn|bn|bln|tn|lakh|crore)s?\b"
    r"|\s*(?:mio|mrd)\b\.?|(?:k|m|b)\b)"
)
_BIG = r"(?:thousand|million|billion|trillion)s?\b"
_WORDNUM = rf"\b(?:half\s+an?|{'|'.join(_WORD_NUMBERS)})\s+{_BIG}"
_AMOUNT = rf"(?:{_NUM}{_SCALE}?(?![\d.,]\d|\s*[-–]\s*\d)|{_WORDNUM})"
_PRE = (
    r"(?<![A-Za-z$])(?:"
    + "|".join(re.escape(p) for p in sorted(_PREFIXES, key=len, reverse=True))
    + r"|¥|(?-i:"
    + "|".join(_CODES)
    + r")(?=\s?\d))"
)
_ADJ = (
    r"U\.?S\.?|American|Hong\s+Kong|Canadian|Australian|Singapore|New\s+Taiwan|Taiwan|Swiss"
    r"|Pakistani|Moroccan"
)
_WORD = (
    r"dollars?|euros?|pounds?(?:\s+sterling)?|sterling|yuan|renminbi|rubles?|roubles?|rupees?"
    r"|dirhams?|liras?|lire|hryvnias?|hryvnya|francs?|yen"
)
_POST = rf"(?:(?:{_ADJ})\s+)?(?:{_WORD})\b|(?-i:{'|'.join(_CODES)})\b"
_VAGUE = r"(?:(?:tens|hundreds)\s+of\s+)?(?:thousands|millions|billions)\s+of"

_MONEY = re.compile(
    rf"(?:\b(?P<q>{_QUALIFIERS})\s+|(?P<tilde>~)\s*)?"
    rf"(?:(?P<pre>{_PRE})\s?(?P<pn>{_AMOUNT})"
    rf"|(?<![\w.,])(?P<an>{_AMOUNT})\s+(?P<post>{_POST})"
    rf"|\b(?P<vague>{_VAGUE})\s+(?P<vpost>{_POST}))",
    re.IGNORECASE,
)
_AMOUNT_PARTS = re.compile(
    rf"(?P<n>{_NUM})(?P<s>{_SCALE})?"
    rf"|\b(?P<w>half\s+an?|{'|'.join(_WORD_NUMBERS)})\s+(?P<ws>{_BIG})",
    re.IGNORECASE,
)
_POST_PARTS = re.compile(rf"(?:(?P<adj>{_ADJ})\s+)?(?P<word>{_WORD})", re.IGNORECASE)
_CONVERSION = re.compile(r"\s*\(([^()\n]{1,120})\)")
_JOINERS = re.compile(
    r"[\s/,;~≈=]*(?:(?:or|and|equivalent\s+to|i\.e\.)[\s/,;~≈=]*)*", re.IGNORECASE
)
_CHINA = re.compile(r"\b(?:yuan|renminbi|RMB|CNY|China|Chinese)\b")
_JAPAN = re.compile(r"\b(?:yen|JPY|Japan|Japanese)\b")


def _number(digits: str) -> Decimal | None:
    """Read digit groups and a decimal mark in English or continental style."""
    text = re.sub(r"[\s'’]", "", digits)
    marks = [c for c in text if c in ",."]
    if marks and len(set(marks)) == 2:
        decimal = text[max(text.rfind(","), text.rfind("."))]
        text = text.replace("," if decimal == "." else ".", "").replace(decimal, ".")
    elif marks and (len(marks) > 1 or re.search(r"[,.]\d{3}$", text) and marks[0] == ","):
        text = text.replace(marks[0], "")
    else:
        text = text.replace(",", ".")
    try:
        return Decimal(text)
    except InvalidOperation:
        return None


def parse_amount(text: str) -> float | None:
    """The first amount in `text` as a number: "5 million" -> 5e6, "1.2bn" -> 1.2e9."""
    m = _AMOUNT_PARTS.search(text)
    if m is None:
        return None
    if m["w"]:
        words = m["w"].lower().split()
        base = Decimal("0.5") if words[0] == "half" else Decimal(_WORD_NUMBERS[words[0]])
        return float(base * _SCALES[m["ws"].lower().rstrip("s")])
    value = _number(m["n"])
    if value is None:
        return None
    scale = (m["s"] or "").strip().rstrip(".").lower()
    scale = scale[:-1] if scale.endswith("s") and scale[:-1] in _SCALES else scale
    return float(value * _SCALES.get(scale, 1))


def _post_currency(text: str, after: str, scaled: bool) -> str | None:
    """The ISO code for a currency named after the number, or None when it is not money."""
    if text in _CODES:
        return _CODES[text]
    parts = _POST_PARTS.fullmatch(text)
    if parts is None:
        return None
    word = parts["word"].lower()
    base = word.split()[0].rstrip("s") if word != "lire" else word
    adjective = re.sub(r"[\s.]", "", (parts["adj"] or "").lower())
    if base == "pound" and ("sterling" not in word and not scaled or re.match(r"\s+of\b", after)):
        return None
    return _ADJECTIVES.get((adjective, base)) or _WORDS.get(base)


def _vague(text: str) -> float:
    """ "tens of millions of" -> 2e7: the least that the plural can mean."""
    words = text.lower().split()
    base = {"thousands": 10**3, "millions": 10**6, "billions": 10**9}[words[-2]]
    factor = {"tens": 10, "hundreds": 100}.get(words[0], 1)
    return float(2 * base * factor)


def _primary(m: re.Match[str], yen: str) -> Money | None:
    """The amount a `_MONEY` match states, qualifier excluded."""
    text, after = m.string, m.string[m.end() : m.end() + 8]
    currency: str | None
    if m["pre"]:
        prefix = m["pre"].upper()
        currency = _CODES.get(prefix) or _PREFIX_CODES.get(prefix, yen)
        amount, start = parse_amount(m["pn"]), m.start("pre")
    elif m["an"]:
        scaled = bool(re.search(r"[a-z]", m["an"], re.IGNORECASE))
        currency = _post_currency(m["post"], after, scaled)
        amount, start = parse_amount(m["an"]), m.start("an")
    else:
        currency = _post_currency(m["vpost"], after, True)
        amount, start = _vague(m["vague"]), m.start("vague")
    if currency is None or amount is None:
        return None
    return Money(amount, currency, text[start : m.end()])


def _conversions(text: str, yen: str) -> list[Money] | None:
    """The amounts inside a parenthesis, provided it holds nothing else."""
    found: list[Money] = []
    rest: list[str] = []
    position = 0
    for m in _MONEY.finditer(text):
        money = _primary(m, yen)
        if money is None:
            return None
        found.append(money)
        rest.append(text[position : m.start()])
        position = m.end()
    rest.append(text[position:])
    if not found or not all(_JOINERS.fullmatch(piece) for piece in rest):
        return None
    return found


def _qualifier(m: re.Match[str]) -> str | None:
    if m["tilde"]:
        return "about"
    if m["q"]:
        return " ".join(m["q"].lower().split()).replace("approx.", "approximately")
    return "at least" if m["vague"] else None


def find_money(text: str) -> list[MoneySpan]:
    """Sums of money in `text`, each with any conversion in parentheses after it."""
    yen = "CNY" if len(_CHINA.findall(text)) > len(_JAPAN.findall(text)) else "JPY"
    spans: list[MoneySpan] = []
    position = 0
    while (m := _MONEY.search(text, position)) is not None:
        position = m.end()
        first = _primary(m, yen)
        if first is None:
            continue
        amounts = [first]
        conversion = _CONVERSION.match(text, m.end())
        extra = _conversions(conversion[1], yen) if conversion else None
        if conversion and extra is not None:
            amounts += [a for a in extra if a.currency not in {b.currency for b in amounts}]
            position = conversion.end()
        stated = text[m.start() : position]
        spans.append(MoneySpan(m.start(), position, stated, tuple(amounts), _qualifier(m)))
    return spans
