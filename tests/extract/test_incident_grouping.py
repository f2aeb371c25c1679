"""Grouping a document's claims into incidents: an overview sentence and its details."""

from __future__ import annotations

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _figures(pipeline, text):
    result = pipeline.extract(Document(id="t", text=text))
    return [(i.killed.best, i.injured.best) for i in result.incidents]


def test_details_that_fit_inside_an_overview_are_not_more_victims(pipeline):
    text = ("A wave of bombings across the country killed 40 people and injured 95 others. "
            "In Basra, a car bomb killed 22 and injured 51. "
            "In Karbala, two blasts killed 15 and injured 40.")
    assert _figures(pipeline, text) == [(40, 95)]


def test_details_larger_than_the_overview_stay_separate_incidents(pipeline):
    text = ("A wave of bombings across the country killed 10 people. "
            "In Basra, a car bomb killed 22. "
            "In Karbala, two blasts killed 15.")
    assert sum(k for k, _ in _figures(pipeline, text)) > 10


def test_another_attack_after_an_overview_still_adds(pipeline):
    text = ("A series of attacks across the province killed 12 people. "
            "Separately, gunmen in Mosul killed another five soldiers.")
    assert sum(k for k, _ in _figures(pipeline, text)) == 17


def test_details_that_add_up_exactly_to_the_lead_total_are_its_parts(pipeline):
    text = ("Bombings in three northern towns killed 19 people and wounded 52 on Tuesday. "
            "In Tal Kaif, a car bomb killed 8 and wounded 30. "
            "Two roadside bombs in Bashiqa left 6 dead and 12 wounded. "
            "In Alqosh a suicide bomber killed 5 worshippers and injured 10 others.")
    assert _figures(pipeline, text) == [(19, 52)]


def test_attacks_enumerated_with_another_are_parts_when_they_sum_to_the_lead(pipeline):
    text = ("At least nine people were killed and 25 wounded in attacks in the capital on Monday. "
            "A bomb near a bakery killed four people and wounded 11 others, police said. "
            "In another attack, a mortar round killed five civilians and wounded 14.")
    assert _figures(pipeline, text) == [(9, 25)]


def test_one_attack_of_several_restating_the_lead_figure_is_not_counted_twice(pipeline):
    text = ("Six soldiers were wounded when rebels launched three coordinated attacks on army posts. "
            "In the first attack, rebels fired rockets at a base but no one was hurt. "
            "In the second attack, gunmen ambushed a patrol, wounding six soldiers.")
    assert _figures(pipeline, text) == [(None, 6)]


def test_a_second_attack_with_the_same_toll_is_more_victims_without_a_summary(pipeline):
    text = ("A car bomb killed five people in the market of Kirkuk on Sunday. "
            "Another bomb killed five people in Tikrit on Sunday.")
    assert sum(k for k, _ in _figures(pipeline, text)) == 10


def test_details_that_exceed_an_open_lead_total_raise_it_to_their_sum(pipeline):
    text = ("More than 40 people were wounded in a wave of bombings across the province on Friday. "
            "A car bomb in Hilla wounded 25 people, police said. "
            "In Kut, two roadside bombs wounded 19.")
    assert _figures(pipeline, text) == [(None, 44)]


def test_a_breakdown_in_the_lead_sentence_does_not_raise_its_total_beside_the_details(pipeline):
    text = ("At least 30 people, including 8 soldiers, were killed in a string of bombings across the north. "
            "Seven soldiers were killed when a mine hit their truck, while at least 15 civilians died in two "
            "blasts near Gao. Six policemen were killed in clashes near Kidal.")
    assert _figures(pipeline, text) == [(30, None)]


def test_deaths_in_an_attack_on_a_rally_are_its_toll_not_the_cause_of_a_protest(pipeline):
    text = "A gunman fired at an anti-government rally in the square, killing 3 and wounding 21."
    assert _figures(pipeline, text) == [(3, 21)]



def test_one_and_the_other_of_a_pair_already_counted_are_not_more_victims(pipeline):
    text = "A mob killed two suspected thieves in the market. One was burnt alive and the other was beaten to death."
    assert _figures(pipeline, text) == [(2, None)]


def test_at_least_is_not_a_place_phrase_before_a_second_outcome(pipeline):
    text = "Insurgents killed at least 9 people and injured 9 when they raided two villages."
    assert _figures(pipeline, text) == [(9, 9)]


@pytest.mark.parametrize(
    "text",
    [
        "On 9 June 2020, in Ecatepec, Mexico State, a man was shot dead by two gunmen in Colonia Jardines. 1 fatality.",
        "On 9 June 2020, in Tlaquepaque, a woman was found dead in Colonia Lomas del Centro. "
        "The victim was executed with a shot to the head. 1 fatality",
        "On 9 June 2020, a supporter of a local councillor was killed in an attack by followers of another "
        "councillor in Charghat village.",
    ],
)
def test_one_victim_told_three_ways_is_one_death(pipeline, text):
    assert _figures(pipeline, text) == [(1, None)]


def test_a_lead_total_of_deaths_folds_its_details_while_the_injured_add_up(pipeline):
    text = ("Eight people were killed in three bombings in the capital. The first bomb hit a bus station, "
            "killing four civilians. Six others were also wounded. In the second bombing, a guard was killed and "
            "another was wounded. In the third bombing, three people were killed and five wounded.")
    assert _figures(pipeline, text) == [(8, 12)]


def test_a_breakdown_after_among_them_and_a_colon_is_part_of_its_total(pipeline):
    text = "Nine people were killed, among them: five policemen, two students and a shopkeeper."
    assert _figures(pipeline, text) == [(9, None)]


def test_a_toll_over_the_last_months_belongs_to_no_incident(pipeline):
    text = "Gunmen shot dead a teacher on Monday. Militants have killed more than 150 teachers in the last six months."
    assert _figures(pipeline, text) == [(1, None)]


def test_a_closing_in_total_restates_the_lead_and_does_not_raise_it(pipeline):
    text = ("Raids by armed groups killed at least 40 civilians in the town of Bria. Gunmen first attacked a "
            "market, then another group killed dozens of people at a mosque. In total 40 people were killed.")
    assert _figures(pipeline, text)[0][0] == 40


def test_a_third_blast_mentioned_beside_an_unconfirmed_toll_adds_no_victims(pipeline):
    text = ("Five people were killed after two explosions hit the city. Unconfirmed reports put the death toll at "
            "12, with a third blast in the evening.")
    assert _figures(pipeline, text)[0][0] in (5, 12)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("A gunman opened fire in a bar. Two people died and two others got serious injuries. "
         "Five people also got light injuries.", [(2, 7)]),
        ("At least 4 people were killed and 9 injured when a mine exploded. 3 more people were killed and "
         "2 injured in a shooting nearby.", [(7, 11)]),
        ("A parcel bomb exploded at the office, injuring the wife of a senior official and at least two other "
         "people.", [(None, 3)]),
        ("A nurse, a shopkeeper and a young student were wounded when the mortar landed.", [(None, 3)]),
    ],
)
def test_victims_added_in_later_words_are_added(pipeline, text, expected):
    assert _figures(pipeline, text) == expected


def test_two_details_in_one_later_sentence_that_add_up_to_the_lead_are_its_parts(pipeline):
    text = ("Eight travellers were killed after gunmen stopped their minibus near the river. "
            "The gunmen beheaded the driver and then killed seven other passengers.")
    assert [k for k, _ in _figures(pipeline, text)] == [8]


def test_an_attack_the_next_day_adds_even_when_it_matches_the_lead(pipeline):
    text = ("A car bomb killed three people at a checkpoint on Monday. "
            "The next day another bomb killed a policeman and two guards.")
    assert sum(k for k, _ in _figures(pipeline, text)) == 6
