"""Measure the rule-based ACLED event-type classifier against coded dev data.

Usage: python benchmarks/taxonomy_eval.py [PATH] [--errors N] [--half even|odd]

Prints event-type and sub-event-type accuracy on all rows and on the even / odd
id-hash halves (rules are developed on the even half; the odd half is held out),
per-type precision / recall, the event-type confusion matrix and throughput.
"""

from __future__ import annotations

import argparse
import json
import time
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sitrep.extract.taxonomy import EVENT_TYPES, classify_event

DEFAULT_PATH = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "dev" / "acled-2020-dev.jsonl"
NONE_LABEL = "(none)"
SHORT = {
    "Battles": "BAT",
    "Explosions/Remote violence": "EXP",
    "Violence against civilians": "VAC",
    "Protests": "PRO",
    "Riots": "RIO",
    "Strategic developments": "STR",
    NONE_LABEL: "---",
}


@dataclass(frozen=True, slots=True)
class Scored:
    row_id: str
    text: str
    gold_type: str
    gold_sub: str
    got_type: str
    got_sub: str

    @property
    def even(self) -> bool:
        return zlib.crc32(self.row_id.encode("utf-8")) % 2 == 0


def load_rows(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def score_rows(rows: list[dict]) -> tuple[list[Scored], float]:
    scored = []
    started = time.perf_counter()
    for row in rows:
        got = classify_event(row["text"])
        scored.append(
            Scored(
                row_id=row["id"],
                text=row["text"],
                gold_type=row["gold"]["event_type"],
                gold_sub=row["gold"]["sub_event_type"],
                got_type=got.event_type if got else NONE_LABEL,
                got_sub=got.sub_event_type if got else NONE_LABEL,
            )
        )
    return scored, time.perf_counter() - started


def accuracy(scored: list[Scored]) -> tuple[float, float]:
    if not scored:
        return 0.0, 0.0
    types = sum(s.got_type == s.gold_type for s in scored) / len(scored)
    subs = sum(s.got_type == s.gold_type and s.got_sub == s.gold_sub for s in scored) / len(scored)
    return types, subs


def print_accuracy(scored: list[Scored]) -> None:
    halves = {
        "all": scored,
        "even (dev)": [s for s in scored if s.even],
        "odd (held out)": [s for s in scored if not s.even],
    }
    print(f"{'rows':<16}{'n':>6}{'event_type':>12}{'sub_event':>12}")
    for name, part in halves.items():
        types, subs = accuracy(part)
        print(f"{name:<16}{len(part):>6}{types:>12.3f}{subs:>12.3f}")


def print_per_type(scored: list[Scored]) -> None:
    print(f"\n{'event_type':<30}{'gold':>6}{'pred':>6}{'prec':>7}{'rec':>7}{'f1':>7}")
    for label in EVENT_TYPES:
        gold = sum(s.gold_type == label for s in scored)
        pred = sum(s.got_type == label for s in scored)
        hit = sum(s.gold_type == label and s.got_type == label for s in scored)
        prec = hit / pred if pred else 0.0
        rec = hit / gold if gold else 0.0
        f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
        print(f"{label:<30}{gold:>6}{pred:>6}{prec:>7.2f}{rec:>7.2f}{f1:>7.2f}")


def print_confusion(scored: list[Scored]) -> None:
    labels = [*EVENT_TYPES, NONE_LABEL]
    cells = Counter((s.gold_type, s.got_type) for s in scored)
    print("\nconfusion (rows = gold, columns = predicted)")
    print(" " * 6 + "".join(f"{SHORT[label]:>6}" for label in labels))
    for gold in EVENT_TYPES:
        print(f"{SHORT[gold]:<6}" + "".join(f"{cells[(gold, got)]:>6}" for got in labels))


def print_sub_accuracy(scored: list[Scored]) -> None:
    print(f"\n{'gold sub_event_type (type right)':<45}{'n':>5}{'sub ok':>8}")
    by_sub = Counter((s.gold_type, s.gold_sub) for s in scored)
    for (etype, sub), count in sorted(by_sub.items()):
        ok = sum(s.gold_sub == sub and s.got_sub == sub and s.got_type == etype for s in scored)
        print(f"{SHORT[etype]} {sub:<41}{count:>5}{ok / count:>8.2f}")


def print_errors(scored: list[Scored], *, limit: int, half: str) -> None:
    wrong = [s for s in scored if s.got_type != s.gold_type and (s.even == (half == "even"))]
    print(f"\nfirst {limit} of {len(wrong)} event-type errors ({half} half)")
    for s in wrong[:limit]:
        print(f"- gold {SHORT[s.gold_type]}/{s.gold_sub} got {SHORT[s.got_type]}/{s.got_sub}\n  {s.text[:400]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", nargs="?", type=Path, default=DEFAULT_PATH)
    parser.add_argument("--errors", type=int, default=0, help="print this many misclassified rows")
    parser.add_argument("--half", choices=("even", "odd"), default="even")
    args = parser.parse_args()
    rows = load_rows(args.path)
    scored, seconds = score_rows(rows)
    print(f"{args.path.resolve()}: {len(rows)} rows, {seconds * 1e6 / max(len(rows), 1):.0f} us per text\n")
    print_accuracy(scored)
    print_per_type(scored)
    print_confusion(scored)
    print_sub_accuracy(scored)
    if args.errors:
        print_errors(scored, limit=args.errors, half=args.half)


if __name__ == "__main__":
    main()
