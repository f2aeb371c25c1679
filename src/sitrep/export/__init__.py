"""Exports of stored incidents: ACLED-style CSV, UCDP GED-style CSV, GeoJSON, JSON Lines."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..store.sqlite import IncidentDetail
from . import acled, geojson, jsonl, ucdp

WRITERS = {"acled": acled.write, "ucdp": ucdp.write, "geojson": geojson.write, "jsonl": jsonl.write}
FORMATS = tuple(WRITERS)


def write_export(details: Iterable[IncidentDetail], *, format: str, stream: IO[str]) -> int:
    """Write incidents in ``format`` to ``stream``; returns how many were written."""
    return WRITERS[format](details, stream)


__all__ = ["FORMATS", "write_export"]
