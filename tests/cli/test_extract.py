"""``sitrep extract``: inputs, JSONL streaming, errors and output formats, as a user sees them."""

from __future__ import annotations

import io
import json
import re
import sys

import pytest

from sitrep.cli import main

CONTRACT_KEYS = {"id", "published", "posts", "duplicates", "claims", "incidents"}

ARTICLE = (
    "Clashes near the river port of Amberly left six fighters dead on Sunday, a regional\n"
    "monitoring group said. Local medics reported that at least nine civilians were wounded\n"
    "when shells struck a market in the town.\n"
)

HTML = """<!DOCTYPE html>
<html><head><title>Shelling hits Amberly market</title></head>
<body>
<nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article>
<h1>Shelling hits Amberly market</h1>
<p>Clashes near the river port of Amberly left six fighters dead on Sunday, a regional
monitoring group said in a statement released late in the evening.</p>
<p>Local medics reported that at least nine civilians were wounded when shells struck a
crowded market in the town, and that the wounded were taken to the district hospital.</p>
<p>Residents said the fighting had subsided by Monday morning, but many families had already
left for villages further up the valley.</p>
</article>
<footer>Copyright the publisher. All rights reserved.</footer>
</body></html>
"""


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(["extract", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def feed_stdin(monkeypatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"))


def assert_contract(result: dict) -> None:
    assert CONTRACT_KEYS <= set(result)
    assert set(result["published"]) == {"date", "inferred"}
    for key in ("posts", "duplicates", "claims", "incidents"):
        assert isinstance(result[key], list)


# --------------------------------------------------------------------------- one document


def test_text_file_gives_one_result_named_after_the_file(tmp_path, capsys):
    path = tmp_path / "amberly-report.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert_contract(result)
    assert result["id"] == "amberly-report"


def test_stdin_is_read_when_file_is_dash(monkeypatch, capsys):
    feed_stdin(monkeypatch, ARTICLE.encode("utf-8"))
    code, out, _ = run(capsys, "-")
    assert code == 0
    result = json.loads(out)
    assert_contract(result)
    assert result["id"] == "stdin"


def test_json_file_gives_its_id_and_publication_date(tmp_path, capsys):
    path = tmp_path / "one.json"
    path.write_text(json.dumps({"id": "story-42", "text": ARTICLE, "published": "2024-06-10"}),
                    encoding="utf-8")
    code, out, _ = run(capsys, str(path))
    assert code == 0
    result = json.loads(out)
    assert result["id"] == "story-42"
    assert result["published"] == {"date": "2024-06-10", "inferred": False}


def test_json_on_stdin_is_recognised(monkeypatch, capsys):
    feed_stdin(monkeypatch, json.dumps({"id": "piped", "text": ARTICLE}).encode("utf-8"))
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert json.loads(out)["id"] == "piped"


@pytest.mark.parametrize("suffix", [".html", ".htm"])
def test_html_file_is_reduced_to_its_article(tmp_path, capsys, suffix):
    path = tmp_path / f"page{suffix}"
    path.write_text(HTML, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert (code, err) == (0, "")
    result = json.loads(out)
    assert_contract(result)
    assert result["id"] == "page"


def test_html_on_stdin_is_recognised(monkeypatch, capsys):
    feed_stdin(monkeypatch, HTML.encode("utf-8"))
    code, out, _ = run(capsys, "-")
    assert code == 0
    assert_contract(json.loads(out))


@pytest.mark.parametrize(
    ("argv", "published"),
    [
        (["--published", "2024-06-11"], {"date": "2024-06-11", "inferred": False}),
        ([], {"date": "2024-06-10", "inferred": False}),
    ],
)
def test_published_option_sets_the_date(tmp_path, capsys, argv, published):
    path = tmp_path / "dated.json"
    path.write_text(json.dumps({"id": "d", "text": ARTICLE, "published": "2024-06-10"}),
                    encoding="utf-8")
    code, out, _ = run(capsys, str(path), *argv)
    assert code == 0
    assert json.loads(out)["published"] == published


def test_published_option_on_plain_text(tmp_path, capsys):
    path = tmp_path / "plain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--published", "2022-12-31")
    assert code == 0
    assert json.loads(out)["published"] == {"date": "2022-12-31", "inferred": False}


@pytest.mark.parametrize("value", ["31/12/2022", "2022-13-01", "yesterday"])
def test_bad_published_option_is_a_usage_error(tmp_path, capsys, value):
    path = tmp_path / "plain.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    with pytest.raises(SystemExit) as caught:
        main(["extract", str(path), "--published", value])
    assert caught.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_table_format_prints_a_readable_summary(tmp_path, capsys):
    path = tmp_path / "amberly.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    code, out, _ = run(capsys, str(path), "--format", "table", "--published", "2024-06-10")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "# amberly  published 2024-06-10"
    assert re.fullmatch(r"\d+ claims, \d+ incidents, \d+ posts, \d+ duplicates", lines[1])


# --------------------------------------------------------------------------- unreadable input


@pytest.mark.parametrize("jsonl", [False, True])
def test_missing_file_exits_2_with_one_line_naming_it(tmp_path, capsys, jsonl):
    path = tmp_path / "not-there.txt"
    code, out, err = run(capsys, *(["--jsonl"] if jsonl else []), str(path))
    assert code == 2
    assert out == ""
    assert len(err.strip().splitlines()) == 1
    assert str(path) in err
    assert err.startswith("sitrep: error: ")


def test_directory_is_unreadable_input(tmp_path, capsys):
    code, out, err = run(capsys, str(tmp_path))
    assert (code, out) == (2, "")
    assert str(tmp_path) in err and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.txt", "  \n\n", "empty"),
        ("broken.json", '{"id": "x", "text": ', "invalid JSON"),
        ("notext.json", '{"id": "x"}', "'text'"),
        ("script.html", "<html><body><script>var a = 1;</script></body></html>", "no article text"),
    ],
)
def test_unusable_single_document_exits_2_naming_it(tmp_path, capsys, name, content, message):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, str(path))
    assert (code, out) == (2, "")
    assert str(path) in err and message in err


# --------------------------------------------------------------------------- JSONL streams


def jsonl_lines(*records) -> str:
    return "".join((r if isinstance(r, str) else json.dumps(r)) + "\n" for r in records)


STREAM = jsonl_lines(
    {"id": "first", "text": ARTICLE, "published": "2024-06-10"},
    "{this is not json",
    {"id": "no-text", "title": "headline only"},
    {"id": "last", "text": "Gunmen killed two guards at a checkpoint outside Amberly."},
)


def test_jsonl_gives_one_line_per_record_in_order_and_goes_on_after_bad_lines(tmp_path, capsys):
    path = tmp_path / "stream.jsonl"
    path.write_text(STREAM, encoding="utf-8")
    code, out, err = run(capsys, "--jsonl", str(path))
    assert (code, err) == (0, "")
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["first", None, "no-text", "last"]
    assert_contract(lines[0])
    assert_contract(lines[3])
    bad_json, no_text = lines[1], lines[2]
    assert set(bad_json) == {"id", "error"}
    assert bad_json["error"]["code"] == "input_error"
    assert bad_json["error"]["message"].startswith(f"{path}:2: ")
    assert no_text["error"]["code"] == "input_error"
    assert f"{path}:3: " in no_text["error"]["message"] and "'text'" in no_text["error"]["message"]


def test_jsonl_from_stdin(monkeypatch, capsys):
    feed_stdin(monkeypatch, STREAM.encode("utf-8"))
    code, out, _ = run(capsys, "--jsonl", "-")
    assert code == 0
    lines = [json.loads(line) for line in out.splitlines()]
    assert [line["id"] for line in lines] == ["first", None, "no-text", "last"]
    assert lines[1]["error"]["message"].startswith("<stdin>:2: ")


def test_jsonl_published_option_fills_only_missing_dates(tmp_path, capsys):
    path = tmp_path / "stream.jsonl"
    path.write_text(STREAM, encoding="utf-8")
    code, out, _ = run(capsys, "--jsonl", str(path), "--published", "2024-07-01")
    assert code == 0
    by_id = {line["id"]: line for line in map(json.loads, out.splitlines()) if "error" not in line}
    assert by_id["first"]["published"] == {"date": "2024-06-10", "inferred": False}
    assert by_id["last"]["published"] == {"date": "2024-07-01", "inferred": False}


def test_jsonl_record_without_id_is_named_after_its_line(tmp_path, capsys):
    path = tmp_path / "anon.jsonl"
    path.write_text(jsonl_lines({"text": ARTICLE}, {"text": ARTICLE}), encoding="utf-8")
    code, out, _ = run(capsys, "--jsonl", str(path))
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["line-1", "line-2"]


def test_jsonl_blank_lines_are_skipped(tmp_path, capsys):
    path = tmp_path / "gaps.jsonl"
    path.write_text("\n" + jsonl_lines({"id": "a", "text": ARTICLE}) + "\n   \n", encoding="utf-8")
    code, out, _ = run(capsys, "--jsonl", str(path))
    assert code == 0
    assert [json.loads(line)["id"] for line in out.splitlines()] == ["a"]


def test_jsonl_table_format_prints_a_summary_per_record(tmp_path, capsys):
    path = tmp_path / "stream.jsonl"
    path.write_text(STREAM, encoding="utf-8")
    code, out, _ = run(capsys, "--jsonl", str(path), "--format", "table")
    assert code == 0
    headers = [line for line in out.splitlines() if line.startswith("# ")]
    assert headers == ["# first  published 2024-06-10", "# last  published ?"]
    errors = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
    assert [e["id"] for e in errors] == [None, "no-text"]
