"""``ingest`` under hostile input: one bad document is recorded as failed and the run goes on, now or on resume."""

from __future__ import annotations

import json
import os

import pytest
from sitrep_store_builders import FakePipeline, claim, result

from sitrep.pipeline import Pipeline
from sitrep.store import IncidentStore, ingest_paths

GOOD = [
    {"id": "good-1", "text": "Gunmen killed 12 people in Kaduna on Monday, police said.", "published": "2024-05-02"},
    {"id": "good-2", "text": "A roadside bomb killed four soldiers near Gao on Tuesday, the army said.",
     "published": "2024-05-03"},
]


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


def write_jsonl(path, rows) -> None:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")


def ingest(paths, db, pipeline):
    with IncidentStore(db) as store:
        report = ingest_paths(paths, store=store, pipeline=pipeline)
        stored = store.counts()["documents"]
    return report, stored


def reports(published: str, *, place: str = "Maiduguri") -> list[dict]:
    """Two reports of one attack: reconciling the second against the first does date arithmetic."""
    return [{"id": f"{published}-police", "text": f"Gunmen killed 12 people in {place} on Monday, police said.",
             "published": published},
            {"id": f"{published}-army", "text": f"On Friday gunmen killed 13 people in {place}, the army said.",
             "published": published}]


@pytest.mark.parametrize(
    "hostile",
    [
        [{"id": "huge", "text": "Gunmen killed 99999999999999999999 people in Jos on Monday, police said.",
          "published": "2024-05-01"}],
        reports("9999-12-31"),
        reports("0001-01-01"),
        [{"id": "surrogate", "text": "Gunmen killed 16 people in Zaria \ud800 on Monday, police said.",
          "published": "2024-05-01"}],
    ],
    ids=["count-too-large", "published-9999-12-31", "published-0001-01-01", "lone-surrogate"],
)
def test_a_hostile_record_never_stops_the_run(tmp_path, pipeline, hostile):
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, [GOOD[0], *hostile, GOOD[1]])
    report, stored = ingest([path], tmp_path / "s.db", pipeline)
    assert report.failures == [] and report.processed == len(hostile) + 2
    assert stored == len(hostile) + 2  # the hostile documents too: their junk is set aside with a warning
    again, stored_again = ingest([path], tmp_path / "s.db", pipeline)  # resume / re-run
    assert again.duplicates == len(hostile) + 2 and stored_again == stored


def test_a_count_too_large_to_be_a_toll_is_not_stored_as_one(tmp_path, pipeline):
    path = tmp_path / "batch.jsonl"
    write_jsonl(path, [{"id": "huge", "text": "Gunmen killed 99999999999999999999 people in Jos on Monday."}])
    report, _ = ingest([path], tmp_path / "s.db", pipeline)
    with IncidentStore(tmp_path / "s.db") as store:
        incidents = store.incidents()
    assert all(i.incident.killed.best is None for i in incidents)


def test_an_error_while_storing_a_document_is_its_failure_and_the_rest_are_stored(tmp_path):
    """Whatever store.add raises (here SQLite's OverflowError on a count past 2**63) fails that document only."""
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("a", "b", "c"):
        (folder / f"{name}.txt").write_text(f"Report {name}: gunmen attacked the village.", encoding="utf-8")
    results = {"a": result("a", [claim(low=20)]), "b": result("b", [claim(low=2**70)]),
               "c": result("c", [claim(low=5, place="Bexley")])}
    db = tmp_path / "s.db"
    for _run in range(2):  # the first run, then a resume that meets the same document again
        report, stored = ingest([folder], db, FakePipeline(results))
        assert stored == 2
        (failure,) = report.failures
        assert failure.record_id == "b" and "OverflowError" in failure.message
    with IncidentStore(db) as store:
        (recorded,) = store.failures()
    assert recorded.origin.endswith("b.txt") and recorded.code == "store_error"


def test_binary_and_unreadable_inputs_are_recorded_failures(tmp_path, pipeline, monkeypatch):
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(GOOD[0]["text"], encoding="utf-8")
    (folder / "program.txt").write_bytes(b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 8)
    locked = folder / "locked"
    locked.mkdir()
    real = os.scandir
    monkeypatch.setattr(os, "scandir", lambda path=".": _denied(path, locked, real))
    report, stored = ingest([folder], tmp_path / "s.db", pipeline)
    assert stored == 1
    messages = sorted(f.message for f in report.failures)
    assert len(messages) == 2
    assert "cannot read folder" in messages[0] and "not a text file (an ELF executable)" in messages[1]
    assert report.exit_code(strict=True) == 1


def _denied(path, locked, real):
    if os.fspath(path) == os.fspath(locked):
        raise PermissionError(13, "Permission denied", os.fspath(path))
    return real(path)
