"""``sitrep eval``: score extraction against gold JSONL files (see :mod:`sitrep.evaluate`)."""

from __future__ import annotations

import argparse
import json
from collections.abc import Sequence
from typing import IO

from ..errors import InputError
from ..evaluate import FIGURES, DatasetReport, EvalReport, Mismatch, evaluate, read_gold, read_gold_files
from ..pipeline import Pipeline
from .extract import positive_int

FIGURE_LABELS = {
    "killed": "killed", "killed_gt0": "  gold > 0", "killed_eq0": "  gold = 0",
    "killed_stated": "  stated (> 0)", "killed_in_text": "  coded in text",
    "injured": "injured", "injured_gt0": "  gold > 0", "injured_eq0": "  gold = 0",
    "injured_stated": "  stated (> 0)",
    "date": "date", "place": "place", "country": "country", "event_type": "event_type",
    "sub_event_type": "sub_event_type",
}


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "eval", help="score extraction against gold JSONL files",
        description="Run extraction over gold rows and print, per dataset, the share of rows whose "
                    "killed, injured, date, place, country, event type and sub-event type are right.",
    )
    parser.add_argument("gold", nargs="*", help="gold JSONL file(s)")
    parser.add_argument("--pairs", metavar="FILE",
                        help="same-event pairs JSONL: ingest each pair into a fresh store and print "
                             "precision, recall and F1 of 'merged' (all pairs and both halves)")
    parser.add_argument("--one-store", metavar="FILE",
                        help="gold JSONL of distinct events: ingest all into one store (published = "
                             "coded date) and compare total killed and incidents with deaths")
    parser.add_argument("--limit", type=positive_int, metavar="N",
                        help="score only the first N rows of each file (after --dataset)")
    parser.add_argument("--dataset", metavar="NAME", help="score only rows of this dataset")
    parser.add_argument("--format", choices=("table", "json"), default="table",
                        help="table (default, for people) or json (one object)")
    parser.add_argument("--errors", metavar="FILE",
                        help="write each wrong figure as a JSONL line {id, dataset, field, gold, predicted}")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.pairs or args.one_store:
        return run_merging(args)
    if not args.gold:
        raise InputError("give gold JSONL file(s), --pairs FILE or --one-store FILE", source="eval")
    datasets: set[str] = set()
    for path in args.gold:  # fail on a malformed gold line before any extraction is spent
        datasets.update(row.dataset for row in read_gold(path))
    if args.dataset is not None and args.dataset not in datasets:
        held = ", ".join(sorted(datasets)) or "none"
        raise InputError(f"no rows of dataset {args.dataset!r} in {', '.join(args.gold)} (datasets: {held})")
    rows = read_gold_files(args.gold, limit=args.limit, dataset=args.dataset)
    errors = _open_errors(args.errors)
    try:
        on_mismatch = None if errors is None else _writer(errors)
        report = evaluate(rows, pipeline=Pipeline(), on_mismatch=on_mismatch)
    finally:
        if errors is not None:
            errors.close()
    if args.format == "json":
        print(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        print(format_report(report))
    return 0


def _open_errors(path: str | None) -> IO[str] | None:
    if path is None:
        return None
    try:
        return open(path, "w", encoding="utf-8")
    except OSError as exc:
        raise InputError(f"cannot write errors file: {exc.strerror or exc}", source=path) from None


def _writer(stream: IO[str]):
    def write(mismatch: Mismatch) -> None:
        stream.write(json.dumps(mismatch.to_dict(), ensure_ascii=False) + "\n")

    return write


def format_report(report: EvalReport) -> str:
    """One column per dataset (and ``all`` when there are several): value and n per figure."""
    columns: Sequence[DatasetReport] = report.datasets
    if len(columns) != 1:
        columns = (*columns, report.total)
    width = max([16, *(len(c.name) + 2 for c in columns)])
    lines = [f"{'figure':<16}" + "".join(f"{c.name:>{width}}" for c in columns),
             f"{'rows':<16}" + "".join(f"{c.rows:>{width}}" for c in columns)]
    if any(c.failed for c in columns):
        lines.append(f"{'failed':<16}" + "".join(f"{c.failed:>{width}}" for c in columns))
    for name in FIGURES:
        cells = []
        for column in columns:
            figure = column.figure(name)
            cell = "-" if figure.value is None else f"{figure.value:.3f} (n={figure.n})"
            cells.append(f"{cell:>{width}}")
        lines.append(f"{FIGURE_LABELS[name]:<16}" + "".join(cells))
    return "\n".join(lines)


def run_merging(args: argparse.Namespace) -> int:
    """``--pairs`` and ``--one-store``: how well the store merges (see :mod:`sitrep.evaluate_pairs`)."""
    from ..evaluate_pairs import (
        evaluate_one_store, evaluate_pairs, format_one_store, format_pair_report, read_pairs,
    )

    output: dict = {}
    if args.pairs:
        pairs = list(read_pairs(args.pairs))
        report = evaluate_pairs(pairs[:args.limit] if args.limit else pairs, pipeline=Pipeline())
        output["pairs"] = report.to_dict()
        if args.format == "table":
            print(format_pair_report(report))
    if args.one_store:
        rows = list(read_gold_files([args.one_store], limit=args.limit, dataset=args.dataset))
        one = evaluate_one_store(rows, pipeline=Pipeline())
        output["one_store"] = one.to_dict()
        if args.format == "table":
            print(format_one_store(one))
    if args.format == "json":
        print(json.dumps(output, ensure_ascii=False))
    return 0
