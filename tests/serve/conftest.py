"""Fixtures for `sitrep serve`: a store of fixture articles, the API's test client, a real
server process and a headless Debian chromium driven by Playwright.

The store holds the example article, the store fixtures (three reports of one Konduga
attack, disputed: 18, 24 and 31 killed; a syndicated copy; Kherson; Kupiansk) and one
hostile article whose title, text, source and post carry markup and ``javascript:``.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

import sitrep
from sitrep.pipeline import Pipeline
from sitrep.serve import ServeConfig, create_app
from sitrep.store import IncidentStore, ingest_paths

ROOT = Path(__file__).resolve().parents[2]
ARTICLES = [ROOT / "examples" / "coastal_clashes.txt", ROOT / "tests" / "fixtures" / "store" / "articles",
            ROOT / "tests" / "fixtures" / "serve"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="session")
def example_db(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "example.db"
    with IncidentStore(path) as store:
        report = ingest_paths(ARTICLES, store=store, pipeline=Pipeline())
    assert not report.failures, report.failures
    return path


@pytest.fixture
def fresh_db(example_db, tmp_path) -> Path:
    """A copy of the example store that a test may write to."""
    path = tmp_path / "copy.db"
    shutil.copy(example_db, path)
    return path


@pytest.fixture(scope="session")
def client(example_db):
    from starlette.testclient import TestClient

    with TestClient(create_app(ServeConfig(db=str(example_db))), raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture(scope="session")
def incident_at(client):
    """The listed incident at a place (by its location's name)."""
    def find(place: str) -> dict:
        rows = client.get("/api/v1/incidents", params={"limit": 1000}).json()["incidents"]
        return next(row for row in rows if row["location"] and row["location"]["name"] == place)
    return find


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def serve_process(db: Path, *extra: str) -> tuple[subprocess.Popen, str]:
    """`sitrep serve` as a subprocess on a free loopback port, once it answers."""
    port = free_port()
    package_root = str(Path(sitrep.__file__).resolve().parents[1])
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        [package_root] + [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]))
    process = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port),
                                *extra], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"sitrep serve exited {process.returncode}: {process.stderr.read()}")
        try:
            with urllib.request.urlopen(url + "/api/v1/openapi.json", timeout=2):
                return process, url
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.2)
    process.kill()
    raise AssertionError("sitrep serve did not answer within 90 s")


@pytest.fixture(scope="session")
def start_server():
    """Starts `sitrep serve` on a store: returns (process, base URL); the caller stops it."""
    return serve_process


@pytest.fixture(scope="session")
def server(example_db):
    process, url = serve_process(example_db)
    yield url
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="session")
def browser():
    """Debian's chromium under Playwright; the test FAILS (never skips) if it cannot start."""
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        try:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        except Error as error:
            pytest.fail(f"cannot start {CHROMIUM} (install Debian's chromium package): {error}", pytrace=False)
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A fresh page that records dialogs and console errors (CSP violations show there)."""
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    page.dialogs, page.errors = [], []
    page.on("dialog", lambda dialog: (page.dialogs.append(dialog.message), dialog.dismiss()))
    page.on("console", lambda message: page.errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()
