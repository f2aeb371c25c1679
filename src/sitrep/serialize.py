"""JSON conversion of records: the one place the output contract is produced.

``to_dict`` turns any record into plain JSON types (dates as ISO strings,
tuples as lists); ``from_dict`` is its inverse for a given record type.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import json
import types
import typing
from typing import Any, TypeVar

from . import records

T = TypeVar("T")


def to_dict(record: Any) -> Any:
    """Convert a record (or a list/tuple of them) to JSON-ready values."""
    if dataclasses.is_dataclass(record) and not isinstance(record, type):
        return {f.name: to_dict(getattr(record, f.name)) for f in dataclasses.fields(record)}
    if isinstance(record, (list, tuple)):
        return [to_dict(item) for item in record]
    if isinstance(record, dt.date):
        return record.isoformat()
    if isinstance(record, dict):
        return {key: to_dict(value) for key, value in record.items()}
    return record


def to_json(record: Any, *, indent: int | None = None) -> str:
    return json.dumps(to_dict(record), ensure_ascii=False, indent=indent)


@functools.cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls, vars(records))


def from_dict(cls: type[T], data: Any) -> T:
    """Rebuild a record of type ``cls`` from ``to_dict`` output."""
    return _decode(cls, data)


def _decode(hint: Any, value: Any) -> Any:
    if value is None:
        return None
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType):
        options = [arg for arg in typing.get_args(hint) if arg is not type(None)]
        return _decode(options[0], value) if len(options) == 1 else value
    if origin is tuple:
        (item_hint, *_rest) = typing.get_args(hint)
        return tuple(_decode(item_hint, item) for item in value)
    if hint is dt.date:
        return dt.date.fromisoformat(value)
    if dataclasses.is_dataclass(hint):
        hints = _hints(hint)
        kwargs = {
            f.name: _decode(hints[f.name], value[f.name])
            for f in dataclasses.fields(hint)
            if f.name in value
        }
        return hint(**kwargs)
    return value
