"""Count expressions: "2,400", "twenty-five", "10 to 15", "at least 11", "dozens".

:func:`find_counts` scans text with one compiled regex and returns
:class:`CountMention` records (character offsets into the text). It does not
decide whether a count is a casualty count: numbers that are plainly something
else (percentages, ordinals, times, money, years, dates, ages) are dropped
here; whether a remaining count is linked to an outcome is decided in
:mod:`sitrep.extract.claims`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

UNITS = {
    "zero": 0, "no": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}
TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fourty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90,
}
SCALES = {"dozen": 12, "hundred": 100, "thousand": 1000, "million": 1_000_000}  # "two dozen" = 24

# No casualty count is larger (the largest tolls ever recorded are in the millions): a bigger
# figure is a typo, an id or a joke ("99999999999999999999 killed") and is not read as a count.
MAX_COUNT = 10_000_000
# Scales sitrep does not multiply out: "9 quintillion" is not a count of 9.
_HUGE_SCALES = r"(?:billion|trillion|quadrillion|quintillion|sextillion|septillion|octillion|zillion|gazillion)"

# Vague quantities, ACLED's conservative convention for ``low``.
VAGUE = {
    "a few": 3, "few": 3, "several": 3, "a number of": 3, "a handful of": 3, "handful of": 3,
    "tens": 10, "dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1000,
}

QUALIFIERS = {
    "at least": "at_least", "no fewer than": "at_least", "no less than": "at_least",
    "not less than": "at_least", "not fewer than": "at_least", "more than": "at_least",
    "over": "at_least", "upwards of": "at_least", "in excess of": "at_least",
    "a minimum of": "at_least", "at a minimum": "at_least", "as many as": "at_most",
    "up to": "at_most", "fewer than": "at_most", "less than": "at_most", "at most": "at_most",
    "under": "at_most", "nearly": "about", "almost": "about", "about": "about",
    "around": "about", "approximately": "about", "roughly": "about", "some": "about",
    "an estimated": "about", "estimated": "about", "close to": "about", "circa": "about",
    "approx.": "about", "an approximate": "about", "a total of": "exact", "a further": "exact",
    "another": "exact", "all": "exact", "all the": "exact", "all of the": "exact",
}

_WORD_ATOM = "|".join(sorted({*UNITS, *TENS, *SCALES} - {"no"}, key=len, reverse=True))
# "and" joins only after a scale ("two hundred and five"); "one and two others" are two counts
_WORD_NUMBER = rf"(?:(?:{_WORD_ATOM})(?:(?:(?:(?<=hundred)|(?<=thousand)|(?<=million))\s+and\s+|\s*-\s*|\s+)(?:{_WORD_ATOM}))*)"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_NUMBER = rf"(?:{_DIGITS}(?:\s+(?:hundred|thousand|million))?|half\s+a\s+dozen|a\s+(?:hundred|thousand|dozen)|{_WORD_NUMBER})"
_QUALIFIER = "|".join(re.escape(q) for q in sorted(QUALIFIERS, key=len, reverse=True))
_VAGUE = "|".join(re.escape(v) for v in sorted(VAGUE, key=len, reverse=True))

COUNT_PATTERN = re.compile(
    rf"""
    (?<![\w$£€/.:^*-])
    (?<!\d\s)
    (?<![\^*]\s)
    (?:(?P<between>between)\s+)?
    (?:(?P<qual>{_QUALIFIER})\s+)?
    (?:
        (?P<both>both)(?=\s+(?:of\s+)?(?:the\s+)?[a-z]+)
        (?!(?:\s+(?!(?:were|was|are|is|have|had|has|died|killed|wounded|injured)\b)[\w'-]+){{1,5}}\s+and\b)  # "both X and Y"
      | (?P<vague>{_VAGUE})(?:\s+of)?(?=\s)
      | (?P<num>{_NUMBER})
        (?:\s*(?:-|–|—|to|and|or)\s*(?P<num2>{_NUMBER}))?
    )
    (?![\w%])
    (?!\s*(?:\^|\*\*|[x×]\s*10\b|e[+-]?\d))  # "10^6", "10**6", "3 x 10", "1e9": notation, not counts
    """,
    re.IGNORECASE | re.VERBOSE,
)

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december"
    "|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec"
)
_AFTER_NOT_A_COUNT = re.compile(
    rf"""^(?:
        \s*(?:%|percent\b|per\s*cent\b|pc\b)
      | (?:st|nd|rd|th)\b
      | -?\s*(?:year|month|week|day|hour|minute)s?[-\s]old\b
      | \s*(?:years?|yrs?)\s+old\b
      | \s*(?:{MONTHS})\b
      | \s*(?:hours?|days?|nights?|weeks?|months?|years?|minutes?|seconds?|decades?|centuries|times)\b
      | \s*(?:a\.m\.|p\.m\.|am\b|pm\b|hrs\b|gmt\b|utc\b|o'clock\b)
      | :\d
      | \s*(?:km|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|kg|kilograms?|tons?|tonnes?|mm|cm|kilos?)\b
      | \s*(?:dollars?|euros?|pounds?|usd|eur|rupees?|naira|shillings?|dinars?|riyals?|liras?)\b
      | \s*(?:million|billion)\s+(?:dollars?|euros?|pounds?)
      | \s*{_HUGE_SCALES}\b
      | -(?:\w+-)*(?:member|strong|man|year|day|storey|story|point|page|km|kilometre|kilometer|mile|hour|minute|week|month)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_BEFORE_NOT_A_COUNT = re.compile(
    rf"(?:[$£€]\s*|\b(?:{MONTHS})\.?\s+|\bno\.\s*|\bnumber\s+|\baged\s+|\bage\s+|\bflight\s+|"
    rf"\bno\s+|\broute\s+|\bhighway\s+|\bresolution\s+|\bpage\s+|\bp\.\s*|\bphase\s+|\bcovid-?|\bn\.?\s*|#)$",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class CountMention:
    """A count at ``[start, end)`` of the scanned text (qualifier words included)."""

    start: int
    end: int
    text: str
    low: int | None
    high: int | None
    qualifier: str  # exact, at_least, at_most, about, range, vague
    value_start: int  # where the number itself starts (after any qualifier)


def parse_number(text: str) -> int | None:
    """Parse digits ("2,400", "1.5 million") or English number words ("two hundred and five").

    None when it is not a number, or a number above :data:`MAX_COUNT` (not a plausible count).
    """
    value = _parse_number(text)
    return value if value is None or value <= MAX_COUNT else None


def _parse_number(text: str) -> int | None:
    cleaned = text.strip().lower().replace("–", "-")
    if not cleaned:
        return None
    match = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s+(hundred|thousand|million))?", cleaned)
    if match and len(match.group(1)) > 20:
        return None  # far above MAX_COUNT (and int() refuses thousands of digits)
    if match:
        whole = int(match.group(1).replace(",", ""))
        if match.group(3):
            value = float(f"{whole}.{match.group(2) or 0}") * SCALES[match.group(3)]
            return int(round(value))
        return whole if match.group(2) is None else None
    if cleaned in ("a hundred", "a thousand"):
        return SCALES[cleaned.split()[1]]
    if cleaned in ("a dozen", "dozen"):
        return 12
    if re.fullmatch(r"half\s+a\s+dozen", cleaned):
        return 6
    return _parse_words(cleaned)


def _parse_words(cleaned: str) -> int | None:
    words = [w for w in re.split(r"[\s-]+", cleaned) if w and w != "and"]
    if not words:
        return None
    total, current = 0, 0
    for word in words:
        if word in UNITS:
            current += UNITS[word]
        elif word in TENS:
            current += TENS[word]
        elif word in ("hundred", "dozen"):
            current = max(current, 1) * SCALES[word]
        elif word in ("thousand", "million"):
            total += max(current, 1) * SCALES[word]
            current = 0
        else:
            return None
    return total + current


YEAR_PRECEDERS = frozenset("the in since of from until by during before after since its their his her".split())


def _looks_like_year(num_text: str, text: str, end: int) -> bool:
    if not re.fullmatch(r"(?:1[89]|20)\d\d", num_text):
        return False
    # "2000 troops" or "2,000 people" are counts; a bare 1990-2030 before ",", ")" or a
    # sentence end, or after "in"/"since", is a year.
    following = text[end:end + 30]
    if re.match(r"\s+(?:[a-z]+\s+)?(?:people|civilians|persons|soldiers|troops|fighters|"
                r"dead|killed|wounded|injured|deaths|bodies|casualties|fatalities|"
                r"children|women|men|others|militants|refugees)\b", following, re.I):
        return False
    # "killed 1800 villagers": a count; "since the 2011 protests", "in 1998": a year
    preceding = re.search(r"(\w+)\W*$", text[max(0, end - len(num_text) - 16):end - len(num_text)])
    if preceding and preceding.group(1).lower() in YEAR_PRECEDERS:
        return True
    return not re.match(r"\s+(?:[a-z]+-)?[a-z]+s\b(?!\s+(?:ago|later|earlier))", following)


def find_counts(text: str, *, start: int = 0, end: int | None = None) -> list[CountMention]:
    """All count expressions in ``text[start:end]`` (offsets into ``text``)."""
    mentions: list[CountMention] = []
    stop = len(text) if end is None else end
    position = start
    while (match := COUNT_PATTERN.search(text, position, stop)) is not None:
        mention = _mention_from_match(match, text)
        position = match.end()
        if mention is not None:
            mentions.append(mention)
            if mention.end < match.end():
                position = mention.end  # "killed 1 and 6 others": the second count is read on its own
    return mentions


_RISE_BEFORE = re.compile(r"\b(?:toll|rose|risen|rising|climbed|jumped|increased|went|brought|bringing|raised|"
                          r"raising)\s+(?:\w+\s+){0,3}?$", re.IGNORECASE)


def _mention_from_match(match: re.Match[str], text: str) -> CountMention | None:
    if match.group("both"):
        return CountMention(match.start(), match.end(), match.group(0), 2, 2, "exact", match.start("both"))
    qualifier_word = (match.group("qual") or "").lower()
    qualifier = QUALIFIERS.get(qualifier_word, "exact")
    if qualifier_word.startswith("up") and _RISE_BEFORE.search(text, max(0, match.start() - 40), match.start()):
        qualifier = "exact"  # "bringing the death toll up to 73": the toll reached 73
    value_start = match.start("vague") if match.group("vague") else match.start("num")
    if _BEFORE_NOT_A_COUNT.search(text, max(0, match.start() - 12), match.start()):
        return None
    if _AFTER_NOT_A_COUNT.match(text[match.end():match.end() + 24]):
        return None
    if match.group("vague"):
        low = VAGUE[re.sub(r"\s+", " ", match.group("vague").lower())]
        return CountMention(match.start(), match.end(), match.group(0), low, None, "vague", value_start)
    num_text, num2_text = match.group("num"), match.group("num2")
    low = parse_number(num_text)
    if low is None or _looks_like_year(num_text, text, match.end("num")):
        return None
    high: int | None = low
    if num2_text:
        second = parse_number(num2_text)
        separator = text[match.end("num"):match.start("num2")].strip().lower()
        if second is None:
            return None
        if separator == "and" and not match.group("between") or separator == "or" and second <= low:
            # "one civilian and six" are two counts, not a range: keep the first alone.
            end = match.end("num")
            return CountMention(match.start(), end, text[match.start():end], *_bounds(low, qualifier), value_start)
        if second <= low and separator in ("-", "–", "—"):
            return None  # "24-7", scores, or an id: not a range of people
        return CountMention(match.start(), match.end(), match.group(0), min(low, second),
                            max(low, second), "range", value_start)
    low, high, qualifier = _bounds(low, qualifier)
    return CountMention(match.start(), match.end(), match.group(0), low, high, qualifier, value_start)


def _bounds(value: int, qualifier: str) -> tuple[int | None, int | None, str]:
    if qualifier == "at_least":
        return value, None, qualifier  # type: ignore[return-value]
    if qualifier == "at_most":
        return None, value, qualifier  # type: ignore[return-value]
    return value, value, qualifier  # type: ignore[return-value]
