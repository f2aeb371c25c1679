"""Bulk loading: results extracted elsewhere (a Dask run, result shards) into the store.

Records go through :func:`sitrep.store.ingest.ingest_items`, the path of a serial
ingest, with a pipeline that replays the results instead of extracting, so the
store ends up exactly as after a serial ingest of the same documents in the same
order. What changes is the transaction: ``batch_size`` documents share one
(:meth:`IncidentStore.batch`), each document a savepoint in it.

Crash safety: a batch is committed whole or not at all, and every document is
checked against the store (same URL or same text) before it is added, so a load
that was killed and is run again skips what the committed batches hold and adds
the rest: every document stored exactly once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import islice

from ..errors import InputError
from ..ingest.folders import Skipped
from ..pipeline import FailedDocument
from ..records import Document, Result
from .ingest import IngestReport, ingest_items
from .sqlite import IncidentStore

BATCH_SIZE = 500


@dataclass(frozen=True, slots=True)
class Extracted:
    """A document and what extracting it gave: a Result, or the reason it failed."""

    document: Document
    outcome: Result | FailedDocument


LoadItem = Extracted | InputError | Skipped


class ReplayPipeline:
    """Stands in for :class:`sitrep.pipeline.Pipeline`: yields the results already made."""

    def __init__(self, items: Iterable[LoadItem]) -> None:
        self._outcomes = {id(item.document): item.outcome for item in items if isinstance(item, Extracted)}

    def extract_many(self, items: Iterable[Document | InputError]) -> Iterator[Result | FailedDocument]:
        for item in items:
            if isinstance(item, InputError):
                yield FailedDocument(id=item.record_id, error=item)
            else:
                yield self._outcomes[id(item)]


def load(items: Iterable[LoadItem], *, store: IncidentStore, batch_size: int = BATCH_SIZE,
         progress: Callable[[IngestReport], None] | None = None) -> IngestReport:
    """Store ``items`` in input order, ``batch_size`` documents a transaction.

    ``progress`` is called with the report so far after each committed batch.
    """
    report = IngestReport()
    iterator = iter(items)
    while batch := list(islice(iterator, batch_size)):
        documents = [item.document if isinstance(item, Extracted) else item for item in batch]
        with store.batch():
            part = ingest_items(documents, store=store, pipeline=ReplayPipeline(batch))
        _add(report, part)
        if progress is not None:
            progress(report)
    return report


def _add(report: IngestReport, part: IngestReport) -> None:
    """Add the report of the next part of a load to the report of the load."""
    for field in fields(IngestReport):
        total, more = getattr(report, field.name), getattr(part, field.name)
        if isinstance(total, set):
            total.update(more)
        elif isinstance(total, list):
            total.extend(more)
        else:
            setattr(report, field.name, total + more)
