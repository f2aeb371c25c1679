"""The regular expressions behind :func:`sitrep.extract.dates.find_dates`.

Each shape is a named alternative (``<kind>__<n>``); the named group is the
span reported, so a required context word ("in" before a bare month or year)
can sit outside it. Alternatives are tried in order, so longer shapes
(ranges, full dates) come before their parts. ``DATE_PATTERN`` joins them
all; scanning a text with it is the reference behaviour.

For speed, find_dates does not try DATE_PATTERN at every position: it finds
anchors (digits, month and weekday names, a few words such as "ago"), and
just before each one tries, at the words that can start a shape, only the
shapes that can start with that word (``PATTERNS_BY_STARTER``, built from
the starters listed next to each shape). Tests check both give the same.

Month and weekday names must be capitalised (``May`` or ``MAY``), which keeps
the modal verb "may" and the like out. Keywords accept a capital first letter
for sentence starts.
"""

from __future__ import annotations

import re

MONTHS: dict[str, int] = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6,
    "july": 7, "august": 8, "september": 9, "october": 10, "november": 11,
    "december": 12,
}
MONTH_ABBREVIATIONS: dict[str, int] = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4,
    "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS = ("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun")

NUMBER_WORDS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60,
}

# Newspapers and the like named after a weekday ("the Sunday Times").
_WEEKDAY_NAME_NOUNS = (
    "Times", "Telegraph", "Mirror", "Express", "Post", "Herald", "Tribune", "Mail",
    "Independent", "Star", "Observer", "Sport", "World", "Service", "School",
)


def _names(words, *, abbreviation: bool = False) -> str:
    """``May|MAY|...``: Title and upper case forms, longest first."""
    forms = sorted({f for w in words for f in (w.title(), w.upper())}, key=len, reverse=True)
    body = "|".join(forms)
    return rf"(?:{body})\b\.?" if abbreviation else rf"(?:{body})\b"


def _kw(*words: str) -> str:
    """Keywords, lower case or with a capital first letter."""
    forms = sorted(words, key=len, reverse=True)
    return "(?:" + "|".join(f"[{w[0].upper()}{w[0]}]{w[1:]}" for w in forms) + r")\b"


MONTH = rf"(?:{_names(MONTHS)}|{_names(MONTH_ABBREVIATIONS, abbreviation=True)})"
_FULL_MONTH = _names(MONTHS)
# A lone month must not be followed by its day or year ("May 5", "May, 2020"),
# but may be followed by a count ("In May, 5,000 fled").
_NO_YEAR_AFTER = r"(?!,?\s*(?:of\s+)?\d+(?:st|nd|rd|th)?\b(?![,.]\d))"
WEEKDAY = _names(WEEKDAYS)
_WEEKDAY_ANY = rf"(?:{WEEKDAY}|{_names(WEEKDAY_ABBREVIATIONS, abbreviation=True)})"
# A day of the month, not part of a bigger number ("5,000", "3.5", "10:30").
DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?\b(?![,.:/]\d)"
_DAY_START = r"(?<![\w$£€.,/-])"
YEAR = r"(?:1[89]\d\d|20\d\d)\b(?![%.,/-]?\d)"
_THE = r"(?:[Tt]he\s+)?"
_DAY_OF_MONTH = rf"{_THE}{DAY}(?:\s+of)?\s+{MONTH}"  # "9 May", "the 9th of May"
_MONTH_DAY = rf"{MONTH}\s+{_THE}{DAY}"  # "May 9", "May the 9th"
_YEAR_TAIL = rf"(?:,?\s+{YEAR})"
_WEEKDAY_PREFIX = rf"(?:{_WEEKDAY_ANY},?\s+)?"
_TO = r"(?:\s*[-–—]\s*|\s+(?:to|until|till|through|thru)\s+)"
_FROM = r"(?:[Ff]rom\s+)?"
_BETWEEN = r"[Bb]etween\s+"
_AND = r"\s+and\s+"
_TENS = "(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_NUMBER = (
    rf"(?:\d{{1,3}}|[Aa]\s+couple\s+of|[Aa]\s+few|[Ss]everal|[Ff]ew|{_TENS}-[a-z]+|"
    + _kw(*NUMBER_WORDS)
    + ")"
)
_PREPOSITION_WORDS = [
    "in", "since", "during", "until", "till", "before", "after", "throughout", "from",
]
_PREPOSITION = _kw(*_PREPOSITION_WORDS)
_PART_OF_PERIOD = r"(?:[Ee]arly|[Mm]id|[Ll]ate)[-\s]+"
_PART_OF_MONTH = (
    rf"(?:{_PART_OF_PERIOD}|(?:[Tt]he\s+)?(?:beginning|start|middle|end)\s+of\s+)"
)
_PART_STARTERS = "early mid late beginning start middle end"
_UNITS = r"(?:hours?|days?|weeks?|months?|years?)"
# Numeric dates stand alone: not inside a longer number, version, path or ratio.
_NUMERIC_START = r"(?<![\w./-])"
_NUMERIC_END = r"(?!(?!T\d)[\w/]|[.-]\d)"  # "2020-05-09T10:00" is fine

# (kind, starters, pattern) in priority order. Kinds are parsed in dates.py:
# "calendar" (day/month/year words), "numeric", "weekday", "relative".
# Starters are the words a match can begin with: "#" a digit, "month", "weekday",
# "PREP" the prepositions above, "NUMBER" number words, or the word itself.
_SHAPES: tuple[tuple[str, str, str], ...] = (
    # Ranges: "3 May - 5 June 2020", "between 30 April and 2 May".
    ("calendar", "# the from",
     rf"{_FROM}{_DAY_START}{_DAY_OF_MONTH}{_YEAR_TAIL}?{_TO}{_DAY_OF_MONTH}{_YEAR_TAIL}?"),
    ("calendar", "between",
     rf"{_BETWEEN}{_DAY_START}{_DAY_OF_MONTH}{_YEAR_TAIL}?{_AND}{_DAY_OF_MONTH}{_YEAR_TAIL}?"),
    ("calendar", "month from",
     rf"{_FROM}{_MONTH_DAY}{_YEAR_TAIL}?{_TO}{_MONTH_DAY}{_YEAR_TAIL}?"),
    ("calendar", "between",
     rf"{_BETWEEN}{_MONTH_DAY}{_YEAR_TAIL}?{_AND}{_MONTH_DAY}{_YEAR_TAIL}?"),
    # "3-5 May 2020", "between 3 and 5 May", "May 3-5, 2020".
    ("calendar", "# the from", rf"{_FROM}{_THE}{_DAY_START}{DAY}{_TO}{_DAY_OF_MONTH}{_YEAR_TAIL}?"),
    ("calendar", "between", rf"{_BETWEEN}{_THE}{DAY}{_AND}{_DAY_OF_MONTH}{_YEAR_TAIL}?"),
    ("calendar", "month from", rf"{_FROM}{_MONTH_DAY}{_TO}{DAY}{_YEAR_TAIL}?"),
    ("calendar", "between", rf"{_BETWEEN}{_MONTH_DAY}{_AND}{DAY}{_YEAR_TAIL}?"),
    # "September to December 2020", "between 2011 and 2013", "2011-2013".
    ("calendar", "month from", rf"{_FROM}{MONTH}{_YEAR_TAIL}?{_TO}{MONTH}{_YEAR_TAIL}"),
    ("calendar", "between", rf"{_BETWEEN}{MONTH}{_YEAR_TAIL}?{_AND}{MONTH}{_YEAR_TAIL}"),
    ("calendar", "# between from",
     rf"(?:{_BETWEEN}{YEAR}{_AND}|[Ff]rom\s+{YEAR}{_TO}|\b{YEAR}\s*[-–]\s*){YEAR}"),
    # Full dates: "Saturday, 9 May 2020", "May 9, 2020", "2016-02-28", "28.02.2016".
    ("calendar", "# the weekday", rf"{_WEEKDAY_PREFIX}{_DAY_START}{_DAY_OF_MONTH},?\s+{YEAR}"),
    ("calendar", "month weekday", rf"{_WEEKDAY_PREFIX}{_MONTH_DAY},?\s+{YEAR}"),
    ("numeric", "#",
     rf"{_NUMERIC_START}(?:1[89]\d\d|20\d\d)(?:-\d\d?-|/\d\d?/)\d\d?{_NUMERIC_END}"),
    ("numeric", "#",
     rf"{_NUMERIC_START}\d\d?(?:/\d\d?/(?:\d{{4}}|\d\d)|\.\d\d?\.\d{{4}}|-\d\d?-\d{{4}})"
     rf"{_NUMERIC_END}"),
    # Month and year: "May 2020", "late April 2020", "the end of March 2019".
    ("calendar", f"month the {_PART_STARTERS}", rf"{_PART_OF_MONTH}?{MONTH},?\s+(?:of\s+)?{YEAR}"),
    # Day and month without a year: "on 5 May", "Thursday, May 7".
    ("calendar", "# the weekday", rf"{_WEEKDAY_PREFIX}{_DAY_START}{_DAY_OF_MONTH}"),
    ("calendar", "month weekday", rf"{_WEEKDAY_PREFIX}{_MONTH_DAY}(?!\s*\d)"),
    # A month alone needs a modifier or a preposition: "in May", "late last March".
    ("calendar", f"the {_PART_STARTERS}",
     rf"{_PART_OF_MONTH}(?:last\s+|this\s+)?{_FULL_MONTH}{_NO_YEAR_AFTER}"),
    ("calendar", "last this", rf"(?:[Ll]ast|[Tt]his)\s+{_FULL_MONTH}{_NO_YEAR_AFTER}"),
    ("calendar", "PREP", rf"\b{_PREPOSITION}\s+(?P<{{name}}>{_FULL_MONTH}){_NO_YEAR_AFTER}"),
    # A year alone: "in 2011", "in early 2020".
    ("calendar", "PREP",
     rf"\b{_PREPOSITION}\s+(?P<{{name}}>(?:{_PART_OF_PERIOD})?{YEAR})(?!\s*[-–]\s*\d)"),
    ("calendar", "early mid late", rf"{_PART_OF_PERIOD}{YEAR}"),
    # Relative phrases (before weekdays: "last night" vs "last Thursday").
    ("relative", "the day", r"(?:[Tt]he\s+)?day\s+before\s+yesterday"),
    ("relative", "early late yesterday today tonight overnight",
     r"(?:(?:[Ee]arly|[Ll]ate)\s+)?(?:yesterday|today|tonight|overnight|Overnight)\b"),
    # A capitalised "Today" inside a sentence is a name ("Syria Today").
    ("relative", "yesterday today tonight", r"(?<![\w,;] )(?:Yesterday|Today|Tonight)\b"),
    ("relative", "last this", r"(?:[Ll]ast|[Tt]his)\s+(?:night|morning|afternoon|evening)\b"),
    ("relative", "earlier later",
     rf"{_kw('earlier', 'later')}\s+(?:today|this\s+(?:week|month|year))\b"),
    ("relative", "early late last this next",
     rf"(?:(?:[Ee]arly|[Ll]ate)\s+)?{_kw('last', 'this', 'next')}\s+(?:weekend|week|month|year)\b"),
    ("relative", "on over at during",
     r"\b(?:[Oo]n|[Oo]ver|[Aa]t|[Dd]uring)\s+(?P<{name}>the\s+weekend)\b"),
    ("relative", "in over during within the",
     r"(?:\b(?:[Ii]n|[Oo]ver|[Dd]uring|[Ww]ithin)\s+)?"
     rf"(?P<{{name}}>[Tt]he\s+(?:past|last|previous)\s+(?:{_NUMBER}\s+)?{_UNITS})\b"),
    ("relative", "last previous past",
     rf"{_kw('last', 'previous', 'past')}\s+(?:week|month|year)\b"),
    ("relative", "# NUMBER", rf"\b{_NUMBER}\s+(?:{_UNITS}|fortnights?)\s+ago\b"),
    # Weekdays: "on Thursday", "Thursday night", "last Friday", "the early hours of Sunday".
    ("weekday", "weekday last this next past early late the night morning afternoon evening",
     r"(?:(?:[Ll]ast|[Tt]his|[Nn]ext|[Pp]ast)\s+)?(?:(?:[Ee]arly|[Ll]ate)\s+(?:on\s+)?)?"
     r"(?:(?:[Tt]he\s+)?(?:early\s+hours|night|morning|afternoon|evening)\s+of\s+)?"
     rf"{WEEKDAY}(?!\s+(?:{'|'.join(_WEEKDAY_NAME_NOUNS)})\b)"
     r"(?:\s+(?:night|morning|afternoon|evening|overnight)\b)?"),
)


def _starter_keys(starters: str) -> list[str]:
    keys: list[str] = []
    for key in starters.split():
        if key == "PREP":
            keys += _PREPOSITION_WORDS
        elif key == "NUMBER":
            keys += [*NUMBER_WORDS, "several", "few", "seventy", "eighty", "ninety"]
        else:
            keys.append(key)
    return keys


def _build() -> tuple[re.Pattern[str], dict[str, re.Pattern[str]], dict[str, str]]:
    """The whole pattern, one pattern per starter key, and the kind of each group name."""
    kinds: dict[str, str] = {}
    everything: list[str] = []
    by_key: dict[str, list[str]] = {}
    for number, (kind, starters, pattern) in enumerate(_SHAPES):
        name = f"{kind}__{number}"
        kinds[name] = kind
        if "{name}" in pattern:  # the reported span is an inner group
            part = pattern.replace("{name}", name)
        else:
            part = f"(?<!\\w)(?P<{name}>{pattern})"
        everything.append(part)
        for key in _starter_keys(starters):
            by_key.setdefault(key, []).append(part)
    compiled = {key: re.compile("|".join(parts)) for key, parts in by_key.items()}
    return re.compile("|".join(everything)), compiled, kinds


DATE_PATTERN, PATTERNS_BY_STARTER, SHAPE_KINDS = _build()
_MONTH_PREFIXES = frozenset(w[:3] for w in MONTHS)
_WEEKDAY_PREFIXES = frozenset(w[:3] for w in WEEKDAYS)


def starter_key(word: str) -> str:
    """The key of PATTERNS_BY_STARTER for a word STARTER_PATTERN found."""
    if word[0].isdigit():
        return "#"
    lower = word.lower()
    if lower in _MONTH_PREFIXES:
        return "month"
    if lower in _WEEKDAY_PREFIXES:
        return "weekday"
    return lower


# Every shape contains a digit, a month or weekday name, or one of these words.
# Finding them is far faster than trying DATE_PATTERN at every position, so
# find_dates only tries the patterns of the starter words just before them.
_NAME_ANCHOR = re.compile(
    r"[\dJFMASONDTW](?:(?<=\d)\d*|(?<=J)(?:an|un|ul|AN|UN|UL)|(?<=F)(?:eb|ri|EB|RI)"
    r"|(?<=M)(?:ar|ay|on|AR|AY|ON)|(?<=A)(?:pr|ug|PR|UG)|(?<=S)(?:ep|at|un|EP|AT|UN)"
    r"|(?<=O)(?:ct|CT)|(?<=N)(?:ov|OV)|(?<=D)(?:ec|EC)|(?<=T)(?:ue|hu|UE|HU)|(?<=W)(?:ed|ED))"
)
KEYWORD_ANCHORS = (
    "day", "night", "ago", "week", "month", "year", "hour", "morning", "afternoon", "evening",
)


def anchors(text: str) -> list[tuple[int, int]]:
    """(start, end) of every anchor in the text, sorted."""
    found = [m.span() for m in _NAME_ANCHOR.finditer(text)]
    for word in KEYWORD_ANCHORS:
        at = text.find(word)
        while at >= 0:
            found.append((at, at + len(word)))
            at = text.find(word, at + 1)
    found.sort()
    return found


_STARTER_WORDS = {k for _, keys, _ in _SHAPES for k in _starter_keys(keys)}
_STARTER_WORDS -= {"#", "month", "weekday"}
# How far before its first anchor a shape may start ("the early hours of Sunday").
MAX_LEAD_CHARS = 48
STARTER_PATTERN = re.compile(
    r"(?<!\w)(?:\d|"
    + "|".join(w[:3].title() for w in (*MONTHS, *WEEKDAYS))
    + "|"
    + "|".join(w[:3].upper() for w in (*MONTHS, *WEEKDAYS))
    + "|"
    + _kw(*sorted(_STARTER_WORDS))
    + ")"
)
APPROXIMATE_BEFORE = re.compile(
    r"(?:\b(?:[Aa]round|[Aa]bout|[Cc]irca|[Aa]pproximately|[Rr]oughly|[Ss]ometime|c\.)"
    r"\s+(?:on\s+)?)$"
)
