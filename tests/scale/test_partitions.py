"""Partitions of JSONL inputs read back by workers give exactly the records a serial read gives."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from sitrep.errors import InputError
from sitrep.ingest.readers import read_jsonl
from sitrep.records import Document
from sitrep.scale.partitions import (
    FilePartition,
    JsonlInput,
    LinePartition,
    expand_inputs,
    partitions,
    read_partition,
    survey,
)

LINES = [
    json.dumps({"id": "a1", "text": "Gunmen killed four farmers near Orlat on Tuesday.", "published": "2024-02-06"}),
    json.dumps({"id": "a2", "text": "Two police officers were wounded in Brask, the ministry said."}),
    "{this line is broken",
    "",
    json.dumps({"text": "A record without an id: three people died when a bridge was shelled."}),
    json.dumps({"id": "a5", "text": 17}),
    json.dumps({"id": "a6", "text": "Résumé of the week: at least 9 killed in Tarvo, medics said."}),
    json.dumps({"id": "a7", "text": "Seven soldiers were killed in an ambush outside Kellin."}),
]


def comparable(items):
    return [(type(i).__name__, i.id, i.origin, i.published) if isinstance(i, Document)
            else (type(i).__name__, i.record_id, i.message) for i in items]


def write(path: Path, lines: list[str]) -> Path:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    if path.suffix == ".gz":
        data = gzip.compress(data)
    path.write_bytes(data)
    return path


@pytest.mark.parametrize("name", ["news.jsonl", "news.jsonl.gz"])
@pytest.mark.parametrize("size", [1, 3, 4, 100])
def test_partitions_of_a_file_read_back_as_one_serial_read(tmp_path, name, size):
    path = write(tmp_path / name, LINES)
    source = JsonlInput(url=str(path), origin="in/" + name)
    parts = survey(source, partition_size=size)
    assert [p.lines for p in parts] == [min(size, len(LINES) - i) for i in range(0, len(LINES), size)]
    assert all((p.offset is None) == name.endswith(".gz") for p in parts)
    distributed = [item for part in parts for item in read_partition(part)]
    serial = list(read_jsonl(("\n".join(LINES) + "\n").encode().splitlines(keepends=True), origin="in/" + name))
    assert comparable(distributed) == comparable(serial)
    assert [i.source for i in distributed if isinstance(i, InputError)] == ["in/" + name + ":3", "in/" + name + ":6"]


def test_a_file_that_cannot_be_read_is_an_error_naming_it(tmp_path):
    error = survey(JsonlInput(url=str(tmp_path / "gone.jsonl"), origin="gone.jsonl"), partition_size=5)
    assert isinstance(error, InputError)
    assert error.message.startswith("gone.jsonl: cannot read file")


def test_folders_expand_as_a_serial_ingest_walks_them_with_jsonl_and_articles_told_apart(tmp_path):
    (tmp_path / "b").mkdir()
    write(tmp_path / "b" / "2.jsonl.gz", LINES[:1])
    write(tmp_path / "a.jsonl", LINES[:1])
    (tmp_path / "b" / "1.txt").write_text("Five people were killed.", encoding="utf-8")
    (tmp_path / "b" / "notes.pdf").write_bytes(b"%PDF")
    named = tmp_path / "b" / "2.jsonl.gz"
    items = list(expand_inputs([str(tmp_path), str(tmp_path / "missing.jsonl"), str(named)]))
    assert [type(i).__name__ for i in items] == ["JsonlInput", "str", "Skipped", "Skipped", "InputError",
                                                 "JsonlInput"]
    assert items[0].origin == str(tmp_path / "a.jsonl")
    assert items[1] == str(tmp_path / "b" / "1.txt")
    assert items[2].path == named  # in a folder, as in a serial ingest; named, it is read
    assert items[5].origin == str(named)


def test_a_glob_expands_to_its_files_in_sorted_order(tmp_path):
    for name in ("day-2.jsonl.gz", "day-1.jsonl.gz", "other.txt"):
        write(tmp_path / name, LINES[:2])
    items = list(expand_inputs([str(tmp_path / "day-*.jsonl.gz")], jsonl_only=True))
    assert [Path(i.url).name for i in items] == ["day-1.jsonl.gz", "day-2.jsonl.gz"]
    assert isinstance(next(expand_inputs([str(tmp_path / "none-*.jsonl")])), InputError)


def test_article_files_are_grouped_and_jsonl_surveys_keep_their_place(tmp_path):
    source = JsonlInput(url="x.jsonl", origin="x.jsonl")
    parts = [LinePartition(source=source, first_line=1, lines=2, offset=0),
             LinePartition(source=source, first_line=3, lines=1, offset=40)]
    error = InputError("no such file or folder", source="gone")
    planned = list(partitions(["1.txt", "2.txt", "3.txt", source, error, "4.txt"],
                              surveyed=[parts], partition_size=2))
    assert planned == [FilePartition(("1.txt", "2.txt")), FilePartition(("3.txt",)), *parts, error,
                       FilePartition(("4.txt",))]


def test_a_file_partition_reads_articles_as_a_serial_ingest_does(tmp_path):
    (tmp_path / "one.txt").write_text("Three people were killed in Orlat.", encoding="utf-8")
    items = list(read_partition(FilePartition((str(tmp_path / "one.txt"), str(tmp_path / "two.txt")))))
    assert isinstance(items[0], Document) and items[0].id == "one"
    assert isinstance(items[1], InputError) and "cannot read file" in items[1].message
