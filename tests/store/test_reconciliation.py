"""Reconciliation in the store: copies that agree on the facts, decisions kept and shown,
corrections by hand respected, figures' history, candidates from the SQL index."""

import pytest
from sitrep_store_builders import D, article_text, claim, document, result

from sitrep.errors import StoreError
from sitrep.store import IncidentStore
from sitrep.store.dedup import same_facts


@pytest.fixture
def store(tmp_path):
    with IncidentStore(tmp_path / "rec.db") as opened:
        yield opened


@pytest.mark.parametrize("a, b, expected", [
    # templates that share their wording but not their place or figure are two reports
    ("On 8 May, monitors observed 1 explosion near Varnek.",
     "On 8 May, monitors observed 1 explosion near Dolmaty.", False),
    ("On 8 May, monitors observed 1 explosion near Varnek.",
     "On 8 May, monitors observed 4 explosions near Varnek.", False),
    ("On 8 May, monitors observed 1 explosion near Varnek.",
     "On 9 May, monitors observed 1 explosion near Varnek.", False),
    # an agency tag, a dateline and a reworded phrase add but never replace
    ("Gunmen killed 12 traders at the market in Konduga on Friday, police said.",
     "KONDUGA (Wire) - Gunmen killed 12 traders at the market in Konduga on Friday, police told "
     "reporters.", True),
    ("Twelve people died when a bus hit a mine near Arvel, officials said.",
     "Twelve people died when a bus struck a mine near Arvel, officials said on Sunday.", True),
])
def test_a_copy_must_agree_on_numbers_and_names(a, b, expected):
    assert same_facts(a, b) is expected


def test_short_template_reports_of_two_places_are_not_copies(store):
    first = "On 8 May 2020, monitors observed 1 explosion and 3 bursts of gunfire near Varnek village."
    second = "On 8 May 2020, monitors observed 1 explosion and 3 bursts of gunfire near Dolmaty village."
    store.add(document("a", first), result("a", [claim(low=1)]))
    outcome = store.add(document("b", second), result("b", [claim(low=1, place="Dolmaty")]))
    assert outcome.status == "added"


def test_a_reworded_syndicated_copy_is_a_copy(store):
    original = article_text("story", words=200)
    copy = "UPDATE 1 (Wire) - " + original.replace("(story).", "(story), officials added.")
    store.add(document("orig", original), result("orig", [claim(low=10)]))
    outcome = store.add(document("copy", copy), result("copy", [claim(low=10)]))
    assert (outcome.status, outcome.copy_of) == ("copy", "orig")


def test_each_join_keeps_its_features_and_score(store):
    store.add(document("a"), result("a", [claim(low=14, source="Monitor A")]))
    store.add(document("b"), result("b", [claim(low=15, source="Paper", kind="media")]))
    first, second = store.joins("inc-000001")
    assert first.decision == {"created": True}
    assert second.decision["matched"] == "a" and second.decision["score"] >= 3.0
    names = [f["name"] for f in second.decision["features"]]
    assert names[:3] == ["day", "place", "killed"]
    assert "14 / 15" in second.decision["features"][2]["note"]


def test_splitting_a_document_out_makes_a_new_incident_and_keeps_history(store):
    store.add(document("a"), result("a", [claim(low=14, source="Monitor A")]))
    store.add(document("b"), result("b", [claim(low=15, source="Paper", kind="media")]))
    new_id = store.split("inc-000001", "b")
    assert new_id == "inc-000002"
    assert store.incident("inc-000001").incident.killed.best == 14
    assert store.incident(new_id).incident.killed.best == 15
    (join,) = store.joins(new_id)
    assert join.pinned and join.document == "b"
    history = store.history("inc-000001")
    assert [r.documents for r in history] == [1, 2, 1]
    assert "split off by hand" in history[-1].cause


def test_a_merge_by_hand_moves_every_report_and_the_old_id_points_to_the_new(store):
    store.add(document("a"), result("a", [claim(low=4, place="Arden")]))
    store.add(document("b"), result("b", [claim(low=9, place="Bexley")]))
    assert store.merge("inc-000001", "inc-000002") == "inc-000001"
    merged = store.incident("inc-000001")
    assert {c.document for c in merged.claims} == {"a", "b"}
    assert all(j.pinned for j in merged.joins if j.document == "b")
    with pytest.raises(StoreError, match="merged into 'inc-000001'"):
        store.incident("inc-000002")
    assert [s.incident.id for s in store.incidents()] == ["inc-000001"]


def test_later_ingests_respect_a_split(tmp_path):
    path = tmp_path / "split.db"
    with IncidentStore(path) as first:
        first.add(document("a"), result("a", [claim(low=14, source="Monitor A")]))
        first.add(document("b"), result("b", [claim(low=15, source="Paper", kind="media")]))
        first.split("inc-000001", "b")
    with IncidentStore(path) as again:
        outcome = again.add(document("c"), result("c", [claim(low=14, source="Radio", kind="media")]))
        assert outcome.incidents in (("inc-000001",), ("inc-000002",))
        assert [j.document for j in again.joins("inc-000002")][0] == "b"
        assert {j.document for j in again.joins("inc-000001")} >= {"a"}
        assert "b" not in {j.document for j in again.joins("inc-000001")}


@pytest.mark.parametrize("incident_id, document_key, message", [
    ("inc-000001", "zz", "not part of"),
    ("inc-000009", "a", "no incident"),
])
def test_a_split_that_cannot_be_done_is_a_store_error(store, incident_id, document_key, message):
    store.add(document("a"), result("a", [claim()]))
    store.add(document("b"), result("b", [claim(source="Paper", kind="media")]))
    with pytest.raises(StoreError, match=message):
        store.split(incident_id, document_key)


def test_the_only_report_cannot_be_split_off(store):
    store.add(document("a"), result("a", [claim()]))
    with pytest.raises(StoreError, match="only report"):
        store.split("inc-000001", "a")


def test_history_keeps_each_change_of_the_figures(store):
    store.add(document("a", published=D(2025, 3, 7)),
              result("a", [claim(low=18, source="Monitor A")], published=D(2025, 3, 7)))
    store.add(document("b", published=D(2025, 3, 8)),
              result("b", [claim(low=31, source="Monitor A")], published=D(2025, 3, 8)))
    revisions = store.history("inc-000001")
    assert [r.killed[1] for r in revisions] == [18, 31]  # the monitor's later toll supersedes
    assert [r.revision for r in revisions] == [1, 2]


def test_candidates_come_from_the_day_and_country_index(store):
    for day in range(1, 29):
        doc = f"d{day}"
        store.add(document(doc), result(doc, [claim(date=D(2025, 2, day), place=f"Town {day}")]))
    store.add(document("iq"), result("iq", [claim(date=D(2025, 2, 10), country="IQ")]))
    days = [D(2025, 2, 9).toordinal(), D(2025, 2, 10).toordinal(), D(2025, 2, 11).toordinal()]
    found = store._candidate_ids(days, "SY")
    assert sorted(found) == ["inc-000009", "inc-000010", "inc-000011"]
    assert store._candidate_ids(days, "IQ") == ["inc-000029"]
