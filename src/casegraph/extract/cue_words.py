"""The words that mark attribution, grouped by what they say about the source.

Lemmas, lower case. `cues` reads them off the parse; a word belongs here only
if it is generic reporting language, never a name from any one story.
"""

from __future__ import annotations

from casegraph.model import Status


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SUBJECTS = _words("nsubj nsubjpass csubj csubjpass expl")
NOT_GOVERNED = _words("nsubj agent csubj")
COMPLEMENTS = _words("ccomp xcomp dobj csubj csubjpass")

DOCUMENT_NOUNS = _words(
    """document documentation invoice letter record booking ticket contract receipt filing data
    datum email e-mail note report manifest ledger register log order declaration bill protocol
    minutes memo memorandum copy extract spreadsheet transcript correspondence cable database
    registry certificate waybill photograph photo imagery footage paperwork agreement list entry
    questionnaire lading statement"""
)
STATEMENT_KINDS = _words("bank account financial wire card customs")
STUDY_NOUNS = _words("analysis review examination study copy")
SOURCE_NOUNS = _words(
    """official analyst expert investigator intelligence source researcher diplomat prosecutor
    prosecution authority government jury judge court tribunal regulator inspector specialist
    observer assessment indictment service"""
)
MEDIA_NOUNS = _words(
    "media newspaper outlet agency magazine paper broadcaster journalist reporter publication press news"
)
ASSESS_NOUNS = _words(
    "assessment view belief conclusion understanding estimate estimation suspicion judgement judgment opinion"
)
CLAIM_NOUNS = _words(
    "claim allegation report suggestion accusation assertion charge notion idea story account"
)

DENY_VERBS = _words("deny refute dispute contest rebut repudiate disavow")
REJECT_VERBS = _words("reject dismiss")
CONFIRM_VERBS = _words(
    "confirm verify establish determine corroborate prove substantiate ascertain"
)
CONTENT_VERBS = _words(
    """show confirm describe detail list say state indicate reveal record mention note cite specify
    document outline include place trace name identify reference suggest contain log give feature
    refer add read"""
)
ASSESS_VERBS = _words(
    "assess believe suspect estimate conclude judge think consider deem reckon allege presume calculate infer"
)
ACCUSE_VERBS = _words("suspect accuse")
SPEECH_VERBS = _words(
    """say tell state add testify note warn explain write report claim find argue insist maintain
    acknowledge reveal indicate suggest assert confirm"""
)
OUTLET_VERBS = _words("report reveal")
CUE_VERBS = DENY_VERBS | REJECT_VERBS | CONFIRM_VERBS | ASSESS_VERBS | SPEECH_VERBS

UNAWARE_WORDS = _words("unaware ignorant")
FALSE_WORDS = _words(
    "false untrue baseless unfounded groundless fabricated incorrect wrong inaccurate misleading absurd"
)
UNVERIFIED_WORDS = _words(
    "unconfirmed unverified unclear uncorroborated unsubstantiated unproven uncertain"
)
UNABLE_WORDS = _words("unable impossible fail failed")
ABLE_WORDS = _words("able possible clear")
DISTANCING = {
    "reportedly": Status.REPORTED,
    "allegedly": Status.UNCONFIRMED,
    "purportedly": Status.UNCONFIRMED,
    "supposedly": Status.UNCONFIRMED,
}
NEGATIVE_DETS = _words("no none nothing nobody neither")
