"""Ingest throughput against extraction throughput (target: ingest >= 0.8 x extract).

Generates ``--articles`` made-up incident reports, then times on the same texts:

- ``extract``: ``Pipeline().extract_many`` alone (documents/s);
- ``ingest``: ``ingest_items`` into a fresh SQLite store (reading excluded, as
  for extract): duplicate checks, extraction, MinHash near-copy check, one
  transaction per document and reconciliation;
- ``store alone``: the same ingest replaying the extracted results, i.e. what
  ingest adds to extraction (a figure that other load on the machine moves less).

Models are loaded by a warm-up before either is timed; each is run ``--repeat``
times, alternating, and its best rate kept (the machine is shared).

Usage: python benchmarks/ingest.py [--articles 300] [--seed 5] [--repeat 3]
Last line of output: the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from pathlib import Path

from sitrep.pipeline import Pipeline
from sitrep.records import Document
from sitrep.store import IncidentStore, ingest_items

TOWNS = ("Arvel", "Dorran", "Kestin", "Malvo", "Pereth", "Sundra", "Tolvai", "Ushmar", "Varne", "Zelko")
SOURCES = ("the provincial health office said", "a local monitoring group reported",
           "the interior ministry said", "hospital officials told reporters",
           "residents said", "the regional governor said")
FILLER = ("Shops in the town centre stayed shut for the rest of the day.",
          "Aid groups said access to the area remained difficult.",
          "The road to the district capital was closed by the authorities.",
          "Witnesses described hearing several explosions before dawn.",
          "Families gathered outside the hospital waiting for news.",
          "The government has promised an inquiry into the violence.")


def make_articles(count: int, seed: int) -> list[Document]:
    rng = random.Random(seed)
    start = dt.date(2024, 5, 1)
    articles = []
    for number in range(count):
        town = rng.choice(TOWNS)
        day = start + dt.timedelta(days=rng.randrange(60))
        killed, injured = rng.randint(2, 60), rng.randint(0, 90)
        paragraphs = [
            f"At least {killed} people were killed and {injured} wounded when gunmen attacked "
            f"a market in {town} on {day:%A, %B} {day.day}, {rng.choice(SOURCES)}.",
            " ".join(rng.sample(FILLER, 3)),
            f"Later reports put the toll at {killed + rng.randint(0, 9)}, "
            f"{rng.choice(SOURCES)}. Report number {number}.",
            " ".join(rng.sample(FILLER, 2)),
        ]
        articles.append(Document(id=f"bench-{number}", text="\n\n".join(paragraphs),
                                 published=day + dt.timedelta(days=1)))
    return articles


def time_extract(articles: list[Document]) -> float:
    started = time.perf_counter()
    for _result in Pipeline().extract_many(articles):
        pass
    return len(articles) / (time.perf_counter() - started)


class CachedPipeline:
    """Replays results already extracted: what ingest adds to extraction, alone."""

    def __init__(self, results) -> None:
        self.results = {result.id: result for result in results}

    def extract_many(self, items):
        for item in items:
            yield self.results[item.id]


def time_store_only(articles: list[Document]) -> float:
    """Milliseconds per document that ingest spends outside extraction."""
    pipeline = CachedPipeline(Pipeline().extract_many(articles))
    with tempfile.TemporaryDirectory() as folder:
        with IncidentStore(Path(folder) / "bench.db") as store:
            started = time.perf_counter()
            ingest_items(articles, store=store, pipeline=pipeline)
            return (time.perf_counter() - started) * 1000 / len(articles)


def time_ingest(articles: list[Document]) -> tuple[float, dict]:
    with tempfile.TemporaryDirectory() as folder:
        with IncidentStore(Path(folder) / "bench.db") as store:
            started = time.perf_counter()
            ingest_items(articles, store=store, pipeline=Pipeline())
            seconds = time.perf_counter() - started
            counts = store.counts()
    return len(articles) / seconds, counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--seed", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    articles = make_articles(args.articles, args.seed)
    list(Pipeline().extract_many(make_articles(8, args.seed + 1)))  # warm-up: load models
    extract_rate = ingest_rate = 0.0
    for _round in range(max(1, args.repeat)):
        extract_rate = max(extract_rate, time_extract(articles))
        rate, counts = time_ingest(articles)
        ingest_rate = max(ingest_rate, rate)
    ratio = ingest_rate / extract_rate
    store_ms = time_store_only(articles)
    extract_ms = 1000 / extract_rate
    cost_ratio = extract_ms / (extract_ms + store_ms)
    print(f"extract: {extract_rate:.1f} documents/s")
    print(f"ingest:  {ingest_rate:.1f} documents/s ({counts['documents']} documents, "
          f"{counts['claims']} claims, {counts['incidents']} incidents)")
    print(f"ratio ingest/extract: {ratio:.2f} (target: at least 0.8)")
    print(f"store and reconcile alone: {store_ms:.1f} ms/document; ratio from costs "
          f"{cost_ratio:.2f} (steadier on a busy machine)")
    print(json.dumps({"extract_docs_per_s": round(extract_rate, 1),
                      "ingest_docs_per_s": round(ingest_rate, 1), "ratio": round(ratio, 2),
                      "store_ms_per_doc": round(store_ms, 2), "cost_ratio": round(cost_ratio, 2),
                      **counts}))


if __name__ == "__main__":
    main()
