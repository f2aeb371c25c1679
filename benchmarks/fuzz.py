"""Fuzzing: mutated articles through extraction and through ingest, counting inputs and failures.

A seeded generator takes sitrep's own fixture articles (tests/fixtures/articles,
examples/) and mutates them the way scrapers and hostile pages do: control
characters, lone surrogates, binary junk, counts too large to be real
("99999999999999999999 killed", "10^6", "9 quintillion"), extreme dates in the
text and as publication dates, stray and deeply nested HTML, huge words,
other scripts, truncation and repetition. Each input then goes

* through ``Pipeline.extract_many`` (as a Document), and
* as a JSONL line (or a raw file of bytes) through reading and ``ingest_items``
  into a temporary store,

and is checked: no exception escapes, no record is lost (every record comes
out as a result or a failure with a reason), a failure is a refusal of bad
input (``input_error``) never a defect (``extraction_error``, ``store_error``),
every evidence span indexes the original text, and the output serialises to
UTF-8 JSON.

Usage: python benchmarks/fuzz.py [--inputs 1000000] [--seed 1] [--batch 50] [--report-every 500]
Runs until ``--inputs`` ran (or Ctrl-C); prints inputs run / failures as it goes
and the first failures with the seed that reproduces them. Last line: JSON figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE_FILES = sorted((ROOT / "tests" / "fixtures" / "articles").glob("*.txt")) + [ROOT / "examples" / "coastal_clashes.txt"]

HUGE_NUMBERS = ("99999999999999999999 people were killed", "10^6 people died", "9 quintillion civilians were killed",
                "1e308 soldiers were wounded", "18446744073709551617 were injured", "-5 people were killed",
                "9,223,372,036,854,775,808 dead", "NaN people died", "twelve hundred thousand million were killed",
                "at least 2147483648 were killed")
EXTREME_DATES = ("on 31 December 9999", "on 1 January 0001", "on 29 February 2023", "on 32/13/2020",
                 "in the year 10000", "on 0000-00-00", "on Monday, December 31, 9999,", "on 31.12.99999",
                 "yesterday", "on 9999-12-31", "on 1 January 1")
PUBLISHED = (None, None, None, dt.date(2024, 5, 2), dt.date(9999, 12, 31), dt.date(1, 1, 1), dt.date(1970, 1, 1),
             dt.date(2199, 12, 31), dt.date(2000, 2, 29))
ODD_TEXT = ("\u202e", "\u200b\u200b", "\ufeff", "e\u0301\u0301\u0301", "\U0001f525\U0001f4a5", "中文新闻", "قتل",
            "убиты", "\u00a0\u00a0", "\r", "\r\n", "\t", "\u2028", "\x85", "â€™", "k1lled", "d.e.a.d",
            "<div>" * 40, "</p><p>", "<script>alert(1)</script>", "&amp;&#0;&#xD800;", "@handle", "#tag",
            "pic.twitter.com/abc", "— Name (@n) May 5, 2024")


@dataclass(frozen=True, slots=True)
class FuzzInput:
    """One generated input: a document's fields, and raw bytes for the file path (None: use the text)."""

    seed: int
    id: str
    text: str
    published: dt.date | None
    raw: bytes | None = None


class FuzzGenerator:
    """Seeded mutated articles; input ``n`` of seed ``s`` is the same on every run."""

    def __init__(self, *, seed: int) -> None:
        self.seed = seed
        self.bases = [path.read_text(encoding="utf-8") for path in BASE_FILES]

    def inputs(self, count: int, *, start: int = 0) -> Iterator[FuzzInput]:
        for number in range(start, start + count):
            yield self.make(number)

    def make(self, number: int) -> FuzzInput:
        rng = random.Random(self.seed * 1_000_003 + number)
        base = rng.choice(self.bases)
        paragraphs = [p for p in base.split("\n\n") if p.strip()]
        first = rng.randrange(len(paragraphs))
        text = "\n\n".join(paragraphs[first:first + rng.randint(1, 4)])
        for _ in range(rng.randint(1, 5)):
            text = rng.choice(MUTATIONS)(rng, text)
        doc_id = rng.choice((f"fuzz-{number}", f"fuzz-{number}\ud800", "", f"fuzz {number} \x00", f"{number}" * 50))
        raw = None
        if rng.random() < 0.1:
            raw = _raw_bytes(rng, text)
        return FuzzInput(seed=number, id=doc_id, text=text, published=rng.choice(PUBLISHED), raw=raw)


def _insert(rng: random.Random, text: str, piece: str) -> str:
    at = rng.randint(0, len(text))
    return text[:at] + piece + text[at:]


def _controls(rng, text):
    return _insert(rng, text, "".join(chr(rng.choice([*range(0, 32), *range(127, 160)])) for _ in range(rng.randint(1, 20))))


def _surrogates(rng, text):
    return _insert(rng, text, "".join(chr(rng.randint(0xD800, 0xDFFF)) for _ in range(rng.randint(1, 3))))


def _huge_number(rng, text):
    return _insert(rng, text, f" {rng.choice(HUGE_NUMBERS)} {rng.choice(EXTREME_DATES)}. ")


def _extreme_date(rng, text):
    return _insert(rng, text, f" Gunmen killed {rng.randint(1, 50)} people {rng.choice(EXTREME_DATES)}, police said. ")


def _odd_text(rng, text):
    return _insert(rng, text, rng.choice(ODD_TEXT))


def _junk(rng, text):
    return _insert(rng, text, bytes(rng.getrandbits(8) for _ in range(rng.randint(1, 400))).decode("latin-1"))


def _long_word(rng, text):
    return _insert(rng, text, " " + rng.choice("ak.-,0") * rng.randint(100, 5_000) + " ")


def _repeat(rng, text):
    return text + "\n\n" + text[: rng.randint(0, len(text))]


def _truncate(rng, text):
    return text[: rng.randint(0, len(text))]


def _newlines(rng, text):
    return _insert(rng, text, rng.choice(("\n", "\r\n", "\n\n \n")) * rng.randint(10, 2000))


def _html(rng, text):
    depth = rng.choice((3, 60, 300))
    return "<html><body>" + "<div>" * depth + text.replace("\n\n", "</p><p>") + "</div>" * depth + "</body></html>"


MUTATIONS = (_controls, _surrogates, _huge_number, _extreme_date, _odd_text, _junk, _long_word, _repeat,
             _truncate, _newlines, _html)


def _raw_bytes(rng: random.Random, text: str) -> bytes:
    """The input as a file a scraper might save: an encoding, a binary signature, or junk bytes."""
    choice = rng.randrange(5)
    safe = text.encode("utf-8", errors="replace")
    if choice == 0:
        return text.encode("utf-16", errors="replace")
    if choice == 1:
        return rng.choice((b"\x7fELF", b"\x89PNG\r\n\x1a\n", b"PK\x03\x04", b"%PDF-1.4\n")) + safe
    if choice == 2:
        return bytes(rng.getrandbits(8) for _ in range(rng.randint(0, 2000)))
    if choice == 3:
        return text.encode("cp1252", errors="replace")
    return b"\xef\xbb\xbf" + safe


# --------------------------------------------------------------------------- checks


@dataclass(slots=True)
class FuzzReport:
    inputs: int = 0
    failures: list[str] = field(default_factory=list)

    def fail(self, item: FuzzInput, what: str) -> None:
        self.failures.append(f"seed {item.seed} (id {item.id[:20]!r}): {what}")


def check_extraction(items: list[FuzzInput], report: FuzzReport, *, pipeline) -> None:
    """``Pipeline.extract_many`` over the inputs as Documents."""
    from sitrep.pipeline import FailedDocument
    from sitrep.records import Document, Result
    from sitrep.serialize import to_dict

    documents = [Document(id=i.id, text=i.text, published=i.published) for i in items]
    try:
        outputs = list(pipeline.extract_many(documents))
    except Exception as exc:  # noqa: BLE001 - the finding: the batch ended
        for item in items:
            report.fail(item, f"extract_many raised {type(exc).__name__}: {exc}")
        return
    if len(outputs) != len(items):
        report.fail(items[0], f"{len(items)} documents in, {len(outputs)} out")
        return
    for item, output in zip(items, outputs):
        if isinstance(output, FailedDocument):
            if output.error.code != "input_error" or "empty" not in output.error.message and "at most" not in output.error.message:
                report.fail(item, f"failed: {output.error.code}: {output.error.message[:200]}")
            continue
        if not isinstance(output, Result):
            report.fail(item, f"unexpected output {type(output).__name__}")
            continue
        problem = _result_problem(item.text, output, to_dict)
        if problem:
            report.fail(item, problem)


def _result_problem(text: str, result, to_dict) -> str | None:
    from sitrep.clean.characters import replace_lone_surrogates

    text = replace_lone_surrogates(text)[0]  # replaced one for one, with a warning
    for claim in result.claims:
        span = claim.evidence
        if not (0 <= span.start <= span.end <= len(text)) or text[span.start:span.end] != span.text:
            return f"claim {claim.id} evidence does not index the original text"
        for value in (claim.count.low, claim.count.high):
            if value is not None and not 0 <= value < 2**63:
                return f"claim {claim.id} count {value} cannot be stored"
    try:
        json.dumps(to_dict(result), ensure_ascii=False).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError) as exc:
        return f"output does not serialise: {type(exc).__name__}: {exc}"
    return None


def check_ingest(items: list[FuzzInput], report: FuzzReport, *, pipeline, folder: Path) -> None:
    """The inputs as JSONL lines (raw ones as files) read and ingested into a fresh store."""
    from sitrep.store import IncidentStore, ingest_paths

    folder.mkdir(parents=True, exist_ok=True)
    lines = [json.dumps({"id": i.id, "text": i.text, "published": i.published.isoformat() if i.published else None})
             for i in items if i.raw is None]
    (folder / "batch.jsonl").write_text("".join(line + "\n" for line in lines), encoding="ascii")
    raw = [i for i in items if i.raw is not None]
    for number, item in enumerate(raw):
        (folder / f"raw-{number}.txt").write_bytes(item.raw)
    try:
        with IncidentStore(folder / "fuzz.db") as store:
            outcome = ingest_paths([folder / "batch.jsonl", *sorted(folder.glob("raw-*.txt"))], store=store,
                                   pipeline=pipeline)
            stored = store.counts()["documents"]
    except Exception as exc:  # noqa: BLE001 - the finding: the run ended
        report.fail(items[0], f"ingest raised {type(exc).__name__}: {exc}")
        return
    records = len(lines) + len(raw)
    if outcome.processed != records:
        report.fail(items[0], f"ingest lost records: {records} in, {outcome.processed} accounted for")
    if outcome.added + outcome.copies != stored:
        report.fail(items[0], f"ingest says {outcome.added + outcome.copies} stored, the store holds {stored}")
    for failure in outcome.failures:
        if failure.code != "input_error":
            report.fail(items[0], f"ingest failure {failure.code}: {failure.message[:200]}")


def run(count: int, *, seed: int, batch: int, start: int = 0, report_every: int = 0,
        report: FuzzReport | None = None) -> FuzzReport:
    from sitrep.pipeline import Pipeline

    report = report if report is not None else FuzzReport()
    generator = FuzzGenerator(seed=seed)
    pipeline = Pipeline()
    done = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="sitrep-fuzz-") as temporary:
        while done < count:
            size = min(batch, count - done)
            items = list(generator.inputs(size, start=start + done))
            check_extraction(items, report, pipeline=pipeline)
            check_ingest(items, report, pipeline=pipeline, folder=Path(temporary) / f"b{start + done}")
            done += size
            report.inputs += size
            if report_every and report.inputs % report_every < size:
                rate = report.inputs / (time.perf_counter() - started)
                print(f"{report.inputs} inputs run, {len(report.failures)} failures ({rate:.1f} inputs/s)",
                      flush=True)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--start", type=int, default=0, help="first input number (to resume a run)")
    parser.add_argument("--batch", type=int, default=50)
    parser.add_argument("--report-every", type=int, default=500)
    args = parser.parse_args(argv)
    report = FuzzReport()
    try:
        run(args.inputs, seed=args.seed, batch=args.batch, start=args.start, report_every=args.report_every,
            report=report)
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
    for failure in report.failures[:20]:
        print(f"FAILURE {ascii(failure)}")
    print(json.dumps({"seed": args.seed, "inputs": report.inputs, "failures": len(report.failures)}))
    return 1 if report.failures else 0


if __name__ == "__main__":
    sys.exit(main())
