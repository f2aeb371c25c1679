"""Match document units to incidents across documents.

Two reports are of the same incident when their date windows are within a day
of each other, their places are within 25 km (or share an admin1 when one is
only known to the province, precision 3; without coordinates: the same place
name, else the same admin1, else the same country), and their outcomes,
victims and event types are compatible.

An incident's window for matching is the window of its first dated report, so
a town's events on successive days do not chain into one incident. Candidates
come from a blocking index keyed by (day, country): a unit is only compared
with the incidents indexed on the days of its window, never with all.
Incident ids are handed out in sequence ("inc-000001") and never change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..geodesy import location_distance_km
from ..records import Location
from .units import Unit

DAY_TOLERANCE = 1
NEAR_KM = 25.0
MAX_INDEXED_DAYS = 62  # a longer window is indexed on its first and last days
WHOLE_VICTIMS = frozenset({"unknown", "mixed"})


@dataclass(slots=True)
class Cluster:
    """What matching needs to know of one store incident."""

    id: str
    start: dt.date | None = None  # the window of the first dated report: matching and
    end: dt.date | None = None    # the index use it, so daily events do not chain up
    locations: list[Location] = field(default_factory=list)
    countries: set[str] = field(default_factory=set)
    event_types: set[str] = field(default_factory=set)
    outcomes: set[str] = field(default_factory=set)
    victims: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)

    def absorb(self, unit: Unit) -> None:
        if unit.date.start is not None and self.start is None:
            self.start, self.end = unit.date.start, unit.date.end or unit.date.start
        if unit.location is not None and unit.location not in self.locations:
            self.locations.append(unit.location)
            if unit.location.country:
                self.countries.add(unit.location.country)
        if unit.event_type:
            self.event_types.add(unit.event_type)
        self.outcomes.update(unit.outcomes)
        self.victims.update(unit.victims)
        self.documents.add(unit.document)


def incident_id(sequence: int) -> str:
    return f"inc-{sequence:06d}"


def place_rank(a: Location | None, b: Location | None) -> int | None:
    """How well two places agree: 0 same place, 1 near, 2 same admin1, 3 same country
    or unknown; None when they are different places."""
    if a is None or b is None:
        return 3
    if a.country and b.country and a.country != b.country:
        return None
    if _names_country(a) or _names_country(b):
        return 3
    same_admin1 = bool(a.admin1 and b.admin1 and a.admin1.casefold() == b.admin1.casefold())
    distance = location_distance_km(a, b)
    if distance is not None:
        if distance <= 5.0:
            return 0
        if distance <= NEAR_KM:
            return 1
        return 2 if same_admin1 and 3 in (a.precision, b.precision) else None
    if a.name and b.name and a.name.casefold() == b.name.casefold():
        return 0
    if same_admin1 and (3 in (a.precision, b.precision) or _names_admin1(a) or _names_admin1(b)):
        return 2
    return None


def _names_admin1(location: Location) -> bool:
    return bool(location.admin1) and location.name.casefold() == location.admin1.casefold()


def _names_country(location: Location) -> bool:
    """A location known only to the country (no admin1, province-level precision or no name)."""
    return bool(location.country) and not location.admin1 and (
        location.precision == 3 or not location.name)


def compatible_kinds(unit: Unit, cluster: Cluster) -> bool:
    if unit.event_type and cluster.event_types and unit.event_type not in cluster.event_types:
        return False
    if unit.outcomes and cluster.outcomes and not unit.outcomes & cluster.outcomes:
        return False
    if unit.victims and cluster.victims and not (
        unit.victims & cluster.victims or unit.victims & WHOLE_VICTIMS
        or cluster.victims & WHOLE_VICTIMS
    ):
        return False
    return True


def date_gap(unit: Unit, cluster: Cluster) -> int | None:
    """Days between the two windows (0 when they overlap); None when a date is unknown."""
    if unit.date.start is None or cluster.start is None:
        return None
    end = unit.date.end or unit.date.start
    if end < cluster.start:
        return (cluster.start - end).days
    if unit.date.start > cluster.end:
        return (unit.date.start - cluster.end).days
    return 0


class Reconciler:
    """Assigns units to incidents, creating one when nothing matches."""

    def __init__(self, clusters: Iterable[Cluster] = (), *, next_sequence: int = 1) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.next_sequence = next_sequence
        self._index: dict[tuple[int, str | None], set[str]] = defaultdict(set)
        self._by_day: dict[int, set[str]] = defaultdict(set)
        for cluster in clusters:
            self.clusters[cluster.id] = cluster
            self._add_to_index(cluster)

    def assign(self, unit: Unit, *, prefer: Iterable[str] = (), create: bool = True) -> str | None:
        """The id of the incident the unit belongs to; a new one if none matches and
        ``create``, else None.

        ``prefer``: incidents to try first, dates aside (the incidents of the document a
        syndicated copy repeats: its relative dates may be read against another day).
        """
        chosen = self._match_preferred(unit, prefer) or self.match(unit)
        if chosen is None:
            if not create:
                return None
            chosen = incident_id(self.next_sequence)
            self.next_sequence += 1
            self.clusters[chosen] = Cluster(id=chosen)
        cluster = self.clusters[chosen]
        self._remove_from_index(cluster)
        cluster.absorb(unit)
        self._add_to_index(cluster)
        return chosen

    def match(self, unit: Unit) -> str | None:
        scored = []
        for cluster in self._candidates(unit):
            score = self._score(unit, cluster)
            if score is not None:
                scored.append((score, cluster.id))
        return min(scored)[1] if scored else None

    def _match_preferred(self, unit: Unit, prefer: Iterable[str]) -> str | None:
        scored = []
        for cluster_id in prefer:
            cluster = self.clusters.get(cluster_id)
            if cluster is None or unit.document in cluster.documents:
                continue
            gap = date_gap(unit, cluster)
            rank = min((r for r in (place_rank(unit.location, loc) for loc in cluster.locations or [None])
                        if r is not None), default=None)
            if compatible_kinds(unit, cluster) and rank is not None:
                scored.append(((rank, gap or 0), cluster_id))  # a copy's dates may be re-read
        return min(scored)[1] if scored else None

    def _score(self, unit: Unit, cluster: Cluster) -> tuple[int, int] | None:
        """(place rank, days apart) when the unit may belong to the cluster, else None."""
        if unit.document in cluster.documents:  # a document's own incidents stay apart
            return None
        gap = date_gap(unit, cluster)
        if gap is None or gap > DAY_TOLERANCE or not compatible_kinds(unit, cluster):
            return None
        ranks = [place_rank(unit.location, loc) for loc in cluster.locations or [None]]
        ranks = [r for r in ranks if r is not None]
        return (min(ranks), gap) if ranks else None  # the same place first, then the same day

    def _candidates(self, unit: Unit) -> Iterator[Cluster]:
        if unit.date.start is None:
            return
        country = unit.location.country if unit.location else None
        found: set[str] = set()
        for day in _days(unit.date.start - dt.timedelta(days=DAY_TOLERANCE),
                         (unit.date.end or unit.date.start) + dt.timedelta(days=DAY_TOLERANCE)):
            if country is None:
                found.update(self._by_day.get(day, ()))
            else:
                found.update(self._index.get((day, country), ()))
                found.update(self._index.get((day, None), ()))
        for cluster_id in sorted(found):
            yield self.clusters[cluster_id]

    def _keys(self, cluster: Cluster) -> list[tuple[int, str | None]]:
        if cluster.start is None:
            return []
        countries = sorted(cluster.countries) or [None]
        return [(day, country) for day in _days(cluster.start, cluster.end) for country in countries]

    def _add_to_index(self, cluster: Cluster) -> None:
        for key in self._keys(cluster):
            self._index[key].add(cluster.id)
            self._by_day[key[0]].add(cluster.id)

    def _remove_from_index(self, cluster: Cluster) -> None:
        for key in self._keys(cluster):
            self._index[key].discard(cluster.id)
            self._by_day[key[0]].discard(cluster.id)


def _days(start: dt.date, end: dt.date) -> list[int]:
    first, last = start.toordinal(), end.toordinal()
    if last - first > MAX_INDEXED_DAYS:
        return [first, last]
    return list(range(first, last + 1))
