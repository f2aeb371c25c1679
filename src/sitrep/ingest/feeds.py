"""RSS/Atom feed files -> Documents (one per entry).

Each entry gives a Document: id from the entry id (else its link), text from
its content (else its summary), HTML turned into text, url from its link,
published from its published (else updated) date, and its title. An entry
without text is yielded as an :class:`~sitrep.errors.InputError` and the feed
goes on; a file that is not a feed raises one.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import re
from collections.abc import Iterator
from pathlib import Path

from ..clean.html import strip_html  # noqa: F401 - feeds' fallback, tested here
from ..errors import InputError
from ..records import Document
from .readers import html_to_text

FEED_SUFFIXES = frozenset({".xml", ".rss", ".atom"})
_TAG = re.compile(r"<\s*/?\s*[a-zA-Z][^>]*>")


def looks_like_html(text: str) -> bool:
    return bool(_TAG.search(text))


def entry_text(markup: str, *, origin: str) -> str:
    if not looks_like_html(markup):
        return html.unescape(markup).strip()
    try:
        return html_to_text(markup, origin=origin)
    except InputError:
        return strip_html(markup)


def looks_like_feed(data: bytes) -> bool:
    """True when the bytes open as an RSS or Atom document (whatever the file is called)."""
    head = data[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf:rdf")) and any(
        tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf"))


def read_feed(path: str | os.PathLike[str]) -> Iterator[Document | InputError]:
    """Documents of a local RSS/Atom file; bad entries are yielded as InputErrors."""
    origin = str(path)
    try:
        data = Path(path).read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", source=origin) from None
    return read_feed_bytes(data, origin=origin, stem=Path(path).stem)


def read_feed_bytes(data: bytes, *, origin: str, stem: str) -> Iterator[Document | InputError]:
    """Documents of an RSS/Atom document; raises InputError at once when it is not a feed."""
    import feedparser

    feed = feedparser.parse(data)
    if not feed.entries:
        reason = f" ({feed.bozo_exception})" if feed.get("bozo") else ""
        raise InputError(f"not an RSS/Atom feed, or a feed without entries{reason}", source=origin)
    return (_entry_document(entry, origin=f"{origin}#{number}", default_id=f"{stem}-{number}")
            for number, entry in enumerate(feed.entries, start=1))


def _entry_document(entry, *, origin: str, default_id: str) -> Document | InputError:
    markup = ""
    if entry.get("content"):
        markup = entry.content[0].get("value", "")
    if not markup.strip():
        markup = entry.get("summary", "")
    text = entry_text(markup, origin=origin) if markup.strip() else ""
    entry_id = entry.get("id") or entry.get("link") or default_id
    if not text.strip():
        return InputError("feed entry has no content or summary text", source=origin, record_id=entry_id)
    return Document(id=str(entry_id), text=text, published=_entry_date(entry),
                    url=entry.get("link"), title=entry.get("title"), origin=origin)


def _entry_date(entry) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed"):
        parsed = entry.get(key)
        if parsed:
            return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
    return None
