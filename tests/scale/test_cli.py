"""The scale-out options of ``sitrep extract`` and ``sitrep ingest``: wrong combinations are
one-line errors (exit 2) before any cluster starts; several serial JSONL inputs stream in order."""

from __future__ import annotations

import json

import pytest

from sitrep.cli import main


@pytest.mark.parametrize("argv, message", [
    (["extract", "a.txt", "--workers", "2"], "need --jsonl"),
    (["extract", "a.txt", "b.txt"], "need --jsonl"),
    (["extract", "--jsonl", "a.jsonl", "--out", "results"], "--out needs --workers N or --scheduler ADDR"),
    (["extract", "--jsonl", "-", "--workers", "2"], "give files or URLs, not -"),
    (["ingest", "--db", "x.db"], "give PATH... to extract and store, or --results DIR"),
    (["ingest", "news", "--results", "results", "--db", "x.db"], "give PATH... to extract and store"),
    (["ingest", "--results", "results", "--workers", "2", "--db", "x.db"], "no --workers or --scheduler"),
])
def test_a_wrong_combination_of_options_is_a_one_line_error(tmp_path, monkeypatch, capsys, argv, message):
    monkeypatch.chdir(tmp_path)
    assert main(argv) == 2
    err = capsys.readouterr().err.strip()
    assert err.startswith("sitrep: error:") and message in err and "\n" not in err


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_workers_must_be_a_positive_count(capsys, value):
    with pytest.raises(SystemExit):
        main(["extract", "--jsonl", "a.jsonl", "--workers", value])
    assert "not a whole number of at least 1" in capsys.readouterr().err


def test_loading_from_a_folder_without_shards_names_the_folder(tmp_path, capsys):
    assert main(["ingest", "--results", str(tmp_path), "--db", str(tmp_path / "x.db")]) == 2
    assert f"{tmp_path}: no result shards" in capsys.readouterr().err


def test_several_jsonl_inputs_stream_one_after_the_other_serially(tmp_path, capsys):
    for name, record in (("one.jsonl", {"id": "x1", "text": "Two soldiers were killed in Orlat."}),
                         ("two.jsonl", {"id": "x2", "text": "Five people were wounded in Brask."})):
        (tmp_path / name).write_text(json.dumps(record) + "\n{broken\n", encoding="utf-8")
    assert main(["extract", "--jsonl", str(tmp_path / "one.jsonl"), str(tmp_path / "two.jsonl")]) == 0
    lines = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert [line["id"] for line in lines] == ["x1", None, "x2", None]
    assert lines[3]["error"]["message"].startswith(f"{tmp_path / 'two.jsonl'}:2: invalid JSON")
