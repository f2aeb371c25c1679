"""``sitrep show`` explains each join; ``sitrep merge`` / ``sitrep split`` correct the store."""

import argparse

import pytest
from sitrep_store_builders import claim, document, result

from sitrep.cli import curate, store as store_cli
from sitrep.cli import main
from sitrep.store import IncidentStore


def run(argv):
    parser = argparse.ArgumentParser(prog="sitrep")
    subparsers = parser.add_subparsers(dest="command", required=True)
    store_cli.register(subparsers)
    curate.register(subparsers)
    args = parser.parse_args(argv)
    return args.handler(args)


@pytest.fixture
def db(tmp_path):
    path = tmp_path / "curate.db"
    with IncidentStore(path) as store:
        store.add(document("a"), result("a", [claim(low=14, source="Monitor A")]))
        store.add(document("b"), result("b", [claim(low=15, source="Paper", kind="media")]))
        store.add(document("c"), result("c", [claim(low=3, place="Bexley")]))
    return path


def test_show_says_why_each_report_joined(db, capsys):
    assert run(["show", "inc-000001", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "why each report joined:" in out
    assert "a/i1: first report: the incident was created from it" in out
    assert "b/i1: score" in out and "against a" in out and "killed +" in out and "14 / 15" in out


def test_split_then_merge_from_the_command_line(db, capsys):
    assert run(["split", "inc-000001", "b", "--db", str(db)]) == 0
    assert "b split from inc-000001 into inc-000003" in capsys.readouterr().out
    assert run(["show", "inc-000003", "--db", str(db)]) == 0
    shown = capsys.readouterr().out
    assert "[placed by hand]" in shown and "history of the figures:" not in shown
    assert run(["merge", "inc-000001", "inc-000003", "--db", str(db)]) == 0
    assert "inc-000003 merged into inc-000001" in capsys.readouterr().out
    assert run(["show", "inc-000001", "--db", str(db)]) == 0
    assert "merged with inc-000003 by hand" in capsys.readouterr().out


def test_a_bad_correction_is_a_one_line_error(db, capsys):
    assert main(["merge", "inc-000001", "inc-000001", "--db", str(db)]) == 2
    assert capsys.readouterr().err.startswith("sitrep: error:")
    assert main(["split", "inc-000002", "zz", "--db", str(db)]) == 2
    assert "not part of" in capsys.readouterr().err
