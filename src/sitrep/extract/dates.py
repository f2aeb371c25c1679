"""Temporal expressions: find them in a text, resolve them against a base date.

:func:`find_dates` finds expressions with precompiled regular expressions
(:mod:`.dates_patterns`), tried only next to cheap anchors (digits, month and
weekday names, a few words), and parses each match with plain code; rules
for the relative ones are in :mod:`.dates_rules`. dateparser is only asked
about rare shapes ("twenty-one days ago"), and cached. A mention
whose text fixes the date (it names the year, or is a full numeric date) has
``absolute`` set; the others ("on Thursday", "yesterday", "5 May") carry a
rule and resolve against a base date, normally the publication date, with a
preference for the past.

Decisions:

- A weekday resolves to the nearest such day on or before the base (the base
  itself if it is that weekday); "last Thursday" to the one strictly before;
  "next Thursday" to the one strictly after.
- "5 May" without a year: the latest 5 May on or before the base.
- "yesterday"/"last night" = base - 1; "overnight" = base - 1 .. base;
  "today"/"this morning" = base; "two days ago" = base - 2;
  "last week|month|year" = the whole previous calendar period (weeks start on
  Monday); "this week|month|year" and "earlier this ..." = period start .. base;
  "in the past 24 hours|3 days|week" = base - n .. base.
- Numeric dates: with "/" month first (US, "02/28/2016") unless the first
  number exceeds 12; with "." or "-" day first ("28.02.2016") unless the
  second exceeds 12; "2016-02-28" is year-month-day. Two-digit years only
  with "/" (00-69 -> 20xx).
- "early|mid|late May 2020" narrow to days 1-10 | 11-20 | 21-end and are
  marked ``approximate``, as are dates after "around"/"about".
- Durations ("three months", "24 hours", "two days" without "ago"), ages,
  clock times, ordinals and money are not matched at all.
- ``granularity`` says how fine the date is; a year alone ("in 2011") is
  ``"year"`` so callers can ignore it when dating an event.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from ..records import DateRange
from .dates_patterns import (
    APPROXIMATE_BEFORE,
    MAX_LEAD_CHARS,
    MONTH_ABBREVIATIONS,
    MONTHS,
    NUMBER_WORDS,
    PATTERNS_BY_STARTER,
    SHAPE_KINDS,
    STARTER_PATTERN,
    WEEKDAYS,
    anchors,
    starter_key,
)
from .dates_rules import (
    DaysBack,
    Fallback,
    MonthsBack,
    PartialDate,
    Period,
    Rolling,
    Rule,
    Weekday,
    Weekend,
    calendar_span,
)

DateKind = Literal["absolute", "partial", "weekday", "relative"]
Granularity = Literal["day", "week", "month", "year"]

_TOKEN = re.compile(r"[A-Za-z]+|\d+")
_ALL_MONTHS = {**MONTHS, **MONTH_ABBREVIATIONS}
# Parts of a month: (first day, last day); None = the month's last day.
_PART_DAYS: dict[str, tuple[int, int | None]] = {
    "early": (1, 10), "beginning": (1, 10), "start": (1, 10),
    "mid": (11, 20), "middle": (11, 20), "late": (21, None), "end": (21, None),
}


# --- The mention ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression at ``[start, end)`` of the text given to :func:`find_dates`.

    ``absolute`` is the range when the text alone fixes it (it names a year,
    or is a full numeric date); otherwise it is None and :meth:`resolve`
    needs a base date. ``kind`` is "absolute", "partial" (day/month without a
    year), "weekday" or "relative"; ``granularity`` "day", "week", "month" or
    "year"; ``is_range`` is set when the text names two ends ("3-5 May") or a
    span ("last week"); ``approximate`` after "around", "about", or with
    "early/mid/late"; ``rule`` is how a mention without ``absolute`` resolves
    (:mod:`.dates_rules`).
    """

    start: int
    end: int
    text: str
    absolute: DateRange | None
    kind: DateKind = "absolute"
    granularity: Granularity = "day"
    is_range: bool = False
    approximate: bool = False
    rule: Rule | None = field(default=None, repr=False, compare=False)

    def resolve(self, base: dt.date | None) -> DateRange | None:
        """The dates this mention stands for, relative to ``base`` when needed."""
        if self.absolute is not None:
            return self.absolute
        if base is None or self.rule is None:
            return None
        found = self.rule.span(base)
        return None if found is None else DateRange(start=found[0], end=found[1], text=self.text)


def find_dates(text: str) -> list[DateMention]:
    """All temporal expressions in ``text``, sorted by start offset."""
    mentions: list[DateMention] = []
    for match in _date_matches(text):
        name = match.lastgroup
        if name is None:
            continue
        start, end = match.span(name)
        if text[end - 1] == ".":  # "Sept." at the end of a sentence: keep the stop out
            end -= 1
        mention = _parse(SHAPE_KINDS[name], text[start:end], start, end)
        if mention is not None:
            before = max(0, start - 24)
            if not mention.approximate and APPROXIMATE_BEFORE.search(text, before, start):
                mention = replace(mention, approximate=True)
            mentions.append(mention)
    return mentions


def _date_matches(text: str) -> Iterator[re.Match[str]]:
    """What ``DATE_PATTERN.finditer(text)`` yields, but tried only near anchors.

    For each anchor (a digit, a month or weekday name, "ago", "week", ...),
    the words that can start a shape in the few words before it are tried,
    left to right, with only the shapes that can start with that word.
    """
    covered = 0
    for anchor_start, anchor_end in anchors(text):
        if anchor_start < covered:
            continue
        lead = max(covered, anchor_start - MAX_LEAD_CHARS)
        for starter in STARTER_PATTERN.finditer(text, lead, anchor_end):
            position = starter.start()
            if position < covered:
                continue
            pattern = PATTERNS_BY_STARTER.get(starter_key(starter.group()))
            match = pattern.match(text, position) if pattern is not None else None
            if match is not None:
                covered = match.end()
                yield match


def infer_publication_date(
    mentions: Sequence[DateMention], *, not_before: dt.date | None = None
) -> dt.date | None:
    """The latest explicit day-precise date mentioned, and not before ``not_before``.

    Months and years alone ("May 2020", "in 2011") do not count; relative
    mentions cannot. None when nothing is known.
    """
    days = [
        m.absolute.end
        for m in mentions
        if m.absolute is not None and m.absolute.end is not None and m.granularity == "day"
    ]
    if not_before is not None:
        days.append(not_before)
    return max(days) if days else None


# --- Parsing a match ---------------------------------------------------------


def _parse(kind: str, text: str, start: int, end: int) -> DateMention | None:
    if kind == "calendar":
        return _parse_calendar(text, start, end)
    if kind == "numeric":
        return _parse_numeric(text, start, end)
    if kind == "weekday":
        return _parse_weekday(text, start, end)
    return _parse_relative(text, start, end)


def _parse_calendar(text: str, start: int, end: int) -> DateMention | None:
    """Words naming days, months and years: ranges, full dates, month-year, parts."""
    days: list[int] = []
    months: list[int] = []
    years: list[int] = []
    part: tuple[int, int | None] | None = None
    for token in _TOKEN.findall(text):
        if token.isdigit():
            (years if len(token) == 4 else days).append(int(token))
            continue
        lower = token.lower()
        if lower in _ALL_MONTHS:
            months.append(_ALL_MONTHS[lower])
        elif lower in _PART_DAYS:
            part = _PART_DAYS[lower]
    is_range = len(days) == 2 or len(months) == 2 or len(years) == 2
    common = {"start": start, "end": end, "text": text, "approximate": part is not None}
    if not months:  # a year or a range of years
        if not years or days:
            return None
        found = (dt.date(years[0], 1, 1), dt.date(years[-1], 12, 31))
        return _absolute(found, granularity="year", is_range=len(years) == 2, **common)
    start_day, end_day = (days[0], days[-1]) if days else (None, None)
    if part is not None and not days and len(months) == 1:
        start_day, end_day = part
    granularity: Granularity = "day" if days else "month"
    if not years:
        rule = PartialDate(months[0], start_day, months[-1], end_day)
        if rule.span(dt.date(2001, 1, 31)) is None:
            return None  # no such day ("31 April")
        return DateMention(
            absolute=None, kind="partial", granularity=granularity,
            is_range=is_range or part is not None, rule=rule, **common,
        )
    found = calendar_span(
        months[0], start_day, months[-1], end_day, years[0] if len(years) > 1 else None, years[-1]
    )
    if found is None:
        return None
    is_range = is_range or part is not None
    return _absolute(found, granularity=granularity, is_range=is_range, **common)


def _parse_numeric(text: str, start: int, end: int) -> DateMention | None:
    separator = next(c for c in text if c in "-/.")
    parts = text.split(separator)
    if len(parts[0]) == 4:
        year, month, day = (int(p) for p in parts)
    else:
        first, second, year = (int(p) for p in parts)
        if year < 100:
            year += 2000 if year < 70 else 1900
        month_first = first <= 12 and (separator == "/" or second > 12)
        month, day = (first, second) if month_first else (second, first)
    try:
        found = dt.date(year, month, day)
    except ValueError:
        return None
    return _absolute((found, found), granularity="day", is_range=False,
                     start=start, end=end, text=text, approximate=False)


def _parse_weekday(text: str, start: int, end: int) -> DateMention | None:
    words = [w.lower() for w in _TOKEN.findall(text)]
    weekday = next(WEEKDAYS[w] for w in words if w in WEEKDAYS)
    direction = {"last": "before", "past": "before", "next": "after"}.get(words[0], "on_or_before")
    return DateMention(
        start=start, end=end, text=text, absolute=None, kind="weekday", granularity="day",
        rule=Weekday(weekday, direction),
    )


def _parse_relative(text: str, start: int, end: int) -> DateMention | None:
    words = [w.lower() for w in _TOKEN.findall(text)]
    found = _relative_rule(words, text)
    if found is None:
        return None
    rule, granularity, is_range = found
    return DateMention(
        start=start, end=end, text=text, absolute=None, kind="relative",
        granularity=granularity, is_range=is_range, rule=rule,
        approximate=words[0] in ("early", "late"),
    )


_DAY_WORDS: dict[str, DaysBack] = {
    "yesterday": DaysBack(1, 1), "today": DaysBack(0, 0), "tonight": DaysBack(0, 0),
    "overnight": DaysBack(1, 0), "night": DaysBack(1, 1), "morning": DaysBack(0, 0),
    "afternoon": DaysBack(0, 0), "evening": DaysBack(0, 0),
}
_OFFSETS = {"last": -1, "previous": -1, "this": 0, "earlier": 0, "later": 0, "next": 1}
_UNIT_DAYS = {"day": 1, "week": 7, "fortnight": 14, "month": 30, "year": 365}


def _relative_rule(words: list[str], text: str) -> tuple[Rule, Granularity, bool] | None:
    """(rule, granularity, is_range) for a relative phrase, from its lower-case words."""
    unit = words[-1].rstrip("s") if words[-1] != "ago" else words[-2].rstrip("s")
    if words[-1] == "ago":
        return _ago_rule(words, unit, text)
    if "before" in words:  # the day before yesterday
        return DaysBack(2, 2), "day", False
    if words[-1] == "weekend":
        return Weekend(previous="last" in words), "day", True
    if words[-1] in _DAY_WORDS:
        rule = DaysBack(1, 1) if words[0] == "last" else _DAY_WORDS[words[-1]]
        return rule, "day", rule.start != rule.end
    if words[0] == "the" or "past" in words:  # "the last 3 days", "past week"
        return _rolling_rule(words, unit)
    offset = next((_OFFSETS[w] for w in words if w in _OFFSETS), None)
    if offset is not None and unit in ("week", "month", "year"):
        return Period(unit, offset), unit, True
    return None


def _rolling_rule(words: list[str], unit: str) -> tuple[Rule, Granularity, bool] | None:
    """ "the past 3 days", "the past 24 hours"; "the previous week" is a calendar week."""
    first = next(i for i, w in enumerate(words) if w in ("past", "last", "previous"))
    amount_words = words[first + 1:-1]
    if not amount_words:
        if words[-2] == "previous" and unit in ("week", "month", "year"):
            return Period(unit, -1), unit, True
        amount = 1
    else:
        amount = _amount(amount_words)
        if amount is None:
            return None
    if unit == "hour":
        return Rolling(max(1, math.ceil(amount / 24))), "day", True
    if unit not in _UNIT_DAYS:
        return None
    return Rolling(amount * _UNIT_DAYS[unit]), "day", True


def _ago_rule(words: list[str], unit: str, text: str) -> tuple[Rule, Granularity, bool]:
    amount = _amount(words[:-2])
    if amount is None:
        return Fallback(text), "day", False
    if unit == "hour":
        return DaysBack(amount // 24, amount // 24), "day", False
    if unit in ("month", "year"):
        return MonthsBack(amount * (12 if unit == "year" else 1)), "day", False
    back = amount * _UNIT_DAYS[unit]
    return DaysBack(back, back), "day", False


def _amount(words: list[str]) -> int | None:
    if len(words) != 1:
        return None
    word = words[0]
    return int(word) if word.isdigit() else NUMBER_WORDS.get(word)


def _absolute(found: tuple[dt.date, dt.date], *, granularity: Granularity, is_range: bool,
              start: int, end: int, text: str, approximate: bool) -> DateMention:
    return DateMention(
        start=start, end=end, text=text,
        absolute=DateRange(start=found[0], end=found[1], text=text),
        kind="absolute", granularity=granularity, is_range=is_range, approximate=approximate,
    )

