"""Inputs -> partitions that workers read themselves, in input order.

A JSONL input (a local path, a glob, or any URL fsspec reads, such as ``s3://``;
``.jsonl`` or compressed ``.jsonl.gz``/``.bz2``/``.xz``/``.zst``) is first surveyed
by a worker, which counts its lines and notes where every ``partition_size``-th line
starts; each partition is then a range of lines, which a worker reads by seeking to
its byte offset (compressed files: by skipping the lines before it). Other files
(articles, feeds) are grouped ``partition_size`` files a partition. The client only
ever holds these small descriptions, never the articles.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

import fsspec
from fsspec.utils import infer_compression

from ..errors import InputError
from ..ingest.folders import Skipped, expand_paths, read_path
from ..ingest.readers import read_jsonl
from ..records import Document

PARTITION_SIZE = 200  # lines (records) or files a partition
JSONL_NAMES = (".jsonl", ".jsonl.gz", ".jsonl.bz2", ".jsonl.xz", ".jsonl.zst")


@dataclass(frozen=True, slots=True)
class JsonlInput:
    """One JSONL file as workers open it (``url``) and as records name it (``origin``)."""

    url: str
    origin: str


@dataclass(frozen=True, slots=True)
class LinePartition:
    """Lines ``first_line`` .. ``first_line + lines - 1`` of a JSONL file."""

    source: JsonlInput
    first_line: int
    lines: int
    offset: int | None  # byte offset of the first line; None in a compressed file


@dataclass(frozen=True, slots=True)
class FilePartition:
    """Article and feed files, read whole."""

    paths: tuple[str, ...]


Partition = LinePartition | FilePartition


def is_jsonl(name: str) -> bool:
    return name.lower().endswith(JSONL_NAMES)


def expand_inputs(inputs: Iterable[str], *, jsonl_only: bool = False
                  ) -> Iterator[JsonlInput | str | Skipped | InputError]:
    """Files in input order: JSONL inputs, other local files (paths), skipped files, errors.

    Local paths and folders are expanded as a serial ingest expands them; URLs and
    glob patterns through fsspec. With ``jsonl_only`` every file is taken as JSONL
    (``sitrep extract --jsonl``).
    """
    for raw in inputs:
        if "://" in raw or any(c in raw for c in "*?["):
            yield from _expand_url(raw)
            continue
        for item in expand_paths([raw]):
            if not isinstance(item, Path):
                yield item
            elif jsonl_only or is_jsonl(item.name):
                yield JsonlInput(url=os.path.abspath(item), origin=str(item))
            else:
                yield str(item)


def _expand_url(pattern: str) -> Iterator[JsonlInput | InputError]:
    try:
        files = fsspec.open_files(pattern, "rb")
    except (OSError, ValueError) as exc:
        yield InputError(f"cannot list: {exc}", source=pattern)
        return
    if not files:
        yield InputError("no such file (nothing matches)", source=pattern)
    local = "://" not in pattern
    for file in files:
        url = file.path if local else file.fs.unstrip_protocol(file.path)
        origin = os.path.relpath(url) if local and not os.path.isabs(pattern) else url
        yield JsonlInput(url=url, origin=origin)


def survey(source: JsonlInput, *, partition_size: int) -> list[LinePartition] | InputError:
    """A JSONL file's partitions (runs on a worker: it reads the whole file once)."""
    compressed = infer_compression(source.url) is not None
    starts: list[tuple[int, int]] = []
    lines = offset = 0
    try:
        with fsspec.open(source.url, "rb", compression="infer") as stream:
            for raw in stream:
                if lines % partition_size == 0:
                    starts.append((lines + 1, offset))
                lines += 1
                offset += len(raw)
    except OSError as exc:
        return InputError(f"cannot read file: {exc.strerror or exc}", source=source.origin)
    return [LinePartition(source=source, first_line=first, lines=min(partition_size, lines - first + 1),
                          offset=None if compressed else at) for first, at in starts]


def partitions(inputs: Iterable[JsonlInput | str | Skipped | InputError], *,
               surveyed: Iterable[list[LinePartition] | InputError],
               partition_size: int = PARTITION_SIZE) -> Iterator[Partition | Skipped | InputError]:
    """Partitions in input order; ``surveyed`` holds the survey of each JSONL input in turn."""
    surveys = iter(surveyed)
    files: list[str] = []
    for item in inputs:
        if isinstance(item, str):
            files.append(item)
            if len(files) == partition_size:
                yield FilePartition(tuple(files))
                files = []
            continue
        if files:
            yield FilePartition(tuple(files))
            files = []
        if isinstance(item, JsonlInput):
            survey_of = next(surveys)
            if isinstance(survey_of, InputError):
                yield survey_of
            else:
                yield from survey_of
        else:
            yield item
    if files:
        yield FilePartition(tuple(files))


def read_partition(partition: Partition) -> Iterator[Document | InputError]:
    """The records of a partition, as a serial read of the same lines or files gives them."""
    if isinstance(partition, FilePartition):
        for path in partition.paths:
            yield from read_path(Path(path))
        return
    source = partition.source
    try:
        with fsspec.open(source.url, "rb", compression="infer") as stream:
            if partition.offset is not None:
                stream.seek(partition.offset)
            else:
                for _line in islice(stream, partition.first_line - 1):
                    pass
            yield from read_jsonl(islice(stream, partition.lines), origin=source.origin,
                                  first_line=partition.first_line)
    except OSError as exc:
        yield InputError(f"cannot read file: {exc.strerror or exc}", source=source.origin)
