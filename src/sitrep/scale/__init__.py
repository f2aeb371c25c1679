"""Extraction on a Dask cluster: partitions of the input read by the workers, one
Pipeline a worker, results in input order (stdout, result shards, or the store).

- :mod:`.cluster`: ``dask_client(workers=N)`` (a local cluster of N worker processes) or
  ``dask_client(scheduler="tcp://host:8786")``; an in-order map with bounded tasks in flight;
- :mod:`.partitions`: inputs -> partitions the workers read themselves (fsspec);
- :mod:`.worker`: the per-worker Pipeline and the task over one partition;
- :mod:`.shards`: output and result-shard lines, and reading shards back;
- :mod:`.run`: ``extract_lines``, ``extract_to_shards``, ``extracted_items``.

Nothing is imported here, so ``sitrep.scale.shards`` does not pull in Dask.
"""
