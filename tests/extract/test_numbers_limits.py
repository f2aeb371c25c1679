"""Counts too large to be a toll, and number notations that are not counts."""

import pytest

from sitrep.extract.numbers import MAX_COUNT, find_counts, parse_number


@pytest.mark.parametrize(
    "sentence",
    [
        "99999999999999999999 people were killed",
        "10^6 people were killed", "10 ^ 6 people died", "10**6 people died",
        "9 quintillion people died", "2 billion people were killed", "4 trillion dead",
        "20 million people were killed", "12,000,001 people were killed",
    ],
)
def test_implausible_counts_and_notations_are_not_counts(sentence):
    assert find_counts(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "value"),
    [("10 million people fled", 10_000_000), ("1.5 million people were displaced", 1_500_000),
     ("9,999,999 people", 9_999_999), ("killed 12 people", 12)],
)
def test_large_but_plausible_counts_are_kept(sentence, value):
    (mention,) = find_counts(sentence)
    assert mention.low == value


def test_parse_number_refuses_values_above_the_cap():
    assert parse_number(str(MAX_COUNT)) == MAX_COUNT
    assert parse_number(str(MAX_COUNT + 1)) is None
    assert parse_number("99999999999999999999") is None
