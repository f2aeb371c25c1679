"""Filtering and paging stored incidents: the one query behind `sitrep incidents` and the API.

:class:`IncidentQuery` holds the filters (dates, country, event type, minimum killed,
disputed, bounding box, text); :func:`select_incidents` returns one page in a stable
order (start date, then creation) with an opaque cursor for the next page. Everything
is parameterised SQL over the columns and the full-text index of schema version 2
(``incident_index``: ``sort_key`` is the start date, ``~`` when undated, so those come last).
"""

from __future__ import annotations

import base64
import datetime as dt
import json
import re
import sqlite3
from dataclasses import dataclass

from ..errors import InputError
from ..records import Incident
from . import codec



@dataclass(frozen=True, slots=True)
class StoredIncident:
    incident: Incident
    documents: int  # independent documents reporting it


@dataclass(frozen=True, slots=True)
class BBox:
    """West, south, east, north in degrees; west > east crosses the antimeridian."""

    west: float
    south: float
    east: float
    north: float

    @classmethod
    def parse(cls, text: str) -> BBox:
        """``"west,south,east,north"``; InputError naming the problem otherwise."""
        parts = text.split(",")
        try:
            west, south, east, north = (float(p) for p in parts)
        except ValueError:
            raise InputError(f"bbox must be four numbers west,south,east,north, not {text!r}",
                             source="bbox") from None
        if not all(-180.0 <= v <= 180.0 for v in (west, east)) or not all(
                -90.0 <= v <= 90.0 for v in (south, north)) or south > north:
            raise InputError(f"bbox {text!r} is outside -180..180, -90..90 or has south > north",
                             source="bbox")
        return cls(west, south, east, north)


@dataclass(frozen=True, slots=True)
class IncidentQuery:
    """The filters of a listing; ``None`` means no filter."""

    since: dt.date | None = None  # incidents that end on or after this day
    until: dt.date | None = None  # incidents that start on or before this day
    country: str | None = None  # ISO 3166-1 alpha-2
    event_type: str | None = None
    min_killed: int | None = None  # best (else low) killed at least this
    disputed: bool | None = None
    bbox: BBox | None = None
    text: str | None = None  # words in the evidence sentences or place names

    def where(self) -> tuple[str, list]:
        """The SQL condition over ``incident_index AS x`` and its parameters."""
        where, params = ["1"], []
        if self.since is not None:
            where.append("COALESCE(x.date_end, x.date_start) >= ?")
            params.append(self.since.isoformat())
        if self.until is not None:
            where.append("x.date_start <= ?")
            params.append(self.until.isoformat())
        if self.country:
            where.append("x.country = ?")
            params.append(self.country.upper())
        if self.event_type:
            where.append("LOWER(x.event_type) = ?")
            params.append(self.event_type.lower())
        if self.min_killed is not None:
            where.append("x.killed_best >= ?")
            params.append(self.min_killed)
        if self.disputed is not None:
            where.append("x.disputed = ?")
            params.append(1 if self.disputed else 0)
        if self.bbox is not None:
            box = self.bbox
            where.append("x.lat BETWEEN ? AND ?")
            params += [box.south, box.north]
            if box.west <= box.east:
                where.append("x.lon BETWEEN ? AND ?")
                params += [box.west, box.east]
            else:
                where.append("(x.lon >= ? OR x.lon <= ?)")
                params += [box.west, box.east]
        match = match_expression(self.text) if self.text else None
        if match:
            where.append("x.sequence IN (SELECT rowid FROM incident_text WHERE incident_text MATCH ?)")
            params.append(match)
        return " AND ".join(where), params


@dataclass(frozen=True, slots=True)
class Page:
    """One page: ``rows`` are (the incident's stored JSON record, independent documents)."""

    rows: list[tuple[str, int]]
    next_cursor: str | None  # None on the last page

    @property
    def incidents(self) -> list[StoredIncident]:
        return [StoredIncident(codec.incident_from_json(record), documents) for record, documents in self.rows]


def match_expression(text: str) -> str | None:
    """An FTS5 query for the words of ``text`` (all of them, each as a prefix); None if no word."""
    words = re.findall(r"\w+", text)
    return " AND ".join(f'"{word}"*' for word in words) or None


def encode_cursor(order_key: str, sequence: int) -> str:
    raw = json.dumps([order_key, sequence], separators=(",", ":")).encode()
    return base64.urlsafe_b64encode(raw).decode().rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    """The position a cursor stands for; InputError if it is not one this module made."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        order_key, sequence = json.loads(raw)
    except (ValueError, TypeError):
        raise InputError("not a cursor returned by a previous page", source="cursor") from None
    if not isinstance(order_key, str) or not isinstance(sequence, int):
        raise InputError("not a cursor returned by a previous page", source="cursor")
    return order_key, sequence


def select_incidents(db: sqlite3.Connection, query: IncidentQuery = IncidentQuery(), *,
                     limit: int | None = None, cursor: str | None = None) -> Page:
    """One page of incidents matching ``query``, oldest first; all of them without ``limit``."""
    where, params = page_where(query, cursor)
    sql = ("SELECT i.record, i.documents, x.sort_key, x.sequence FROM incident_index x"
           f" JOIN incidents i ON i.sequence = x.sequence WHERE {where} ORDER BY x.sort_key, x.sequence")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit + 1)
    rows = db.execute(sql, params).fetchall()
    more = limit is not None and len(rows) > limit
    rows = rows[:limit] if limit is not None else rows
    next_cursor = encode_cursor(rows[-1][2], rows[-1][3]) if more else None
    return Page([(record, documents) for record, documents, _, _ in rows], next_cursor)


def page_where(query: IncidentQuery, cursor: str | None) -> tuple[str, list]:
    """The condition of ``query`` over ``incident_index AS x``, from the position of ``cursor`` on."""
    where, params = query.where()
    if cursor:
        where += " AND (x.sort_key, x.sequence) > (?, ?)"
        params += list(decode_cursor(cursor))
    return where, params
