import sqlite3
from pathlib import Path

import pytest

from sitrep.errors import GazetteerError
from sitrep.geocode import gazetteer as gazetteer_module
from sitrep.geocode.gazetteer import Gazetteer, build_empty, cache_dir, is_complete
from sitrep.geodesy import haversine_km as distance_km

JABLEH = (35.362, 35.928)


def test_cache_dir_prefers_sitrep_cache_dir(monkeypatch, tmp_path):
    monkeypatch.setenv("SITREP_CACHE_DIR", str(tmp_path / "explicit"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "explicit"


def test_cache_dir_falls_back_to_xdg_then_home(monkeypatch, tmp_path):
    monkeypatch.delenv("SITREP_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache_dir() == tmp_path / "xdg" / "sitrep"
    monkeypatch.delenv("XDG_CACHE_HOME")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert cache_dir() == tmp_path / "home" / ".cache" / "sitrep"


@pytest.mark.parametrize("name", ["Jableh", "Jablah", "Jeble"])
def test_transliterations_of_jableh_find_the_syrian_town(gazetteer, name):
    places = gazetteer.lookup(name) or gazetteer.lookup_loose(name)
    syrian = [p for p in places if p.country == "SY"]
    assert syrian and distance_km(syrian[0].lat, syrian[0].lon, *JABLEH) < 10


@pytest.mark.parametrize("name, country", [
    ("Banias", "SY"), ("Baniyas", "SY"), ("Latakia", "SY"), ("Lattakia", "SY"),
    ("Al Ladhiqiyah", "SY"), ("Syria", "SY"), ("DRC", "CD"), ("Texas", "US"),
])
def test_names_and_aliases_are_indexed(gazetteer, name, country):
    assert country in {p.country for p in gazetteer.lookup(name)}


def test_countries_and_us_states_have_their_kind(gazetteer):
    kinds = {(p.country, p.kind) for p in gazetteer.lookup("Texas")}
    assert ("US", "admin1") in kinds
    assert [p.kind for p in gazetteer.lookup("Syria") if p.country == "SY"] == ["country"]


def test_damascus_candidates_include_syria_and_the_us(gazetteer):
    countries = {p.country for p in gazetteer.lookup("Damascus")}
    assert {"SY", "US"} <= countries


def test_get_gazetteer_builds_in_the_cache_dir_once(gazetteer, default_gazetteer_path):
    assert gazetteer is gazetteer_module.get_gazetteer()
    assert gazetteer.path == default_gazetteer_path


@pytest.mark.parametrize("content", [b"not a database at all", b""])
def test_corrupt_or_empty_file_is_not_a_complete_gazetteer(tmp_path, content):
    path = tmp_path / "g.sqlite"
    path.write_bytes(content)
    assert not is_complete(path)
    with pytest.raises(GazetteerError, match="not a complete sitrep gazetteer"):
        Gazetteer(path)


def test_file_of_another_format_version_is_not_complete(tmp_path):
    path = tmp_path / "g.sqlite"
    build_empty(path)
    assert is_complete(path)
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE meta SET value = '0' WHERE key = 'format_version'")
    assert not is_complete(path)


def test_shared_gazetteer_rebuilds_a_corrupt_cache_file(tmp_path, monkeypatch):
    path = tmp_path / "g.sqlite"
    path.write_bytes(b"garbage")
    monkeypatch.setattr(gazetteer_module, "build_default", build_empty)
    rebuilt = gazetteer_module.get_gazetteer(path)
    assert rebuilt.info().places == 0 and is_complete(path)


def test_info_counts_places_and_names(gazetteer):
    info = gazetteer.info()
    assert info.places > 200_000 and info.names > info.places
    assert isinstance(info.path, Path)
