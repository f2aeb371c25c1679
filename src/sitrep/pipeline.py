"""Document -> Result: compose the stages (clean, nlp, extract, geocode, group).

Batch work streams: documents go through spaCy's ``nlp.pipe`` in batches and
results come out in input order as they are made; a document that fails is
yielded as an error record and the rest go on.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice

from .clean import CleanText, clean_text
from .errors import InputError, SitrepError
from .extract.claims import ClaimExtractor
from .extract.incidents import group_incidents
from .geocode import Geocoder
from .nlp import get_nlp
from .records import Document, PublishedDate, Result


@dataclass(frozen=True, slots=True)
class FailedDocument:
    """A record that could not be processed, with the reason."""

    id: str | None
    error: SitrepError


class Pipeline:
    """Runs sitrep over documents. Cheap to construct; models load on first use."""

    def __init__(self, *, geocoder: Geocoder | None = None, batch_size: int = 64) -> None:
        self.geocoder = geocoder if geocoder is not None else Geocoder()
        self.batch_size = batch_size
        self.claims = ClaimExtractor()

    def extract(self, document: Document) -> Result:
        """Process one document; raises SitrepError if it cannot be processed."""
        (item,) = self.extract_many([document])
        if isinstance(item, FailedDocument):
            raise item.error
        return item

    def extract_many(
        self, items: Iterable[Document | InputError]
    ) -> Iterator[Result | FailedDocument]:
        """Stream results in input order; InputErrors pass through as FailedDocuments."""
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            yield from self._run_batch(batch)

    def _run_batch(self, batch: list[Document | InputError]) -> Iterator[Result | FailedDocument]:
        documents = [item for item in batch if isinstance(item, Document)]
        cleaned = [clean_text(doc.text) for doc in documents]
        parsed = iter(get_nlp().pipe(c.text for c in cleaned))
        by_position = iter(zip(documents, cleaned))
        for item in batch:
            if isinstance(item, InputError):
                yield FailedDocument(id=getattr(item, "record_id", None), error=item)
                continue
            document, clean = next(by_position)
            spacy_doc = next(parsed)
            yield self._result(document, clean, spacy_doc)

    def _result(self, document: Document, clean: CleanText, spacy_doc) -> Result:
        extraction = self.claims.extract(spacy_doc, clean, published=document.published)
        claims = extraction.claims
        locations = self.geocoder.locate(document.text, [c.places for c in claims])
        claims = [
            claim if location is None else _with_location(claim, location)
            for claim, location in zip(claims, locations)
        ]
        incidents = group_incidents(claims, text=clean.text, spacy_doc=spacy_doc, clean=clean)
        return Result(
            id=document.id,
            published=extraction.published,
            posts=clean.posts,
            duplicates=clean.duplicates,
            claims=tuple(claims),
            incidents=tuple(incidents),
            warnings=document.warnings + clean.warnings,
        )


def _with_location(claim, location):
    from dataclasses import replace

    return replace(claim, location=location)


def published_date(document: Document, inferred: dt.date | None) -> PublishedDate:
    if document.published:
        return PublishedDate(date=document.published, inferred=False)
    return PublishedDate(date=inferred, inferred=inferred is not None)
