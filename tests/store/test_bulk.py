"""Bulk loading: many documents a transaction, the same store as a serial ingest, and a
load killed with SIGKILL resumes with every document stored exactly once."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sitrep_store_builders import FakePipeline, article_text, claim, document, result

from sitrep.errors import ExtractionError, InputError
from sitrep.pipeline import FailedDocument
from sitrep.serialize import to_dict
from sitrep.store import IncidentStore, ingest_items
from sitrep.store.bulk import Extracted, load

BUILDERS = Path(__file__).resolve().parents[1] / "fixtures" / "store"


def corpus():
    """Documents and results: reports of shared incidents, a near-copy, an exact duplicate,
    a bad record and a document extraction failed on."""
    documents, results = [], {}
    for n in range(24):
        doc = document(f"d{n:02d}")
        documents.append(doc)
        results[doc.id] = result(doc.id, [claim(low=10 + n % 4, source=f"Source {n % 5}", kind="media",
                                                place=("Arden", "Bexley", "Corran")[n % 3])])
    near = article_text("d03").replace("convoy", "lorry", 1)
    documents.insert(7, document("near-copy-of-d03", near))
    results["near-copy-of-d03"] = results["d03"]
    documents.insert(12, document("same-text-as-d05", article_text("d05")))
    results["same-text-as-d05"] = results["d05"]
    documents.insert(15, InputError("invalid JSON: Expecting value", source="feed.jsonl:16"))
    documents.insert(19, document("broken"))
    results["broken"] = ExtractionError("ValueError: a defect", source="broken.txt")
    return documents, results


def extracted(documents, results):
    items = []
    for doc in documents:
        if isinstance(doc, InputError):
            items.append(doc)
        elif isinstance(results[doc.id], ExtractionError):
            items.append(Extracted(doc, FailedDocument(id=doc.id, error=results[doc.id])))
        else:
            items.append(Extracted(doc, results[doc.id]))
    return items


def snapshot(store: IncidentStore):
    incidents = [(to_dict(s.incident), s.documents) for s in store.incidents()]
    documents = store._db.execute("SELECT key, source_id, copy_of, sequence FROM documents"
                                  " ORDER BY sequence").fetchall()
    # the failures recorded, whatever the order batches wrote them in
    failures = sorted((f.origin, f.record_id, f.code, f.message) for f in store.failures())
    return incidents, documents, failures, store.counts()


class SerialPipeline(FakePipeline):
    """The prepared results; a failed extraction comes out as the real pipeline gives it."""

    def extract_many(self, items):
        for item in items:
            prepared = None if isinstance(item, InputError) else self.results[item.id]
            if isinstance(prepared, ExtractionError):
                yield FailedDocument(id=item.id, error=prepared)
            else:
                yield from super().extract_many([item])


def serial_store(tmp_path, documents, results) -> tuple:
    pipeline = SerialPipeline(results)
    with IncidentStore(tmp_path / "serial.db") as store:
        report = ingest_items(documents, store=store, pipeline=pipeline)
        return snapshot(store), report


@pytest.mark.parametrize("batch_size", [1, 4, 500])
def test_a_bulk_load_stores_what_a_serial_ingest_stores(tmp_path, batch_size):
    documents, results = corpus()
    serial, serial_report = serial_store(tmp_path, documents, results)
    with IncidentStore(tmp_path / "bulk.db") as store:
        report = load(extracted(documents, results), store=store, batch_size=batch_size)
        assert snapshot(store) == serial
    assert (report.added, report.copies, report.duplicates, report.incidents) == \
        (serial_report.added, serial_report.copies, serial_report.duplicates, serial_report.incidents)
    assert sorted(f.message for f in report.failures) == sorted(f.message for f in serial_report.failures)
    assert (report.added, report.copies, report.duplicates, len(report.failures)) == (24, 1, 1, 2)


def test_loading_again_stores_nothing_twice(tmp_path):
    documents, results = corpus()
    with IncidentStore(tmp_path / "bulk.db") as store:
        load(extracted(documents, results), store=store, batch_size=5)
        before = snapshot(store)
        again = load(extracted(documents, results), store=store, batch_size=5)
        assert snapshot(store)[:2] == before[:2]
    assert (again.added, again.copies, again.duplicates) == (0, 0, 26)


def test_a_batch_that_fails_is_rolled_back_whole_and_the_batches_before_it_stay(tmp_path):
    documents, results = corpus()
    items = extracted(documents, results)

    def interrupted():
        yield from items[:12]
        raise KeyboardInterrupt

    with IncidentStore(tmp_path / "bulk.db") as store:
        with pytest.raises(KeyboardInterrupt):
            load(interrupted(), store=store, batch_size=5)
        assert store.counts()["documents"] == 10  # two whole batches of five
        report = load(items, store=store, batch_size=5)
        assert report.duplicates == 10 + 1
    serial, _ = serial_store(tmp_path, documents, results)
    with IncidentStore(tmp_path / "bulk.db") as store:
        assert snapshot(store)[:3] == serial[:3]


SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {builders!r})
    sys.path.insert(0, {tests!r})
    from test_bulk import corpus, extracted
    from sitrep.store import IncidentStore
    from sitrep.store.bulk import load

    def slowly(items):
        for item in items:
            time.sleep(0.03)
            yield item

    documents, results = corpus()
    with IncidentStore({db!r}) as store:
        load(slowly(extracted(documents, results) * 4), store=store, batch_size=5)
""")


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        with sqlite3.connect(db, timeout=5) as connection:
            return connection.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.OperationalError:
        return 0


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_killed_load_resumes_with_every_document_stored_exactly_once(tmp_path):
    db = tmp_path / "killed.db"
    script = SCRIPT.format(builders=str(BUILDERS), tests=str(Path(__file__).parent), db=str(db))
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(600):
            if stored_documents(db) >= 8 or process.poll() is not None:
                break
            time.sleep(0.05)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    stored = stored_documents(db)
    assert 8 <= stored < 24

    documents, results = corpus()
    with IncidentStore(db) as store:
        load(extracted(documents, results), store=store, batch_size=5)
        (count, distinct) = store._db.execute(
            "SELECT COUNT(*), COUNT(DISTINCT source_id) FROM documents").fetchone()
        assert count == distinct == 25  # 24 and the near-copy; the duplicate and failures not
        resumed = snapshot(store)
    serial, _ = serial_store(tmp_path, documents, results)
    assert resumed[:2] == serial[:2]
