"""Casualty claims from a parsed document. (Skeleton.)"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..clean import CleanText
from ..records import CasualtyClaim, PublishedDate


@dataclass(frozen=True, slots=True)
class Extraction:
    published: PublishedDate
    claims: tuple[CasualtyClaim, ...]


class ClaimExtractor:
    def extract(self, spacy_doc, clean: CleanText, *, published: dt.date | None) -> Extraction:
        return Extraction(published=PublishedDate(date=published, inferred=False), claims=())
