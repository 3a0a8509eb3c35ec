"""Sanctioning bodies and the names reporting uses for them."""

from __future__ import annotations

import re

AUTHORITY_ALIASES: dict[str, str] = {
    "u.s.": "United States",
    "us": "United States",
    "usa": "United States",
    "united states": "United States",
    "american": "United States",
    "washington": "United States",
    "treasury": "United States",
    "u.s. treasury": "United States",
    "ofac": "United States",
    "eu": "European Union",
    "e.u.": "European Union",
    "european union": "European Union",
    "european": "European Union",
    "brussels": "European Union",
    "uk": "United Kingdom",
    "u.k.": "United Kingdom",
    "britain": "United Kingdom",
    "british": "United Kingdom",
    "united kingdom": "United Kingdom",
    "un": "United Nations",
    "u.n.": "United Nations",
    "united nations": "United Nations",
    "japan": "Japan",
    "japanese": "Japan",
    "switzerland": "Switzerland",
    "swiss": "Switzerland",
    "canada": "Canada",
    "canadian": "Canada",
    "ukraine": "Ukraine",
    "ukrainian": "Ukraine",
}


def canonical_authority(text: str) -> str | None:
    """`U.S.` -> `United States`; None when the words name no sanctioning body."""
    key = re.sub(r"\s+", " ", text.strip().lower()).removeprefix("the ")
    return AUTHORITY_ALIASES.get(key)
