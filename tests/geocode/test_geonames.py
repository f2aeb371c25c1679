import re
from pathlib import Path

import pytest

from sitrep.cli import main
from sitrep.errors import GazetteerError
from sitrep.geocode.gazetteer import Gazetteer
from sitrep.geocode.geonames import file_kind, import_files

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "geocode"


def _load(path, *names, as_csv=False):
    return import_files([FIXTURES / n for n in names], gazetteer_path=path, as_csv=as_csv)


@pytest.mark.parametrize("name, kind", [
    ("allCountries.txt", "geonames"), ("SY.txt", "geonames"), ("alternateNamesV2.txt", "alternate_names"),
    ("admin1CodesASCII.txt", "admin1"), ("places.csv", "csv"),
])
def test_file_kind_follows_geonames_file_names(tmp_path, name, kind):
    assert file_kind(tmp_path / name) == kind


def test_dump_import_indexes_populated_places_and_their_alternate_names(empty_gazetteer_path):
    reports = _load(empty_gazetteer_path, "sy_sample.txt")
    assert reports[0].rows == 4  # the mountain (class T) is skipped
    gazetteer = Gazetteer(empty_gazetteer_path)
    assert [p.name for p in gazetteer.lookup("Tel Sosan")] == ["Tell Sawsan"]
    assert gazetteer.lookup("Jabal Fiddi") == ()


def test_admin1_codes_give_names_to_places_of_the_region(empty_gazetteer_path):
    _load(empty_gazetteer_path, "sy_sample.txt", "admin1_sample.txt")
    gazetteer = Gazetteer(empty_gazetteer_path)
    (village,) = gazetteer.lookup("Marj al Ward")
    assert village.admin1_name == "Sahil"
    region = [p for p in gazetteer.lookup("Sahil") if p.kind == "admin1"]
    assert region and region[0].geonameid == 9100004


def test_alternate_names_file_adds_names_but_skips_links_and_unknown_ids(empty_gazetteer_path):
    reports = _load(empty_gazetteer_path, "sy_sample.txt", "alternateNames_sample.txt")
    assert reports[1].rows == 1
    gazetteer = Gazetteer(empty_gazetteer_path)
    assert [p.name for p in gazetteer.lookup("Marj Alward")] == ["Marj al Ward"]
    assert gazetteer.lookup("Nowhere Town") == ()


def test_local_csv_names_and_aliases_are_found(empty_gazetteer_path):
    _load(empty_gazetteer_path, "local_names.csv")
    gazetteer = Gazetteer(empty_gazetteer_path)
    (farm,) = gazetteer.lookup("Sindiyan Farm")
    assert (farm.name, farm.country, farm.admin1_name, farm.kind) == ("Mazraat al-Sindiyan", "SY", "Tartus", "local")
    assert gazetteer.lookup("Camp 7")[0].country == "SD"


@pytest.mark.parametrize("name, message", [
    ("bad_dump.txt", r"bad_dump.txt: line 1: expected 19 tab-separated columns, found 5"),
    ("bad_local_names.csv", r"bad_local_names.csv: line 3: lat is not a number: 'north'"),
    ("missing.txt", r"missing.txt: cannot read file"),
])
def test_bad_files_raise_gazetteer_error_naming_file_and_line(empty_gazetteer_path, name, message):
    with pytest.raises(GazetteerError) as caught:
        _load(empty_gazetteer_path, name)
    assert re.search(message, caught.value.message)


def test_a_failed_file_keeps_none_of_its_rows(empty_gazetteer_path):
    with pytest.raises(GazetteerError):
        _load(empty_gazetteer_path, "bad_local_names.csv")
    assert Gazetteer(empty_gazetteer_path).lookup("Good Place") == ()


def test_cli_load_and_lookup(empty_gazetteer_path, capsys):
    assert main(["gazetteer", "load", "--gazetteer", str(empty_gazetteer_path),
                 str(FIXTURES / "sy_sample.txt")]) == 0
    assert "4 geonames rows imported" in capsys.readouterr().out
    assert main(["gazetteer", "lookup", "--gazetteer", str(empty_gazetteer_path), "Kasr Nour"]) == 0
    assert '"name": "Qasr Nour"' in capsys.readouterr().out


def test_cli_reports_a_bad_file_as_an_error(empty_gazetteer_path, capsys):
    code = main(["gazetteer", "load", "--gazetteer", str(empty_gazetteer_path), str(FIXTURES / "bad_dump.txt")])
    assert code == 2
    assert "bad_dump.txt: line 1" in capsys.readouterr().err
