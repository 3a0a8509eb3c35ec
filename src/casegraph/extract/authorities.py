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
    "office of foreign assets control": "United States",
    "ofsi": "United Kingdom",
    "european commission": "European Union",
    "un security council": "United Nations",
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


INSTITUTIONS = re.compile(
    r"\s+(treasury|treasury department|department of (the )?treasury|government|council|commission|"
    r"state department|department of state|department of commerce|commerce department|"
    r"foreign office|security council)$"
)


def canonical_authority(text: str) -> str | None:
    """`U.S.` / `the US Treasury` -> `United States`; None when the words name no sanctioning body."""
    key = re.sub(r"\s+", " ", text.strip().lower()).removeprefix("the ")
    if key in AUTHORITY_ALIASES:
        return AUTHORITY_ALIASES[key]
    stem = INSTITUTIONS.sub("", key)
    return AUTHORITY_ALIASES.get(stem) if stem != key else None
