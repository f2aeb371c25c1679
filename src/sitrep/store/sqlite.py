"""The incident store: SQLite in WAL mode, one transaction per document.

``IncidentStore(path)`` opens (creating) the database, sets WAL and migrates
the schema. :meth:`IncidentStore.add` stores one document and its extraction
result and reconciles its incidents with the stored ones, all in one
transaction: a kill mid-ingest leaves the database as it was before that
document, and a re-run skips what is already stored.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError, StoreError
from ..records import Document, Incident, Result
from ..reconcile import Cluster, Reconciler, SourcedClaim, Unit, build_incident, units_from_result
from . import codec
from .dedup import NearCopyIndex, content_hash, signature, signature_bytes
from .query import IncidentQuery, StoredIncident, select_incidents
from .schema import check_version, migrate

DEFAULT_PATH = "sitrep.db"
CACHE_LIMIT = 200_000  # decoded claims/units kept in memory


@dataclass(frozen=True, slots=True)
class AddOutcome:
    """What storing one document did."""

    document: str | None  # the store's key of the document (of the stored one if a duplicate)
    status: str  # "added", "copy" (a near-copy of ``copy_of``), "duplicate"
    copy_of: str | None = None
    similarity: float | None = None
    incidents: tuple[str, ...] = ()  # incidents created or updated


@dataclass(frozen=True, slots=True)
class StoredDocument:
    key: str
    source_id: str
    url: str | None
    title: str | None
    published: dt.date | None
    origin: str | None
    copy_of: str | None
    similarity: float | None


@dataclass(frozen=True, slots=True)
class IncidentDetail:
    incident: Incident
    claims: tuple[SourcedClaim, ...]
    documents: tuple[StoredDocument, ...]  # reporting it, then copies of those


@dataclass(frozen=True, slots=True)
class Failure:
    origin: str
    record_id: str | None
    code: str
    message: str
    at: str


class IncidentStore:
    """Documents, claims and reconciled incidents in one SQLite file."""

    def __init__(self, path: str | Path = DEFAULT_PATH, *, readonly: bool = False) -> None:
        """``readonly``: open an existing store for reading only (no WAL switch, no migration)."""
        self.path = str(path)
        try:
            target = f"{Path(self.path).resolve().as_uri()}?mode=ro" if readonly else self.path
            self._db = sqlite3.connect(target, isolation_level=None, timeout=30.0, uri=readonly)
        except sqlite3.Error as exc:
            raise StoreError(f"cannot open the database: {exc}", source=self.path) from None
        try:
            if readonly:
                check_version(self._db, path=self.path)
            else:
                self._db.execute("PRAGMA journal_mode=WAL")
                self._db.execute("PRAGMA foreign_keys=ON")
                self._db.execute("PRAGMA synchronous=NORMAL")
                migrate(self._db, path=self.path)
        except sqlite3.Error as exc:
            self._db.close()
            raise StoreError(f"cannot open the database: {exc}", source=self.path) from None
        except StoreError:
            self._db.close()
            raise
        self._reconciler: Reconciler | None = None
        self._copies: NearCopyIndex | None = None
        # Decoded claims and units by (document, id): stored rows never change.
        self._claim_cache: dict[tuple[str, str], object] = {}
        self._unit_cache: dict[tuple[str, str], Unit] = {}

    def __enter__(self) -> IncidentStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        try:
            self._db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write: {exc}", source=self.path) from None
        try:
            yield self._db
            self._db.execute("COMMIT")
        except BaseException as exc:
            self._db.execute("ROLLBACK")
            self._reconciler = None  # the in-memory state may be ahead of the database
            self._claim_cache.clear()
            self._unit_cache.clear()
            if isinstance(exc, sqlite3.Error):
                raise StoreError(f"cannot write: {exc}", source=self.path) from None
            raise

    # --- documents -------------------------------------------------------------------

    def find_duplicate(self, document: Document) -> str | None:
        """The key of a stored document with the same URL or the same normalised text."""
        row = None
        if document.url:
            row = self._db.execute("SELECT key FROM documents WHERE url = ? LIMIT 1",
                                   (document.url,)).fetchone()
        if row is None:
            row = self._db.execute("SELECT key FROM documents WHERE content_hash = ?",
                                   (content_hash(document.text),)).fetchone()
        return row[0] if row else None

    def add(self, document: Document, result: Result) -> AddOutcome:
        """Store a document and its result, reconciling its incidents (one transaction)."""
        duplicate = self.find_duplicate(document)
        if duplicate is not None:
            return AddOutcome(document=duplicate, status="duplicate")
        minhash = signature(document.text)
        copies = self._copy_index()
        near = copies.most_similar(minhash)
        copy_of, similarity = (self._root(near[0]), near[1]) if near else (None, None)
        reconciler = self._ensure_reconciler()
        published = document.published or result.published.date
        with self._transaction() as db:
            key, sequence = self._insert_document(db, document, published=published,
                                                  signature=signature_bytes(minhash),
                                                  copy_of=copy_of, similarity=similarity)
            db.executemany("INSERT INTO claims (document, claim_id, position, record)"
                           " VALUES (?, ?, ?, ?)",
                           [(key, claim.id, position, codec.dumps(claim))
                            for position, claim in enumerate(result.claims)])
            units = units_from_result(result, document=key, published=published,
                                      sequence=sequence, copy_of=copy_of)
            self._remember(key, result, units)
            touched = self._reconcile_units(db, reconciler, units, copy_of=copy_of)
            for incident_id in touched:
                self._refresh_incident(db, incident_id)
            if document.origin:
                db.execute("DELETE FROM failures WHERE origin = ?", (document.origin,))
        copies.add(key, minhash)
        status = "copy" if copy_of else "added"
        return AddOutcome(document=key, status=status, copy_of=copy_of, similarity=similarity,
                          incidents=tuple(touched))

    def _insert_document(self, db: sqlite3.Connection, document: Document, *,
                         published: dt.date | None, signature: bytes, copy_of: str | None,
                         similarity: float | None) -> tuple[str, int]:
        sequence = db.execute("SELECT COALESCE(MAX(sequence), 0) + 1 FROM documents").fetchone()[0]
        key = self._new_key(document.id)
        db.execute(
            "INSERT INTO documents (key, source_id, url, content_hash, title, published, origin,"
            " signature, copy_of, similarity, sequence, ingested_at, text)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, document.id, document.url, content_hash(document.text), document.title,
             _iso(published), document.origin, signature, copy_of, similarity, sequence, _now(),
             document.text))
        return key, sequence

    def _reconcile_units(self, db: sqlite3.Connection, reconciler: Reconciler, units: list[Unit],
                         *, copy_of: str | None) -> list[str]:
        prefer = [row[0] for row in db.execute(
            "SELECT incident_id FROM units WHERE document = ?", (copy_of,))] if copy_of else []
        touched: list[str] = []
        for unit in units:
            incident_id = reconciler.assign(unit, prefer=prefer, create=copy_of is None)
            if incident_id is None:
                continue  # a copy's incident its original does not have: claims kept, unlinked
            sequence = int(incident_id.rsplit("-", 1)[1])
            db.execute("INSERT OR IGNORE INTO incidents (id, sequence, record, updated_at)"
                       " VALUES (?, ?, '{}', ?)", (incident_id, sequence, _now()))
            db.execute("INSERT INTO units (document, local_id, incident_id, record) VALUES (?, ?, ?, ?)",
                       (unit.document, unit.local_id, incident_id, codec.unit_to_json(unit)))
            db.executemany("UPDATE claims SET incident_id = ? WHERE document = ? AND claim_id = ?",
                           [(incident_id, unit.document, c.claim.id) for c in unit.claims])
            if incident_id not in touched:
                touched.append(incident_id)
        return touched

    def _refresh_incident(self, db: sqlite3.Connection, incident_id: str) -> None:
        units = [self._unit(document, local_id, record, independent=copy_of is None)
                 for document, local_id, record, copy_of in db.execute(
                     "SELECT u.document, u.local_id, u.record, d.copy_of FROM units u"
                     " JOIN documents d ON d.key = u.document WHERE u.incident_id = ?"
                     " ORDER BY d.sequence, u.local_id", (incident_id,))]
        claims = self._claims_of(incident_id)
        incident = build_incident(incident_id, units, claims)
        documents = len({c.document for c in claims if c.independent}
                        | {u.document for u in units if u.independent})
        db.execute(
            "UPDATE incidents SET date_start = ?, date_end = ?, country = ?, event_type = ?,"
            " killed_best = ?, documents = ?, record = ?, updated_at = ? WHERE id = ?",
            (_iso(incident.date.start), _iso(incident.date.end),
             incident.location.country if incident.location else None, incident.event_type,
             _killed(incident), documents, codec.dumps(incident), _now(), incident_id))

    def _claims_of(self, incident_id: str) -> list[SourcedClaim]:
        rows = self._db.execute(
            "SELECT c.record, c.document, c.claim_id, d.published, d.sequence, d.copy_of FROM claims c"
            " JOIN documents d ON d.key = c.document WHERE c.incident_id = ?"
            " ORDER BY d.sequence, c.position", (incident_id,))
        return [SourcedClaim(claim=self._claim(document, claim_id, record), document=document,
                             published=dt.date.fromisoformat(published) if published else None,
                             sequence=sequence, copy_of=copy_of)
                for record, document, claim_id, published, sequence, copy_of in rows]

    def _remember(self, key: str, result: Result, units: list[Unit]) -> None:
        """Cache the records being stored, so refreshing incidents need not decode them."""
        if len(self._claim_cache) + len(result.claims) >= CACHE_LIMIT:
            self._claim_cache.clear()
            self._unit_cache.clear()
        for claim in result.claims:
            self._claim_cache[(key, claim.id)] = claim
        for unit in units:
            self._unit_cache[(key, unit.local_id)] = unit

    def _claim(self, document: str, claim_id: str, record: str):
        key = (document, claim_id)
        claim = self._claim_cache.get(key)
        if claim is None:
            if len(self._claim_cache) >= CACHE_LIMIT:
                self._claim_cache.clear()
            claim = self._claim_cache[key] = codec.claim_from_json(record)
        return claim

    def _unit(self, document: str, local_id: str, record: str, *, independent: bool) -> Unit:
        key = (document, local_id)
        unit = self._unit_cache.get(key)
        if unit is None:
            if len(self._unit_cache) >= CACHE_LIMIT:
                self._unit_cache.clear()
            unit = self._unit_cache[key] = codec.unit_from_json(
                record, document=document, local_id=local_id, independent=independent)
        return unit

    def _new_key(self, source_id: str) -> str:
        key, number = source_id, 1
        while self._db.execute("SELECT 1 FROM documents WHERE key = ?", (key,)).fetchone():
            number += 1
            key = f"{source_id}~{number}"
        return key

    def _root(self, key: str) -> str:
        row = self._db.execute("SELECT copy_of FROM documents WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] else key

    def _copy_index(self) -> NearCopyIndex:
        if self._copies is None:
            self._copies = NearCopyIndex(self._db.execute("SELECT key, signature FROM documents"))
        return self._copies

    def _ensure_reconciler(self) -> Reconciler:
        if self._reconciler is None:
            self._reconciler = self._load_reconciler()
        return self._reconciler

    def _load_reconciler(self) -> Reconciler:
        clusters: dict[str, Cluster] = {}
        rows = self._db.execute("SELECT u.incident_id, u.document, u.local_id, u.record FROM units u"
                                " JOIN documents d ON d.key = u.document ORDER BY d.sequence")
        for incident_id, document, local_id, record in rows:
            cluster = clusters.setdefault(incident_id, Cluster(id=incident_id))
            cluster.absorb(codec.unit_from_json(record, document=document, local_id=local_id))
        (last,) = self._db.execute("SELECT COALESCE(MAX(sequence), 0) FROM incidents").fetchone()
        return Reconciler(clusters.values(), next_sequence=last + 1)

    # --- failures --------------------------------------------------------------------

    def record_failure(self, origin: str, error: SitrepError, *, record_id: str | None = None) -> None:
        with self._transaction() as db:
            db.execute("INSERT OR REPLACE INTO failures (origin, record_id, code, message, at)"
                       " VALUES (?, ?, ?, ?, ?)", (origin, record_id, error.code, error.message, _now()))

    def failures(self) -> list[Failure]:
        rows = self._db.execute(
            "SELECT origin, record_id, code, message, at FROM failures ORDER BY at, origin")
        return [Failure(*row) for row in rows]

    # --- reading ---------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        return {table: self._db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                for table in ("documents", "claims", "incidents", "failures")}

    def incidents(self, **filters) -> list[StoredIncident]:
        """Incidents, oldest first, matching the filters of :class:`~sitrep.store.query.IncidentQuery`."""
        return select_incidents(self._db, IncidentQuery(**filters)).incidents

    @property
    def connection(self) -> sqlite3.Connection:
        """The SQLite connection, for the read queries of :mod:`sitrep.store.query`."""
        return self._db

    def incident(self, incident_id: str) -> IncidentDetail:
        """One incident with its claims and documents; StoreError if there is none."""
        row = self._db.execute("SELECT record FROM incidents WHERE id = ?", (incident_id,)).fetchone()
        if row is None or row[0] == "{}":
            raise StoreError(f"no incident {incident_id!r}", source=self.path)
        claims = self._claims_of(incident_id)
        keys = list(dict.fromkeys([c.document for c in claims] + [
            r[0] for r in self._db.execute("SELECT document FROM units WHERE incident_id = ?",
                                           (incident_id,))]))
        documents = [self._document(key) for key in keys]
        marks = ",".join("?" * len(keys))
        copies = self._db.execute(
            f"SELECT key FROM documents WHERE copy_of IN ({marks}) ORDER BY sequence", keys) if keys else []
        documents += [self._document(key) for (key,) in copies if key not in keys]
        return IncidentDetail(codec.incident_from_json(row[0]), tuple(claims), tuple(documents))

    def _document(self, key: str) -> StoredDocument:
        row = self._db.execute("SELECT key, source_id, url, title, published, origin, copy_of,"
                               " similarity FROM documents WHERE key = ?", (key,)).fetchone()
        published = dt.date.fromisoformat(row[4]) if row[4] else None
        return StoredDocument(row[0], row[1], row[2], row[3], published, row[5], row[6], row[7])

    def iter_details(self, **filters) -> Iterator[IncidentDetail]:
        """Every incident matching the filters of :meth:`incidents`, with claims and documents."""
        for stored in self.incidents(**filters):
            yield self.incident(stored.incident.id)


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _iso(value: dt.date | None) -> str | None:
    return value.isoformat() if value else None


def _killed(incident: Incident) -> int | None:
    figures = incident.killed
    return figures.best if figures.best is not None else figures.low
