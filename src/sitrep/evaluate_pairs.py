"""Measure cross-document merging: same-event pairs and one store of distinct events.

Two figures (``sitrep eval --pairs FILE`` and ``sitrep eval --one-store FILE``):

- **Pairs.** Each line ``{"pair_id", "a": {doc}, "b": {doc}, "same": bool, "why"?}``
  is ingested into a fresh store; the pair counts as *merged* when some
  incident holds both documents (or ``b`` is stored as a copy of ``a``).
  Precision, recall and F1 of "merged" against ``same``, for all pairs and for
  the two halves (odd and even lines), so that rules developed on one half can
  be checked on the other.
- **One store.** Gold rows of distinct events (each its own event, as ACLED
  codes them) are ingested into one store with ``published`` set to the coded
  date; the store's total killed and its number of incidents with deaths are
  compared with the coded sums. A distinct event must stay distinct.
"""

from __future__ import annotations

import dataclasses
import json
import tempfile
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import GoldFileError, InputError
from .evaluate import GoldRow
from .ingest.readers import document_from_record
from .records import Document, Result
from .store import IncidentStore, ingest_items
from .store.ingest import ExtractsMany


@dataclass(frozen=True, slots=True)
class Pair:
    id: str
    a: Document
    b: Document
    same: bool
    why: str | None = None
    line: int = 0


@dataclass(frozen=True, slots=True)
class PairOutcome:
    pair: str
    same: bool
    merged: bool
    why: str | None
    line: int

    def to_dict(self) -> dict:
        return {"pair_id": self.pair, "same": self.same, "merged": self.merged, "why": self.why}


@dataclass(frozen=True, slots=True)
class MergeScore:
    """Precision, recall and F1 of "merged" over some pairs."""

    name: str
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0

    @property
    def pairs(self) -> int:
        return self.true_pos + self.false_pos + self.false_neg + self.true_neg

    @property
    def precision(self) -> float | None:
        merged = self.true_pos + self.false_pos
        return self.true_pos / merged if merged else None

    @property
    def recall(self) -> float | None:
        same = self.true_pos + self.false_neg
        return self.true_pos / same if same else None

    @property
    def f1(self) -> float | None:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p and r else None

    def to_dict(self) -> dict:
        return {"name": self.name, "pairs": self.pairs, "true_pos": self.true_pos,
                "false_pos": self.false_pos, "false_neg": self.false_neg,
                "true_neg": self.true_neg, "precision": self.precision, "recall": self.recall,
                "f1": self.f1}


def score(outcomes: Iterable[PairOutcome], *, name: str) -> MergeScore:
    counts = {"true_pos": 0, "false_pos": 0, "false_neg": 0, "true_neg": 0}
    for outcome in outcomes:
        key = ("true_pos" if outcome.same else "false_pos") if outcome.merged else \
            ("false_neg" if outcome.same else "true_neg")
        counts[key] += 1
    return MergeScore(name=name, **counts)


@dataclass(frozen=True, slots=True)
class PairReport:
    outcomes: tuple[PairOutcome, ...]
    failed: tuple[str, ...] = ()  # pairs a document of which could not be processed

    @property
    def scores(self) -> tuple[MergeScore, ...]:
        """All pairs, then the odd lines (half A) and the even lines (half B)."""
        return (score(self.outcomes, name="all"),
                score((o for o in self.outcomes if o.line % 2 == 1), name="half A (odd lines)"),
                score((o for o in self.outcomes if o.line % 2 == 0), name="half B (even lines)"))

    def to_dict(self) -> dict:
        return {"scores": [s.to_dict() for s in self.scores], "failed": list(self.failed),
                "errors": [o.to_dict() for o in self.outcomes if o.same != o.merged]}


def read_pairs(path: str | Path) -> Iterator[Pair]:
    """The pairs of a JSONL file; GoldFileError names the first bad line."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise GoldFileError(f"cannot read pairs file: {exc}", source=str(path)) from None
    for number, line in enumerate(lines, start=1):
        if line.strip():
            yield pair_from_line(line, where=f"{path}:{number}", number=number)


def pair_from_line(line: str, *, where: str, number: int = 0) -> Pair:
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"invalid JSON: {exc.msg}", source=where) from None
    if not isinstance(record, dict) or not isinstance(record.get("same"), bool):
        raise GoldFileError("expected an object with a boolean 'same'", source=where)
    pair_id = str(record.get("pair_id") or number)
    try:
        a = document_from_record(record.get("a"), origin=f"{where}:a", default_id=f"{pair_id}-a")
        b = document_from_record(record.get("b"), origin=f"{where}:b", default_id=f"{pair_id}-b")
    except InputError as error:
        raise GoldFileError(str(error.args[0]), source=where) from None
    why = record.get("why") if isinstance(record.get("why"), str) else None
    return Pair(id=pair_id, a=a, b=b, same=record["same"], why=why, line=number)


def evaluate_pairs(pairs: Iterable[Pair], *, pipeline: ExtractsMany) -> PairReport:
    """Ingest each pair into a fresh store and record whether its documents merged."""
    pairs = list(pairs)
    documents = [document for pair in pairs for document in (pair.a, pair.b)]
    results = iter(pipeline.extract_many(documents))
    outcomes, failed = [], []
    for pair in pairs:
        result_a, result_b = next(results), next(results)
        if not isinstance(result_a, Result) or not isinstance(result_b, Result):
            failed.append(pair.id)
            continue
        outcomes.append(PairOutcome(pair=pair.id, same=pair.same, why=pair.why, line=pair.line,
                                    merged=pair_merged(pair, result_a, result_b)))
    return PairReport(outcomes=tuple(outcomes), failed=tuple(failed))


def pair_merged(pair: Pair, result_a: Result, result_b: Result) -> bool:
    """Whether a fresh store puts the two documents into one incident."""
    with IncidentStore(":memory:") as store:
        first = store.add(pair.a, result_a)
        second = store.add(pair.b, result_b)
        if second.status == "duplicate" or second.copy_of == first.document:
            return True
        return bool(store.incidents_of(first.document) & store.incidents_of(second.document))


@dataclass(frozen=True, slots=True)
class OneStoreReport:
    rows: int
    coded_killed: int
    coded_rows_with_deaths: int
    store_killed: int
    store_incidents: int
    store_incidents_with_deaths: int
    copies: int
    failed: int
    merged_documents: dict[str, int] = field(default_factory=dict)  # incident -> documents (> 1)

    @property
    def killed_ratio(self) -> float | None:
        return self.store_killed / self.coded_killed if self.coded_killed else None

    @property
    def with_deaths_ratio(self) -> float | None:
        rows = self.coded_rows_with_deaths
        return self.store_incidents_with_deaths / rows if rows else None

    def to_dict(self) -> dict:
        data = {f.name: getattr(self, f.name) for f in dataclasses.fields(self)}
        data.update(killed_ratio=self.killed_ratio, with_deaths_ratio=self.with_deaths_ratio)
        return data


def evaluate_one_store(rows: Iterable[GoldRow], *, pipeline: ExtractsMany,
                       path: str | Path | None = None) -> OneStoreReport:
    """Ingest every row (published = its coded date) into one store and compare totals."""
    rows = list(rows)
    documents = [dataclasses.replace(row.document, published=row.gold.date or row.document.published)
                 for row in rows]
    with tempfile.TemporaryDirectory(prefix="sitrep-one-store-") as folder:
        with IncidentStore(path or Path(folder) / "one-store.db") as store:
            report = ingest_items(documents, store=store, pipeline=pipeline)
            incidents = [stored for stored in store.incidents()]
    killed = [s.incident.killed.best or 0 for s in incidents]
    return OneStoreReport(
        rows=len(rows),
        coded_killed=sum(row.gold.killed or 0 for row in rows),
        coded_rows_with_deaths=sum(1 for row in rows if (row.gold.killed or 0) > 0),
        store_killed=sum(killed),
        store_incidents=len(incidents),
        store_incidents_with_deaths=sum(1 for k in killed if k > 0),
        copies=report.copies,
        failed=len(report.failures),
        merged_documents={s.incident.id: s.documents for s in incidents if s.documents > 1},
    )


def format_pair_report(report: PairReport) -> str:
    lines = [f"{'pairs':<22}{'n':>5}{'TP':>5}{'FP':>5}{'FN':>5}{'TN':>5}"
             f"{'precision':>11}{'recall':>8}{'F1':>7}"]
    for s in report.scores:
        lines.append(f"{s.name:<22}{s.pairs:>5}{s.true_pos:>5}{s.false_pos:>5}{s.false_neg:>5}"
                     f"{s.true_neg:>5}{_number(s.precision):>11}{_number(s.recall):>8}"
                     f"{_number(s.f1):>7}")
    if report.failed:
        lines.append(f"failed pairs: {', '.join(report.failed)}")
    return "\n".join(lines)


def format_one_store(report: OneStoreReport) -> str:
    return "\n".join([
        f"rows: {report.rows} ({report.failed} failed, {report.copies} stored as near-copies)",
        f"killed: store {report.store_killed} / coded {report.coded_killed}"
        f" = {_number(report.killed_ratio)}",
        f"incidents with deaths: store {report.store_incidents_with_deaths} / coded rows with "
        f"deaths {report.coded_rows_with_deaths} = {_number(report.with_deaths_ratio)}",
        f"incidents: {report.store_incidents}; holding more than one document: "
        f"{len(report.merged_documents)}",
    ])


def _number(value: float | None) -> str:
    return "-" if value is None else f"{value:.3f}"
