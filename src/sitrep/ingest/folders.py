"""Paths (files and folders, recursively) -> a stream of Documents.

Folders are walked in sorted order and only files with a known suffix are
read (.txt, .html, .htm, .json, .jsonl, .xml, .rss, .atom); the others are
reported as skipped, and so is anything that is not a regular file (a FIFO,
a socket, a device, a broken link: reading a FIFO would wait forever). A
folder that cannot be listed is an :class:`~sitrep.errors.InputError` (a
failure, not a silent skip). A file named on the command line is read whatever
its suffix (plain text unless it says otherwise); a named path that is not a
regular file or folder is an error. Bad files and bad records come out of the
stream as :class:`~sitrep.errors.InputError` naming them; an unexpected error
reading one file fails that file only.
"""

from __future__ import annotations

import os
import stat
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
        elif path.exists():
            yield InputError(f"not a regular file or folder ({_kind(path)})", source=str(path))
        else:
            yield InputError("no such file or folder", source=str(path))


def _walk(folder: Path) -> Iterator[Path | Skipped | InputError]:
    unreadable: list[OSError] = []
    for root, dirs, files in os.walk(folder, onerror=unreadable.append):
        yield from _folder_errors(unreadable)
        dirs.sort()
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = Path(root) / name
            if not path.is_file():
                yield Skipped(path, f"not a regular file ({_kind(path)})")
            elif path.suffix.lower() in FOLDER_SUFFIXES:
                yield path
            else:
                yield Skipped(path, f"unsupported file type {path.suffix or '(no suffix)'!r}")
    yield from _folder_errors(unreadable)


def _folder_errors(errors: list[OSError]) -> Iterator[InputError]:
    while errors:
        error = errors.pop(0)
        yield InputError(f"cannot read folder: {error.strerror or error}", source=error.filename)


def _kind(path: Path) -> str:
    """What a path that is not a regular file is."""
    try:
        mode = path.stat().st_mode
    except OSError:
        return "a broken link" if path.is_symlink() else "unreadable"
    for test, name in ((stat.S_ISFIFO, "a FIFO"), (stat.S_ISSOCK, "a socket"), (stat.S_ISCHR, "a device"),
                       (stat.S_ISBLK, "a device")):
        if test(mode):
            return name
    return "not a regular file"


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
    except Exception as exc:  # noqa: BLE001 - a reader's defect on one file must not end the run
        yield InputError(f"cannot read file: {type(exc).__name__}: {exc}", source=str(path))


def read_paths(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Document | InputError | Skipped]:
    """Every document under ``paths``; errors and skipped files are yielded in place."""
    for item in expand_paths(paths):
        if isinstance(item, Path):
            yield from read_path(item)
        else:
            yield item
