"""Clean scraped article text while keeping every offset tied to the original.

Public entry point: :func:`clean_text`. (Placeholder: identity cleaning until
the cleaning stage lands.)
"""

from __future__ import annotations

from dataclasses import dataclass

from ..records import Duplicate, Post


@dataclass(frozen=True, slots=True)
class CleanText:
    """Text ready for NLP plus what cleaning found.

    ``text`` is the cleaned text; :meth:`to_original` maps a ``[start, end)``
    span of it back to the original. ``posts``, ``duplicates`` and ``excluded``
    use original offsets. ``excluded`` spans (embed boilerplate) carry no claims.
    """

    original: str
    text: str
    posts: tuple[Post, ...] = ()
    duplicates: tuple[Duplicate, ...] = ()
    excluded: tuple[tuple[int, int], ...] = ()
    warnings: tuple[str, ...] = ()

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        return start, end


def clean_text(original: str) -> CleanText:
    return CleanText(original=original, text=original)
