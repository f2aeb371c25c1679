"""The evidence that two reports tell of one incident: each feature on its own, then weighed."""

import datetime as dt

import pytest
from sitrep_store_builders import claim, incident, result

from sitrep.reconcile import Reconciler, units_from_result, weigh
from sitrep.reconcile.evidence import (
    MATCH_THRESHOLD, distinctive_words, place_feature, rarity, toll_feature, words_feature,
)
from sitrep.reconcile.units import text_dates
from sitrep.records import Figures, Location

D = dt.date


def figures(n):
    return Figures(n, n, n)


@pytest.mark.parametrize("a, b, later, expected", [
    (12, 12, 0, "12 in both"),
    (22, 24, 0, "within 20%"),
    (20, 25, 0, "within 20%"),
    (18, 31, 1, "toll rose"),          # a later report with a higher toll: an update
    (18, 24, 0, "sources disagree"),   # the same day, sources differ on a large toll
    (1, 2, 0, "not the same victims"),  # two small tolls that differ: other victims
    (6, 1, 0, "not the same victims"),
    (0, 10, 0, "one reports none"),
])
def test_tolls_are_compared_as_updates_disputes_or_other_victims(a, b, later, expected):
    found = toll_feature("killed", figures(a), figures(b), later=later, weight=2.0)
    note = found if isinstance(found, str) else found.note
    assert expected in note


def test_an_agreeing_large_toll_says_more_than_an_agreeing_single_death():
    assert rarity(1) < rarity(5) < rarity(20) < rarity(100) == rarity(1000) == 1.5


def test_a_missing_figure_is_no_evidence_either_way():
    assert toll_feature("killed", None, figures(4), later=0, weight=2.0) is None


@pytest.mark.parametrize("a, b, words, expected", [
    (Location("Arden", "North", "SY", precision=1), Location("arden", "North", "SY", precision=1),
     frozenset(), "the same place"),
    (Location("Kembé", "Basse-Kotto", "CF", precision=1), Location("Kembe", "Basse-Kotto", "CF", precision=1),
     frozenset(), "the same place"),
    # geocoding put one report at the country; its text still names the town
    (Location("Arden", "North", "SY", precision=1), Location("Syria", None, "SY", precision=3),
     frozenset({"arden", "market"}), "both name Arden"),
    (Location("A", "North", "SY", 35.0, 36.0, 1), Location("B", "North", "SY", 35.1, 36.0, 1),
     frozenset(), "different places within 25 km"),
    (Location("Arden", "North", "SY", precision=1), Location("Bexley", "North", "SY", precision=1),
     frozenset(), "different places"),
])
def test_places_are_compared_at_the_precision_they_are_given(a, b, words, expected):
    found = place_feature(a, b, a_words=frozenset(), b_words=words)
    note = found if isinstance(found, str) else found.note
    assert expected in note


def test_distinctive_words_leave_out_the_vocabulary_every_report_shares():
    words = distinctive_words("On Friday, gunmen killed five traders at the livestock market "
                              "in Konduga, police said.")
    assert {"traders", "livestock", "konduga"} <= words
    assert not {"gunmen", "killed", "police", "friday", "market"} & words


@pytest.mark.parametrize("shared, expected", [(0, -1.0), (2, 0.0), (3, 0.5), (9, 1.5)])
def test_shared_words_weigh_by_how_many(shared, expected):
    common = {f"shared{i}" for i in range(shared)}
    a = frozenset(common | {f"mine{i}" for i in range(20)})
    b = frozenset(common | {f"theirs{i}" for i in range(20)})
    assert words_feature(a, b).weight == expected


@pytest.mark.parametrize("text, expected", [
    ("On 8 May 2020, clashes were reported.", {D(2020, 5, 8)}),
    ("Fighting resumed on May 9, 2020 and again on 10th May 2020.", {D(2020, 5, 9), D(2020, 5, 10)}),
    ("Fighting resumed on Thursday.", set()),
])
def test_dates_written_out_in_full_are_found(text, expected):
    assert text_dates(text) == expected


def unit(doc, text, *, killed=3, victims="civilians", place="Arden", date=D(2025, 3, 6),
         published=D(2025, 3, 6)):
    one = claim(low=killed, victims=victims, place=place, date=date)
    (found,) = units_from_result(result(doc, [one], published=published), document=doc,
                                 published=published, text=text)
    return found


def test_two_killings_in_one_town_on_one_day_stay_apart():
    first = unit("a", "On 6 March 2025, a shopkeeper was shot dead outside his shop in Arden.",
                 killed=1)
    second = unit("b", "On 6 March 2025, three farmers were killed by a roadside bomb near Arden.",
                  killed=3)
    decision = weigh(second, first)
    assert not decision.matches and "not the same victims" in decision.bar


def test_a_later_update_of_the_toll_joins():
    first = unit("a", "Gunmen killed 18 traders at the Arden cattle market on Friday, "
                      "the Sahel observatory said.", killed=18, published=D(2025, 3, 7))
    later = unit("b", "The toll from the Arden cattle market attack rose to 31, "
                      "traders and the Sahel observatory said.", killed=31, published=D(2025, 3, 8))
    decision = weigh(later, first)
    assert decision.matches, decision.describe()
    assert any("toll rose" in f.note for f in decision.features)
    assert decision.score >= MATCH_THRESHOLD


def test_days_stated_outright_that_differ_keep_reports_apart():
    first = unit("a", "On 5 March 2025, 12 fighters were killed in clashes on the Arden front.",
                 killed=12, date=D(2025, 3, 5))
    second = unit("b", "On 6 March 2025, 12 fighters were killed in clashes on the Arden front.",
                  killed=12, date=D(2025, 3, 6))
    decision = weigh(second, first)
    assert decision.bar and "different days stated" in decision.bar


def test_the_decision_names_each_feature_with_its_weight():
    first = unit("a", "Nine fishermen from Arden were killed at the jetty by pirates.", killed=9)
    second = unit("b", "Pirates killed nine fishermen at the Arden jetty.", killed=9)
    reconciler = Reconciler()
    reconciler.decide(first)
    assignment = reconciler.decide(second)
    assert assignment.incident_id == "inc-000001" and assignment.matched == "a"
    reasons = assignment.reasons()
    assert {f["name"] for f in reasons["features"]} >= {"day", "place", "killed", "words"}
    assert reasons["score"] == pytest.approx(sum(f["weight"] for f in reasons["features"]), abs=0.01)


def test_different_victim_categories_bar_a_match():
    soldiers = unit("a", "Ten soldiers were killed in Arden.", killed=10, victims="state_forces")
    civilians = unit("b", "Ten civilians were killed in Arden.", killed=10, victims="civilians")
    assert "different victims" in weigh(civilians, soldiers).bar


def test_reports_of_another_kind_of_act_weigh_against():
    one, two = claim(), claim()
    (clash,) = units_from_result(result("d1", [one], incidents=[incident([one], event_type="Battles")]),
                                 document="d1")
    (riot,) = units_from_result(result("d2", [two], incidents=[incident([two], event_type="Riots")]),
                                document="d2")
    kind = next(f for f in weigh(riot, clash).features if f.name == "kind")
    assert kind.weight < 0
