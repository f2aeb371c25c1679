"""The decision rules behind ``taxonomy.classify_event``.

Input is the prepared (lower-cased, cleaned, negation-blanked) text; output is
an (event_type, sub_event_type) pair of ACLED strings, or None.  The order of
the checks encodes ACLED's precedence:

* a demonstration frame (protest words before any armed act) decides between
  Protests and Riots by what demonstrators and police did;
* otherwise the first sentence naming a violent act decides: suicide and
  chemical attacks first, then explosive means (air strike, shelling, IED,
  grenade) or fighting, whichever comes first, then sexual violence,
  abduction and harm, the latter split by whether the victims were armed;
* mob violence, then strategic developments, then a catch-all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sitrep.extract import taxonomy_acts as acts
from sitrep.extract import taxonomy_cues as cues

NOWHERE = 1 << 30
Decision = tuple[str, str]

_SENTENCE_END = re.compile(r"[.;!?](?:\s|$)")
_PASSIVE_BEFORE = re.compile(r"\b(?:was|were|been|being|got|get|is|are)\s+(?:\w+\s+)?$")
_ARMED_PERSONS = re.compile(r"\barmed\s+(?:m[ae]n|persons|individuals|people|groups?|youths)\b")
_NON_STATE = re.compile(
    r"\b(?:militants?|rebels?|insurgents?|militia\w*|gunm[ae]n|fighters|jihadists?|terrorists?|bandits?|"
    r"taliban|shabaab|boko\s+haram|houthis?|pro-houthi|iswap|isis|jnim|qsd|sdf|ypg|hts|pkk|maoists?|naxal\w*|"
    r"cartel|gangs?|clans?|clansm[ae]n|tribesm[ae]n|armed\s+(?:\w+\s+)?(?:groups?|m[ae]n|members|individuals|persons|"
    r"assailants|people|youths|clashes)|kidnappers|abductors)\b"
)
_STATE_ACTOR = re.compile(
    r"\b(?:army|military|government|govt|(?:state|national|federal)\s+(?:forces|security|troops|police|army|"
    r"guard|agents|officials|militia)|regime|security\s+forces|pro-government|"
    r"pro-hadi|troops|soldiers|police|gendarm\w*|armed\s+forces|defen[cs]e\s+forces|fardc|fanci|famas)\b"
)
_BY_AGENT = re.compile(r"\bby\b")
_OFF_DUTY = re.compile(r"\b(?:off[- ]?duty|former|retired|ex-|unarmed|on\s+leave)")
_FIREARMS = re.compile(r"\b(?:shot|shoot\w*|gun\w*|firearms?|rifles?|pistols?|opened\s+fire|ak-?47s?)\b")
_DEMONSTRATORS = re.compile(r"\b(?:protest\w*|demonstrat\w*|rall\w*|marchers|strikers|strik(?:e|ing))\b")
_ATTACK_ON = re.compile(
    r"\b(?:fired|opened\s+fire|shot|attacked|stormed|rammed|drove\s+(?:\w+\s+){0,3}?into|threw|hurled|bombed|"
    r"detonated|blew\s+(?:himself|herself)\s+up)\b")
_LETHAL = re.compile(
    r"\b(?:killed|killing|dead|died|death|murder\w*|shot\s+dead|beheaded|executed|massacr\w*|lost\s+(?:their|his|her)\s+li\w+)\b"
)


def _first(pattern: re.Pattern[str], text: str) -> int:
    match = pattern.search(text)
    return match.start() if match else NOWHERE


@dataclass(frozen=True, slots=True)
class _Scan:
    """First position of each cue family in the prepared text (NOWHERE when absent)."""

    text: str
    protest: int
    riot_word: int
    clash: int
    air: int
    shelling: int
    ied: int
    generic_explosion: int
    grenade: int
    suicide: int
    chemical: int
    harm: int
    abduction: int
    sexual: int
    disrupted: int

    @classmethod
    def of(cls, text: str) -> _Scan:
        passive = _first(acts.PASSIVE_HARM, text)
        return cls(
            text=text,
            protest=_first(cues.PROTEST, text),
            riot_word=_first(cues.RIOT_WORD, text),
            clash=_first(acts.CLASH, text),
            air=_first(cues.AIR_STRIKE, text),
            shelling=_first(cues.SHELLING, text),
            ied=_first(cues.IED, text),
            generic_explosion=_first(cues.GENERIC_EXPLOSION, text),
            grenade=_first(cues.GRENADE, text),
            suicide=_first(cues.SUICIDE, text),
            chemical=_first(cues.CHEMICAL, text),
            harm=min(_first(acts.KILL_ACTIVE, text), passive, _first(acts.BODY_FOUND, text)),
            abduction=_first(acts.ABDUCTION, text),
            sexual=_first(acts.SEXUAL, text),
            disrupted=_first(acts.DISRUPTED_WEAPONS, text),
        )

    @property
    def remote(self) -> int:
        specific = min(self.air, self.shelling, self.ied, self.grenade)
        return specific if specific < NOWHERE else self.generic_explosion

    def sentence_of(self, position: int) -> int:
        """Index of the sentence holding ``position`` (NOWHERE stays NOWHERE)."""
        if position >= NOWHERE:
            return NOWHERE
        return len(_SENTENCE_END.findall(self.text, 0, position))


def decide(text: str, *, outcomes: frozenset[str]) -> Decision | None:
    """(event_type, sub_event_type) for prepared text, or None when no act is named."""
    scan = _Scan.of(text)
    return (
        _demonstration(scan)
        or _special_weapons(scan)
        or _violent_act(scan, outcomes)
        or _mob(scan)
        or _strategic(scan)
        or _fallback(scan, outcomes)
    )


# --------------------------------------------------------------------------- demonstrations


def _demonstration(scan: _Scan) -> Decision | None:
    start = min(scan.protest, scan.riot_word)
    if start >= NOWHERE:
        return None
    topics = [m.span(1) for m in cues.TOPIC_VIOLENCE.finditer(scan.text)]
    abduction = NOWHERE if any(a <= scan.abduction < b for a, b in topics) else scan.abduction
    armed = min(scan.air, scan.shelling, scan.ied, scan.suicide, abduction, scan.sexual)  # not what they protest
    if scan.clash < start and not _demonstrators_near(scan.text, scan.clash):
        armed = min(armed, scan.clash)
    if armed < start or scan.sentence_of(scan.harm) < scan.sentence_of(start) or _attack_on_gathering(scan, start):
        return None
    conduct = cues.TOPIC_VIOLENCE.sub(_blank_topic, scan.text)
    if cues.CROWD_KILLING.search(conduct):
        return ("Riots", "Mob violence")
    if cues.RIOT_WORD.search(conduct) or cues.DEMONSTRATOR_VIOLENCE.search(conduct):
        return ("Riots", "Violent demonstration")
    if cues.PROTESTER_HARMED.search(conduct):
        return ("Protests", "Excessive force against protesters")
    if cues.POLICE_INTERVENTION.search(conduct):
        return ("Protests", "Protest with intervention")
    return ("Protests", "Peaceful protest")


def _blank_topic(match: re.Match[str]) -> str:
    head = match.group(0)[: match.start(1) - match.start(0)]
    return head + " " * (match.end(1) - match.start(1))


def _attack_on_gathering(scan: _Scan, start: int) -> bool:
    """ "A gunman fired at a rally, killing 3": an armed attacker struck the gathering (not a protest event)."""
    sentence_start = max((m.end() for m in _SENTENCE_END.finditer(scan.text, 0, start)), default=0)
    before = scan.text[sentence_start:start]
    attack = _ATTACK_ON.search(before)
    return attack is not None and _NON_STATE.search(before, 0, attack.start()) is not None


def _demonstrators_near(text: str, position: int) -> bool:
    return bool(_DEMONSTRATORS.search(text, max(0, position - 80), position + 120))


# --------------------------------------------------------------------------- violence


def _special_weapons(scan: _Scan) -> Decision | None:
    if scan.suicide < NOWHERE:
        return ("Explosions/Remote violence", "Suicide bomb")
    if scan.chemical < NOWHERE:
        return ("Explosions/Remote violence", "Chemical weapon")
    return None


def _violent_act(scan: _Scan, outcomes: frozenset[str]) -> Decision | None:
    if scan.disrupted <= scan.remote or (
        scan.disrupted <= min(scan.clash, scan.harm) and _LETHAL.search(scan.text) is None
    ):
        if scan.disrupted < NOWHERE:
            return ("Strategic developments", "Disrupted weapons use")
    territory = _territory(scan)
    if territory is not None:
        return territory
    acts_at = {
        "fight": scan.clash,
        "remote": scan.remote,
        "sexual": scan.sexual,
        "abduction": scan.abduction,
        "harm": scan.harm,
    }
    first_sentence = min(scan.sentence_of(pos) for pos in acts_at.values())
    if first_sentence >= NOWHERE:
        return None
    live = {name for name, pos in acts_at.items() if scan.sentence_of(pos) == first_sentence}
    crowd = _crowd_violence(scan)
    if crowd is not None and scan.sentence_of(crowd) <= first_sentence and "remote" not in live:
        return ("Riots", "Mob violence")
    if "remote" in live and ("fight" not in live or scan.remote < scan.clash):
        return _remote_sub(scan)
    if "fight" in live:
        if _unarmed_brawl(scan):
            return ("Riots", "Mob violence")
        return ("Battles", "Armed clash")
    if "sexual" in live:
        return ("Violence against civilians", "Sexual violence")
    if "abduction" in live and (scan.abduction < scan.harm or not _LETHAL.search(scan.text)):
        return ("Violence against civilians", "Abduction/forced disappearance")
    return _harm(scan, outcomes)


def _unarmed_brawl(scan: _Scan) -> bool:
    """A clash whose sentence names only unarmed parties (villagers, supporters, students) and no guns."""
    start = scan.text.rfind(".", 0, scan.clash) + 1
    end = scan.text.find(".", scan.clash)
    sentence = scan.text[start : end if end >= 0 else len(scan.text)]
    if _FIREARMS.search(sentence) or _NON_STATE.search(sentence) or _STATE_ACTOR.search(sentence):
        return False
    if acts.ARMED_VICTIM.search(sentence) or _ARMED_PERSONS.search(sentence):
        return False
    return bool(re.search(cues.CROWD, sentence) or acts.CIVILIAN_VICTIM.search(sentence))


def _remote_sub(scan: _Scan) -> Decision:
    if scan.air < NOWHERE and scan.air <= min(scan.ied, scan.grenade) + 40:
        return ("Explosions/Remote violence", "Air/drone strike")
    if _fought_back(scan):
        return ("Battles", "Armed clash")
    ranked = sorted(
        (
            (scan.shelling, 0, "Shelling/artillery/missile attack"),
            (scan.grenade, 1, "Grenade"),
            (scan.ied, 2, "Remote explosive/landmine/IED"),
            (NOWHERE - 1, 3, "Remote explosive/landmine/IED"),
        )
    )
    sub = ranked[0][2]
    if sub == "Remote explosive/landmine/IED" and cues.LEGACY_ORDNANCE.search(scan.text):
        return ("Strategic developments", "Other")
    return ("Explosions/Remote violence", sub)


def _fought_back(scan: _Scan) -> bool:
    """True when the explosive act was part of two-sided fighting (fire returned, guns at armed targets)."""
    if cues.TWO_SIDED.search(scan.text):
        return True
    remote_sentence = scan.sentence_of(scan.remote)
    for match in cues.HAND_FIRE.finditer(scan.text):
        if scan.sentence_of(match.start()) == remote_sentence:
            return _victim_kind(scan.text) != "civilian"
    return False


def _territory(scan: _Scan) -> Decision | None:
    match = acts.TERRITORY_TAKEN.search(scan.text)
    if match is None or scan.sentence_of(match.start()) > 0:
        return None
    if acts.NONVIOLENT_TRANSFER.search(scan.text) and scan.clash >= NOWHERE:
        return ("Strategic developments", "Non-violent transfer of territory")
    sentence_start = scan.text.rfind(".", 0, match.start()) + 1
    subject = scan.text[sentence_start:match.start()]
    if acts.TERRITORY_BY_STATE.search(scan.text, sentence_start, match.end() + 1) or (
        _STATE_ACTOR.search(subject) and not _NON_STATE.search(subject)
    ):
        return ("Battles", "Government regains territory")
    return ("Battles", "Non-state actor overtakes territory")


def _harm(scan: _Scan, outcomes: frozenset[str]) -> Decision | None:
    if acts.BODY_FOUND.search(scan.text):
        return ("Violence against civilians", "Attack")
    victim = _victim_kind(scan.text)
    if victim == "armed":
        return ("Battles", "Armed clash")
    if victim == "civilian" or _LETHAL.search(scan.text) or outcomes & {"killed", "injured"}:
        return ("Violence against civilians", "Attack")
    if acts.LOOTING.search(scan.text) or acts.ARREST.search(scan.text):
        return None
    return ("Violence against civilians", "Attack")


def _victim_kind(text: str) -> str | None:
    """'armed' or 'civilian' for the first harm verb whose victim can be told apart."""
    found = [(m.start(), m.end(), True) for m in acts.PASSIVE_HARM.finditer(text)]
    found += [(m.start(), m.end(), False) for m in acts.KILL_ACTIVE.finditer(text)]
    for start, end, passive in sorted(found):
        passive = passive or bool(_PASSIVE_BEFORE.search(text, max(0, start - 20), start))
        kind = _nearest_victim(text, start, end, passive=passive)
        if kind is not None:
            return kind
    return None


def _nearest_victim(text: str, start: int, end: int, *, passive: bool) -> str | None:
    if passive:
        lo = max(text.rfind(".", 0, start) + 1, start - 90)
        window, from_end = text[lo:start], True
    else:
        hi = text.find(".", end)
        hi = min(end + 90, hi if hi >= 0 else len(text))
        by = _BY_AGENT.search(text, end, hi)
        window, from_end = text[end:by.start() if by else hi], False
    armed = [m.start() for m in acts.ARMED_VICTIM.finditer(window)]
    armed += [m.start() for m in _ARMED_PERSONS.finditer(window)]
    civilian = [m.start() for m in acts.CIVILIAN_VICTIM.finditer(window)]
    if not armed and not civilian:
        return None
    pick = max if from_end else min
    best_armed = pick(armed) if armed else None
    best_civil = pick(civilian) if civilian else None
    if best_armed is None:
        return "civilian"
    if _OFF_DUTY.search(window, max(0, best_armed - 40), best_armed + 40):
        return "civilian"
    if best_civil is None:
        return "armed"
    armed_closer = best_armed >= best_civil if from_end else best_armed <= best_civil
    return "armed" if armed_closer else "civilian"


# --------------------------------------------------------------------------- riots, strategic


def _mob(scan: _Scan) -> Decision | None:
    if _crowd_violence(scan) is not None:
        return ("Riots", "Mob violence")
    return None


def _crowd_violence(scan: _Scan) -> int | None:
    """Position of violence by an unarmed crowd (stones, beatings, lynching), if any."""
    for pattern in (cues.CROWD_ACT, cues.MOB):
        match = pattern.search(scan.text)
        if match is None:
            continue
        sentence_start = scan.text.rfind(".", 0, match.start()) + 1
        sentence_end = scan.text.find(".", match.end())
        sentence_end = sentence_end if sentence_end >= 0 else len(scan.text)
        actor_end = match.end() if pattern is cues.MOB else sentence_end
        if _NON_STATE.search(scan.text, sentence_start, actor_end) or _STATE_ACTOR.search(
            scan.text, sentence_start, match.end()  # "members of the border police clashed": not a crowd
        ):
            continue
        if not _FIREARMS.search(scan.text, sentence_start, sentence_end):
            return match.start()
    return None


def _strategic(scan: _Scan) -> Decision | None:
    text = scan.text
    if scan.disrupted < NOWHERE:
        return ("Strategic developments", "Disrupted weapons use")
    if acts.HEADQUARTERS.search(text):
        return ("Strategic developments", "Headquarters or base established")
    if acts.AGREEMENT.search(text):
        return ("Strategic developments", "Agreement")
    if acts.NONVIOLENT_TRANSFER.search(text) and (acts.TERRITORY_TAKEN.search(text) or acts.HANDOVER.search(text)):
        return ("Strategic developments", "Non-violent transfer of territory")
    arrest, looting = _first(acts.ARREST, text), _first(acts.LOOTING, text)
    if arrest < looting:
        return _arrest(text, arrest)
    if looting < NOWHERE:
        return ("Strategic developments", "Looting/property destruction")
    if acts.CHANGE_GROUP.search(text):
        return ("Strategic developments", "Change to group/activity")
    return None


def _arrest(text: str, position: int) -> Decision:
    sentence_start = text.rfind(".", 0, position) + 1
    actor = text[sentence_start:position]
    if _NON_STATE.search(actor) and not _STATE_ACTOR.search(actor):
        return ("Violence against civilians", "Abduction/forced disappearance")
    return ("Strategic developments", "Arrests")


def _fallback(scan: _Scan, outcomes: frozenset[str]) -> Decision | None:
    if "abducted" in outcomes or "missing" in outcomes:
        return ("Violence against civilians", "Abduction/forced disappearance")
    if outcomes & {"killed", "injured"}:
        return ("Violence against civilians", "Attack")
    if "detained" in outcomes:
        return ("Strategic developments", "Arrests")
    if acts.ANY_EVENT.search(scan.text):
        return ("Strategic developments", "Other")
    return None
