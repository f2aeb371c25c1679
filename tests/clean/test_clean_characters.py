"""Character repairs: line endings, invisible characters, odd spaces, mojibake, homoglyphs, bad bytes."""

from __future__ import annotations

import pytest

from sitrep.clean import clean_text
from sitrep.ingest.readers import decode_bytes, read_document


@pytest.mark.parametrize(("original", "cleaned"), [
    ("\ufeffThe army said 3 soldiers died.", "The army said 3 soldiers died."),
    ("Line one.\r\nLine two.\r\n", "Line one.\nLine two.\n"),
    ("Old Mac line.\rNext line.", "Old Mac line.\nNext line."),
    ("At least\u00a012\u00a0people died.", "At least 12 people died."),
    ("Narrow\u202fno-break and\u2009thin spaces.", "Narrow no-break and thin spaces."),
    ("Four were ki\u200blled and mur\u200d\u200cdered.", "Four were killed and murdered."),
    ("A soft hy\u00adphen.", "A soft hyphen."),
])
def test_invisible_and_odd_characters_are_normalised(original, cleaned):
    assert clean_text(original).text == cleaned


@pytest.mark.parametrize(("original", "cleaned"), [
    ("Syria\u00e2\u20ac\u2122s army", "Syria\u2019s army"),
    ("the caf\u00c3\u00a9 owner", "the caf\u00e9 owner"),
    ("\u00e2\u20ac\u0153Stop\u00e2\u20ac\u009d, he said", "\u201cStop\u201d, he said"),
    ("a truce \u00e2\u20ac\u201d then war", "a truce \u2014 then war"),
    ("double \u00c3\u00a2\u00e2\u201a\u00ac\u00e2\u201e\u00a2 encoded", "double \u2019 encoded"),
])
def test_mojibake_is_repaired(original, cleaned):
    assert clean_text(original).text == cleaned


@pytest.mark.parametrize("genuine", [
    "The caf\u00e9 \u2014 closed \u2014 reopened.",
    "Le\u00f3n and S\u00e3o Paulo saw protests.",
    "Stra\u00dfe, na\u00efve, \u00c5land",
])
def test_genuine_accents_and_punctuation_are_left_alone(genuine):
    assert clean_text(genuine).text == genuine


def test_mojibake_fixture_maps_back_to_whole_runs(fixture_text):
    original = fixture_text("mojibake.txt")
    clean = clean_text(original)
    assert "Syria\u2019s coastal province" in clean.text
    assert "\u201ccatastrophe\u201d" in clean.text
    assert "caf\u00e9 on the corner" in clean.text
    start = clean.text.index("\u2019")
    assert original[slice(*clean.to_original(start, start + 1))] == "\u00e2\u20ac\u2122"
    word = clean.text.index("died")
    assert original[slice(*clean.to_original(word, word + 4))] == "died"


@pytest.mark.parametrize(("original", "cleaned"), [
    ("Nine were k\u0456lled in the r\u0430id.", "Nine were killed in the raid."),     # Cyrillic і, а
    ("The \u0421\u0435ntral square", "The Central square"),                          # Cyrillic С, е
    ("Greek \u03bfmicron in h\u03bfspital", "Greek omicron in hospital"),           # Greek ο
])
def test_homoglyphs_inside_latin_words_become_latin(original, cleaned):
    assert clean_text(original).text == cleaned


def test_words_wholly_in_cyrillic_or_greek_are_kept():
    original = "Residents of \u041a\u0438\u0435\u0432 and \u0391\u03b8\u03ae\u03bd\u03b1 were told."
    assert clean_text(original).text == original


def test_invalid_utf8_bytes_are_replaced_with_a_warning_not_an_error(tmp_path):
    data = "Twelve people died in Hollin.\n".encode() + b"\xff\xfe broken \xc3(\n"
    text, warnings = decode_bytes(data, origin="article.txt")
    assert "\ufffd" in text and len(warnings) == 1 and "invalid UTF-8" in warnings[0]
    path = tmp_path / "article.txt"
    path.write_bytes(b"\xef\xbb\xbf" + data)
    document = read_document(path)
    assert document.warnings and not document.text.startswith("\ufeff")
    clean = clean_text(document.text)
    assert clean.text.startswith("Twelve people died in Hollin.")


def test_bom_crlf_and_nbsp_together_keep_offsets_exact():
    original = "\ufeffFirst\u00a0line.\r\nSecond line with 4\u00a0dead.\r\n"
    clean = clean_text(original)
    assert clean.text == "First line.\nSecond line with 4 dead.\n"
    for word in ("First", "line.", "Second", "dead."):
        start = clean.text.index(word)
        assert original[slice(*clean.to_original(start, start + len(word)))] == word
    newline = clean.text.index("\n")
    assert original[slice(*clean.to_original(newline, newline + 1))] == "\r\n"


def test_plain_ascii_text_is_passed_through_with_an_identity_map():
    original = "Gunmen killed 4 people in Marren on Friday, police said.\n"
    clean = clean_text(original)
    assert clean.text == original and clean.offsets is None
    assert clean.to_original(7, 13) == (7, 13)


def test_bom_crlf_nbsp_fixture_file_reads_and_cleans_to_plain_lines(fixture_path):
    document = read_document(fixture_path("bom_crlf_nbsp.txt"))
    clean = clean_text(document.text)
    assert clean.text.split("\n")[:3] == [
        "Curfew declared in Marren after night of clashes", "",
        "At least 9 people were killed in Marren on Sunday night, the district council said."]
    start = clean.text.index("least 9")
    assert document.text[slice(*clean.to_original(start, start + 7))] == "least\u00a09"
