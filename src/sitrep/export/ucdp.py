"""UCDP GED-style CSV rows of incidents."""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..store.sqlite import IncidentDetail
from .common import deaths_by_side, independent_documents, source_articles, span_days, write_csv

COLUMNS = ("date_start", "date_end", "date_prec", "side_a", "side_b", "deaths_a", "deaths_b",
           "deaths_civilians", "deaths_unknown", "best", "low", "high", "where_prec",
           "latitude", "longitude", "number_of_sources", "source_article")

WHERE_PRECISION = {1: 1, 2: 2, 3: 4}  # ACLED geo_precision -> UCDP where_prec


def date_precision(days: int | None) -> int:
    """UCDP: 1 the exact day, 2 within 2-6 days, 3 a week, 4 a month, 5 vaguer."""
    if days is None:
        return 5
    if days == 0:
        return 1
    return 2 if days <= 5 else 3 if days <= 7 else 4 if days <= 31 else 5


def where_precision(detail: IncidentDetail) -> int | str:
    location = detail.incident.location
    if location is None:
        return ""
    if location.precision in WHERE_PRECISION:
        return WHERE_PRECISION[location.precision]
    return 6 if location.country and not location.admin1 else ""


def row(detail: IncidentDetail) -> dict[str, object]:
    incident = detail.incident
    location = incident.location
    killed = incident.killed
    end = incident.date.end or incident.date.start
    return {
        "date_start": incident.date.start.isoformat() if incident.date.start else "",
        "date_end": end.isoformat() if end else "",
        "date_prec": date_precision(span_days(detail)),
        "side_a": incident.actor1.name if incident.actor1 else "",
        "side_b": incident.actor2.name if incident.actor2 else "",
        **deaths_by_side(detail),
        "best": killed.best if killed.best is not None else 0,
        "low": killed.low if killed.low is not None else 0,
        "high": killed.high if killed.high is not None else 0,
        "where_prec": where_precision(detail),
        "latitude": location.lat if location and location.lat is not None else "",
        "longitude": location.lon if location and location.lon is not None else "",
        "number_of_sources": len(independent_documents(detail)),
        "source_article": source_articles(detail),
    }


def write(details: Iterable[IncidentDetail], stream: IO[str]) -> int:
    return write_csv(details, stream, columns=COLUMNS, row=row)
