"""The Dask client: a local cluster of worker processes or an existing scheduler, and
an in-order map over it with a fixed number of tasks in flight.

Worker deaths are Dask's to handle: the scheduler re-runs a dead worker's tasks on
the others (up to ``distributed.scheduler.allowed-failures`` times a task), and a
task that raised is retried ``retries`` times. Tasks are idempotent (a shard is
written under a temporary name and renamed), so a re-run loses and doubles nothing.
"""

from __future__ import annotations

import logging
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any

import dask
from distributed import Client, Future, KilledWorker, LocalCluster

from ..errors import ExtractionError, InputError
from .worker import PipelineLoader

RETRIES = 2
IN_FLIGHT_PER_WORKER = 2
WORKER_MEMORY_LIMIT = "2GiB"  # the nanny restarts a worker past 95% of it; a worker uses ~0.8 GiB
CONNECT_TIMEOUT = "20s"
# The worker's statistical profiler feeds the dashboard (off here) and costs a few % of CPU.
LOCAL_CONFIG = {"distributed.worker.profile.enabled": False}


@contextmanager
def dask_client(*, workers: int | None = None, scheduler: str | None = None) -> Iterator[Client]:
    """A client of ``scheduler`` (``tcp://host:8786``), else of a local cluster of
    ``workers`` single-threaded worker processes; each worker loads the Pipeline once."""
    if scheduler:
        try:
            client = Client(scheduler, timeout=CONNECT_TIMEOUT, set_as_default=False)
        except (OSError, TimeoutError) as exc:
            raise InputError(f"cannot connect to the Dask scheduler: {exc}", source=scheduler) from None
        with client:
            client.register_plugin(PipelineLoader())
            yield client
        return
    if workers is None or workers < 1:
        raise InputError(f"--workers must be at least 1, got {workers}")
    with dask.config.set(LOCAL_CONFIG), \
            LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                         dashboard_address=None, silence_logs=logging.ERROR,
                         memory_limit=WORKER_MEMORY_LIMIT) as cluster, \
            Client(cluster, set_as_default=False) as client:
        client.register_plugin(PipelineLoader())
        yield client


def in_flight(client: Client) -> int:
    """How many tasks to keep submitted: enough to keep every worker thread busy."""
    threads = sum(client.nthreads().values()) or 1
    return max(2, IN_FLIGHT_PER_WORKER * threads)


def map_in_order(client: Client, function: Callable[..., Any], items: Iterable[Any], *,
                 arguments: Callable[[Any], tuple] = lambda item: (item,),
                 local: Callable[[Any], bool] = lambda item: False, window: int | None = None,
                 **kwargs: Any) -> Iterator[tuple[Any, Any]]:
    """``(item, function(*arguments(item), **kwargs))`` in input order, run on the cluster
    with at most ``window`` results submitted and not yet consumed (memory stays bounded);
    items for which ``local(item)`` is true pass through as ``(item, None)``."""
    window = window or in_flight(client)
    iterator = iter(items)
    pending: deque[tuple[Any, Future | None]] = deque()
    submitted = 0

    def fill() -> None:
        nonlocal submitted
        while submitted < window:
            item = next(iterator, _END)
            if item is _END:
                return
            if local(item):
                pending.append((item, None))
                continue
            pending.append((item, client.submit(function, *arguments(item), pure=False, retries=RETRIES, **kwargs)))
            submitted += 1

    fill()
    while pending:
        item, future = pending.popleft()
        if future is None:
            yield item, None
            continue
        try:
            result = future.result()
        except KilledWorker as exc:
            raise ExtractionError(f"workers kept dying on this part of the input ({exc}); "
                                  "is a worker running out of memory?", source=_describe(item)) from None
        future.release()
        submitted -= 1
        fill()
        yield item, result


_END = object()


def _describe(item: Any) -> str:
    """A partition as a person would name it: a file and its lines, or its first file."""
    if isinstance(item, tuple):  # (index, partition)
        item = item[-1]
    source = getattr(item, "source", None)
    if source is not None:
        return f"{source.origin}:{item.first_line}-{item.first_line + item.lines - 1}"
    paths = getattr(item, "paths", None)
    return paths[0] if paths else repr(item)
