"""A GeoJSON FeatureCollection of incidents (null geometry where the place is not located)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..store.sqlite import IncidentDetail
from .jsonl import incident_object


def feature(detail: IncidentDetail) -> dict:
    location = detail.incident.location
    geometry = None
    if location is not None and location.lat is not None and location.lon is not None:
        geometry = {"type": "Point", "coordinates": [location.lon, location.lat]}
    return {"type": "Feature", "id": detail.incident.id, "geometry": geometry,
            "properties": incident_object(detail)}


def collection(details: Iterable[IncidentDetail]) -> dict:
    return {"type": "FeatureCollection", "features": [feature(d) for d in details]}


def write(details: Iterable[IncidentDetail], stream: IO[str]) -> int:
    data = collection(details)
    json.dump(data, stream, ensure_ascii=False)
    stream.write("\n")
    return len(data["features"])
