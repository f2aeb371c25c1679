"""Offline geocoding of place mentions. (Placeholder: names only until the geocoding stage lands.)"""

from __future__ import annotations

from collections.abc import Sequence

from ..records import Location, PlaceMention


class Geocoder:
    """Resolves the place mentions of one document to locations.

    Cheap to construct; the gazetteer is loaded on first use and shared.
    """

    def locate(self, text: str, groups: Sequence[Sequence[PlaceMention]]) -> list[Location | None]:
        """For each group of candidate mentions (best first) of one document, a location or None."""
        return [Location(name=group[0].name) if group else None for group in groups]
