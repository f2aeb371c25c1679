"""End to end: fixture articles through the real pipeline into the store.

These depend on the extractor; while it yields no claims for an article they
are skipped (they cannot say anything about reconciliation then).
"""

import shutil
from pathlib import Path

import pytest

from sitrep.store import IncidentStore, ingest_paths

ARTICLES = Path(__file__).resolve().parents[1] / "fixtures" / "store" / "articles"
KONDUGA = ["konduga_monitor.json", "konduga_police.json", "konduga_radio.json"]



@pytest.fixture(scope="module")
def pipeline():
    from sitrep.pipeline import Pipeline

    return Pipeline()


@pytest.fixture
def store(tmp_path):
    with IncidentStore(tmp_path / "acceptance.db") as opened:
        yield opened


def ingest(store, pipeline, *paths):
    report = ingest_paths(list(paths), store=store, pipeline=pipeline)
    assert report.failures == []
    if store.counts()["claims"] == 0:
        pytest.skip("the extractor found no claims in the fixture articles yet")
    return report


def killed_incidents(store):
    return [s for s in store.incidents() if s.incident.killed.best]


def test_three_reports_of_one_incident_become_one_disputed_incident(store, pipeline):
    ingest(store, pipeline, *(ARTICLES / name for name in KONDUGA))
    found = [s for s in killed_incidents(store)
             if s.incident.location and "konduga" in s.incident.location.name.lower()]
    assert len(found) == 1, [s.incident for s in store.incidents()]
    incident = found[0].incident
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (18, 18, 31)
    assert incident.disputed is True
    assert found[0].documents == 3
    assert len(incident.sources) >= 3


def test_the_same_article_twice_changes_nothing(store, pipeline, tmp_path):
    ingest(store, pipeline, ARTICLES / KONDUGA[0])
    before = (store.counts(), [s.incident for s in store.incidents()])
    again = tmp_path / "again.json"
    shutil.copy(ARTICLES / KONDUGA[0], again)
    report = ingest(store, pipeline, ARTICLES / KONDUGA[0], again)
    assert (report.added, report.duplicates) == (0, 2)
    assert (store.counts(), [s.incident for s in store.incidents()]) == before


def test_a_syndicated_copy_adds_no_source(store, pipeline):
    ingest(store, pipeline, ARTICLES / KONDUGA[0])
    before = [(s.incident.id, s.incident.sources, s.documents) for s in store.incidents()]
    report = ingest(store, pipeline, ARTICLES / "konduga_syndicated.json")
    assert report.copies == 1
    assert [(s.incident.id, s.incident.sources, s.documents) for s in store.incidents()] == before


def test_two_incidents_on_the_same_day_in_different_towns_stay_apart(store, pipeline):
    ingest(store, pipeline, ARTICLES / "kupiansk_shelling.txt", ARTICLES / "kherson_drone.txt")
    by_town = {}
    for stored in killed_incidents(store):
        documents = {ref.split("/")[0] for ref in stored.incident.claims}
        assert len(documents) == 1, stored.incident  # no incident mixes the two reports
        if stored.incident.location:
            by_town.setdefault(stored.incident.location.name, []).append(stored.incident)
    kupiansk, kherson = by_town["Kupiansk"][0], by_town["Kherson"][0]
    assert kupiansk.id != kherson.id
    assert (kupiansk.killed.best, kherson.killed.best) == (4, 2)
    assert kupiansk.date.start == kherson.date.start


def test_the_seed_article_gives_the_disputed_coastal_incident(store, pipeline, seed_files):
    ingest(store, pipeline, *seed_files)
    matching = [s.incident for s in store.incidents() if s.incident.killed.low == 745]
    assert matching, [s.incident for s in store.incidents()]
    incident = matching[0]
    assert incident.killed.high >= 2400
    assert incident.disputed is True
    sources = " | ".join(incident.sources).lower()
    assert "syrian observatory" in sources
    assert "cherylwroteit" in sources or "cheryl" in sources
