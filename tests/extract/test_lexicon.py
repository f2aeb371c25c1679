"""The word lists of :mod:`sitrep.extract.lexicon` and the filters built from them."""

from __future__ import annotations

import pytest

from sitrep.extract.lexicon import (
    DEATH_COMPLEMENTS,
    OF_NOMINALS,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    OUTCOME_HINT,
    OUTCOME_NOUNS,
)

EVERY_OUTCOME_WORD = sorted({*OUTCOME_AFTER, *OUTCOME_BEFORE, *OUTCOME_NOUNS, *OF_NOMINALS, *DEATH_COMPLEMENTS})


@pytest.mark.parametrize("word", EVERY_OUTCOME_WORD)
def test_every_outcome_word_of_the_lexicon_passes_the_sentence_filter(word):
    assert OUTCOME_HINT.search(f"Reports said that {word} was the word used.")


@pytest.mark.parametrize("text", [
    "The council upheld the ruling on Tuesday.",
    "Voters queued for hours at the polling station.",
    "The minister opened a new bridge over the river.",
])
def test_a_sentence_with_no_outcome_word_is_filtered_out(text):
    assert not OUTCOME_HINT.search(text)
