"""Rules: how a date mention without a year resolves against a base date.

Each rule is a small frozen dataclass with ``span(base) -> (start, end)``
(or None when it cannot say). :mod:`sitrep.extract.dates` attaches one to
every mention whose text alone does not fix the date.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
from dataclasses import dataclass
from typing import Literal

_ONE_DAY = dt.timedelta(days=1)


@dataclass(frozen=True, slots=True)
class DaysBack:
    """base - start .. base - end ("yesterday" = (1, 1), "overnight" = (1, 0))."""

    start: int
    end: int

    def span(self, base: dt.date) -> tuple[dt.date, dt.date]:
        return base - dt.timedelta(days=self.start), base - dt.timedelta(days=self.end)


@dataclass(frozen=True, slots=True)
class MonthsBack:
    """The same day ``months`` months before the base ("two months ago")."""

    months: int

    def span(self, base: dt.date) -> tuple[dt.date, dt.date]:
        day = shift_months(base, -self.months)
        return day, day


@dataclass(frozen=True, slots=True)
class Weekday:
    """A weekday (0 = Monday) relative to the base: on or before, strictly before or after."""

    weekday: int
    direction: Literal["on_or_before", "before", "after"] = "on_or_before"

    def span(self, base: dt.date) -> tuple[dt.date, dt.date]:
        back = (base.weekday() - self.weekday) % 7
        if self.direction == "before" and back == 0:
            back = 7
        if self.direction == "after":
            ahead = (self.weekday - base.weekday()) % 7 or 7
            day = base + dt.timedelta(days=ahead)
        else:
            day = base - dt.timedelta(days=back)
        return day, day


@dataclass(frozen=True, slots=True)
class Period:
    """A calendar week/month/year: offset 0 = its start .. base, -1 = the previous, 1 = the next."""

    unit: Literal["week", "month", "year"]
    offset: int

    def span(self, base: dt.date) -> tuple[dt.date, dt.date]:
        if self.unit == "week":
            monday = base - dt.timedelta(days=base.weekday()) + dt.timedelta(weeks=self.offset)
            first, last = monday, monday + dt.timedelta(days=6)
        elif self.unit == "month":
            first = shift_months(base.replace(day=1), self.offset)
            last = first.replace(day=calendar.monthrange(first.year, first.month)[1])
        else:
            first = dt.date(base.year + self.offset, 1, 1)
            last = dt.date(first.year, 12, 31)
        return first, (base if self.offset == 0 else last)


@dataclass(frozen=True, slots=True)
class Rolling:
    """The last ``days`` days up to the base ("in the past 24 hours" = 1)."""

    days: int

    def span(self, base: dt.date) -> tuple[dt.date, dt.date]:
        return base - dt.timedelta(days=self.days), base


@dataclass(frozen=True, slots=True)
class Weekend:
    """The Saturday and Sunday on or before the base, not after it.

    "last weekend" said on a Saturday or Sunday is the weekend before.
    """

    previous: bool = False

    def span(self, base: dt.date) -> tuple[dt.date, dt.date]:
        saturday, _ = Weekday(5).span(base)
        if self.previous and base.weekday() >= 5:
            saturday -= dt.timedelta(weeks=1)
        return saturday, min(saturday + _ONE_DAY, base)


@dataclass(frozen=True, slots=True)
class PartialDate:
    """Month/day without a year: the latest occurrence starting on or before the base.

    ``start_day``/``end_day`` None means the whole month.
    """

    start_month: int
    start_day: int | None
    end_month: int
    end_day: int | None

    def span(self, base: dt.date) -> tuple[dt.date, dt.date] | None:
        for year in range(base.year + 1, base.year - 8, -1):  # 29 February needs a leap year
            found = calendar_span(
                self.start_month, self.start_day, self.end_month, self.end_day, None, year
            )
            if found is not None and found[0] <= base:
                return found
        return None


@dataclass(frozen=True, slots=True)
class Fallback:
    """A rare shape resolved by dateparser ("twenty-one days ago", "a fortnight ago")."""

    text: str

    def span(self, base: dt.date) -> tuple[dt.date, dt.date] | None:
        day = _dateparser_date(self.text, base)
        return None if day is None else (day, day)


Rule = DaysBack | MonthsBack | Weekday | Period | Rolling | Weekend | PartialDate | Fallback


@functools.lru_cache(maxsize=4096)
def _dateparser_date(text: str, base: dt.date) -> dt.date | None:
    import dateparser  # slow import, only needed for rare shapes

    settings = {
        "RELATIVE_BASE": dt.datetime(base.year, base.month, base.day),
        "PREFER_DATES_FROM": "past",
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    return None if parsed is None else parsed.date()


def calendar_span(
    start_month: int, start_day: int | None, end_month: int, end_day: int | None,
    start_year: int | None, end_year: int,
) -> tuple[dt.date, dt.date] | None:
    """The range, or None if a day does not exist or the ends are reversed.

    The start year defaults to the end's (the one before across New Year).
    """
    if start_year is None:
        crosses = (start_month, start_day or 1) > (end_month, end_day or 31)
        start_year = end_year - 1 if crosses else end_year
    try:
        first = dt.date(start_year, start_month, start_day or 1)
        last_day = end_day or calendar.monthrange(end_year, end_month)[1]
        last = dt.date(end_year, end_month, last_day)
    except ValueError:
        return None
    return (first, last) if first <= last else None


def shift_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return dt.date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))
