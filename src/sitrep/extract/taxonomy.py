"""ACLED event types and sub-event types by rules on the text. (Placeholder API.)"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class EventClass:
    event_type: str
    sub_event_type: str


def classify_event(text: str, *, outcomes: Collection[str] = ()) -> EventClass | None:
    """The ACLED event type of the event described by ``text`` (one incident's sentences)."""
    return None
