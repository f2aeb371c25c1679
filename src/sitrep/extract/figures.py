"""Low / best / high figures from the claims about one incident.

The rules, as casualty recorders apply them:

- Claims in one sentence about different victims add up ("one civilian and six
  assailants": 7); a breakdown never adds to its total ("11, including four
  soldiers and seven assailants": 11).
- Statements in later sentences that say "more", "other" or "another" add to
  the figure; other restatements do not (the same victims told again).
- One source's figure is its largest statement (a later "toll rose to" or a
  total beside a subset); across sources ``best`` is the figure of the most
  credible tier of source (monitors and officials, then media and witnesses,
  then unattributed reports and posts; parties to the fighting last), the
  lowest if several of that tier differ. ``low`` is the lowest figure, ``high``
  the highest (range tops and "up to" included). Vague figures ("dozens")
  count only when nothing more precise is known.
- ``disputed`` when two sources' figures differ by more than 20%.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace

from ..records import CasualtyClaim, Figures, Source
from .lexicon import (
    CODED_FATALITIES,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    SPLIT_FATALITIES,
    SUBSET_RE,
    UNVERIFIED_RE,
    UPDATE_RE,
)
from .sentence import SUFFER_VERBS
from .sources import is_armed_party

# Credibility tiers for ``best``: monitors and officials, then media and witnesses, then
# unattributed reports and posts; a party's claims about the other side last.
SOURCE_RANK = {"monitor": 0, "official": 0, "media": 1, "witness": 1, "unattributed": 2, "social_post": 2}
ARMED_PARTY_RANK = 3
DISPUTE_RATIO = 1.2
_SEPARATE_EVENT = re.compile(
    r"\b(?:another|other attacks?|other bomb\w*|separately|a separate|second|"
    r"(?:in|during|at) the (?:third|fourth|fifth)|elsewhere|meanwhile|"
    r"in addition|later that day|an? (?:earlier|later) (?:attack|bombing|blast|explosion|strike|raid))\b",
    re.IGNORECASE)
_PARTITIVE = re.compile(r"\s*(?:(?:at least|at most|more than|up to|about|nearly|almost|some|over|around)\s+)?"
                        r"[\w,-]+\s+of\s+(?:the|them|those|these|whom)\b", re.IGNORECASE)  # "at least eight of the"
_INJURY = re.compile(r"\b(?:injur|wound|burns)", re.IGNORECASE)
_PEOPLE = re.compile(r"\b(?:people|persons|individuals)\b", re.IGNORECASE)
_THEIR_OWN = re.compile(r"^(?:his|her|their)\b", re.IGNORECASE)
_ADDITIVE = re.compile(r"\b(?:more(?! than)|(?<!the )other|(?<!the )others|another|additional|further)\b",
                       re.IGNORECASE)  # not "the other": the rest of those already named
# "a passer-by was also injured", "also killing a guard", "two were wounded as well": more victims.
_ALSO = re.compile(r"\balso\s+(?:been\s+)?(?:\w+ly\s+)?(?P<before>\w+)|(?P<after>\w+)\s+(?:as well|too)\b",
                   re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Statement:
    """The claims of one sentence for one outcome, summed."""

    source: Source
    categories: frozenset[str]
    low: int
    high: int | None
    vague: bool
    additive: bool
    position: int
    also: bool = False  # "X was also killed": more victims, unless an earlier figure counted people in general
    people: bool = False  # the victims are "people" (a total that may hold anyone named later)
    separate_event: bool = False
    coded: bool = False  # a coder's note fixes the figure ("fatalities coded as 0")
    unverified: bool = False  # a party's claim about the other side
    subset: bool = False  # a part of an unstated total ("among the dead were ...")
    update: bool = False  # a toll that rose, superseding lower figures


def source_rank(source: Source, *, unverified: bool = False) -> int:
    if unverified or source.kind == "official" and is_armed_party(source):
        return ARMED_PARTY_RANK
    return SOURCE_RANK.get(source.kind, 4)


def _value(claim: CasualtyClaim) -> tuple[int, int | None]:
    count = claim.count
    low = count.low if count.low is not None else (count.high or 0)
    high = count.high if count.high is not None else None
    return low, high


def is_additive(claim: CasualtyClaim) -> bool:
    """ "11 more militants", "two other soldiers": victims beyond those already counted."""
    return bool(_ADDITIVE.search(claim.count.text) or (claim.victims.text and _ADDITIVE.search(claim.victims.text)))


ALSO_OUTCOMES = frozenset(
    "killed killing died dead slain executed wounded wounding injured injuring hurt hurting kidnapped kidnapping "
    "abducted abducting arrested arresting detained detaining missing".split())  # not "also burned three vehicles"


def is_also(claim: CasualtyClaim) -> bool:
    """ "A passer-by was also injured": the sentence adds victims of the claim's outcome."""
    for match in _ALSO.finditer(claim.evidence.text):
        word = (match.group("before") or match.group("after")).lower()
        if word in ALSO_OUTCOMES and OUTCOME_AFTER.get(word, OUTCOME_BEFORE.get(word)) == claim.outcome:
            return True
        if word in SUFFER_VERBS and claim.outcome == "injured" and _INJURY.search(claim.evidence.text, match.end(),
                                                                                  match.end() + 30):
            return True  # "four people also got light injuries"
    return False


def _names_people(claim: CasualtyClaim) -> bool:
    """ "MP Habib Ali and his two bodyguards were wounded": people named one by one, or someone's own people;
    after a total, a detail of it."""
    words = claim.count.text.split()
    named = claim.count.low == 1 and len(words) >= 2 and words[0][:1].isupper() and words[0].lower() not in (
        "a", "an", "one", "the", "another") and claim.count.text == claim.victims.text  # the name is the count
    text = claim.victims.text
    return named or bool(text and (_THEIR_OWN.search(text) or re.search(
        r"\b(?:his|her|their)\s+" + re.escape(text), claim.evidence.text, re.IGNORECASE)))


def is_partitive(claim: CasualtyClaim) -> bool:
    """ "One of the soldiers is critically injured": some of the victims; a subset after an earlier statement."""
    return bool(claim.victims.text and _PARTITIVE.match(claim.victims.text))


def statements(claims: Sequence[CasualtyClaim], *, outcome: str) -> list[Statement]:
    """Group one outcome's claims into per-sentence statements (breakdowns dropped)."""
    chosen = [c for c in claims if c.outcome == outcome]
    ids = {c.id for c in chosen}
    totals = {c.part_of for c in claims if c.part_of is not None}
    chosen = [_raised_by_parts(c, claims) if c.id in totals else c
              for c in chosen if c.part_of is None or c.part_of not in ids]
    if outcome == "injured":
        chosen = [_less_those_who_died(c, claims) for c in chosen]
    by_sentence: dict[int, list[CasualtyClaim]] = {}
    for claim in chosen:
        by_sentence.setdefault(claim.evidence.start, []).append(claim)
    result = []
    for position, group in sorted(by_sentence.items()):
        lows, highs = zip(*(_value(c) for c in group))
        high = None if any(h is None for h in highs) else sum(h for h in highs if h is not None)
        result.append(Statement(
            source=group[0].source, categories=frozenset(c.victims.category for c in group),
            low=sum(lows), high=high,
            vague=all(c.count.qualifier == "vague" for c in group),
            additive=any(is_additive(c) for c in group) or _opens_with_more(group[0], claims),
            also=any(is_also(c) and c.id not in totals for c in group),  # not a toll that sums the "also" victims
            position=position,
            people=any(c.victims.text is not None and _PEOPLE.search(c.victims.text) for c in group),
            separate_event=bool(_SEPARATE_EVENT.search(group[0].evidence.text)),
            coded=bool(CODED_FATALITIES.search(group[0].evidence.text) or SPLIT_FATALITIES.search(
                group[0].evidence.text)),
            unverified=bool(UNVERIFIED_RE.search(group[0].evidence.text)),
            subset=bool(SUBSET_RE.search(group[0].evidence.text)) or bool(result) and all(
                is_partitive(c) or _names_people(c) for c in group),
            update=bool(UPDATE_RE.search(group[0].evidence.text)),
        ))
    return _mark_additive(result)


def _less_those_who_died(wounded: CasualtyClaim, claims: Sequence[CasualtyClaim]) -> CasualtyClaim:
    """ "Two officers were seriously injured, one of them died in hospital": one is still injured."""
    died = sum(c.count.low or 0 for c in claims if c.outcome == "killed" and c.part_of == wounded.id)
    if not died or wounded.count.low is None:
        return wounded
    high = None if wounded.count.high is None else max(0, wounded.count.high - died)
    return replace(wounded, count=replace(wounded.count, low=max(0, wounded.count.low - died), high=high))


def first_of_sentence(claim: CasualtyClaim, claims: Sequence[CasualtyClaim]) -> CasualtyClaim:
    """The first of ``claims`` (in text order) stated in ``claim``'s sentence."""
    return next(c for c in claims if c.evidence.start == claim.evidence.start)


def _opens_with_more(claim: CasualtyClaim, claims: Sequence[CasualtyClaim]) -> bool:
    """ "4 more people were killed and 2 injured": the sentence's first count says more, for every outcome."""
    first = first_of_sentence(claim, claims)
    return first is not claim and first.outcome != claim.outcome and is_additive(first)


def _raised_by_parts(total: CasualtyClaim, claims: Sequence[CasualtyClaim]) -> CasualtyClaim:
    """ "More than 100 were injured ... 30 ... 51 ... 20 ... 5 ... 7": an open total that the details in later
    sentences exceed is their sum (a breakdown in its own sentence never raises it: it restates its parts)."""
    if total.count.qualifier not in ("at_least", "vague") or total.count.low is None:
        return total
    parts = sum(c.count.low or 0 for c in claims if c.part_of == total.id and c.outcome == total.outcome
                and c.evidence.start != total.evidence.start and c.count.qualifier != "vague"
                and (c.count.low or 0) < total.count.low)  # not "in total 60 were killed" told again
    if parts <= total.count.low:
        return total
    return replace(total, count=replace(total.count, low=parts))


def _mark_additive(found: list[Statement]) -> list[Statement]:
    """Later statements add when they report a separate event or victims of a disjoint kind."""
    seen: set[str] = set()
    people = False
    result = []
    for index, statement in enumerate(found):
        additive = index > 0 and (statement.additive or statement.also and not people)
        # "23 others" first means others than the dead; "killed 25 people ... also killed a leader": one of the 25
        people = people or statement.people
        if index > 0 and not additive and not statement.unverified:
            vague_kinds = (statement.categories | seen) & {"unknown", "mixed"}
            additive = statement.separate_event or (statement.categories.isdisjoint(seen) and not vague_kinds)
        seen |= statement.categories
        result.append(replace(statement, additive=additive))
    return result


def combine(found: Sequence[Statement]) -> tuple[Figures, bool]:
    """Figures and whether sources dispute them, from statements in text order."""
    if not found:
        return Figures(), False
    found = [s for s in found if not s.subset] or list(found)  # "four soldiers were among the dead"
    coded = [s for s in found if s.coded]
    if not coded:
        found = [s for s in found if s.low > 0] or found  # "no one was killed" cannot be about these dead
    precise = coded or [s for s in found if not s.vague] or list(found)
    base = [s for s in precise if not s.additive] or precise[:1]
    updates = [s.low for s in base if s.update and not s.unverified]
    if updates:  # "the toll rose to 14" supersedes the figures it updates
        base = [s for s in base if s.update or s.low >= max(updates)]
    extra = sum(s.low for s in _added(precise, base))
    per_source: dict[tuple[str | None, str, str | None, bool], Statement] = {}
    for statement in base:
        key = (statement.source.name, statement.source.kind, statement.source.handle, statement.unverified)
        kept = per_source.get(key)
        if kept is None or statement.low >= kept.low:
            per_source[key] = statement
    figures = list(per_source.values())
    ranks = {id(s): source_rank(s.source, unverified=s.unverified) for s in figures}
    top_rank = min(ranks.values())
    best = min(s.low for s in figures if ranks[id(s)] == top_rank) + extra
    low = min(s.low for s in figures) + extra
    tops = [s.high if s.high is not None else s.low for s in (precise if precise[0].coded else found)]
    high = max(max(tops) + (extra if max(tops) == max(s.low for s in figures) else 0), best)
    return Figures(low=low, best=best, high=high), _disputed(figures)


def _added(precise: Sequence[Statement], base: Sequence[Statement]) -> list[Statement]:
    """Additive statements, less those a later larger total already covers ("A was killed. B was also
    killed. At least ten people died.": the ten include A and B)."""
    added = [s for s in precise if s.additive and s not in base]
    top = max(base, key=lambda s: s.low)
    before = [s for s in precise if s.position < top.position]
    if before and top.low >= sum(s.low for s in before):
        added = [s for s in added if s.position > top.position]
    return added


def _disputed(figures: Sequence[Statement]) -> bool:
    """Two sources' figures for the same victims differ by more than 20%."""
    for i, a in enumerate(figures):
        for b in figures[i + 1:]:
            same_victims = a.categories == b.categories or bool({"unknown", "mixed"} & (a.categories | b.categories))
            low, high = sorted((a.low, b.low))
            if same_victims and low > 0 and high > DISPUTE_RATIO * low:
                return True
    return False


def incident_figures(claims: Sequence[CasualtyClaim], *, outcome: str) -> tuple[Figures, bool]:
    return combine(statements(claims, outcome=outcome))
