import pytest

from sitrep.geocode import find_place_mentions
from sitrep.nlp import get_nlp
from sitrep.geocode.mentions import compound_head


def _mentions(text, gazetteer):
    return find_place_mentions(get_nlp()(text), gazetteer=gazetteer)


@pytest.mark.parametrize("text, expected", [
    ("Gunmen stormed the village of Tell Sumaq, south of Homs, before dawn.", ["Tell Sumaq", "Homs"]),
    ("Shelling hit the Hama countryside on Sunday.", ["Hama"]),
    ("Two people died in Maywand district, Kandahar province, officials said.", ["Maywand", "Kandahar"]),
    ("Residents fled the outskirts of Aleppo overnight.", ["Aleppo"]),
    ("In Celaya, Guanajuato, a patrol was attacked.", ["Celaya", "Guanajuato"]),
    ("Gunmen killed two men in San Juan de los Lagos, Jalisco.", ["San Juan de los Lagos", "Jalisco"]),
    ("Troops searched the forest of Tamou at dawn.", ["Tamou"]),
    ("Gunmen shot a trader in Timbuktu (Tombouctou) at night.", ["Timbuktu", "Tombouctou"]),
    ("Surfers rallied at Muizenberg (City of Cape Town, Western Cape).", ["Muizenberg", "Cape Town", "Western Cape"]),
    ("Monitors heard shots near Zolote-5 overnight.", ["Zolote-5"]),
    ("Police fired on traders in Qwertdere (Somali region) on Monday.", ["Qwertdere", "Somali"]),
    ("A man was robbed in Port of Spain on Monday.", ["Port of Spain"]),
    ("Envoys of Spain met in Lisbon.", ["Spain", "Lisbon"]),
])
def test_place_patterns_yield_mentions(gazetteer, text, expected):
    names = [m.name for m in _mentions(text, gazetteer)]
    assert names == expected


@pytest.mark.parametrize("text, absent", [
    ("Defense Minister Israel Katz spoke to reporters in Jerusalem.", {"Israel", "Defense", "Israel Katz"}),
    ("A General Security patrol was ambushed near Jableh.", {"General Security", "General"}),
    ("Hezbollah fighters withdrew from the border.", {"Hezbollah"}),
    ("Syrian forces advanced on Thursday.", {"Syrian", "Thursday"}),
    ("The UK-based monitor and Iran-backed militias reported losses.", {"UK", "Iran"}),
    ("Anger at the high US dollar exchange rate grew in Halba.", {"US"}),
    ("A US military drone was seen over the valley.", {"US"}),
    ("The blast wounded a US soldier and two contractors in the market.", {"US"}),
    ("Rioters threw stones at Military forces in Sidon.", {"Military"}),
])
def test_people_organisations_and_common_words_are_not_mentions(gazetteer, text, absent):
    names = {m.name for m in _mentions(text, gazetteer)}
    assert not names & absent


def test_offsets_index_the_document_text(gazetteer):
    text = "Witnesses said the convoy was hit near Banias late on Friday."
    (mention,) = _mentions(text, gazetteer)
    assert text[mention.start:mention.end] == mention.name == "Banias"


def test_mentions_come_in_text_order_without_overlaps(gazetteer):
    text = "Clashes spread from Latakia to Tartus and then to Homs."
    mentions = _mentions(text, gazetteer)
    assert [m.name for m in mentions] == ["Latakia", "Tartus", "Homs"]
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


@pytest.mark.parametrize("text, name", [
    ("Truck drivers blocked the Halba highway with their vans.", "Halba"),
    ("Students closed the Jableh roundabout for an hour.", "Jableh"),
])
def test_a_known_place_naming_a_road_or_square_is_a_mention(gazetteer, text, name):
    assert name in [m.name for m in _mentions(text, gazetteer)]


@pytest.mark.parametrize("name, head", [
    ("Rural Damascus", "Damascus"), ("Bujumbura Rural", "Bujumbura"), ("Aleppo Countryside", "Aleppo"),
    ("Ruralville", None), ("Western Anbar", "Anbar"), ("North London", "London"), ("Southwestern Iowa", "Iowa"), ("Northampton", None),
])
def test_the_rural_land_around_a_town_has_the_town_as_its_head(name, head):
    assert compound_head(name) == head


@pytest.mark.parametrize("text, name, found", [
    ("Regime forces shelled Tell Qasra in Idleb on Monday.", "Tell Qasra", True),
    ("Militants raided Bir Zaytun (Kafr Takharim, Idleb) at dawn.", "Bir Zaytun", True),
    ("Gunmen attacked Omar Saleh in Kabul on Monday.", "Omar Saleh", False),
    ("Militants stormed the Noor Hospital in Kabul.", "Noor Hospital", False),
])
def test_an_unknown_place_shelled_or_raided_in_a_known_one_is_a_mention(gazetteer, text, name, found):
    assert (name in [m.name for m in _mentions(text, gazetteer)]) is found
