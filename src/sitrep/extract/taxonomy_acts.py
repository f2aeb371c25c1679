"""Cue patterns for fighting, violence against people and strategic developments.

Companion of ``taxonomy_cues`` (demonstrations and remote violence); same
conventions: whole-word patterns over lower-cased, negation-blanked text.
"""

from __future__ import annotations

import re

from sitrep.extract.taxonomy_cues import _words

# --------------------------------------------------------------------------- battles

CLASH = _words(
    r"clash(?:es|ed|ing)?",
    r"skirmish\w*",
    r"exchang\w*\s+(?:of\s+)?(?:heavy\s+)?(?:gun)?fire",
    r"exchanged\s+(?:\w+\s+){0,2}?(?:fire|shots|artillery|gunfire|mortar\w*|rockets?|shell\w*)",
    r"gun\s*fights?",
    r"gun\s+battles?",
    r"fire\s*fights?",
    r"shoot-?outs?",
    r"(?:heavy|fierce|intense|violent|sporadic|renewed|armed|ongoing)\s+(?:fighting|battles?|confrontations?|combat)",
    r"fighting\s+(?:\w+\s+){0,2}?(?:between|with|against|erupted|broke\s+out|continued|took\s+place)",
    r"fought",
    r"battl(?:ed|ing)",
    r"engag\w*\s+(?:\w+\s+){0,3}?(?:in\s+(?:a\s+)?(?:fighting|combat|battle|firefight|gunfight)|with)",
    r"encounters?",
    r"ambush\w*",
    r"armed\s+confrontations?",
    r"confrontations?\s+between",
    r"hostilities",
    r"ceasefire\s+violations?",
    r"violated\s+(?:the\s+)?ceasefire",
    r"cross-?border\s+(?:firing|fire|shooting)",
    r"in\s+both\s+directions",
    r"small[- ]arms?",
    r"shots\s+involving",
    r"from\s+both\s+sides",
    r"repel\w*",
    r"repuls\w*",
    r"counter-?attack\w*",
    r"offensive",
)
TERRITORY_TAKEN = _words(
    r"(?:took|take|taken|taking|seiz\w+|gain\w*|captur\w+|wrest\w*|assum\w+|establish\w*|regain\w*|retook|retake\w*|restor\w*)"
    r"\s+(?:full\s+|total\s+|complete\s+|back\s+)?control\s+(?:of|over)",
    r"(?:captured|seized|overran|overrun|stormed\s+and\s+captured|took\s+over)\s+(?:\w+\s+){0,2}?"
    r"(?:town|village|city|area|district|base|positions?|hill|outpost|locality|stronghold|camp|neighbou?rhood|territory|headquarters|military\s+post)",
    r"(?:recaptur\w+|retook|retaken|retake|liberat(?:ed|ing)|reclaim\w*)\s+(?:\w+\s+){0,3}?"
    r"(?:town|village|city|area|district|base|positions?|hill|outpost|locality|stronghold|camp|neighbou?rhood|territory|region|province)",
    r"(?:town|village|city|district|base|area|stronghold|outpost|province|region)\s+(?:\w+\s+){0,2}?fell\s+(?:in)?to",
)
TERRITORY_BY_STATE = _words(
    r"regain\w*", r"retook", r"retaken", r"retake\w*", r"recaptur\w+", r"liberat(?:ed|ing)", r"reclaim\w*",
    r"restor\w+\s+(?:state\s+)?control",
    r"(?:army|military|government|govt|state|regime|security|national|federal|pro-government|pro-hadi|fardc|fanci|sdf|troops|soldiers)\b"
    r"(?:\s+\w+){0,4}?\s+(?:took|seized|captured|gained|regained|established|overran)",
)
NONVIOLENT_TRANSFER = _words(
    r"withdr[ae]w\w*",
    r"withdrawal",
    r"pull(?:ed)?\s+out",
    r"handed\s+over",
    r"hand\s*over",
    r"without\s+(?:a\s+)?(?:fight|fighting|resistance|clashes)",
    r"evacuat\w+\s+(?:their|its)\s+positions",
    r"abandon\w*\s+(?:their|its|the)\s+(?:positions?|base|posts?)",
    r"took\s+over\s+(?:\w+\s+){0,3}?(?:after|following)\s+(?:\w+\s+){0,3}?(?:withdr|left|departure)",
)
HANDOVER = _words(
    r"hand(?:ed|ing)?\s+(?:\w+\s+){0,4}?over\s+(?:\w+\s+){0,3}?(?:to|control)",
    r"handover", r"took\s+over", r"moved\s+in", r"without\s+(?:a\s+)?(?:fight|fighting|resistance|clashes)",
)

# --------------------------------------------------------------------------- harm to people

KILL_ACTIVE = _words(
    r"kill(?:ed|ing|s)?",
    r"shot\s+dead",
    r"shot(?!\s+down)",
    r"shoot(?:s|ing)?",
    r"gunned\s+down",
    r"murder\w*",
    r"assassinat\w*",
    r"stabb\w*",
    r"hack(?:ed|ing)\s+(?:\w+\s+){0,2}?(?:to\s+death|with)",
    r"behead\w*",
    r"slaughter\w*",
    r"execut(?:ed|ing|ion)",
    r"massacr\w*",
    r"tortur\w*",
    r"beat(?:en|ing|s)?",
    r"assault\w*",
    r"attack(?:ed|ing|s)?",
    r"raid(?:ed|ing|s)?",
    r"opened\s+fire",
    r"fired\s+(?:[\w.-]+\s+){0,5}?(?:at(?!\s+least)|on|upon|towards?)",
    r"(?:responded|returned)\s+(?:to\s+)?(?:the\s+)?fire",
    r"wound(?:ed|ing|s)?",
    r"injur(?:ed|ing|es)",
    r"burn(?:ed|t)\s+(?:\w+\s+){0,2}?alive",
    r"hang(?:ed)",
    r"strangl\w*",
    r"lynch\w*",
    r"targeted",
    r"ambush\w*",
)
PASSIVE_HARM = re.compile(
    r"\b(?:was|were|been|being|got|get)\s+(?:\w+\s+)?(?:killed|shot|murdered|stabbed|attacked|beheaded|"
    r"executed|tortured|beaten|assaulted|wounded|injured|hacked|gunned|lynched|burned|burnt|hanged|found\s+dead)\b",
    re.ASCII,
)
BODY_FOUND = _words(
    r"(?:bod(?:y|ies)|corpses?|remains)\s+(?:\w+\s+){0,12}?(?:was|were|had\s+been|have\s+been)\s+(?:\w+\s+)?(?:found|discovered|recovered|located|retrieved|dumped|left|abandoned)",
    r"(?:found|discovered|recovered|located)\s+(?:\w+\s+){0,3}?(?:bod(?:y|ies)|corpses?|remains)",
    r"found\s+(?:\w+\s+){0,2}?dead",
    r"bullet[- ](?:riddled|ridden)",
    r"signs\s+of\s+(?:torture|violence)",
)
ABDUCTION = _words(
    r"abduct\w*",
    r"kidnap\w*",
    r"(?:taken|took|held|holding|seized)\s+(?:\w+\s+){0,3}?hostages?",
    r"hostages?",
    r"ransom\w*",
    r"forc(?:ed|ibly)\s+disappear\w*",
    r"enforced\s+disappearances?",
    r"went\s+missing",
    r"whereabouts\s+(?:remain|are|is)\s+unknown",
    r"(?:taken|led|whisked|dragged)\s+away\s+to\s+an?\s+unknown",
)
SEXUAL = _words(
    r"rap(?:e|ed|es|ing|ist|ists)",
    r"gang-?rap\w*",
    r"sexual(?:ly)?\s+(?:assault\w*|violence|abuse\w*|abusing|harass\w*|exploit\w*|attack\w*|violated)",
    r"molest\w*",
    r"defil\w*",
)
# Victims who are armed, organised actors: harming them is fighting, not violence against civilians.
ARMED_VICTIM = _words(
    r"soldiers?", r"troops?", r"army(?!\s+(?:prison|hospital|court))", r"servicem[ae]n", r"marines?",
    r"police(?:m[ae]n|wom[ae]n)?", r"police\s+officers?", r"officers?", r"constables?", r"cops?",
    r"gendarm\w*", r"security\s+(?:forces?|personnel|agents?|guards?|officials?|men)",
    r"forces?", r"militants?", r"rebels?", r"fighters?", r"insurgents?", r"militia\w*",
    r"combatants?", r"jihadists?", r"terrorists?", r"gunm[ae]n", r"assailants?", r"attackers?",
    r"bandits?", r"personnel", r"positions?", r"bases?", r"outposts?", r"checkpoints?",
    r"check\s+points?", r"convoys?", r"patrols?", r"barracks", r"posts?", r"garrisons?",
    r"guards?", r"commanders?", r"cadres?", r"elements", r"operatives", r"recruits",
    r"naxal\w*", r"maoists?", r"taliban", r"shabaab", r"boko\s+haram", r"houthis?",
    r"iswap", r"isgs", r"jnim", r"adf", r"nsag", r"pkk", r"farc", r"eln", r"fardc", r"naf",
    r"jawans?", r"crpf", r"bsf", r"gang\s+members?", r"rangers?",
    r"(?:qsd|sdf|ypg|hts|fsa|sna|isis|isil|aqap|aqim|hezbollah|hamas|ltte|npa|bifa?f|ffp|upc|fdlr|codeco|"
    r"cjtf|ajk)\s+(?:members?|fighters?|elements?|commanders?)",
    r"members?\s+of\s+(?:[\w'’-]+\s+){0,5}?(?:army|forces|militias?|rebels?|(?:armed|rebel|militant|jihadist|criminal)\s+groups?|"
    r"intelligence|police|brigades?|battalions?|divisions?|regiments?|corps|gangs?|cartels?|factions?|guards?|units?)",
    r"vehicles?\s+of\s+the\s+(?:army|police|military)",
)
CIVILIAN_VICTIM = _words(
    r"civilians?", r"villagers?", r"residents?", r"inhabitants?", r"locals?",
    r"m[ae]n", r"wom[ae]n", r"boys?", r"girls?", r"child(?:ren)?", r"kids?", r"babies", r"baby",
    r"infants?", r"minors?", r"teen\w*", r"youths?", r"persons?", r"people", r"individuals?",
    r"farmers?", r"herders?", r"herdsm[ae]n", r"shepherds?", r"fishermen", r"hunters?",
    r"traders?", r"merchants?", r"shopkeepers?", r"vendors?", r"businessm[ae]n", r"businesswom[ae]n",
    r"drivers?", r"motorists?", r"passengers?", r"travell?ers?", r"commuters?",
    r"teachers?", r"students?", r"pupils?", r"journalists?", r"reporters?", r"activists?",
    r"workers?", r"labou?rers?", r"employees?", r"miners?", r"worshippers?", r"pastors?",
    r"priests?", r"imams?", r"clerics?", r"monks?", r"nuns?", r"chiefs?", r"elders?",
    r"family", r"families", r"relatives?", r"brothers?", r"sisters?", r"sons?", r"daughters?",
    r"wife", r"wives", r"husbands?", r"father", r"mother", r"doctors?", r"nurses?",
    r"lawyers?", r"politicians?", r"councill?ors?", r"mayors?", r"candidates?", r"leaders?",
    r"refugees?", r"migrants?", r"idps?", r"displaced", r"patients?", r"owners?",
    r"homes?", r"houses?", r"household\w*", r"villages?", r"towns?", r"markets?", r"churche?s?", r"mosques?",
    r"neighbou?rhoods?", r"communit(?:y|ies)", r"members?", r"suspects?", r"detainees?", r"prisoners?",
    r"inmates?", r"supporters?", r"contractors?", r"developers?", r"gunshot\s+wounds",
    r"school", r"hospital", r"bod(?:y|ies)", r"victims?", r"\d+-year-old", r"aged\s+\d+",
    r"off-?duty", r"former", r"retired", r"unarmed", r"officials?", r"members?\s+of\s+(?:the\s+)?"
    r"(?:\w+\s+)?(?:party|community|family|council|parliament|assembly|union)",
)

# --------------------------------------------------------------------------- strategic developments

STATE_AGENT = _words(
    r"police\w*", r"officers?", r"authorities", r"security\s+(?:forces|agencies|services|personnel)",
    r"army", r"military", r"soldiers", r"troops", r"forces", r"gendarm\w*", r"government",
    r"regime", r"intelligence", r"agents?", r"customs", r"immigration", r"prosecutors?",
    r"cid", r"nia", r"dss", r"fbi", r"interpol", r"sheriff\w*", r"court", r"judge",
)
ARREST = _words(
    r"arrest\w*",
    r"detain\w*",
    r"detention",
    r"(?:taken|took)\s+into\s+custody",
    r"apprehend\w*",
    r"rounded\s+up",
    r"captur(?:ed|ing)\s+(?:\w+\s+){0,3}?(?:suspects?|members|militants|fighters|rebels|leaders?|commanders?)",
    r"nabbed",
    r"held\s+in\s+custody",
)
LOOTING = _words(
    r"loot\w*", r"plunder\w*", r"pillag\w*", r"ransack\w*", r"vandali[sz]\w*",
    r"(?:burn\w*|burnt|torch\w*|set\s+fire\s+to|set\s+ablaze|razed|demolish\w*|destroy\w*|damag\w*|bulldoz\w*)"
    r"\s+(?:down\s+)?(?:\w+\s+){0,4}?(?:houses?|homes?|huts?|shops?|stores?|buildings?|structures?|property|properties|"
    r"vehicles?|cars?|trucks?|buses|motorcycles?|crops?|fields?|farms?|granar\w*|schools?|churches?|mosques?|offices?|"
    r"masts?|towers?|pipelines?|facilit\w*|stations?|equipment|machinery|installations?|antennas?|trees|olive\w*)",
    r"arson\w*",
    r"set\s+(?:\w+\s+){0,4}?(?:on\s+fire|ablaze|alight)",
    r"torch\w*",
    r"demolition\w*",
    r"(?:stole|stolen|steal\w*|robb\w*|robber\w*|rustl\w*|carted\s+away|made\s+away\s+with)",
    r"(?:seiz\w+|confiscat\w+|impound\w+)\s+(?:\w+\s+){0,5}?(?:drugs?|narcotics?|marijuana|cannabis|cocaine|heroin|"
    r"methamphetamine|meth|opium|goods|property|lands?|cattle|livestock|animals|vehicles?|cars?|trucks?|fuel|timber|"
    r"money|cash|tons?|kilos?|kg|packages?|contraband)",
    r"(?:drugs?|narcotics?|marijuana|cocaine)\s+(?:\w+\s+){0,3}?(?:seized|confiscated|seizure)",
    r"extort\w*",
    r"(?:cut|cutting)\s+down\s+(?:\w+\s+){0,2}?trees",
    r"uproot\w*",
)
DISRUPTED_WEAPONS = _words(
    r"defus\w*",
    r"diffus\w*",
    r"(?:disarm\w*|dismantl\w*|neutrali[sz]\w*|deactivat\w*|disposed\s+of)\s+(?:\w+\s+){0,3}?(?:i\.?e\.?d\.?s?|bombs?|explosives?|devices?|mines?|landmines?)",
    r"bomb\s+disposal",
    r"controlled\s+(?:explosion|detonation)",
    r"(?:intercept\w*|shot\s+down|downed|shoot\s+down|destroyed)\s+(?:\w+\s+){0,3}?(?:missiles?|rockets?|drones?|uavs?|projectiles?|aircraft)",
    r"(?:missiles?|rockets?|drones?|uavs?|projectiles?)\s+(?:\w+\s+){0,3}?(?:intercepted|shot\s+down|downed)",
    r"(?:found|discovered|recovered|uncovered|seized|unearthed|detected)\s+(?:\w+\s+){0,6}?"
    r"(?:i\.?e\.?d\.?s?|bombs?|explosives?|explosive\s+devices?|landmines?|mines|detonators?|weapons?\s+caches?|"
    r"arms\s+caches?|caches?\s+of\s+(?:arms|weapons)|weapons|arms|ammunition|rifles|firearms|guns|grenades?)",
    r"(?:weapons?|arms|ammunition)\s+caches?\s+(?:\w+\s+){0,2}?(?:found|discovered|seized|recovered|uncovered)",
    r"weapons?\s+seizures?",
    r"(?:foil\w*|thwart\w*)\s+(?:\w+\s+){0,3}?(?:bomb\w*|i\.?e\.?d\.?s?|explosi\w*|plots?|smuggl\w*)",
)
HEADQUARTERS = _words(
    r"(?:establish\w*|set\s+up|setting\s+up|built|build\w*|construct\w*|open\w*|install\w*)\s+(?:\w+\s+){0,4}?"
    r"(?:base|headquarters|hq|military\s+posts?|observation\s+posts?|outposts?|barracks|camps?|command\s+cent(?:re|er)s?|garrisons?)",
    r"(?:transform\w*|convert\w*|turn\w*)\s+(?:\w+\s+){0,5}?into\s+(?:\w+\s+){0,2}?(?:base|barracks|headquarters|posts?|camps?)",
)
AGREEMENT = _words(
    r"agreements?", r"agreed", r"signed", r"peace\s+(?:deal|accord|talks|pact)", r"accords?",
    r"truce", r"reconciliation", r"prisoner\s+(?:exchange|swap|release)",
    r"(?:exchange|swap)\w*\s+(?:of\s+)?(?:prisoners|detainees|captives|bodies)",
    r"releas\w*\s+(?:\w+\s+){0,3}?(?:prisoners|detainees|captives|hostages)",
    r"ceasefire\s+(?:deal|agreement|was\s+agreed|came\s+into\s+effect|declared|announced)",
    r"negotiat\w*", r"mediat\w*", r"memorandum",
)
CHANGE_GROUP = _words(
    r"reinforcement\w*", r"fortif\w*", r"entrench\w*", r"reinforc\w*", r"deploy\w*", r"redeploy\w*",
    r"movements?\s+of\s+(?:\w+\s+)?(?:forces|troops)",
    r"recruit\w*", r"patrol(?:s|led|ling)?", r"parade", r"training", r"trained", r"graduat\w*",
    r"surrender\w*", r"defect\w*", r"disband\w*", r"demobili[sz]\w*", r"mobili[sz]\w*",
    r"merg\w*", r"formed", r"form(?:ation|ing)\s+of", r"launch\w*\s+(?:\w+\s+){0,3}?(?:campaign|operation|recruitment)",
    r"(?:search|combing|sweep\w*|clearance|security|cordon)\s+operations?", r"operations?\s+to\s+(?:search|clear|flush)",
    r"(?:arrived|moved|mov\w+|advanc\w+|transferr\w+|sent|dispatch\w+|convoy\w*|gathered|massed|mass\w+)\s+(?:\w+\s+){0,3}?"
    r"(?:troops|forces|reinforcements|fighters|vehicles|units|military|equipment|positions)",
    r"(?:troops|forces|fighters|units)\s+(?:\w+\s+){0,3}?(?:arrived|moved|entered|advanced|stationed|withdrew)",
    r"(?:set\s+up|established|erected|installed)\s+(?:\w+\s+){0,2}?checkpoints?",
    r"curfews?", r"(?:banned|ban\s+on|suspended|dissolved|proscribed)",
    r"(?:claimed|claims)\s+responsibility", r"announc\w*", r"warn\w*", r"threat\w*",
)
ANY_EVENT = _words(
    r"fired", r"shots?", r"gun\w*", r"armed", r"violence", r"incident", r"attack\w*", r"dead",
    r"died", r"death", r"casualt\w*", r"fatalit\w*", r"hurt", r"harass\w*", r"intimidat\w*",
    r"threat\w*", r"clash\w*", r"operations?", r"raid\w*", r"search\w*", r"spotted", r"observed",
    r"visit\w*", r"meeting", r"arriv\w*", r"return\w*", r"fled", r"flee\w*", r"displac\w*", r"evacuat\w*", r"crackdown", r"seiz\w+", r"occupi\w+", r"blockad\w*", r"block\w*",
)
