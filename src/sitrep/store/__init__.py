"""The incident store: documents, claims and reconciled incidents in SQLite.

``IncidentStore(path)`` opens (WAL, migrated schema); :func:`ingest_paths`
reads, extracts, stores and reconciles; exports read from the store.
"""

from .curation import Join, Revision
from .ingest import IngestFailure, IngestReport, ProgressBar, ingest_items, ingest_paths
from .sqlite import (
    DEFAULT_PATH,
    AddOutcome,
    Failure,
    IncidentDetail,
    IncidentStore,
    StoredDocument,
    StoredIncident,
)

__all__ = [
    "DEFAULT_PATH", "AddOutcome", "Failure", "IncidentDetail", "IncidentStore", "IngestFailure",
    "IngestReport", "Join", "ProgressBar", "Revision", "StoredDocument", "StoredIncident", "ingest_items", "ingest_paths",
]
