import argparse
import json

import pytest
from sitrep_store_builders import FakePipeline, article_text, claim, result

from sitrep.cli import store as store_cli
from sitrep.errors import StoreError


def run(argv):
    parser = argparse.ArgumentParser(prog="sitrep")
    store_cli.register(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return args.handler(args)


@pytest.fixture
def fake_pipeline(monkeypatch):
    results = {"r1": result("r1", [claim(low=20, source="Monitor A")]),
               "r2": result("r2", [claim(low=35, source="Paper", kind="media")]),
               "r3": result("r3", [claim(low=5, place="Bexley")])}
    monkeypatch.setattr("sitrep.pipeline.Pipeline", lambda: FakePipeline(results))


@pytest.fixture
def db(tmp_path, fake_pipeline):
    folder = tmp_path / "articles"
    folder.mkdir()
    for name in ("r1", "r2", "r3"):
        (folder / f"{name}.txt").write_text(article_text(name), encoding="utf-8")
    path = tmp_path / "cli.db"
    assert run(["ingest", str(folder), "--db", str(path)]) == 0
    return path


def test_ingest_prints_a_summary(tmp_path, fake_pipeline, capsys):
    (tmp_path / "r1.txt").write_text(article_text("r1"), encoding="utf-8")
    assert run(["ingest", str(tmp_path / "r1.txt"), "--db", str(tmp_path / "x.db")]) == 0
    out = capsys.readouterr()
    assert "1 documents: 1 new" in out.out
    assert out.err == ""  # not a terminal: no progress bar


def test_ingest_exit_codes_with_failures(tmp_path, fake_pipeline, capsys):
    (tmp_path / "r1.txt").write_text(article_text("r1"), encoding="utf-8")
    (tmp_path / "empty.txt").write_text("", encoding="utf-8")
    db = str(tmp_path / "x.db")
    assert run(["ingest", str(tmp_path / "r1.txt"), str(tmp_path / "empty.txt"), "--db", db]) == 0
    assert "empty.txt" in capsys.readouterr().err
    assert run(["ingest", str(tmp_path / "empty.txt"), "--db", db, "--strict"]) == 1
    assert run(["ingest", str(tmp_path / "empty.txt"), "--db", db]) == 1


def test_incidents_json_lists_contract_incidents(db, capsys):
    capsys.readouterr()
    assert run(["incidents", "--db", str(db), "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [r["id"] for r in rows] == ["inc-000001", "inc-000002"]
    assert rows[0]["killed"] == {"low": 20, "best": 20, "high": 35}
    assert rows[0]["disputed"] is True
    assert rows[0]["number_of_sources"] == 2


def test_incidents_table_and_filters(db, capsys):
    capsys.readouterr()
    assert run(["incidents", "--db", str(db), "--min-killed", "10"]) == 0
    out = capsys.readouterr().out
    assert "inc-000001" in out and "inc-000002" not in out
    assert "20/20/35" in out


def test_show_prints_claims_sources_and_evidence(db, capsys):
    capsys.readouterr()
    assert run(["show", "inc-000001", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "r1/c1" in out and "r2/c1" in out
    assert "Monitor A" in out and "Paper" in out
    assert "Ten people were killed" in out
    assert "DISPUTED" in out


def test_export_writes_a_file(db, tmp_path):
    out = tmp_path / "events.csv"
    assert run(["export", "--db", str(db), "--format", "acled", "--out", str(out)]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("event_id_cnty,event_date")
    assert len(lines) == 3


def test_reading_a_missing_database_is_a_store_error(tmp_path):
    with pytest.raises(StoreError) as raised:
        run(["incidents", "--db", str(tmp_path / "nothing.db")])
    assert "nothing.db" in raised.value.message
