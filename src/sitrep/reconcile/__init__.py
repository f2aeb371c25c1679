"""Cross-document reconciliation: documents' incidents merged into store incidents.

:mod:`.figures` holds the figure rules (low/best/high, disputed),
:mod:`.units` turns a document's result into matchable units and builds the
merged incident, :mod:`.matching` decides which incident a unit belongs to.
"""

from .figures import FigureSet, SourcedClaim, Statement, best_statement, figures, statements
from .evidence import Decision, Feature, place_rank
from .matching import Assignment, Cluster, Reconciler, incident_id, weigh
from .units import Unit, build_incident, units_from_result

__all__ = [
    "Assignment", "Cluster", "Decision", "Feature", "FigureSet", "Reconciler", "SourcedClaim", "Statement", "Unit", "best_statement",
    "build_incident", "figures", "incident_id", "place_rank", "statements", "units_from_result", "weigh",
]
