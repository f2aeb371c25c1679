from pathlib import Path

import pytest

from sitrep.geocode.admin1 import admin1_alternates, admin1_names

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geocode"

CITIES = [
    {"countrycode": "SY", "admin1code": "14", "latitude": 35.05, "longitude": 36.1},
    {"countrycode": "SY", "admin1code": "14", "latitude": 35.12, "longitude": 36.02},
    {"countrycode": "SY", "admin1code": "02", "latitude": 35.41, "longitude": 35.99},
    {"countrycode": "SY", "admin1code": "02", "latitude": 1.0, "longitude": 1.0},
    {"countrycode": "NG", "admin1code": "00", "latitude": 10.5, "longitude": 7.4},
]


def test_admin1_names_join_cities_by_country_and_position():
    names = admin1_names(CITIES, FIXTURES / "admin1_names_sample.csv")
    assert names == {("SY", "14"): "Muhafazat Sahil", ("SY", "02"): "Latakia"}


def test_without_a_names_file_no_admin1_is_named():
    assert admin1_names(CITIES, None) == {}


@pytest.mark.parametrize("name, alternates", [
    ("Muhafazat al Bayda'", ["al Bayda'"]),
    ("Soqatra Governorate", ["Soqatra"]),
    ("Kaduna", []),
])
def test_admin1_alternates_drop_generic_prefixes_and_suffixes(name, alternates):
    assert admin1_alternates(name) == alternates


@pytest.mark.parametrize("name, expected", [
    ("Northern Darfur", {"North Darfur", "Nord Darfur"}),
    ("South Kivu", {"Sud Kivu", "Kivu Sud", "Southern Kivu"}),
    ("Far North", {"Extreme Nord"}),
    ("West", {"Ouest"}),
    ("Sha`biyat al Jabal al Gharbi", {"Jabal al Gharbi"}),
])
def test_admin1_alternates_spell_direction_words_other_ways(name, expected):
    assert expected <= set(admin1_alternates(name))


@pytest.mark.parametrize("name", ["Western", "Kivu", "Centre-Est"])
def test_admin1_alternates_leave_names_without_one_direction_word_alone(name):
    assert admin1_alternates(name) == []


@pytest.mark.parametrize("name, expected", [
    ("North-West", {"Northwest", "Nord-Ouest"}),
    ("Sud-Ouest", {"South-West", "Southwest"}),
    ("Southeast", {"South-East", "Sud-Est"}),
    ("North-West Province", {"North-West", "Nord-Ouest"}),
])
def test_admin1_alternates_spell_two_direction_names_in_english_and_french(name, expected):
    assert expected <= set(admin1_alternates(name))
