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
    parser.add_argument("--jsonl", action="store_true", help="the input has one JSON object per line")
    parser.add_argument("--published", type=iso_date, metavar="YYYY-MM-DD",
                        help="the article's publication date, if known")
    parser.add_argument("--format", choices=("json", "table"), default="json",
                        help="json (the output contract, default) or a readable table")
    parser.set_defaults(handler=run)


def iso_date(value: str) -> dt.date:
    """An argparse type for YYYY-MM-DD dates."""
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a YYYY-MM-DD date: {value!r}") from None


def run(args: argparse.Namespace) -> int:
    pipeline = Pipeline()
    if args.jsonl:
        return _run_jsonl(args, pipeline)
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


def _run_jsonl(args: argparse.Namespace, pipeline: Pipeline) -> int:
    if args.file == "-":
        stream, origin = sys.stdin.buffer, "<stdin>"
    else:
        try:
            stream, origin = open(args.file, "rb"), args.file
        except OSError as exc:
            raise InputError(f"cannot read file: {exc.strerror or exc}", source=args.file) from None
    with stream:
        return _print_stream(args, pipeline, read_jsonl(stream, origin=origin))


def _print_stream(args: argparse.Namespace, pipeline: Pipeline, documents) -> int:
    """One output line (or table) per document, in order; failures as {"id", "error"} lines."""
    if args.published:
        documents = (_default_published(d, args.published) for d in documents)
    for item in pipeline.extract_many(documents):
        if isinstance(item, FailedDocument):
            line = {"id": item.id, "error": item.error.to_dict()}
            print(json.dumps(line, ensure_ascii=False), flush=True)
            continue
        _warn_at_terminal(item.warnings)
        if args.format == "table":
            print(format_table(item), flush=True)
        else:
            print(json.dumps(to_dict(item), ensure_ascii=False), flush=True)
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
