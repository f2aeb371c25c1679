"""Cost of one long document: seconds and peak RSS of ``Pipeline.extract`` by text length.

Each size runs in a fresh child process (so its peak RSS is its own): the child
loads the model, extracts one short warm-up article, then one generated
news-like text of exactly N characters (articles from ``benchmarks/throughput.py``
joined), and reports the seconds of that extraction and its peak RSS.
Linear cost shows as a flat seconds-per-100k column; ``--compare-articles`` also
times the same articles as separate documents (the cost a long text should match).

Usage: python benchmarks/long_text.py [--sizes 100000 200000 400000] [--seed 3] [--src PATH]
                                      [--compare-articles]
``--src`` runs another source tree (e.g. an older checkout's ``src``) for a before/after.
Last line of output: the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent

CHILD = r"""
import datetime as dt, json, resource, sys, time
sys.path.insert(0, {benchmarks!r})
from throughput import CorpusGenerator
from sitrep.pipeline import FailedDocument, Pipeline
from sitrep.records import Document

size, seed = {size}, {seed}
parts, total = [], 0
for article in CorpusGenerator(seed=seed).articles(10**7):
    parts.append(article.text)
    total += len(article.text) + 1
    if total >= size:
        break
text = "\n".join(parts)[:size]
pipeline = Pipeline()
for _ in pipeline.extract_many([Document(id="warm", text="Gunmen killed five people in Kaduna on Monday.")]):
    pass
start = time.perf_counter()
(item,) = pipeline.extract_many([Document(id="long", text=text, published=dt.date(2024, 6, 1))])
seconds = time.perf_counter() - start
failed = isinstance(item, FailedDocument)
peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # of the long text, before the comparison
split_seconds = None
if {split}:  # the same articles as separate documents, for comparison
    articles = [Document(id=f"a{{n}}", text=p, published=dt.date(2024, 6, 1)) for n, p in enumerate(parts)]
    start = time.perf_counter()
    for _ in pipeline.extract_many(articles):
        pass
    split_seconds = round(time.perf_counter() - start, 2)
print(json.dumps({{"chars": len(text), "seconds": round(seconds, 2), "as_articles_seconds": split_seconds,
                  "peak_rss_mib": round(peak_kib / 1024),
                  "claims": None if failed else len(item.claims),
                  "error": item.error.message[:200] if failed else None}}))
"""


def run_size(size: int, *, seed: int, src: Path, split: bool = False) -> dict:
    env = dict(os.environ, PYTHONPATH=str(src), OMP_NUM_THREADS="1", OPENBLAS_NUM_THREADS="1")
    code = CHILD.format(benchmarks=str(HERE), size=size, seed=seed, split=split)
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return {"chars": size, "error": (done.stderr.strip().splitlines() or ["?"])[-1]}
    return json.loads(done.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 200_000, 400_000])
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--src", type=Path, default=HERE.parent / "src")
    parser.add_argument("--compare-articles", action="store_true",
                        help="also time the same articles as separate documents (a column 'as articles')")
    args = parser.parse_args(argv)
    rows = []
    print(f"{'chars':>9} {'seconds':>8} {'s/100k':>7} {'peak MiB':>9} {'claims':>7} {'as articles':>12}  error")
    for size in args.sizes:
        row = run_size(size, seed=args.seed, src=args.src.resolve(), split=args.compare_articles)
        rows.append(row)
        seconds = row.get("seconds")
        per = f"{seconds / size * 100_000:7.2f}" if seconds is not None else "      -"
        print(f"{size:>9} {seconds if seconds is not None else '-':>8} {per} "
              f"{row.get('peak_rss_mib', '-'):>9} {row.get('claims', '-'):>7} "
              f"{row.get('as_articles_seconds') or '-':>12}  {row.get('error') or ''}",
              flush=True)
    print(json.dumps({"sizes": rows}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
