"""How a party's name is found in a sentence, one rule for every reader of the pair.

The sparse features locate the two names and the sentence vector masks them:
if the two disagreed, "the US told us" would mask "us" for the vector while
the features keep it, and a short name would eat the start of longer words
("EU" in "European").
"""

from __future__ import annotations

import re

SHORT_CAPITALS = 4
"""An all-capital name this short ("US", "EU", "FBI") is matched by its case only."""


def case_flags(name: str) -> int:
    """`re` flags for the name: case matters for short all-capital names (`US` is not `us`)."""
    return 0 if name.isupper() and len(name) <= SHORT_CAPITALS else re.IGNORECASE


def name_patterns(name: str) -> list[str]:
    """Patterns for the name as written, the whole word first; names longer than three
    characters also as a prefix (`Russia` in `Russian`)."""
    patterns = [rf"(?<!\w){re.escape(name)}(?!\w)"]
    if len(name) > 3:
        patterns.append(rf"(?<!\w){re.escape(name)}")
    return patterns
