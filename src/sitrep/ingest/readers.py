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

from ..clean.characters import replace_lone_surrogates
from ..errors import InputError
from ..records import Document

HTML_SUFFIXES = {".html", ".htm", ".xhtml"}


# File signatures of formats that are not text (checked before anything is decoded).
MAGIC_NUMBERS: tuple[tuple[bytes, str], ...] = (
    (b"\x7fELF", "an ELF executable"), (b"MZ", "a Windows executable"), (b"\xca\xfe\xba\xbe", "a Java class"),
    (b"\xcf\xfa\xed\xfe", "a Mach-O executable"), (b"\xfe\xed\xfa", "a Mach-O executable"),
    (b"\x89PNG", "a PNG image"), (b"\xff\xd8\xff", "a JPEG image"), (b"GIF8", "a GIF image"),
    (b"RIFF", "a RIFF (WebP/WAV/AVI) file"), (b"%PDF", "a PDF document"), (b"PK\x03\x04", "a ZIP archive"),
    (b"\x1f\x8b", "a gzip archive"), (b"BZh", "a bzip2 archive"), (b"\xfd7zXZ", "an xz archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"), (b"Rar!", "a RAR archive"), (b"SQLite format 3\x00", "an SQLite database"),
    (b"\x00\x00\x01\x00", "an icon"), (b"OggS", "an Ogg file"), (b"ID3", "an MP3 file"), (b"\x00asm", "WebAssembly"),
)
BYTE_ORDER_MARKS: tuple[tuple[bytes, str], ...] = (  # UTF-32 first: its LE mark starts like UTF-16's
    (b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xef\xbb\xbf", "utf-8"), (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"),
)
# A text whose sample has more of these is not text: control characters other than
# tab, line feed, form feed and carriage return, or (after decoding) replacement characters.
MAX_CONTROL_SHARE = 0.05
MAX_REPLACED_SHARE = 0.2
SAMPLE_BYTES = 8192


def decode_bytes(data: bytes, *, origin: str) -> tuple[str, tuple[str, ...]]:
    """Text from bytes: by its byte-order mark (UTF-8, UTF-16, UTF-32), else UTF-8, else UTF-16
    recognised by its zero bytes. Invalid sequences are replaced and reported; data that is
    not text (an executable, an image, an archive, NUL or control bytes) raises InputError."""
    for mark, encoding in BYTE_ORDER_MARKS:
        if data.startswith(mark):
            return _decoded(data[len(mark):], encoding, origin=origin, note=None)
    kind = _binary_kind(data[:SAMPLE_BYTES])
    if kind is None:
        return _decoded(data, "utf-8", origin=origin, note=None)
    utf16 = _utf16_without_mark(data[:SAMPLE_BYTES])
    if utf16 is not None:
        return _decoded(data, utf16, origin=origin,
                        note=f"{origin}: no byte-order mark; read as {utf16.upper()} (zero bytes every other byte)")
    raise InputError(f"not a text file ({kind})", source=origin)


def _decoded(data: bytes, encoding: str, *, origin: str, note: str | None) -> tuple[str, tuple[str, ...]]:
    warnings = (note,) if note else ()
    label = encoding.upper()
    try:
        return data.decode(encoding), warnings
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    text = data.decode(encoding, errors="replace")
    bad = text.count("\ufffd")
    if len(text) >= 20 and bad / len(text) > MAX_REPLACED_SHARE:
        raise InputError(f"cannot be read as text: {bad} of {len(text)} characters are not valid {label} "
                         "(a binary file, or text in another encoding)", source=origin)
    return text, (*warnings, f"{origin}: {bad} invalid {label} byte sequence(s) replaced (first at byte {first_bad})")


def _binary_kind(sample: bytes) -> str | None:
    """What the bytes are when they are plainly not text, else None."""
    control = _control_kind(sample)
    for magic, kind in MAGIC_NUMBERS:
        # a signature of letters ("MZ", "ID3") could open an article ("MZUZU, Malawi -"): with binary bytes only
        if sample.startswith(magic) and (control or not magic.isalpha()):
            return kind
    return control


def _control_kind(sample: bytes) -> str | None:
    if b"\x00" in sample:
        return "binary data: zero bytes"
    controls = sum(sample.count(bytes([b])) for b in (*range(0, 9), 11, *range(14, 32), 127))
    if sample and controls / len(sample) > MAX_CONTROL_SHARE:
        return "binary data: control bytes"
    return None


def _utf16_without_mark(sample: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when zero bytes fill one parity of mostly-ASCII text, else None."""
    pairs = len(sample) // 2
    if pairs < 4:
        return None
    even_zeros = sum(1 for i in range(0, 2 * pairs, 2) if sample[i] == 0)
    odd_zeros = sum(1 for i in range(1, 2 * pairs, 2) if sample[i] == 0)
    if odd_zeros >= 0.6 * pairs and even_zeros == 0:
        return "utf-16-le"
    if even_zeros >= 0.6 * pairs and odd_zeros == 0:
        return "utf-16-be"
    return None


def scrub_record_text(value: str, *, origin: str, field: str) -> tuple[str, tuple[str, ...]]:
    """A string field of a JSON record with lone surrogates ("\ud800": valid JSON, not Unicode
    text) replaced by U+FFFD, and the warning saying so."""
    text, replaced = replace_lone_surrogates(value)
    if not replaced:
        return value, ()
    return text, (f"{origin}: {replaced} lone surrogate(s) in '{field}' replaced with U+FFFD",)


# Publication dates outside this range are set aside with a warning: a date field's junk
# (0001-01-01, 9999-12-31), never a news report's date, and date arithmetic on them overflows.
EARLIEST_PUBLISHED = dt.date(1900, 1, 1)
LATEST_PUBLISHED = dt.date(2199, 12, 31)


def with_plausible_published(document: Document) -> Document:
    """``document``, its publication date dropped with a warning when outside the plausible range."""
    published = document.published
    if published is None or EARLIEST_PUBLISHED <= published <= LATEST_PUBLISHED:
        return document
    warning = (f"{document.origin or document.id}: publication date {published.isoformat()} ignored "
               f"(outside {EARLIEST_PUBLISHED.isoformat()} to {LATEST_PUBLISHED.isoformat()})")
    return replace(document, published=None, warnings=document.warnings + (warning,))


def without_lone_surrogates(document: Document) -> Document:
    """``document`` with lone surrogates (from JSON "\\ud800" escapes, or file names that are not
    UTF-8) replaced by U+FFFD in every text field, one character for one, with a warning: such
    strings cannot be written as UTF-8, so neither printed nor stored."""
    fields = {"id": document.id, "text": document.text, "title": document.title, "url": document.url,
              "origin": document.origin}
    counts = {}
    for name, value in fields.items():
        if value is not None:
            fields[name], counts[name] = replace_lone_surrogates(value)
    if not any(counts.values()):
        return document
    where = fields["origin"] or fields["id"]
    warnings = tuple(f"{where}: {count} lone surrogate(s) in '{name}' replaced with U+FFFD"
                     for name, count in counts.items() if count)
    return replace(document, **fields, warnings=document.warnings + warnings)


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
    fields = {"id": str(record.get("id", default_id)), "text": text}
    fields.update((name, record[name]) for name in ("url", "title") if isinstance(record.get(name), str))
    warnings: tuple[str, ...] = ()
    for name, value in fields.items():
        fields[name], found = scrub_record_text(value, origin=origin, field=name)
        warnings += found
    published = record.get("published")
    if isinstance(published, str):
        published, _found = replace_lone_surrogates(published)
    return Document(published=parse_date(published, origin=origin), origin=origin, warnings=warnings,
                    **fields)


def html_to_text(html: str, *, origin: str) -> str:
    """Article text from HTML, embedded posts kept as text (see :mod:`sitrep.clean.html`)."""
    from ..clean.html import html_to_text as clean_html_to_text

    return clean_html_to_text(html, origin=origin)


def read_document(path: str | os.PathLike[str], *, published: dt.date | None = None,
                  data: bytes | None = None) -> Document:
    """Read one article file (``data``: its bytes, when already read). Raises InputError if it cannot be read."""
    path = Path(path)
    origin = str(path)
    if data is None:
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
            try:
                line, warnings = decode_bytes(raw, origin=where)
            except InputError as error:
                yield error
                continue
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
        yield replace(doc, warnings=warnings + doc.warnings) if warnings else doc
