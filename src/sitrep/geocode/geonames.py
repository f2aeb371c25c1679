"""Import GeoNames dumps and user CSV files into the gazetteer.

Recognised files (by name):

* ``admin1CodesASCII.txt``: ``CC.code, name, asciiname, geonameid``;
* ``alternateNamesV2.txt`` / ``alternateNames.txt``: ``id, geonameid, lang, name, ...``;
* any other ``.txt`` (``allCountries.txt``, ``SY.txt``, ``cities500.txt``): the
  19-column GeoNames "geoname" table; populated places (class P) and admin
  regions (ADM1, ADM2) are imported;
* ``.csv`` (or ``csv=True``): local names with a header
  ``name,lat,lon,country,admin1,aliases`` (aliases separated by ``;`` or ``|``).

A malformed line raises :class:`~sitrep.errors.GazetteerError` naming the file
and the line; nothing from that file is kept.
"""

from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from ..errors import GazetteerError
from .gazetteer import (
    KIND_ADMIN1, KIND_LOCAL, KIND_PLACE, add_admin1, default_path, insert_names, insert_place,
    name_keys, open_for_writing, reset_shared,
)
from .normalize import is_useful_alternate

GEONAME_COLUMNS = 19
ADMIN_FEATURES = {"ADM1": KIND_ADMIN1, "ADM2": KIND_PLACE}
SKIPPED_LANGUAGES = frozenset({"link", "post", "iata", "icao", "faac", "wkdt", "unlc", "tcid", "abbr"})
CSV_FIELDS = ("name", "lat", "lon", "country", "admin1", "aliases")


@dataclass(frozen=True, slots=True)
class ImportReport:
    path: str
    kind: str
    rows: int


def import_files(paths: Sequence[str | Path], *, gazetteer_path: Path | None = None,
                 as_csv: bool = False) -> list[ImportReport]:
    """Import each file into the gazetteer (built first if needed); one report per file."""
    target = Path(gazetteer_path) if gazetteer_path is not None else default_path()
    reports = []
    connection = open_for_writing(target)
    try:
        for path in map(Path, paths):
            kind = file_kind(path, as_csv=as_csv)
            with connection:  # one transaction per file: a bad line keeps nothing of it
                rows = _IMPORTERS[kind](connection, path)
                connection.execute("INSERT INTO sources(path, kind, rows) VALUES (?,?,?)",
                                   (str(path), kind, rows))
            reports.append(ImportReport(str(path), kind, rows))
    finally:
        connection.close()
        reset_shared()
    return reports


def file_kind(path: Path, *, as_csv: bool = False) -> str:
    name = path.name.lower()
    if as_csv or name.endswith(".csv"):
        return "csv"
    if "admin1" in name:
        return "admin1"
    if "alternatename" in name:
        return "alternate_names"
    return "geonames"


def _lines(path: Path) -> Iterator[tuple[int, list[str]]]:
    try:
        with open(path, encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                line = line.rstrip("\n\r")
                if line and not line.startswith("#"):
                    yield number, line.split("\t")
    except OSError as exc:
        raise GazetteerError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None
    except UnicodeDecodeError as exc:
        raise GazetteerError(f"not UTF-8 text ({exc.reason})", source=str(path)) from None


def _fail(path: Path, number: int, problem: str) -> GazetteerError:
    return GazetteerError(f"line {number}: {problem}", source=str(path))


def _float(path: Path, number: int, value: str, what: str, limit: float) -> float:
    try:
        result = float(value)
    except ValueError:
        raise _fail(path, number, f"{what} is not a number: {value!r}") from None
    if not -limit <= result <= limit:
        raise _fail(path, number, f"{what} out of range: {value!r}")
    return result


def _int(path: Path, number: int, value: str, what: str) -> int:
    try:
        return int(value) if value else 0
    except ValueError:
        raise _fail(path, number, f"{what} is not an integer: {value!r}") from None


def _import_geonames(connection: sqlite3.Connection, path: Path) -> int:
    count = 0
    for number, columns in _lines(path):
        if len(columns) != GEONAME_COLUMNS:
            raise _fail(path, number, f"expected {GEONAME_COLUMNS} tab-separated columns, found {len(columns)}")
        feature_class, feature = columns[6], columns[7]
        if feature_class != "P" and feature not in ADMIN_FEATURES:
            continue
        geonameid = _int(path, number, columns[0], "geonameid")
        place_id = insert_place(
            connection, name=columns[1], kind=ADMIN_FEATURES.get(feature, KIND_PLACE),
            country=columns[8], admin1=columns[10] or None,
            lat=_float(path, number, columns[4], "latitude", 90), lon=_float(path, number, columns[5], "longitude", 180),
            population=_int(path, number, columns[14], "population"), feature=feature, geonameid=geonameid,
        )
        alternates = [a for a in columns[3].split(",") if a and is_useful_alternate(a)]
        insert_names(connection, place_id, name_keys([columns[1], columns[2], *alternates]))
        if feature == "ADM1" and columns[10]:
            _link_admin1(connection, columns[8], columns[10], columns[1], place_id)
        count += 1
    return count


def _link_admin1(connection, country: str, code: str, name: str, place_id: int) -> None:
    connection.execute(
        "INSERT INTO admin1 VALUES (?,?,?,?) ON CONFLICT(country, code) DO UPDATE SET place = excluded.place",
        (country, code, name, place_id),
    )


def _import_admin1(connection: sqlite3.Connection, path: Path) -> int:
    count = 0
    for number, columns in _lines(path):
        if len(columns) < 4 or "." not in columns[0]:
            raise _fail(path, number, "expected 'CC.code<TAB>name<TAB>asciiname<TAB>geonameid'")
        country, code = columns[0].split(".", 1)
        geonameid = _int(path, number, columns[3], "geonameid") or None
        add_admin1(connection, country=country, code=code, name=columns[1], geonameid=geonameid,
                   alternates=[columns[2]])
        count += 1
    return count


def _import_alternate_names(connection: sqlite3.Connection, path: Path) -> int:
    count = 0
    for number, columns in _lines(path):
        if len(columns) < 4:
            raise _fail(path, number, f"expected at least 4 tab-separated columns, found {len(columns)}")
        if columns[2] in SKIPPED_LANGUAGES or not is_useful_alternate(columns[3]):
            continue
        geonameid = _int(path, number, columns[1], "geonameid")
        row = connection.execute("SELECT id FROM places WHERE geonameid = ?", (geonameid,)).fetchone()
        if row is not None:
            insert_names(connection, row[0], name_keys([columns[3]]))
            count += 1
    return count


def _import_csv(connection: sqlite3.Connection, path: Path) -> int:
    try:
        stream = open(path, encoding="utf-8", newline="")
    except OSError as exc:
        raise GazetteerError(f"cannot read file: {exc.strerror or exc}", source=str(path)) from None
    with stream:
        reader = csv.DictReader(stream)
        missing = [f for f in CSV_FIELDS[:4] if f not in (reader.fieldnames or ())]
        if missing:
            raise _fail(path, 1, f"header lacks column(s): {', '.join(missing)} (expected {','.join(CSV_FIELDS)})")
        count = 0
        for row in reader:
            _import_csv_row(connection, path, reader.line_num, row)
            count += 1
    return count


def _import_csv_row(connection, path: Path, number: int, row: dict) -> None:
    name, country = (row.get("name") or "").strip(), (row.get("country") or "").strip().upper()
    if not name:
        raise _fail(path, number, "empty name")
    if len(country) != 2 or not country.isalpha():
        raise _fail(path, number, f"country must be an ISO alpha-2 code: {country!r}")
    lat = _float(path, number, (row.get("lat") or "").strip(), "lat", 90)
    lon = _float(path, number, (row.get("lon") or "").strip(), "lon", 180)
    admin1 = (row.get("admin1") or "").strip() or None
    aliases = [a.strip() for a in (row.get("aliases") or "").replace("|", ";").split(";") if a.strip()]
    existing = connection.execute(  # loading the same CSV again updates its places, never duplicates them
        "SELECT id FROM places WHERE kind = ? AND name = ? AND country = ? AND lat = ? AND lon = ?",
        (KIND_LOCAL, name, country, lat, lon)).fetchone()
    if existing is not None:
        place_id = int(existing[0])
        connection.execute("UPDATE places SET admin1_name = ? WHERE id = ?", (admin1, place_id))
    else:
        place_id = insert_place(connection, name=name, kind=KIND_LOCAL, country=country, admin1=None,
                                admin1_name=admin1, lat=lat, lon=lon, feature="LOCAL")
    insert_names(connection, place_id, name_keys([name, *aliases]))


_IMPORTERS = {
    "geonames": _import_geonames,
    "admin1": _import_admin1,
    "alternate_names": _import_alternate_names,
    "csv": _import_csv,
}
