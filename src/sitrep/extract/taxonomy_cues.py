"""Precompiled cue patterns for the ACLED event-type rules (see ``taxonomy``).

Every pattern runs over a lower-cased, boilerplate-free copy of the text in
which negated outcomes ("no one was killed") have been blanked out, so match
positions stay comparable across cues.  Patterns are grouped by the act they
signal; ``taxonomy_rules`` decides between them.
"""

from __future__ import annotations

import re

_FLAGS = re.ASCII


def _words(*alternatives: str) -> re.Pattern[str]:
    """One pattern matching any alternative as a whole word (alternatives are regex)."""
    return re.compile(r"\b(?:" + "|".join(alternatives) + r")\b", _FLAGS)


# --------------------------------------------------------------------------- cleaning

SIZE_TAG = re.compile(r"\[\s*size\s*=[^\]]*\]", re.IGNORECASE)
BRACKET_FATALITY_NOTE = re.compile(r"\[[^\]]*fatalit[^\]]*\]", re.IGNORECASE)
# Coder's closing notes: "3 fatalities.", "Unclear fatalities coded as 10 ...", "Casualties unknown."
FATALITY_NOTE_SENTENCE = re.compile(
    r"(?:^|(?<=[.!?\]])\s)[^.!?]*?\b(?:fatalit(?:y|ies)|casualties|deaths?)\b[^.!?]*?"
    r"\b(?:coded|split|spread|divided|distributed|unknown|unclear)\b[^.!?]*(?:[.!?]|$)",
    re.IGNORECASE,
)
TRAILING_COUNT_NOTE = re.compile(
    r"(?:^|(?<=[.!?\]])\s)\s*(?:\d+|one|two|three|several|unknown|unclear)\s+"
    r"(?:reported\s+)?fatalit(?:y|ies)(?:\s+reported)?\s*\.?\s*$",
    re.IGNORECASE,
)
CODER_FOOTNOTE = re.compile(r"\s\*[A-Z][^*]*$")
LEADING_LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /-]{2,45}):\s+(?=\S)")

# Negated or hedged outcomes are blanked so that "killed" in "no one was killed" is no cue.
NEGATED_OUTCOME = re.compile(
    r"\b(?:no|neither|nor|not|without|nobody|none)\b(?:[\s,]+(?!and\b|but\b)[\w-]+){0,5}?[\s,]+"
    r"(?:casualt\w*|fatalit\w*|injur\w*|deaths?|dead|killed|wounded|hurt|harmed|victims?|damage\w*)\b"
    r"|\bdid\s+not\s+(?:result|lead|cause)\s+in\b[^.;]*"
    r"|\b(?:threaten\w*|tried|attempt\w*|plann\w*|plot\w*|vow\w*)\s+to\s+(?:kill|attack|abduct|kidnap|burn|bomb)\w*\b",
    _FLAGS,
)
# "riot police" and "anti-riot" are forces, not rioting.
RIOT_POLICE = re.compile(r"\b(?:anti[- ]?riot|riot[- ](?:police|control|gear|squad|units?|forces?|officers?))\b")

# --------------------------------------------------------------------------- demonstrations

PROTEST = _words(
    r"protest(?!ant)\w*",
    r"demonstrat(?:ed|ion|ions|ors?|ing)",
    r"counter-?demonstrat\w*",
    r"rall(?:y|ies|ied|ying)",
    r"marched",
    r"(?:a|the|peaceful|protest|silent|solidarity|funeral)\s+march(?:es)?",
    r"sit-?ins?",
    r"picket\w*",
    r"(?:went|go|going|are|were|was)\s+on\s+(?:a\s+)?(?:hunger\s+)?strike",
    r"(?:hunger|general|labou?r|workers'?|teachers'?|doctors'?|nurses'?|indefinite|warning)\s+strikes?",
    r"strik(?:ing|ed)\s+workers",
    r"boycott\w*",
    r"petition\w*",
    r"vigils?",
    r"human\s+chains?",
    r"chant(?:ed|ing)",
    r"(?:held|carried|holding|carrying|displayed)\s+(?:up\s+)?(?:placards|banners|signs)",
    r"pot-?bang\w*",
    r"cacerola\w*",
    r"(?:car|vehicle|motorcade)\s+caravans?",
    r"motorcades?",
    r"honk\w*\s+(?:their\s+)?horns",
    r"(?:to|and)\s+(?:demand|denounce|decry|condemn|reject|oppose|express|press\s+for|call\s+for)\w*",
    r"demanding",
    r"denouncing",
    r"in\s+solidarity\s+with",
    r"gathered\s+(?:in\s+front|outside)",
    r"walk-?outs?",
    r"agitat\w*",
    r"(?:blocked|blocking|block|barricad\w*)\s+(?:\w+\s+){0,5}?(?:roads?|highways?|streets?|entrances?|access|traffic|railway|tracks)",
    r"road\s*blocks?",
    r"blockades?",
    r"refus\w+\s+to\s+work",
    r"stopped\s+work",
)
# Violence named as the topic or background of a demonstration, not as its conduct:
# "protested against the killing of", "since the prison riot", "for their looted goods".
TOPIC_VIOLENCE = re.compile(
    r"\b(?:against|over|for|of|about|condemn\w*|denounc\w*|demand\w*|decry\w*|after|since|following|amid|"
    r"claim(?:s|ed|ing)?|alleg\w*|say|says|said|"
    r"in\s+response\s+to|in\s+the\s+wake\s+of)\s+(?:[\w'-]+\s+){0,8}?"
    r"((?:riots?|rioting|looted|looting|killings?|murders?|attacks?|violence|clashes|arrests?|detentions?|abductions?|"
    r"kidnappings?|rapes?|shootings?|deaths?|torture|beatings?|burnings|demolitions?|shelling|air\s*strikes?|"
    r"bombings?|explosions?|evictions?|tear\s*gas|(?:who|that)\s+(?:were|was|had\s+been|have\s+been|has\s+been)\s+"
    r"(?:\w+\s+)?(?:arrested|detained|abducted|kidnapped|killed|murdered)|"
    r"(?:have|has|had)\s+been\s+(?:\w+\s+)?(?:arrested|detained|abducted|kidnapped|killed|murdered))\b)",
    _FLAGS,
)
RIOT_WORD = _words(r"riot(?:s|ed|ers?|ing)?", r"rampag\w*")
DEMONSTRATOR_VIOLENCE = _words(
    r"(?:burn\w*|set\s+fire\s+to|set\s+on\s+fire|torch\w*|lit|light\w*)\s+(?:\w+\s+){0,3}?(?:tyres?|tires?)",
    r"(?:tyres?|tires?)\s+(?:were\s+)?(?:burn\w*|set\s+alight|set\s+ablaze|on\s+fire)",
    r"(?:thr[eo]w\w*|hurl\w*|pelt\w*|lob\w*|toss\w*)\s+(?:\w+\s+){0,3}?(?:stones?|rocks?|bricks?|projectiles?|bottles?|objects?|molotov|petrol\s+bombs?|firebombs?|fireworks?|eggs)",
    r"stone[- ]?pelt\w*",
    r"pelt\w*\s+(?:\w+\s+){0,3}?(?:with|police|officers|security)",
    r"molotov\w*",
    r"petrol\s+bombs?",
    r"set\s+(?:\w+\s+){0,4}?(?:on\s+fire|ablaze|alight)",
    r"set\s+fire",
    r"torch(?:ed|ing)",
    r"(?:burn\w*|burnt)\s+(?:down\s+)?(?:\w+\s+){0,3}?(?:vehicles?|cars?|buses|bus|trucks?|buildings?|offices?|station|shops?|houses?|homes?|property|motorcycles?)",
    r"vandali[sz]\w*",
    r"ransack\w*",
    r"loot\w*",
    r"smash\w*",
    r"storm\w*",
    r"(?:attack\w*|assault\w*|beat\w*|injur\w*|wound\w*)\s+(?:\w+\s+){0,3}?(?:police\w*|officers?|security\s+forces|officials?|agents|gendarmes?|soldiers?)",
    r"clash\w*\s+with\s+(?:the\s+)?(?:\w+\s+){0,2}?(?:police|security|officers|soldiers|forces|army|gendarm\w*)",
    r"clash\w*\s+(?:between|among)\s+(?:\w+\s+){0,4}?(?:protesters|demonstrators|supporters)",
    r"damag\w*\s+(?:\w+\s+){0,3}?(?:vehicles?|cars?|property|buildings?|offices?|shops?|windows?)",
    r"(?<!non-)(?<!non\s)violent\w*",
    r"clash\w*",
    r"scuffl\w*",
    r"brawl\w*",
    r"physical\w*\s+(?:confrontation|altercation|fight|assault)\w*",
    r"burn(?:ed|t|ing)\s+(?:\w+\s+){0,3}?(?:objects?|debris|mattress\w*|belongings|furniture|wood|garbage|rubbish|branches|logs)",
    r"burning\s+(?:\w+\s+)?(?:objects?|vehicles?|barricades?|debris|tyres?|tires?)",
    r"(?:barricad\w*|blocked)\s+(?:\w+\s+){0,4}?with\s+(?:\w+\s+)?(?:stones|rocks|burning)",
    r"forcibly\s+(?:entered|opened)",
)
POLICE_INTERVENTION = _words(
    r"dispers\w*",
    r"tear\s*-?gas\w*",
    r"water\s+cannons?",
    r"rubber\s+(?:bullets|pellets)",
    r"batons?",
    r"baton[- ]charg\w*",
    r"lathi[- ]?charg\w*",
    r"pepper\s+spray\w*",
    r"(?:police|officers|authorities|forces|guards?|soldiers|gendarmes?)\s+(?:\w+\s+){0,4}?(?:intervened|removed|evicted|blocked|prevented|stopped|broke\s+up|pushed|cordoned|forced|chased|detained|arrested|fined|beat|attacked|confronted)",
    r"(?:protesters|demonstrators|participants|activists|marchers|strikers|people|persons|organi[sz]ers|leaders|students|"
    r"workers|residents|\d+|several|some|dozens|scores|many|hundreds|(?:\w+\s+)?of\s+them|they|members)\s+(?:\w+\s+){0,3}?"
    r"(?:was|were)\s+(?:\w+\s+)?(?:arrested|detained|fined|removed|evicted|taken\s+into\s+custody|beaten|attacked)",
    r"were\s+(?:\w+\s+)?(?:arrested|detained|taken\s+into\s+custody)",
    r"arrests?\s+(?:were|was)\s+made",
    r"(?:arrested|detained)\s+(?:at\s+least\s+|around\s+|about\s+)?(?:\d+|several|some|dozens|scores|a\s+number|many|them)",
    r"(?:used|using|use\s+of)\s+(?:\w+\s+)?force",
    r"(?:tried|attempted|sought)\s+to\s+(?:control|arrest|stop|prevent|remove|block)",
    r"suppress\w*",
    r"dispel\w*",
    r"arrest(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:protesters|demonstrators|participants|organi[sz]ers|people)",
    r"detain(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:protesters|demonstrators|participants|organi[sz]ers|people)",
    r"(?:fired|shot)\s+(?:\w+\s+){0,2}?(?:in|into)\s+the\s+air",
    r"warning\s+shots",
    r"intervened",
)
PROTESTER_HARMED = re.compile(
    r"\b(?:protesters?|demonstrators?|participants?|marchers?)\s+(?:\w+\s+){0,3}?"
    r"(?:was|were)\s+(?:\w+\s+)?(?:killed|shot\s+dead|shot\s+and\s+killed)\b"
    r"|\b(?:killing|killed|shot\s+dead)\s+(?:\w+\s+){0,3}?"
    r"(?:protesters?|demonstrators?|marchers?)\b"
    r"|\b(?:shot|shoot\w*|fired|open\w*\s+fire)\s+(?:live\s+\w+\s+)?(?:at|on|into)\s+(?:the\s+)?(?:\w+\s+){0,2}?"
    r"(?:protesters?|demonstrators?|crowds?|marchers?)\b"
    r"|\blive\s+(?:ammunition|rounds|bullets|fire)\b",
    _FLAGS,
)
# "demonstrators took one of the suspects to the scene and killed him": the crowd itself kills (lower-cased text)
CROWD_KILLING = _words(
    r"(?:protesters|demonstrators|rioters|marchers)\s+(?!(?:were|was|had|have|who)\b)"
    r"(?:(?!police|soldiers|forces|troops|army|gunmen|security|officers)\w+\s+){0,12}?"
    r"(?:killed|lynched|beat|stoned|hacked|burned|burnt)\s+(?:him|her|them|the|a|an|one|two|three|\d+)",
)
MOB = _words(
    r"mobs?",
    r"lynch\w*",
    r"(?:mob|jungle|instant)\s+justice",
    r"(?:angry|irate|enraged|furious)\s+(?:\w+\s+)?(?:crowds?|residents|villagers|youths?|locals|people|relatives|mob)",
    r"(?:beaten|beat|attacked|assaulted|thrashed|hacked|stabbed|lynched|killed|stoned)\s+(?:\w+\s+){0,3}?by\s+(?:a\s+)?(?:group|crowd|gang|mob|number)\s+of\s+(?:\w+\s+)?(?:people|men|persons|youths?|villagers|residents|locals|individuals|relatives|neighbou?rs|workers)",
    r"(?:beaten|beat|attacked|assaulted|thrashed)\s+(?:\w+\s+){0,3}?by\s+(?:\w+\s+)?(?:villagers|residents|locals|neighbou?rs|relatives|persons|people|men|youths)",
    r"(?:a\s+)?(?:group|crowd|number)\s+of\s+(?:\w+\s+)?(?:people|men|persons|youths?|villagers|residents|locals|individuals|relatives)\s+(?:\w+\s+){0,2}?(?:attacked|beat|assaulted|thrashed|lynched|stoned|set\s+fire|torched|burned)",
    r"(?:villagers|residents|locals|neighbou?rs|youths)\s+(?:\w+\s+){0,2}?(?:attacked|beat|assaulted|thrashed|lynched|stoned|set\s+fire|torched|burned|clashed)",
    r"clash\w*\s+(?:\w+\s+){0,3}?(?:between|among)\s+(?:\w+\s+){0,4}?(?:groups|villagers|families|residents|supporters|students|youths|relatives|neighbou?rs|communities|members\s+of\s+two)",
    r"(?:two|rival)\s+(?:\w+\s+)?(?:groups|families|factions\s+of\s+villagers)\s+(?:\w+\s+){0,2}?clash\w*",
    r"with\s+(?:sticks|stones|rods|iron\s+rods|bamboo|clubs|sharp\s+weapons|machetes)",
)

# --------------------------------------------------------------------------- remote violence

SUICIDE = _words(
    r"suicide[- ](?:bomb\w*|attack\w*|vests?|belts?|car|vehicle|truck|svbied|blast|explosion)",
    r"suicide\s+(?:\w+\s+)?bomb\w*",
    r"self[- ]detonat\w*",
    r"blew\s+(?:himself|herself|themselves)\s+up",
    r"detonated\s+(?:his|her|their)\s+(?:explosive|suicide)\s+\w+",
    r"svbieds?",
    r"kamikaze\s+(?:bomber|attack)",
)
CHEMICAL = _words(
    r"chemical\s+(?:weapons?|attack|agents?|munitions?)",
    r"chlorine(?:\s+gas)?",
    r"sarin",
    r"mustard\s+gas",
    r"nerve\s+(?:agent|gas)",
    r"toxic\s+gas\s+attack",
)
AIR_STRIKE = _words(
    r"air\s*-?\s*strikes?",
    r"air\s*-?\s*raids?",
    r"airstrik\w*",
    r"air\s+attacks?",
    r"aerial\s+(?:bombardment|bombing|attacks?|strikes?|raids?)",
    r"(?:drone|uav)\s+(?:strikes?|attacks?)",
    r"(?:armed|combat|attack|kamikaze|suicide)\s+(?:drones?|uavs?)",
    r"drones?\s+(?:\w+\s+){0,6}?(?:struck|strikes?|targeted|bombed|fired|dropped|attacked|launched)",
    r"(?:war\s*planes?|fighter\s+jets?|jets?|aircraft|helicopters?|gunships?|bombers?|air\s*force|air\s+forces)\s+(?:\w+\s+){0,4}?(?:bomb\w*|struck|strikes?|targeted|shelled|fired|attacked|pounded|raided|dropped)",
    r"bombed\s+by\s+(?:\w+\s+){0,2}?(?:aircraft|jets?|planes?|warplanes?|helicopters?|drones?)",
    r"barrel\s+bombs?",
    r"(?:helicopter|aerial)\s+gunships?",
)
SHELLING = _words(
    r"(?<!gas\s)(?<!gas-)shell(?:s|ed|ing)?",
    r"atgms?",
    r"mortars?",
    r"artillery",
    r"howitzers?",
    r"rockets?",
    r"missiles?",
    r"projectiles?",
    r"katyushas?",
    r"mlrs",
    r"grads?",
    r"(?:automatic\s+|under-?barrel\s+|rocket[- ]propelled\s+)?grenade[- ]launchers?",
    r"anti[- ](?:tank|aircraft)\s+(?:guns?|weapons?|missiles?|rockets?)",
    r"(?:tank|cannon)\s+(?:fire|rounds?|shots?)",
    r"tanks?\s+(?:fired|shelled|opened\s+fire)",
    r"recoilless\s+(?:guns?|rifles?)",
    r"bombard\w*",
    r"(?:involving|from|caused\s+by)\s+(?:unknown|unspecified|heavy|unidentified)\s+weapons",
    r"heavy\s+weapons?",
    r"rpg(?:-7)?s?\s+(?:rounds?|grenades?|fire|rockets?|launchers?|shells?)",
    r"(?:fired|with|an|launched)\s+(?:an?\s+)?rpgs?",
    r"(?:fired|firing)\s+(?:from\s+)?(?:ifvs?|bmps?|infantry\s+fighting\s+vehicles?)",
    r"(?:ifvs?|bmps?|infantry\s+fighting\s+vehicles?)\s+(?:fire|fired|rounds?|shots?)",
    r"(?:heavy\s+)?machine[- ]?guns?",
)
IED = _words(
    r"i\.?e\.?d\.?s?",
    r"vbieds?",
    r"improvised\s+explosive\w*(?:\s+devices?)?",
    r"explosive\s+devices?",
    r"land\s*-?mines?",
    r"(?:anti-?(?:personnel|tank|vehicle)|road\w*|buried|planted)\s+mines?",
    r"mines?\s+(?:\w+\s+){0,2}?(?:explo\w*|detonat\w*|blast)",
    r"(?:stepped|stepping|drove|driving|ran)\s+(?:on|over)\s+(?:a|an)\s+(?:\w+\s+)?mines?",
    r"road\s*-?side\s+bombs?",
    r"(?:car|truck|vehicle|motorcycle|motorbike|bicycle|parcel|magnetic|sticky|time|remote[- ]controlled|crude|pipe|nail|roadside)\s+bombs?",
    r"bombs?\s+(?:\w+\s+){0,3}?(?:explo\w*|detonat\w*|went\s+off|blast)",
    r"(?:planted|placed|hidden)\s+(?:\w+\s+){0,2}?(?:bombs?|explosives?)",
    r"(?:bomb|explosive)\s+(?:attack|blast|explosion)s?",
    r"remote\w*\s+(?:controlled\s+)?(?:explosive|detonat\w*|bomb\w*)",
    r"unexploded\s+(?:ordnance|munitions?|shells?)",
    r"uxos?",
)
# Words that say something blew up without saying what: an IED only when nothing else is named.
GENERIC_EXPLOSION = _words(
    r"explosives?", r"blasts?", r"explosions?", r"detonat\w*", r"bomb(?:s|ing|ings)?", r"blew\s+up", r"exploded",
)
# Two-sided fire: the target fought back, so the event is a clash whatever weapons opened it.
TWO_SIDED = _words(
    r"in\s+both\s+directions",
    r"(?:fired|shot|hit|struck)\s+back",
    r"(?:returned|return|responded\s+to\s+the|reacted\s+with|responded\s+with|retaliated\s+with)\s+(?:\w+\s+){0,2}?(?:fire|gunfire|shots)",
    r"(?:shelling|artillery|fire|rocket|mortar)\s+exchanges?",
    r"exchang\w*\s+(?:of\s+)?(?:\w+\s+){0,2}?(?:fire|shelling|shells|artillery|gunfire|rockets|mortars|shots)",
    r"shoot-?outs?",
    r"gun\s*fights?",
    r"fire\s*fights?",
)
# Hand-held guns fired in the same act as explosives: an armed clash when aimed at armed actors.
HAND_FIRE = _words(
    r"small[- ]arms?", r"firearms?", r"(?<!sniper\s)(?<!recoilless\s)rifles?", r"gunfire", r"(?<!machine\s)(?<!machine-)(?<!aircraft\s)guns",
    r"shot\s+up", r"opened\s+fire", r"(?<!sniper\s)shots",
)
GRENADE = re.compile(r"\bgrenades?\b(?![- ]launcher)", _FLAGS)
# Ordnance left from a past war: its explosion has no perpetrator in the present conflict.
LEGACY_ORDNANCE = _words(
    r"(?:war\s+)?(?:remnants?|leftovers?)\s+(?:of|from)\s+(?:the\s+)?(?:\w+\s+)?(?:war|conflict)",
    r"left\s+(?:over|behind)\s+from\s+(?:the\s+)?(?:\w+\s+)?war",
    r"(?:in|from|during|since)\s+the\s+(?:19\d0s|\d+\s+years\s+ago)",
    r"decades?\s+(?:ago|old|earlier)",
)

# Unarmed crowds doing violence (outside a demonstration: mob violence).
CROWD = (
    r"(?:villagers|residents|locals|inhabitants|citizens|neighbou?rs|relatives|crowds?|mobs?|workers|labou?rers|"
    r"migrants|traders|sellers|vendors|merchants|students|youths?|supporters|sympathi[sz]ers|members|community|"
    r"communities|families|fans|passengers|prisoners|inmates|farmers|herders|villages|"
    r"(?:groups?|gangs?|crowds?|bands?)\s+of\s+(?:\w+\s+){0,3}?[a-z]+|(?:hundreds|dozens|scores|thousands)\s+of\s+\w+)"
)
CROWD_ACT = _words(
    r"(?:thr[eo]w\w*|hurl\w*|pelt\w*|lob\w*)\s+(?:\w+\s+){0,3}?(?:stones?|rocks?|bricks?|bottles?|projectiles?)",
    r"stone[- ]?pelt\w*",
    r"pelt\w*\s+(?:\w+\s+){0,3}?(?:at|with)",
    r"(?:fought|clashed|attacked|beat|fighting|clashing)\s+(?:with\s+)?(?:each\s+other|one\s+another)",
    r"mob(?:s|bed)?",
    r"lynch\w*",
    r"(?:mob|jungle|instant)\s+justice",
    CROWD + r"\s+(?:\w+\s+){0,6}?(?<!was\s)(?<!were\s)(?<!been\s)(?:attacked|beat|assaulted|thrashed|lynched|stoned|set\s+(?:\w+\s+){0,3}?(?:alight|ablaze|on\s+fire)|"
    r"torched|burn(?:ed|t)\s+(?:down\s+)?(?:\w+\s+){0,3}?(?:houses?|homes?|cottages?|huts?|shops?|vehicles?|cars?|properties|property)|"
    r"vandali[sz]ed|ransacked|clashed|fought|freed|rescued|stormed|chased|injured|hacked|stabbed|captured|caught|tied)",
    r"(?:beaten|attacked|assaulted|thrashed|lynched|stoned|injured|hacked|stabbed|killed|burnt|burned|"
    r"set\s+(?:\w+\s+){0,2}?(?:alight|ablaze|on\s+fire))\s+(?:\w+\s+){0,2}?by\s+(?:a\s+|an\s+|the\s+|some\s+|\w+\s+){0,2}?" + CROWD,
    r"clash\w*\s+(?:\w+\s+){0,3}?(?:between|among|with)\s+(?:\w+\s+){0,4}?(?:groups|villagers|families|residents|"
    r"supporters|students|youths|relatives|neighbou?rs|communities|members|journalists|workers|traders)",
    r"(?:two|rival)\s+(?:\w+\s+){0,2}?(?:groups|communities|families|factions|clans|castes|parties)\s+(?:\w+\s+){0,6}?(?:clash\w*|fought|attacked)",
)
