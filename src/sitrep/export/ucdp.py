"""UCDP GED-style CSV rows of incidents, under GED's column names and codes.

``id`` is the incident's sequence number; ``type_of_violence`` follows GED:
1 state-based (a state's forces are a side), 2 non-state (armed groups only),
3 one-sided (violence against civilians); empty for events GED does not
code (protests, riots, strategic developments) and for clashes and strikes
whose sides are unknown. ``side_a``/``side_b`` are the
actors' names, ``where_coordinates`` the place's name, ``adm_1`` its province.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import IO

from ..store.sqlite import IncidentDetail
from ..extract.victims import victim_category
from ..records import Actor
from .acled import known_country
from .common import (
    country_name, deaths_by_side, independent_documents, sequence_of, source_articles, span_days,
    write_csv,
)

COLUMNS = ("id", "year", "type_of_violence", "side_a", "side_b", "where_prec", "where_coordinates",
           "adm_1", "latitude", "longitude", "country", "date_prec", "date_start", "date_end",
           "deaths_a", "deaths_b", "deaths_civilians", "deaths_unknown", "best", "high", "low",
           "number_of_sources", "source_article")
STATE_BASED, NON_STATE, ONE_SIDED = 1, 2, 3
ORGANISED_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence"})

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


def actor_category(actor: Actor | None) -> str | None:
    """An actor's category by the same rule that names victims' ("state_forces", ...)."""
    if actor is None or not actor.name:
        return None
    words = actor.name.casefold().replace("-", " ").split()
    return victim_category(words, words[-1])


def is_state_actor(actor: Actor | None) -> bool:
    return actor_category(actor) == "state_forces"


def type_of_violence(detail: IncidentDetail) -> int | str:
    incident = detail.incident
    if incident.event_type == "Violence against civilians":
        return ONE_SIDED
    if incident.event_type not in ORGANISED_VIOLENCE:
        return ""
    state_victims = any(c.claim.victims.category == "state_forces" for c in detail.claims)
    if state_victims or is_state_actor(incident.actor1) or is_state_actor(incident.actor2):
        return STATE_BASED
    armed = [a for a in (incident.actor1, incident.actor2) if actor_category(a) not in (None, "civilians")]
    return NON_STATE if armed else ""  # no armed side known: not guessed


def row(detail: IncidentDetail) -> dict[str, object]:
    incident = detail.incident
    location = incident.location
    killed = incident.killed
    end = incident.date.end or incident.date.start
    return {
        "id": sequence_of(incident.id),
        "year": incident.date.start.year if incident.date.start else "",
        "type_of_violence": type_of_violence(detail),
        "where_coordinates": location.name if location else "",
        "adm_1": (location.admin1 or "") if location else "",
        "country": country_name(known_country(detail)),
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
