"""Time reconciling synthetic claims across documents (target: 100,000 claims in 60 s).

Generates ``--claims`` claims in documents of ``--per-document`` claims, each
document reporting one of many incidents (a date, a town, a country) with its
own source and figures, then:

- ``reconcile``: units from each result, the blocking Reconciler, and the merged
  incident records (figures included), all in memory;
- ``store`` (with ``--store``): the same documents through ``IncidentStore.add``
  (one SQLite transaction per document, MinHash near-copy check included).

Usage: python benchmarks/reconcile.py [--claims 100000] [--per-document 2] [--store]
Last line of output: the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from sitrep.reconcile import Reconciler, build_incident, units_from_result
from sitrep.records import (
    Actor, CasualtyClaim, Count, DateRange, Document, Incident, Figures, Location,
    PublishedDate, Result, Source, Span, Victims,
)

KINDS = ("monitor", "official", "media", "media", "witness", "social_post", "unattributed")
CATEGORIES = ("civilians", "civilians", "state_forces", "non_state_armed", "unknown")
EVENT_TYPES = ("Battles", "Explosions/Remote violence", "Violence against civilians")


def make_documents(claims: int, per_document: int, seed: int) -> list[tuple[Document, Result]]:
    rng = random.Random(seed)
    documents = max(1, claims // per_document)
    incidents = max(1, documents // 5)
    towns = [(f"Town {n}", f"Region {n % 40}", f"C{n % 25}", 30 + (n % 97) * 0.3, 20 + (n // 97) * 0.3)
             for n in range(2000)]
    start = dt.date(2023, 1, 1)
    made = []
    for number in range(documents):
        incident = rng.randrange(incidents)
        town, admin1, country, lat, lon = towns[incident % len(towns)]
        day = start + dt.timedelta(days=(incident * 7919) % 730 + rng.choice((0, 0, 0, 1)))
        truth = 3 + incident % 60
        event_type = EVENT_TYPES[incident % 3]
        located = rng.random() < 0.7
        location = Location(town, admin1, country, lat if located else None,
                            lon if located else None, 1)
        doc_id = f"doc-{number}"
        source = Source(f"Source {rng.randrange(300)}", rng.choice(KINDS))
        claims_ = tuple(
            CasualtyClaim(
                id=f"c{k + 1}", outcome="killed" if k % 2 == 0 else "injured",
                count=Count(low := max(0, truth + rng.randint(-3, 6)), low, "exact", str(low)),
                victims=Victims(CATEGORIES[incident % len(CATEGORIES)], None), perpetrator=None,
                source=source, date=DateRange(day, day), location=location,
                evidence=Span(0, 10, f"{low} killed"))
            for k in range(per_document))
        incident_record = Incident(
            id="i1", event_type=event_type, sub_event_type=None, date=DateRange(day, day),
            location=location, actor1=Actor("Armed group"), actor2=None, killed=Figures(),
            injured=Figures(), claims=tuple(c.id for c in claims_), sources=(), disputed=False)
        text = f"Report {number} on incident {incident} in {town}: " + " ".join(
            rng.choice(("shelling", "raid", "clash", "ambush", "convoy", "market", "village", "road"))
            for _ in range(40))
        published = day + dt.timedelta(days=1)
        made.append((Document(id=doc_id, text=text, published=published),
                     Result(id=doc_id, published=PublishedDate(published, False), claims=claims_,
                            incidents=(incident_record,))))
    return made


def run_reconcile(documents: list[tuple[Document, Result]]) -> dict:
    started = time.perf_counter()
    reconciler = Reconciler()
    units_by_incident = defaultdict(list)
    for sequence, (document, result) in enumerate(documents, start=1):
        for unit in units_from_result(result, document=document.id, published=document.published,
                                      sequence=sequence):
            units_by_incident[reconciler.assign(unit)].append(unit)
    records = [build_incident(incident_id, units, [c for u in units for c in u.claims])
               for incident_id, units in units_by_incident.items()]
    seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "incidents": len(records),
            "disputed": sum(r.disputed for r in records)}


def run_store(documents: list[tuple[Document, Result]]) -> dict:
    from sitrep.store import IncidentStore

    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        with IncidentStore(Path(folder) / "bench.db") as store:
            for document, result in documents:
                store.add(document, result)
            counts = store.counts()
        seconds = time.perf_counter() - started
    return {"seconds": round(seconds, 2), "incidents": counts["incidents"],
            "documents_per_s": round(len(documents) / seconds, 1)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--claims", type=int, default=100_000)
    parser.add_argument("--per-document", type=int, default=2)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--store", action="store_true", help="also time the SQLite store path")
    args = parser.parse_args()
    documents = make_documents(args.claims, args.per_document, args.seed)
    claims = sum(len(r.claims) for _d, r in documents)
    figures = {"claims": claims, "documents": len(documents), "reconcile": run_reconcile(documents)}
    print(f"reconcile: {claims} claims in {len(documents)} documents -> "
          f"{figures['reconcile']['incidents']} incidents in {figures['reconcile']['seconds']} s "
          f"(target: 100,000 claims within 60 s)")
    if args.store:
        figures["store"] = run_store(documents)
        print(f"store: {figures['store']['seconds']} s, {figures['store']['documents_per_s']} documents/s")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
