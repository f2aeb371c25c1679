"""Readers that turn files, streams and records into :class:`~sitrep.records.Document`."""

from .readers import (
    decode_bytes,
    document_from_record,
    read_document,
    read_jsonl,
    read_text_stream,
)

__all__ = ["decode_bytes", "document_from_record", "read_document", "read_jsonl", "read_text_stream"]
