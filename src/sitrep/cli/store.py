"""``sitrep ingest | incidents | show | export``: the incident store from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from ..errors import InputError, StoreError
from .extract import iso_date
from ..reconcile import statements
from ..serialize import to_dict
from ..store import DEFAULT_PATH, IncidentDetail, IncidentStore, ProgressBar, ingest_paths
from ..store.query import BBox

EVENT_FILTERS = ("since", "until", "country", "event_type", "min_killed", "disputed", "bbox", "text")


def register(subparsers) -> None:
    ingest = subparsers.add_parser(
        "ingest", help="extract, store and reconcile articles, folders, JSONL and feed files",
        description="Read files, folders (recursively), JSONL and RSS/Atom feed files; extract "
                    "each new document and merge its incidents into the store.")
    ingest.add_argument("paths", nargs="+", metavar="PATH")
    _add_db(ingest)
    ingest.add_argument("--strict", action="store_true",
                        help="exit non-zero if any file or document failed")
    ingest.set_defaults(handler=run_ingest)

    incidents = subparsers.add_parser("incidents", help="list stored incidents")
    _add_db(incidents)
    _add_filters(incidents)
    incidents.add_argument("--format", choices=("table", "json"), default="table")
    incidents.set_defaults(handler=run_incidents)

    show = subparsers.add_parser("show", help="an incident's claims, sources and evidence")
    show.add_argument("id", help="incident id, e.g. inc-000001")
    _add_db(show)
    show.add_argument("--format", choices=("text", "json"), default="text")
    show.set_defaults(handler=run_show)

    export = subparsers.add_parser("export", help="export incidents as ACLED/UCDP CSV, GeoJSON or JSONL")
    _add_db(export)
    _add_filters(export)
    export.add_argument("--format", choices=("acled", "ucdp", "geojson", "jsonl"), required=True)
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
    parser.add_argument("--country", metavar="CC", help="ISO 3166-1 alpha-2 code, e.g. SY")
    parser.add_argument("--type", dest="event_type", metavar="EVENT_TYPE",
                        help="ACLED event type, e.g. 'Battles'")
    parser.add_argument("--min-killed", type=int, metavar="N", help="best killed figure at least N")
    parser.add_argument("--disputed", action="store_const", const=True, help="only disputed incidents")
    parser.add_argument("--bbox", type=_bbox, metavar="W,S,E,N", help="located inside this box (degrees)")
    parser.add_argument("--text", metavar="WORDS", help="words in the evidence sentences or place names")


def _bbox(text: str) -> BBox:
    try:
        return BBox.parse(text)
    except InputError as error:
        raise argparse.ArgumentTypeError(str(error.args[0])) from None


def _filters(args: argparse.Namespace) -> dict:
    return {name: getattr(args, name) for name in EVENT_FILTERS}


def _open_existing(path: str) -> IncidentStore:
    if not Path(path).exists():
        raise StoreError("no such database; run `sitrep ingest` first", source=path)
    return IncidentStore(path)


def run_ingest(args: argparse.Namespace) -> int:
    from ..pipeline import Pipeline

    progress = ProgressBar(sys.stderr, every=1)
    with IncidentStore(args.db) as store:
        try:
            report = ingest_paths(args.paths, store=store, pipeline=Pipeline(), progress=progress)
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
    lines += ["", "documents:"]
    for document in detail.documents:
        copy = f" (copy of {document.copy_of}, similarity {document.similarity:.2f})" \
            if document.copy_of else ""
        lines.append(f"  {document.key}: {document.title or document.origin or ''} "
                     f"{document.url or ''} {document.published or ''}{copy}".rstrip())
    return "\n".join(lines)


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
