"""Word lists shared by the extractors: outcome triggers, victim nouns, source kinds.

Kept as plain data so they can be read and extended without touching the logic.
All entries are lower case.
"""

from __future__ import annotations

import re

# Words that state an outcome when they follow the victims ("3 people were killed",
# "two soldiers died", "5 injured").
OUTCOME_AFTER: dict[str, str] = {
    **dict.fromkeys(
        "killed dead died die dies dying executed massacred slain murdered beheaded lynched perished "
        "assassinated slaughtered martyred drowned electrocuted decapitated "
        "shot-dead gunned".split(), "killed"),
    **dict.fromkeys("wounded injured injuried hurt maimed hospitalised hospitalized".split(), "injured"),
    **dict.fromkeys("missing disappeared unaccounted".split(), "missing"),
    **dict.fromkeys("kidnapped abducted seized hostage captive".split(), "abducted"),
    **dict.fromkeys("detained arrested captured apprehended jailed imprisoned rounded held".split(), "detained"),
}

# Active verbs (and nominals) that take the victims as object ("killing 13 members",
# "gunmen killed 3 people", "the deaths of 4 children").
OUTCOME_BEFORE: dict[str, str] = {
    **dict.fromkeys(
        "killing killed kills kill executing executed executes execute massacring massacred "
        "massacre massacres murdering murdered murders murder slaying slew slay slays "
        "slaughtering slaughtered slaughter slaughters beheading beheaded behead beheads "
        "assassinating assassinated assassinate assassinates lynching lynched lynch".split(), "killed"),
    **dict.fromkeys("wounding wounded wounds wound injuring injured injures injure hurting maiming maimed "
                    "stabbing stabbed stabs stab".split(), "injured"),
    **dict.fromkeys("kidnapping kidnapped kidnaps kidnap abducting abducted abducts abduct seized seizing "
                    "seize".split(), "abducted"),
    **dict.fromkeys("arresting arrested arrests arrest detaining detained detains detain capturing captured "
                    "apprehended apprehending".split(), "detained"),
}

# Nouns that are outcomes themselves: "2 fatalities", "12 bodies", "the deaths of".
OUTCOME_NOUNS: dict[str, str] = {
    **dict.fromkeys("fatality fatalities death deaths dead bodies body corpses corpse killed "
                    "martyrs lives".split(), "killed"),
    **dict.fromkeys("injuries injured wounded".split(), "injured"),
    **dict.fromkeys("hostages abductees".split(), "abducted"),
    **dict.fromkeys("arrests detainees".split(), "detained"),
}

# Nominal heads that introduce victims with "of": "the deaths of 4", "the bodies of 9".
OF_NOMINALS: dict[str, str] = {
    "deaths": "killed", "death": "killed", "killing": "killed", "killings": "killed",
    "bodies": "killed", "body": "killed", "remains": "killed", "lives": "killed",
    "massacre": "killed", "injury": "injured", "injuries": "injured", "execution": "killed", "executions": "killed", "murder": "killed",
    "murders": "killed", "abduction": "abducted", "kidnapping": "abducted", "arrest": "detained",
    "arrests": "detained", "detention": "detained", "injuring": "injured", "wounding": "injured",
    "throats": "killed", "beheading": "killed", "assassination": "killed", "slaying": "killed",
}

# Stems that make a sentence worth reading for casualties beside the outcome words above ("toll",
# "casualties", "succumbed", "shot", "hospital"): matched anywhere in a word.
OUTCOME_HINT_STEMS = (
    "kill", "dead", "die", "death", "fatal", "wound", "injur", "hurt", "missing", "kidnap", "abduct", "hostage",
    "arrest", "detain", "captur", "execut", "massacr", "slain", "slew", "murder", "behead", "lynch", "perish",
    "bodies", "body", "lives", "toll", "casualt", "martyr", "assassin", "seized", "disappear", "unaccounted",
    "lost", "succumb", "slaughter", "maim", "apprehend", "jail", "rounded up", "gunned", "shot", "shoot", "stab",
    "stoned", "alive", "hospital", "captive", "cut down", "mowed", "hacked", "corpse", "remains", "throat",
)


# Words that may sit between the victims and the outcome ("were reportedly later killed").
BRIDGE_WORDS = frozenset(
    "were was are is have has had been be being reportedly also all both later allegedly "
    "reported confirmed believed thought feared said to already subsequently eventually "
    "critically seriously severely fatally badly slightly lightly gravely mortally each "
    "who that shot found burnt burned beaten stabbed hacked bludgeoned left initially "
    "instantly immediately apparently presumably officially were't got get gets "
    "when while as being remained remain remains still either".split()
)

# Words after which a count is the victim group being shot/beaten "dead" or "to death".
DEATH_COMPLEMENTS = {"dead": "killed", "death": "killed", "lives": "killed"}

# Words that mark a count as a breakdown of the count before it.
BREAKDOWN_MARKERS = (
    "including", "among them", "among whom", "of whom", "of them", "among those",
    "among the dead", "among the victims", "among the killed", "comprising", "consisting of",
    "among the wounded", "among the injured", "these included", "they included", "which included",
    "included", "include", "includes", "almost all of them", "most of them", "all of them", "many of them",
)

# Victim vocabularies, checked in this order.
PERPETRATOR_NOUNS = frozenset(
    "assailant assailants attacker attackers bomber bombers perpetrator perpetrators hijacker "
    "hijackers gunman kidnappers kidnapper raiders assassin assassins shooter shooters".split()
)
STATE_NOUNS = frozenset(
    "soldier soldiers troops troop army police policeman policemen policewoman officer officers "
    "personnel gendarme gendarmes guards guard servicemen serviceman conscripts conscript "
    "marines marine commandos commando paratroopers sailors airmen pilots pilot forces "
    "security military constables constable sergeant lieutenant colonel captain major "
    "general agents agent patrolmen patrolman peacekeepers peacekeeper recruits cadets cadet "
    "trooper troopers jawans jawan rangers ranger militiaman".split()
)
STATE_MODIFIERS = frozenset(
    "army police security military government regime state federal national border "
    "gendarmerie navy naval air defence defense interior".split()
)
NON_STATE_NOUNS = frozenset(
    "militant militants rebel rebels insurgent insurgents fighter fighters militiamen "
    "militia militias jihadist jihadists loyalist loyalists terrorist terrorists extremist "
    "extremists combatant combatants guerrilla guerrillas guerillas elements gunmen "
    "separatists separatist mercenaries mercenary mujahideen cadres cadre operatives "
    "operative commanders commander leader leaders members member".split()
)
CIVILIAN_NOUNS = frozenset(
    "civilian civilians woman women child children boy boys girl girls man men baby babies "
    "infant infants student students worshippers worshipper passengers passenger farmer "
    "farmers herder herders journalist journalists reporter reporters worker workers teacher "
    "teachers doctor doctors nurse nurses resident residents villager villagers family "
    "families pilgrims pilgrim shoppers shopper protesters protester demonstrators "
    "demonstrator refugees refugee migrants migrant traders trader merchant merchants "
    "fishermen fisherman shepherd shepherds driver drivers teenager teenagers minors minor "
    "elderly pupils pupil wife husband son sons daughter daughters brother brothers sister "
    "sisters mother father parents relatives tourists tourist activist activists villagers "
    "patients patient bystanders bystander customers customer inhabitants vendor vendors "
    "laborers labourers miners miner employees employee citizens citizen locals youths youth "
    "crew suspect suspects friend friends colleague colleagues neighbour neighbours neighbor neighbors cousin cousins "
    "nephew nephews niece nieces uncle aunt grandson granddaughter bodyguard bodyguards companion companions "
    "partner cop cops assistant assistants priest priests imam cleric clerics monks nuns chief elder elders councillor "
    "passerby passersby pedestrian pedestrians mp mps lawmaker lawmakers legislator legislators parliamentarian "
    "parliamentarians senator senators mayor mayors judge judges lawyer lawyers politician politicians".split()
)
CIVILIAN_MODIFIERS = frozenset("civilian unarmed innocent".split())
NON_STATE_MODIFIERS_RE = re.compile(
    r"\b(?:pro-\w+|anti-\w+|rebel|militia|insurgent|jihadist|islamist|taliban|houthi|shabaab|"
    r"boko|haram|isis|isil|daesh|islamic\s+state|al[- ]qaeda|hts|sdf|ypg|pkk|farc|eln|hamas|"
    r"hezbollah|hizbollah|opposition|armed\s+group|tribal|loyalist|separatist|"
    r"former\s+regime|old\s+regime)\b",
    re.IGNORECASE,
)
GENERIC_PEOPLE = frozenset("people persons person individuals individual others other those "
                           "victims victim lives casualties dead bodies body corpses them".split())

# Nouns that are never victims: a count of them is not a casualty count.
NON_VICTIM_NOUNS = frozenset(
    "houses homes buildings vehicles cars trucks tanks rockets missiles shells mortars bombs "
    "drones aircraft planes helicopters villages towns districts provinces countries states regions council "
    "councils committee committees board boards party parties ministry ministries court courts "
    "kilometres kilometers miles metres meters dollars euros percent times rounds weapons "
    "rifles guns points votes seats years months weeks days hours minutes seconds shops "
    "schools hospitals mosques churches checkpoints positions bases sites tunnels incidents bombings "
    "attacks strikes airstrikes raids clashes explosions blasts cases tests doses beds "
    "tonnes tons items articles documents pages laws resolutions sanctions sides detonators explosives "
    "grenades cattle cows goats sheep camels animals livestock horses dogs donkeys mules pigs chickens poultry acres hectares barrels litres liters "
    "motorcycles boats ships properties shops stores projectiles rounds".split()
)

SAY_VERBS = frozenset(
    "said says say reported reports report told tells stated states announced announces "
    "confirmed confirms claimed claims added adds noted notes estimated estimates documented "
    "documents recorded records counted tallied put declared declares quoted cited "
    "according tweeted posted wrote writes saying adding reporting claiming stating".split()
)

# Source kinds by words in the source's name, checked in this order.
SOURCE_KIND_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("witness", re.compile(r"\b(?:witness(?:es)?|eyewitness(?:es)?|residents?|locals?|villagers?|survivors?|"
                           r"neighbou?rs?|relatives?|family|a local|passers-by|onlookers?)\b", re.I)),
    ("monitor", re.compile(r"\b(?:observatory|sohr|monitor(?:s|ing)?|human rights|rights group|watch|amnesty|"
                           r"united nations|u\.?n\.?\b|unama|unicef|ocha|unhcr|who|icrc|red cross|"
                           r"red crescent|msf|doctors without borders|médecins|ngo|network|airwars|"
                           r"acled|iraq body count|commission|committee|documentation|coalition for|"
                           r"iom|save the children|oxfam|relief|humanitarian)\b", re.I)),
    ("media", re.compile(r"\b(?:reuters|afp|agence france|associated press|\bap\b|bbc|cnn|al jazeera|"
                         r"al-jazeera|al arabiya|xinhua|tass|ria|anadolu|sana|irna|dpa|efe|ansa|"
                         r"news|agency|television|tv|channel|radio|newspaper|daily|times|post|"
                         r"guardian|journal|media|outlet|broadcaster|press)\b", re.I)),
    ("official", re.compile(r"\b(?:ministry|minister|government|governor|official|officials|"
                            r"authorities|authority|army|military|police|spokes(?:man|woman|person)|"
                            r"president|mayor|commander|forces|force|command|department|office|"
                            r"council|administration|prosecutor|state|provincial|district|"
                            r"hospital|health|civil defen[cs]e|white helmets|emergency|"
                            r"rescue|paramedics|medics|doctors?|coroner|morgue|interior|defen[cs]e|"
                            r"security|general staff|spokesperson|chief|sheriff|agency)\b", re.I)),
)

# Coders' notes in event descriptions: "Fatalities coded as 10", "split between 3 events".
CODED_FATALITIES = re.compile(
    r"\b(?:fatalit\w*|deaths|casualties)(?:\s+and\s+injuries)?\s+(?:were\s+|was\s+|is\s+|are\s+)?coded\s+(?:as|to|at)\s+"
    r"(?P<n>\d+|\w+)", re.I)
SPLIT_FATALITIES = re.compile(
    r"\b(?:split|spread|divided|distributed|coded)\s+(?:up\s+|out\s+|evenly\s+|equally\s+)?(?:between|among|across|over)\s+"
    r"(?P<k>\d+|\w+)\s+(?:\w+\s+)?(?:events|locations|incidents|areas|fronts|districts|villages|places)", re.I)

# Clauses that place a killing in the background of the reported event.
BACKGROUND_RE = re.compile(
    r"\b(?:(?:in|a) (?:retaliation|revenge|response|reprisal) (?:for|to)|to avenge|anniversary of|in pursuit of|"
    r"(?:not known|unknown|unclear|not clear) (?:if|whether)|(?:attempted|failed|foiled) (?:assassination|murder|"
    r"killing) of|"
    r"those (?:who|involved in|responsible)|accused of|suspected of|convicted of|charged with|"
    r"responsible for|(?:arrested|detained|sentenced|jailed|charged|tried|convicted) (?:\w+ ){0,5}?for|"
    r"(?:over|following|since|against|protesting|condemning|denouncing|marking|mourning|(?:in )?reaction to) the "
    r"(?:\w+ ){0,2}?(?:killings?|deaths?|murders?|assassinations?) of|"
    r"(?:to|in) (?:honou?r|memory of|mourn|commemorate)|(?:road|traffic|car|motorcycle|bus) (?:accident|crash)|"
    r"(?:days|weeks|months) (?:after|before)|"
    r"a similar attack|an earlier attack|a previous attack|since \w+(?: \d{4})?, when|the deadliest \w+ since)\b",
    re.I)

# An act tried, threatened or planned, right before its victims ("tried to lynch three men"): not done.
ATTEMPT_BEFORE_RE = re.compile(
    r"\b(?:tried|trying|attempted|attempting|attempt|threatened|threatening|plotted|plotting|planned|planning|"
    r"sought|seeking|failed|wanted|vowed|intended) to (?:\w+ ){1,2}$", re.I)

# Tallies of other events, after the count ("20 soldiers have been injured in similar attacks").
BACKGROUND_AFTER_RE = re.compile(
    r"\b(?:in (?:similar|previous|earlier|past) (?:attacks|incidents|clashes|bombings|raids)|"
    r"so far this (?:year|month)|earlier (?:in|this) (?:the )?(?:month|week|year))\b", re.I)

# Sentences about a conflict's cumulative toll, not about an incident.
CUMULATIVE_RE = re.compile(
    r"\bsince (?:(?:early |late |mid-?)?(?:19|20)\d\d|the (?:start|beginning|outbreak) of (?:the )?"
    r"(?:war|conflict|insurgency|uprising|crisis|fighting))\b|"
    r"\b(?:conflict|war|insurgency|uprising|rebellion|crisis|campaign|violence)\s+(?:\w+\s+){0,5}?"
    r"(?:has|have|had) (?:killed|left|claimed|cost)\b|"
    r"\bso far this year\b|\b(?:has|have) been (?:killed|wounded|injured)\b.*\bthis year\b|"
    r"\bin (?:the )?(?:past|last|recent) (?:\w+ )?(?:decades?|years?|months?)\b|"
    r"\b(?:decade|year)s?-long\b|\bover the (?:past|last) (?:year|decade)\b", re.I)

# A party's claim of what it did to the other side ("claimed to have killed 15 soldiers").
UNVERIFIED_RE = re.compile(r"\bclaim(?:ed|s|ing)?\b(?! responsibility)(?! the lives)|\bdenied\b|\bdenies\b", re.I)

# A later toll that replaces earlier figures ("the death toll rose to 14").
UPDATE_RE = re.compile(r"\b(?:toll|number of (?:dead|deaths|wounded|injured))\b.{0,120}?\b(?:rose|risen|climbed|"
                       r"increased|jumped|grew|reached|has reached|now stands)\b|"
                       r"\b(?:raising|bringing|pushing|taking|raised|brought|pushed|took) the (?:\w+ ){0,2}?toll\b", re.I)

# "four soldiers were among the dead": a part of an unstated total.
SUBSET_RE = re.compile(r"\bamong (?:the|those) (?:\w+ )?(?:dead|killed|victims|wounded|injured)\b", re.I)


def _outcome_hint() -> re.Pattern[str]:
    """Whether a sentence may state an outcome: any word the grammar reads as one, or a hint stem.

    Built from the word lists themselves, so a word added to them is never filtered out before
    the grammar sees it."""
    words = sorted({*OUTCOME_AFTER, *OUTCOME_BEFORE, *OUTCOME_NOUNS, *OF_NOMINALS, *DEATH_COMPLEMENTS},
                   key=len, reverse=True)
    stems = "|".join(re.escape(stem) for stem in OUTCOME_HINT_STEMS)
    return re.compile(rf"{stems}|\b(?:{'|'.join(re.escape(word) for word in words)})\b", re.IGNORECASE)


# The cheap filter in front of the casualty grammar: a sentence without a match is not parsed.
OUTCOME_HINT = _outcome_hint()
