"""JSON columns of the store: units, claims and incidents, through :mod:`sitrep.serialize`."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json

from ..reconcile import Unit
from ..records import Actor, CasualtyClaim, DateRange, Figures, Incident, Location
from ..serialize import from_dict, to_dict


@functools.cache
def _field_names(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls))


def plain(value):
    """:func:`sitrep.serialize.to_dict` for records, with the field names looked up once a class."""
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    if isinstance(value, (tuple, list)):
        return [plain(item) for item in value]
    if isinstance(value, dt.date):
        return value.isoformat()
    if dataclasses.is_dataclass(value):
        return {name: plain(getattr(value, name)) for name in _field_names(type(value))}
    return to_dict(value)


def dumps(value) -> str:
    return json.dumps(plain(value), ensure_ascii=False, separators=(",", ":"))


def unit_to_json(unit: Unit) -> str:
    return json.dumps({
        "event_type": unit.event_type,
        "sub_event_type": unit.sub_event_type,
        "date": to_dict(unit.date),
        "location": to_dict(unit.location),
        "actor1": to_dict(unit.actor1),
        "actor2": to_dict(unit.actor2),
        "outcomes": sorted(unit.outcomes),
        "victims": sorted(unit.victims),
        "claims": [c.claim.id for c in unit.claims],
        "killed": to_dict(unit.killed),
        "injured": to_dict(unit.injured),
        "places": sorted(unit.places),
        "words": sorted(unit.words),
        "published": unit.published.isoformat() if unit.published else None,
        "stated_day": unit.stated_day.isoformat() if unit.stated_day else None,
    }, ensure_ascii=False, separators=(",", ":"))


def unit_from_json(text: str, *, document: str, local_id: str, independent: bool = True) -> Unit:
    """A unit as matching and record building need it (its claims are loaded apart)."""
    data = json.loads(text)
    return Unit(
        document=document,
        local_id=local_id,
        event_type=data["event_type"],
        sub_event_type=data["sub_event_type"],
        date=from_dict(DateRange, data["date"]),
        location=from_dict(Location, data["location"]),
        actor1=from_dict(Actor, data["actor1"]),
        actor2=from_dict(Actor, data["actor2"]),
        outcomes=frozenset(data["outcomes"]),
        victims=frozenset(data["victims"]),
        claims=(),
        independent=independent,
        killed=from_dict(Figures, data.get("killed")),
        injured=from_dict(Figures, data.get("injured")),
        places=frozenset(data.get("places", ())),
        words=frozenset(data.get("words", ())),
        published=dt.date.fromisoformat(data["published"]) if data.get("published") else None,
        stated_day=dt.date.fromisoformat(data["stated_day"]) if data.get("stated_day") else None,
    )


def claim_from_json(text: str) -> CasualtyClaim:
    return from_dict(CasualtyClaim, json.loads(text))


def incident_from_json(text: str) -> Incident:
    return from_dict(Incident, json.loads(text))
