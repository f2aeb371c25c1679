"""The command line under odd requests: feeds to extract, unknown filters, foreign databases, no match."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from sitrep import __version__
from sitrep.cli import main
from sitrep.geocode import gazetteer as gazetteer_module

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"

FEED = """<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0"><channel><title>Valley Courier</title>
<item><title>Shelling hits market town</title><link>https://courier.example/shelling</link>
<guid>courier-1</guid><pubDate>Tue, 04 Mar 2025 09:30:00 GMT</pubDate>
<description>Four people were killed when shells hit the market in Arden, the council said.</description></item>
<item><title>Ridge road</title><link>https://courier.example/ridge</link>
<guid>courier-2</guid><pubDate>Wed, 05 Mar 2025 10:00:00 GMT</pubDate>
<description>Two farmers were wounded near the ridge road on Tuesday, residents said.</description></item>
</channel></rss>
"""


def test_version_is_printed(capsys):
    with pytest.raises(SystemExit) as exited:
        main(["--version"])
    assert exited.value.code == 0
    assert capsys.readouterr().out.strip() == f"sitrep {__version__}"


@pytest.mark.parametrize("name", ["news.rss", "news.xml", "news.txt"])
def test_a_feed_given_to_extract_is_read_entry_by_entry(tmp_path, capsys, name):
    path = tmp_path / name
    path.write_text(FEED, encoding="utf-8")
    assert main(["extract", str(path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    results = [json.loads(line) for line in lines]
    assert [r["id"] for r in results] == ["courier-1", "courier-2"]
    assert [r["claims"][0]["count"]["low"] for r in results] == [4, 2]
    assert results[0]["published"]["date"] == "2025-03-04"


def test_a_binary_file_given_to_extract_is_a_one_line_error(tmp_path, capsys):
    path = tmp_path / "photo.jpg"
    path.write_bytes(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)) * 4)
    assert main(["extract", str(path)]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "not a text file (a JPEG image)" in error


def test_warnings_reach_stderr_at_a_terminal(tmp_path, capsys, monkeypatch):
    import sys

    path = tmp_path / "article.txt"
    path.write_text("Des hommes armés ont tué douze civils dans le village de Kiri lundi, selon les autorités "
                    "locales qui ont confirmé le bilan.", encoding="utf-8")
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["extract", str(path)]) == 0
    err = capsys.readouterr().err
    assert "sitrep: warning:" in err and "French" in err


@pytest.fixture
def store_db(tmp_path):
    """An empty sitrep store."""
    from sitrep.store import IncidentStore

    path = tmp_path / "sitrep.db"
    IncidentStore(path).close()
    return path


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [("--country", "Narnia", "unknown country"), ("--type", "Nonsense", "not an ACLED event type"),
     ("--min-killed", "-1", "not a whole number >= 0")],
)
@pytest.mark.parametrize("command", ["incidents", "export"])
def test_filters_refuse_values_that_select_nothing_by_mistake(store_db, capsys, command, option, value, message):
    extra = ["--format", "jsonl"] if command == "export" else []
    with pytest.raises(SystemExit) as exited:
        main([command, "--db", str(store_db), option, value, *extra])
    assert exited.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(("value", "code"), [("Nigeria", "NG"), ("ng", "NG"), ("SY", "SY"), ("Syria", "SY")])
def test_country_filter_takes_a_name_or_a_code(value, code):
    from sitrep.cli.store import country_code

    assert country_code(value) == code


def test_event_type_filter_takes_any_letter_case():
    from sitrep.cli.store import event_type

    assert event_type("violence against civilians") == "Violence against civilians"


@pytest.mark.parametrize("command", ["incidents", "show", "export"])
def test_store_commands_have_help_text(capsys, command):
    with pytest.raises(SystemExit):
        main([command, "--help"])
    out = capsys.readouterr().out
    sections = out.split("\n\n")[1:]
    descriptions = [s for s in sections if not s.startswith(("options:", "positional arguments:"))]
    assert descriptions and len(descriptions[0].split()) >= 12  # sentences saying what the command does


def test_ingest_refuses_an_sqlite_file_that_is_not_a_sitrep_store(tmp_path, capsys):
    other = tmp_path / "app.db"
    with sqlite3.connect(other) as connection:
        connection.execute("CREATE TABLE users (name TEXT)")
    article = tmp_path / "a.txt"
    article.write_text("Two soldiers were killed.", encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(other)]) == 2
    assert "not a sitrep store" in capsys.readouterr().err
    with sqlite3.connect(other) as connection:
        tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    assert tables == {"users"}


def test_ingest_refuses_a_file_that_is_not_a_database(tmp_path, capsys):
    notes = tmp_path / "notes.txt"
    notes.write_text("shopping list", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Two soldiers were killed.", encoding="utf-8")
    assert main(["ingest", str(article), "--db", str(notes)]) == 2
    assert "not a sitrep store" in capsys.readouterr().err
    assert notes.read_text(encoding="utf-8") == "shopping list"


@pytest.fixture
def small_gazetteer(tmp_path):
    path = tmp_path / "gazetteer.sqlite"
    gazetteer_module.build_empty(path)
    yield path
    gazetteer_module.reset_shared()


def test_gazetteer_lookup_without_a_match_says_so(small_gazetteer, capsys):
    assert main(["gazetteer", "lookup", "Xyzzyville", "--gazetteer", str(small_gazetteer)]) == 1
    captured = capsys.readouterr()
    assert captured.out == "" and "no place named 'Xyzzyville'" in captured.err


def test_loading_the_same_csv_twice_does_not_duplicate_entries(small_gazetteer, capsys):
    csv_file = FIXTURES / "geocode" / "local_names.csv"
    for _ in range(2):
        assert main(["gazetteer", "load", "--csv", str(csv_file), "--gazetteer", str(small_gazetteer)]) == 0
        gazetteer_module.reset_shared()
    capsys.readouterr()
    assert main(["gazetteer", "lookup", "Mazraat al-Sindiyan", "--gazetteer", str(small_gazetteer)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 1
