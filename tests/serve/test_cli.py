"""`sitrep serve` from the command line: a store it cannot read is one line and exit 2;
a store it can read is served, read-only, on the port asked for."""

from __future__ import annotations

import json
import urllib.error
import urllib.request

import pytest

from sitrep.cli import main


@pytest.mark.parametrize("contents", [None, b"this is not a database " * 50, b""])
def test_a_missing_or_unreadable_database_is_one_line_and_exit_2(tmp_path, capsys, contents):
    path = tmp_path / "store.db"
    if contents is not None:
        path.write_bytes(contents)
    assert main(["serve", "--db", str(path), "--port", "1"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("sitrep: error: ") and err.count("\n") == 1 and str(path) in err


def test_a_tile_url_that_is_not_http_is_refused(example_db, capsys):
    assert main(["serve", "--db", str(example_db), "--tiles", "javascript:alert(1)/{z}/{x}/{y}"]) == 2
    assert "--tiles" in capsys.readouterr().err


def test_the_server_says_where_it_is_and_serves_reads_only(fresh_db, start_server):
    process, url = start_server(fresh_db)
    try:
        with urllib.request.urlopen(url + "/api/v1/incidents?limit=1") as response:
            assert len(json.loads(response.read())["incidents"]) == 1
        request = urllib.request.Request(url + "/api/v1/documents", data=b'{"text": "x"}', method="POST",
                                         headers={"Authorization": "Bearer anything"})
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(request)
        assert refused.value.code == 403
    finally:
        process.terminate()
        process.wait(timeout=10)
    assert f"at {url}/" in process.stderr.read()
    assert process.returncode in (0, -15)
