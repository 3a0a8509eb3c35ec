"""Trigger words of each link type, and the words that say what kind of body a name is.

A sentence rarely names the relation in the same words twice, and the rare
types (FAMILY, OWNER, MEMBER) have too few labelled pairs for a model to learn
each word on its own. Grouping the words by the type they hint at lets one
"son" teach the model about "daughter" and "nephew" too. Words are spaCy
lemmas, lower case. Words of the legal setting (court, trial, investigation)
are not ANTAGONIST hints: reporting on an investigation names partners and
allies in the same breath as adversaries.
"""

from __future__ import annotations

from collections.abc import Mapping

from casegraph.model import LinkType


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


TRIGGERS: Mapping[LinkType, frozenset[str]] = {
    LinkType.MANAGER: _words(
        "president ceo chief chairman chairwoman chair director head founder co-founder cofounder "
        "leader boss manager executive editor governor minister premier mayor king ruler prince run "
        "lead found coordinator commander administrator secretary-general dictator presidency regime "
        "administration"
    ),
    LinkType.EMPLOYEE: _words(
        "employee staff staffer work worker reporter journalist correspondent lawyer accountant "
        "adviser advisor consultant official officer agent spokesman spokeswoman spokesperson aide "
        "assistant hire employ contractor analyst researcher investigator producer host columnist "
        "freelance driver bodyguard appoint serve"
    ),
    LinkType.OWNER: _words(
        "own owner ownership shareholder stake stakeholder acquire acquisition buy subsidiary "
        "holding beneficial control proprietor"
    ),
    LinkType.FAMILY: _words(
        "wife husband son daughter father mother brother sister sibling family nephew niece uncle "
        "aunt cousin grandson granddaughter grandfather grandmother widow spouse marry married child "
        "dad mom relative in-law son-in-law daughter-in-law brother-in-law"
    ),
    LinkType.ANTAGONIST: _words(
        "sue lawsuit accuse allegation arrest jail imprison detain prosecute critic criticize "
        "criticise oppose opponent rival enemy attack harass threaten blackmail smear against "
        "dispute persecute murder kill poison denounce condemn complain complaint feud"
    ),
    LinkType.BUSINESS: _words(
        "contract deal pay payment loan client customer supplier supply partner partnership invest "
        "investment investor transaction transfer sell sale purchase fund money business agreement "
        "trade share obtain leak publish collaboration consortium tender commission fee invoice"
    ),
    LinkType.ASSOCIATE: _words(
        "ally friend associate close confidant colleague together joint alongside support supporter "
        "collaborate meet crony acquaintance loyalist link connection tie circle"
    ),
    LinkType.MEMBER: _words(
        "member party mp lawmaker parliamentarian join membership deputy belong faction delegation "
        "caucus"
    ),
    LinkType.WITHIN: _words(
        "capital city town village region province district state country headquarters headquarter "
        "base branch"
    ),
    LinkType.OTHER: _words("agency department bureau unit regulator ministry"),
}

ORG_KINDS = _words(
    "party bank ministry department agency commission union council court government police army "
    "company group holding holdings fund foundation university newspaper radio television tv times "
    "post network project office service committee parliament assembly club church partners bureau "
    "institute center centre consortium limited ltd llc inc corporation corp enterprises trust "
    "papers files leaks"
)
"""Words inside a name that say what kind of body it is: `X Party`, `Y Bank`, `Z Papers`."""

_BY_WORD: dict[str, tuple[LinkType, ...]] = {}
for _type, _lemmas in TRIGGERS.items():
    for _lemma in _lemmas:
        _BY_WORD[_lemma] = (*_BY_WORD.get(_lemma, ()), _type)


def trigger_types(lemma: str) -> tuple[LinkType, ...]:
    """The link types a word hints at: `"nephew"` -> FAMILY; most words hint at none."""
    return _BY_WORD.get(lemma.lower(), ())
