"""Whole news articles: one figure per event, however often and by however many sources it is told.

Each case is a short article written for sitrep (several paragraphs, often three or more
sources) with the incidents a careful analyst would code: per incident the killed ``best``
(and, where the case is about it, ``low``/``high``, ``disputed`` or the injured). The numbered
points are those of the whole-article issue: restated tolls, competing figures, names and
ages, families, background events, protests, outcomes in other words, individuals, lists.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document

PUBLISHED = dt.date(2024, 5, 20)  # a Monday


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _killed(pipeline, text: str) -> list[int | None]:
    result = pipeline.extract(Document(id="a", text=text, published=PUBLISHED))
    return [i.killed.best for i in result.incidents]


# (1) restated tolls ----------------------------------------------------------------------------

RESTATED = [
    pytest.param(
        "At least 12 people were killed in a market attack in Dorvale on Monday.\n\n"
        "Witnesses said the attackers arrived on motorcycles and opened fire on traders.\n\n"
        "The blast killed 12 people, police said. A hospital official said 12 bodies had been brought in.",
        [12], id="lead-restated-by-police-and-hospital"),
    pytest.param(
        "A farmer was killed in the east of the country.\n\n"
        "Local radio reported that on Saturday gunmen shot the farmer as he tended his field near Korvik.",
        [1], id="undated-lead-dated-in-the-body"),
    pytest.param(
        "Nine people died in a bus bombing in the south, the regional governor said.\n\n"
        "The bomb exploded on Friday as the bus left the station, killing nine passengers, a police "
        "spokesman told reporters. A rescue worker said nine bodies were pulled from the wreck.",
        [9], id="three-sources-one-toll"),
    pytest.param(
        "Eight people died in the shooting at the school. Five students and three teachers were killed "
        "in the shooting, the principal said.",
        [8], id="total-then-breakdown"),
]


@pytest.mark.parametrize(("text", "killed"), RESTATED)
def test_a_restated_toll_is_one_figure(pipeline, text, killed):
    assert _killed(pipeline, text) == killed
