import csv
import io
import json

import pytest
from sitrep_store_builders import D, claim, document, incident, result

from sitrep.export import FORMATS, write_export
from sitrep.export.acled import COLUMNS as ACLED_COLUMNS
from sitrep.export.acled import time_precision
from sitrep.export.ucdp import COLUMNS as UCDP_COLUMNS
from sitrep.export.ucdp import date_precision
from sitrep.store import IncidentStore


@pytest.fixture
def store(tmp_path):
    with IncidentStore(tmp_path / "export.db") as opened:
        located = dict(place="Arden", admin1="North", country="SY", lat=35.1, lon=36.2, precision=1)
        parts = [claim("c1", low=12, victims="civilians", source="Monitor A", **located,
                       evidence="Monitor A said 12 civilians and 3 soldiers were killed in Arden."),
                 claim("c2", low=3, victims="state_forces", source="Monitor A", **located)]
        opened.add(document("r1", url="https://one.example/a"),
                   result("r1", parts, incidents=[incident(parts)]))
        opened.add(document("r2", url="https://two.example/b"),
                   result("r2", [claim(low=30, source="@watcher", kind="social_post", **located)]))
        opened.add(document("r3"), result("r3", [claim(low=2, place="Bexley", date=D(2025, 3, 20))]))
        yield opened


def export(store, fmt):
    stream = io.StringIO()
    count = write_export(store.iter_details(), format=fmt, stream=stream)
    return count, stream.getvalue()


def test_acled_columns_and_values(store):
    count, text = export(store, "acled")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert count == 2
    assert tuple(rows[0]) == ACLED_COLUMNS
    first = rows[0]
    assert first["event_id_cnty"] == "SYR1"
    assert first["event_date"] == "2025-03-06"
    assert first["time_precision"] == "1"
    assert first["country"] == "Syria"
    assert (first["admin1"], first["location"]) == ("North", "Arden")
    assert (first["latitude"], first["longitude"], first["geo_precision"]) == ("35.1", "36.2", "1")
    assert first["fatalities"] == "15"
    assert first["source"] == "Monitor A; @watcher"
    assert first["notes"].startswith("Monitor A said 12 civilians")
    assert "disputed: reports range from 15 to 30" in first["notes"]


def test_ucdp_columns_split_deaths_by_side(store):
    _count, text = export(store, "ucdp")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert tuple(rows[0]) == UCDP_COLUMNS
    first = rows[0]
    assert (first["best"], first["low"], first["high"]) == ("15", "15", "30")
    assert (first["deaths_a"], first["deaths_b"], first["deaths_civilians"], first["deaths_unknown"]) \
        == ("3", "0", "12", "0")
    assert first["number_of_sources"] == "2"
    assert first["source_article"] == "https://one.example/a; https://two.example/b"
    assert (first["date_prec"], first["where_prec"]) == ("1", "1")
    assert first["side_a"] == "Gunmen"


def test_geojson_is_a_feature_collection_with_null_geometry_when_unlocated(store):
    _count, text = export(store, "geojson")
    data = json.loads(text)
    assert data["type"] == "FeatureCollection"
    located, unlocated = data["features"]
    assert located["geometry"] == {"type": "Point", "coordinates": [36.2, 35.1]}
    assert located["properties"]["killed"] == {"low": 15, "best": 15, "high": 30}
    assert located["properties"]["disputed"] is True
    assert unlocated["geometry"] is None


def test_jsonl_has_the_contract_incident_keys_and_documents(store):
    _count, text = export(store, "jsonl")
    lines = [json.loads(line) for line in text.splitlines()]
    assert len(lines) == 2
    keys = {"id", "event_type", "sub_event_type", "date", "location", "actor1", "actor2",
            "killed", "injured", "claims", "sources", "disputed"}
    assert keys <= set(lines[0])
    assert lines[0]["number_of_sources"] == 2
    assert [d["id"] for d in lines[0]["documents"]] == ["r1", "r2"]


@pytest.mark.parametrize("days, expected", [(None, 3), (0, 1), (3, 2), (7, 2), (8, 3)])
def test_acled_time_precision(days, expected):
    assert time_precision(days) == expected


@pytest.mark.parametrize("days, expected", [(None, 5), (0, 1), (4, 2), (7, 3), (20, 4), (60, 5)])
def test_ucdp_date_precision(days, expected):
    assert date_precision(days) == expected


def test_every_format_handles_an_empty_store(tmp_path):
    with IncidentStore(tmp_path / "empty.db") as empty:
        for fmt in FORMATS:
            count, _text = export(empty, fmt)
            assert count == 0


def test_ucdp_has_ged_identifiers_place_and_type_of_violence(store):
    _count, text = export(store, "ucdp")
    first, second = csv.DictReader(io.StringIO(text))
    assert (first["id"], first["year"], first["country"]) == ("1", "2025", "Syria")
    assert (first["where_coordinates"], first["adm_1"]) == ("Arden", "North")
    assert first["type_of_violence"] == "3"  # violence against civilians: one-sided
    assert second["id"] == "2" and second["where_coordinates"] == "Bexley"


@pytest.mark.parametrize("event_type, actor1, victims, expected", [
    ("Violence against civilians", "Gunmen", "civilians", "3"),
    ("Battles", "Army soldiers", "non_state_armed", "1"),
    ("Battles", "Rebel fighters", "state_forces", "1"),
    ("Battles", "Clan militia", "non_state_armed", "2"),
    ("Protests", "Protesters", "unknown", ""),
    ("Explosions/Remote violence", None, "unknown", ""),  # no side known: not guessed
])
def test_ucdp_type_of_violence_follows_ged(tmp_path, event_type, actor1, victims, expected):
    with IncidentStore(tmp_path / "tv.db") as opened:
        one = claim(victims=victims)
        opened.add(document("d"), result("d", [one], incidents=[
            incident([one], event_type=event_type, actor1=actor1)]))
        _count, text = export(opened, "ucdp")
    (row,) = csv.DictReader(io.StringIO(text))
    assert row["type_of_violence"] == expected


def test_acled_fills_year_and_country_and_flags_what_is_missing(tmp_path):
    with IncidentStore(tmp_path / "flags.db") as opened:
        opened.add(document("known"), result("known", [claim()]))
        opened.add(document("nowhere"), result("nowhere", [claim(place=None, low=4, date=D(2025, 4, 2))]))
        _count, text = export(opened, "acled")
    known, nowhere = csv.DictReader(io.StringIO(text))
    assert (known["year"], known["country"], known["sitrep_flags"]) == ("2025", "Syria", "")
    assert nowhere["year"] == "2025"
    assert nowhere["sitrep_flags"] == "missing_country"
