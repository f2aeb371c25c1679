"""The store's schema, versioned by ``PRAGMA user_version`` and migrated on open.

Each entry of :data:`MIGRATIONS` takes the database from version ``n`` to
``n + 1``; a migration is applied in its own transaction together with the
version bump, so an interrupted migration leaves the previous version intact.
Never edit a released migration: append a new one.
"""

from __future__ import annotations

import sqlite3

from ..errors import StoreError

MIGRATIONS: tuple[str, ...] = (
    # 1: documents, incidents, the units and claims they are made of, failures.
    """
    CREATE TABLE documents (
        key TEXT PRIMARY KEY,
        source_id TEXT NOT NULL,
        url TEXT,
        content_hash TEXT NOT NULL UNIQUE,
        title TEXT,
        published TEXT,
        origin TEXT,
        signature BLOB NOT NULL,
        copy_of TEXT REFERENCES documents(key),
        similarity REAL,
        sequence INTEGER NOT NULL UNIQUE,
        ingested_at TEXT NOT NULL,
        text TEXT NOT NULL
    );
    CREATE INDEX documents_url ON documents(url);
    CREATE INDEX documents_copy_of ON documents(copy_of);

    CREATE TABLE incidents (
        id TEXT PRIMARY KEY,
        sequence INTEGER NOT NULL UNIQUE,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        event_type TEXT,
        killed_best INTEGER,
        documents INTEGER NOT NULL DEFAULT 0,
        record TEXT NOT NULL,
        updated_at TEXT NOT NULL
    );
    CREATE INDEX incidents_date ON incidents(date_start, date_end);

    CREATE TABLE units (
        document TEXT NOT NULL REFERENCES documents(key),
        local_id TEXT NOT NULL,
        incident_id TEXT NOT NULL REFERENCES incidents(id),
        record TEXT NOT NULL,
        PRIMARY KEY (document, local_id)
    );
    CREATE INDEX units_incident ON units(incident_id);

    CREATE TABLE claims (
        document TEXT NOT NULL REFERENCES documents(key),
        claim_id TEXT NOT NULL,
        position INTEGER NOT NULL,
        incident_id TEXT REFERENCES incidents(id),
        record TEXT NOT NULL,
        PRIMARY KEY (document, claim_id)
    );
    CREATE INDEX claims_incident ON claims(incident_id);

    CREATE TABLE failures (
        origin TEXT PRIMARY KEY,
        record_id TEXT,
        code TEXT NOT NULL,
        message TEXT NOT NULL,
        at TEXT NOT NULL
    );
    """,
    # 2: reconciliation that can be explained, corrected and traced.
    #    units.decision: why a report joined its incident (features, score, matched report);
    #    incident_keys: the (day, country) blocking index, so candidates come from SQL;
    #    curations: merges and splits made by hand, respected by later ingests;
    #    incident_history: each incident's figures as they changed (a living dataset);
    #    word_counts: in how many documents each distinctive word occurs (a feed's template
    #    words are not distinctive).
    """
    ALTER TABLE units ADD COLUMN decision TEXT;
    ALTER TABLE units ADD COLUMN pinned INTEGER NOT NULL DEFAULT 0;

    CREATE TABLE incident_keys (
        day INTEGER NOT NULL,
        country TEXT NOT NULL DEFAULT '',
        incident_id TEXT NOT NULL REFERENCES incidents(id),
        PRIMARY KEY (day, country, incident_id)
    ) WITHOUT ROWID;
    CREATE INDEX incident_keys_incident ON incident_keys(incident_id);

    CREATE TABLE word_counts (
        word TEXT PRIMARY KEY,
        documents INTEGER NOT NULL
    ) WITHOUT ROWID;

    CREATE TABLE curations (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        action TEXT NOT NULL,
        incident_id TEXT NOT NULL,
        other TEXT,
        document TEXT,
        at TEXT NOT NULL
    );

    CREATE TABLE incident_history (
        incident_id TEXT NOT NULL REFERENCES incidents(id),
        revision INTEGER NOT NULL,
        at TEXT NOT NULL,
        cause TEXT NOT NULL,
        killed_low INTEGER, killed_best INTEGER, killed_high INTEGER,
        injured_low INTEGER, injured_best INTEGER, injured_high INTEGER,
        documents INTEGER NOT NULL,
        PRIMARY KEY (incident_id, revision)
    ) WITHOUT ROWID;
    """,
    # 3: what listing, maps and text search filter on, in a narrow table beside `incidents`
    # (whose rows carry the whole JSON record): dates, country, type, killed low/best/high,
    # disputed, the location; and the place names and evidence sentences in a full-text index.
    # Triggers keep both in step with `record`.
    """
    CREATE TABLE incident_index (
        sequence INTEGER PRIMARY KEY,
        id TEXT NOT NULL,
        sort_key TEXT NOT NULL,
        date_start TEXT,
        date_end TEXT,
        country TEXT,
        event_type TEXT,
        killed_low INTEGER,
        killed_best INTEGER,
        killed_high INTEGER,
        disputed INTEGER NOT NULL,
        lat REAL,
        lon REAL,
        precision INTEGER,
        place TEXT
    );
    CREATE INDEX incident_index_order ON incident_index(sort_key, sequence);
    CREATE INDEX incident_index_country ON incident_index(country, sort_key, sequence);
    CREATE INDEX incident_index_map ON incident_index(lon, lat, killed_best, disputed);
    CREATE INDEX incident_index_daily ON incident_index(sort_key, date_start, killed_low, killed_best, killed_high);
    CREATE VIRTUAL TABLE incident_text USING fts5(text);
    CREATE TRIGGER incidents_index_insert AFTER INSERT ON incidents WHEN NEW.record != '{}' BEGIN
        INSERT OR REPLACE INTO incident_index VALUES (NEW.sequence, NEW.id,
            COALESCE(NEW.date_start, '~'), NEW.date_start, NEW.date_end, UPPER(NEW.country),
            NEW.event_type, COALESCE(json_extract(NEW.record, '$.killed.low'), NEW.killed_best),
            NEW.killed_best, COALESCE(json_extract(NEW.record, '$.killed.high'), NEW.killed_best),
            COALESCE(json_extract(NEW.record, '$.disputed'), 0), json_extract(NEW.record, '$.location.lat'),
            json_extract(NEW.record, '$.location.lon'), json_extract(NEW.record, '$.location.precision'),
            json_extract(NEW.record, '$.location.name'));
        DELETE FROM incident_text WHERE rowid = NEW.sequence;
        INSERT INTO incident_text (rowid, text) VALUES (NEW.sequence,
            COALESCE(json_extract(NEW.record, '$.location.name'), '') || ' '
            || COALESCE(json_extract(NEW.record, '$.location.admin1'), '') || ' '
            || COALESCE((SELECT group_concat(json_extract(c.record, '$.evidence.text'), ' ')
                         FROM claims c WHERE c.incident_id = NEW.id), ''));
    END;
    CREATE TRIGGER incidents_index_update AFTER UPDATE ON incidents WHEN NEW.record != '{}' BEGIN
        INSERT OR REPLACE INTO incident_index VALUES (NEW.sequence, NEW.id,
            COALESCE(NEW.date_start, '~'), NEW.date_start, NEW.date_end, UPPER(NEW.country),
            NEW.event_type, COALESCE(json_extract(NEW.record, '$.killed.low'), NEW.killed_best),
            NEW.killed_best, COALESCE(json_extract(NEW.record, '$.killed.high'), NEW.killed_best),
            COALESCE(json_extract(NEW.record, '$.disputed'), 0), json_extract(NEW.record, '$.location.lat'),
            json_extract(NEW.record, '$.location.lon'), json_extract(NEW.record, '$.location.precision'),
            json_extract(NEW.record, '$.location.name'));
        DELETE FROM incident_text WHERE rowid = NEW.sequence;
        INSERT INTO incident_text (rowid, text) VALUES (NEW.sequence,
            COALESCE(json_extract(NEW.record, '$.location.name'), '') || ' '
            || COALESCE(json_extract(NEW.record, '$.location.admin1'), '') || ' '
            || COALESCE((SELECT group_concat(json_extract(c.record, '$.evidence.text'), ' ')
                         FROM claims c WHERE c.incident_id = NEW.id), ''));
    END;
    CREATE TRIGGER incidents_index_retire AFTER UPDATE ON incidents WHEN NEW.record = '{}' BEGIN
        DELETE FROM incident_index WHERE sequence = NEW.sequence;
        DELETE FROM incident_text WHERE rowid = NEW.sequence;
    END;
    UPDATE incidents SET record = record WHERE record != '{}';
    CREATE INDEX claims_document ON claims(document, position);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)


def migrate(connection: sqlite3.Connection, *, path: str) -> int:
    """Bring the database to :data:`SCHEMA_VERSION`; returns the version it had.

    The connection must be in autocommit mode (``isolation_level=None``).
    """
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {version}, newer than this "
                         f"sitrep's {SCHEMA_VERSION}; upgrade sitrep", source=path)
    for number in range(version, SCHEMA_VERSION):
        try:
            connection.execute("BEGIN IMMEDIATE")
            for statement in _statements(MIGRATIONS[number]):
                connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except sqlite3.Error as exc:
            if connection.in_transaction:
                connection.execute("ROLLBACK")
            raise StoreError(f"cannot migrate to schema version {number + 1}: {exc}",
                             source=path) from None
    return version


def check_version(connection: sqlite3.Connection, *, path: str) -> None:
    """StoreError unless the database is a sitrep store at :data:`SCHEMA_VERSION` (for reading only)."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version == 0:
        raise StoreError("not a sitrep store (no schema); run `sitrep ingest` to make one", source=path)
    if version != SCHEMA_VERSION:
        raise StoreError(f"the database has schema version {version}, this sitrep reads version "
                         f"{SCHEMA_VERSION}; open it for writing (e.g. `sitrep ingest`) to migrate it, "
                         f"or upgrade sitrep", source=path)


def _statements(script: str) -> list[str]:
    """The statements of a migration (no ';' inside literals; trigger bodies kept whole)."""
    statements, pending = [], ""
    for part in script.split(";"):
        pending += part + ";"
        if sqlite3.complete_statement(pending):
            if pending.strip(" \n;"):
                statements.append(pending.strip())
            pending = ""
    if pending.strip(" \n;"):
        statements.append(pending.strip())
    return statements
