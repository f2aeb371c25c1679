"""The evidence that two reports tell of one incident, weighed and explained.

:func:`weigh` compares a new report (a :class:`~sitrep.reconcile.units.Unit`)
with one report already in an incident and returns a :class:`Decision`: either
a bar (a reason the two cannot be one event: another place, days apart,
tolls that cannot be the same deaths) or a score, the sum of the weights of the
features that matched or clashed. Each feature is kept with its weight and a
short note ("killed 12 / 13: within 20%"), so a store can say why a document
joined an incident.

Features, each weighed on its own:

- **place** at the precision it is given: the same place (within 5 km or by
  name, or a place both texts name), near (25 km), only the same province or
  country; two located places far apart bar the match;
- **day**: the same day, or a day apart (windows further apart bar it);
- **victims' figures**: equal, within 20% (weighed by how telling the toll is:
  a hundred dead agreeing says more than one), one a later update of the
  other, sources disagreeing (up to threefold, from five up), or incompatible
  (one reports none, or small tolls that differ: different victims; bars it);
- **kind of act**: event type and sub-type, outcomes, victim categories;
- **actors**: a perpetrator or target named in both;
- **distinctive words** shared by the two texts (names of people, units,
  groups, places, objects), the strongest sign two short reports are one story.
"""

from __future__ import annotations

import functools
import math
import re
import unicodedata
from dataclasses import dataclass

from ..geodesy import location_distance_km
from ..records import Figures, Location

MATCH_THRESHOLD = 3.0
SAME_KM = 5.0
NEAR_KM = 25.0
DAY_TOLERANCE = 1
CLOSE_PARTS = 5  # figures within a fifth of the larger are close
DISPUTED_FROM = 5  # two sources' tolls of one event may differ up to threefold from this size
DISPUTED_RATIO = 3
WORD_LIMIT = 120  # distinctive words kept a report
WHOLE_VICTIMS = frozenset({"unknown", "mixed"})
# Event types reports of one attack are often told as (a clash, a strike, an attack on civilians)
ARMED_VIOLENCE = frozenset({"Battles", "Explosions/Remote violence", "Violence against civilians"})

_WORD = re.compile(r"[^\W\d_][\w'’-]*[^\W_]|[^\W\d_]")
# Words every report of violence shares; they say nothing about which event it is.
COMMON_WORDS = frozenset("""
a about above according across after again against ago all allegedly along also although
among an and another any are area areas around as at attack attacked attacks away back
because been before being between both but by came can carried caused claimed clash clashed
clashes could day days dead death deaths did died district during each early east either
else evening events ever every fatalities fighting fire following for forces from further
had has have he her here him his however if in including injured injuring into is it its
killed killing killings last late later least left local man many may men more morning
most near nearby new night no none nor north not number of off officials on one only or
other others our out over people per person police province local region reported
reportedly reports said says security several she shot since so some south state
still such than that the their them then there these they this those three through to
told took town two under unknown until up upon us village was we were west when where
which while who whom whose will with without wounded wounding would year years yesterday
january february march april may june july august september october november december
monday tuesday wednesday thursday friday saturday sunday
today tonight week weekend month months hours hour
northern southern eastern western central northeast northwest southeast southwest
countryside capital city cities province provinces governorate township municipality
neighbourhood neighborhood outskirts vicinity border road street market village villages
community communities residents resident locals local member members group groups
military national army soldiers soldier troops police policemen officer officers
armed gunmen militants militant fighters fighter rebels rebel civilians civilian
government state authorities official unidentified suspected alleged attackers assailants
clash firefight shooting shootout shoot-out gunfire exchange broke erupted opened
shelling shells shell artillery airstrike airstrikes strike strikes drone bomb bombing
explosion explosions exploded blast device mortar rocket rockets missile missiles
dead dies injuries injury casualties victims victim wounds body bodies found
house houses home homes vehicle vehicles car camp base position positions
operation operations raid raids targeted targeting target took place result resulted
believed unclear confirmed according sources source report coded fatality
colonia barangay kebele commune sector zone quarter
""".split())


@dataclass(frozen=True, slots=True)
class Feature:
    """One piece of evidence: its name, its weight in the score, what matched."""

    name: str
    weight: float
    note: str

    def describe(self) -> str:
        return f"{self.name} {self.weight:+.1f} ({self.note})"


@dataclass(frozen=True, slots=True)
class Decision:
    """The outcome of weighing a report against one report of an incident."""

    score: float
    features: tuple[Feature, ...]
    bar: str | None = None  # why the two cannot be one incident

    @property
    def matches(self) -> bool:
        return self.bar is None and self.score >= MATCH_THRESHOLD

    def describe(self) -> str:
        if self.bar:
            return f"apart: {self.bar}"
        return f"score {self.score:.1f}: " + "; ".join(f.describe() for f in self.features)


def distinctive_words(text: str) -> frozenset[str]:
    """The words of a text that can tell one event from another (up to WORD_LIMIT)."""
    found: dict[str, None] = {}
    for match in _WORD.finditer(text):
        word = match.group().casefold().replace("’", "'")
        if len(word) >= 4 and word not in COMMON_WORDS:
            found.setdefault(word, None)
            if len(found) >= WORD_LIMIT:
                break
    return frozenset(found)


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
        if distance <= SAME_KM:
            return 0
        if distance <= NEAR_KM:
            return 1
        return 2 if same_admin1 and 3 in (a.precision, b.precision) else None
    if a.name and b.name and plain_name(a.name) == plain_name(b.name):
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


PLACE_WEIGHTS = {0: 2.0, 1: 1.0, 2: 0.0, 3: -0.5}
PLACE_NOTES = {0: "the same place", 1: "within 25 km", 2: "only the same province",
               3: "only the same country, or unknown"}


def place_feature(a: Location | None, b: Location | None, *,
                  a_words: frozenset[str] = frozenset(), b_words: frozenset[str] = frozenset(),
                  shared_places: frozenset[str] = frozenset()) -> Feature | str:
    """The place feature, or the reason the places cannot be one (a str).

    A place both texts name counts as the same place even where geocoding placed one
    report more coarsely (or, when one is placed only at a country, a place name both
    texts give: ``shared_places``); two different places near each other count less when neither
    text names the other's place.
    """
    rank = place_rank(a, b)
    named = _named_in(a, b_words) or _named_in(b, a_words)
    if not named and shared_places and _coarse(a, b):
        named = min(shared_places)  # a place both name that geocoding did not place
    if named and (rank is None or rank > 0):
        return Feature("place", PLACE_WEIGHTS[0], f"both name {named}")
    if rank is None:
        return f"different places ({_place_name(a)} / {_place_name(b)})"
    if rank == 0 and a is not None and b is not None and _other_names(a, b):
        return Feature("place", 0.5, f"within {SAME_KM:g} km, named apart: {a.name} / {b.name}")
    if rank == 1 and _other_names(a, b):
        return Feature("place", -0.5, f"different places within {NEAR_KM:g} km: {a.name} / {b.name}")
    name = _place_name(a) if rank == 0 else f"{_place_name(a)} / {_place_name(b)}"
    return Feature("place", PLACE_WEIGHTS[rank], f"{PLACE_NOTES[rank]}: {name}")


def _coarse(a: Location | None, b: Location | None) -> bool:
    """Whether either report is only placed at its country, or the two disagree on it."""
    if a is None or b is None or 3 in (a.precision, b.precision):
        return True
    return bool(a.country and b.country and a.country != b.country)


def _named_in(location: Location | None, words: frozenset[str]) -> str | None:
    """The location's name when every word of it is among ``words`` (a precise place only)."""
    if location is None or not location.name or location.precision == 3 or not words:
        return None
    if location.admin1 and location.name.casefold() == location.admin1.casefold():
        return None
    if location.name.casefold() in words:
        return location.name
    parts = name_words(location.name)
    return location.name if parts and parts <= words else None


def _other_names(a: Location, b: Location) -> bool:
    return bool(a.name and b.name and plain_name(a.name) != plain_name(b.name))


@functools.lru_cache(maxsize=65_536)
def plain_name(name: str) -> str:
    """A place name without case or accents ("Kembé" = "kembe")."""
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).strip()


@functools.lru_cache(maxsize=65_536)
def name_words(name: str) -> frozenset[str]:
    """The words of a place name as :func:`distinctive_words` would keep them."""
    return frozenset(w.casefold() for w in _WORD.findall(name) if len(w) >= 4) - COMMON_WORDS


def _place_name(location: Location | None) -> str:
    return location.name if location is not None and location.name else "?"


def day_feature(gap: int | None) -> Feature | str:
    if gap is None:
        return "a date unknown"
    if gap > DAY_TOLERANCE:
        return f"{gap} days apart"
    return Feature("day", 0.5 if gap == 0 else 0.0, "the same day" if gap == 0 else "a day apart")


def toll_feature(outcome: str, a: Figures | None, b: Figures | None, *, later: int,
                 weight: float) -> Feature | str | None:
    """Compare two reports' figures for one outcome.

    ``later``: 1 when report ``b`` was published after ``a``, -1 before, 0 the same day
    (a later, higher figure is an update of the toll). Returns None when a figure is missing.
    """
    x, y = _point(a), _point(b)
    if x is None or y is None:
        return None
    if x == y:
        if x == 0:
            return Feature(outcome, 0.25 * weight, "none in either")
        return Feature(outcome, round(weight * rarity(x), 2), f"{x} in both")
    low, high = min(x, y), max(x, y)
    if low == 0:
        return f"{outcome} {x} / {y}: one reports none"
    if (high - low) * CLOSE_PARTS <= high:
        return Feature(outcome, round(0.75 * weight * rarity(low), 2), f"{x} / {y}: within 20%")
    if _within_range(a, y) or _within_range(b, x):
        return Feature(outcome, round(0.75 * weight * rarity(low), 2),
                       f"{x} / {y}: within the range given")
    risen = (later > 0 and y > x) or (later < 0 and x > y)
    if risen:
        return Feature(outcome, 0.25 * weight, f"{x} / {y}: the later report's toll rose")
    if low >= DISPUTED_FROM and high <= low * DISPUTED_RATIO:
        return Feature(outcome, 0.0, f"{x} / {y}: sources disagree")
    return f"{outcome} {x} / {y}: not the same victims"


def rarity(count: int) -> float:
    """How telling an agreeing toll is: one death is reported every day, a hundred are not
    (0.65 for 1, 0.9 for 5, 1.2 for 20, 1.5 from 100)."""
    return min(1.5, 0.5 + 0.5 * math.log10(1 + count))


def _point(figures: Figures | None) -> int | None:
    if figures is None:
        return None
    return figures.best if figures.best is not None else figures.low


def _within_range(figures: Figures | None, value: int) -> bool:
    if figures is None or figures.low is None or figures.high is None or figures.low == figures.high:
        return False
    return figures.low <= value <= figures.high


def kind_features(a_type: str | None, b_type: str | None, a_sub: str | None,
                  b_sub: str | None) -> list[Feature]:
    if not a_type or not b_type:
        return []
    if a_type != b_type:
        weight = -0.5 if {a_type, b_type} <= ARMED_VIOLENCE else -3.0
        return [Feature("kind", weight, f"{a_type} / {b_type}")]
    if a_sub and b_sub and a_sub == b_sub:
        return [Feature("kind", 1.0, f"{a_type}, {a_sub}")]
    return [Feature("kind", 0.5, a_type)]


def victims_feature(a: frozenset[str], b: frozenset[str]) -> Feature | str | None:
    """Victim categories: a shared one counts for; only different ones bar the match."""
    specific_a, specific_b = a - WHOLE_VICTIMS, b - WHOLE_VICTIMS
    if not specific_a or not specific_b:
        return None
    shared = specific_a & specific_b
    if shared:
        return Feature("victims", 0.5, ", ".join(sorted(shared)))
    return f"different victims ({'/'.join(sorted(specific_a))} / {'/'.join(sorted(specific_b))})"


def actors_feature(a: frozenset[str], b: frozenset[str]) -> Feature | None:
    shared = sorted(a & b)
    return Feature("actors", 1.0, ", ".join(shared[:3])) if shared else None


def words_feature(a: frozenset[str], b: frozenset[str], *, places: frozenset[str] = frozenset()
                  ) -> Feature | None:
    """Shared distinctive words (the place's own name aside, it is weighed as the place):
    -1 for none, +0.5 a word from the second on, +0.5 more when they are half the shorter
    report's words; at most +1.5."""
    a, b = a - places, b - places
    if not a or not b:
        return None
    shared = a & b
    overlap = len(shared) / min(len(a), len(b))
    weight = -1.0 + 0.5 * len(shared) + (0.5 if overlap >= 0.5 else 0.0)
    weight = min(1.5, weight)
    sample = ", ".join(sorted(shared, key=lambda w: (-len(w), w))[:5])
    return Feature("words", weight, f"{len(shared)} shared ({overlap:.0%})" + (f": {sample}" if sample else ""))
