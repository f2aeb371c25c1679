"""Group a document's claims into incidents. (Skeleton.)"""

from __future__ import annotations

from ..records import Incident


def group_incidents(claims, *, text, spacy_doc, clean) -> list[Incident]:
    return []
