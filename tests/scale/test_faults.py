"""A worker killed with SIGKILL mid-run: its tasks run again elsewhere, nothing is lost or
stored twice. A real cluster: ``dask scheduler`` and two ``dask worker`` processes."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import sitrep
from sitrep.records import Result
from sitrep.scale.cluster import dask_client
from sitrep.scale.run import extracted_items
from sitrep.store import IncidentStore
from sitrep.store.bulk import Extracted, load

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "articles"
SOURCE_ROOT = str(Path(sitrep.__file__).resolve().parents[1])


def start(args: list[str], env: dict) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", *args], env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)


@pytest.fixture
def cluster(tmp_path):
    """A scheduler and two single-threaded workers without nannies (a killed one stays dead)."""
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(filter(None, [SOURCE_ROOT, os.environ.get("PYTHONPATH")])))
    address_file = tmp_path / "scheduler.json"
    processes = [start(["distributed.cli.dask_scheduler", "--port", "0", "--no-dashboard",
                        "--scheduler-file", str(address_file)], env)]
    try:
        for _ in range(300):
            if address_file.exists() and address_file.stat().st_size:
                break
            time.sleep(0.1)
        for name in ("a", "b"):
            processes.append(start(["distributed.cli.dask_worker", "--scheduler-file", str(address_file),
                                    "--nthreads", "1", "--no-nanny", "--no-dashboard",
                                    "--memory-limit", "0", "--name", name], env))
        yield json.loads(address_file.read_text())["address"], {p.pid for p in processes[1:]}
    finally:
        for process in processes:
            process.kill()
            process.wait()


@pytest.fixture
def corpus(tmp_path) -> tuple[Path, list[str]]:
    texts = [p.read_text(encoding="utf-8") for p in sorted(ARTICLES.glob("*.txt"))]
    ids = [f"a{n:02d}" for n in range(36)]
    lines = [json.dumps({"id": i, "text": f"{texts[n % len(texts)]}\n\nReport {i}.", "published": "2024-04-02"})
             for n, i in enumerate(ids)]
    path = tmp_path / "news.jsonl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path, ids


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL")
def test_a_worker_killed_mid_run_loses_nothing_and_doubles_nothing(cluster, corpus, tmp_path):
    address, worker_pids = cluster
    path, ids = corpus
    killed = []
    with dask_client(scheduler=address) as client:
        client.wait_for_workers(2, timeout=120)

        def watched(items):
            for item in items:
                if not killed:
                    busy = [addr for addr, keys in client.processing().items() if keys]
                    assert busy, "no worker was busy: the corpus is too small to kill one mid-run"
                    pid = client.run(os.getpid, workers=busy[:1])[busy[0]]
                    assert pid in worker_pids
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                yield item

        seen = []

        def recorded(items):
            for item in items:
                assert isinstance(item, Extracted) and isinstance(item.outcome, Result), item
                seen.append(item.document.id)
                yield item

        with IncidentStore(tmp_path / "store.db") as store:
            report = load(recorded(watched(extracted_items(client, [str(path)], partition_size=2))),
                          store=store, batch_size=4)
            rows = store._db.execute("SELECT source_id FROM documents ORDER BY sequence").fetchall()
        assert len(client.scheduler_info()["workers"]) == 1
    assert killed
    assert seen == ids
    assert [row[0] for row in rows] == ids
    assert (report.added + report.copies, len(report.failures)) == (len(ids), 0)
