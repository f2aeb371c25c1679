"""Whole news articles: one figure per event, however often and by however many sources it is told.

Each case is a short article written for sitrep (several paragraphs, often three or more
sources) with the incidents a careful analyst would code: per incident the killed ``best``
(and, where the case is about it, ``low``/``high``, ``disputed`` or the injured). The numbered
points are those of the whole-article issue: restated tolls, competing figures, names and
ages, families, background events, protests, outcomes in other words, individuals, lists.
"""

from __future__ import annotations

import datetime as dt

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document

PUBLISHED = dt.date(2024, 5, 20)  # a Monday


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _killed(pipeline, text: str) -> list[int | None]:
    result = pipeline.extract(Document(id="a", text=text, published=PUBLISHED))
    return [i.killed.best for i in result.incidents]


# (1) restated tolls ----------------------------------------------------------------------------

RESTATED = [
    pytest.param(
        "At least 12 people were killed in a market attack in Dorvale on Monday.\n\n"
        "Witnesses said the attackers arrived on motorcycles and opened fire on traders.\n\n"
        "The blast killed 12 people, police said. A hospital official said 12 bodies had been brought in.",
        [12], id="lead-restated-by-police-and-hospital"),
    pytest.param(
        "A farmer was killed in the east of the country.\n\n"
        "Local radio reported that on Saturday gunmen shot the farmer as he tended his field near Korvik.",
        [1], id="undated-lead-dated-in-the-body"),
    pytest.param(
        "Nine people died in a bus bombing in the south, the regional governor said.\n\n"
        "The bomb exploded on Friday as the bus left the station, killing nine passengers, a police "
        "spokesman told reporters. A rescue worker said nine bodies were pulled from the wreck.",
        [9], id="three-sources-one-toll"),
    pytest.param(
        "Eight people died in the shooting at the school. Five students and three teachers were killed "
        "in the shooting, the principal said.",
        [8], id="total-then-breakdown"),
]


@pytest.mark.parametrize(("text", "killed"), RESTATED)
def test_a_restated_toll_is_one_figure(pipeline, text, killed):
    assert _killed(pipeline, text) == killed


# (3) named victims and ages, (4) families ---------------------------------------------------------

NAMES_AND_AGES = [
    pytest.param(
        "At least six members of the Haddad family were killed when an airstrike hit their home in Korvik "
        "on Sunday, the civil defence said.\n\n"
        "Relatives named the dead as Samir Haddad (61), his wife Leila (58) and their grandchildren Rami (9) "
        "and Yara (4).\n\n"
        "Another woman, 34-year-old Huda Haddad, died in hospital, a cousin wrote on Facebook. "
        "The six other victims were identified by neighbours.",
        [6], id="ages-in-brackets-and-names-after-a-family-total"),
    pytest.param(
        "An entire family of five was killed in a strike on the Nasser building on Tuesday, a local "
        "journalist reported.\n\n"
        "Medics said the bodies of a father, a mother and three children, aged 2, 6 and 11, were recovered. "
        "His brother told a rights group that three generations of one family had been wiped out.",
        [5], id="family-of-five-with-ages"),
    pytest.param(
        "Seven civilians, including two women, were killed when a shell struck a bakery in Tarsin on "
        "Friday, according to the health ministry.\n\n"
        "A 12-year-old boy was among the dead, his uncle told reporters. The baker, Yusuf Karam, 47, was "
        "killed as he opened the shop, a neighbour said.",
        [7], id="a-7-year-old-is-no-count"),
]


@pytest.mark.parametrize(("text", "killed"), NAMES_AND_AGES)
def test_named_victims_and_ages_are_parts_of_the_toll(pipeline, text, killed):
    assert _killed(pipeline, text) == killed


@pytest.mark.parametrize("text", [
    "Samir Haddad (61), his wife Leila (58) and their son Rami (9) were killed in the strike.",
    "The strike killed Samir Haddad (61 years old) and his wife Leila (58).",
])
def test_an_age_in_brackets_is_never_a_count(pipeline, text):
    result = pipeline.extract(Document(id="a", text=text, published=PUBLISHED))
    assert not {c.count.low for c in result.claims} & {58, 61, 9}


# (5) other events -------------------------------------------------------------------------------

OTHER_EVENTS = [
    pytest.param(
        "Herders shot dead four villagers in Amdara on Sunday, a local official said.\n\n"
        "Herders then killed a farmer near Kulbo on Tuesday, residents said.",
        [4, 1], id="a-later-dated-killing-is-its-own-incident"),
    pytest.param(
        "Gunmen killed 12 people at a market in Dorvale on Monday, police said.\n\n"
        "In a separate attack in Kano, two traders were shot dead, a witness said.",
        [12, 2], id="a-separate-attack-is-its-own-incident"),
]


@pytest.mark.parametrize(("text", "killed"), OTHER_EVENTS)
def test_another_event_in_the_article_is_never_added_to_the_first(pipeline, text, killed):
    assert _killed(pipeline, text) == killed


# (8) individuals, (9) qualified lists -------------------------------------------------------------

def test_fighters_of_two_sides_make_a_battle(pipeline):
    text = ("A monitoring group said 40 soldiers and 52 rebel fighters were killed in three days of "
            "fighting around Tel Amar. Residents said the shelling had emptied the town.")
    result = pipeline.extract(Document(id="a", text=text, published=PUBLISHED))
    assert [(i.event_type, i.killed.best) for i in result.incidents] == [("Battles", 92)]


@pytest.mark.parametrize(("text", "place"), [
    ("MAIDUGURI, Nigeria - Insurgents killed six fishermen near Baga on Saturday, a militia leader said.", "Baga"),
    ("KABUL (Reuters) - A roadside bomb killed two soldiers in Lashkar Gah on Monday.", "Lashkar Gah"),
])
def test_a_dateline_is_not_the_place_of_the_event(pipeline, text, place):
    result = pipeline.extract(Document(id="a", text=text, published=PUBLISHED))
    assert [i.location.name for i in result.incidents] == [place]


# (2) competing figures and updates, (6) protests, (8) individuals, (9) qualified lists --------------

def _incidents(pipeline, text):
    return pipeline.extract(Document(id="a", text=text, published=PUBLISHED)).incidents


def test_competing_figures_are_one_disputed_incident_with_the_conservative_best(pipeline):
    text = ("Health officials said 17 people died in the attack on the Tamer market on Sunday.\n\n"
            "A rights group put the toll at 21, a monitoring network told reporters.\n\n"
            "Residents said the market had reopened only a week earlier.")
    [incident] = _incidents(pipeline, text)
    assert (incident.killed.low, incident.killed.best, incident.killed.high, incident.disputed) == (17, 17, 21, True)


def test_a_toll_update_makes_the_latest_figure_best_and_keeps_the_first_as_a_claim(pipeline):
    text = ("Initially nine people were reported dead after the strike on the Deir camp on Sunday, civil "
            "defence said.\n\nThe toll rose to 14 as bodies were recovered, the health ministry said on Monday.")
    result = pipeline.extract(Document(id="a", text=text, published=PUBLISHED))
    assert [i.killed.best for i in result.incidents] == [14]
    assert {c.count.low for c in result.claims if c.outcome == "killed"} == {9, 14}
    assert next(c for c in result.claims if c.count.low == 9).source.name == "civil defence"


@pytest.mark.parametrize(("text", "killed"), [
    pytest.param("Security forces opened fire on the protesters in Dalen on Friday, killing 11, a rights group said.",
                 [11], id="deaths-at-a-protest-count"),
    pytest.param("Hundreds marched in Korvik on Saturday protesting the killing of three teenagers by police last week.",
                 [0], id="deaths-that-caused-the-protest-do-not"),
    pytest.param("Gunmen shot and killed Jamal Idris, a district official, in Maro on Sunday.", [1],
                 id="a-named-individual"),
    pytest.param("At least five fighters, two soldiers and three civilians were killed in clashes near Tel Amar on "
                 "Sunday.", [10], id="a-qualified-list-of-kinds-adds-up"),
    pytest.param("Eleven people, including four soldiers and seven assailants, were killed near Tel Amar on Sunday.",
                 [11], id="an-including-list-is-a-breakdown"),
])
def test_protests_individuals_and_lists(pipeline, text, killed):
    assert _killed(pipeline, text) == killed
