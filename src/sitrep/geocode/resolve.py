"""Resolve groups of place mentions to one location each.

For every mention of a group the text around it is read (:mod:`.context`):
its kind ("X district", "Y province"), whether it lies near or around
somewhere ("near Y", "Y countryside", "outskirts of Y"), and its anchor ("X,
south of Y", "X, Y", "X (Y)"). Gazetteer candidates are ranked by the
document's country focus, the anchor and the group's other places (same
admin1, distance), population and kind. The most specific resolved mention
wins (a place over an admin1 region over a country), earlier first. A name
the gazetteer lacks but that has a resolvable anchor is placed at the anchor
with precision 2, keeping its own name.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from ..geodesy import haversine_km
from ..records import Location, PlaceMention
from .context import MentionContext, read_context
from .focus import Focus, document_focus
from .mentions import compound_head
from .gazetteer import KIND_ADMIN1, KIND_COUNTRY, KIND_LOCAL, Gazetteer, Place, get_gazetteer

RANK_PLACE, RANK_ADMIN1, RANK_COUNTRY = 0, 1, 2
NEAR_ANCHOR_KM = 75.0
IN_ANCHOR_KM = 200.0
LOOSE_MIN_FOCUS = 0.25
PLAUSIBLE_MIN_FOCUS = 0.15
FALLBACK_MIN_FOCUS = 0.6
BIG_PLACE_POPULATION = 50_000
FOREIGN_MIN_POPULATION = 500_000
KIND_BONUS = {KIND_COUNTRY: 2.0, KIND_ADMIN1: 0.75, KIND_LOCAL: 1.0}


@dataclass(frozen=True, slots=True)
class Resolution:
    location: Location
    rank: int
    place: Place


class Geocoder:
    """Resolves the place mentions of one document to locations.

    Cheap to construct; the gazetteer is loaded on first use and shared.
    """

    def __init__(self, *, gazetteer_path: Path | None = None) -> None:
        self.gazetteer_path = gazetteer_path

    @property
    def gazetteer(self) -> Gazetteer:
        return get_gazetteer(self.gazetteer_path)

    def locate(self, text: str, groups: Sequence[Sequence[PlaceMention]]) -> list[Location | None]:
        """For each group of candidate mentions (in text order) of one document, a location or None."""
        if not any(groups):
            return [None for _ in groups]
        gazetteer = self.gazetteer
        focus = document_focus(text, gazetteer)
        located = [_locate_group(text, group, focus, gazetteer) for group in groups]
        if any(located):
            return located
        return [_focus_fallback(group, focus, gazetteer) for group in groups]


def _locate_group(text: str, group: Sequence[PlaceMention], focus: Focus,
                  gazetteer: Gazetteer) -> Location | None:
    contexts = [read_context(text, mention) for mention in group]
    first_pass = [_best_candidate(c, focus, gazetteer, (), _anchor_candidates(c, gazetteer)) for c in contexts]
    neighbours = tuple(p for p in first_pass if p is not None)
    resolutions = [r for c in contexts if (r := _resolve_mention(c, focus, gazetteer, neighbours)) is not None]
    if not resolutions:
        return None
    country = _group_country(resolutions, focus)
    agreeing = [r for r in resolutions if r.location.country == country]
    return min(agreeing, key=lambda r: r.rank).location


def _group_country(resolutions: list[Resolution], focus: Focus) -> str | None:
    """The country most of the group's resolutions (and the document) agree on."""
    votes: dict[str | None, float] = {}
    for resolution in resolutions:
        country = resolution.location.country
        votes[country] = votes.get(country, 0.0) + _vote(resolution.place) + 2.0 * focus.share(country or "")
    return max(votes, key=lambda c: votes[c])


def _vote(place: Place) -> float:
    if place.kind in (KIND_COUNTRY, KIND_ADMIN1, KIND_LOCAL) or place.population >= BIG_PLACE_POPULATION:
        return 1.5
    return 1.0


def _focus_fallback(group: Sequence[PlaceMention], focus: Focus, gazetteer: Gazetteer) -> Location | None:
    """Unresolvable names in a document clearly about one country: that country, precision 3."""
    top = focus.top()
    if top is None or focus.share(top) < FALLBACK_MIN_FOCUS or dict(focus.weights)[top] < 1:
        return None
    country = gazetteer.country(top)
    if country is None:
        return None
    return Location(name=group[0].name if group else country.name, admin1=None, country=top, lat=round(country.lat, 5),
                    lon=round(country.lon, 5), precision=3)


def _resolve_mention(context: MentionContext, focus: Focus, gazetteer: Gazetteer,
                     neighbours: tuple[Place, ...]) -> Resolution | None:
    anchors = _anchor_candidates(context, gazetteer)
    place = _best_candidate(context, focus, gazetteer, neighbours, anchors)
    if place is None and not anchors and (head := compound_head(context.name)):
        near = replace(context, name=head, is_near=True)  # "Zolote-5", "Donetsk Filtration Station"
        found = _best_candidate(near, focus, gazetteer, neighbours, ())
        return found and replace(_resolution(near, found), location=replace(
            _resolution(near, found).location, name=context.name))
    if place is not None and (not anchors or _agrees_with_any(place, anchors, context)):
        return _resolution(context, place)
    if not anchors or context.is_region:
        return place and _resolution(context, place)
    anchor = _best_place(anchors, focus, None, neighbours)
    if anchor is None or anchor.kind == KIND_COUNTRY:
        return place and _resolution(context, place)
    if place is not None and (place.population >= BIG_PLACE_POPULATION  # a town beats a region elsewhere
                              or _score(place, focus, None, neighbours) >= _score(anchor, focus, None, neighbours)):
        return _resolution(context, place)  # a clear name beats an ambiguous anchor that disagrees
    location = Location(name=context.name, admin1=anchor.admin1_name, country=anchor.country,
                        lat=round(anchor.lat, 5), lon=round(anchor.lon, 5), precision=2)
    return Resolution(location, RANK_PLACE, anchor)


def _agrees(place: Place, anchor: Place, context: MentionContext) -> bool:
    """A place agrees with its anchor when it lies in the anchor's country and region or near it."""
    if anchor.id == place.id:  # "San Juan (San Juan)": the name cannot anchor itself
        return False
    if anchor.kind == KIND_COUNTRY or place.kind == KIND_COUNTRY:
        return place.country == anchor.country
    limit = NEAR_ANCHOR_KM if context.relation == "near" else IN_ANCHOR_KM
    return _same_admin1(place, anchor) or _close(place, anchor, limit)


def _agrees_with_any(place: Place, anchors: tuple[Place, ...], context: MentionContext) -> bool:
    return any(_agrees(place, anchor, context) for anchor in anchors)


def _anchor_candidates(context: MentionContext, gazetteer: Gazetteer) -> tuple[Place, ...]:
    """Candidates of the first anchor the gazetteer knows ("X, Unknown district, Y province" -> Y)."""
    for anchor in context.anchors:
        if found := gazetteer.lookup(anchor) or gazetteer.lookup_loose(anchor):
            return found
    return ()


def _best_candidate(context: MentionContext, focus: Focus, gazetteer: Gazetteer,
                    neighbours: tuple[Place, ...], anchors: tuple[Place, ...]) -> Place | None:
    exact = gazetteer.lookup(context.name)
    if context.is_region:
        exact = tuple(sorted(exact, key=lambda p: p.kind != KIND_ADMIN1))
    else:  # "Latakia" alone is the city; "Latakia province" the region
        towns = {p.country for p in exact if p.kind not in (KIND_ADMIN1, KIND_COUNTRY)}
        exact = tuple(p for p in exact if p.kind != KIND_ADMIN1 or p.country not in towns)
    anchored = (context, anchors)
    plausible = tuple(p for p in exact if _plausible(p, focus, anchored, neighbours))
    best = _best_place(plausible, focus, anchored, neighbours)
    if best is not None:
        return best
    loose = tuple(p for p in gazetteer.lookup_loose(context.name)
                  if not focus.weights or focus.share(p.country) >= LOOSE_MIN_FOCUS
                  or _agrees_with_any(p, anchors, context))
    return _best_place(loose, focus, anchored, neighbours, penalty=1.0)


def _plausible(place: Place, focus: Focus, anchored, neighbours: tuple[Place, ...]) -> bool:
    """A candidate outside every country the document is about must be big, a country, or
    supported by its anchor or the group's other places."""
    if place.kind == KIND_COUNTRY or not focus.weights or focus.share(place.country) >= PLAUSIBLE_MIN_FOCUS:
        return True
    if place.population >= FOREIGN_MIN_POPULATION:
        return True
    context, anchors = anchored
    if _agrees_with_any(place, anchors, context):
        return True
    return any(other.id != place.id and other.country == place.country for other in neighbours)


def _best_place(candidates: Sequence[Place], focus: Focus, anchored, neighbours: tuple[Place, ...],
                *, penalty: float = 0.0) -> Place | None:
    if not candidates:
        return None
    scored = [(_score(p, focus, anchored, neighbours) - penalty, -i, p) for i, p in enumerate(candidates)]
    return max(scored, key=lambda s: (s[0], s[1]))[2]


def _score(place: Place, focus: Focus, anchored, neighbours: tuple[Place, ...]) -> float:
    """Focus share, population, kind, agreement with the anchor and with the group's other places."""
    score = 4.0 * focus.share(place.country) + 0.3 * math.log10(place.population + 1)
    score += KIND_BONUS.get(place.kind, 0.0) + (0.5 if place.feature in ("PPLC", "PPLA") else 0.0)
    if anchored is not None:
        context, anchors = anchored
        if context.is_region and place.kind == KIND_ADMIN1:
            score += 2.0
        if anchors:
            score += 3.0 if _agrees_with_any(place, anchors, context) else -2.0
    for other in neighbours:
        if other.id == place.id:
            continue
        if _same_admin1(place, other):
            score += 1.0
        elif place.country == other.country:
            score += 0.5
    return score


def _resolution(context: MentionContext, place: Place) -> Resolution:
    if place.kind == KIND_COUNTRY:
        precision, rank, admin1 = 3, RANK_COUNTRY, None
    elif place.kind == KIND_ADMIN1 or context.is_region:
        precision, rank, admin1 = 3, RANK_ADMIN1, place.admin1_name or place.name
    else:
        precision, rank, admin1 = (2 if context.is_near else 1), RANK_PLACE, place.admin1_name
    name = place.name if place.kind == KIND_COUNTRY else context.name
    location = Location(name=name, admin1=admin1, country=place.country, lat=round(place.lat, 5),
                        lon=round(place.lon, 5), precision=precision)
    return Resolution(location, rank, place)


def _same_admin1(place: Place, other: Place) -> bool:
    return (place.admin1_code is not None and place.country == other.country
            and place.admin1_code == other.admin1_code)


def _close(place: Place, other: Place | None, limit_km: float) -> bool:
    return other is not None and haversine_km(place.lat, place.lon, other.lat, other.lon) <= limit_km
