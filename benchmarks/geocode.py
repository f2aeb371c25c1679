"""Print the gazetteer's build time, load time and memory, and geocoding time per document.

    python benchmarks/geocode.py [--data PATH] [--limit N] [--rebuild]

Build runs in a child process (fresh cache dir unless the cache is reused) so
its peak memory is measured apart. The per-document figures compare
geocoding (mentions + locate) with spaCy's parse of the same texts, the bulk
of ``sitrep extract``'s time.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/dev/acled-2020-dev.jsonl"


def rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def measure_build(cache_dir: str) -> None:
    code = "from sitrep.geocode.gazetteer import get_gazetteer; get_gazetteer()"
    started = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "SITREP_CACHE_DIR": cache_dir})
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"build (child process): {time.perf_counter() - started:.1f} s, peak RSS {peak:.0f} MB")


def measure_load() -> None:
    before = rss_mb()
    started = time.perf_counter()
    from sitrep.geocode.gazetteer import get_gazetteer

    gazetteer = get_gazetteer()
    gazetteer.lookup("Damascus")
    print(f"load + first lookup: {time.perf_counter() - started:.3f} s, "
          f"RSS +{rss_mb() - before:.0f} MB (process {rss_mb():.0f} MB)")
    print(f"file: {gazetteer.path} ({gazetteer.path.stat().st_size / 1e6:.0f} MB on disk)")


def measure_documents(data: Path, limit: int) -> None:
    from sitrep.geocode import Geocoder, find_place_mentions
    from sitrep.nlp import get_nlp

    texts = [json.loads(line)["text"] for line in data.open(encoding="utf-8")][:limit]
    nlp, geocoder = get_nlp(), Geocoder()
    list(nlp.pipe(texts[:8]))
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=64))
    spacy_seconds = time.perf_counter() - started
    started = time.perf_counter()
    for doc in docs:
        mentions = find_place_mentions(doc)
        geocoder.locate(doc.text, [mentions[:4]] if mentions else [])
    geo_seconds = time.perf_counter() - started
    n = len(docs)
    print(f"documents: {n}; spaCy {1000 * spacy_seconds / n:.2f} ms/doc; geocoding "
          f"{1000 * geo_seconds / n:.2f} ms/doc ({100 * geo_seconds / spacy_seconds:.1f}% of spaCy); "
          f"process RSS {rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int, default=500)
    parser.add_argument("--rebuild", action="store_true", help="build in a fresh temporary cache dir")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        if args.rebuild:
            os.environ["SITREP_CACHE_DIR"] = scratch
            measure_build(scratch)
        measure_load()
        measure_documents(args.data, args.limit)


if __name__ == "__main__":
    main()
