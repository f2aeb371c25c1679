"""Group a document's claims into incidents: same date, place and act.

A document usually reports one incident; it reports several when its claims
carry different dates or places that cannot be the same event, or when a
massacre of civilians is reported beside the fighting around it (ACLED codes
the one-sided killing apart from the battle). A document with no claims still
yields an incident when it describes an event.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from ..geodesy import location_distance_km
from ..records import Actor, CasualtyClaim, DateRange, Figures, Incident, Location
from .figures import first_of_sentence, incident_figures, is_additive
from .lexicon import UPDATE_RE
from .taxonomy import EventClass, classify_event

ONE_SIDED_CUES = re.compile(
    r"massacr|execut|summar(?:il)?y|slaughter|genocid|ethnic cleansing|lined up|in cold blood",
    re.IGNORECASE)
SEPARATE_INCIDENT = re.compile(
    r"\b(?:in a separate (?:incident|attack)|separately|in another (?:incident|attack)|in a second (?:incident|attack)|"
    r"hours later|elsewhere)\b", re.IGNORECASE)
PROTEST_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|sit-in|strike)\b", re.I)
ATTACK_WORDS = re.compile(r"\b(?:bomb\w*|explo\w*|blast|grenade|suicide|gunm[ae]n|opened fire|fired (?:on|at|into|upon)|"
                          r"gunfire|shooting|stabb\w*|attack(?:ed|ers)?|stormed|raid\w*|shell\w*|air ?strikes?)\b", re.I)
SUMMARY_CUES = re.compile(
    r"\b(?:wave|string|series|spate|chain|number) of\b|\bacross\b|\b(?:in total|in all|altogether|combined)\b|"
    r"\b(?:multiple|simultaneous|coordinated|twin|several|separate|two|three|four|five|(?<![\d,.])[2-9])\s+(?:[\w-]+\s+)?"
    r"(?:attacks|bombings|blasts|explosions|strikes|airstrikes|raids|incidents|shootings)\b|"
    r"^\W*(?:[\w-]+\s+){0,2}?(?:attacks|bombings|blasts|explosions|air ?strikes|raids)\b", re.I)
DETAIL_SLACK = 1.1  # "70" killed may be the 73 the details add up to
OPEN_DETAIL_SLACK = 1.25  # "more than 100" injured may be the 113 they add up to
LATER_EVENT = re.compile(r"\b(?:another|the (?:next|following) (?:day|morning|night)|a (?:second|further))\b", re.I)
ADDED_EVENT = re.compile(r"\b(?:separately|in a separate|in addition|additionally|elsewhere|meanwhile)\b", re.I)
SAME_PLACE_KM = 25.0
EXCESSIVE_FORCE = "Excessive force against protesters"
VICTIM_ACTORS = {
    "civilians": "Civilians", "state_forces": "State forces", "non_state_armed": "Armed group",
    "perpetrators": None, "mixed": None, "unknown": None,
}


@dataclass(slots=True)
class IncidentDraft:
    """Claims that belong together, before figures and types are set."""

    claims: list[CasualtyClaim] = field(default_factory=list)
    act: str = "general"


def act_of(claim: CasualtyClaim) -> str:
    """"one_sided" for civilians massacred or executed, else "general"."""
    if claim.victims.category in ("civilians", "unknown") and ONE_SIDED_CUES.search(claim.evidence.text):
        return "one_sided"
    return "general"


def _dates_compatible(a: DateRange, b: DateRange) -> bool:
    if a.text is None or b.text is None or a.start is None or b.start is None:
        return True
    a_end, b_end = a.end or a.start, b.end or b.start
    return (b.start - a_end).days <= 1 and (a.start - b_end).days <= 1


def places_compatible(a: Location | None, b: Location | None) -> bool:
    if a is None or b is None or a.name.lower() == b.name.lower():
        return True
    if (a.precision or 0) >= 3 or (b.precision or 0) >= 3:
        return a.admin1 is None or b.admin1 is None or a.admin1 == b.admin1
    km = location_distance_km(a, b)
    return km is None or km <= SAME_PLACE_KM


def group_claims(claims: Sequence[CasualtyClaim]) -> list[IncidentDraft]:
    """Greedy grouping in text order.

    A claim whose sentence gives its own date (``date.text``) reports an event: it
    joins a draft of dated claims with a compatible date and place, else starts one.
    A claim without its own date continues the previous claim's incident when the
    act is the same ("... 1 fatality."), else the first compatible one. A breakdown
    always joins its total.
    """
    drafts: list[IncidentDraft] = []
    home: dict[str, IncidentDraft] = {}
    previous: IncidentDraft | None = None
    for claim in claims:
        if claim.scope != "incident":
            continue  # a conflict's running toll belongs to no incident
        act, undated = act_of(claim), claim.date.text is None
        draft = home.get(claim.part_of or "")
        separate = claim.part_of is None and bool(SEPARATE_INCIDENT.search(claim.evidence.text)) and (
            previous is None or previous.claims[-1].evidence.start != claim.evidence.start)
        if separate:
            previous = None  # "In a separate incident, ..."
        if draft is None and previous is not None and previous.claims[-1].evidence.start == claim.evidence.start \
                and previous.act == act:
            draft = previous  # "nine soldiers were killed and several others wounded": one statement, one event
        if draft is None and previous is not None and UPDATE_RE.search(claim.evidence.text) and all(
                places_compatible(c.location, claim.location) for c in previous.claims):
            draft = previous  # "the toll rose to five on Wednesday": a report date, the same incident
        if draft is None and undated and previous is not None and _refers_back(claim):
            draft = previous  # "The victim was executed with a shot to the head": the one just reported
        if draft is None and undated and previous is not None and previous.act == act and all(
                places_compatible(c.location, claim.location) for c in previous.claims) and all(
                _same_days(c, claim) for c in _dating(previous.claims)):
            draft = previous
        if draft is None and not separate:
            fits = _same_place if undated else _fits
            draft = next((d for d in drafts if d.act == act and fits(d, claim)), None)
        if draft is None:
            draft = IncidentDraft(act=act)
            drafts.append(draft)
        draft.claims.append(claim)
        home[claim.id] = draft
        previous = draft
    return _bounded_by_lead(_fold_details(_merge_headline(drafts)))


# Words that put victims beyond a toll already told ("two more died in hospital", "a further three").
MORE_VICTIMS = re.compile(r"\b(?:more(?! than)|additional|further|in addition|as well as)\b", re.I)
LEAD_KINDS = frozenset({"civilians", "unknown", "mixed"})  # a lead toll of people in general, or of civilians
PART_KINDS = frozenset({"civilians", "unknown"})  # the named, the kin, "the victims": people the lead may hold


def _bounded_by_lead(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """ "At least 12 civilians were killed ... Ahmad (34) and his wife ... Another woman ... The six other
    victims ...": once the report has told its toll, the people it names, counts or tells of again in later
    sentences are among that toll, not more victims, unless they are of another kind ("two soldiers") or
    the sentence says they are more ("two more died in hospital") or another event ("in a separate
    strike"). Such claims point at the lead toll (``part_of``); their incidents join the lead's."""
    lead = _lead_toll(drafts)
    if lead is None:
        return drafts
    total = lead.count.low or 0
    kept = [drafts[0]]
    for draft in drafts[1:]:
        if all(_within_lead(c, lead) for c in draft.claims if c.outcome == "killed") and any(
                c.outcome == "killed" for c in draft.claims) and not any(_another_event(c) for c in draft.claims):
            drafts[0].claims.extend(draft.claims)
        else:
            kept.append(draft)
    drafts[0].claims = [replace(c, part_of=lead.id) if c.outcome == "killed" and c.part_of is None
                        and c.id != lead.id and c.evidence.start != lead.evidence.start
                        and (c.count.high or c.count.low or 0) <= total and _within_lead(c, lead) else c
                        for c in drafts[0].claims]
    return kept


def _lead_toll(drafts: list[IncidentDraft]) -> CasualtyClaim | None:
    """The report's first killed toll of two or more people in general (or civilians), if it has one."""
    if not drafts:
        return None
    lead = next((c for c in drafts[0].claims if c.outcome == "killed" and c.part_of is None), None)
    if lead is None or (lead.count.low or 0) < 2 or lead.victims.category not in LEAD_KINDS or is_additive(lead):
        return None
    return lead


def _within_lead(claim: CasualtyClaim, lead: CasualtyClaim) -> bool:
    """Whether a later killed claim may be among the lead toll's people (see :func:`_bounded_by_lead`)."""
    if claim.evidence.start == lead.evidence.start or claim.part_of is not None:
        return True
    if not _dates_compatible(lead.date, claim.date):
        return False  # "... on Sunday. Herders then killed a farmer on Tuesday": a later event
    return (claim.count.high or claim.count.low or 0) <= (lead.count.low or 0) and (
        claim.victims.category in PART_KINDS or claim.victims.category == lead.victims.category) and not (
        MORE_VICTIMS.search(claim.count.text) or MORE_VICTIMS.search(claim.victims.text or "")
        or _another_event(claim))


ANOTHER_ATTACK = re.compile(
    r"\b(?:another|a second|a further|an earlier|a later) (?:\w+ )?(?:attack|strike|air ?strike|raid|bomb|bombing|blast|"
    r"explosion|incident|shooting|shelling|ambush)s?\b|\bthe (?:next|following) (?:day|morning|night|week)\b", re.I)


def _another_event(claim: CasualtyClaim) -> bool:
    """The claim's sentence tells of an event other than the one reported ("In a separate attack ...")."""
    text = claim.evidence.text
    return bool(SEPARATE_INCIDENT.search(text) or ADDED_EVENT.search(text) or ANOTHER_ATTACK.search(text))


def _refers_back(claim: CasualtyClaim) -> bool:
    return (claim.victims.text or "").lower().startswith(("the victim", "the deceased", "both victims"))


def _merge_headline(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """A headline ("Drone strike kills two in Kherson") restates the incident the report tells."""
    if len(drafts) < 2 or not all(_is_headline(c) for c in drafts[0].claims):
        return drafts
    headline = drafts[0]
    target = next((d for d in drafts[1:] if d.act == headline.act and all(
        places_compatible(a.location, b.location) for a in d.claims for b in headline.claims)), None)
    if target is None:
        return drafts
    target.claims[:0] = headline.claims
    return drafts[1:]


def _fold_details(drafts: list[IncidentDraft]) -> list[IncidentDraft]:
    """ "A wave of bombings across Iraq killed 70 and injured 150. In Nasiriyah, ... killing 44 and injuring
    81.": when the lead sentence sums several attacks and the later claims fit inside its totals, they are
    its details (parts of its figures), not more victims.

    An outcome folds when the later sentences' figures add up exactly to the lead's total (in two or more
    sentences, or in one after a summary cue), or when a summary cue opens the report and they fit inside it
    with nothing saying "separately" or "another". Separate incidents merge only when every outcome folds.
    """
    if not drafts:
        return drafts
    lead = drafts[0]
    opening = lead.claims[0].evidence
    summary = _opening_totals(lead, opening.start)
    later = [c for d in drafts for c in d.claims if c.evidence.start != opening.start]
    if not summary or not later or len(drafts) > 1 and any(c.outcome not in summary for c in later):
        return drafts
    cued = bool(SUMMARY_CUES.search(opening.text))
    folding = {outcome for outcome, total in summary.items()
               if _details_of(total, [c for c in later if c.outcome == outcome], later, cued=cued,
                              merging=len(drafts) > 1)}
    if not folding or len(drafts) > 1 and folding != {c.outcome for c in later}:
        return drafts
    lead.claims = [replace(c, part_of=c.part_of or summary[c.outcome].id)
                   if c.evidence.start != opening.start and c.outcome in folding else c
                   for d in drafts for c in d.claims]
    return [lead]


def _opening_totals(lead: IncidentDraft, opening: int) -> dict[str, CasualtyClaim]:
    """The one total per outcome the opening sentence states (none where it lists several groups)."""
    totals: dict[str, list[CasualtyClaim]] = {}
    for claim in lead.claims:
        if claim.evidence.start == opening and claim.part_of is None:
            totals.setdefault(claim.outcome, []).append(claim)
    return {outcome: found[0] for outcome, found in totals.items() if len(found) == 1 and found[0].count.low}


def _details_of(total: CasualtyClaim, parts: list[CasualtyClaim], others: list[CasualtyClaim], *, cued: bool,
                merging: bool) -> bool:
    """Whether ``parts`` (later claims of the total's outcome) detail the total rather than add to it.

    ``others`` are all the later claims, whatever their outcome."""
    by_sentence: dict[int, int] = {}
    for claim in parts:
        if claim.part_of is None:
            by_sentence[claim.evidence.start] = by_sentence.get(claim.evidence.start, 0) + (claim.count.low or 0)
    added, stated = sum(by_sentence.values()), sum(1 for v in by_sentence.values() if v)
    if any(ADDED_EVENT.search(c.evidence.text) or not _dates_compatible(total.date, c.date) for c in parts):
        return False  # "In addition, gunmen ...", "on 15 February he succumbed": more than the lead told
    if added == total.count.low and (stated >= 2 or cued and stated == 1):
        return True  # "killed 23 ... killed 11 ... left 5 dead ... killed 5 ... killed two": the parts of 23
    pieces = sum(1 for c in parts if c.part_of is None and c.count.low)
    if added == total.count.low and pieces >= 2 and not any(
            SEPARATE_INCIDENT.search(c.evidence.text) or LATER_EVENT.search(c.evidence.text) for c in parts):
        return True  # "Seven were killed. ... beheaded the driver and killed six other people": the seven
    if not cued or not (merging or stated >= 2):
        return False
    if any(SEPARATE_INCIDENT.search(c.evidence.text) or is_additive(c) and first_of_sentence(c, others) is c
           for c in parts):
        return False  # "another five soldiers" (but "killing 8 and injuring 30 others": others than the dead)
    slack = OPEN_DETAIL_SLACK if total.count.qualifier in ("at_least", "vague") else DETAIL_SLACK
    restated = sum(c.count.low or 0 for c in parts if c.part_of is None and c.count.low == total.count.low)
    return added - restated <= (total.count.high or total.count.low * slack)  # "In total 60 were killed" again


def _is_headline(claim: CasualtyClaim) -> bool:
    return claim.evidence.start < 200 and not claim.evidence.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _same_days(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """An undated claim belongs with claims of the days the narrative was on; a dated one matches its own."""
    if a.date.text is not None:
        return _dates_compatible(a.date, DateRange(b.date.start, b.date.end, "carried"))
    return (a.date.start, a.date.end) == (b.date.start, b.date.end)


def _dating(claims: Sequence[CasualtyClaim]) -> Sequence[CasualtyClaim]:
    """The claims that date a draft: those with a date of their own, else all (dated by the report)."""
    return [c for c in claims if c.date.text is not None] or claims


def _same_place(draft: IncidentDraft, claim: CasualtyClaim) -> bool:
    """Places agree where both are known, and neither is only a province or country."""
    if not all(_same_days(other, claim) for other in draft.claims):
        return False
    for other in draft.claims:
        location = other.location
        if location is None or claim.location is None:
            continue
        if (location.precision or 3) >= 3 or (claim.location.precision or 3) >= 3:
            return False
        km = location_distance_km(location, claim.location)
        if location.name.casefold() != claim.location.name.casefold() and (km is None or km > SAME_PLACE_KM):
            return False
    return True


def _fits(draft: IncidentDraft, claim: CasualtyClaim) -> bool:
    """A dated claim fits a draft whose dated claims have a compatible date, and whose places agree."""
    dated = [c for c in draft.claims if c.date.text is not None]
    if not dated:  # "Six people were killed ... the attack on Saturday": the lead told no date, a later sentence does
        return _same_victims(draft, claim) and all(
            _not_after(claim.date, c.date) and places_compatible(c.location, claim.location) for c in draft.claims)
    return all(_dates_compatible(c.date, claim.date) and not _named_days_differ(c.date, claim.date) for c in dated) \
        and all(places_compatible(c.location, claim.location) for c in draft.claims)


NIGHT_WORDS = re.compile(r"\b(?:night|overnight|midnight|early|late|dawn|evening)\b", re.I)


def _named_days_differ(a: DateRange, b: DateRange) -> bool:
    """ "on Thursday" and "on Friday", each a single day and neither a night that runs into the next: two
    days the report tells apart (a one-day slack is for "Thursday night ... early Friday")."""
    if a.text is None or b.text is None or a.start is None or b.start is None:
        return False
    single = (a.end or a.start) == a.start and (b.end or b.start) == b.start
    return single and a.start != b.start and not (NIGHT_WORDS.search(a.text) or NIGHT_WORDS.search(b.text))


def _same_victims(draft: IncidentDraft, claim: CasualtyClaim) -> bool:
    """The claim may be about the victims the draft's first claim of its outcome counts (same kind, or a
    kind left open): "Seven people were killed ... killed seven members of the family" but not "312
    civilians ... nine soldiers were killed on Thursday"."""
    first = next((c for c in draft.claims if c.outcome == claim.outcome), None)
    if first is None:
        return True
    kinds = {first.victims.category, claim.victims.category}
    return len(kinds) == 1 or bool(kinds & {"unknown", "mixed"})


def _not_after(date: DateRange, default: DateRange) -> bool:
    """A sentence's own date is no later than the date an undated claim took from the report (its day
    of publication or the narrative's last date): it can date that claim's event."""
    return date.start is None or default.start is None or date.start <= (default.end or default.start)


def build_incident(draft: IncidentDraft, *, number: int, text: str, fallback_date: DateRange,
                   fallback_location: Location | None, fallback_actor: Actor | None) -> Incident:
    claims = draft.claims
    outcomes = sorted({c.outcome for c in claims})
    event = classify_event(text, outcomes=outcomes)
    counted = claims
    if event is not None and event.event_type == "Protests" and event.sub_event_type != EXCESSIVE_FORCE:
        counted = [c for c in claims if not _cause_of_protest(c)]
    killed, killed_disputed = incident_figures(counted, outcome="killed")
    injured, injured_disputed = incident_figures(counted, outcome="injured")
    if event is not None and event.event_type == "Protests" and killed.best is None:
        killed = Figures(low=0, best=0, high=0)  # a protest where no one was harmed
    if draft.act == "one_sided" and event is not None and event.event_type == "Battles":
        event = type(event)(event_type="Violence against civilians", sub_event_type="Attack")
    elif _fighters_on_two_sides(claims) and (event is None or event.event_type == "Violence against civilians"):
        event = EventClass(event_type="Battles", sub_event_type="Armed clash")
    sources: list[str] = []
    for claim in claims:
        for source in (claim.source, *claim.corroborated_by):
            label = source.handle or source.name
            if label and label not in sources:
                sources.append(label)
    return Incident(
        id=f"i{number}",
        event_type=event.event_type if event else None,
        sub_event_type=event.sub_event_type if event else None,
        date=_incident_date(claims, fallback_date),
        location=next((c.location for c in claims if c.location and c.location.lat is not None), None)
        or next((c.location for c in claims if c.location), None) or fallback_location,
        actor1=next((c.perpetrator for c in claims if c.perpetrator), None) or fallback_actor,
        actor2=_victim_actor(claims),
        killed=killed,
        injured=injured,
        claims=tuple(c.id for c in claims),
        sources=tuple(sources),
        disputed=killed_disputed or injured_disputed,
    )


def _fighters_on_two_sides(claims: Sequence[CasualtyClaim]) -> bool:
    """ "125 security personnel and 148 loyalists were killed": the dead are fighters of both sides and
    no civilian, so the incident is a battle whatever the rest of the report tells."""
    kinds = {c.victims.category for c in claims if c.outcome == "killed" and (c.count.low or 0) > 0}
    return {"state_forces", "non_state_armed"} <= kinds and "civilians" not in kinds


def _cause_of_protest(claim: CasualtyClaim) -> bool:
    """ "protested over the death of a teenager": a death that is the protest's cause, not its toll."""
    text = claim.evidence.text
    return bool(PROTEST_WORDS.search(text)) and not ATTACK_WORDS.search(text)


def _incident_date(claims: Sequence[CasualtyClaim], fallback: DateRange) -> DateRange:
    dated = [c.date for c in claims if c.date.text is not None and c.date.start is not None]
    if not dated:
        dated = [c.date for c in claims if c.date.start is not None]
    if not dated:
        return DateRange(start=fallback.start, end=fallback.end, text=None)
    start = min(d.start for d in dated)
    end = max((d.end or d.start) for d in dated)
    return DateRange(start=start, end=end, text=None)


def _victim_actor(claims: Sequence[CasualtyClaim]) -> Actor | None:
    for claim in claims:
        name = VICTIM_ACTORS.get(claim.victims.category)
        if name and claim.outcome in ("killed", "injured", "abducted"):
            return Actor(name=name, text=claim.victims.text)
    return None


def empty_incident(*, text: str, date: DateRange, location: Location | None, actor: Actor | None) -> Incident | None:
    """The incident of a document that reports an event but no casualty figures."""
    event = classify_event(text)
    if event is None:
        return None
    zero = event.sub_event_type == "Peaceful protest"
    killed = Figures(low=0, best=0, high=0) if zero else Figures()
    return Incident(
        id="i1", event_type=event.event_type, sub_event_type=event.sub_event_type,
        date=DateRange(start=date.start, end=date.end, text=None), location=location, actor1=actor,
        actor2=None, killed=killed, injured=Figures(), claims=(), sources=(), disputed=False,
    )
