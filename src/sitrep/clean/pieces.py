"""Long cleaned texts cut into pieces of bounded size, each a :class:`CleanText` of its own.

A piece ends at a paragraph break when there is one in the second half of the
window, else at a line break, a sentence end or a space, else at the limit.
Each piece's offset map leads from the piece's own text through the whole
cleaned text back to the original, so every span a later stage reports for
the piece still indexes the original text; posts, duplicates and excluded
spans (original offsets) are the whole document's.
"""

from __future__ import annotations

import re

from . import CleanText
from .offsets import OffsetMap, Segment, compose

_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*\s")


def piece_bounds(text: str, *, limit: int) -> list[tuple[int, int]]:
    """``[start, end)`` pieces covering ``text`` in order, none longer than ``limit``."""
    if limit < 2:
        raise ValueError("a piece holds at least two characters")
    bounds: list[tuple[int, int]] = []
    start = 0
    while len(text) - start > limit:
        end = _cut(text, start, start + limit)
        bounds.append((start, end))
        start = end
    if start < len(text) or not bounds:
        bounds.append((start, len(text)))
    return bounds


def _cut(text: str, start: int, stop: int) -> int:
    """Where to end a piece of ``text[start:stop]``: the best boundary in its second half."""
    floor = start + (stop - start) // 2
    for separator in ("\n\n", "\n"):
        found = text.rfind(separator, floor, stop)
        if found >= 0:
            return found + len(separator)
    ends = [m.end() for m in _SENTENCE_END.finditer(text, floor, stop)]
    if ends:
        return ends[-1]
    space = text.rfind(" ", floor, stop)
    return space + 1 if space >= 0 else stop


def piece_of(clean: CleanText, start: int, end: int) -> CleanText:
    """``clean.text[start:end]`` as a CleanText whose offsets map back to ``clean.original``."""
    shift = OffsetMap([Segment(0, end - start, start, end, True)] if end > start else [],
                      clean_len=end - start, orig_len=len(clean.text))
    offsets = shift if clean.offsets is None else compose(shift, clean.offsets)
    return CleanText(original=clean.original, text=clean.text[start:end], posts=clean.posts,
                     duplicates=clean.duplicates, excluded=clean.excluded, offsets=offsets)
