import datetime as dt

import pytest
from sitrep_store_builders import sourced

from sitrep.reconcile import figures
from sitrep.records import Figures


def test_no_claims_give_unknown_figures_not_zero():
    result = figures([])
    assert result.killed == Figures(None, None, None)
    assert result.injured == Figures(None, None, None)
    assert result.disputed is False


@pytest.mark.parametrize("reports, expected, disputed", [
    # one monitor: all three figures are its figure
    ([("d1", "Monitor A", "monitor", 20)], (20, 20, 20), False),
    # three sources within 20% agree
    ([("d1", "Monitor A", "monitor", 20), ("d2", "Ministry", "official", 22),
      ("d3", "Paper", "media", 23)], (20, 20, 23), False),
    # a monitor beats an unattributed report for best, even when higher
    ([("d1", None, "unattributed", 12), ("d2", "Monitor A", "monitor", 30)], (12, 30, 30), True),
    # best is the conservative figure among the best tier
    ([("d1", "Monitor A", "monitor", 40), ("d2", "Ministry", "official", 25),
      ("d3", "@someone", "social_post", 90)], (25, 25, 90), True),
    # media over posts when no monitor or official speaks
    ([("d1", "@someone", "social_post", 5), ("d2", "Paper", "media", 9)], (5, 9, 9), True),
    # exactly 20% apart is not disputed; just over is
    ([("d1", "A", "media", 100), ("d2", "B", "media", 120)], (100, 100, 120), False),
    ([("d1", "A", "media", 100), ("d2", "B", "media", 121)], (100, 100, 121), True),
])
def test_low_best_high_and_dispute_across_sources(reports, expected, disputed):
    claims = [sourced(doc, claim_id="c1", source=name, kind=kind, low=figure)
              for doc, name, kind, figure in reports]
    result = figures(claims)
    assert (result.killed.low, result.killed.best, result.killed.high) == expected
    assert result.disputed is disputed


def test_breakdown_and_its_total_agree_and_are_never_added():
    claims = [
        sourced("d1", claim_id="total", low=1018, victims="mixed", source="Monitor A"),
        sourced("d1", claim_id="a", low=745, victims="civilians", source="Monitor A", part_of="total"),
        sourced("d1", claim_id="b", low=125, victims="state_forces", source="Monitor A", part_of="total"),
        sourced("d1", claim_id="c", low=148, victims="non_state_armed", source="Monitor A",
                part_of="total"),
    ]
    result = figures(claims)
    assert result.killed == Figures(1018, 1018, 1018)
    assert result.disputed is False


def test_breakdown_without_a_stated_total_adds_up_to_the_total_another_source_gives():
    claims = [
        sourced("d1", claim_id="a", low=745, victims="civilians", source="Monitor A"),
        sourced("d1", claim_id="b", low=125, victims="state_forces", source="Monitor A"),
        sourced("d1", claim_id="c", low=148, victims="non_state_armed", source="Monitor A"),
        sourced("d2", claim_id="c1", low=1018, victims="unknown", source="Ministry", kind="official"),
    ]
    result = figures(claims)
    assert result.killed == Figures(1018, 1018, 1018)
    assert result.disputed is False


def test_a_later_report_of_the_same_source_supersedes_its_earlier_one():
    claims = [
        sourced("d1", published=dt.date(2025, 3, 6), sequence=1, low=12, source="Health Ministry",
                kind="official"),
        sourced("d2", published=dt.date(2025, 3, 8), sequence=2, low=30, source="health ministry",
                kind="official"),
    ]
    result = figures(claims)
    assert result.killed == Figures(30, 30, 30)
    assert result.disputed is False


def test_a_toll_that_rose_within_one_article_counts_its_latest_figure():
    claims = [
        sourced("d1", claim_id="c1", low=8, source="Civil Defence", kind="official"),
        sourced("d1", claim_id="c2", low=15, source="Civil Defence", kind="official"),
    ]
    assert figures(claims).killed == Figures(15, 15, 15)


def test_unnamed_sources_in_different_documents_are_different_voices():
    claims = [
        sourced("d1", low=10, source=None, kind="unattributed", sequence=1),
        sourced("d2", low=20, source=None, kind="unattributed", sequence=2),
    ]
    result = figures(claims)
    assert result.killed == Figures(10, 10, 20)
    assert result.disputed is True


def test_a_syndicated_copy_is_no_new_voice():
    claims = [
        sourced("d1", low=10, source="Paper", kind="media"),
        sourced("d2", low=50, source="Other Paper", kind="media", copy_of="d1"),
        sourced("d2", claim_id="c2", low=70, source=None, kind="unattributed", copy_of="d1"),
    ]
    result = figures(claims)
    assert result.killed == Figures(10, 10, 10)
    assert result.disputed is False


def test_an_updated_copy_supersedes_its_original_figure_for_the_same_source():
    claims = [
        sourced("d1", low=10, source="Paper", kind="media", sequence=1),
        sourced("d2", low=14, source="Paper", kind="media", copy_of="d1", sequence=2),
    ]
    assert figures(claims).killed == Figures(14, 14, 14)


def test_an_unnamed_figure_updated_in_a_copy_counts_once():
    claims = [
        sourced("d1", low=10, source=None, kind="unattributed", sequence=1),
        sourced("d2", low=12, source=None, kind="unattributed", copy_of="d1", sequence=2),
    ]
    result = figures(claims)
    assert result.killed == Figures(12, 12, 12)
    assert result.disputed is False


@pytest.mark.parametrize("low, high, qualifier, expected", [
    (2400, None, "at_least", Figures(2400, 2400, 2400)),
    (10, 15, "range", Figures(10, 10, 15)),
    (50, 50, "about", Figures(50, 50, 50)),
])
def test_count_qualifiers_give_the_bounds_they_state(low, high, qualifier, expected):
    claims = [sourced(low=low, high=high, qualifier=qualifier)]
    assert figures(claims).killed == expected


def test_vague_counts_only_count_when_nothing_precise_is_known():
    vague = sourced("d1", low=12, qualifier="vague", source="Paper", kind="media")
    precise = sourced("d2", low=40, source="Monitor A")
    assert figures([vague, precise]).killed == Figures(40, 40, 40)
    assert figures([vague]).killed == Figures(12, 12, 12)


def test_injured_figures_are_kept_apart_from_killed():
    claims = [sourced("d1", claim_id="c1", low=7), sourced("d1", claim_id="c2", low=30, outcome="injured")]
    result = figures(claims)
    assert result.killed == Figures(7, 7, 7)
    assert result.injured == Figures(30, 30, 30)


def test_a_dispute_over_the_injured_marks_the_incident_disputed():
    claims = [sourced("d1", low=30, outcome="injured", source="A", kind="media"),
              sourced("d2", low=60, outcome="injured", source="B", kind="media")]
    assert figures(claims).disputed is True


def test_zero_against_a_positive_figure_is_a_dispute():
    claims = [sourced("d1", low=0, source="Army", kind="official"),
              sourced("d2", low=4, source="Monitor A")]
    result = figures(claims)
    assert result.killed == Figures(0, 0, 4)
    assert result.disputed is True


def test_the_seed_pattern_monitor_against_larger_unattributed_and_post():
    claims = [
        sourced("d1", claim_id="c1", low=745, victims="civilians", source="Observatory"),
        sourced("d1", claim_id="c2", low=2400, qualifier="at_least", victims="civilians",
                source=None, kind="unattributed"),
        sourced("d1", claim_id="c3", low=100, qualifier="vague", victims="civilians",
                source=None, kind="social_post", handle="@poster"),
    ]
    result = figures(claims)
    assert result.killed.low == 745
    assert result.killed.best == 745
    assert result.killed.high >= 2400
    assert result.disputed is True
