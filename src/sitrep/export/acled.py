"""ACLED-style CSV rows of incidents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..store.sqlite import IncidentDetail
from .common import country_iso3, country_name, notes, sequence_of, span_days, write_csv

COLUMNS = ("event_id_cnty", "event_date", "time_precision", "event_type", "sub_event_type",
           "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
           "geo_precision", "source", "notes", "fatalities")


def time_precision(days: int | None) -> int:
    """ACLED: 1 the exact day, 2 within a week, 3 within a month or vaguer."""
    if days is None:
        return 3
    return 1 if days == 0 else 2 if days <= 7 else 3


def row(detail: IncidentDetail) -> dict[str, object]:
    incident = detail.incident
    location = incident.location
    country = location.country if location else None
    return {
        "event_id_cnty": f"{country_iso3(country)}{sequence_of(incident.id)}",
        "event_date": incident.date.start.isoformat() if incident.date.start else "",
        "time_precision": time_precision(span_days(detail)),
        "event_type": incident.event_type or "",
        "sub_event_type": incident.sub_event_type or "",
        "actor1": incident.actor1.name if incident.actor1 else "",
        "actor2": incident.actor2.name if incident.actor2 else "",
        "country": country_name(country),
        "admin1": (location.admin1 or "") if location else "",
        "location": location.name if location else "",
        "latitude": location.lat if location and location.lat is not None else "",
        "longitude": location.lon if location and location.lon is not None else "",
        "geo_precision": (location.precision or "") if location else "",
        "source": "; ".join(incident.sources),
        "notes": notes(detail),
        "fatalities": incident.killed.best if incident.killed.best is not None else 0,
    }


def write(details: Iterable[IncidentDetail], stream: IO[str]) -> int:
    return write_csv(details, stream, columns=COLUMNS, row=row)
