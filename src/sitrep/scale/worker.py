"""What runs on a Dask worker: one Pipeline a process, and the task over one partition.

:func:`worker_pipeline` is a lazy per-process singleton, so spaCy and the gazetteer
load once a worker, not once a task; :class:`PipelineLoader` (a WorkerPlugin) loads
them when a worker joins, so the first task does not pay for it. A task reads its
partition itself (:func:`sitrep.scale.partitions.read_partition`), runs the same
:meth:`Pipeline.extract_many` a serial run does, and either writes its lines as a
result shard (atomically, so a task re-run after a worker died rewrites it whole) or
returns them gzip-compressed to the client.
"""

from __future__ import annotations

import datetime as dt
import threading
from collections import deque
from collections.abc import Iterator
from dataclasses import dataclass, replace

from distributed import WorkerPlugin

from ..pipeline import FailedDocument, Pipeline
from ..records import Document, Result
from .partitions import Partition, read_partition
from .shards import compress, output_line, shard_line, write_shard

WARM_UP = Document(id="warm-up", text="Two soldiers were killed in Aleppo on Monday, officials said.")

_pipeline: Pipeline | None = None
_lock = threading.Lock()


def worker_pipeline() -> Pipeline:
    """This process's Pipeline, made on first use."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            _pipeline = Pipeline()
        return _pipeline


class PipelineLoader(WorkerPlugin):
    """Loads the Pipeline's models on each worker as it starts."""

    name = "sitrep-pipeline"

    def setup(self, worker) -> None:
        worker_pipeline().extract(WARM_UP)


@dataclass(frozen=True, slots=True)
class TaskSpec:
    """What a task makes of its partition.

    ``lines``: "json" or "table" (what ``extract`` prints) or "shard" (for the store);
    ``shard_url``: write them there instead of returning them.
    """

    lines: str = "json"
    shard_url: str | None = None
    published: dt.date | None = None  # for documents that do not give one


@dataclass(frozen=True, slots=True)
class PartitionOutput:
    records: int
    errors: int
    blob: bytes | None = None  # the lines, gzip-compressed, when not written to a shard
    shard: str | None = None


def run_partition(partition: Partition, spec: TaskSpec) -> PartitionOutput:
    """The task: extract a partition's records and write or return its lines."""
    counts = {"records": 0, "errors": 0}

    def lines() -> Iterator[str]:
        for document, item in _extracted(partition, published=spec.published):
            counts["records"] += 1
            counts["errors"] += isinstance(item, FailedDocument)
            if spec.lines == "shard":
                yield shard_line(item, document)
            else:
                yield output_line(item, format=spec.lines)

    if spec.shard_url is not None:
        write_shard(lines(), url=spec.shard_url)
        return PartitionOutput(shard=spec.shard_url, **counts)
    blob, _count = compress(lines())
    return PartitionOutput(blob=blob, **counts)


def _extracted(partition: Partition, *, published: dt.date | None
               ) -> Iterator[tuple[Document | None, Result | FailedDocument]]:
    """Each record with what the pipeline made of it (a bad record has no document)."""
    pending: deque[Document | None] = deque()

    def records():
        for item in read_partition(partition):
            if isinstance(item, Document) and published is not None and item.published is None:
                item = replace(item, published=published)
            pending.append(item if isinstance(item, Document) else None)
            yield item

    for item in worker_pipeline().extract_many(records()):
        yield pending.popleft(), item
