"""Read one article from .txt, .html/.htm or .json, or a stream of JSONL records.

Bad input raises :class:`~sitrep.errors.InputError` naming the input; in a
JSONL stream a bad line is yielded as an ``InputError`` and the stream goes on.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import replace
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

from ..errors import InputError
from ..records import Document

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


def decode_bytes(data: bytes, *, origin: str) -> tuple[str, tuple[str, ...]]:
    """Decode UTF-8 (with or without BOM); invalid bytes are replaced and reported."""
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8"), ()
    except UnicodeDecodeError as exc:
        text = data.decode("utf-8", errors="replace")
        bad = text.count("\ufffd")
        warning = f"{origin}: {bad} invalid UTF-8 byte sequence(s) replaced (first at byte {exc.start})"
        return text, (warning,)


def parse_date(value: Any, *, origin: str, field: str = "published") -> dt.date | None:
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f"'{field}' must be a YYYY-MM-DD string, got {value!r}", source=origin)
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        raise InputError(f"'{field}' is not a YYYY-MM-DD date: {value!r}", source=origin) from None


def document_from_record(record: Any, *, origin: str, default_id: str) -> Document:
    """A Document from a JSON object ``{"id", "text", "published"?, "url"?, "title"?}``."""
    if not isinstance(record, dict):
        raise InputError(f"expected a JSON object, got {type(record).__name__}", source=origin)
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError("missing or non-string 'text'", source=origin)
    doc_id = record.get("id", default_id)
    return Document(
        id=str(doc_id),
        text=text,
        published=parse_date(record.get("published"), origin=origin),
        url=record.get("url") if isinstance(record.get("url"), str) else None,
        title=record.get("title") if isinstance(record.get("title"), str) else None,
        origin=origin,
    )


def html_to_text(html: str, *, origin: str) -> str:
    """Article text from HTML, embedded posts kept as text (see :mod:`sitrep.clean.html`)."""
    from ..clean.html import html_to_text as clean_html_to_text

    return clean_html_to_text(html, origin=origin)


def read_document(path: str | os.PathLike[str], *, published: dt.date | None = None) -> Document:
    """Read one article file. Raises InputError if it cannot be read."""
    path = Path(path)
    origin = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read file: {exc.strerror or exc}", source=origin) from None
    text, warnings = decode_bytes(data, origin=origin)
    return _document_from_text(text, suffix=path.suffix.lower(), doc_id=path.stem, origin=origin,
                               published=published, warnings=warnings)


def read_text_stream(stream: IO[bytes], *, name: str = "<stdin>", doc_id: str = "stdin",
                     published: dt.date | None = None) -> Document:
    """Read one article from a byte stream; JSON or HTML is recognised by its first character."""
    text, warnings = decode_bytes(stream.read(), origin=name)
    head = text.lstrip()[:1]
    suffix = ".json" if head == "{" else ".html" if head == "<" else ".txt"
    return _document_from_text(text, suffix=suffix, doc_id=doc_id, origin=name,
                               published=published, warnings=warnings)


def _document_from_text(text: str, *, suffix: str, doc_id: str, origin: str,
                        published: dt.date | None, warnings: tuple[str, ...]) -> Document:
    if suffix == ".json":
        try:
            record = json.loads(text)
        except json.JSONDecodeError as exc:
            raise InputError(f"invalid JSON: {exc.msg} at line {exc.lineno}", source=origin) from None
        doc = document_from_record(record, origin=origin, default_id=doc_id)
    elif suffix in HTML_SUFFIXES:
        doc = Document(id=doc_id, text=html_to_text(text, origin=origin), origin=origin)
    else:
        doc = Document(id=doc_id, text=text, origin=origin)
    if not doc.text.strip():
        raise InputError("the article is empty", source=origin)
    return replace(doc, published=published or doc.published, origin=origin, warnings=warnings + doc.warnings)


def read_jsonl(lines: Iterable[bytes | str], *, origin: str,
               first_line: int = 1) -> Iterator[Document | InputError]:
    """Stream Documents from JSONL; a bad line is yielded as an InputError and reading goes on.

    ``first_line`` is the number of the first of ``lines`` in its file (for a part of one).
    """
    for number, raw in enumerate(lines, start=first_line):
        where = f"{origin}:{number}"
        if isinstance(raw, bytes):
            line, warnings = decode_bytes(raw, origin=where)
        else:
            line, warnings = raw, ()
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield InputError(f"invalid JSON: {exc.msg}", source=where)
            continue
        try:
            doc = document_from_record(record, origin=where, default_id=f"line-{number}")
        except InputError as error:
            error.record_id = record.get("id") if isinstance(record, dict) else None
            yield error
            continue
        yield replace(doc, warnings=warnings) if warnings else doc
