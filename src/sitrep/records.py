"""Typed records that flow between the pipeline stages.

Every record is a frozen dataclass. JSON conversion (the public output
contract, ``shared/docs/output-contract.md``) lives in :mod:`sitrep.serialize`.

Offsets (``start``/``end``) are always Python ``str`` indices into the
original input text of the document, exactly as given.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Literal

Outcome = Literal["killed", "injured", "missing", "abducted", "detained"]
OUTCOMES: tuple[str, ...] = ("killed", "injured", "missing", "abducted", "detained")

Qualifier = Literal["exact", "at_least", "at_most", "about", "range", "vague"]

VictimCategory = Literal[
    "civilians", "state_forces", "non_state_armed", "perpetrators", "mixed", "unknown"
]

SourceKind = Literal[
    "monitor", "official", "media", "social_post", "witness", "unattributed"
]


@dataclass(frozen=True, slots=True)
class Document:
    """One input article. ``text`` is the original text, never modified."""

    id: str
    text: str
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    origin: str | None = None  # file path or "<stdin>", for error messages
    warnings: tuple[str, ...] = ()  # e.g. invalid bytes replaced while decoding


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Post:
    """A social-media post embedded in an article."""

    platform: str  # "x", "instagram", "facebook", "telegram", "youtube"
    author: str | None
    handle: str | None
    date: dt.date | None
    url: str | None
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Duplicate:
    """A paragraph/sentence at [start, end) that repeats the one at [of_start, of_end)."""

    start: int
    end: int
    of_start: int
    of_end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class Count:
    low: int | None
    high: int | None
    qualifier: str  # Qualifier
    text: str


@dataclass(frozen=True, slots=True)
class Victims:
    category: str  # VictimCategory
    text: str | None


@dataclass(frozen=True, slots=True)
class Actor:
    name: str
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Source:
    name: str | None
    kind: str  # SourceKind
    handle: str | None = None


@dataclass(frozen=True, slots=True)
class DateRange:
    start: dt.date | None
    end: dt.date | None
    text: str | None = None


@dataclass(frozen=True, slots=True)
class Location:
    name: str
    admin1: str | None = None
    country: str | None = None  # ISO 3166-1 alpha-2
    lat: float | None = None
    lon: float | None = None
    precision: int | None = None  # ACLED geo_precision: 1, 2, 3


@dataclass(frozen=True, slots=True)
class PlaceMention:
    """A place name in the text, as the extractor found it (offsets into the original)."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class CasualtyClaim:
    id: str
    outcome: str  # Outcome
    count: Count
    victims: Victims
    perpetrator: Actor | None
    source: Source
    date: DateRange
    location: Location | None
    evidence: Span
    # Extensions beyond the v1 contract:
    part_of: str | None = None  # id of the claim whose total this one breaks down
    corroborated_by: tuple[Source, ...] = ()  # repeats of the statement (e.g. a post quoting it)
    places: tuple[PlaceMention, ...] = ()  # candidate place mentions, best first
    scope: str = "incident"  # "cumulative": a conflict's running toll ("since 2014"), kept out of incidents


@dataclass(frozen=True, slots=True)
class Figures:
    low: int | None = None
    best: int | None = None
    high: int | None = None


@dataclass(frozen=True, slots=True)
class Incident:
    id: str
    event_type: str | None
    sub_event_type: str | None
    date: DateRange
    location: Location | None
    actor1: Actor | None
    actor2: Actor | None
    killed: Figures
    injured: Figures
    claims: tuple[str, ...]
    sources: tuple[str, ...]
    disputed: bool


@dataclass(frozen=True, slots=True)
class PublishedDate:
    date: dt.date | None
    inferred: bool


@dataclass(frozen=True, slots=True)
class Result:
    """Everything sitrep extracted from one document."""

    id: str
    published: PublishedDate
    posts: tuple[Post, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    claims: tuple[CasualtyClaim, ...] = ()
    incidents: tuple[Incident, ...] = ()
    warnings: tuple[str, ...] = field(default=())
