"""Low / best / high figures of an incident from all the claims about it.

The rules, in order (one pure function, :func:`figures`):

1. Only claims with a figure count. A syndicated copy is no new voice: its
   claims only count as an update of a source its original already quotes
   (an updated wire story), never as a statement of their own.
2. A breakdown never adds to its total: a claim whose ``part_of`` total is
   present in the same document is dropped.
3. Claims are gathered into *statements*: one source in one document (a copy
   counts as its original). A named source's statements across documents are
   one voice: its latest report (by publication date, then ingest order)
   supersedes the earlier ones ("the death toll rose to ...").
4. A statement's figure is the source's figure in its latest document, by the
   same rules as the document's own incident (:mod:`sitrep.extract.figures`:
   victims of different kinds add up, restatements and a toll that rose do
   not, coders' notes fix the figure); one rule, so ``sitrep extract`` and the
   store never disagree about one document.
5. ``low`` is the lowest statement, ``high`` the highest (upper bound when the
   count gives one), ``best`` the lowest statement of the best tier of source
   present (monitors and officials, then media and witnesses, then posts and
   unattributed reports). Vague counts ("dozens") only count when nothing
   precise is known.
6. ``disputed`` when statements differ by more than 20%.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..extract.figures import incident_figures, source_rank
from ..records import CasualtyClaim, Figures

DISPUTE_RATIO = 1.2


@dataclass(frozen=True, slots=True)
class SourcedClaim:
    """A claim with the document it came from, as the store keeps it."""

    claim: CasualtyClaim
    document: str  # the store's document key
    published: dt.date | None = None
    sequence: int = 0  # ingest order of the document: later is newer when dates tie
    copy_of: str | None = None  # the original, when the document is a syndicated copy

    @property
    def ref(self) -> str:
        return f"{self.document}/{self.claim.id}"

    @property
    def independent(self) -> bool:
        return self.copy_of is None

    @property
    def voice_document(self) -> str:
        """The document whose voice the claim is: a copy speaks for its original."""
        return self.copy_of or self.document

    @property
    def order(self) -> tuple:
        return (self.published or dt.date.min, self.sequence, self.document)


@dataclass(frozen=True, slots=True)
class Statement:
    """One source's figure for an incident in one document."""

    source: str
    document: str
    tier: int
    low: int
    high: int
    vague: bool
    breakdown: tuple[tuple[str, int], ...]  # victim category -> figure
    claims: tuple[str, ...]  # refs of the claims it rests on


@dataclass(frozen=True, slots=True)
class FigureSet:
    killed: Figures
    injured: Figures
    disputed: bool


def source_label(claim: CasualtyClaim) -> str | None:
    """The name under which a claim's source is listed, or None when unnamed."""
    return claim.source.name or claim.source.handle


def source_key(claim: SourcedClaim) -> str:
    """Named sources are one voice across documents; unnamed ones are per document."""
    label = source_label(claim.claim)
    if label:
        return " ".join(label.casefold().split())
    return f"{claim.claim.source.kind}@{claim.voice_document}"


def figures(claims: Iterable[SourcedClaim]) -> FigureSet:
    """Killed and injured figures of one incident, and whether the sources disagree."""
    claims = list(claims)
    killed, killed_disputed = figures_for(statements(claims, outcome="killed"))
    injured, injured_disputed = figures_for(statements(claims, outcome="injured"))
    return FigureSet(killed=killed, injured=injured, disputed=killed_disputed or injured_disputed)


def statements(claims: Sequence[SourcedClaim], *, outcome: str) -> list[Statement]:
    """The current statements about one outcome (rules 1 to 4)."""
    usable = [c for c in claims if c.claim.outcome == outcome and c.claim.count.low is not None]
    present = {(c.document, c.claim.id) for c in usable}
    usable = [c for c in usable
              if c.claim.part_of is None or (c.document, c.claim.part_of) not in present]
    voices = {(source_key(c), c.voice_document) for c in usable if c.independent}
    groups: dict[tuple[str, str], list[SourcedClaim]] = defaultdict(list)
    for claim in usable:
        key = (source_key(claim), claim.voice_document)
        if key in voices:
            groups[key].append(claim)
    latest: dict[str, tuple[tuple, list[SourcedClaim]]] = {}
    for (key, _document), members in groups.items():
        order = max(m.order for m in members if m.independent)
        if key not in latest or order > latest[key][0]:
            latest[key] = (order, members)
    return [_statement(key, members) for key, (_order, members) in latest.items()]


def _statement(key: str, members: list[SourcedClaim]) -> Statement:
    """One source's figure in one document, by the same rules as a document's own incident."""
    lows: dict[str, tuple[tuple, int]] = {}
    for member in members:
        order = member.order[:2]  # the latest document's figure; in one document the highest
        category = member.claim.victims.category
        lows[category] = max(lows.get(category, (order, 0)), (order, member.claim.count.low))
    counted = [m for m in members if m.independent] or members
    outcome = members[0].claim.outcome
    latest = max(m.order[:2] for m in members)
    current: dict[str, CasualtyClaim] = {}
    for member in sorted(members, key=lambda m: not m.independent):  # a copy repeats its original's claims
        if member.order[:2] == latest:
            current.setdefault(member.claim.id, member.claim)
    in_document, _ = incident_figures(list(current.values()), outcome=outcome)
    low = in_document.best if in_document.best is not None else 0
    return Statement(
        source=key,
        document=counted[0].voice_document,
        tier=min(source_rank(m.claim.source) for m in counted),
        low=low,
        high=max(low, in_document.high if in_document.high is not None else low),
        vague=all(m.claim.count.qualifier == "vague" for m in members),
        breakdown=tuple(sorted((k, v) for k, (_o, v) in lows.items())),
        claims=tuple(m.ref for m in members),
    )


def figures_for(found: Sequence[Statement]) -> tuple[Figures, bool]:
    """Low/best/high and dispute from the current statements (rules 5 and 6)."""
    precise = [s for s in found if not s.vague]
    found = precise or list(found)
    if not found:
        return Figures(), False
    best_tier = min(s.tier for s in found)
    low = min(s.low for s in found)
    figures_ = Figures(
        low=low,
        best=min(s.low for s in found if s.tier == best_tier),
        high=max(s.high for s in found),
    )
    points = [s.low for s in found]
    smallest, largest = min(points), max(points)
    disputed = largest > smallest * DISPUTE_RATIO if smallest > 0 else largest > 0
    return figures_, disputed


def best_statement(claims: Iterable[SourcedClaim], *, outcome: str = "killed") -> Statement | None:
    """The statement that gives the best figure (for per-category export columns)."""
    found = statements(list(claims), outcome=outcome)
    found = [s for s in found if not s.vague] or found
    if not found:
        return None
    best_tier = min(s.tier for s in found)
    return min((s for s in found if s.tier == best_tier), key=lambda s: (s.low, s.source))
