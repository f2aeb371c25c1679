"""Candidate place mentions in a parsed document.

Sources, merged in text order (overlaps keep the earliest, longest span):

1. spaCy entities labelled GPE, LOC or FAC ("the" and generic words such as
   "city" or "province" trimmed off);
2. names in place patterns the model often mislabels: "the village of X",
   "X district", "X countryside", "outskirts of X";
3. capitalised names the gazetteer knows after "in", "near", "at", "of",
   "from", ... and names continuing a list of places ("in Celaya, Guanajuato",
   "(Sirwah, Marib)").

4. known names modifying a road or landmark ("the Halba highway").

Two names joined by "of" are one name when the whole is known ("Port of
Spain").

A capitalised name is always taken whole, so "Israel Katz" (a person) never
yields "Israel"; names inside a person or organisation entity are skipped
unless a place pattern frames them (an "organisation" holding a parenthesis
or "in", as in "Timbuktu (Tombouctou", blocks nothing), and words that are
not places in news ("Defense", "General Security", "Hezbollah", weekdays) are
never mentions, nor are attributes ("UK-based", "US dollar"). Hyphenated or
facility compounds of a known place ("Donetsk-Kirovskyi") count as known.
"""

from __future__ import annotations

import re

from ..records import PlaceMention
from .countries import DEMONYMS
from .gazetteer import Gazetteer, get_gazetteer
from .normalize import ARTICLES, fold

PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
OTHER_LABELS = frozenset({"PERSON", "ORG", "NORP"})

GENERIC_WORDS = (
    "village|town|city|district|sub-?district|province|governorate|region|area|neighbou?rhood|"
    "municipality|county|state|camp|suburbs?|countryside|outskirts|community|department|commune|"
    "locality|settlement|oblast|raion|prefecture|LGA|township|valley|island|border|governorship|"
    "forest|airbase|air\\s+base|airport|municipalitie"
)
ROAD_WORDS = (
    "highway|road|roundabout|square|bridge|checkpoint|crossing|junction|crossroads?|intersection|"
    "motorway|bypass|border\\s+crossing|gate|entrance|exit"
)
_GENERIC_TAIL = re.compile(rf"(?:\s+(?:{GENERIC_WORDS})s?)+$", re.IGNORECASE)
_ONLY_GENERIC = re.compile(rf"^(?:{GENERIC_WORDS})s?$", re.IGNORECASE)
_KEPT_TAIL = re.compile(r"\s+(?:City|Town)$")  # "Cape Town", "Kuwait City": part of the name when known
_LEADING_THE = re.compile(r"^(?:the|The)\s+")
_LEADING_GENERIC = re.compile(rf"^(?:{GENERIC_WORDS})\s+of\s+(?:the\s+)?", re.IGNORECASE)
_CUT = re.compile(r"\s*[,;()\[\]]")
_POSSESSIVE = re.compile(r"[’']s$")

_CONNECTOR = r"(?:al|el|ad|as|ash|ar|az|an|at|ad|de|del|de\s+la|la|le|los|las|da|do|dos|du|des|di|bin|ibn|bani|abu|ez|es|ed|et|sur)"
_WORD = r"[A-Z][\w’‘'`.\-]*(?<![.’'])"
NAME = rf"(?:{_CONNECTOR}-|(?:al|el)[ ])?{_WORD}(?:[ ]+(?:{_CONNECTOR}[\s-]+){{0,2}}{_WORD}){{0,4}}"
_LEADING_ARTICLE = re.compile(r"^(?:al|el)[ -][A-Z]")
NAME_RE = re.compile(NAME)

_PATTERN_BEFORE = re.compile(
    rf"\b(?:(?:{GENERIC_WORDS})\s+of|outskirts\s+of|countryside\s+of|vicinity\s+of|suburbs?\s+of)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_PATTERN_AFTER = re.compile(rf"\s+(?:{GENERIC_WORDS})s?\b", re.IGNORECASE)
_ROAD_AFTER = re.compile(rf"\s+(?:(?:main|old|new|international|coastal)\s+)?(?:{ROAD_WORDS})s?\b")
_ATTRIBUTE_AFTER = re.compile(  # "US dollar", "US military forces": an attribute, not a place
    r"\s+(?:dollars?|currency|military|forces|troops|army|navy|embassy|consulate|government|officials?|"
    r"authorities|administration|envoy|sanctions|drones?|airstrikes?|jets?|soldiers?|citizens?|nationals?|"
    r"servicem[ae]n|service\s+members?|personnel|marines?|contractors?|diplomats?|troopers?)\b")
_LOCATIVE_BEFORE = re.compile(
    r"\b(?:in|near|at|of|from|outside|around|towards?|into|across|to|between|and|rural|"
    r"(?:north|south|east|west)(?:-?(?:east|west))?(?:ern)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_STRONG_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|outside|around|rural|vicinity\s+of)\s+(?:the\s+)?$", re.I)
_ANCHOR_AFTER = re.compile(r"\s*(?:\(|,\s*[A-Z])")
# Acts whose object is a place when a containing place follows ("shelled Sfuhen in Idleb", "raided X (Y, Z)").
_ACT_ON_PLACE_BEFORE = re.compile(
    r"\b(?:(?P<place_only>shelled|bombarded|raided|stormed|besieged|overran|recaptured|retook)|entered|targeted|"
    r"struck|attacked|bombed)\s+(?:the\s+)?(?:(?:village|town|city|area|district)\s+of\s+)?$")  # no one shells a man
_BUILDING_TAIL = re.compile(r"\b(?:Hotel|Hospital|School|University|College|Mosque|Church|Temple|Embassy|Consulate|"
                            r"Prison|Jail|Mall|Cent(?:re|er)|Building|Palace|Stadium|Office|Headquarters|Bank)$")
_CONTAINED_AFTER = re.compile(r"\s*(?:\(|\s+in\s+(?:the\s+)?[A-Z])")
_MODIFIER_AFTER = re.compile(  # "UK-based", "Iran-backed": an attribute, not where something happened
    r"-(?:based|backed|led|born|funded|supported|allied|affiliated|run|owned|made|brokered|sponsored|"
    r"registered|headquartered|aligned)\b", re.I)
_LIST_BEFORE = re.compile(r"(?:,|\(|\band|/)\s*$")

NON_PLACES = frozenset(fold(word) for word in (
    "Defense", "Defence", "General Security", "Security", "Interior", "Hezbollah", "Hamas",
    "Taliban", "Houthi", "Houthis", "Government", "Army", "Police", "Ministry", "Council",
    "President", "Republic", "National", "Islamic State", "Al Qaeda", "Al-Qaeda", "Allah", "God",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December", "North", "South", "East", "West", "Central", "Upper", "Lower",
    "New", "Reuters", "Twitter", "Telegram", "Facebook", "Mr", "Mrs", "Ms", "Dr", "General",
    "Colonel", "Brigadier", "Captain", "Sheikh", "Saint", "St", "Mount", "Lake", "River",
    "Islamist", "Jihadist", "Alawite", "Alawites", "Druze", "Kurdish", "Kurds", "Sunni", "Shia",
    "Christian", "Muslim", "Arab", "Arabs", "Western", "Eastern", "Northern", "Southern",
    "Prime Minister", "Observatory", "Islamic", "Fulani", "Unidad", "Division", "Brigade",
    "Forces", "Front", "Base", "On", "In", "At", "As", "By", "The", "Around", "Between", "Some", "Mine", "Station", "Military", "Ministers", "Parliament", "Municipality",
))
COUNTRY_ACRONYMS = frozenset({"US", "USA", "UK", "UAE", "DRC"})
_BLOCK_BREAKERS = re.compile(r"[(),]|\s(?:in|near|of)\s")  # "Timbuktu (Tombouctou" is no organisation
REGION_NAME_AFTER = re.compile(r"\s+(?:region|state|province|zone)\b", re.I)
_DEMONYM_KEYS = frozenset(fold(d) for names in DEMONYMS.values() for d in names)


def find_place_mentions(doc, *, gazetteer: Gazetteer | None = None) -> list[PlaceMention]:
    """Every candidate place mention in a spaCy ``Doc``, in text order (offsets into ``doc.text``)."""
    gazetteer = gazetteer if gazetteer is not None else get_gazetteer()
    text = doc.text
    blocked = [(e.start_char, e.end_char) for e in doc.ents
               if e.label_ in OTHER_LABELS and not _BLOCK_BREAKERS.search(e.text)]
    found: dict[tuple[int, int], PlaceMention] = {}
    for ent in doc.ents:
        if ent.label_ in PLACE_LABELS and (mention := place_name_at(text, ent.start_char, ent.end_char,
                                                                    known=gazetteer.knows)):
            found[(mention.start, mention.end)] = mention
    names = [m for m in (place_name_at(text, start, end, known=gazetteer.knows)
                         for start, end in name_spans(text, known=gazetteer.knows)) if m]
    for mention in names:
        before = text[max(0, mention.start - 40):mention.start]
        if (_PATTERN_BEFORE.search(before) or _PATTERN_AFTER.match(text, mention.end)
                or (_ROAD_AFTER.match(text, mention.end) and _knows(gazetteer, mention.name))):
            found[(mention.start, mention.end)] = mention
        elif (act := _ACT_ON_PLACE_BEFORE.search(before)) and _CONTAINED_AFTER.match(text, mention.end) \
                and not _BUILDING_TAIL.search(mention.name) and (
                act.group("place_only") or not any(a < mention.end and mention.start < b for a, b in blocked)):
            found[(mention.start, mention.end)] = mention  # "regime forces shelled Sfuhen in Idleb"
        elif _LOCATIVE_BEFORE.search(before) and not _inside(mention, blocked) and (
                _knows(gazetteer, mention.name)
                or (_STRONG_LOCATIVE_BEFORE.search(before) and _ANCHOR_AFTER.match(text, mention.end))):
            found[(mention.start, mention.end)] = mention
    _add_list_continuations(text, names, found, gazetteer)
    return _without_overlaps(m for m in found.values() if not is_attribute(text, m))


_OF_BETWEEN = re.compile(r"\s+of\s+")


def name_spans(text: str, *, known) -> list[tuple[int, int]]:
    """The spans of capitalised names, two joined by "of" when the whole is a known place
    ("Port of Spain", "Isle of Man")."""
    spans = [(m.start(), m.end()) for m in NAME_RE.finditer(text)]
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and _OF_BETWEEN.fullmatch(text, joined[-1][1], start) and known(text[joined[-1][0]:end]):
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def is_attribute(text: str, mention: PlaceMention) -> bool:
    """True for a name used as an attribute: "UK-based", "US dollar", "US military forces"."""
    if _MODIFIER_AFTER.match(text, mention.end):
        return True
    return mention.name in COUNTRY_ACRONYMS and bool(_ATTRIBUTE_AFTER.match(text, mention.end))


def _add_list_continuations(text: str, names: list[PlaceMention], found: dict, gazetteer) -> None:
    """Known names right after a found mention and a comma, "and", "/" or "(" ."""
    changed = True
    while changed:
        changed = False
        ends = {m.end for m in found.values()}
        for mention in names:
            if (mention.start, mention.end) in found or not _knows(gazetteer, mention.name):
                continue
            prefix = text[max(0, mention.start - 60):mention.start]
            stripped = _GENERIC_TAIL.sub("", _LIST_BEFORE.sub("", prefix).rstrip()).rstrip(" )")
            if _LIST_BEFORE.search(prefix) and _ends_at_mention(prefix, stripped, mention.start, ends):
                found[(mention.start, mention.end)] = mention
                changed = True


def _knows(gazetteer: Gazetteer, name: str) -> bool:
    if gazetteer.lookup(name) or gazetteer.lookup_loose(name):
        return True
    head = compound_head(name)
    return head is not None and bool(gazetteer.lookup(head))


_POSSESSIVE_INSIDE = re.compile(r"[’']s\s")
_RURAL = re.compile(r"^Rural\s+(?P<lead>.+)$|^(?P<trail>.+?)\s+(?:Rural|Countryside)$")
_FACILITY_TAIL = re.compile(
    r"\s+(?:[A-Z][\w’'.]*\s+)?(?:Station|Mine|Plant|Factory|Airport|Checkpoint|Bridge|Market|Crossing|Dam|"
    r"Camp|Base|Port|Junction|Roundabout)(?:\s+[\w/.-]+)?$")


_DIRECTION_LEAD = re.compile(r"^(?:(?:North|South)(?:-?(?:east|west))?(?:ern)?|East(?:ern)?|West(?:ern)?|Central|"
                             r"Upper|Lower|Greater|Inner|Outer)\s+(?=[A-Z])")


def is_directional(name: str) -> bool:
    """ "North London", "Western Anbar": a part of a place, named by its direction."""
    return _DIRECTION_LEAD.match(name) is not None


def compound_head(name: str) -> str | None:
    """The leading place of a compound name: "Zolote-5", "Donetsk-Kirovskyi", "Butovka-Donetskaya
    Mine", "Donetsk Filtration Station", "Rural Damascus", "Western Anbar" -> "Zolote", "Donetsk",
    "Butovka", "Donetsk", "Damascus", "Anbar"; None otherwise."""
    if possessive := _POSSESSIVE_INSIDE.search(name):  # "Beirut's Saifi" -> "Beirut"
        head = name[:possessive.start()]
    elif rural := _RURAL.match(name):  # "Rural Damascus", "Bujumbura Rural": the land around the town
        head = rural.group("lead") or rural.group("trail")
    elif "-" in name:
        head = name.split("-", 1)[0].strip()
    elif match := _FACILITY_TAIL.search(name):
        head = name[:match.start()].strip()
    elif match := _DIRECTION_LEAD.match(name):  # "North London", "Western Anbar": part of the named place
        head = name[match.end():]
    else:
        return None
    if len(head) < 3 or not head[:1].isupper() or fold(head) in ARTICLES or fold(head) in NON_PLACES:
        return None
    return head


def _ends_at_mention(prefix: str, stripped: str, start: int, ends: set[int]) -> bool:
    return (start - len(prefix) + len(stripped)) in ends


def place_name_at(text: str, start: int, end: int, *, known=None) -> PlaceMention | None:
    """The span without a leading "the", a possessive or trailing generic words; None if not a name.

    ``known(name) -> bool``, when given, keeps a trailing "City" or "Town" of a known name ("Cape Town").
    """
    span = _CUT.split(text[start:end], maxsplit=1)[0]
    for pattern in (_LEADING_THE, _LEADING_GENERIC):
        if match := pattern.match(span):
            start += match.end()
            span = span[match.end():]
    span = _POSSESSIVE.sub("", span)
    if not (known is not None and _KEPT_TAIL.search(span) and known(span)):
        span = _GENERIC_TAIL.sub("", span)
    span = span.rstrip(" ,.-")
    key = fold(span)
    if _ONLY_GENERIC.match(span):
        return None  # "City" of "City of X" cut apart
    if not span or not (span[0].isupper() or _LEADING_ARTICLE.match(span)) or len(key) < 2 or key in NON_PLACES:
        return None
    if key in _DEMONYM_KEYS and not REGION_NAME_AFTER.match(text, start + len(span)):
        return None  # "Somali militants", but "Somali region" is a place
    if span.isupper() and len(span) <= 4 and span not in COUNTRY_ACRONYMS:
        return None  # "INC", "MP", "AP": parties and abbreviations, not places
    return PlaceMention(name=span, start=start, end=start + len(span))


def _inside(mention: PlaceMention, spans: list[tuple[int, int]]) -> bool:
    """True when the mention lies strictly within a longer person/organisation entity."""
    return any(s <= mention.start and mention.end <= e and e - s > mention.end - mention.start
               for s, e in spans)


def _without_overlaps(mentions) -> list[PlaceMention]:
    ordered = sorted(mentions, key=lambda m: (m.start, -(m.end - m.start)))
    kept: list[PlaceMention] = []
    for mention in ordered:
        if kept and mention.start < kept[-1].end:
            continue
        kept.append(mention)
    return kept
