"""Low / best / high within one document's incident."""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.extract.figures import incident_figures
from sitrep.pipeline import Pipeline
from sitrep.records import CasualtyClaim, Count, DateRange, Document, Figures, Source, Span, Victims

MONITOR = Source(name="Coastal Rights Monitor", kind="monitor")
MINISTRY = Source(name="Interior Ministry", kind="official")
POST = Source(name="Jane Roe", kind="social_post", handle="@janeroe")
ARTICLE = Source(name=None, kind="media")


def claim(cid, low, high=None, *, qualifier="exact", sentence=0, source=ARTICLE, category="unknown",
          part_of=None, text="", outcome="killed", evidence=""):
    high = low if high is None and qualifier == "exact" else high
    return CasualtyClaim(
        id=cid, outcome=outcome, count=Count(low=low, high=high, qualifier=qualifier, text=str(low)),
        victims=Victims(category=category, text=text or None), perpetrator=None, source=source,
        date=DateRange(dt.date(2025, 3, 6), dt.date(2025, 3, 6), None), location=None,
        evidence=Span(sentence, sentence + 10, evidence or f"sentence {sentence}"), part_of=part_of,
    )


@pytest.mark.parametrize(
    ("claims", "expected", "disputed"),
    [
        pytest.param([claim("c1", 1, category="civilians"), claim("c2", 6, category="perpetrators")],
                     Figures(7, 7, 7), False, id="different victims in one sentence add up"),
        pytest.param([claim("c1", 11, qualifier="at_least", category="mixed"),
                      claim("c2", 4, category="state_forces", part_of="c1"),
                      claim("c3", 7, category="perpetrators", part_of="c1")],
                     Figures(11, 11, 11), False, id="a breakdown never adds to its total"),
        pytest.param([claim("c1", 1, category="civilians"), claim("c2", 1, sentence=50)],
                     Figures(1, 1, 1), False, id="a restatement is the same victims"),
        pytest.param([claim("c1", 7, category="non_state_armed"),
                      claim("c2", 11, sentence=50, category="non_state_armed", text="11 more militants")],
                     Figures(18, 18, 18), False, id="more victims add"),
        pytest.param([claim("c1", 745, source=MONITOR, category="civilians"),
                      claim("c2", 2400, qualifier="at_least", sentence=50, source=POST, category="civilians")],
                     Figures(745, 745, 2400), True, id="a monitor beats a post and the spread is disputed"),
        pytest.param([claim("c1", 100, qualifier="vague", source=POST)],
                     Figures(100, 100, 100), False, id="a vague figure counts when nothing is precise"),
        pytest.param([claim("c1", 100, qualifier="vague", source=POST), claim("c2", 30, sentence=50)],
                     Figures(30, 30, 100), False, id="a vague figure does not lower the best"),
        pytest.param([claim("c1", 12, source=MINISTRY), claim("c2", 13, sentence=50, source=MONITOR)],
                     Figures(12, 12, 13), False, id="monitors and officials are one tier: the lower figure"),
        pytest.param([claim("c1", 10, 15, qualifier="range")], Figures(10, 10, 15), False, id="a range"),
        pytest.param([claim("c1", 4, category="state_forces"),
                      claim("c2", 0, sentence=50, evidence="Fatalities coded as 0 (group reported 4).")],
                     Figures(0, 0, 0), False, id="a coder's note fixes the figure"),
        pytest.param([claim("c1", 3, category="state_forces"),
                      claim("c2", 1, sentence=50, evidence="A passer-by was also killed.")],
                     Figures(4, 4, 4), False, id="'also killed' adds victims"),
        pytest.param([claim("c1", 2),
                      claim("c2", 2, sentence=50, evidence="Two bystanders were also killed.")],
                     Figures(4, 4, 4), False, id="'also killed' after a bare count adds victims"),
        pytest.param([claim("c1", 25, text="people"),
                      claim("c2", 1, sentence=50, category="non_state_armed",
                            evidence="The blast also killed a rebel commander.")],
                     Figures(25, 25, 25), False, id="'also killed' after a count of people is one of them"),
        pytest.param([claim("c1", 3),
                      claim("c2", 3, sentence=50, evidence="Three people died and police also arrested two.")],
                     Figures(3, 3, 3), False, id="'also' about another outcome adds nothing"),
        pytest.param([claim("c1", 10),
                      claim("c2", 5, sentence=50, evidence="An earlier bombing near the court killed 5 people.")],
                     Figures(15, 15, 15), False, id="an earlier bombing is another event"),
        pytest.param([claim("c1", 1, category="state_forces"),
                      claim("c2", 1, sentence=50, evidence="His bodyguard was also killed."),
                      claim("c3", 9, qualifier="at_least", sentence=100)],
                     Figures(9, 9, 9), False, id="a later larger total covers victims added before it"),
    ],
)
def test_incident_figures(claims, expected, disputed):
    assert incident_figures(claims, outcome="killed") == (expected, disputed)


def test_no_claims_of_an_outcome_gives_unknown_figures():
    assert incident_figures([claim("c1", 3)], outcome="injured") == (Figures(None, None, None), False)


def test_a_separate_attack_in_a_later_sentence_adds():
    claims = [claim("c1", 8, category="unknown"),
              claim("c2", 1, sentence=50, evidence="Another car bomb killed one person.")]
    assert incident_figures(claims, outcome="killed")[0].best == 9


def test_an_armed_partys_claim_neither_adds_nor_sets_the_best():
    claims = [claim("c1", 3, category="non_state_armed"),
              claim("c2", 15, sentence=50, category="state_forces",
                    evidence="The group also claimed 15 soldiers died.")]
    figures, _ = incident_figures(claims, outcome="killed")
    assert figures.best == 3 and figures.high == 15


def test_a_toll_that_rose_supersedes_the_figures_it_updates():
    claims = [claim("c1", 3, source=MINISTRY, evidence="Gunmen killed three officers, police said."),
              claim("c2", 5, sentence=50, source=Source(name="National police", kind="official"),
                    evidence="The death toll rose to five after two wounded officers died.")]
    assert incident_figures(claims, outcome="killed")[0] == Figures(5, 5, 5)


def test_no_one_killed_elsewhere_does_not_undercut_reported_deaths():
    claims = [claim("c1", 1, source=MINISTRY), claim("c2", 0, sentence=50, source=MONITOR)]
    assert incident_figures(claims, outcome="killed")[0].best == 1


def test_a_subset_among_the_dead_is_not_the_toll():
    claims = [claim("c1", 14, source=MINISTRY, evidence="The toll rose to 14."),
              claim("c2", 4, sentence=50, source=MINISTRY, category="state_forces",
                    evidence="Four soldiers were among the dead, the commander said.")]
    assert incident_figures(claims, outcome="killed")[0].best == 14


def test_a_later_partitive_statement_is_part_of_the_earlier_victims():
    unattributed = Source(name=None, kind="unattributed")
    claims = [claim("c1", 2, category="state_forces", source=unattributed),
              claim("c2", 1, sentence=50, category="state_forces", text="One of the soldiers")]
    assert incident_figures(claims, outcome="killed")[0] == Figures(2, 2, 2)


def test_a_qualified_partitive_from_another_source_is_a_subset_not_a_dispute():
    other = Source(name="local official", kind="official")
    claims = [claim("c1", 30, category="unknown", outcome="injured"),
              claim("c2", 8, qualifier="at_least", sentence=50, category="unknown", source=other,
                    text="at least eight of the wounded", outcome="injured")]
    assert incident_figures(claims, outcome="injured")[0].best == 30


def test_a_partitive_first_statement_still_counts():
    claims = [claim("c1", 1, text="one of them"),
              claim("c2", 1, sentence=50, text="another policeman")]
    assert incident_figures(claims, outcome="killed")[0].best == 2


def test_known_fatalities_added_to_a_coded_figure_count_once():
    text = ("On 4 June 2021, two soldiers were killed in a firefight with rebels near the post. "
            "Unknown fatalities coded at 3, in addition to 2 known fatalities.")
    result = Pipeline().extract(Document(id="x", text=text))
    assert [i.killed.best for i in result.incidents] == [5]


@pytest.mark.parametrize("note", ["Total fatalities coded to 10.", "Fatalities coded at 10.", "Fatalities coded as 10."])
def test_a_coders_figure_is_read_whatever_the_preposition(note):
    text = f"On 4 June 2021, an IED struck a patrol near the bridge, killing and wounding several soldiers. {note}"
    result = Pipeline().extract(Document(id="x", text=text))
    assert [i.killed.best for i in result.incidents] == [10]


def test_a_toll_that_sums_victims_also_killed_is_not_added_to_them():
    text = ("The River Watch monitor said it had recorded the deaths of 40 civilians in the district. "
            "It said 12 soldiers and 9 fighters had also been killed, bringing its overall toll to 61.")
    result = Pipeline().extract(Document(id="x", text=text))
    assert [i.killed.best for i in result.incidents] == [61]
