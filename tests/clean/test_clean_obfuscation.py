"""Filter-dodging spellings are undone; real hyphenated words are not."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_text


@pytest.mark.parametrize(("original", "cleaned"), [
    ("brutal exec-utions", "brutal executions"),
    ("a campaign of terr-or continues", "a campaign of terror continues"),
    ("ten were k*lled", "ten were killed"),
    ("four were k1lled", "four were killed"),
    ("a m@ssacre in the square", "a massacre in the square"),
    ("the d.e.a.d were buried", "the dead were buried"),
    ("k-i-l-l-e-d at dawn", "killed at dawn"),
    ("a boy was unalived", "a boy was killed"),
    ("Unaliving people", "Killing people"),
    ("They unalive critics", "They kill critics"),
    ("MURD3RED in cold blood", "MURDERED in cold blood"),
    ("Ki11ed, one said.", "Killed, one said."),
    ("the b0mbing of the market", "the bombing of the market"),
    ("sl@ughtered livestock and people", "slaughtered livestock and people"),
    ("g3nocide claims", "genocide claims"),
])
def test_obfuscated_words_are_restored(original, cleaned):
    assert clean_text(original).text == cleaned


@pytest.mark.parametrize("real", [
    "They were killed execution-style.",
    "Ahmad al-Sharaa spoke.",
    "A pro-government outlet reported it.",
    "A long-term presence in the region.",
    "Hay'at Tahrir al-Sham (HTS) and Hay\u2019at Tahrir al-Sham.",
    "Alawite-majority neighborhoods and anti-terror units.",
    "A counter-terrorism unit and a post-war plan.",
    "Write to press@example.com or follow @k1lled_reports.",
    "U.S. and U.N. officials; e.g. the F-16 and M4A1 rifles.",
    "Covid-19 cases rose 3x.",
    "Well-known killers and a dead-end road.",
])
def test_real_words_are_not_altered(real):
    assert clean_text(real).text == real


def test_obfuscation_fixture_reads_as_plain_words_with_exact_offsets(fixture_text):
    original = fixture_text("obfuscation.txt")
    clean = clean_text(original)
    for word in ("executions", "terror", "massacre", "dead", "murdered"):
        assert word in clean.text
    assert clean.text.count("killed") == 5
    assert "execution-style" in clean.text and "al-Sharaa" in clean.text
    assert "Hay'at Tahrir al-Sham" in clean.text and "long-term" in clean.text
    expected = {"executions": "exec-utions", "terror": "terr-or", "massacre": "m@ssacre",
                "dead": "d.e.a.d", "murdered": "mur\u200ddered"}
    for word, spelled in expected.items():
        start = clean.text.index(word)
        assert original[slice(*clean.to_original(start, start + len(word)))] == spelled
    first_killed = clean.text.index("killed")
    assert original[slice(*clean.to_original(first_killed, first_killed + 6))] == "k*lled"
