"""Grouping a document's claims into incidents: an overview sentence and its details."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _figures(pipeline, text):
    result = pipeline.extract(Document(id="t", text=text))
    return [(i.killed.best, i.injured.best) for i in result.incidents]


def test_details_that_fit_inside_an_overview_are_not_more_victims(pipeline):
    text = ("A wave of bombings across the country killed 40 people and injured 95 others. "
            "In Basra, a car bomb killed 22 and injured 51. "
            "In Karbala, two blasts killed 15 and injured 40.")
    assert _figures(pipeline, text) == [(40, 95)]


def test_details_larger_than_the_overview_stay_separate_incidents(pipeline):
    text = ("A wave of bombings across the country killed 10 people. "
            "In Basra, a car bomb killed 22. "
            "In Karbala, two blasts killed 15.")
    assert sum(k for k, _ in _figures(pipeline, text)) > 10


def test_another_attack_after_an_overview_still_adds(pipeline):
    text = ("A series of attacks across the province killed 12 people. "
            "Separately, gunmen in Mosul killed another five soldiers.")
    assert sum(k for k, _ in _figures(pipeline, text)) == 17
