"""Document -> Result: compose the stages (clean, nlp, extract, geocode, group).

Batch work streams: documents go through spaCy's ``nlp.pipe`` in batches and
results come out in input order as they are made; a document that fails is
yielded as an error record and the rest go on.

Long documents: a cleaned text longer than :data:`PIECE_CHARS` is cut at
paragraph (else line, sentence, word) boundaries into pieces of at most that
size (:mod:`sitrep.clean.pieces`), and each piece is parsed and read on its own,
so time grows linearly with the length and memory stays flat; every offset in
the result still indexes the original text. Claims are numbered across the
pieces; a piece starts with no narrative context (source, date, perpetrator)
carried over from the one before. Texts longer than :data:`MAX_DOCUMENT_CHARS`
are refused with an :class:`~sitrep.errors.InputError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from itertools import islice

from .clean import CleanText, clean_text
from .clean.language import language_warnings
from .clean.pieces import piece_bounds, piece_of
from .errors import ExtractionError, InputError, SitrepError
from .extract.claims import ClaimExtractor, Extraction
from .extract.incidents import build_incident, empty_incident, group_claims
from .geocode import Geocoder
from .ingest.readers import with_plausible_published, without_lone_surrogates
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


# Pieces of a long text: small enough that a piece's parse and reading cost little, large
# enough that few statements are cut from the paragraph before them (a news article is
# rarely longer than one piece, so it is read whole).
PIECE_CHARS = 20_000
# Longer texts are refused: no news report is this long, and one page must not stall a server.
MAX_DOCUMENT_CHARS = 2_000_000


@dataclass(frozen=True, slots=True)
class FailedDocument:
    """A record that could not be processed, with the reason."""

    id: str | None
    error: SitrepError


@dataclass(frozen=True, slots=True)
class _Prepared:
    """A document ready for spaCy: its cleaned text, and its pieces when it is long."""

    document: Document
    clean: CleanText
    pieces: tuple[tuple[int, int], ...] = ()


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
        prepared = [_prepare(item) for item in batch]
        whole = [p for p in prepared if isinstance(p, _Prepared) and not p.pieces]
        parsed = iter(_parse([p.clean.text for p in whole]))
        for item in prepared:
            if isinstance(item, FailedDocument):
                yield item
                continue
            try:
                if item.pieces:
                    yield self._result_in_pieces(item)
                    continue
                spacy_doc = next(parsed)
                if isinstance(spacy_doc, Exception):
                    raise spacy_doc
                yield self._result(item.document, item.clean, self.claims.extract(
                    spacy_doc, item.clean, published=item.document.published))
            except Exception as exc:  # noqa: BLE001 - one document's defect must not end a batch
                yield _failed(item.document, exc)

    def _result_in_pieces(self, item: _Prepared) -> Result:
        """Parse and read a long text piece by piece (one spaCy doc alive at a time)."""
        document, clean = item.document, item.clean
        pieces = [piece_of(clean, start, end) for start, end in item.pieces]
        extractions = []
        published = document.published
        for (start, _end), piece, spacy_doc in zip(item.pieces, pieces,
                                                   get_nlp().pipe((p.text for p in pieces), batch_size=1)):
            extraction = self.claims.extract(spacy_doc, piece, published=published)
            published = published or extraction.published.date  # the lead's date for the rest
            extractions.append((start, extraction))
        return self._result(document, clean, _joined(extractions))

    def _result(self, document: Document, clean: CleanText, extraction: Extraction) -> Result:
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


def _prepare(item: Document | InputError) -> _Prepared | FailedDocument:
    """Check and clean one input; a failure is returned, never raised."""
    if isinstance(item, InputError):
        return FailedDocument(id=item.record_id, error=item)
    try:
        document = _checked(item)
        clean = clean_text(document.text)
    except InputError as error:
        return FailedDocument(id=item.id, error=error)
    except Exception as exc:  # noqa: BLE001 - one document's defect must not end a batch
        return _failed(item, exc)
    pieces = tuple(piece_bounds(clean.text, limit=PIECE_CHARS)) if len(clean.text) > PIECE_CHARS else ()
    return _Prepared(document=document, clean=clean, pieces=pieces)


def _checked(document: Document) -> Document:
    """The document as sitrep can read it: refused when too long, lone surrogates replaced and a
    junk publication date set aside (with warnings), a warning when it is not in English."""
    document = with_plausible_published(without_lone_surrogates(document))
    where = document.origin or document.id
    if len(document.text) > MAX_DOCUMENT_CHARS:
        raise InputError(f"the text is {len(document.text):,} characters long; sitrep reads at most "
                         f"{MAX_DOCUMENT_CHARS:,} characters a document", source=where, record_id=document.id)
    language = tuple(f"{where}: {w}" for w in language_warnings(document.text))
    return replace(document, warnings=document.warnings + language) if language else document


def _parse(texts: list[str]) -> list:
    """spaCy docs for ``texts``; a text spaCy cannot parse gets its exception in its place."""
    nlp = get_nlp()
    try:
        return list(nlp.pipe(texts))
    except Exception:  # noqa: BLE001 - find the one text at fault, parse the others
        parsed: list = []
        for text in texts:
            try:
                parsed.append(nlp(text))
            except Exception as exc:  # noqa: BLE001 - reported with its document
                parsed.append(exc)
        return parsed


def _joined(extractions: list[tuple[int, Extraction]]) -> Extraction:
    """One Extraction from the pieces' (each piece's start in the cleaned text, its extraction)."""
    claims: list[CasualtyClaim] = []
    lead_places: tuple[PlaceMention, ...] = ()
    for start, extraction in extractions:
        numbering = {c.id: f"c{len(claims) + n}" for n, c in enumerate(extraction.claims, start=1)}
        claims.extend(replace(c, id=numbering[c.id], part_of=numbering.get(c.part_of) if c.part_of else None,
                              places=_shifted(c.places, start)) for c in extraction.claims)
        lead_places = lead_places or _shifted(extraction.lead_places, start)
    first = extractions[0][1]
    return Extraction(
        published=first.published, claims=tuple(claims), lead_places=lead_places,
        lead_date=next((e.lead_date for _, e in extractions if e.lead_date is not None), None),
        lead_actor=next((e.lead_actor for _, e in extractions if e.lead_actor is not None), None),
    )


def _shifted(mentions: tuple[PlaceMention, ...], by: int) -> tuple[PlaceMention, ...]:
    return tuple(PlaceMention(name=m.name, start=m.start + by, end=m.end + by) for m in mentions)


def _failed(document: Document, exc: Exception) -> FailedDocument:
    error = ExtractionError(f"{type(exc).__name__}: {exc}", source=document.origin or document.id)
    return FailedDocument(id=document.id, error=error)


def _original_mention(mention: PlaceMention, clean: CleanText) -> PlaceMention:
    start, end = clean.to_original(mention.start, mention.end)
    return PlaceMention(name=mention.name, start=start, end=end)
