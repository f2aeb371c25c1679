"""Place and country figures of the whole pipeline on a gold file, split by row parity.

    python benchmarks/geocode_acled.py [--data PATH] [--misses PATH] [--doc-cache PATH]

Scores rows as ``sitrep eval`` does (``place``: a location named like the gold
city or within 25 km of it; ``country``: some location's country is the gold
one) and prints the figures for all rows, even-numbered rows (by position,
for development) and odd-numbered ones (for checking). ``--misses`` writes
one JSON line per wrong figure with the mentions each group was given.
``--doc-cache`` keeps the spaCy parses on disk so later runs skip the model.
"""

from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

from sitrep import pipeline as pipeline_module
from sitrep.evaluate import read_gold, score_row
from sitrep.geocode import Geocoder
from sitrep.nlp import get_nlp
from sitrep.pipeline import Pipeline

DEFAULT_DATA = Path(__file__).resolve().parents[2] / "shared/data/dev/acled-2020-dev.jsonl"
FIELDS = ("place", "country")


class RecordingGeocoder(Geocoder):
    """A geocoder that remembers the groups of its last call and times every call."""

    def __init__(self) -> None:
        super().__init__()
        self.last_groups: list[list[str]] = []
        self.seconds = 0.0

    def locate(self, text, groups):
        started = time.perf_counter()
        result = super().locate(text, groups)
        self.seconds += time.perf_counter() - started
        self.last_groups = [[m.name for m in group] for group in groups]
        return result


class CachedNlp:
    """Stands in for the spaCy model: parses come from a DocBin file when it exists."""

    def __init__(self, path: Path, texts: list[str]) -> None:
        from spacy.tokens import DocBin

        nlp = get_nlp()
        if path.exists():
            self.docs = list(DocBin().from_disk(path).get_docs(nlp.vocab))
        else:
            self.docs = list(nlp.pipe(texts, batch_size=64))
            store = DocBin(attrs=["ORTH", "TAG", "HEAD", "DEP", "ENT_IOB", "ENT_TYPE", "LEMMA", "POS",
                                  "MORPH", "SENT_START", "IS_SPACE"], store_user_data=False)
            for doc in self.docs:
                store.add(doc)
            store.to_disk(path)
        self.by_text = {doc.text: doc for doc in self.docs}
        self.nlp = nlp

    def pipe(self, texts, **_options):
        for text in texts:
            yield self.by_text.get(text) or self.nlp(text)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--misses", type=Path)
    parser.add_argument("--doc-cache", type=Path)
    args = parser.parse_args()
    rows = list(read_gold(args.data))
    if args.doc_cache:
        from sitrep.clean import clean_text

        cached = CachedNlp(args.doc_cache, [clean_text(r.document.text).text for r in rows])
        pipeline_module.get_nlp = lambda: cached
    geocoder = RecordingGeocoder()
    pipeline = Pipeline(geocoder=geocoder)
    tallies = {(f, part): [0, 0] for f in FIELDS for part in ("all", "even", "odd")}
    misses = []
    for position, row in enumerate(rows):
        result = pipeline.extract(row.document)
        for outcome in score_row(row.gold, result):
            if outcome.field not in FIELDS:
                continue
            for part in ("all", "even" if position % 2 == 0 else "odd"):
                tallies[(outcome.field, part)][0] += outcome.correct
                tallies[(outcome.field, part)][1] += 1
            if not outcome.correct:
                misses.append({"position": position, "id": row.id, "field": outcome.field,
                                "gold": outcome.gold, "predicted": outcome.predicted,
                                "groups": geocoder.last_groups, "incidents": len(result.incidents), "text": row.document.text[:300]})
    for field in FIELDS:
        figures = "  ".join(f"{part} {c / n:.3f} (n={n})" for part in ("all", "even", "odd")
                            for c, n in [tallies[(field, part)]] if n)
        print(f"{field:8s} {figures}")
    print(f"geocoding {1000 * geocoder.seconds / max(1, len(rows)):.2f} ms per document")
    if args.misses:
        with args.misses.open("w", encoding="utf-8") as stream:
            for miss in misses:
                stream.write(json.dumps(miss, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
