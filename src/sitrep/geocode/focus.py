"""A document's country focus: which countries the text is about.

Counts, anywhere in the text, country names (weight 3), demonyms such as
"Syrian" (2; not one naming a region: "Somali region"), national capitals (2), one-country actors such as "Houthi" or
"OSCE SMM" (1.5), admin1 regions (1), other unambiguous places of 20,000+
people (1) and, as a soft vote (0.5 shared among the candidate countries, all
of it to a name's one big town, half of it for a mere spelling variant), any
other place name the gazetteer knows; a compound ("Beirut's Saifi", "Rural
Damascus") counts as its leading place. Names are taken whole, so the person
"Israel Katz" does not count for Israel, and attributes ("US dollar") do not
count. ``solid`` tells whether anything but soft votes was found.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .countries import ACTOR_CUES, DEMONYMS
from .gazetteer import KIND_ADMIN1, KIND_COUNTRY, KIND_PLACE, Gazetteer
from .mentions import REGION_NAME_AFTER, compound_head, is_attribute, name_spans, place_name_at

_DEMONYM_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(d) for v in DEMONYMS.values() for d in v), key=len, reverse=True)) + r")\b"
)
_DEMONYM_COUNTRY = {d: code for code, names in DEMONYMS.items() for d in names}
_ACTOR_RE = re.compile(
    r"\b(" + "|".join(sorted((re.escape(a) for v in ACTOR_CUES.values() for a in v), key=len, reverse=True)) + r")\b",
    re.IGNORECASE,
)
_ACTOR_COUNTRY = {a.casefold(): (code, a.isupper()) for code, names in ACTOR_CUES.items() for a in names}
ACTOR_WEIGHT = 1.5
_ACTOR_ATTRIBUTE = re.compile(r"-(?:led|backed|supported|funded|sponsored|brokered|allied)\b", re.I)
_LEADING_FUNCTION_WORD = re.compile(r"^(?:In|On|At|From|Near|By|For|As|After|Before|When|While|But|And)\s+")
UNAMBIGUOUS_MIN_POPULATION = 20_000
SOFT_VOTE = 0.5
DOMINANT_RATIO = 5


@dataclass(frozen=True, slots=True)
class Focus:
    """Country weights for one document; ``share(code)`` is in [0, 1]."""

    weights: tuple[tuple[str, float], ...]
    shares: dict[str, float] = field(default_factory=dict, compare=False)

    @classmethod
    def of(cls, weights: tuple[tuple[str, float], ...]) -> Focus:
        total = sum(w for _, w in weights)
        return cls(weights, {code: w / total for code, w in weights} if total else {})

    def share(self, country: str) -> float:
        return self.shares.get(country, 0.0)

    def countries(self) -> frozenset[str]:
        return frozenset(code for code, _ in self.weights)

    @property
    def solid(self) -> bool:
        """True when some country has a whole vote (a name, demonym, region or clear place),
        not only the soft votes of ambiguous names."""
        return bool(self.weights) and self.weights[0][1] >= 1

    def top(self) -> str | None:
        return self.weights[0][0] if self.weights else None


def document_focus(text: str, gazetteer: Gazetteer) -> Focus:
    counts: Counter[str] = Counter()
    for match in _DEMONYM_RE.finditer(text):
        # "Saudi-led coalition" acts abroad; "Somali region" is Ethiopia's
        if not (_ACTOR_ATTRIBUTE.match(text, match.end()) or REGION_NAME_AFTER.match(text, match.end())):
            counts[_DEMONYM_COUNTRY[match.group(1)]] += 2
    for match in _ACTOR_RE.finditer(text):
        code, acronym = _ACTOR_COUNTRY[match.group(1).casefold()]
        if not acronym or match.group(1).isupper():  # "RSF", not "rsf"; "Al shabaab" as "Al Shabaab"
            counts[code] += ACTOR_WEIGHT
    for start, end in name_spans(text, known=gazetteer.knows):
        lead = _LEADING_FUNCTION_WORD.match(text[start:end])
        mention = place_name_at(text, start + (lead.end() if lead else 0), end)
        if mention is not None and not is_attribute(text, mention):
            if exact := gazetteer.lookup(mention.name) or _head_lookup(mention.name, gazetteer):
                _count_place(exact, counts)
            else:  # a spelling variant only ever gives half a soft vote
                _soft_vote({p.country for p in gazetteer.lookup_loose(mention.name)}, counts, SOFT_VOTE / 2)
    return Focus.of(tuple(counts.most_common()))


def _head_lookup(name: str, gazetteer: Gazetteer) -> tuple:
    """The candidates of a compound's leading place ("Beirut's Saifi", "Rural Damascus") when one
    of them is a big town (not "Boyer" of "Boyer-Ahmad")."""
    head = compound_head(name)
    found = gazetteer.lookup(head) if head else ()
    return found if any(p.population >= UNAMBIGUOUS_MIN_POPULATION for p in found) else ()


def _count_place(candidates, counts: Counter) -> None:
    if not candidates:
        return
    countries = [c for c in candidates if c.kind == KIND_COUNTRY]
    if countries:
        counts[countries[0].country] += 3
        return
    capitals = [c for c in candidates if c.feature == "PPLC"]
    if capitals and len(capitals) == 1:
        counts[capitals[0].country] += 2
        return
    admin1 = {c.country for c in candidates if c.kind == KIND_ADMIN1}
    if len(admin1) == 1:
        counts[admin1.pop()] += 1
        return
    places = {c.country for c in candidates if c.kind == KIND_PLACE}
    if len(places) == 1 and max(c.population for c in candidates if c.kind == KIND_PLACE) >= UNAMBIGUOUS_MIN_POPULATION:
        counts[places.pop()] += 1
        return
    sizes = sorted(((c.population, c.country) for c in candidates if c.kind == KIND_PLACE), reverse=True)
    others = max((size for size, country in sizes if country != sizes[0][1]), default=0)
    if sizes and sizes[0][0] >= UNAMBIGUOUS_MIN_POPULATION and sizes[0][0] >= DOMINANT_RATIO * others:
        counts[sizes[0][1]] += SOFT_VOTE  # "Gulu": the big town, not its namesake hamlets
        return
    _soft_vote(places, counts)


def _soft_vote(countries: set[str], counts: Counter, weight: float = SOFT_VOTE) -> None:
    """A soft vote: the text's other places agree on a country."""
    for country in countries:
        counts[country] += weight / len(countries)
