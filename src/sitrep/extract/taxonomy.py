"""ACLED event types and sub-event types by rules on the text.

``classify_event`` reads the sentences describing one incident and returns the
ACLED event type and sub-event type the act would be coded as.  It works on
precompiled regular expressions only (tens of microseconds per text):

1. the text is cleaned of coder boilerplate ("[size=...]", "3 fatalities.",
   "Unclear fatalities coded as 10") and lower-cased; negated outcomes ("no one
   was killed", "did not result in casualties") are blanked so they are no cue;
2. the first position of each cue family is found (``taxonomy_cues``,
   ``taxonomy_acts``);
3. ``taxonomy_rules`` picks the main act: a demonstration frame first, then
   the first violent act (explosive means win over their own casualties,
   fighting over killings, harm to armed actors is fighting and harm to
   unarmed people is violence against civilians), then strategic developments.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass

from sitrep.extract import taxonomy_cues as cues
from sitrep.extract.taxonomy_rules import decide

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VIOLENCE_AGAINST_CIVILIANS = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC_DEVELOPMENTS = "Strategic developments"

SUB_EVENT_TYPES: dict[str, tuple[str, ...]] = {
    BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VIOLENCE_AGAINST_CIVILIANS: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC_DEVELOPMENTS: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}
EVENT_TYPES: tuple[str, ...] = tuple(SUB_EVENT_TYPES)
OUTCOMES: frozenset[str] = frozenset({"killed", "injured", "missing", "abducted", "detained"})


@dataclass(frozen=True, slots=True)
class EventClass:
    event_type: str
    sub_event_type: str

    def __post_init__(self) -> None:
        if self.sub_event_type not in SUB_EVENT_TYPES.get(self.event_type, ()):
            raise ValueError(f"not an ACLED event/sub-event type: {self.event_type!r}/{self.sub_event_type!r}")


_SUB_TO_CLASS: dict[str, EventClass] = {
    sub.lower(): EventClass(event_type, sub) for event_type, subs in SUB_EVENT_TYPES.items() for sub in subs
}
# Coders' own leading labels ("Arrests: On 4 May ...") that name a sub-event type or a plain alias of one.
_LABEL_ALIASES: dict[str, str] = {
    "movement of forces": "change to group/activity",
    "property destruction": "looting/property destruction",
    "looting": "looting/property destruction",
    "interception": "disrupted weapons use",
    "weapons seizure": "disrupted weapons use",
    "headquarters established": "headquarters or base established",
    "base established": "headquarters or base established",
    "arrest": "arrests",
    "security measures": "change to group/activity",
    "land seizure": "looting/property destruction",
}


@dataclass(frozen=True, slots=True)
class PreparedText:
    """The text as the rules see it: lower-cased, boilerplate removed, negations blanked."""

    text: str
    label: EventClass | None


def prepare_text(text: str) -> PreparedText:
    """Strip coder boilerplate and blank negated outcomes, keeping character positions comparable."""
    label = None
    match = cues.LEADING_LABEL.match(text)
    if match:
        name = match.group(1).strip().lower()
        label = _SUB_TO_CLASS.get(_LABEL_ALIASES.get(name, name))
        if label is not None:
            text = text[match.end():]
    text = cues.CODER_FOOTNOTE.sub("", text)
    text = cues.SIZE_TAG.sub(" ", text)
    text = cues.BRACKET_FATALITY_NOTE.sub(" ", text)
    text = cues.FATALITY_NOTE_SENTENCE.sub(" ", text)
    text = cues.TRAILING_COUNT_NOTE.sub(" ", text)
    low = text.lower()
    low = cues.NEGATED_OUTCOME.sub(_blank, low)
    low = cues.RIOT_POLICE.sub(_blank, low)
    return PreparedText(text=low, label=label)


def _blank(match: re.Match[str]) -> str:
    return " " * (match.end() - match.start())


def classify_event(text: str, *, outcomes: Collection[str] = ()) -> EventClass | None:
    """The ACLED event type of the event described by ``text`` (one incident's sentences).

    ``outcomes`` are the casualty outcomes extracted for the incident ("killed",
    "injured", "missing", "abducted", "detained"); they only break ties when the
    text itself names no act.  Returns None when the text describes no event.
    """
    prepared = prepare_text(text)
    if prepared.label is not None:
        return prepared.label
    found = decide(prepared.text, outcomes=frozenset(o.lower() for o in outcomes))
    if found is None:
        return None
    return EventClass(*found)
