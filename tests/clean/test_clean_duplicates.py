"""Near-duplicate paragraphs and sentences within one document."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_text

ORIGINAL_PARAGRAPH = ("Gunmen went house to house in the lower quarter, dragging men out of their homes and "
                      "shooting them in the street, witnesses told the broadcaster. The attackers left a message "
                      "of terror scrawled on the walls of the mosque.")


def test_repeat_inside_a_post_is_reported_against_the_article_paragraph(fixture_text):
    original = fixture_text("x_posts.txt")
    clean = clean_text(original)
    (duplicate,) = clean.duplicates
    assert original[duplicate.of_start:duplicate.of_end] == ORIGINAL_PARAGRAPH
    repeat = original[duplicate.start:duplicate.end]
    assert repeat.startswith("Gunmen went house to house") and "shoot-ing" in repeat and "terr-or" in repeat
    assert duplicate.start > duplicate.of_end
    assert 0.8 <= duplicate.similarity < 1.0
    post = clean.post_at(duplicate.start)
    assert post is not None and post.handle == "@borderwatchnet"
    assert clean.repeat_of(duplicate.start + 5, duplicate.start + 20) == duplicate


def test_seed_repeated_paragraph_is_flagged(seed_text):
    clean = clean_text(seed_text)
    (duplicate,) = clean.duplicates
    repeat = seed_text[duplicate.start:duplicate.end]
    earlier = seed_text[duplicate.of_start:duplicate.of_end]
    assert "exec-utions" in repeat and "terr-or" in repeat and "executions" in earlier
    assert clean.posts[1].start <= duplicate.start < duplicate.end <= clean.posts[1].end
    assert duplicate.similarity >= 0.8


@pytest.mark.parametrize(("text", "count"), [
    # the same sentence repeated verbatim
    ("Residents said at least nine people died in the raid on the market.\n"
     "Aid groups asked for access.\nResidents said at least nine people died in the raid on the market.\n", 1),
    # a sentence repeated with case, punctuation and one word changed
    ("The army said 14 soldiers were killed when their convoy was ambushed near Kelm.\nOther news.\n"
     "THE ARMY SAID 14 SOLDIERS WERE KILLED WHEN THEIR CONVOY WAS AMBUSHED NEAR KELM!\n", 1),
    # alike in wording but a different figure: a different statement
    ("At least 12 people were killed in Hollin on Monday, the health office said.\n"
     "At least 7 people were killed in Hollin on Monday, the health office said.\n", 0),
    # alike in wording but a different place: a different statement
    ("At least 12 people were killed in Hollin on Monday, the health office said.\n"
     "At least 12 people were killed in Dorvik on Monday, the health office said.\n", 0),
    # short repeated quotes are not reported
    ("\u201cWe will not leave,\u201d he said.\nLater: \u201cWe will not leave,\u201d he said.\n", 0),
    # a short sentence sharing a phrase with a longer one is not its repeat
    ("Two soldiers were killed in clashes near the border after two of their officers were arrested.\n"
     "The attack happened after two of their officers were arrested.\n", 0),
    # same predicate, different subject
    ("Karim Haddad was a member of the Shiite Dawa Party.\nHe was also a member of the Dawa Party.\n", 0),
    # unrelated paragraphs
    ("Rain fell across the valley for a third day.\nThe ministry published its budget on Friday.\n", 0),
])
def test_near_duplicate_units(text, count):
    assert len(clean_text(text).duplicates) == count


def test_duplicates_compare_after_deobfuscation():
    text = ("Fighters carried out executions in the square and spread terror through the old town.\n"
            "Other paragraph entirely about the weather and the harvest this year.\n"
            "Fighters carried out exec-utions in the square and spread terr-or through the old town.\n")
    (duplicate,) = clean_text(text).duplicates
    assert duplicate.similarity == 1.0
    assert text[duplicate.start:duplicate.end].startswith("Fighters carried out exec-utions")
