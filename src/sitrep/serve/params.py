"""Query parameters of the API: parsed and checked, or a 400 naming the parameter.

Every listing endpoint takes the filters of :class:`~sitrep.store.query.IncidentQuery`
(``since``, ``until``, ``country``, ``type``, ``min_killed``, ``disputed``, ``bbox``,
``q``); pages take ``limit`` and ``cursor``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..errors import InputError
from ..store.query import BBox, IncidentQuery, decode_cursor

FILTERS = ("since", "until", "country", "type", "min_killed", "disputed", "bbox", "q")
COUNTRY = re.compile(r"[A-Za-z]{2}")
MAX_TEXT = 200


class BadParameter(InputError):
    """A query parameter that cannot be used; ``parameter`` names it."""

    code = "bad_parameter"

    def __init__(self, parameter: str, problem: str) -> None:
        super().__init__(f"{parameter}: {problem}")
        self.parameter = parameter


def incident_query(params: Mapping[str, str]) -> IncidentQuery:
    """The filters in ``params``; BadParameter on the first that cannot be used."""
    return IncidentQuery(
        since=_date(params, "since"),
        until=_date(params, "until"),
        country=_country(params),
        event_type=_text(params, "type"),
        min_killed=integer(params, "min_killed", minimum=0),
        disputed=_boolean(params, "disputed"),
        bbox=_bbox(params),
        text=_text(params, "q"),
    )


def integer(params: Mapping[str, str], name: str, *, minimum: int = 0, maximum: int | None = None,
            default: int | None = None) -> int | None:
    value = params.get(name)
    if value is None or value == "":
        return default
    try:
        number = int(value)
    except ValueError:
        raise BadParameter(name, f"expected a whole number, got {value!r}") from None
    if number < minimum or (maximum is not None and number > maximum):
        limits = f"{minimum}..{maximum}" if maximum is not None else f"at least {minimum}"
        raise BadParameter(name, f"{number} is out of range ({limits})")
    return number


def cursor(params: Mapping[str, str]) -> str | None:
    value = params.get("cursor") or None
    if value is not None:
        try:
            decode_cursor(value)
        except InputError:
            raise BadParameter("cursor", "not a cursor returned by a previous page") from None
    return value


def choice(params: Mapping[str, str], name: str, options: tuple[str, ...]) -> str:
    value = params.get(name)
    if value not in options:
        raise BadParameter(name, f"expected one of {', '.join(options)}, got {value!r}")
    return value


def _date(params: Mapping[str, str], name: str) -> dt.date | None:
    value = params.get(name)
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise BadParameter(name, f"expected a date YYYY-MM-DD, got {value!r}") from None


def _country(params: Mapping[str, str]) -> str | None:
    value = params.get("country")
    if not value:
        return None
    if not COUNTRY.fullmatch(value):
        raise BadParameter("country", f"expected an ISO 3166-1 alpha-2 code such as SY, got {value!r}")
    return value.upper()


def _boolean(params: Mapping[str, str], name: str) -> bool | None:
    value = params.get(name)
    if not value:
        return None
    if value.lower() in ("true", "1", "yes"):
        return True
    if value.lower() in ("false", "0", "no"):
        return False
    raise BadParameter(name, f"expected true or false, got {value!r}")


def _bbox(params: Mapping[str, str]) -> BBox | None:
    value = params.get("bbox")
    if not value:
        return None
    try:
        return BBox.parse(value)
    except InputError as error:
        raise BadParameter("bbox", str(error.args[0])) from None


def _text(params: Mapping[str, str], name: str) -> str | None:
    value = params.get(name)
    if not value:
        return None
    if len(value) > MAX_TEXT:
        raise BadParameter(name, f"longer than {MAX_TEXT} characters")
    return value
