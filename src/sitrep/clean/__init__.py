"""Clean scraped article text while keeping every offset tied to the original.

Public entry point: :func:`clean_text`. Cleaning runs three passes, each on
the previous pass's output, and composes their offset maps into one
(:mod:`sitrep.clean.offsets`):

1. characters (:mod:`.characters`): CRLF -> LF, BOM and zero-width characters
   dropped, odd spaces -> " ", mojibake repaired with ftfy, Cyrillic/Greek
   look-alikes -> Latin inside Latin words; then runs of 300+ characters without
   a space broken every 100 characters (junk that would cost the tokenizer
   time quadratic in its length);
2. obfuscation (:mod:`.obfuscation`): "exec-utions", "k1lled", "d.e.a.d", "unalived";
3. embeds (:mod:`.posts`, :mod:`.boilerplate`): posts found, their signature
   lines, bare links and page prompts removed from the text.

Repeated paragraphs/sentences (:mod:`.duplicates`) are then found in the
cleaned text. Text needing none of this passes through with an identity map.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..records import Duplicate, Post
from .boilerplate import boilerplate_spans, merge_spans
from .characters import character_edits, long_run_edits
from .duplicates import find_repeats
from .obfuscation import obfuscation_edits
from .offsets import Edit, OffsetMap, apply_edits, compose
from .posts import FoundPost, find_posts

__all__ = ["CleanText", "clean_text"]


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text ready for NLP plus what cleaning found.

    ``text`` is the cleaned text; :meth:`to_original` maps a ``[start, end)``
    span of it back to the original. ``posts``, ``duplicates`` and ``excluded``
    use original offsets. ``excluded`` spans (embed boilerplate: signature
    lines, bare links, "Read more:", ads, share/newsletter prompts) carry no
    claims; they are removed from ``text``. ``offsets`` is the map (None when
    cleaning changed nothing).

    Helpers for the later stages, all in original offsets: :meth:`to_clean`
    (the inverse map), :meth:`post_at` (the post holding an offset),
    :meth:`repeat_of` (the duplicate whose repeat holds a span) and
    :meth:`is_excluded`.
    """

    original: str
    text: str
    posts: tuple[Post, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    excluded: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()
    offsets: OffsetMap | None = field(default=None, repr=False, compare=False)

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Original ``[start, end)`` holding exactly what was cleaned into ``text[start:end]``."""
        if self.offsets is None:
            return start, end
        return self.offsets.to_original(start, end)

    def to_clean(self, start: int, end: int) -> tuple[int, int]:
        """The cleaned span made only from original ``[start, end)`` (empty if none)."""
        if self.offsets is None:
            return start, end
        return self.offsets.to_clean(start, end)

    def post_at(self, offset: int) -> Post | None:
        """The post whose original span contains original ``offset``."""
        index = bisect.bisect_right([p.start for p in self.posts], offset) - 1
        if index >= 0 and offset < self.posts[index].end:
            return self.posts[index]
        return None

    def repeat_of(self, start: int, end: int) -> Duplicate | None:
        """The duplicate whose repeat (later) span contains original ``[start, end)``."""
        for duplicate in self.duplicates:
            if duplicate.start <= start and end <= duplicate.end:
                return duplicate
        return None

    def is_excluded(self, start: int, end: int) -> bool:
        """True when original ``[start, end)`` lies inside one excluded span."""
        return any(lo <= start and end <= hi for lo, hi in self.excluded)


def clean_text(original: str) -> CleanText:
    """Clean ``original``; every span reported or mapped refers to ``original``."""
    text, offsets = original, None
    for make_edits in (character_edits, long_run_edits, obfuscation_edits):
        edits = make_edits(text)
        if edits:
            text, step = apply_edits(text, edits)
            offsets = step if offsets is None else compose(step, offsets)

    found = find_posts(text)
    signatures = [p.signature for p in found if p.signature]
    removed = merge_spans(boilerplate_spans(text) + signatures)
    posts = tuple(_post(post, offsets) for post in found)
    excluded = tuple(_mapped(offsets, start, end) for start, end in removed)
    if removed:
        edits = [Edit(start, end, _removal(text, start, end, signatures)) for start, end in removed]
        text, step = apply_edits(text, edits)
        offsets = step if offsets is None else compose(step, offsets)

    duplicates = tuple(
        Duplicate(*_mapped(offsets, r.start, r.end), *_mapped(offsets, r.of_start, r.of_end),
                  similarity=r.similarity)
        for r in find_repeats(text)
    )
    if offsets is not None and offsets.is_identity:
        offsets = None
    return CleanText(original=original, text=text, posts=posts, duplicates=duplicates,
                     excluded=excluded, offsets=offsets)


def _mapped(offsets: OffsetMap | None, start: int, end: int) -> tuple[int, int]:
    return (start, end) if offsets is None else offsets.to_original(start, end)


def _post(post: FoundPost, offsets: OffsetMap | None) -> Post:
    start, end = _mapped(offsets, post.start, post.end)
    return Post(platform=post.platform, author=post.author, handle=post.handle, date=post.date,
                url=post.url, start=start, end=end)


def _removal(text: str, start: int, end: int, signatures: list[tuple[int, int]]) -> str:
    """Removed text leaves nothing, or a newline after an inline signature followed by prose."""
    if not any(start <= lo and hi <= end for lo, hi in signatures):
        return ""
    line_end = text.find("\n", end)
    rest = text[end:line_end if line_end >= 0 else len(text)]
    return "\n" if rest.strip() else ""
