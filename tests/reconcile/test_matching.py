import datetime as dt

import pytest
from sitrep_store_builders import claim, incident, result

from sitrep.reconcile import Cluster, Reconciler, build_incident, place_rank, units_from_result
from sitrep.reconcile.units import consensus_date
from sitrep.records import DateRange, Location

D = dt.date


def unit_of(doc, **kwargs):
    one = claim(**kwargs)
    (unit,) = units_from_result(result(doc, [one]), document=doc)
    return unit


@pytest.mark.parametrize("a, b, expected", [
    (Location("Arden", "North", "SY"), Location("arden", "North", "SY"), 0),
    (Location("Arden", "North", "SY"), Location("Bexley", "North", "SY"), None),
    (Location("Arden", "North", "SY", precision=1), Location("North", "North", "SY", precision=3), 2),
    (Location("Arden", "North", "SY"), Location("Arden", "North", "IQ"), None),
    (Location("Syria", None, "SY", precision=3), Location("Arden", "North", "SY"), 3),
    (Location("A", "North", "SY", 35.0, 36.0, 1), Location("B", "North", "SY", 35.1, 36.0, 1), 1),
    (Location("A", "North", "SY", 35.0, 36.0, 1), Location("B", "North", "SY", 35.5, 36.0, 1), None),
    (Location("A", "North", "SY", 35.0, 36.0, 1), Location("B", "North", "SY", 35.5, 36.0, 3), 2),
    (Location("A", "North", "SY", 35.0, 36.0, 1), Location("B", "North", "SY", 35.01, 36.0, 1), 0),
    (None, Location("Arden", "North", "SY"), 3),
])
def test_place_rank(a, b, expected):
    assert place_rank(a, b) == expected


def test_reports_of_one_incident_a_day_apart_merge():
    reconciler = Reconciler()
    first = reconciler.assign(unit_of("d1", date=D(2025, 3, 6)))
    second = reconciler.assign(unit_of("d2", date=D(2025, 3, 7), source="Ministry", kind="official"))
    assert first == second == "inc-000001"


@pytest.mark.parametrize("change", [
    {"date": D(2025, 3, 9)},                       # two days after
    {"place": "Bexley"},                           # another town, no coordinates
    {"country": "IQ"},                             # another country
    {"outcome": "abducted"},                       # incompatible outcome
    {"victims": "state_forces"},                   # incompatible victims
])
def test_incompatible_reports_stay_apart(change):
    reconciler = Reconciler()
    first = reconciler.assign(unit_of("d1"))
    second = reconciler.assign(unit_of("d2", **change))
    assert first != second


def test_different_event_types_stay_apart():
    reconciler = Reconciler()
    one, two = claim(), claim()
    (a,) = units_from_result(result("d1", [one], incidents=[incident([one], event_type="Battles")]),
                             document="d1")
    (b,) = units_from_result(result("d2", [two], incidents=[incident([two], event_type="Riots")]),
                             document="d2")
    assert reconciler.assign(a) != reconciler.assign(b)


def test_unknown_victims_are_compatible_with_any():
    reconciler = Reconciler()
    first = reconciler.assign(unit_of("d1", victims="civilians"))
    assert reconciler.assign(unit_of("d2", victims="unknown")) == first


def test_two_incidents_of_one_document_are_never_merged():
    reconciler = Reconciler()
    one, two = claim("c1"), claim("c2", victims="state_forces")
    doc = result("d1", [one, two], incidents=[incident([one], incident_id="i1"),
                                              incident([two], incident_id="i2", event_type=None)])
    ids = [reconciler.assign(u) for u in units_from_result(doc, document="d1")]
    assert ids == ["inc-000001", "inc-000002"]


def test_a_report_joins_the_closest_matching_incident():
    reconciler = Reconciler()
    near = reconciler.assign(unit_of("d1", place="Arden", lat=35.0, lon=36.0))
    reconciler.assign(unit_of("d2", place="Bexley", lat=35.2, lon=36.0))
    assert reconciler.assign(unit_of("d3", place="Arden East", lat=35.01, lon=36.0)) == near


def test_daily_events_in_one_town_do_not_chain_into_one_incident():
    reconciler = Reconciler()
    ids = [reconciler.assign(unit_of(f"d{day}", date=D(2025, 3, 1) + dt.timedelta(days=day)))
           for day in range(6)]
    assert ids[0] == ids[1] and ids[1] != ids[2] and ids[2] == ids[3] and len(set(ids)) == 3


def test_the_same_town_a_day_later_beats_another_place_in_the_province_the_same_day():
    reconciler = Reconciler()
    town = reconciler.assign(unit_of("d1", place="Arden", date=D(2025, 3, 5)))
    province = reconciler.assign(unit_of("d2", place="North", precision=3, date=D(2025, 3, 6), low=30))
    assert reconciler.assign(unit_of("d3", place="Arden", date=D(2025, 3, 6))) == town != province


def test_ids_continue_from_the_stored_sequence():
    reconciler = Reconciler(next_sequence=42)
    assert reconciler.assign(unit_of("d1")) == "inc-000042"


def test_a_copy_only_joins_its_original_incidents_and_creates_none():
    reconciler = Reconciler()
    original = reconciler.assign(unit_of("d1"))
    assert reconciler.assign(unit_of("d2", date=None), prefer=[original], create=False) == original
    assert reconciler.assign(unit_of("d3", place="Bexley"), prefer=[original], create=False) is None


def test_claims_outside_incidents_become_units_grouped_by_date_and_place():
    claims = [claim("c1"), claim("c2", outcome="injured"), claim("c3", place="Bexley")]
    units = units_from_result(result("d1", claims, incidents=[]), document="d1")
    assert sorted(len(u.claims) for u in units) == [1, 2]


def test_undated_units_fall_back_to_the_publication_date():
    one = claim(date=None)
    (unit,) = units_from_result(result("d1", [one], published=D(2025, 3, 8)), document="d1")
    assert unit.date.start == D(2025, 3, 8)


def test_merged_incident_keeps_every_claim_and_lists_sources():
    first = units_from_result(result("d1", [claim(low=10, source="Monitor A")]), document="d1")
    second = units_from_result(result("d2", [claim(low=14, source="Paper", kind="media")]),
                               document="d2")
    units = first + second
    claims = [c for u in units for c in u.claims]
    merged = build_incident("inc-000001", units, claims)
    assert merged.claims == ("d1/c1", "d2/c1")
    assert merged.sources == ("Monitor A", "Paper")
    assert (merged.killed.low, merged.killed.best, merged.killed.high) == (10, 10, 14)
    assert merged.disputed is True
    assert merged.event_type == "Violence against civilians"
    assert merged.location.name == "Arden"


def test_merged_incident_prefers_the_most_precise_location():
    vague = units_from_result(result("d1", [claim(place="North", precision=3)]), document="d1")
    exact = units_from_result(result("d2", [claim(place="Arden", precision=1)]), document="d2")
    units = vague + exact
    merged = build_incident("inc-000001", units, [c for u in units for c in u.claims])
    assert merged.location.name == "Arden"


def test_many_units_use_the_blocking_index_not_all_pairs():
    reconciler = Reconciler()
    for day in range(0, 900, 3):
        for town in range(5):
            date = D(2024, 1, 1) + dt.timedelta(days=day)
            reconciler.assign(unit_of(f"d{day}-{town}", date=date, place=f"Town {town}"))
    assert len(reconciler.clusters) == 1500
    late = unit_of("late", date=D(2024, 1, 1) + dt.timedelta(days=151), place="Town 3")
    candidates = list(reconciler._candidates(late))
    assert 0 < len(candidates) <= 15


@pytest.mark.parametrize("windows, expected", [
    ([(6, 6), (6, 6), (6, 7)], (6, 6)),
    ([(6, 7), (7, 7)], (7, 7)),
    ([(7, 7), (6, 6)], (6, 6)),
    ([], (None, None)),
])
def test_consensus_date_is_the_most_reported_then_narrowest_window(windows, expected):
    dates = [DateRange(D(2025, 3, a), D(2025, 3, b)) for a, b in windows]
    result = consensus_date(dates)
    day = lambda n: None if n is None else D(2025, 3, n)  # noqa: E731
    assert (result.start, result.end) == (day(expected[0]), day(expected[1]))


def test_with_a_store_behind_it_memory_holds_a_bounded_number_of_incidents(monkeypatch):
    from sitrep.reconcile import matching

    monkeypatch.setattr(matching, "MAX_IN_MEMORY", 10)
    stored: dict[str, Cluster] = {}
    reconciler = Reconciler(load=stored.get, lookup=lambda days, country: [])
    for day in range(30):
        unit = unit_of(f"d{day}", date=D(2024, 1, 1) + dt.timedelta(days=3 * day))
        incident_id = reconciler.assign(unit)
        stored[incident_id] = reconciler.clusters[incident_id]
    assert len(reconciler.clusters) <= 10
    again = unit_of("again", date=D(2024, 1, 1), source="Ministry", kind="official")
    reconciler._lookup = lambda days, country: ["inc-000001"]
    assert reconciler.assign(again) == "inc-000001"  # loaded back when it is a candidate
