"""``sitrep eval``: the command around :mod:`sitrep.evaluate`."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator

import pytest

from sitrep.cli import main
from sitrep.cli import evaluate as eval_command
from sitrep.records import DateRange, Document, Figures, Incident, Location, PublishedDate, Result

ARTICLES = {
    "n1": "Militants ambushed a convoy near Westbrook on Monday, killing four soldiers.",
    "n2": "A crowd marched peacefully through Eastvale on Friday; no one was hurt.",
    "n3": "Two shepherds were shot dead outside Northfield, local officials said on Tuesday.",
}


def gold_record(doc_id: str, *, dataset: str, killed: int, date: str, city: str) -> dict:
    return {"id": doc_id, "dataset": dataset, "text": ARTICLES[doc_id], "published": "2023-09-20",
            "gold": {"killed": killed, "injured": None, "date": date, "city": city,
                     "country": "Kenya", "lat": None, "lon": None, "event_type": "Battles",
                     "sub_event_type": "Armed clash"}}


@pytest.fixture
def gold_file(tmp_path):
    records = [
        gold_record("n1", dataset="east", killed=4, date="2023-09-18", city="Westbrook"),
        gold_record("n2", dataset="east", killed=0, date="2023-09-15", city="Eastvale"),
        gold_record("n3", dataset="west", killed=2, date="2023-09-19", city="Northfield"),
    ]
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


def incident(*, killed: int, date: str, place: str) -> Incident:
    day = dt.date.fromisoformat(date)
    return Incident(id="i1", event_type="Battles", sub_event_type="Armed clash",
                    date=DateRange(start=day, end=day), location=Location(name=place, country="KE"),
                    actor1=None, actor2=None, killed=Figures(best=killed), injured=Figures(),
                    claims=(), sources=(), disputed=False)


CANNED = {
    "n1": (incident(killed=4, date="2023-09-18", place="Westbrook"),),
    "n2": (),
    "n3": (incident(killed=3, date="2023-09-19", place="Southfield"),),
}


class CannedPipeline:
    """Stands in for the extractor: fixed incidents per document id."""

    def extract_many(self, items: Iterable[Document]) -> Iterator[Result]:
        for document in items:
            yield Result(id=document.id, published=PublishedDate(date=None, inferred=False),
                         incidents=CANNED[document.id])


@pytest.fixture
def canned(monkeypatch):
    monkeypatch.setattr(eval_command, "Pipeline", CannedPipeline)


def run_json(capsys, *argv) -> dict:
    assert main(["eval", *map(str, argv), "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)


def test_json_report_has_figures_per_dataset_and_total(canned, gold_file, capsys):
    report = run_json(capsys, gold_file)
    east, west = report["datasets"]
    assert (east["name"], east["rows"], west["name"], west["rows"]) == ("east", 2, "west", 1)
    assert east["figures"]["killed"] == {"n": 2, "correct": 2, "value": 1.0}
    assert east["figures"]["date"] == {"n": 2, "correct": 1, "value": 0.5}
    assert west["figures"]["killed"] == {"n": 1, "correct": 0, "value": 0.0}
    assert west["figures"]["place"]["value"] == 0.0
    assert report["total"]["figures"]["killed_gt0"] == {"n": 2, "correct": 1, "value": 0.5}
    assert report["total"]["figures"]["killed_eq0"] == {"n": 1, "correct": 1, "value": 1.0}
    assert report["total"]["figures"]["country"] == {"n": 3, "correct": 2, "value": 2 / 3}
    assert report["total"]["figures"]["injured"] == {"n": 0, "correct": 0, "value": None}


@pytest.mark.parametrize(
    ("options", "rows"),
    [(["--limit", "1"], {"east": 1}), (["--dataset", "west"], {"west": 1})],
)
def test_limit_and_dataset_select_rows(canned, gold_file, capsys, options, rows):
    report = run_json(capsys, gold_file, *options)
    assert {d["name"]: d["rows"] for d in report["datasets"]} == rows


def test_a_dataset_with_no_rows_is_an_error_naming_the_datasets_there(canned, gold_file, capsys):
    assert main(["eval", str(gold_file), "--dataset", "nowhere"]) == 2
    error = capsys.readouterr().err
    assert "'nowhere'" in error and "east, west" in error


def test_two_gold_files_are_scored_in_one_report(canned, gold_file, tmp_path, capsys):
    second = tmp_path / "again.jsonl"
    second.write_text(gold_file.read_text(encoding="utf-8"), encoding="utf-8")
    report = run_json(capsys, gold_file, second, "--limit", "2")
    assert report["total"]["rows"] == 4


def test_table_lists_every_figure_per_dataset(canned, gold_file, capsys):
    assert main(["eval", str(gold_file)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split() == ["figure", "east", "west", "all"]
    assert lines[1].split() == ["rows", "2", "1", "3"]
    by_label = {line[:16].strip(): line[16:].split() for line in lines[2:]}
    assert by_label["killed"] == ["1.000", "(n=2)", "0.000", "(n=1)", "0.667", "(n=3)"]
    assert by_label["injured"] == ["-", "-", "-"]
    assert {"date", "place", "country", "event_type", "sub_event_type", "gold > 0",
            "gold = 0"} <= set(by_label)


def test_errors_file_holds_one_line_per_wrong_figure(canned, gold_file, tmp_path, capsys):
    errors = tmp_path / "errors.jsonl"
    run_json(capsys, gold_file, "--errors", errors)
    lines = [json.loads(line) for line in errors.read_text(encoding="utf-8").splitlines()]
    assert [(m["id"], m["field"]) for m in lines] == [
        ("n2", "date"), ("n2", "place"), ("n2", "country"), ("n2", "event_type"),
        ("n2", "sub_event_type"), ("n3", "killed"), ("n3", "place"),
    ]
    assert lines[5] == {"id": "n3", "dataset": "west", "field": "killed", "gold": 2, "predicted": 3}


def test_malformed_gold_line_exits_2_naming_it_before_extracting(gold_file, capsys, monkeypatch):
    def refuse():
        raise AssertionError("extraction must not start on a malformed gold file")

    monkeypatch.setattr(eval_command, "Pipeline", refuse)
    with gold_file.open("a", encoding="utf-8") as stream:
        stream.write('{"id": "bad", "text": "x", "gold": {"killed": "many"}}\n')
    assert main(["eval", str(gold_file)]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.strip().splitlines() == [captured.err.strip()]
    assert f"{gold_file}:4:" in captured.err and "'killed'" in captured.err


def test_missing_gold_file_exits_2(tmp_path, capsys):
    assert main(["eval", str(tmp_path / "nope.jsonl")]) == 2
    assert "nope.jsonl" in capsys.readouterr().err


def test_unwritable_errors_file_exits_2(canned, gold_file, tmp_path, capsys):
    assert main(["eval", str(gold_file), "--errors", str(tmp_path / "no" / "dir" / "e.jsonl")]) == 2
    assert "e.jsonl" in capsys.readouterr().err


@pytest.mark.parametrize("limit", ["0", "-3", "two"])
def test_limit_must_be_a_positive_integer(gold_file, limit, capsys):
    with pytest.raises(SystemExit) as caught:
        main(["eval", str(gold_file), "--limit", limit])
    assert caught.value.code == 2


def test_real_pipeline_scores_every_row(gold_file, capsys):
    """End to end with the real extractor: the counts depend only on the gold."""
    report = run_json(capsys, gold_file)
    total = report["total"]
    assert (total["rows"], total["failed"]) == (3, 0)
    assert {name: f["n"] for name, f in total["figures"].items()} == {
        "killed": 3, "killed_gt0": 2, "killed_eq0": 1, "killed_stated": 2, "killed_in_text": 0, "injured": 0,
        "injured_gt0": 0, "injured_eq0": 0, "injured_stated": 0, "date": 3, "place": 3, "country": 3, "event_type": 3, "sub_event_type": 3,
    }
    assert all(f["value"] is None or 0.0 <= f["value"] <= 1.0 for f in total["figures"].values())
