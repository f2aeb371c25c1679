"""Embed and page boilerplate is excluded from extraction; offsets still refer to the original."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_text


@pytest.mark.parametrize(("boilerplate", "line"), [
    ("Advertisement", True),
    ("ADVERTISEMENT", True),
    ("Read more: How the ceasefire collapsed", True),
    ("READ MORE: Live updates", True),
    ("Share this article", True),
    ("Share on Facebook", True),
    ("Sign up for our morning newsletter", True),
    ("Subscribe to our daily newsletter for more.", True),
    ("Follow us on Telegram", True),
    ("View this post on Instagram", True),
    ("Related: Five things to know", True),
    ("pic.twitter.com/Qw3Er5Ty7U", False),
    ("https://t.co/Zx9Yw8Vu7T", False),
    ("https://example.org/news/2025/03/article.html", False),
])
def test_boilerplate_is_excluded_and_removed_from_the_text(boilerplate, line):
    original = f"Ten people were killed on Monday.\n{boilerplate}\nThe army denied it.\n"
    clean = clean_text(original)
    assert [original[start:end] for start, end in clean.excluded] == [boilerplate]
    assert boilerplate not in clean.text
    assert clean.text.split("\n")[0] == "Ten people were killed on Monday."
    assert clean.text.rstrip("\n").split("\n")[-1] == "The army denied it."
    start = clean.text.index("The army")
    assert original[slice(*clean.to_original(start, start + 8))] == "The army"


def test_inline_read_more_tail_is_excluded():
    original = "Two soldiers died in the blast. Read more: the war in maps\nNext paragraph.\n"
    clean = clean_text(original)
    assert [original[a:b] for a, b in clean.excluded] == ["Read more: the war in maps"]
    assert clean.text.startswith("Two soldiers died in the blast. \nNext paragraph.")


@pytest.mark.parametrize("prose", [
    "He said he would share the findings with the newsletter's readers next week and more.",
    "Advertisements for the rally were torn down overnight.",
    "Officials declined to share details.",
    "The related incident in the north left 3 dead.",
])
def test_prose_mentioning_prompt_words_is_kept(prose):
    clean = clean_text(prose + "\n")
    assert clean.text == prose + "\n" and clean.excluded == ()


def test_a_trailing_period_is_not_part_of_a_link():
    original = "The video is at https://example.org/v/123. It shows the strike.\n"
    clean = clean_text(original)
    assert [original[a:b] for a, b in clean.excluded] == ["https://example.org/v/123"]
    assert "at . It shows" in clean.text


@pytest.mark.parametrize("mark", ["[citation needed]", "[12]", "[note 3]", "[when?]", "[a]", "[Citation Needed]"])
def test_footnote_marks_are_excluded_and_the_sentence_keeps_its_offsets(mark):
    original = f"Four guards were wounded.{mark} The army denied it."
    clean = clean_text(original)
    assert [original[start:end] for start, end in clean.excluded] == [mark]
    assert clean.text == "Four guards were wounded. The army denied it."
    start = clean.text.index("The army")
    assert original[slice(*clean.to_original(start, start + 8))] == "The army"


@pytest.mark.parametrize("bracketed", ["[sic]", "[the army]", "[2024]", "[edit]"])
def test_editorial_brackets_that_carry_words_stay(bracketed):
    original = f"He said {bracketed} that four guards were wounded."
    assert clean_text(original).text == original
