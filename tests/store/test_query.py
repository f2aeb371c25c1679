"""Filtering and paging stored incidents (sitrep.store.query), the call behind `sitrep incidents`
and the API."""

from __future__ import annotations

import json
import sqlite3

import pytest
from sitrep_store_builders import D, claim, document, result

from sitrep.cli import main
from sitrep.errors import InputError, StoreError
from sitrep.store import IncidentStore
from sitrep.store.query import BBox, IncidentQuery, decode_cursor, encode_cursor, select_incidents

# (document, place, country, lat, lon, day, killed, source, evidence)
REPORTS = [
    ("arden-1", "Arden", "SY", 35.1, 36.2, D(2025, 3, 6), 10, "Monitor A",
     "Ten people were killed at the bakery in Arden, the monitor said."),
    ("arden-2", "Arden", "SY", 35.1, 36.2, D(2025, 3, 6), 30, "Daily Paper",
     "Thirty people died when shells hit the bakery queue in Arden, the paper reported."),
    ("brill", "Brill", "NG", 11.2, 13.4, D(2025, 4, 1), 3, "Police",
     "Three traders were shot dead on the road to Brill, police said."),
    ("cove", "Cove", "FJ", -17.0, 179.5, D(2025, 5, 1), 5, "Harbour Office",
     "Five fishermen were killed in the harbour at Cove, officials said."),
    ("dale", "Dale", "FJ", -16.5, -179.5, D(2025, 5, 2), 2, "Radio Dale",
     "Two guards were killed at the Dale depot, the radio said."),
    ("undated", "Esk", "SY", 34.0, 37.0, None, 4, "Monitor A",
     "Four farmers were killed in Esk, the monitor said."),
]


@pytest.fixture
def store(tmp_path):
    with IncidentStore(tmp_path / "query.db") as opened:
        for doc_id, place, country, lat, lon, day, killed, source, evidence in REPORTS:
            found = claim(low=killed, source=source, place=place, country=country, lat=lat, lon=lon, date=day,
                          evidence=evidence)
            opened.add(document(doc_id, published=day), result(doc_id, [found], published=day))
        yield opened


def places(found) -> list[str]:
    return [s.incident.location.name for s in found]


@pytest.mark.parametrize(("filters", "expected"), [
    ({}, ["Arden", "Brill", "Cove", "Dale", "Esk"]),
    ({"since": D(2025, 4, 1)}, ["Brill", "Cove", "Dale"]),
    ({"until": D(2025, 4, 1)}, ["Arden", "Brill"]),
    ({"country": "fj"}, ["Cove", "Dale"]),
    ({"min_killed": 5}, ["Arden", "Cove"]),
    ({"disputed": True}, ["Arden"]),
    ({"disputed": False}, ["Brill", "Cove", "Dale", "Esk"]),
    ({"bbox": BBox(30, 30, 40, 40)}, ["Arden", "Esk"]),
    ({"bbox": BBox(170, -20, -170, -10)}, ["Cove", "Dale"]),  # across the antimeridian
    ({"bbox": BBox(179, -20, 180, -10)}, ["Cove"]),
    ({"text": "bakery"}, ["Arden"]),
    ({"text": "bak arden"}, ["Arden"]),  # every word, each as a prefix
    ({"text": "killed harbour"}, ["Cove"]),
    ({"text": "Esk"}, ["Esk"]),  # a place name
    ({"text": "tanker"}, []),
    ({"text": "\"*'"}, ["Arden", "Brill", "Cove", "Dale", "Esk"]),  # no word: no text filter
    ({"country": "SY", "text": "monitor"}, ["Arden", "Esk"]),
])
def test_filters_select_the_matching_incidents_oldest_first_undated_last(store, filters, expected):
    assert places(store.incidents(**filters)) == expected


def test_the_disputed_incident_keeps_its_range_for_the_map(store):
    row = store.connection.execute(
        "SELECT killed_low, killed_best, killed_high, disputed, lat, lon, precision, place FROM incident_index"
        " WHERE place = 'Arden'").fetchone()
    assert row == (10, 10, 30, 1, 35.1, 36.2, 1, "Arden")


def test_pages_cover_every_incident_once_in_order(store):
    seen, cursor = [], None
    while True:
        page = select_incidents(store.connection, IncidentQuery(), limit=2, cursor=cursor)
        seen += places(page.incidents)
        cursor = page.next_cursor
        if cursor is None:
            break
    assert seen == ["Arden", "Brill", "Cove", "Dale", "Esk"]


def test_a_cursor_round_trips_and_a_forged_one_is_refused():
    assert decode_cursor(encode_cursor("2025-03-06", 7)) == ("2025-03-06", 7)
    for forged in ("abc", encode_cursor("x", 1)[:-3], "W1sxXV0"):
        with pytest.raises(InputError) as raised:
            decode_cursor(forged)
        assert raised.value.source == "cursor"


@pytest.mark.parametrize("text", ["1,2,3", "a,b,c,d", "0,50,10,40", "-181,0,0,10", "0,-91,10,0", ""])
def test_a_bad_bbox_is_an_input_error(text):
    with pytest.raises(InputError) as raised:
        BBox.parse(text)
    assert raised.value.source == "bbox"


def test_a_read_only_store_reads_and_cannot_write(store):
    with IncidentStore(store.path, readonly=True) as reader:
        assert places(reader.incidents(country="NG")) == ["Brill"]
        with pytest.raises(sqlite3.OperationalError):
            reader.connection.execute("DELETE FROM incidents")


def test_a_read_only_store_refuses_a_file_that_is_not_a_store(tmp_path):
    empty = tmp_path / "empty.db"
    sqlite3.connect(empty).close()
    with pytest.raises(StoreError, match="not a sitrep store"):
        IncidentStore(empty, readonly=True)
    with pytest.raises(StoreError):
        IncidentStore(tmp_path / "missing.db", readonly=True)


def test_migrating_a_store_from_before_the_listing_index_indexes_its_incidents(tmp_path, monkeypatch):
    from sitrep.store import schema

    path = tmp_path / "old.db"
    before_index = next(i for i, script in enumerate(schema.MIGRATIONS) if "incident_index" in script)
    with monkeypatch.context() as patch:
        patch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS[:before_index])
        patch.setattr(schema, "SCHEMA_VERSION", before_index)
        with IncidentStore(path) as old:
            old.add(document("brill"), result("brill", [claim(low=3, place="Brill", country="NG", lat=11.2,
                                                              lon=13.4, evidence=REPORTS[2][-1])]))
    with IncidentStore(path) as migrated:
        assert places(migrated.incidents(text="traders", bbox=BBox(10, 10, 15, 15))) == ["Brill"]


def test_sitrep_incidents_takes_the_same_filters(store, capsys):
    assert main(["incidents", "--db", store.path, "--text", "bakery", "--disputed", "--bbox", "30,30,40,40",
                 "--format", "json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert [row["location"]["name"] for row in rows] == ["Arden"]


def test_sitrep_incidents_rejects_a_bad_bbox(store, capsys):
    with pytest.raises(SystemExit) as raised:
        main(["incidents", "--db", store.path, "--bbox", "1,2,3"])
    assert raised.value.code == 2
    assert "--bbox" in capsys.readouterr().err
