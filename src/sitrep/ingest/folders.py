"""Paths (files and folders, recursively) -> a stream of Documents.

Folders are walked in sorted order and only files with a known suffix are
read (.txt, .html, .htm, .json, .jsonl, .xml, .rss, .atom); the others are
reported as skipped. A file named on the command line is read whatever its
suffix (plain text unless it says otherwise). Bad files and bad records come
out of the stream as :class:`~sitrep.errors.InputError` naming them.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..errors import InputError
from ..records import Document
from .feeds import FEED_SUFFIXES, read_feed
from .readers import read_document, read_jsonl

ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", ".json"})
JSONL_SUFFIXES = frozenset({".jsonl"})
FOLDER_SUFFIXES = ARTICLE_SUFFIXES | JSONL_SUFFIXES | FEED_SUFFIXES


@dataclass(frozen=True, slots=True)
class Skipped:
    """A file in a folder that sitrep does not read."""

    path: Path
    reason: str


def expand_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | Skipped | InputError]:
    """Files to read, in order: named files as given, folders walked recursively."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file():
            yield path
        else:
            yield InputError("no such file or folder", source=str(path))


def _walk(folder: Path) -> Iterator[Path | Skipped]:
    for root, dirs, files in os.walk(folder):
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if path.suffix.lower() in FOLDER_SUFFIXES:
                yield path
            else:
                yield Skipped(path, f"unsupported file type {path.suffix or '(no suffix)'!r}")


def read_path(path: Path) -> Iterator[Document | InputError]:
    """The documents of one file: an article, a JSONL stream or a feed."""
    suffix = path.suffix.lower()
    try:
        if suffix in JSONL_SUFFIXES:
            with path.open("rb") as stream:
                yield from read_jsonl(stream, origin=str(path))
        elif suffix in FEED_SUFFIXES:
            yield from read_feed(path)
        else:
            yield read_document(path)
    except InputError as error:
        yield error
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror or exc}", source=str(path))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | InputError | Skipped]:
    """Every document under ``paths``; errors and skipped files are yielded in place."""
    for item in expand_paths(paths):
        if isinstance(item, Path):
            yield from read_path(item)
        else:
            yield item
