"""Lines of distributed output: what ``extract`` prints, and result shards for the store.

An output line is what a serial ``sitrep extract --jsonl`` prints for an item: the
result object (output contract), a readable table, or ``{"id", "error"}``.

A shard line is the output line plus what the store needs to load it without
extracting again: ``"document"`` (id, text, published, url, title, origin) and, on
an error line, ``"origin"`` (the file and line it names). A shard is gzip-compressed
JSONL, one per input partition: ``part-000000.jsonl.gz``, ... in input order.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Iterable, Iterator

import fsspec

from ..errors import ExtractionError, InputError, SitrepError
from ..pipeline import FailedDocument
from ..records import Document, Result
from ..serialize import from_dict, to_dict
from ..store.bulk import Extracted, LoadItem

SHARD_PATTERN = "part-*.jsonl.gz"
ERROR_TYPES = {cls.code: cls for cls in (InputError, ExtractionError)}


def shard_name(index: int) -> str:
    return f"part-{index:06d}.jsonl.gz"


def output_line(item: Result | FailedDocument, *, format: str = "json") -> str:
    """The line a serial ``sitrep extract --jsonl`` prints for ``item``."""
    if isinstance(item, FailedDocument):
        return json.dumps({"id": item.id, "error": item.error.to_dict()}, ensure_ascii=False)
    if format == "table":
        from ..cli.format import format_table

        return format_table(item)
    return json.dumps(to_dict(item), ensure_ascii=False)


def shard_line(item: Result | FailedDocument, document: Document | None) -> str:
    """An output line with the document (and an error's origin) for loading into the store."""
    if isinstance(item, FailedDocument):
        data = {"id": item.id, "error": item.error.to_dict(), "origin": item.error.source}
    else:
        data = to_dict(item)
    if document is not None:
        data["document"] = to_dict(document)
    return json.dumps(data, ensure_ascii=False)


def load_item(line: str | bytes, *, where: str) -> LoadItem:
    """A shard line back as what :func:`sitrep.store.bulk.load` takes."""
    try:
        data = json.loads(line)
        document = from_dict(Document, data["document"]) if "document" in data else None
        if "error" in data:
            error = _error(data["error"], origin=data.get("origin"))
            error.record_id = data.get("id")
            if document is None:
                return error if isinstance(error, InputError) else InputError(error.message)
            return Extracted(document, FailedDocument(id=data.get("id"), error=error))
        if document is None:
            raise KeyError("document")
        return Extracted(document, from_dict(Result, data))
    except (ValueError, KeyError, TypeError) as exc:
        return InputError(f"not a sitrep result shard line ({type(exc).__name__}: {exc})", source=where)


def _error(data: dict, *, origin: str | None) -> SitrepError:
    """The error an error line records, naming its input as the original did."""
    code, message = data["code"], data["message"]
    cls = ERROR_TYPES.get(code, SitrepError)
    prefix = f"{origin}: " if origin else ""
    if prefix and message.startswith(prefix):
        error = cls(message[len(prefix):], source=origin)
    else:
        error = cls(message)
    if cls is SitrepError:
        error.code = code
    return error


def write_shard(lines: Iterable[str], *, url: str) -> int:
    """Write lines to a shard at ``url`` atomically (a temporary name, then renamed)."""
    fs, path = fsspec.core.url_to_fs(url)
    temporary = f"{path}.partial"
    count = 0
    with fs.open(temporary, "wb") as raw, gzip.open(raw, "wt", encoding="utf-8") as stream:
        for line in lines:
            stream.write(line + "\n")
            count += 1
    fs.mv(temporary, path)
    return count


def compress(lines: Iterable[str]) -> tuple[bytes, int]:
    """Lines as one gzip blob (how a partition's lines travel back to the client)."""
    text = [line + "\n" for line in lines]
    return gzip.compress("".join(text).encode("utf-8"), compresslevel=1), len(text)


def decompress(blob: bytes) -> list[str]:
    return gzip.decompress(blob).decode("utf-8").splitlines()


def shard_urls(folder: str) -> list[str]:
    """The shards in a results folder (local or fsspec URL), in input order."""
    fs, path = fsspec.core.url_to_fs(folder)
    if not fs.isdir(path):
        raise InputError("no such results folder", source=folder)
    found = sorted(fs.glob(f"{path.rstrip('/')}/{SHARD_PATTERN}"))
    return [fs.unstrip_protocol(p) if "://" in folder else p for p in found]


def read_shards(folder: str) -> Iterator[LoadItem]:
    """Every record of the shards in ``folder``, in input order."""
    urls = shard_urls(folder)
    if not urls:
        raise InputError(f"no result shards ({SHARD_PATTERN}) in the folder", source=folder)
    for url in urls:
        with fsspec.open(url, "rt", compression="gzip", encoding="utf-8") as stream:
            for number, line in enumerate(stream, start=1):
                if line.strip():
                    yield load_item(line, where=f"{url}:{number}")
