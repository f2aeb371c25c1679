"""What the words around a place mention say about it.

* kind: "Idlib province", "the province of Idlib", the last of a bracketed
  list "(Rafi LGA, Niger)" -> a region (admin1);
  "Gaza city", "the town of X" -> a town (not a region of the same name);
* nearness: "near X", "outskirts of X", "X countryside", "X district",
  "(north|south...) of X" -> near or part of X (precision 2);
* anchor: the bigger place that locates it: "X, south of Y", "X, located in
  the countryside south of Y", "X near Y", "X, Y", "X (Y)", "X district, Y
  province", "X (iLembe, KwaZulu-Natal)": every name of a parenthesised list).
  ``relation`` is "near" for a relative position, "in" for a containing
  place. A comma anchor followed by a lower-case noun ("X, Normal school")
  ends the chain.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..records import PlaceMention
from .mentions import GENERIC_WORDS, NAME, place_name_at

_DIRECTION = r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?"
_DISTANCE = r"(?:(?:some|about|around|roughly|approximately|nearly)\s+)?\d+(?:\.\d+)?\s*(?:km|kilomet(?:er|re)s?|miles?|mi)\b"
_REGION_AFTER = re.compile(r"^\s+(?:province|governorate|state|region|oblast|prefecture|department)\b", re.I)
_PART_AFTER = re.compile(
    r"^\s+(?:countryside|outskirts|suburbs?|environs|district|sub-?district|municipality|county|raion|LGA|area|"
    r"rural\s+area|airbase|air\s+base|airport)\b",
    re.I)
_LIST_TAIL_BEFORE = re.compile(r"\([^()]{1,80},\s*$|"  # "(Rafi LGA, Niger)": ACLED's admin2, admin1
                               r"\b(?:LGA|district|county|sub-?county|municipality|township|commune)\s*\(\s*$", re.I)
_LIST_TAIL_AFTER = re.compile(r"^\s*\)")
_TOWN_AFTER = re.compile(r"^\s+(?:city|town|village)\b", re.I)
_TOWN_BEFORE = re.compile(r"\b(?:city|town|village)\s+of\s+(?:the\s+)?$", re.I)
_REGION_BEFORE = re.compile(r"\b(?:province|governorate|state|region|oblast)\s+of\s+(?:the\s+)?$", re.I)
_NEAR_BEFORE = re.compile(
    rf"\b(?:near|nearby|outside|around|close\s+to|outskirts\s+of|countryside\s+of|vicinity\s+of|"
    rf"suburbs?\s+of|environs\s+of|district\s+of|(?:{_DISTANCE}\s+)?{_DIRECTION}\s+(?:of|from))\s+"
    rf"(?:the\s+)?(?:(?:city|town)\s+of\s+)?$",
    re.I)
_RELATIVE_ANCHOR = re.compile(
    rf"^[^.;\n]{{0,90}}?\b(?P<relation>(?:{_DISTANCE}\s+)?{_DIRECTION}\s+(?:of|from)|near|outside|close\s+to|"
    rf"outskirts\s+of|countryside\s+of|vicinity\s+of)\s+(?:the\s+)?"
    rf"(?:(?:city|town|province|governorate|district|countryside|outskirts)\s+of\s+)?(?P<anchor>{NAME})")
_CONTAINING_ANCHOR = re.compile(
    rf"^(?:\s+(?:village|town|city|district|sub-?district|municipality|county|area|camp|neighbou?rhood|"
    rf"community|locality|front|frontline|forest|airbase|airport|province|governorate|state|region)s?(?:\s+of)?)?\s*(?:,\s*(?:in\s+)?|\(|\s+in\s+|(?<=of))\s*(?:the\s+)?(?:{_DIRECTION}\s+)?"
    rf"(?P<anchor>{NAME})")
_UNIT_WORDS = rf"{GENERIC_WORDS}|sector|subdivision|chiefdom|payam|ward|zone|circle|tehsil|upazila|union"
_NOUN_AFTER = re.compile(
    r"\s+(?!(?:on|in|at|and|or|of|near|for|to|by|with|after|before|during|where|which|when|while|as|from|"
    rf"the|a|an|this|that|since|between|said|says|reported|{_UNIT_WORDS})s?\b)[a-z]")
CONTEXT_WINDOW = 160
MAX_ANCHORS = 3


@dataclass(frozen=True, slots=True)
class MentionContext:
    name: str
    is_region: bool
    is_near: bool
    relation: str | None  # "near" or "in" when there is an anchor
    anchors: tuple[str, ...]  # the anchor, then the places that contain it ("X, Y district, Z province")
    is_town: bool = False  # "Gaza city", "the town of X": a populated place, not a region
    anchor_is_town: bool = False  # "X neighbourhood of Gaza city"

    @property
    def anchor(self) -> str | None:
        return self.anchors[0] if self.anchors else None


def read_context(text: str, mention: PlaceMention, *, known=None) -> MentionContext:
    """``known(name) -> bool`` keeps "City"/"Town" in known anchors ("(City of Cape Town)")."""
    after = text[mention.end:mention.end + CONTEXT_WINDOW]
    before = text[max(0, mention.start - 60):mention.start]
    is_region = bool(_REGION_AFTER.match(after) or _REGION_BEFORE.search(before)
                     or (_LIST_TAIL_BEFORE.search(before) and _LIST_TAIL_AFTER.match(after)))
    is_near = bool(_NEAR_BEFORE.search(before) or _PART_AFTER.match(after))
    relation, anchors = _anchors(after, known)
    is_town = not is_region and bool(_TOWN_AFTER.match(after) or _TOWN_BEFORE.search(before))
    anchor_is_town = bool(anchors) and re.search(rf"{re.escape(anchors[0])}\s+(?:city|town)\b", after, re.I) is not None
    return MentionContext(mention.name, is_region, is_near, relation, anchors, is_town, anchor_is_town)


_PARENTHESES = re.compile(rf"^\s*(?:(?:{_UNIT_WORDS})s?\s*)?\(([^()]{{2,120}})\)", re.I)


def _anchors(after: str, known=None) -> tuple[str | None, tuple[str, ...]]:
    """The first anchor and up to two containing places chained after it; every name of a
    parenthesised list ("X (iLembe, KwaZulu-Natal)" -> KwaZulu-Natal), smallest first."""
    if listed := _PARENTHESES.match(after):
        names = [place_name_at(item, 0, len(item), known=known) for item in
                 (part.strip() for part in re.split(r"[,;]", listed.group(1)))]
        anchors = tuple(n.name for n in names if n is not None)[:MAX_ANCHORS]
        if anchors:
            return "in", anchors
    # a containing place right after the name ("X, Y", "X (Y") before a relative one further on,
    # unless no containing name is known ("X in Jabal Foo in the countryside of Y")
    containing = _anchor_chain(_CONTAINING_ANCHOR.match(after), after, known)
    if containing and (known is None or any(known(a) for a in containing)):
        return "in", containing
    if relative := _anchor_chain(_RELATIVE_ANCHOR.match(after), after, known):
        return "near", relative
    return ("in", containing) if containing else (None, ())


def _anchor_chain(match, after: str, known) -> tuple[str, ...]:
    """The anchor of ``match`` and the containing places chained after it."""
    anchors: list[str] = []
    while match is not None and len(anchors) < MAX_ANCHORS:
        anchor = place_name_at(match.group("anchor"), 0, len(match.group("anchor")), known=known)
        if anchor is None:
            break
        consumed, after = after[:match.end("anchor")], after[match.end("anchor"):]
        if _NOUN_AFTER.match(after) and re.search(r",\s*(?:in\s+)?(?:the\s+)?\S+$", consumed):
            break  # "..., Normal school students": an adjective, not a containing place
        anchors.append(anchor.name)
        match = _CONTAINING_ANCHOR.match(after)
    return tuple(anchors)
