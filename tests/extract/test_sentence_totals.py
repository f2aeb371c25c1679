"""Killed and injured totals of one-sentence reports: restatements, groups and single victims."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _totals(pipeline, text):
    result = pipeline.extract(Document(id="t", text=text))
    return (sum(i.killed.best or 0 for i in result.incidents), sum(i.injured.best or 0 for i in result.incidents))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("Twelve people were killed when a bomb hit the bus station, killing 12 and wounding 30.",
                     (12, 30), id="a count restated after 'when' is the same victims"),
        pytest.param("In the north a bomb killed 3 civilians, and in the south a mine killed 3 soldiers.",
                     (6, 0), id="equal counts without a restating clause still add"),
        pytest.param("Gunmen shot dead five members of one family.", (5, 0), id="the family is no victim count"),
        pytest.param("Two of the four guards were wounded.", (0, 2), id="a count of a larger group"),
        pytest.param("Three people, two nurses and the driver, were killed.", (3, 0),
                     id="a list with an uncounted last member sums to the total"),
        pytest.param("A shopkeeper was shot and killed outside his shop.", (1, 0), id="shot and killed"),
        pytest.param("Gunmen entered the house of a teacher and killed him.", (1, 0), id="a pronoun victim"),
        pytest.param("A soldier was killed when a mine exploded under his truck, killing him.", (1, 0),
                     id="a pronoun after its victim adds nothing"),
        pytest.param("Militants threw a grenade into a yard, killing a sniffer dog.", (0, 0),
                     id="an animal is no victim"),
    ],
)
def test_sentence_totals(pipeline, text, expected):
    assert _totals(pipeline, text) == expected
