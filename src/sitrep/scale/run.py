"""Distributed extract and ingest: plan partitions, run them on the cluster, in order.

- :func:`extract_lines`: what a serial ``sitrep extract --jsonl`` prints, in input order;
- :func:`extract_to_shards`: one result shard per partition in a folder, for
  ``sitrep ingest --results`` (:func:`sitrep.scale.shards.read_shards`);
- :func:`extracted_items`: documents with their results, in input order, for
  :func:`sitrep.store.bulk.load` (``sitrep ingest --workers``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

import fsspec
from distributed import Client

from ..errors import InputError
from ..ingest.folders import Skipped
from ..store.bulk import LoadItem
from .cluster import map_in_order
from .partitions import PARTITION_SIZE, JsonlInput, Partition, expand_inputs, partitions, survey
from .shards import SHARD_PATTERN, decompress, load_item, shard_name
from .worker import PartitionOutput, TaskSpec, run_partition


@dataclass(slots=True)
class ShardReport:
    records: int = 0
    errors: int = 0
    shards: list[str] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def plan(client: Client, inputs: Iterable[str], *, partition_size: int = PARTITION_SIZE,
         jsonl_only: bool = False) -> Iterator[Partition | Skipped | InputError]:
    """Partitions of ``inputs`` in input order; JSONL files are surveyed on the workers."""
    expanded = list(expand_inputs(inputs, jsonl_only=jsonl_only))
    jsonl = [item for item in expanded if isinstance(item, JsonlInput)]
    futures = client.map(survey, jsonl, partition_size=partition_size, pure=False)
    return partitions(expanded, surveyed=_released(futures), partition_size=partition_size)


def _released(futures: list) -> Iterator:
    """The futures' results in order, each let go of on the cluster once taken."""
    for future in futures:
        result = future.result()
        future.release()
        yield result


def _is_local(item) -> bool:
    return isinstance(item, (Skipped, InputError))


def extract_lines(client: Client, inputs: Iterable[str], *, format: str = "json",
                  published: dt.date | None = None,
                  partition_size: int = PARTITION_SIZE) -> Iterator[str]:
    """The lines ``sitrep extract --jsonl`` prints for ``inputs``, in input order."""
    spec = TaskSpec(lines=format, published=published)
    planned = plan(client, inputs, partition_size=partition_size, jsonl_only=True)
    for item, output in map_in_order(client, run_partition, planned, local=_is_local, spec=spec):
        if isinstance(item, InputError):
            raise item
        if isinstance(output, PartitionOutput):
            yield from decompress(output.blob)


def extract_to_shards(client: Client, inputs: Iterable[str], *, out: str,
                      published: dt.date | None = None,
                      partition_size: int = PARTITION_SIZE) -> ShardReport:
    """Write a result shard per partition of ``inputs`` into the folder ``out``."""
    fs, folder = fsspec.core.url_to_fs(out)
    if fs.exists(folder) and fs.glob(f"{folder.rstrip('/')}/{SHARD_PATTERN}"):
        raise InputError("the folder already holds result shards; give an empty or new one", source=out)
    fs.makedirs(folder, exist_ok=True)
    report = ShardReport()

    def arguments(numbered: tuple[int, Partition]) -> tuple[Partition, TaskSpec]:
        index, partition = numbered
        url = f"{out.rstrip('/')}/{shard_name(index)}"
        return partition, TaskSpec(lines="shard", published=published, shard_url=url)

    planned = _numbered(plan(client, inputs, partition_size=partition_size, jsonl_only=True))
    for item, output in map_in_order(client, run_partition, planned, arguments=arguments,
                                     local=_is_local):
        if isinstance(item, InputError):
            raise item
        if isinstance(item, Skipped):
            report.skipped.append(item)
            continue
        report.records += output.records
        report.errors += output.errors
        report.shards.append(output.shard)
    return report


def extracted_items(client: Client, paths: Iterable[str], *,
                    partition_size: int = PARTITION_SIZE) -> Iterator[LoadItem]:
    """Every record under ``paths`` with its result, in input order (errors in place)."""
    spec = TaskSpec(lines="shard")
    planned = plan(client, paths, partition_size=partition_size)
    for item, output in map_in_order(client, run_partition, planned, local=_is_local, spec=spec):
        if output is None:
            yield item
            continue
        for number, line in enumerate(decompress(output.blob), start=1):
            yield load_item(line, where=f"<result of a partition>:{number}")


def _numbered(items: Iterable[Partition | Skipped | InputError]) -> Iterator:
    """Partitions as ``(index, partition)``, numbered in order; the rest as they are."""
    index = 0
    for item in items:
        if _is_local(item):
            yield item
        else:
            yield index, item
            index += 1

