"""The evaluation gate: sitrep over the project's own annotated articles must stay above floors.

The fixture (tests/fixtures/gold/articles.jsonl) is the project's own articles
with hand-coded gold in the format of the dev data; the real pipeline runs on
every row (about a dozen articles, so this stays fast).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from sitrep.evaluate import EvalReport, evaluate, read_gold
from sitrep.pipeline import Pipeline

GOLD = Path(__file__).parent / "fixtures" / "gold" / "articles.jsonl"

# Share of rows that must be right, per figure (see sitrep.evaluate for how each is computed),
# set just under the measured values (15 articles, three of them whole multi-source articles with
# named victims, competing figures and a coded range: 0.933 killed, 0.857 injured, 0.867 date,
# 0.867 place, 0.933 country, 0.867 event type), so that a regression of one article fails.
FLOORS: dict[str, float] = {
    "killed": 0.92,
    "injured": 0.84,
    "date": 0.85,
    "place": 0.85,
    "country": 0.92,
    "event_type": 0.85,
}


@pytest.fixture(scope="module")
def report() -> EvalReport:
    if not GOLD.exists():
        pytest.skip(f"{GOLD.relative_to(Path(__file__).parent)} is absent: no annotated articles")
    return evaluate(read_gold(GOLD), pipeline=Pipeline())


def test_every_fixture_row_is_processed(report):
    assert report.total.rows > 0
    assert report.total.failed == 0


@pytest.mark.parametrize("figure", sorted(FLOORS))
def test_figure_stays_above_its_floor(report, figure):
    scored = report.total.figure(figure)
    assert scored.n > 0, f"no fixture row has a gold value for {figure}: the floor checks nothing"
    assert scored.value >= FLOORS[figure], (
        f"{figure}: {scored.correct}/{scored.n} = {scored.value:.3f} is below the floor "
        f"{FLOORS[figure]:.3f}"
    )
