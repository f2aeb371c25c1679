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
from .figures import incident_figures, is_additive
from .lexicon import UPDATE_RE
from .taxonomy import classify_event

ONE_SIDED_CUES = re.compile(
    r"massacr|execut|summar(?:il)?y|slaughter|genocid|ethnic cleansing|lined up|in cold blood",
    re.IGNORECASE)
SEPARATE_INCIDENT = re.compile(
    r"\b(?:in a separate (?:incident|attack)|separately|in another (?:incident|attack)|in a second (?:incident|attack)|"
    r"hours later|elsewhere)\b", re.IGNORECASE)
PROTEST_WORDS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall(?:y|ies|ied)|march\w*|sit-in|strike)\b", re.I)
ATTACK_WORDS = re.compile(r"\b(?:bomb\w*|explo\w*|blast|grenade|suicide|gunmen|opened fire|fired on|attack(?:ed|ers)?|"
                          r"stormed|raid\w*|shell\w*|air ?strikes?)\b", re.I)
SUMMARY_CUES = re.compile(r"\b(?:wave|string|series|spate|chain|number) of\b|\bacross\b", re.I)
DETAIL_SLACK = 1.1  # "more than 70" killed may be the 73 the details add up to
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
        if draft is None and previous is not None and UPDATE_RE.search(claim.evidence.text) and all(
                places_compatible(c.location, claim.location) for c in previous.claims):
            draft = previous  # "the toll rose to five on Wednesday": a report date, the same incident
        if draft is None and undated and previous is not None and previous.act == act and all(
                places_compatible(c.location, claim.location) and _same_days(c, claim) for c in previous.claims):
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
    return _fold_details(_merge_headline(drafts))


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
    81.": when the lead sentence sums several attacks and the later incidents fit inside its totals, they are
    its details (parts of its figures), not more victims."""
    if len(drafts) < 2:
        return drafts
    lead = drafts[0]
    opening = lead.claims[0].evidence
    summary = {c.outcome: c for c in lead.claims if c.evidence.start == opening.start and c.part_of is None}
    if not SUMMARY_CUES.search(opening.text) or not summary:
        return drafts
    later = [c for d in drafts[1:] for c in d.claims]
    if any(c.outcome not in summary or SEPARATE_INCIDENT.search(c.evidence.text) or is_additive(c) for c in later):
        return drafts
    for outcome, total in summary.items():
        parts = sum(max((c.count.low or 0 for c in d.claims if c.outcome == outcome and c.part_of is None), default=0)
                    for d in drafts[1:])
        if parts > (total.count.high or (total.count.low or 0) * DETAIL_SLACK):
            return drafts
    lead.claims.extend(replace(c, part_of=c.part_of or summary[c.outcome].id) for c in later)
    return [lead]


def _is_headline(claim: CasualtyClaim) -> bool:
    return claim.evidence.start < 200 and not claim.evidence.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _same_days(a: CasualtyClaim, b: CasualtyClaim) -> bool:
    """An undated claim belongs with claims of the days the narrative was on; a dated one matches its own."""
    if a.date.text is not None:
        return _dates_compatible(a.date, DateRange(b.date.start, b.date.end, "carried"))
    return (a.date.start, a.date.end) == (b.date.start, b.date.end)


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
    return bool(dated) and all(_dates_compatible(c.date, claim.date) for c in dated) and all(
        places_compatible(c.location, claim.location) for c in draft.claims)


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
