"""``sitrep eval --pairs`` / ``--one-store``: merging measured on pairs and on one store."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from sitrep.errors import GoldFileError
from sitrep.evaluate import read_gold
from sitrep.evaluate_pairs import (
    PairOutcome, evaluate_one_store, evaluate_pairs, format_pair_report, read_pairs, score,
)
from sitrep.pipeline import Pipeline

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "store"
PAIRS = FIXTURES / "pairs" / "pairs.jsonl"
sys.path.insert(0, str(FIXTURES))

from sitrep_store_builders import FakePipeline, claim, result  # noqa: E402


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def test_pairs_written_for_sitrep_are_merged_only_when_they_are_one_event(pipeline):
    report = evaluate_pairs(read_pairs(PAIRS), pipeline=pipeline)
    merged = {o.pair: o.merged for o in report.outcomes}
    assert merged == {"same-1": True, "diff-1": False, "diff-2": False}
    overall = report.scores[0]
    assert (overall.precision, overall.recall, overall.f1) == (1.0, 1.0, 1.0)
    assert "half A (odd lines)" in format_pair_report(report)


@pytest.mark.parametrize("flags, expected", [
    ([(True, True), (True, False), (False, True), (False, False)], (0.5, 0.5, 0.5)),
    ([(True, True), (False, False)], (1.0, 1.0, 1.0)),
    ([(False, True)], (0.0, None, None)),
])
def test_precision_recall_and_f1_of_merged(flags, expected):
    outcomes = [PairOutcome(pair=str(i), same=same, merged=merged, why=None, line=i)
                for i, (same, merged) in enumerate(flags)]
    found = score(outcomes, name="all")
    assert (found.precision, found.recall, found.f1) == expected


def test_a_pairs_line_without_same_names_the_line(tmp_path):
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps({"pair_id": "x", "a": {"id": "a", "text": "t"},
                                "b": {"id": "b", "text": "u"}}) + "\n", encoding="utf-8")
    with pytest.raises(GoldFileError, match="boolean 'same'") as raised:
        list(read_pairs(path))
    assert raised.value.source.endswith("bad.jsonl:1")


def test_one_store_compares_totals_with_the_coded_sums(tmp_path):
    rows = [{"id": "e1", "text": "Report one of a clash in Arden.", "gold": {"killed": 10, "date": "2025-03-06"}},
            {"id": "e2", "text": "Report two of a shelling in Bexley.", "gold": {"killed": 4, "date": "2025-03-06"}},
            {"id": "e3", "text": "Report three of a protest in Arden.", "gold": {"killed": 0, "date": "2025-03-06"}}]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    prepared = {"e1": result("e1", [claim(low=10)]),
                "e2": result("e2", [claim(low=4, place="Bexley")]),
                "e3": result("e3", [])}
    report = evaluate_one_store(read_gold(path), pipeline=FakePipeline(prepared))
    assert (report.coded_killed, report.store_killed) == (14, 14)
    assert (report.coded_rows_with_deaths, report.store_incidents_with_deaths) == (2, 2)
    assert report.killed_ratio == 1.0 and not report.merged_documents
