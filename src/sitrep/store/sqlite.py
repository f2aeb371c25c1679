"""The incident store: SQLite in WAL mode, one transaction per document.

``IncidentStore(path)`` opens (creating) the database, sets WAL and migrates
the schema. :meth:`IncidentStore.add` stores one document and its extraction
result and reconciles its incidents with the stored ones, all in one
transaction: a kill mid-ingest leaves the database as it was before that
document, and a re-run skips what is already stored.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from ..errors import SitrepError, StoreError
from ..records import Document, Incident, Result
from ..reconcile import Cluster, Reconciler, SourcedClaim, Unit, build_incident, units_from_result
from ..reconcile.matching import index_keys
from . import codec
from .curation import CurationMixin, Join, Revision
from .dedup import NearCopyIndex, content_hash, same_facts, signature, signature_bytes
from .query import IncidentQuery, StoredIncident, select_incidents
from .schema import check_version, migrate

DEFAULT_PATH = "sitrep.db"
CACHE_LIMIT = 200_000  # decoded claims/units kept in memory
COMMON_WORDS_FROM = 200  # documents stored before words are judged common
COMMON_WORD_SHARE = 0.01  # a word in 1% of the documents (at least COMMON_WORD_MIN) is common
COMMON_WORD_MIN = 5


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
    joins: tuple[Join, ...] = ()
    history: tuple[Revision, ...] = ()


@dataclass(frozen=True, slots=True)
class Failure:
    origin: str
    record_id: str | None
    code: str
    message: str
    at: str


class IncidentStore(CurationMixin):
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

    @staticmethod
    def _clock() -> str:
        return _now()

    def __enter__(self) -> IncidentStore:
        return self

    def __exit__(self, *exc_info) -> None:
        self.close()

    def close(self) -> None:
        self._db.close()

    @contextmanager
    def batch(self) -> Iterator[None]:
        """One transaction for many :meth:`add` calls (each a savepoint in it): all or none stay."""
        with self._transaction():
            try:
                yield
            except BaseException:
                self._copies = None  # near-copy signatures of the rolled-back documents
                raise

    @contextmanager
    def _transaction(self) -> Iterator[sqlite3.Connection]:
        nested = self._db.in_transaction  # inside batch(): a savepoint
        try:
            self._db.execute("SAVEPOINT document" if nested else "BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise StoreError(f"cannot write: {exc}", source=self.path) from None
        try:
            yield self._db
            self._db.execute("RELEASE document" if nested else "COMMIT")
        except BaseException as exc:
            self._db.execute("ROLLBACK TO document" if nested else "ROLLBACK")
            if nested:
                self._db.execute("RELEASE document")
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
        near = copies.most_similar(minhash, accept=lambda key: self._same_facts(key, document.text))
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
                                      sequence=sequence, copy_of=copy_of, text=document.text)
            units = self._without_common_words(db, units)
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
            assignment = reconciler.decide(unit, prefer=prefer, create=copy_of is None)
            incident_id = assignment.incident_id
            if incident_id is None:
                continue  # a copy's incident its original does not have: claims kept, unlinked
            self._store_unit(db, unit, incident_id, decision=assignment.reasons())
            self._write_keys(db, reconciler.clusters[incident_id])
            if incident_id not in touched:
                touched.append(incident_id)
        return touched

    def _without_common_words(self, db: sqlite3.Connection, units: list[Unit]) -> list[Unit]:
        """Count the document's words, and drop from its units' words those that many stored
        documents share (a feed's template wording says nothing about which event it is)."""
        words = sorted(set().union(*(u.words for u in units))) if units else []
        if not words:
            return units
        marks = ",".join("?" * len(words))
        (total,) = db.execute("SELECT COUNT(*) FROM documents").fetchone()
        common: set[str] = set()
        if total >= COMMON_WORDS_FROM:
            limit = max(COMMON_WORD_MIN, total * COMMON_WORD_SHARE)
            common = {word for word, count in db.execute(
                f"SELECT word, documents FROM word_counts WHERE word IN ({marks})", words)
                if count >= limit}
        db.executemany("INSERT INTO word_counts (word, documents) VALUES (?, 1)"
                       " ON CONFLICT(word) DO UPDATE SET documents = documents + 1",
                       [(word,) for word in words])
        if not common:
            return units
        return [dataclasses.replace(u, words=u.words - common) for u in units]

    def _store_unit(self, db: sqlite3.Connection, unit: Unit, incident_id: str, *,
                    decision: dict, pinned: bool = False) -> None:
        sequence = int(incident_id.rsplit("-", 1)[1])
        db.execute("INSERT OR IGNORE INTO incidents (id, sequence, record, updated_at)"
                   " VALUES (?, ?, '{}', ?)", (incident_id, sequence, _now()))
        db.execute("INSERT INTO units (document, local_id, incident_id, record, decision, pinned)"
                   " VALUES (?, ?, ?, ?, ?, ?)",
                   (unit.document, unit.local_id, incident_id, codec.unit_to_json(unit),
                    json.dumps(decision, ensure_ascii=False), int(pinned)))
        db.executemany("UPDATE claims SET incident_id = ? WHERE document = ? AND claim_id = ?",
                       [(incident_id, unit.document, c.claim.id) for c in unit.claims])

    def _write_keys(self, db: sqlite3.Connection, cluster: Cluster) -> None:
        """The incident's rows in the (day, country) blocking index."""
        db.execute("DELETE FROM incident_keys WHERE incident_id = ?", (cluster.id,))
        db.executemany("INSERT OR IGNORE INTO incident_keys (day, country, incident_id) VALUES (?, ?, ?)",
                       [(day, country or "", cluster.id) for day, country in index_keys(cluster)])

    def _refresh_incident(self, db: sqlite3.Connection, incident_id: str, *,
                          cause: str = "ingest") -> None:
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
        self._record_history(db, incident, documents=documents, cause=cause)

    def _record_history(self, db: sqlite3.Connection, incident: Incident, *, documents: int,
                        cause: str) -> None:
        """Append the incident's figures when they changed: what was published stays."""
        figures = (incident.killed.low, incident.killed.best, incident.killed.high,
                   incident.injured.low, incident.injured.best, incident.injured.high, documents)
        last = db.execute(
            "SELECT revision, killed_low, killed_best, killed_high, injured_low, injured_best,"
            " injured_high, documents FROM incident_history WHERE incident_id = ?"
            " ORDER BY revision DESC LIMIT 1", (incident.id,)).fetchone()
        if last is not None and tuple(last[1:]) == figures:
            return
        db.execute("INSERT INTO incident_history VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                   (incident.id, (last[0] + 1) if last else 1, _now(), cause, *figures))

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

    def _same_facts(self, key: str, text: str) -> bool:
        row = self._db.execute("SELECT text FROM documents WHERE key = ?", (key,)).fetchone()
        return row is not None and same_facts(row[0], text)

    def _root(self, key: str) -> str:
        row = self._db.execute("SELECT copy_of FROM documents WHERE key = ?", (key,)).fetchone()
        return row[0] if row and row[0] else key

    def _copy_index(self) -> NearCopyIndex:
        if self._copies is None:
            self._copies = NearCopyIndex(self._db.execute("SELECT key, signature FROM documents"))
        return self._copies

    def _ensure_reconciler(self) -> Reconciler:
        if self._reconciler is None:
            (last,) = self._db.execute("SELECT COALESCE(MAX(sequence), 0) FROM incidents").fetchone()
            self._reconciler = Reconciler(next_sequence=last + 1, lookup=self._candidate_ids,
                                          load=self._load_cluster)
        return self._reconciler

    def _candidate_ids(self, days: list[int], country: str | None) -> list[str]:
        """Incidents indexed on these days, in this country or with none (SQL blocking index)."""
        marks = ",".join("?" * len(days))
        if country is None:
            rows = self._db.execute(f"SELECT DISTINCT incident_id FROM incident_keys"
                                    f" WHERE day IN ({marks})", days)
        else:
            rows = self._db.execute(f"SELECT DISTINCT incident_id FROM incident_keys"
                                    f" WHERE day IN ({marks}) AND country IN (?, '')",
                                    (*days, country))
        return [row[0] for row in rows]

    def _load_cluster(self, incident_id: str) -> Cluster | None:
        """One incident's reports, as matching needs them (loaded on demand, never all)."""
        rows = self._db.execute(
            "SELECT u.document, u.local_id, u.record, d.copy_of FROM units u"
            " JOIN documents d ON d.key = u.document WHERE u.incident_id = ? ORDER BY d.sequence",
            (incident_id,)).fetchall()
        if not rows:
            return None
        cluster = Cluster(id=incident_id)
        for document, local_id, record, copy_of in rows:
            cluster.absorb(self._unit(document, local_id, record, independent=copy_of is None))
        return cluster

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
            merged = self._db.execute(
                "SELECT incident_id FROM curations WHERE action = 'merge' AND other = ?"
                " ORDER BY sequence DESC LIMIT 1", (incident_id,)).fetchone()
            if merged:
                raise StoreError(f"incident {incident_id!r} was merged into {merged[0]!r}",
                                 source=self.path)
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
        return IncidentDetail(codec.incident_from_json(row[0]), tuple(claims), tuple(documents),
                              joins=tuple(self.joins(incident_id)),
                              history=tuple(self.history(incident_id)))

    def incidents_of(self, document: str) -> set[str]:
        """The incidents a stored document (or the original it copies) reports."""
        rows = self._db.execute(
            "SELECT incident_id FROM units WHERE document = ? UNION"
            " SELECT incident_id FROM claims WHERE document = ? AND incident_id IS NOT NULL",
            (document, document))
        return {row[0] for row in rows}

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
