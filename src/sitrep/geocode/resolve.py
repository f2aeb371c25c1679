"""Resolve groups of place mentions to one location each.

For every mention of a group the text around it is read (:mod:`.context`):
its kind ("X district", "Y province"), whether it lies near or around
somewhere ("near Y", "Y countryside", "outskirts of Y"), and its anchor ("X,
south of Y", "X, Y", "X (Y)"). Gazetteer candidates are ranked by the
document's country focus, the anchor and the group's other places (same
admin1, distance), population and kind; a name's one big town ("Sidon")
is always a candidate. Of a parenthesised list of anchors ("X (Tuban,
Lahij)") the smallest that lies in the biggest is used, exact spellings
before variants. What lies in an anchor lies in its country, and containing
regions of one country ("X in Dar'a", spelt like the region "Daraa") bind
the name to that country: a namesake abroad never wins. The group's
country is voted (a country name votes least, without the document's prior,
which already counts it: "goods from Turkey ... in Batumi" is Georgia) and
its most specific resolved mention wins (a place over an admin1 region
over a country), earlier first. A name the gazetteer lacks but that has a
resolvable anchor is placed at the anchor with precision 2, keeping its own
name; a compound of a known place ("Zolote-5", "Beirut's Hamra") is placed
near that place. Groups that resolve to nothing get the document's focus
country (precision 3) when the focus is clear; when no group of the document
resolves, empty groups get it too.
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
from .mentions import compound_head, is_directional
from .normalize import name_key
from .gazetteer import KIND_ADMIN1, KIND_COUNTRY, KIND_LOCAL, KIND_PLACE, Gazetteer, Place, get_gazetteer

RANK_PLACE, RANK_ADMIN1, RANK_COUNTRY = 0, 1, 2
NEAR_ANCHOR_KM = 75.0
IN_ANCHOR_KM = 200.0
LOOSE_MIN_FOCUS = 0.25
PLAUSIBLE_MIN_FOCUS = 0.15
FALLBACK_MIN_FOCUS = 0.45
BIG_PLACE_POPULATION = 50_000
FOREIGN_MIN_POPULATION = 500_000
DIRECTIONAL_MIN_POPULATION = 100_000  # "North London": a big place has named parts
COUNTRY_VOTE = 1.0
DOMINANT_RATIO = 10
SAME_ADMIN1_BONUS = 2.0
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
        if not groups:
            return []
        gazetteer = self.gazetteer
        focus = document_focus(text, gazetteer)
        located = [_locate_group(text, group, focus, gazetteer) for group in groups]
        if any(located):
            return located
        # Nothing named resolves: the country the document is about, for every group.
        return [_focus_fallback(group, focus, gazetteer) for group in groups]


def _locate_group(text: str, group: Sequence[PlaceMention], focus: Focus,
                  gazetteer: Gazetteer) -> Location | None:
    contexts = [read_context(text, mention, known=gazetteer.knows) for mention in group]
    first_pass = [_best_candidate(c, focus, gazetteer, (), _anchor_candidates(c, gazetteer, focus)) for c in contexts]
    neighbours = tuple(p for p in first_pass if p is not None)
    resolutions = [r for c in contexts if (r := _resolve_mention(c, focus, gazetteer, neighbours)) is not None]
    if not resolutions:
        return _focus_fallback(group, focus, gazetteer) if group else None
    country = _group_country(resolutions, focus)
    agreeing = [r for r in resolutions if r.location.country == country]
    return min(agreeing, key=lambda r: r.rank).location


def _group_country(resolutions: list[Resolution], focus: Focus) -> str | None:
    """The country most of the group's resolutions (and the document) agree on."""
    votes: dict[str | None, float] = {}
    for resolution in resolutions:
        country = resolution.location.country
        prior = 2.0 * focus.share(country or "") if resolution.place.kind != KIND_COUNTRY else 0.0
        votes[country] = votes.get(country, 0.0) + _vote(resolution.place) + prior
    return max(votes, key=lambda c: votes[c])


def _vote(place: Place) -> float:
    if place.kind == KIND_COUNTRY:  # "protesters from Turkey ... in Batumi": the town says more
        return COUNTRY_VOTE
    if place.kind in (KIND_ADMIN1, KIND_LOCAL) or place.population >= BIG_PLACE_POPULATION:
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
    anchors = _anchor_candidates(context, gazetteer, focus)
    place = _best_candidate(context, focus, gazetteer, neighbours, anchors)
    if place is None and not anchors:
        return _resolve_compound(context, focus, gazetteer, neighbours)
    if place is not None and (not anchors or _agrees_with_any(place, anchors, context)):
        return _resolution(context, place)
    if not anchors or context.is_region:
        return place and _resolution(context, place)
    anchor = _best_place(anchors, focus, None, neighbours)
    if anchor is not None and anchor.kind == KIND_COUNTRY and context.relation == "in" and place is not None \
            and place.kind != KIND_COUNTRY:  # not "Argentina, Israel and the United States": a list
        # "the town of Palma in northern Mozambique": not Spain's Palma; somewhere in the stated country
        location = Location(name=context.name, admin1=None, country=anchor.country, lat=round(anchor.lat, 5),
                            lon=round(anchor.lon, 5), precision=3)
        return Resolution(location, RANK_COUNTRY, anchor)
    if anchor is None or anchor.kind == KIND_COUNTRY:
        return place and _resolution(context, place)
    if place is not None and not _binding(anchors, context) and (_clear_name(place, context, anchors, gazetteer)
                              or _score(place, focus, None, neighbours) >= _score(anchor, focus, None, neighbours)):
        return _resolution(context, place)  # a clear name beats an ambiguous anchor that disagrees
    location = Location(name=context.name, admin1=anchor.admin1_name, country=anchor.country,
                        lat=round(anchor.lat, 5), lon=round(anchor.lon, 5), precision=2)
    return Resolution(location, RANK_PLACE, anchor)


def _resolve_compound(context: MentionContext, focus: Focus, gazetteer: Gazetteer,
                      neighbours: tuple[Place, ...]) -> Resolution | None:
    """"Zolote-5", "Donetsk Filtration Station", "Beirut's Hamra": near the leading known place,
    keeping the whole name; ranked after the places the group names outright."""
    head = compound_head(context.name)
    if head is None:
        return None
    near = replace(context, name=head, is_near=True)
    found = _best_candidate(near, focus, gazetteer, neighbours, ())
    if found is None or is_directional(context.name) and (name_key(found.name) != name_key(head) or not (
            found.kind in (KIND_ADMIN1, KIND_COUNTRY) or found.population >= DIRECTIONAL_MIN_POPULATION)):
        return None  # "North London" is part of London; "North Sinai" is no part of a hamlet called Sinai
    guess = _resolution(near, found)
    return Resolution(replace(guess.location, name=context.name), max(guess.rank, RANK_ADMIN1), found)


def _binding(anchors: tuple[Place, ...], context: MentionContext) -> bool:
    """Regions of one country containing the name ("X in Daraa", "X (Y, Lahij)") fix its country:
    a namesake abroad never beats them."""
    return (context.relation == "in" and len({a.country for a in anchors}) == 1
            and all(a.kind in (KIND_ADMIN1, KIND_COUNTRY) for a in anchors))


def _clear_name(place: Place, context: MentionContext, anchors: tuple[Place, ...], gazetteer: Gazetteer) -> bool:
    """A name spelt as in the gazetteer beats a disagreeing anchor whose own name is ambiguous
    ("Hinche, Centre": many countries have a Centre)."""
    return place in gazetteer.lookup(context.name) and len({a.country for a in anchors}) > 1


def _agrees(place: Place, anchor: Place, context: MentionContext) -> bool:
    """A place agrees with its anchor when it lies in the anchor's country and region or near it."""
    if anchor.id == place.id:  # "San Juan (San Juan)": the name cannot anchor itself
        return False
    if anchor.kind == KIND_COUNTRY or place.kind == KIND_COUNTRY:
        return place.country == anchor.country
    if context.relation != "near" and place.country != anchor.country:
        return False  # "Karak area in Dar'a": what lies in a place lies in its country
    limit = NEAR_ANCHOR_KM if context.relation == "near" else IN_ANCHOR_KM
    return _same_admin1(place, anchor) or _close(place, anchor, limit)


def _agrees_with_any(place: Place, anchors: tuple[Place, ...], context: MentionContext) -> bool:
    return any(_agrees(place, anchor, context) for anchor in anchors)


def _anchor_candidates(context: MentionContext, gazetteer: Gazetteer, focus: Focus) -> tuple[Place, ...]:
    """Candidates of the first anchor the gazetteer knows ("X, Unknown district, Y province" -> Y)."""
    for loose in (False, True):  # exact spellings first: "(Lowaba, Sud-Kivu)"
        known = [found for anchor in context.anchors
                 if (found := _anchor_lookup(gazetteer, anchor, context, focus, loose=loose))]
        if not known:
            continue
        if len(known) == 1:
            return known[0]
        # "(Tuban, Lahij)": the smaller anchor only where it lies in the bigger one, else the bigger one
        contained = tuple(p for p in known[0] if any(_agrees(p, q, context) for q in known[-1]))
        return contained or known[-1]
    return ()


def _anchor_lookup(gazetteer: Gazetteer, anchor: str, context: MentionContext, focus: Focus, *,
                   loose: bool) -> tuple[Place, ...]:
    found = gazetteer.lookup_loose(anchor) if loose else gazetteer.lookup(anchor)
    if not found and not loose and (head := compound_head(anchor)):  # "X in Rural Damascus"
        found = gazetteer.lookup(head)
    if loose and focus.solid:  # a spelling variant abroad is no anchor
        found = tuple(p for p in found if focus.share(p.country) >= LOOSE_MIN_FOCUS)
    if context.anchor_is_town and anchor == context.anchor and any(p.kind == KIND_PLACE for p in found):
        return tuple(p for p in found if p.kind == KIND_PLACE)  # "X neighbourhood of Gaza city"
    regions = tuple(p for p in found if p.kind in (KIND_ADMIN1, KIND_COUNTRY))
    if not loose and not regions and context.relation == "in":  # "in Dar'a": the region spelt Daraa
        towns = {p.country for p in found}  # ... in a country where the name is a town too
        regions = tuple(p for p in gazetteer.lookup_loose(anchor) if p.kind == KIND_ADMIN1 and p.country in towns)
    if name_key(anchor) == name_key(context.name):  # "Gulu (Gulu district)": only a region helps
        return regions
    # "Acapulco, Guerrero": a containing name that is a region is the region, not its namesake towns
    return regions if regions and context.relation == "in" else found


def _best_candidate(context: MentionContext, focus: Focus, gazetteer: Gazetteer,
                    neighbours: tuple[Place, ...], anchors: tuple[Place, ...]) -> Place | None:
    exact = gazetteer.lookup(context.name)
    stated: tuple[Place, ...] = ()
    if context.is_region:  # "Niger state", "(Rafi LGA, Niger)": the region, not the country
        regions = tuple(p for p in exact if p.kind == KIND_ADMIN1)
        if regions and any(p.kind == KIND_COUNTRY for p in exact):
            stated = regions  # a region named like a country is meant, wherever the document is
        exact = regions + tuple(p for p in exact if p.kind not in (KIND_ADMIN1, KIND_COUNTRY) or not regions)
    elif context.is_town and any(p.kind == KIND_PLACE for p in exact):  # "Gaza city": not Mozambique's Gaza
        exact = tuple(p for p in exact if p.kind == KIND_PLACE)
    else:  # "Latakia" alone is the city; "Latakia province" the region
        towns = {p.country for p in exact if p.kind not in (KIND_ADMIN1, KIND_COUNTRY)}
        exact = tuple(p for p in exact if p.kind != KIND_ADMIN1 or p.country not in towns)
    anchored = (context, anchors)
    dominant = _dominant(exact)
    plausible = tuple(p for p in exact if p is dominant or p in stated or _plausible(p, focus, anchored, neighbours))
    best = _best_place(plausible, focus, anchored, neighbours)
    if best is not None:
        return best
    loose = tuple(p for p in gazetteer.lookup_loose(context.name)
                  if not focus.solid or focus.share(p.country) >= LOOSE_MIN_FOCUS
                  or _agrees_with_any(p, anchors, context))
    return _best_place(loose, focus, anchored, neighbours, penalty=1.0)


def _dominant(candidates: Sequence[Place]) -> Place | None:
    """The one big town a name stands for ("Sidon": 160,000 people; its namesakes are hamlets)."""
    places = sorted((p for p in candidates if p.kind == KIND_PLACE), key=lambda p: -p.population)
    if not places or places[0].population < BIG_PLACE_POPULATION:
        return None
    rest = max((p.population for p in places[1:] if p.country != places[0].country), default=0)
    return places[0] if places[0].population >= DOMINANT_RATIO * rest else None


def _plausible(place: Place, focus: Focus, anchored, neighbours: tuple[Place, ...]) -> bool:
    """A candidate outside every country the document is about must be big, a country, or
    supported by its anchor or the group's other places."""
    if place.kind == KIND_COUNTRY or not focus.solid or focus.share(place.country) >= PLAUSIBLE_MIN_FOCUS:
        return True
    if place.kind == KIND_PLACE and place.population >= FOREIGN_MIN_POPULATION:
        return True  # a city known abroad; a region abroad ("Red Sea" state) needs support
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
            score += SAME_ADMIN1_BONUS
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
