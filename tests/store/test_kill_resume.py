"""A real kill (SIGKILL) in the middle of an ingest leaves a consistent store; a re-run resumes."""

import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from sitrep_store_builders import FakePipeline, article_text, claim, result

from sitrep.store import IncidentStore, ingest_paths

BUILDERS = Path(__file__).resolve().parents[1] / "fixtures" / "store"
NAMES = [f"r{n:02d}" for n in range(40)]

SCRIPT = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {builders!r})
    from sitrep_store_builders import FakePipeline, claim, result
    from sitrep.store import IncidentStore, ingest_paths

    class SlowPipeline(FakePipeline):
        def extract_many(self, items):
            for item in super().extract_many(items):
                time.sleep(0.05)
                yield item

    names = {names!r}
    results = {{n: result(n, [claim(low=10 + i, source=f"Source {{i}}", kind="media")])
               for i, n in enumerate(names)}}
    with IncidentStore({db!r}) as store:
        ingest_paths([{folder!r}], store=store, pipeline=SlowPipeline(results))
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
def test_a_killed_ingest_leaves_a_consistent_store_and_a_rerun_resumes(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for name in NAMES:
        (folder / f"{name}.txt").write_text(article_text(name), encoding="utf-8")
    db = tmp_path / "killed.db"
    script = SCRIPT.format(builders=str(BUILDERS), names=NAMES, db=str(db), folder=str(folder))
    process = subprocess.Popen([sys.executable, "-c", script])
    try:
        for _ in range(600):
            if stored_documents(db) >= 3 or process.poll() is not None:
                break
            time.sleep(0.1)
    finally:
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
    stored = stored_documents(db)
    assert 3 <= stored < len(NAMES)

    with sqlite3.connect(db) as connection:
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        orphans = connection.execute(
            "SELECT COUNT(*) FROM claims WHERE incident_id IS NULL OR incident_id NOT IN"
            " (SELECT id FROM incidents WHERE record != '{}')").fetchone()[0]
        assert orphans == 0

    results = {n: result(n, [claim(low=10 + i, source=f"Source {i}", kind="media")])
               for i, n in enumerate(NAMES)}
    resumed = FakePipeline(results)
    with IncidentStore(db) as store:
        report = ingest_paths([folder], store=store, pipeline=resumed)
        assert report.duplicates == stored
        assert report.added == len(NAMES) - stored
        assert resumed.seen == NAMES[stored:]
        (only,) = store.incidents()
        assert only.documents == len(NAMES)
