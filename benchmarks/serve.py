"""Time `sitrep serve` on a generated store of 100,000 incidents, on one core.

Targets (issue 12): a filtered ``/incidents`` page and a one-country ``/incidents.geojson``
view answer in under 100 ms at the median and 300 ms at p95; the page's first render
with the example store (the README's ingest of the bundled example and fixture articles)
is under 1 s in headless chromium.

The store is written in bulk with SQL (documents, claims, then incidents, whose triggers
fill the map columns and the text index as ``IncidentStore.add`` would); requests go
through Starlette's test client (the whole ASGI stack, no socket) and, for the page,
through a real ``sitrep serve`` on loopback.

Usage: python benchmarks/serve.py [--incidents 100000] [--requests 60] [--no-browser]
Last line of output: the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

from sitrep.records import Actor, CasualtyClaim, Count, DateRange, Figures, Incident, Location, Source, Span, Victims
from sitrep.store import IncidentStore
from sitrep.store.codec import dumps

ROOT = Path(__file__).resolve().parents[1]
COUNTRIES = {  # code: (lat, lon) of a rough centre; incidents scatter about 4 degrees around it
    "SY": (35.0, 38.5), "YE": (15.5, 47.5), "UA": (48.5, 33.0), "SD": (14.0, 30.0), "ML": (15.0, -2.0),
    "NG": (9.5, 8.0), "SO": (5.0, 46.0), "CD": (-2.5, 23.5), "MM": (20.0, 96.0), "AF": (34.0, 66.0),
    "IQ": (33.0, 44.0), "BF": (12.3, -1.5), "ET": (9.0, 39.5), "MX": (23.5, -102.0), "CO": (4.0, -73.5),
    "PK": (30.0, 70.0), "LY": (27.0, 17.0), "CM": (5.5, 12.5), "MZ": (-18.0, 35.5), "HT": (19.0, -72.5),
}
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
               "Strategic developments")
WORDS = ("market village convoy checkpoint river bridge school clinic road district patrol farm camp "
         "mosque church harbour station valley").split()
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run", "--disable-quic"]


def generate(path: Path, count: int, seed: int = 12) -> float:
    """Write ``count`` incidents (one document and one claim each) to a new store; seconds taken."""
    started = time.perf_counter()
    IncidentStore(path).close()  # schema
    rng = random.Random(seed)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA synchronous=OFF")
    db.execute("BEGIN")
    codes = list(COUNTRIES)
    first_day = dt.date(2023, 1, 1)
    documents, claims, incidents = [], [], []
    for n in range(1, count + 1):
        country = codes[n % len(codes)]
        lat0, lon0 = COUNTRIES[country]
        day = first_day + dt.timedelta(days=rng.randrange(3 * 365))
        killed = int(rng.lognormvariate(1.2, 1.1))
        high = killed if rng.random() > 0.2 else int(killed * rng.uniform(1.3, 3)) + 1
        place = f"{rng.choice(WORDS).title()} {n}"
        location = Location(place, f"Province {n % 17}", country, round(lat0 + rng.uniform(-4, 4), 5),
                            round(lon0 + rng.uniform(-4, 4), 5), rng.choice((1, 1, 1, 2, 3)))
        sentence = (f"{killed} people were killed near the {rng.choice(WORDS)} in {place} "
                    f"on {day:%B %d}, the {rng.choice(WORDS)} monitor said.")
        key, incident_id = f"doc-{n}", f"inc-{n:06d}"
        claim = CasualtyClaim(id="c1", outcome="killed", count=Count(killed, killed, "exact", str(killed)),
                              victims=Victims("civilians", None), perpetrator=None,
                              source=Source(f"Monitor {n % 50}", "monitor"), date=DateRange(day, day),
                              location=location, evidence=Span(0, len(sentence), sentence))
        incident = Incident(id=incident_id, event_type=rng.choice(EVENT_TYPES), sub_event_type=None,
                            date=DateRange(day, day), location=location, actor1=Actor("Gunmen"), actor2=None,
                            killed=Figures(killed, killed, high), injured=Figures(), claims=("c1",),
                            sources=(claim.source.name,), disputed=high > killed * 1.2)
        documents.append((key, key, f"hash-{n}", day.isoformat(), b"", n, "2026-01-01T00:00:00", sentence))
        claims.append((key, "c1", 0, incident_id, dumps(claim)))
        incidents.append((incident_id, n, day.isoformat(), day.isoformat(), country, incident.event_type,
                          killed, 1, dumps(incident), "2026-01-01T00:00:00"))
    db.executemany("INSERT INTO documents (key, source_id, content_hash, published, signature, sequence,"
                   " ingested_at, text) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", documents)
    db.executemany("INSERT INTO claims (document, claim_id, position, incident_id, record) VALUES (?, ?, ?, ?, ?)",
                   claims)
    db.executemany("INSERT INTO incidents (id, sequence, date_start, date_end, country, event_type, killed_best,"
                   " documents, record, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", incidents)
    db.execute("COMMIT")
    db.execute("ANALYZE")
    db.close()
    return time.perf_counter() - started


def timed(client, urls: list[str], rounds: int) -> dict:
    for url in urls:  # warm up: first touch of the pages
        assert client.get(url).status_code == 200, url
    times = []
    for n in range(rounds):
        url = urls[n % len(urls)]
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, response.text
    times.sort()
    return {"median_ms": round(statistics.median(times), 1),
            "p95_ms": round(times[min(len(times) - 1, int(len(times) * 0.95))], 1),
            "bytes": len(client.get(urls[0]).content)}


def api_figures(path: Path, rounds: int) -> dict:
    from starlette.testclient import TestClient

    from sitrep.serve import ServeConfig, create_app

    client = TestClient(create_app(ServeConfig(db=str(path))))
    codes = list(COUNTRIES)
    lists = [f"/api/v1/incidents?country={c}&since=2024-01-01&min_killed=5&limit=100" for c in codes[:8]]
    lists_q = [f"/api/v1/incidents?type=Battles&disputed=true&q={w}&limit=100" for w in WORDS[:8]]
    geojson = [f"/api/v1/incidents.geojson?country={c}" for c in codes[:8]]
    view = [f"/api/v1/incidents.geojson?bbox={lon - 3},{lat - 3},{lon + 3},{lat + 3}&since=2025-01-01"
            for lat, lon in list(COUNTRIES.values())[:8]]
    return {
        "incidents_filtered_page": timed(client, lists, rounds),
        "incidents_text_search_page": timed(client, lists_q, rounds),
        "geojson_one_country": timed(client, geojson, rounds),
        "geojson_map_view": timed(client, view, rounds),
        "clusters_world": timed(client, ["/api/v1/clusters?zoom=2"], max(10, rounds // 3)),
        "clusters_world_filtered": timed(client, ["/api/v1/clusters?zoom=2&type=Riots"], max(10, rounds // 3)),
        "stats_daily": timed(client, ["/api/v1/stats/daily"], max(10, rounds // 3)),
    }


# stamps, in the page, the moment (ms since navigation) markers, outlines and timeline are drawn
RENDER_CLOCK = """
window.__rendered = {};
new MutationObserver(function () {
  var now = performance.now(), body = document.body, seen = window.__rendered;
  if (!body) { return; }
  if (!seen.markers && body.hasAttribute("data-markers")) { seen.markers = now; }
  if (!seen.outlines && body.hasAttribute("data-outlines")) { seen.outlines = now; }
  if (!seen.timeline && document.querySelector("#timeline .uplot")) { seen.timeline = now; }
}).observe(document, {subtree: true, childList: true, attributes: true});
"""


def first_render(db: Path, runs: int = 5) -> dict:
    """Milliseconds from navigation until markers, country outlines and timeline are all drawn,
    in headless chromium (stamped in the page, so the driver's round trips are not counted)."""
    import socket

    from playwright.sync_api import sync_playwright

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))
    server = subprocess.Popen([sys.executable, "-m", "sitrep", "serve", "--db", str(db), "--port", str(port)],
                              env=env, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        wait_for(url, server)
        times = []
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            for _ in range(runs):
                context = browser.new_context(viewport={"width": 1280, "height": 800})
                page = context.new_page()
                page.add_init_script(RENDER_CLOCK)
                page.goto(url)
                page.wait_for_selector("body[data-markers][data-outlines]")
                page.wait_for_selector("#timeline .uplot")
                drawn = page.evaluate("window.__rendered")
                times.append(max(drawn["markers"], drawn["outlines"], drawn["timeline"]))
                context.close()
            browser.close()
    finally:
        server.terminate()
        server.wait(timeout=10)
    return {"median_ms": round(statistics.median(times), 1), "max_ms": round(max(times), 1), "runs": runs}


def wait_for(url: str, server: subprocess.Popen, timeout: float = 90.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"sitrep serve exited with status {server.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            time.sleep(0.1)
    raise SystemExit(f"sitrep serve did not answer at {url}")


def example_store(folder: Path) -> Path:
    path = folder / "example.db"
    subprocess.run([sys.executable, "-m", "sitrep", "ingest", str(ROOT / "examples"),
                    str(ROOT / "tests" / "fixtures" / "store" / "articles"), "--db", str(path)],
                   check=True, capture_output=True,
                   env=dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", "")))
    return path


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--incidents", type=int, default=100_000)
    parser.add_argument("--requests", type=int, default=60)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    cores = os.sched_getaffinity(0) if hasattr(os, "sched_setaffinity") else None
    if cores:
        os.sched_setaffinity(0, {min(cores)})  # the API on one core
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.db"
        seconds = generate(path, args.incidents)
        print(f"generated {args.incidents:,} incidents in {seconds:.1f} s "
              f"({path.stat().st_size / 2**20:.0f} MiB)", flush=True)
        figures = {"incidents": args.incidents, "api": api_figures(path, args.requests)}
        for name, numbers in figures["api"].items():
            print(f"{name:<28} median {numbers['median_ms']:>7.1f} ms   p95 {numbers['p95_ms']:>7.1f} ms   "
                  f"{numbers['bytes']:>9,} bytes", flush=True)
        if not args.no_browser:
            if cores:
                os.sched_setaffinity(0, cores)  # the server and the browser as a user runs them
            figures["first_render_example_store"] = first_render(example_store(Path(folder)))
            figures["first_render_100k_store"] = first_render(path, runs=3)
            for name in ("first_render_example_store", "first_render_100k_store"):
                numbers = figures[name]
                print(f"{name:<28} median {numbers['median_ms']:>7.1f} ms   max {numbers['max_ms']:>7.1f} ms")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
