"""Ingest: read paths, extract each new document, store and reconcile it.

Documents already stored (same URL or same text) are not extracted again, so
a re-run after a kill resumes where the previous run stopped. Unreadable files
and records, documents the pipeline could not process and documents that could
not be stored (whatever the error: a number SQLite cannot hold, a date that
overflows) are recorded in the store's ``failures`` table and listed in the
:class:`IngestReport`; the run goes on, so one bad document never stops it, on
the first run or on a resume. Publication dates outside a plausible range are
ignored with a warning before anything is stored.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TYPE_CHECKING, Protocol

from ..clean.characters import replace_lone_surrogates
from ..errors import InputError, SitrepError, StoreError
from ..ingest.folders import Skipped, read_paths
from ..ingest.readers import with_plausible_published, without_lone_surrogates
from ..records import Document, Result
from .dedup import content_hash
from .sqlite import IncidentStore


if TYPE_CHECKING:
    from ..pipeline import FailedDocument


class ExtractsMany(Protocol):
    """What ingest needs of a pipeline: results in input order, failures in place."""

    def extract_many(self, items: Iterable[Document | InputError]) -> Iterator[Result | FailedDocument]:
        ...


@dataclass(frozen=True, slots=True)
class IngestFailure:
    origin: str
    record_id: str | None
    code: str
    message: str


@dataclass(slots=True)
class IngestReport:
    added: int = 0
    copies: int = 0
    duplicates: int = 0
    failures: list[IngestFailure] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    incidents: set[str] = field(default_factory=set)  # created or updated

    @property
    def succeeded(self) -> int:
        """Documents stored or already there."""
        return self.added + self.copies + self.duplicates

    @property
    def processed(self) -> int:
        return self.succeeded + len(self.failures)

    def exit_code(self, *, strict: bool = False) -> int:
        """0 if any document succeeded (or nothing failed); with ``strict``, 1 on any failure."""
        if self.failures and (strict or self.succeeded == 0):
            return 1
        return 0


def ingest_paths(paths: Iterable[str | os.PathLike[str]], *, store: IncidentStore,
                 pipeline: ExtractsMany,
                 progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest files, folders (recursively), JSONL and feed files into ``store``."""
    return ingest_items(read_paths(paths), store=store, pipeline=pipeline, progress=progress)


def ingest_items(items: Iterable[Document | InputError | Skipped], *, store: IncidentStore,
                 pipeline: ExtractsMany,
                 progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Ingest a stream of documents (errors and skipped files pass into the report).

    Anything the pipeline yields that is not a :class:`Result` is a failed document
    (:class:`sitrep.pipeline.FailedDocument`: ``id`` and ``error``).
    """
    report = IngestReport()
    pending: deque[Document] = deque()
    tick = progress or (lambda _report: None)

    def new_documents() -> Iterator[Document]:
        queued: set[str] = set()
        for item in items:
            if isinstance(item, Skipped):
                report.skipped.append(item)
                continue
            if isinstance(item, InputError):
                _fail(report, store, item, origin=item.source or "?", record_id=item.record_id)
                tick(report)
                continue
            item = with_plausible_published(without_lone_surrogates(item))
            try:
                known = store.find_duplicate(item) is not None or content_hash(item.text) in queued
            except Exception as exc:  # noqa: BLE001 - one document's defect must not end a run
                _fail(report, store, _store_error(item, exc), origin=_origin(item), record_id=item.id)
                tick(report)
                continue
            if known:
                report.duplicates += 1
                tick(report)
            else:
                queued.add(content_hash(item.text))
                pending.append(item)
                yield item

    for result in pipeline.extract_many(new_documents()):
        document = pending.popleft()
        if not isinstance(result, Result):
            _fail(report, store, result.error, origin=_origin(document), record_id=document.id)
        else:
            _store(report, store, document, result)
        tick(report)
    return report


def _store(report: IngestReport, store: IncidentStore, document: Document, result: Result) -> None:
    """Add one document; an error storing it is recorded as its failure (the transaction rolled back)."""
    try:
        outcome = store.add(document, result)
    except Exception as exc:  # noqa: BLE001 - one document's defect must not end a run
        _fail(report, store, _store_error(document, exc), origin=_origin(document), record_id=document.id)
        return
    if outcome.status == "duplicate":
        report.duplicates += 1
    elif outcome.status == "copy":
        report.copies += 1
    else:
        report.added += 1
    report.incidents.update(outcome.incidents)


def _origin(document: Document) -> str:
    return document.origin or document.id


def _store_error(document: Document, exc: Exception) -> StoreError:
    if isinstance(exc, StoreError):
        return exc
    return StoreError(f"cannot store the document: {type(exc).__name__}: {exc}", source=_origin(document),
                      record_id=document.id)


def _fail(report: IngestReport, store: IncidentStore, error: SitrepError, *, origin: str,
          record_id: str | None) -> None:
    origin = replace_lone_surrogates(origin)[0]  # a file name that is not UTF-8 cannot be stored as it is
    record_id = replace_lone_surrogates(record_id)[0] if record_id is not None else None
    store.record_failure(origin, error, record_id=record_id)
    report.failures.append(IngestFailure(origin=origin, record_id=record_id, code=error.code,
                                         message=error.message))


class ProgressBar:
    """A one-line progress counter on a terminal; silent when the stream is not one."""

    def __init__(self, stream: IO[str] | None = None, *, every: int = 1) -> None:
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = bool(getattr(self.stream, "isatty", lambda: False)())
        self.every = max(1, every)
        self._shown = False

    def __call__(self, report: IngestReport) -> None:
        if not self.enabled or report.processed % self.every:
            return
        self.stream.write(
            f"\r{_bar(report.processed)} {report.processed} documents: {report.added} new, "
            f"{report.copies} near-copies, {report.duplicates} already stored, "
            f"{len(report.failures)} failed")
        self.stream.flush()
        self._shown = True

    def close(self) -> None:
        if self._shown:
            self.stream.write("\n")
            self.stream.flush()


def _bar(done: int, width: int = 12) -> str:
    """A spinner-like bar: the total of a stream of feeds and JSONL is unknown up front."""
    position = done % width
    return "[" + "." * position + "#" + "." * (width - position - 1) + "]"
