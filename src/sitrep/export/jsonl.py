"""Incidents as JSON Lines: the contract's incident object, with its documents."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO

from ..serialize import to_dict
from ..store.sqlite import IncidentDetail
from .common import independent_documents


def incident_object(detail: IncidentDetail) -> dict:
    """The contract's incident keys, plus ``documents`` and ``number_of_sources``."""
    data = to_dict(detail.incident)
    documents = independent_documents(detail)
    data["number_of_sources"] = len(documents)
    data["documents"] = [{"id": d.key, "url": d.url, "title": d.title,
                          "published": d.published.isoformat() if d.published else None,
                          "copy_of": d.copy_of} for d in detail.documents]
    return data


def write(details: Iterable[IncidentDetail], stream: IO[str]) -> int:
    count = 0
    for detail in details:
        stream.write(json.dumps(incident_object(detail), ensure_ascii=False) + "\n")
        count += 1
    return count
