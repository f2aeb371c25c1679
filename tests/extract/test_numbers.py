"""Count expressions: digits, words, ranges, qualifiers, vague words; and what is not a count."""

import pytest

from sitrep.extract.numbers import find_counts, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("2,400", 2400), ("745", 745), ("thirteen", 13), ("twenty-five", 25), ("two hundred", 200),
        ("two hundred and fifty", 250), ("a hundred", 100), ("1.5 million", 1_500_000),
        ("one thousand two hundred", 1200), ("a dozen", 12), ("ninety nine", 99),
        ("two dozen", 24), ("three dozen", 36), ("half a dozen", 6),
    ],
)
def test_parse_number_reads_digits_and_words(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("745 civilians were killed", [("745", 745, 745, "exact")]),
        ("no fewer than 2,400 people", [("no fewer than 2,400", 2400, None, "at_least")]),
        ("at least 11 people", [("at least 11", 11, None, "at_least")]),
        ("more than 20 fighters", [("more than 20", 20, None, "at_least")]),
        ("over thirty-five injured", [("over thirty-five", 35, None, "at_least")]),
        ("up to 30 people", [("up to 30", None, 30, "at_most")]),
        ("nearly 40 people", [("nearly 40", 40, 40, "about")]),
        ("some 300 people", [("some 300", 300, 300, "about")]),
        ("between 10 and 15 people", [("between 10 and 15", 10, 15, "range")]),
        ("10-15 people", [("10-15", 10, 15, "range")]),
        ("10 to 15 dead", [("10 to 15", 10, 15, "range")]),
        ("five or six attackers", [("five or six", 5, 6, "range")]),
        ("several others", [("several", 3, None, "vague")]),
        ("dozens of people", [("dozens of", 12, None, "vague")]),
        ("hundreds of those", [("hundreds of", 100, None, "vague")]),
        ("thousands of residents", [("thousands of", 1000, None, "vague")]),
        ("one civilian and six assailants", [("one", 1, 1, "exact"), ("six", 6, 6, "exact")]),
        ("killed 2 and 9 others", [("2", 2, 2, "exact"), ("9", 9, 9, "exact")]),
        ("both pilots", [("both", 2, 2, "exact")]),
        ("half a dozen guards", [("half a dozen", 6, 6, "exact")]),
        ("both the army and the rebels denied it", []),
        ("both pilots were killed and the plane burned", [("both", 2, 2, "exact")]),
        ("around two dozen others", [("around two dozen", 24, 24, "about")]),
    ],
)
def test_counts_carry_value_and_qualifier(sentence, expected):
    found = [(m.text, m.low, m.high, m.qualifier) for m in find_counts(sentence)]
    assert found == expected


@pytest.mark.parametrize(
    "sentence",
    [
        "who make up 10% of the population", "a former officer of the 4th Division",
        "three months after the uprising", "in the last 24 hours", "the two days of fighting",
        "on 9 May 2020", "since the 2011 protests", "aged 34", "a 25-year-old man", "at 4 am",
        "at 10:30", "$2 million in damage", "a 12-kilometre stretch", "Flight 330",
        "No one was killed",
    ],
)
def test_numbers_that_are_not_counts_are_dropped(sentence):
    assert find_counts(sentence) == []


def test_count_offsets_index_the_scanned_text():
    text = "Officials said that at least 11 people died."
    (mention,) = find_counts(text)
    assert text[mention.start:mention.end] == "at least 11"
    assert text[mention.value_start:mention.end] == "11"
