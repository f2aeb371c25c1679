import io
import json

import pytest
from sitrep_store_builders import FakePipeline, article_text, claim, result

from sitrep.errors import InputError
from sitrep.store import IncidentStore, IngestReport, ProgressBar, ingest_paths


@pytest.fixture
def store(tmp_path):
    with IncidentStore(tmp_path / "ingest.db") as opened:
        yield opened


def write_articles(folder, names):
    folder.mkdir(exist_ok=True)
    for name in names:
        (folder / f"{name}.txt").write_text(article_text(name), encoding="utf-8")


def pipeline_for(names, **per_name):
    results = {name: result(name, [claim(low=10 + i, source=f"Source {i}", kind="media")])
               for i, name in enumerate(names)}
    results.update(per_name)
    return FakePipeline(results)


def test_a_folder_is_ingested_and_reconciled(tmp_path, store):
    write_articles(tmp_path / "in", ["r1", "r2", "r3"])
    report = ingest_paths([tmp_path / "in"], store=store, pipeline=pipeline_for(["r1", "r2", "r3"]))
    assert (report.added, report.copies, report.duplicates, report.failures) == (3, 0, 0, [])
    (only,) = store.incidents()
    assert only.documents == 3
    assert report.incidents == {"inc-000001"}


def test_a_second_run_changes_nothing_and_extracts_nothing(tmp_path, store):
    write_articles(tmp_path / "in", ["r1", "r2"])
    ingest_paths([tmp_path / "in"], store=store, pipeline=pipeline_for(["r1", "r2"]))
    before = store.counts()
    again = pipeline_for(["r1", "r2"])
    report = ingest_paths([tmp_path / "in"], store=store, pipeline=again)
    assert (report.added, report.duplicates) == (0, 2)
    assert again.seen == []
    assert store.counts() == before


def test_a_run_killed_midway_leaves_a_consistent_store_and_a_rerun_resumes(tmp_path, store):
    names = ["r1", "r2", "r3", "r4"]
    write_articles(tmp_path / "in", names)
    crashing = pipeline_for(names, r3=KeyboardInterrupt())
    with pytest.raises(KeyboardInterrupt):
        ingest_paths([tmp_path / "in"], store=store, pipeline=crashing)
    assert store.counts()["documents"] == 2
    resumed = pipeline_for(names)
    report = ingest_paths([tmp_path / "in"], store=store, pipeline=resumed)
    assert resumed.seen == ["r3", "r4"]
    assert (report.added, report.duplicates) == (2, 2)
    (only,) = store.incidents()
    assert only.documents == 4


def test_bad_files_are_reported_and_recorded_and_the_rest_goes_on(tmp_path, store):
    folder = tmp_path / "in"
    write_articles(folder, ["good"])
    (folder / "empty.txt").write_text("", encoding="utf-8")
    (folder / "lines.jsonl").write_text("{bad json\n" + json.dumps({"id": "j1", "text": "x"}) + "\n",
                                        encoding="utf-8")
    (folder / "image.png").write_bytes(b"\x89PNG")
    pipeline = pipeline_for(["good"], j1=InputError("cannot process", source="lines.jsonl:2"))
    report = ingest_paths([folder], store=store, pipeline=pipeline)
    assert report.added == 1
    origins = sorted(f.origin for f in report.failures)
    assert len(origins) == 3
    assert any(o.endswith("empty.txt") for o in origins)
    assert any(o.endswith("lines.jsonl:1") for o in origins)
    assert [s.path.name for s in report.skipped] == ["image.png"]
    assert len(store.failures()) == 3
    assert report.exit_code() == 0
    assert report.exit_code(strict=True) == 1


@pytest.mark.parametrize("added, duplicates, failures, strict, expected", [
    (1, 0, 0, False, 0),
    (1, 0, 1, False, 0),
    (0, 0, 1, False, 1),
    (0, 1, 1, False, 0),
    (1, 0, 1, True, 1),
    (0, 0, 0, True, 0),
])
def test_exit_code_rules(added, duplicates, failures, strict, expected):
    from sitrep.store import IngestFailure

    report = IngestReport(added=added, duplicates=duplicates,
                          failures=[IngestFailure("f", None, "input_error", "bad")] * failures)
    assert report.exit_code(strict=strict) == expected


def test_the_same_article_twice_in_one_run_is_stored_once(tmp_path, store):
    folder = tmp_path / "in"
    folder.mkdir()
    text = article_text("same")
    (folder / "a.txt").write_text(text, encoding="utf-8")
    (folder / "b.txt").write_text(text, encoding="utf-8")
    pipeline = pipeline_for(["a", "b"])
    report = ingest_paths([folder], store=store, pipeline=pipeline)
    assert (report.added, report.duplicates) == (1, 1)
    assert pipeline.seen == ["a"]


class FakeTerminal(io.StringIO):
    def isatty(self):
        return True


def test_progress_is_drawn_on_a_terminal_and_silent_otherwise():
    report = IngestReport(added=2)
    quiet, loud = io.StringIO(), FakeTerminal()
    for stream in (quiet, loud):
        bar = ProgressBar(stream)
        bar(report)
        bar.close()
    assert quiet.getvalue() == ""
    assert "2 documents: 2 new" in loud.getvalue()
    assert loud.getvalue().endswith("\n")
