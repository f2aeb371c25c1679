"""Reconciliation made visible and correctable: why each report joined its incident
(:meth:`~CurationMixin.joins`), the history of its figures, and corrections by hand:
``merge`` two incidents, ``split`` a document out of one.

A mixin of :class:`~sitrep.store.sqlite.IncidentStore`. Each correction is one
transaction, recorded in ``curations``; the reports it moves are *pinned*
(``units.pinned``), their incidents' figures are refreshed into the history,
and the (day, country) index and matching's memory are rebuilt for them, so
later ingests match against the corrected incidents and never undo them.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass

from ..errors import StoreError
from ..reconcile.matching import incident_id as incident_id_of


@dataclass(frozen=True, slots=True)
class Join:
    """Why one report (a document's incident) is part of a store incident."""

    document: str
    local_id: str
    decision: dict  # {"created": bool, "score"?, "matched"?, "features"?: [{name, weight, note}]}
    pinned: bool  # placed by hand (sitrep merge / split): later ingests keep it there


@dataclass(frozen=True, slots=True)
class Revision:
    """The incident's figures as they stood after one change."""

    revision: int
    at: str
    cause: str
    killed: tuple[int | None, int | None, int | None]
    injured: tuple[int | None, int | None, int | None]
    documents: int


class CurationMixin:
    """Why reports joined, figures' history, and corrections by hand (see the module docstring)."""

    def joins(self, incident_id: str) -> list[Join]:
        """Each report of the incident with the decision that put it there."""
        rows = self._db.execute(
            "SELECT u.document, u.local_id, u.decision, u.pinned FROM units u"
            " JOIN documents d ON d.key = u.document WHERE u.incident_id = ?"
            " ORDER BY d.sequence, u.local_id", (incident_id,))
        return [Join(document, local_id, json.loads(decision) if decision else {}, bool(pinned))
                for document, local_id, decision, pinned in rows]

    def history(self, incident_id: str) -> list[Revision]:
        rows = self._db.execute(
            "SELECT revision, at, cause, killed_low, killed_best, killed_high, injured_low,"
            " injured_best, injured_high, documents FROM incident_history WHERE incident_id = ?"
            " ORDER BY revision", (incident_id,))
        return [Revision(r[0], r[1], r[2], (r[3], r[4], r[5]), (r[6], r[7], r[8]), r[9]) for r in rows]

    def merge(self, keep: str, other: str) -> str:
        """Move every report of ``other`` into ``keep`` (by hand); returns ``keep``.

        ``other`` keeps its id as a pointer ("merged into ..."); the moved reports are
        pinned, so later ingests leave them where they are.
        """
        if keep == other:
            raise StoreError(f"cannot merge {keep!r} with itself", source=self.path)
        for incident_id in (keep, other):
            self.incident(incident_id)  # StoreError when missing
        with self._transaction() as db:
            db.execute("UPDATE units SET incident_id = ?, pinned = 1 WHERE incident_id = ?", (keep, other))
            db.execute("UPDATE claims SET incident_id = ? WHERE incident_id = ?", (keep, other))
            db.execute("DELETE FROM incident_keys WHERE incident_id = ?", (other,))
            db.execute("UPDATE incidents SET record = '{}', killed_best = NULL, documents = 0,"
                       " updated_at = ? WHERE id = ?", (self._clock(), other))
            db.execute("INSERT INTO curations (action, incident_id, other, at) VALUES ('merge', ?, ?, ?)",
                       (keep, other, self._clock()))
            self._after_curation(db, keep, other)
            self._refresh_incident(db, keep, cause=f"merged with {other} by hand")
        return keep

    def split(self, incident_id: str, document: str) -> str:
        """Move one document's reports out of an incident into a new one; returns its id."""
        self.incident(incident_id)
        moved = self._db.execute("SELECT local_id FROM units WHERE incident_id = ? AND document = ?",
                                 (incident_id, document)).fetchall()
        if not moved:
            raise StoreError(f"document {document!r} is not part of {incident_id!r}", source=self.path)
        remaining = self._db.execute("SELECT COUNT(*) FROM units WHERE incident_id = ? AND document != ?",
                                     (incident_id, document)).fetchone()[0]
        if remaining == 0:
            raise StoreError(f"{document!r} is the only report of {incident_id!r}: nothing to split",
                             source=self.path)
        reconciler = self._ensure_reconciler()
        new_id = incident_id_of(reconciler.next_sequence)
        reconciler.next_sequence += 1
        with self._transaction() as db:
            db.execute("INSERT INTO incidents (id, sequence, record, updated_at) VALUES (?, ?, '{}', ?)",
                       (new_id, int(new_id.rsplit("-", 1)[1]), self._clock()))
            db.execute("UPDATE units SET incident_id = ?, pinned = 1 WHERE incident_id = ? AND document = ?",
                       (new_id, incident_id, document))
            db.execute("UPDATE claims SET incident_id = ? WHERE incident_id = ? AND document = ?",
                       (new_id, incident_id, document))
            db.execute("INSERT INTO curations (action, incident_id, other, document, at)"
                       " VALUES ('split', ?, ?, ?, ?)", (incident_id, new_id, document, self._clock()))
            self._after_curation(db, incident_id, new_id)
            self._refresh_incident(db, incident_id, cause=f"{document} split off by hand")
            self._refresh_incident(db, new_id, cause=f"split from {incident_id} by hand")
        return new_id

    def _after_curation(self, db: sqlite3.Connection, *incident_ids: str) -> None:
        """Rebuild the changed incidents' index rows and let matching reload them."""
        reconciler = self._ensure_reconciler()
        for incident_id in incident_ids:
            reconciler.forget(incident_id)
            cluster = self._load_cluster(incident_id)
            if cluster is None:
                db.execute("DELETE FROM incident_keys WHERE incident_id = ?", (incident_id,))
            else:
                self._write_keys(db, cluster)

    def curations(self, incident_id: str) -> list[tuple[str, str, str | None, str | None, str]]:
        """Hand corrections touching an incident: (action, incident, other, document, at)."""
        return list(self._db.execute(
            "SELECT action, incident_id, other, document, at FROM curations"
            " WHERE incident_id = ? OR other = ? ORDER BY sequence", (incident_id, incident_id)))
