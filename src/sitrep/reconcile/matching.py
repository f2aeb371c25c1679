"""Match document units to incidents across documents, on evidence.

A new report (a :class:`~sitrep.reconcile.units.Unit`) is weighed against the
reports already in each candidate incident (:func:`weigh`, features in
:mod:`.evidence`); it joins the incident whose best-matching report scores
highest at or above the threshold, and the :class:`Decision` (the features
that matched, their weights, the report it matched) is kept so the store can
say why. Date and place alone are never enough: two reports of different
victims in one town on one day stay apart, a later update of a toll joins.

An incident's window for candidate lookup is the window of its first dated
report, so a town's events on successive days do not chain into one incident.
Candidates come from a blocking index keyed by (day, country): a unit is only
compared with the incidents indexed on the days of its window, never with
all. The index is in memory here; a store can pass ``lookup`` to answer from
its own (SQL) index and ``load`` to fetch an incident's reports on demand.
Incident ids are handed out in sequence ("inc-000001") and never change.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .evidence import (
    DAY_TOLERANCE,
    Decision,
    Feature,
    actors_feature,
    day_feature,
    kind_features,
    name_words,
    place_feature,
    toll_feature,
    victims_feature,
    words_feature,
)
from .units import Unit

MAX_INDEXED_DAYS = 62  # a longer window is indexed on its first and last days
MAX_COMPARED = 25  # reports of one incident a new report is weighed against
MAX_IN_MEMORY = 50_000  # incidents kept in memory when a store can load them again
OUTCOMES_APART = frozenset({"killed", "injured"})


@dataclass(slots=True)
class Cluster:
    """What matching needs to know of one store incident."""

    id: str
    start: dt.date | None = None  # the window of the first dated report: the index uses
    end: dt.date | None = None    # it, so a town's daily events do not chain up
    countries: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    members: list[Unit] = field(default_factory=list)  # its reports, as matching sees them

    def absorb(self, unit: Unit) -> None:
        if unit.date.start is not None and self.start is None:
            self.start, self.end = unit.date.start, unit.date.end or unit.date.start
        if unit.location is not None and unit.location.country:
            self.countries.add(unit.location.country)
        self.documents.add(unit.document)
        if unit.independent or not self.members:
            self.members.append(unit)


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where a unit went and why."""

    incident_id: str | None
    created: bool
    decision: Decision | None = None  # None for a new incident
    matched: str | None = None  # the document of the report it matched best

    def reasons(self) -> dict:
        """The decision as stored: score, matched report and features."""
        if self.decision is None:
            return {"created": self.created}
        return {"created": self.created, "score": round(self.decision.score, 2),
                "matched": self.matched,
                "features": [{"name": f.name, "weight": f.weight, "note": f.note}
                             for f in self.decision.features]}


def incident_id(sequence: int) -> str:
    return f"inc-{sequence:06d}"


def date_gap(unit: Unit, start: dt.date | None, end: dt.date | None) -> int | None:
    """Days between the unit's window and another (0 when they overlap); None when unknown."""
    if unit.date.start is None or start is None:
        return None
    unit_end = unit.date.end or unit.date.start
    end = end or start
    if unit_end < start:
        return (start - unit_end).days
    if unit.date.start > end:
        return (unit.date.start - end).days
    return 0


def weigh(unit: Unit, other: Unit, *, ignore_dates: bool = False) -> Decision:
    """The evidence that ``unit`` and ``other`` report one incident (a bar, or a score)."""
    if unit.document == other.document:
        return Decision(0.0, (), bar="reports of one document")
    features: list[Feature] = []
    for found in (_day(unit, other, ignore_dates=ignore_dates), _place(unit, other),
                  _outcomes(unit, other), *_tolls(unit, other),
                  *kind_features(unit.event_type, other.event_type, unit.sub_event_type,
                                 other.sub_event_type),
                  victims_feature(unit.victims, other.victims),
                  actors_feature(unit.actor_words, other.actor_words),
                  words_feature(unit.words, other.words, places=_place_words(unit, other))):
        if isinstance(found, str):
            return Decision(0.0, tuple(features), bar=found)
        if found is not None:
            features.append(found)
    return Decision(round(sum(f.weight for f in features), 2), tuple(features))


def _day(unit: Unit, other: Unit, *, ignore_dates: bool) -> Feature | str:
    if ignore_dates:
        return Feature("day", 0.0, "dates not compared (a copy)")
    if unit.stated_day and other.stated_day and unit.stated_day != other.stated_day:
        return f"different days stated ({other.stated_day} / {unit.stated_day})"
    return day_feature(date_gap(unit, other.date.start, other.date.end))


def _place(unit: Unit, other: Unit) -> Feature | str:
    return place_feature(unit.location, other.location,
                         a_words=unit.places | unit.words, b_words=other.places | other.words,
                         shared_places=unit.places & other.places)


def _outcomes(unit: Unit, other: Unit) -> str | None:
    if unit.outcomes and other.outcomes and not unit.outcomes & other.outcomes:
        return "different outcomes"
    return None


def _tolls(unit: Unit, other: Unit) -> list[Feature | str]:
    """Killed, then injured; a killed toll that cannot be the same victims bars the match,
    an injured one only weighs against it; no toll at all weighs against."""
    later = _later(unit, other)
    found: list[Feature | str] = []
    for outcome, weight, mine, theirs in (("killed", 2.0, unit.killed, other.killed),
                                          ("injured", 1.0, unit.injured, other.injured)):
        toll = toll_feature(outcome, theirs, mine, later=later, weight=weight)
        if isinstance(toll, str) and outcome != "killed":
            toll = Feature(outcome, -0.5, toll)
        if toll is not None:
            found.append(toll)
    return found or [Feature("figures", -1.0, "no toll to compare")]


def _place_words(*units: Unit) -> frozenset[str]:
    words: set[str] = set()
    for unit in units:
        if unit.location is not None:
            for name in (unit.location.name, unit.location.admin1):
                words.update(name_words(name or ""))
    return frozenset(words)


def _later(unit: Unit, other: Unit) -> int:
    if unit.published is None or other.published is None or unit.published == other.published:
        return 0
    return 1 if unit.published > other.published else -1


class Reconciler:
    """Assigns units to incidents, creating one when nothing matches."""

    def __init__(self, clusters: Iterable[Cluster] = (), *, next_sequence: int = 1,
                 lookup: Callable[[list[int], str | None], Iterable[str]] | None = None,
                 load: Callable[[str], Cluster | None] | None = None) -> None:
        self.clusters: dict[str, Cluster] = {}
        self.next_sequence = next_sequence
        self._lookup = lookup
        self._load = load
        self._index: dict[tuple[int, str | None], set[str]] = defaultdict(set)
        self._by_day: dict[int, set[str]] = defaultdict(set)
        for cluster in clusters:
            self.clusters[cluster.id] = cluster
            self._add_to_index(cluster)

    def assign(self, unit: Unit, *, prefer: Iterable[str] = (), create: bool = True) -> str | None:
        """The id of the incident the unit belongs to; a new one if none matches and
        ``create``, else None (see :meth:`decide`)."""
        return self.decide(unit, prefer=prefer, create=create).incident_id

    def decide(self, unit: Unit, *, prefer: Iterable[str] = (), create: bool = True) -> Assignment:
        """Assign the unit and say why.

        ``prefer``: incidents to try first, dates aside (the incidents of the document a
        syndicated copy repeats: its relative dates may be read against another day).
        """
        best = self._best(unit, self._preferred(prefer), ignore_dates=True, copy=True) \
            or self._best(unit, self._candidates(unit))
        if best is None:
            if not create:
                return Assignment(None, created=False)
            chosen = incident_id(self.next_sequence)
            self.next_sequence += 1
            self.clusters[chosen] = Cluster(id=chosen)
            assignment = Assignment(chosen, created=True)
        else:
            decision, matched, chosen = best
            assignment = Assignment(chosen, created=False, decision=decision, matched=matched)
        self.add(chosen, unit)
        self._trim(keep=chosen)
        return assignment

    def add(self, cluster_id: str, unit: Unit) -> None:
        """Put a unit into an incident (made if new), keeping the index up to date."""
        cluster = self.clusters.get(cluster_id) or self._fetch(cluster_id) or Cluster(id=cluster_id)
        self.clusters[cluster_id] = cluster
        self._remove_from_index(cluster)
        cluster.absorb(unit)
        self._add_to_index(cluster)

    def forget(self, cluster_id: str) -> None:
        """Drop an incident from memory (it changed by hand; it is loaded again when needed)."""
        cluster = self.clusters.pop(cluster_id, None)
        if cluster is not None:
            self._remove_from_index(cluster)

    def _trim(self, *, keep: str) -> None:
        """With a store behind it, forget the least recently added half of the incidents
        in memory once there are too many (they are loaded again when they are candidates)."""
        if self._load is None or len(self.clusters) <= MAX_IN_MEMORY:
            return
        for cluster_id in list(self.clusters)[:len(self.clusters) // 2]:
            if cluster_id != keep:
                self.forget(cluster_id)

    def match(self, unit: Unit) -> str | None:
        best = self._best(unit, self._candidates(unit))
        return best[2] if best else None

    def _best(self, unit: Unit, clusters: Iterable[Cluster], *, ignore_dates: bool = False,
              copy: bool = False) -> tuple[Decision, str, str] | None:
        found = None
        for cluster in clusters:
            if unit.document in cluster.documents:  # a document's own incidents stay apart
                continue
            if not copy and date_gap(unit, cluster.start, cluster.end) is None:
                continue
            for member in cluster.members[:MAX_COMPARED]:
                decision = weigh(unit, member, ignore_dates=ignore_dates)
                if copy and decision.bar is None:
                    decision = Decision(decision.score + 10.0, (
                        Feature("copy", 10.0, "a near-copy of a report of this incident"),
                        *decision.features))
                if decision.matches and (found is None or decision.score > found[0].score):
                    found = (decision, member.document, cluster.id)
        return found

    def _preferred(self, prefer: Iterable[str]) -> Iterator[Cluster]:
        for cluster_id in prefer:
            cluster = self.clusters.get(cluster_id) or self._fetch(cluster_id)
            if cluster is not None:
                yield cluster

    def _fetch(self, cluster_id: str) -> Cluster | None:
        if self._load is None:
            return None
        cluster = self._load(cluster_id)
        if cluster is not None:
            self.clusters[cluster_id] = cluster
            self._add_to_index(cluster)
        return cluster

    def _candidates(self, unit: Unit) -> Iterator[Cluster]:
        if unit.date.start is None:
            return
        country = unit.location.country if unit.location else None
        days = _days(unit.date.start - dt.timedelta(days=DAY_TOLERANCE),
                     (unit.date.end or unit.date.start) + dt.timedelta(days=DAY_TOLERANCE))
        found: set[str] = set()
        if self._lookup is not None:
            found.update(self._lookup(days, country))
        for day in days:
            if country is None:
                found.update(self._by_day.get(day, ()))
            else:
                found.update(self._index.get((day, country), ()))
                found.update(self._index.get((day, None), ()))
        for cluster_id in sorted(found):
            cluster = self.clusters.get(cluster_id) or self._fetch(cluster_id)
            if cluster is not None:
                yield cluster

    def _keys(self, cluster: Cluster) -> list[tuple[int, str | None]]:
        return index_keys(cluster)

    def _add_to_index(self, cluster: Cluster) -> None:
        for key in self._keys(cluster):
            self._index[key].add(cluster.id)
            self._by_day[key[0]].add(cluster.id)

    def _remove_from_index(self, cluster: Cluster) -> None:
        for key in self._keys(cluster):
            self._index[key].discard(cluster.id)
            self._by_day[key[0]].discard(cluster.id)


def index_keys(cluster: Cluster) -> list[tuple[int, str | None]]:
    """The (day ordinal, country) keys an incident is found under."""
    if cluster.start is None:
        return []
    countries = sorted(cluster.countries) or [None]
    return [(day, country) for day in _days(cluster.start, cluster.end) for country in countries]


def _days(start: dt.date, end: dt.date) -> list[int]:
    first, last = start.toordinal(), end.toordinal()
    if last - first > MAX_INDEXED_DAYS:
        return [first, last]
    return list(range(first, last + 1))
