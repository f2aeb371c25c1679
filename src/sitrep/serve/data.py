"""What the API reads from the store beyond the incident listing (:mod:`sitrep.store.query`).

Map features and grid clusters from the store's columns (no record decoded), killed per
day, each source's record (claims, and how often its figure was the lowest, the best or
the highest of a disputed incident), an incident with each source's figure, and a
document with the spans of its claims, posts and repeated paragraphs.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from pathlib import Path
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from ..clean import clean_text
from ..errors import StoreError
from ..reconcile import SourcedClaim, statements
from ..reconcile.figures import source_key, source_label
from ..serialize import to_dict
from ..export.jsonl import incident_object
from ..store import IncidentStore, codec
from ..store.query import IncidentQuery, encode_cursor, page_where

FEATURE_SQL = """json_object('type', 'Feature', 'id', x.id,
    'geometry', json_object('type', 'Point', 'coordinates', json_array(x.lon, x.lat)),
    'properties', json_object('id', x.id, 'date_start', x.date_start, 'date_end', x.date_end,
        'country', x.country, 'event_type', x.event_type, 'place', x.place, 'precision', x.precision,
        'killed_low', x.killed_low, 'killed_best', x.killed_best, 'killed_high', x.killed_high,
        'disputed', json(CASE WHEN x.disputed THEN 'true' ELSE 'false' END)))"""


class NotFound(StoreError):
    """No incident or document with that id."""

    code = "not_found"


def features(store: IncidentStore, query: IncidentQuery, *, limit: int, cursor: str | None = None) -> str:
    """A GeoJSON FeatureCollection (as JSON text, made by SQLite) of located incidents, one page;
    ``next_cursor`` (a foreign member) continues it."""
    where, params = page_where(query, cursor)
    rows = store.connection.execute(
        f"SELECT {FEATURE_SQL}, x.sort_key, x.sequence FROM incident_index x"
        f" WHERE {where} AND x.lat IS NOT NULL AND x.lon IS NOT NULL ORDER BY x.sort_key, x.sequence LIMIT ?",
        params + [limit + 1]).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    next_cursor = json.dumps(encode_cursor(rows[-1][1], rows[-1][2]) if more else None)
    return (f'{{"type":"FeatureCollection","features":[{",".join(row[0] for row in rows)}],'
            f'"next_cursor":{next_cursor}}}')


def clusters(store: IncidentStore, query: IncidentQuery, *, zoom: int) -> dict:
    """Located incidents counted on a grid of about a quarter tile at ``zoom``, for dense views."""
    cell = 360.0 / (2 ** zoom) / 4
    where, params = query.where()
    rows = store.connection.execute(
        "SELECT CAST(FLOOR(x.lon / ?) AS INTEGER) AS gx, CAST(FLOOR(x.lat / ?) AS INTEGER) AS gy,"
        " COUNT(*), AVG(x.lat), AVG(x.lon), SUM(COALESCE(x.killed_best, 0)), MAX(x.disputed)"
        f" FROM incident_index x WHERE {where} AND x.lat IS NOT NULL AND x.lon IS NOT NULL GROUP BY gx, gy",
        [cell, cell] + params).fetchall()
    cells = [{"lat": round(lat, 5), "lon": round(lon, 5), "count": count, "killed": killed,
              "disputed": bool(disputed)}
             for _gx, _gy, count, lat, lon, killed, disputed in rows]
    return {"zoom": zoom, "cell_degrees": cell, "total": sum(c["count"] for c in cells), "clusters": cells}


def daily(store: IncidentStore, query: IncidentQuery) -> list[dict]:
    """Killed per day of an incident's start: the sums of low, best and high."""
    where, params = query.where()
    rows = store.connection.execute(
        "SELECT x.sort_key, COUNT(*), SUM(x.killed_low), SUM(x.killed_best), SUM(x.killed_high)"
        f" FROM incident_index x WHERE {where} AND x.date_start IS NOT NULL GROUP BY x.sort_key"
        " ORDER BY x.sort_key", params).fetchall()  # sort_key is the start date: grouped in index order
    return [{"date": day, "incidents": count, "low": low or 0, "best": best or 0, "high": high or 0}
            for day, count, low, best, high in rows]


def incident(store: IncidentStore, incident_id: str) -> dict:
    """The incident, its documents, every claim, and each source's current killed figure."""
    try:
        detail = store.incident(incident_id)
    except StoreError:
        raise NotFound(f"no incident {incident_id!r}") from None
    data = incident_object(detail)
    by_ref = {c.ref: c for c in detail.claims}
    counted: dict[str, str] = {}
    data["source_figures"] = []
    for statement in statements(detail.claims, outcome="killed"):
        first = by_ref[statement.claims[0]]
        for ref in statement.claims:
            counted[ref] = statement.source
        data["source_figures"].append({
            "source": _display_source(first, store), "kind": first.claim.source.kind,
            "low": statement.low, "high": statement.high, "vague": statement.vague,
            "document": statement.document, "claims": list(statement.claims)})
    data["source_figures"].sort(key=lambda s: (s["low"], s["source"]))
    data["claim_records"] = [_claim_object(c, counted=c.ref in counted) for c in detail.claims]
    return data


def _claim_object(sourced: SourcedClaim, *, counted: bool) -> dict:
    data = dict(to_dict(sourced.claim), document=sourced.document, ref=sourced.ref,
                independent=sourced.independent, counted=counted)
    evidence, count_text = sourced.claim.evidence, sourced.claim.count.text
    at = evidence.text.find(count_text) if count_text else -1
    data["number"] = {"start": evidence.start + at, "end": evidence.start + at + len(count_text)} \
        if at >= 0 else None
    return data


def _display_source(sourced: SourcedClaim, store: IncidentStore) -> str:
    label = source_label(sourced.claim)
    if label:
        return label
    return f"{sourced.claim.source.kind}: {_document_label(store, sourced.voice_document)}"


def _document_label(store: IncidentStore, key: str) -> str:
    row = store.connection.execute("SELECT url, title FROM documents WHERE key = ?", (key,)).fetchone()
    if row and row[0]:
        host = urlsplit(row[0]).hostname
        if host:
            return host
    return key


def document(store: IncidentStore, key: str) -> dict:
    """A document's text with the spans of its claims, embedded posts and repeated paragraphs."""
    row = store.connection.execute(
        "SELECT key, source_id, url, title, published, copy_of, text FROM documents WHERE key = ?",
        (key,)).fetchone()
    if row is None:
        raise NotFound(f"no document {key!r}")
    key, source_id, url, title, published, copy_of, text = row
    claims = []
    for claim_id, incident_id, record in store.connection.execute(
            "SELECT claim_id, incident_id, record FROM claims WHERE document = ? ORDER BY position", (key,)):
        claim = codec.claim_from_json(record)
        data = _claim_object(SourcedClaim(claim, document=key), counted=False)
        data.pop("counted")
        claims.append(dict(data, incident=incident_id))
    cleaned = clean_text(text)
    return {"id": key, "source_id": source_id, "url": url, "title": title, "published": published,
            "copy_of": copy_of, "text": text, "claims": claims,
            "posts": [to_dict(p) for p in cleaned.posts],
            "duplicates": [to_dict(d) for d in cleaned.duplicates]}


SOURCE_ROWS = """
    SELECT c.incident_id, c.document, c.record, json_extract(c.record, '$.source.name'),
        json_extract(c.record, '$.source.handle'), json_extract(c.record, '$.source.kind'),
        d.published, d.sequence, d.copy_of, d.url, x.disputed, x.killed_low, x.killed_best, x.killed_high
    FROM claims c JOIN documents d ON d.key = c.document
    LEFT JOIN incidents n ON n.id = c.incident_id LEFT JOIN incident_index x ON x.sequence = n.sequence"""


@dataclass(slots=True)
class _SourceTally:
    name: str
    kinds: set = field(default_factory=set)
    claims: int = 0
    disputed: int = 0
    lowest: int = 0
    best: int = 0
    highest: int = 0


_SOURCES_CACHE: dict[str, tuple[tuple, list[dict]]] = {}  # database path -> (file state, answer)
_SOURCES_LOCK = threading.Lock()


def sources(store: IncidentStore) -> list[dict]:
    """:func:`tally_sources`, computed again only when the database files have changed."""
    state = tuple((p.stat().st_mtime_ns, p.stat().st_size) if p.exists() else None
                  for p in (Path(store.path), Path(store.path + "-wal")))
    with _SOURCES_LOCK:
        cached = _SOURCES_CACHE.get(store.path)
    if cached and cached[0] == state:
        return cached[1]
    found = tally_sources(store)
    with _SOURCES_LOCK:
        _SOURCES_CACHE[store.path] = (state, found)
    return found


def tally_sources(store: IncidentStore) -> list[dict]:
    """Each source (named ones by name, unnamed ones as the outlet's host): its claims, and of the
    disputed incidents it gave a killed figure for, how often that figure (the source's current
    statement, as reconciling counts it) was the lowest, the best or the highest."""
    tallies: dict[str, _SourceTally] = {}
    disputed: dict[str, tuple[list[SourcedClaim], tuple]] = {}
    labels: dict[str, str] = {}  # source key of a claim -> tally key
    for (incident, document, record, name, handle, kind, published, sequence, copy_of, url, is_disputed,
         killed_low, killed_best, killed_high) in store.connection.execute(SOURCE_ROWS):
        label = name or handle or f"{kind}: {_host(url) or copy_of or document}"
        key = " ".join(label.casefold().split())
        tally = tallies.setdefault(key, _SourceTally(name=label))
        tally.claims += 1
        tally.kinds.add(kind)
        if incident is None or not is_disputed:
            continue
        sourced = SourcedClaim(codec.claim_from_json(record), document=document,
                               published=dt.date.fromisoformat(published) if published else None,
                               sequence=sequence, copy_of=copy_of)
        labels[source_key(sourced)] = key
        claims, _ = disputed.setdefault(incident, ([], (killed_low, killed_best, killed_high)))
        claims.append(sourced)
    for claims, (low, best, high) in disputed.values():
        for statement in statements(claims, outcome="killed"):
            tally = tallies[labels[statement.source]]
            tally.disputed += 1
            tally.lowest += statement.low == low
            tally.best += statement.low == best
            tally.highest += high in (statement.low, statement.high)
    found = [{"source": t.name, "kinds": sorted(t.kinds), "claims": t.claims, "disputed_incidents": t.disputed,
              "lowest": t.lowest, "best": t.best, "highest": t.highest} for t in tallies.values()]
    found.sort(key=lambda s: (-s["claims"], s["source"].casefold()))
    return found


def _host(url: str | None) -> str | None:
    return urlsplit(url).hostname if url else None
