"""Document -> Result: compose the stages (clean, nlp, extract, geocode, group).

Batch work streams: documents go through spaCy's ``nlp.pipe`` in batches and
results come out in input order as they are made; a document that fails is
yielded as an error record and the rest go on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from .clean import CleanText, clean_text
from .errors import ExtractionError, InputError, SitrepError
from .extract.claims import ClaimExtractor, Extraction
from .extract.incidents import build_incident, empty_incident, group_claims
from .geocode import Geocoder
from .nlp import get_nlp
from .records import (
    CasualtyClaim,
    DateRange,
    Document,
    Incident,
    Location,
    PlaceMention,
    Result,
)


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
                yield FailedDocument(id=item.record_id, error=item)
                continue
            document, clean = next(by_position)
            spacy_doc = next(parsed)
            try:
                yield self._result(document, clean, spacy_doc)
            except Exception as exc:  # noqa: BLE001 - one document's defect must not end a batch
                error = ExtractionError(f"{type(exc).__name__}: {exc}", source=document.origin or document.id)
                yield FailedDocument(id=document.id, error=error)

    def _result(self, document: Document, clean: CleanText, spacy_doc) -> Result:
        extraction = self.claims.extract(spacy_doc, clean, published=document.published)
        claims = list(extraction.claims)
        groups = [c.places for c in claims] + [extraction.lead_places]
        *claim_locations, lead_location = self.geocoder.locate(clean.text, groups)
        claims = [replace(c, location=loc) for c, loc in zip(claims, claim_locations)]
        incidents = self._incidents(claims, clean=clean, extraction=extraction, lead_location=lead_location)
        claims = [replace(c, places=tuple(_original_mention(p, clean) for p in c.places)) for c in claims]
        return Result(
            id=document.id,
            published=extraction.published,
            posts=clean.posts,
            duplicates=clean.duplicates,
            claims=tuple(claims),
            incidents=tuple(incidents),
            warnings=document.warnings + clean.warnings,
        )

    @staticmethod
    def _incidents(claims: list[CasualtyClaim], *, clean: CleanText, extraction: Extraction,
                   lead_location: Location | None) -> list[Incident]:
        published = extraction.published.date
        lead_date = extraction.lead_date or DateRange(start=published, end=published, text=None)
        drafts = group_claims(claims)
        if not drafts:
            incident = empty_incident(text=clean.text, date=lead_date, location=lead_location,
                                      actor=extraction.lead_actor)
            return [incident] if incident else []
        return [
            build_incident(
                draft, number=number,
                text=clean.text if len(drafts) == 1 else " ".join(c.evidence.text for c in draft.claims),
                fallback_date=lead_date, fallback_location=lead_location, fallback_actor=extraction.lead_actor,
            )
            for number, draft in enumerate(drafts, start=1)
        ]


def _original_mention(mention: PlaceMention, clean: CleanText) -> PlaceMention:
    start, end = clean.to_original(mention.start, mention.end)
    return PlaceMention(name=mention.name, start=start, end=end)
