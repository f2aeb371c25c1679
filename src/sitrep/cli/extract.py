"""``sitrep extract``: one article or a JSONL stream -> result objects (output contract v1)."""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import sys
from dataclasses import replace
from pathlib import Path

from ..errors import InputError
from ..ingest import read_document, read_jsonl, read_text_stream
from ..ingest.feeds import FEED_SUFFIXES, looks_like_feed, read_feed_bytes
from ..pipeline import FailedDocument, Pipeline
from ..records import Document
from ..scale.shards import output_line
from ..serialize import to_dict
from .format import format_table


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "extract", help="extract casualty claims and incidents from articles",
        description="Print the casualty claims and incidents of an article (.txt, .html, .json, "
                    "or - for stdin), of each line of a JSONL file with --jsonl, or of each entry "
                    "of an RSS/Atom feed (.rss, .atom, .xml, or any file that is one): one "
                    "result a line, as for --jsonl. Warnings go to stderr at a terminal.",
    )
    parser.add_argument("file", help="input file, or - for standard input")
    parser.add_argument("more_files", nargs="*", metavar="FILE",
                        help="with --jsonl: more JSONL inputs (paths, globs, fsspec URLs)")
    parser.add_argument("--jsonl", action="store_true", help="the input has one JSON object per line")
    parser.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                        help="the article's publication date, if known")
    parser.add_argument("--format", choices=("json", "table"), default="json",
                        help="json (the output contract, default) or a readable table")
    add_cluster_options(parser)
    parser.add_argument("--out", metavar="DIR",
                        help="with --jsonl --workers/--scheduler: write result shards (part-*.jsonl.gz, "
                             "for `sitrep ingest --results`) here instead of printing")
    parser.set_defaults(handler=run)


def add_cluster_options(parser: argparse.ArgumentParser) -> None:
    """--workers and --scheduler: run extraction on a Dask cluster."""
    parser.add_argument("--workers", type=positive_int, metavar="N",
                        help="extract on a local Dask cluster of N worker processes")
    parser.add_argument("--scheduler", metavar="ADDR",
                        help="extract on an existing Dask cluster, e.g. tcp://10.0.0.5:8786")


def positive_int(value: str) -> int:
    """An argparse type for counts of at least 1."""
    try:
        number = int(value)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {value!r}")
    return number


def iso_date(value: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def run(args: argparse.Namespace) -> int:
    distributed = args.workers is not None or args.scheduler is not None
    if (args.more_files or distributed or args.out) and not args.jsonl:
        raise InputError("several inputs, --workers, --scheduler and --out need --jsonl")
    if args.out and not distributed:
        raise InputError("--out needs --workers N or --scheduler ADDR")
    if distributed:
        return _run_distributed(args)
    pipeline = Pipeline()
    if args.jsonl:
        for name in [args.file, *args.more_files]:
            _run_jsonl(name, args, pipeline)
        return 0
    data = _read_input(args.file)
    if looks_like_feed(data) or Path(args.file).suffix.lower() in FEED_SUFFIXES:
        name = "<stdin>" if args.file == "-" else args.file
        entries = read_feed_bytes(data, origin=name, stem=Path(args.file).stem or "stdin")
        return _print_stream(args, pipeline, entries)
    if args.file == "-":
        document = read_text_stream(io.BytesIO(data), published=args.published)
    else:
        document = read_document(args.file, published=args.published, data=data)
    result = pipeline.extract(document)
    _warn_at_terminal(result.warnings)
    if args.format == "table":
        print(format_table(result))
    else:
        print(json.dumps(to_dict(result), ensure_ascii=False, indent=2))
    return 0


def _run_distributed(args: argparse.Namespace) -> int:
    from ..scale.cluster import dask_client
    from ..scale.run import extract_lines, extract_to_shards

    inputs = [args.file, *args.more_files]
    if "-" in inputs:
        raise InputError("workers read their inputs themselves: give files or URLs, not -")
    with dask_client(workers=args.workers, scheduler=args.scheduler) as client:
        if args.out:
            report = extract_to_shards(client, inputs, out=args.out, published=args.published)
            print(f"{report.records} records ({report.errors} errors) in {len(report.shards)} "
                  f"result shards in {args.out}", file=sys.stderr)
            return 0
        for line in extract_lines(client, inputs, format=args.format, published=args.published):
            print(line, flush=True)
    return 0


def _run_jsonl(name: str, args: argparse.Namespace, pipeline: Pipeline) -> None:
    if name == "-":
        stream, origin = sys.stdin.buffer, "<stdin>"
    else:
        try:
            stream, origin = open(name, "rb"), name
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", source=name) from None
    with stream:
        _print_stream(args, pipeline, read_jsonl(stream, origin=origin))


def _print_stream(args: argparse.Namespace, pipeline: Pipeline, documents) -> int:
    """One output line (or table) per document, in order; failures as {"id", "error"} lines."""
    if args.published:
        documents = (_default_published(d, args.published) for d in documents)
    for item in pipeline.extract_many(documents):
        if not isinstance(item, FailedDocument):
            _warn_at_terminal(item.warnings)
        print(output_line(item, format=args.format), flush=True)
    return 0


def _read_input(file: str) -> bytes:
    if file == "-":
        return sys.stdin.buffer.read()
    path = Path(file)
    if path.exists() and not path.is_file():
        raise InputError("not a regular file", source=file)  # a FIFO or a device would block or never end
    try:
        return path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", source=file) from None


def _warn_at_terminal(warnings: tuple[str, ...]) -> None:
    """Warnings (a text not in English, bytes replaced, a date ignored) on stderr when a person reads it."""
    if sys.stderr.isatty():
        for warning in warnings:
            print(f"sitrep: warning: {warning}", file=sys.stderr)


def _default_published(item, published: dt.date):
    if isinstance(item, Document) and item.published is None:
        return replace(item, published=published)
    return item
