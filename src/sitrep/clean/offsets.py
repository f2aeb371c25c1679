"""An exact map from cleaned text back to the original text.

Cleaning is a sequence of edits. Each edit replaces a run ``[start, end)`` of
its source text with a replacement string. The result is described by
:class:`OffsetMap`, a sorted list of :class:`Segment` s that cover every
character of the cleaned text exactly once:

* a *linear* segment maps cleaned characters one-to-one onto original
  characters (unchanged text, or a same-length substitution such as a
  non-breaking space turned into a space);
* an *atomic* segment maps all its cleaned characters onto one whole original
  run (a mojibake sequence, a de-obfuscated word): a span touching any part of
  it maps back to the whole run.

Deleted text (zero-width characters, boilerplate) has no segment: it is never
the first or last character of a mapped span, only ever inside one.
Maps compose (:func:`compose`), so cleaning can run as several passes, each
working on the previous pass's output.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Segment:
    """Cleaned ``[clean_start, clean_end)`` comes from original ``[orig_start, orig_end)``."""

    clean_start: int
    clean_end: int
    orig_start: int
    orig_end: int
    linear: bool


@dataclass(frozen=True, slots=True)
class Edit:
    """Replace source ``[start, end)`` with ``replacement``.

    ``linear`` edits substitute characters one for one (same length) and keep
    per-character offsets; other edits map as one atomic run.
    """

    start: int
    end: int
    replacement: str
    linear: bool = False


class OffsetMap:
    """Maps spans of a cleaned text (length ``clean_len``) onto its source."""

    __slots__ = ("clean_len", "orig_len", "segments", "_starts", "_orig_ends")

    def __init__(self, segments: Iterable[Segment], *, clean_len: int, orig_len: int) -> None:
        self.segments: tuple[Segment, ...] = tuple(segments)
        self.clean_len = clean_len
        self.orig_len = orig_len
        self._starts = [s.clean_start for s in self.segments]
        self._orig_ends = [s.orig_end for s in self.segments]  # non-decreasing, like the starts

    @classmethod
    def identity(cls, length: int) -> OffsetMap:
        segments = [Segment(0, length, 0, length, True)] if length else []
        return cls(segments, clean_len=length, orig_len=length)

    @property
    def is_identity(self) -> bool:
        return self.clean_len == self.orig_len and all(
            s.linear and s.clean_start == s.orig_start for s in self.segments
        )

    def _segment_at(self, position: int) -> Segment:
        return self.segments[bisect_right(self._starts, position) - 1]

    def start_of(self, position: int) -> int:
        """Original offset where the cleaned character at ``position`` begins."""
        if position >= self.clean_len:
            return self.orig_len if not self.segments else self.segments[-1].orig_end
        seg = self._segment_at(position)
        return seg.orig_start + (position - seg.clean_start) if seg.linear else seg.orig_start

    def end_of(self, position: int) -> int:
        """Original offset just after the cleaned character at ``position``."""
        seg = self._segment_at(position)
        return seg.orig_start + (position - seg.clean_start) + 1 if seg.linear else seg.orig_end

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map cleaned ``[start, end)`` to original offsets; empty spans map to a point."""
        start = max(0, min(start, self.clean_len))
        end = max(start, min(end, self.clean_len))
        if start == end:
            point = self.start_of(start)
            return point, point
        return self.start_of(start), self.end_of(end - 1)

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """The smallest cleaned span whose characters all come from inside original ``[start, end)``.

        Characters of an atomic run are included only when the whole run lies
        inside ``[start, end)``. Returns an empty span when nothing qualifies.
        """
        first = last = None
        for seg in self.segments[bisect_right(self._orig_ends, start):]:
            if seg.orig_start >= end:
                break
            if seg.linear:
                lo = max(start, seg.orig_start) - seg.orig_start + seg.clean_start
                hi = min(end, seg.orig_end) - seg.orig_start + seg.clean_start
                if lo >= hi:
                    continue
            elif seg.orig_start >= start and seg.orig_end <= end:
                lo, hi = seg.clean_start, seg.clean_end
            else:
                continue
            first = lo if first is None else first
            last = hi
        if first is None:
            point = self._clean_point(start)
            return point, point
        return first, last

    def _clean_point(self, orig_offset: int) -> int:
        index = bisect_right(self._orig_ends, orig_offset)
        return self.segments[index].clean_start if index < len(self.segments) else self.clean_len


def apply_edits(source: str, edits: Iterable[Edit]) -> tuple[str, OffsetMap]:
    """Apply sorted, non-overlapping edits; return the new text and its map onto ``source``."""
    pieces: list[str] = []
    segments: list[Segment] = []
    position = 0
    out = 0

    def add(text: str, orig_start: int, orig_end: int, linear: bool) -> None:
        nonlocal out
        if not text:
            return
        pieces.append(text)
        end = out + len(text)
        if linear and segments and segments[-1].linear and segments[-1].clean_end == out \
                and segments[-1].orig_end == orig_start:
            last = segments.pop()
            segments.append(Segment(last.clean_start, end, last.orig_start, orig_end, True))
        else:
            segments.append(Segment(out, end, orig_start, orig_end, linear))
        out = end

    for edit in edits:
        if edit.start < position:
            raise ValueError(f"overlapping edit at {edit.start} (previous ended at {position})")
        add(source[position:edit.start], position, edit.start, True)
        linear = edit.linear and len(edit.replacement) == edit.end - edit.start
        add(edit.replacement, edit.start, edit.end, linear)
        position = edit.end
    add(source[position:], position, len(source), True)
    return "".join(pieces), OffsetMap(segments, clean_len=out, orig_len=len(source))


def compose(outer: OffsetMap, inner: OffsetMap) -> OffsetMap:
    """The map of ``outer``'s text onto ``inner``'s source (outer maps onto inner's text)."""
    if inner.is_identity:
        return OffsetMap(outer.segments, clean_len=outer.clean_len, orig_len=inner.orig_len)
    segments: list[Segment] = []
    for seg in outer.segments:
        if not seg.linear:
            lo, hi = inner.to_original(seg.orig_start, seg.orig_end)
            segments.append(Segment(seg.clean_start, seg.clean_end, lo, hi, False))
            continue
        segments.extend(_linear_through(seg, inner))
    return OffsetMap(segments, clean_len=outer.clean_len, orig_len=inner.orig_len)


def _linear_through(seg: Segment, inner: OffsetMap) -> list[Segment]:
    """Split a linear outer segment along the inner segments it passes through."""
    result = []
    index = bisect_right(inner._starts, seg.orig_start) - 1
    while index < len(inner.segments):
        part = inner.segments[index]
        if part.clean_start >= seg.orig_end:
            break
        lo = max(seg.orig_start, part.clean_start)
        hi = min(seg.orig_end, part.clean_end)
        index += 1
        if lo >= hi:
            continue
        clean_lo = seg.clean_start + (lo - seg.orig_start)
        clean_hi = seg.clean_start + (hi - seg.orig_start)
        if part.linear:
            shift = part.orig_start - part.clean_start
            result.append(Segment(clean_lo, clean_hi, lo + shift, hi + shift, True))
        else:
            result.append(Segment(clean_lo, clean_hi, part.orig_start, part.orig_end, False))
    return result
