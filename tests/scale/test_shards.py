"""Result shards: a line written for the store reads back as the same document and result."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from sitrep_store_builders import claim, document, result

from sitrep.errors import ExtractionError, InputError
from sitrep.pipeline import FailedDocument, Pipeline
from sitrep.records import Document
from sitrep.scale.shards import load_item, output_line, read_shards, shard_line, shard_name, write_shard
from sitrep.store.bulk import Extracted

ARTICLE = Document(
    id="harbour-1",
    text=("Shelling of the harbour district of Sarnek killed at least 12 civilians on Friday, "
          "the regional health office said. A monitoring group put the toll at 15, including "
          "four children, and said 30 people were wounded."),
    published=dt.date(2024, 7, 6), url="https://example.org/sarnek", title="Sarnek shelled",
    origin="news.jsonl:4", warnings=("news.jsonl:4: 1 invalid UTF-8 byte sequence(s) replaced",),
)


@pytest.fixture(scope="module")
def extracted_article():
    return Pipeline().extract(ARTICLE)


def test_a_pipeline_result_and_its_document_read_back_unchanged(extracted_article):
    assert extracted_article.claims, "the article should give claims to round-trip"
    item = load_item(shard_line(extracted_article, ARTICLE), where="x")
    assert item == Extracted(ARTICLE, extracted_article)


def test_a_shard_line_is_the_output_line_with_the_document_added(extracted_article):
    shard = json.loads(shard_line(extracted_article, ARTICLE))
    assert shard.pop("document")["text"] == ARTICLE.text
    assert shard == json.loads(output_line(extracted_article))


def test_a_bad_record_reads_back_as_the_error_a_serial_read_gave():
    error = InputError("invalid JSON: Expecting value", source="news.jsonl:9")
    error.record_id = "r9"
    line = shard_line(FailedDocument(id="r9", error=error), None)
    assert json.loads(output_line(FailedDocument(id="r9", error=error))) == \
        {"id": "r9", "error": {"code": "input_error", "message": "news.jsonl:9: invalid JSON: Expecting value"}}
    back = load_item(line, where="x")
    assert isinstance(back, InputError)
    assert (back.source, back.record_id, back.message) == ("news.jsonl:9", "r9", error.message)


def test_a_failed_extraction_reads_back_with_its_document():
    doc = document("d1")
    error = ExtractionError("ValueError: bad offset", source="d1.txt")
    back = load_item(shard_line(FailedDocument(id="d1", error=error), doc), where="x")
    assert back.document == doc
    assert (back.outcome.error.code, back.outcome.error.message) == ("extraction_error", error.message)


@pytest.mark.parametrize("line", ["{not json", '{"id": "x"}', '{"id": "x", "claims": []}', "[]"])
def test_a_line_that_is_not_a_shard_line_is_an_error_naming_where_it_is(line):
    back = load_item(line, where="results/part-000003.jsonl.gz:7")
    assert isinstance(back, InputError)
    assert back.message.startswith("results/part-000003.jsonl.gz:7: not a sitrep result shard line")


def test_shards_are_written_whole_and_read_back_in_partition_order(tmp_path):
    docs = [document(f"d{n}") for n in range(5)]
    lines = [shard_line(result(d.id, [claim(low=n)]), d) for n, d in enumerate(docs)]
    for index, chunk in ((1, lines[2:]), (0, lines[:2])):
        assert write_shard(chunk, url=str(tmp_path / shard_name(index))) == len(chunk)
    (tmp_path / "notes.txt").write_text("not a shard", encoding="utf-8")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt", "part-000000.jsonl.gz",
                                                          "part-000001.jsonl.gz"]
    assert [item.document.id for item in read_shards(str(tmp_path))] == [d.id for d in docs]


def test_a_folder_without_shards_is_an_error(tmp_path):
    with pytest.raises(InputError, match="no result shards"):
        list(read_shards(str(tmp_path)))
    with pytest.raises(InputError, match="no such results folder"):
        list(read_shards(str(tmp_path / "missing")))
