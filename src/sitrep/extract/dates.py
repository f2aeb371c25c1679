"""Temporal expressions: find them, resolve them against a base date. (Placeholder API.)"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..records import DateRange


@dataclass(frozen=True, slots=True)
class DateMention:
    """A temporal expression at ``[start, end)`` of the text given to :func:`find_dates`.

    ``absolute`` is the range when the text alone fixes it (it names a year);
    otherwise it is None and :meth:`resolve` needs a base date.
    """

    start: int
    end: int
    text: str
    absolute: DateRange | None

    def resolve(self, base: dt.date | None) -> DateRange | None:
        return self.absolute


def find_dates(text: str) -> list[DateMention]:
    return []


def infer_publication_date(
    mentions: Sequence[DateMention], *, not_before: dt.date | None = None
) -> dt.date | None:
    dates = [m.absolute.end for m in mentions if m.absolute and m.absolute.end]
    if not_before:
        dates.append(not_before)
    return max(dates) if dates else None
