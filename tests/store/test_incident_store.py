import sqlite3

import pytest
from sitrep_store_builders import D, article_text, claim, document, result

from sitrep.errors import StoreError
from sitrep.store import IncidentStore
from sitrep.store.schema import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path):
    with IncidentStore(tmp_path / "test.db") as opened:
        yield opened


def test_opening_creates_a_wal_database_at_the_current_schema_version(tmp_path):
    path = tmp_path / "new.db"
    IncidentStore(path).close()
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION


def test_reopening_keeps_data_and_does_not_migrate_again(tmp_path):
    path = tmp_path / "again.db"
    with IncidentStore(path) as first:
        first.add(document("a"), result("a", [claim()]))
    with IncidentStore(path) as second:
        assert second.counts()["documents"] == 1


def test_a_newer_schema_is_refused_naming_the_database(tmp_path):
    path = tmp_path / "future.db"
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    db.close()
    with pytest.raises(StoreError) as raised:
        IncidentStore(path)
    assert str(path) in raised.value.message


def test_a_file_that_is_not_a_database_is_a_store_error(tmp_path):
    path = tmp_path / "notes.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(StoreError) as raised:
        IncidentStore(path)
    assert str(path) in raised.value.message


def test_three_reports_merge_into_one_disputed_incident_with_three_sources(store):
    reports = [("r1", "Monitor A", "monitor", 20), ("r2", "Interior Ministry", "official", 26),
               ("r3", "Daily Paper", "media", 41)]
    for doc_id, name, kind, figure in reports:
        store.add(document(doc_id), result(doc_id, [claim(low=figure, source=name, kind=kind)]))
    (only,) = store.incidents()
    incident = only.incident
    assert incident.id == "inc-000001"
    assert (incident.killed.low, incident.killed.best, incident.killed.high) == (20, 20, 41)
    assert incident.disputed is True
    assert set(incident.sources) == {"Monitor A", "Interior Ministry", "Daily Paper"}
    assert incident.claims == ("r1/c1", "r2/c1", "r3/c1")
    assert only.documents == 3


def test_the_same_article_twice_changes_nothing(store):
    store.add(document("a"), result("a", [claim()]))
    before = store.counts()
    outcome = store.add(document("a-again", article_text("a")), result("a-again", [claim(low=99)]))
    assert outcome.status == "duplicate"
    assert outcome.document == "a"
    assert store.counts() == before


def test_the_same_url_twice_changes_nothing(store):
    store.add(document("a", url="https://example.org/1"), result("a", [claim()]))
    outcome = store.add(document("b", url="https://example.org/1"), result("b", [claim()]))
    assert outcome.status == "duplicate"
    assert store.counts()["documents"] == 1


def test_the_same_text_differing_in_case_and_spacing_is_the_same_article(store):
    text = article_text("a")
    store.add(document("a", text), result("a", [claim()]))
    outcome = store.add(document("b", "  " + text.upper().replace(" ", "  \n")), result("b"))
    assert outcome.status == "duplicate"


def test_a_syndicated_near_copy_is_linked_and_adds_no_source(store):
    original = article_text("story", words=300)
    copy = "Republished with permission. " + original.replace("(story).", "(agency copy).")
    store.add(document("orig", original), result("orig", [claim(low=10, source="Paper A", kind="media")]))
    outcome = store.add(document("copy", copy),
                        result("copy", [claim(low=10, source="Paper B", kind="media")]))
    assert outcome.status == "copy"
    assert outcome.copy_of == "orig"
    assert outcome.similarity >= 0.8
    (only,) = store.incidents()
    assert only.incident.sources == ("Paper A",)
    assert only.documents == 1
    assert "copy/c1" in only.incident.claims  # kept, not counted


def test_a_different_article_is_not_a_copy(store):
    store.add(document("a"), result("a", [claim()]))
    assert store.add(document("b"), result("b", [claim(place="Bexley")])).status == "added"


def test_two_incidents_on_the_same_day_in_different_towns_stay_apart(store):
    store.add(document("a"), result("a", [claim(place="Arden", low=4)]))
    store.add(document("b"), result("b", [claim(place="Bexley", low=9)]))
    found = store.incidents()
    assert [s.incident.location.name for s in found] == ["Arden", "Bexley"]
    assert [s.incident.killed.best for s in found] == [4, 9]


def test_new_documents_update_an_incident_and_keep_its_id(store):
    store.add(document("a"), result("a", [claim(low=10, source="Monitor A")]))
    store.add(document("x"), result("x", [claim(place="Bexley")]))
    store.add(document("b"), result("b", [claim(low=30, source="Paper", kind="media")]))
    arden = store.incident("inc-000001").incident
    assert arden.location.name == "Arden"
    assert (arden.killed.low, arden.killed.high) == (10, 30)


def test_the_reconciler_state_survives_reopening(tmp_path):
    path = tmp_path / "s.db"
    with IncidentStore(path) as first:
        first.add(document("a"), result("a", [claim(low=10)]))
        first.add(document("x"), result("x", [claim(place="Bexley")]))
    with IncidentStore(path) as second:
        outcome = second.add(document("b"), result("b", [claim(low=12, source="Paper", kind="media")]))
        assert outcome.incidents == ("inc-000001",)
        outcome = second.add(document("c"), result("c", [claim(place="Carden")]))
        assert outcome.incidents == ("inc-000003",)


def test_document_ids_that_collide_get_distinct_keys(store):
    store.add(document("report"), result("report", [claim()]))
    outcome = store.add(document("report", article_text("other")), result("report", [claim()]))
    assert outcome.document == "report~2"


def test_a_failed_write_rolls_back_the_whole_document(store, monkeypatch):
    store.add(document("a"), result("a", [claim()]))
    before = store.counts()

    def broken(*args, **kwargs):
        raise RuntimeError("killed mid-write")

    monkeypatch.setattr(store, "_refresh_incident", broken)
    with pytest.raises(RuntimeError):
        store.add(document("b"), result("b", [claim(low=50)]))
    monkeypatch.undo()
    assert store.counts() == before
    assert store.add(document("b"), result("b", [claim(low=50)])).incidents == ("inc-000001",)
    assert store.incident("inc-000001").incident.killed.high == 50


def test_incident_filters(store):
    store.add(document("a"), result("a", [claim(low=3, date=D(2025, 1, 5))]))
    store.add(document("b"), result("b", [claim(low=30, date=D(2025, 2, 5), country="IQ")]))
    ids = lambda **f: [s.incident.id for s in store.incidents(**f)]  # noqa: E731
    assert ids() == ["inc-000001", "inc-000002"]
    assert ids(since=D(2025, 2, 1)) == ["inc-000002"]
    assert ids(until=D(2025, 1, 31)) == ["inc-000001"]
    assert ids(country="iq") == ["inc-000002"]
    assert ids(event_type="violence against civilians") == ["inc-000001", "inc-000002"]
    assert ids(event_type="Battles") == []
    assert ids(min_killed=10) == ["inc-000002"]


def test_show_gives_claims_documents_and_copies(store):
    original = article_text("story", words=300)
    store.add(document("orig", original, url="https://example.org/s"), result("orig", [claim()]))
    store.add(document("copy", original + " Syndicated."), result("copy", [claim()]))
    detail = store.incident("inc-000001")
    assert [c.ref for c in detail.claims] == ["orig/c1", "copy/c1"]
    assert [(d.key, d.copy_of) for d in detail.documents] == [("orig", None), ("copy", "orig")]
    assert detail.claims[0].claim.evidence.text.startswith("Ten people")


def test_an_unknown_incident_is_a_store_error(store):
    with pytest.raises(StoreError, match="inc-000404"):
        store.incident("inc-000404")


def test_failures_are_recorded_once_per_origin_and_cleared_by_success(store):
    from sitrep.errors import InputError

    store.record_failure("a.txt", InputError("the article is empty", source="a.txt"))
    store.record_failure("a.txt", InputError("the article is empty", source="a.txt"))
    assert [(f.origin, f.code) for f in store.failures()] == [("a.txt", "input_error")]
    store.add(document("a"), result("a", [claim()]))
    assert store.failures() == []


def test_the_fast_record_encoder_matches_the_contract_serializer():
    from sitrep.serialize import to_dict
    from sitrep.store.codec import plain
    from sitrep_store_builders import incident

    one = claim(lat=1.5, lon=2.5)
    for record in (one, incident([one]), result("a", [one])):
        assert plain(record) == to_dict(record)


def test_an_older_database_is_migrated_on_open_keeping_its_data(tmp_path, monkeypatch):
    from sitrep.store import schema

    path = tmp_path / "old.db"
    with IncidentStore(path) as first:
        first.add(document("a"), result("a", [claim()]))
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + (
        "ALTER TABLE incidents ADD COLUMN reviewed INTEGER NOT NULL DEFAULT 0",))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with IncidentStore(path) as second:
        assert second.counts()["incidents"] == 1
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION + 1
    assert db.execute("SELECT reviewed FROM incidents").fetchall() == [(0,)]


def test_a_failing_migration_leaves_the_previous_version(tmp_path, monkeypatch):
    from sitrep.store import schema

    path = tmp_path / "old.db"
    IncidentStore(path).close()
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + (
        "ALTER TABLE incidents ADD COLUMN flag INTEGER; ALTER TABLE nowhere ADD COLUMN x INTEGER",))
    monkeypatch.setattr(schema, "SCHEMA_VERSION", len(schema.MIGRATIONS))
    with pytest.raises(StoreError, match=f"cannot migrate to schema version {SCHEMA_VERSION + 1}"):
        IncidentStore(path)
    db = sqlite3.connect(path)
    assert db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    columns = [row[1] for row in db.execute("PRAGMA table_info(incidents)")]
    assert "flag" not in columns
