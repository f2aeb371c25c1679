"""ACLED-style CSV rows of incidents.

``year`` and ``country`` are filled wherever sitrep knows them (the incident's
place, else the places of its claims). ACLED requires a date and a country: a
row without one is still written, never silently, with ``sitrep_flags`` naming
what is missing (``missing_date``, ``missing_country``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from typing import IO

from ..store.sqlite import IncidentDetail
from .common import country_iso3, country_name, notes, sequence_of, span_days, write_csv

COLUMNS = ("event_id_cnty", "event_date", "year", "time_precision", "event_type", "sub_event_type",
           "actor1", "actor2", "country", "admin1", "location", "latitude", "longitude",
           "geo_precision", "source", "notes", "fatalities", "sitrep_flags")


def time_precision(days: int | None) -> int:
    """ACLED: 1 the exact day, 2 within a week, 3 within a month or vaguer."""
    if days is None:
        return 3
    return 1 if days == 0 else 2 if days <= 7 else 3


def known_country(detail: IncidentDetail) -> str | None:
    """The incident's country code: its place's, else the one its claims' places give most."""
    location = detail.incident.location
    if location is not None and location.country:
        return location.country
    counts = Counter(c.claim.location.country for c in detail.claims
                     if c.claim.location is not None and c.claim.location.country)
    return counts.most_common(1)[0][0] if counts else None


def missing_fields(detail: IncidentDetail) -> list[str]:
    """Required fields sitrep could not fill for this incident."""
    missing = []
    if detail.incident.date.start is None:
        missing.append("missing_date")
    if known_country(detail) is None:
        missing.append("missing_country")
    return missing


def row(detail: IncidentDetail) -> dict[str, object]:
    incident = detail.incident
    location = incident.location
    country = known_country(detail)
    return {
        "event_id_cnty": f"{country_iso3(country)}{sequence_of(incident.id)}",
        "event_date": incident.date.start.isoformat() if incident.date.start else "",
        "year": incident.date.start.year if incident.date.start else "",
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
        "sitrep_flags": ";".join(missing_fields(detail)),
    }


def write(details: Iterable[IncidentDetail], stream: IO[str]) -> int:
    return write_csv(details, stream, columns=COLUMNS, row=row)
