"""Casualty claims from a parsed, cleaned document.

:class:`ClaimExtractor` walks the sentences of a spaCy ``Doc`` made from
``CleanText.text``. Sentences with no outcome word are skipped cheaply; in the
others the casualty grammar (:mod:`.linking`) ties counts to outcomes, and the
claim gets its source, perpetrator, date, candidate places and evidence. All
offsets in the claims are mapped back to the original text.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc
from spacy.tokens import Span as SpacySpan

from ..nlp import doc_text
from ..clean import CleanText
from ..geocode import find_place_mentions
from ..records import (
    Actor,
    CasualtyClaim,
    Count,
    DateRange,
    PlaceMention,
    Post,
    PublishedDate,
    Source,
    Span,
    Victims,
)
from .dates import DateMention, find_dates, infer_publication_date
from .individuals import INDIVIDUAL_PRONOUNS, VICTIM_PRONOUNS
from .lexicon import (
    ATTEMPT_BEFORE_RE,
    BACKGROUND_AFTER_RE,
    BACKGROUND_RE,
    CODED_FATALITIES,
    CUMULATIVE_RE,
    OUTCOME_HINT,
    SPLIT_FATALITIES,
)
from .linking import LinkedCount, SentenceView, link_sentence
from .numbers import parse_number
from .sources import ARTICLE_SOURCE, sentence_perpetrator, sentence_source
from .victims import combined_category

NEGATION_PATTERNS: tuple[tuple[re.Pattern[str], tuple[str, ...]], ...] = (
    (re.compile(r"\b(?:no|zero|without(?: causing)?(?: any)?)\s+(?:casualties|human (?:losses|casualties))\b"
                r"(?!\s+(?:figures|were reported|are known))", re.I), ("killed", "injured")),
    (re.compile(r"\b(?:no|without(?: causing)?(?: any)?)\s+(?:fatalities|deaths|loss of (?:human )?life|one dead)\b", re.I),
     ("killed",)),
    (re.compile(r"\b(?:no|without(?: causing)?(?: any)?)\s+(?:injuries|one (?:was )?(?:injured|hurt|wounded))\b", re.I),
     ("injured",)),
    (re.compile(r"\b(?:no one|nobody|no-one|none of (?:the )?\w+|no (?:people|persons|civilians|soldiers|"
                r"passengers|residents))\s+(?:\w+\s+){0,3}?(?:was|were|has been|have been|had been|got|is|are)?\s*"
                r"(?:reported\s+)?(?P<word>killed|dead|died|injured|wounded|hurt|harmed)"
                r"(?:\s+or\s+(?P<word2>killed|injured|wounded|hurt|harmed))?\b", re.I), ()),
    (re.compile(r"\b(?:were|was|are|is)\s+not\s+(?:\w+\s+)?(?P<word>injured|hurt|wounded|harmed|killed)\b", re.I), ()),
    (re.compile(r"\bno (?:arrests|one (?:was|has been) (?:arrested|detained))\b", re.I), ("detained",)),
)
# A dateline ("KADUNA, Nigeria -", "KABUL (Reuters) -") names where the reporter filed from, not the event.
DATELINE = re.compile(r"^[ \t]*(?P<place>[A-Z][A-Z'.-]+(?:[ \t]+[A-Z][A-Z'.-]+)*(?:,[ \t]*[A-Z][\w.' -]{1,30}?)?)"
                      r"[ \t]*(?:\([^)\n]{1,40}\)[ \t]*)?[-–—]{1,2}[ \t]", re.MULTILINE)
_NO_REPORT = re.compile(r"\bno (?:reports?|information|word|details?) (?:of|on|about)\b", re.I)
@dataclass(frozen=True, slots=True)
class Extraction:
    """Claims of one document (places in cleaned offsets) and what the document leads with."""

    published: PublishedDate
    claims: tuple[CasualtyClaim, ...]
    lead_places: tuple[PlaceMention, ...] = ()  # the first sentences that name places
    lead_date: DateRange | None = None  # the first date the narrative gives
    lead_actor: Actor | None = None  # the first perpetrator named


@dataclass(slots=True)
class _Context:
    """What earlier sentences established, for the ones after them."""

    clean: CleanText
    published: PublishedDate
    dates: list[DateMention]
    places: list[PlaceMention]
    source: Source | None = None
    perpetrator: Actor | None = None
    lead_actor: Actor | None = None
    date_index: int = 0
    last_date: DateRange | None = None
    claims: list[CasualtyClaim] = field(default_factory=list)
    split_parts: int | None = None  # a coder's note splits the document's fatalities
    serial: int = 0  # for provisional claim ids, renumbered c1, c2, ... at the end
    repeats: list[tuple[CasualtyClaim, Source | None]] = field(default_factory=list)
    single_victims: set[str] = field(default_factory=set)  # outcomes of people named one by one, last sentence

    def provisional_id(self) -> str:
        self.serial += 1
        return f"p{self.serial}"


class ClaimExtractor:
    """Extract casualty claims from one parsed document. Stateless; cheap to construct."""

    def extract(self, doc: Doc, clean: CleanText, *, published: dt.date | None) -> Extraction:
        dates = [m for m in find_dates(clean.text) if m.granularity != "year"]
        post_dates = [p.date for p in clean.posts if p.date]
        if published is not None:
            publication = PublishedDate(date=published, inferred=False)
        else:
            inferred = infer_publication_date(dates, not_before=max(post_dates) if post_dates else None)
            publication = PublishedDate(date=inferred, inferred=inferred is not None)
        datelines = [m.span("place") for m in DATELINE.finditer(clean.text)]
        places = [p for p in find_place_mentions(doc) if not any(a <= p.start < b for a, b in datelines)]
        context = _Context(clean=clean, published=publication, dates=dates, places=places)
        previous_sentence: SpacySpan | None = None
        for sent in doc.sents:
            self._sentence(sent, previous_sentence, context)
            previous_sentence = sent
        claims = _with_corroboration(context.claims, context.repeats)
        if context.split_parts:
            claims = _divide_killed(claims, context.split_parts)
        claims = [replace(c, id=f"c{i}") for i, c in enumerate(claims, start=1)]
        lead_date = next((r for m in dates if (r := m.resolve(publication.date)) is not None), None)
        return Extraction(published=publication, claims=tuple(_renumber_parts(claims, context.claims)),
                          lead_places=_lead_places(doc, context.places), lead_date=lead_date,
                          lead_actor=context.lead_actor)

    def _sentence(self, sent: SpacySpan, previous: SpacySpan | None, context: _Context) -> None:
        clean = context.clean
        start, end = clean.to_original(sent.start_char, sent.end_char)
        sentence_date, own_date = _sentence_date(sent, context)
        found_source = sentence_source(sent, previous=context.source)
        if found_source is not None and found_source.name:
            context.source = found_source
        perpetrator = sentence_perpetrator(sent)
        if perpetrator is not None:
            context.perpetrator = perpetrator
            context.lead_actor = context.lead_actor or perpetrator
        if clean.is_excluded(start, end) or not OUTCOME_HINT.search(sent.text):
            return
        post = clean.post_at(start)
        repeat = clean.repeat_of(start, end)
        source = _post_source(post) if post else (found_source or ARTICLE_SOURCE)
        date = _post_date(sentence_date, own=own_date, post=post) if post else sentence_date
        places = _places_for(sent, previous, context.places, clean)
        evidence = Span(start=start, end=end, text=clean.original[start:end])
        made = _claims_in_sentence(sent, context=context, source=source, date=date, places=places,
                                   evidence=evidence, perpetrator=perpetrator or context.perpetrator)
        if repeat is not None:
            context.repeats.extend((claim, source if post else None) for claim in made)
        else:
            context.claims.extend(made)


def _claims_in_sentence(sent: SpacySpan, *, context: _Context, source: Source, date: DateRange,
                        places: tuple[PlaceMention, ...], evidence: Span,
                        perpetrator: Actor | None) -> list[CasualtyClaim]:
    view = SentenceView(sent)
    linked = [c for c in link_sentence(view) if not _in_background(sent, c)]
    earlier_one, context.single_victims = context.single_victims, {
        c.outcome for c in linked if c.via == "individual" and c.outcome}
    linked = [c for c in linked if not (c.via == "individual" and c.mention.text.lower() in PRONOUNS
                                        and c.outcome in earlier_one)]  # "... killed a farmer. They shot him ..."
    claims: list[CasualtyClaim] = []
    ids = {id(c): context.provisional_id() for c in linked}
    for index, count in enumerate(linked):
        children = [c for c in linked if c.part_of is count]
        category = count.category
        if children and category == "unknown":
            category = combined_category([c.category for c in children])
        victims_start, victims_end = context.clean.to_original(
            count.mention.start, view.ends[count.np_end - 1] if count.np_end > count.last else count.mention.end)
        claims.append(CasualtyClaim(
            id=ids[id(count)],
            outcome=count.outcome or "killed",
            count=_count(count),
            victims=Victims(category=category, text=context.clean.original[victims_start:victims_end]),
            perpetrator=None if category == "perpetrators" and perpetrator is None else perpetrator,
            source=source, date=date, location=None, evidence=evidence,
            part_of=ids.get(id(count.part_of)) if count.part_of is not None else None,
            places=places,
        ))
        if count.also:
            claims.append(replace(claims[-1], id=f"{claims[-1].id}b", outcome=count.also))
    if CUMULATIVE_RE.search(sent.text):  # "the conflict has killed 13,000 since 2014": context
        claims = [replace(c, scope="cumulative", date=DateRange(start=None, end=None, text=c.date.text))
                  for c in claims]
    claims.extend(_negation_claims(sent, context, claims, source=source, date=date, places=places,
                                   evidence=evidence))
    coded = _coded_claims(sent, context, source=source, date=date, places=places, evidence=evidence)
    if coded:
        claims = [c for c in claims if c.outcome != "killed"] + coded
    match = SPLIT_FATALITIES.search(sent.text)
    parts = parse_number(match.group("k")) if match else None
    if parts and parts > 1:
        if any(c.outcome == "killed" for c in claims):
            return _divide_killed(claims, parts)
        context.split_parts = parts
    return claims


PRONOUNS = INDIVIDUAL_PRONOUNS | VICTIM_PRONOUNS["dobj"]  # "he was killed", "shot him"

# ", killing 7" / ", leaving 3 dead": a participle that returns to the reported event.
MAIN_EVENT_PARTICIPLE = re.compile(r",\s+(?:and\s+)?(?:killing|injuring|wounding|leaving|claiming|leading to|"
                                   r"resulting in|raising|bringing|pushing)\b", re.I)
# "the deadliest since May, when gunmen ..., killing 8": a relative clause on the background, not the event
EMBEDDED_CLAUSE = re.compile(r",\s*(?:when|where|in which|during which|which|who|whom)\b", re.I)


def _in_background(sent: SpacySpan, count: LinkedCount) -> bool:
    """ "in retaliation for the killing of 3": an earlier killing, not this event's."""
    before = doc_text(sent.doc)[sent.start_char:count.mention.start]
    clauses = list(MAIN_EVENT_PARTICIPLE.finditer(before))
    if clauses and not EMBEDDED_CLAUSE.search(before, 0, clauses[-1].start()):
        before = before[clauses[-1].start():]  # "near a rally marking the anniversary of X's death, killing 7"
    after = doc_text(sent.doc)[count.mention.end:sent.end_char]
    attempted = count.anchor < count.first and ATTEMPT_BEFORE_RE.search(  # "tried to lynch three men"
        doc_text(sent.doc)[max(sent.start_char, count.mention.start - 40):count.mention.start])
    return bool(BACKGROUND_RE.search(before) or BACKGROUND_AFTER_RE.search(after) or attempted)


def _count(count: LinkedCount) -> Count:
    mention = count.mention
    if count.negated:
        return Count(low=0, high=0, qualifier="exact", text=mention.text)
    return Count(low=mention.low, high=mention.high, qualifier=mention.qualifier, text=mention.text)


def _negation_claims(sent: SpacySpan, context: _Context, existing: list[CasualtyClaim], *, source: Source,
                     date: DateRange, places: tuple[PlaceMention, ...], evidence: Span) -> list[CasualtyClaim]:
    text = sent.text
    if _NO_REPORT.search(text):
        return []
    made: list[CasualtyClaim] = []
    have = {c.outcome for c in existing}
    for pattern, outcomes in NEGATION_PATTERNS:
        for match in pattern.finditer(text):
            found = outcomes or tuple(_negated_outcomes(match.group(g)) for g in ("word", "word2")
                                      if g in pattern.groupindex and match.group(g))
            for outcome in found:
                if outcome in have:
                    continue
                have.add(outcome)
                start, end = context.clean.to_original(sent.start_char + match.start(), sent.start_char + match.end())
                made.append(CasualtyClaim(
                    id=context.provisional_id(), outcome=outcome,
                    count=Count(low=0, high=0, qualifier="exact", text=context.clean.original[start:end]),
                    victims=Victims(category="unknown", text=None), perpetrator=None, source=source,
                    date=date, location=None, evidence=evidence, places=places,
                ))
    return made


def _negated_outcomes(word: str) -> str:
    return "killed" if word.lower() in ("killed", "dead", "died") else "injured"


_TOLL_NOTE = re.compile(r"\W*(?:\d+|[a-z]+)\s+(?:fatalit(?:y|ies)|deaths?|killed|dead)"
                        r"(?:\W+(?:and\s+)?(?:\d+|[a-z]+)\s+(?:injured|wounded))?\W*$", re.I)
_CODED_IN_ADDITION = re.compile(
    r"\W*(?:in addition to|on top of|plus)\s+(?:the\s+)?(?P<n>\d+|\w+)\s+(?:\w+\s+)?(?:fatalit|deaths)", re.I)


def _coded_claims(sent: SpacySpan, context: _Context, *, source: Source, date: DateRange,
                  places: tuple[PlaceMention, ...], evidence: Span) -> list[CasualtyClaim]:
    """A coder's note such as "unknown fatalities coded as 10" states the conventional figure."""
    match = CODED_FATALITIES.search(sent.text)
    value = parse_number(match.group("n")) if match else None
    if value is None:
        return []
    known = _CODED_IN_ADDITION.match(sent.text, match.end())
    if known and (added := parse_number(known.group("n"))) is not None:
        value += added  # "Unknown fatalities coded at 3, in addition to 2 known fatalities": 5 in all
    return [CasualtyClaim(
        id=context.provisional_id(), outcome="killed",
        count=Count(low=value, high=value, qualifier="exact", text=match.group("n")),
        victims=Victims(category="unknown", text=None), perpetrator=None, source=source, date=date,
        location=None, evidence=evidence, places=places,
    )]


def _divide_killed(claims: list[CasualtyClaim], parts: int) -> list[CasualtyClaim]:
    """"20 fatalities split between 3 events": this report's share is 20 / 3, rounded."""
    return [
        replace(c, count=replace(c.count, low=_share(c.count.low, parts), high=_share(c.count.high, parts)))
        if c.outcome == "killed" else c
        for c in claims
    ]


def _share(value: int | None, parts: int) -> int | None:
    """One event's share of a figure split between ``parts`` events, rounded half up as coders do."""
    return None if value is None else int(value / parts + 0.5)


def _sentence_date(sent: SpacySpan, context: _Context) -> tuple[DateRange, bool]:
    """The sentence's own date, else the narrative's last date, else publication; and whether own."""
    dates, base = context.dates, context.published.date
    while context.date_index < len(dates) and dates[context.date_index].end <= sent.start_char:
        context.date_index += 1
    own, own_coarse = None, True
    index = context.date_index
    while index < len(dates) and dates[index].start < sent.end_char:
        resolved = dates[index].resolve(base)
        if resolved is not None and (own is None or own_coarse and dates[index].granularity == "day"):
            own, own_coarse = resolved, dates[index].granularity != "day"
        index += 1
    if own is not None:
        if not own_coarse:  # the narrative goes on from this sentence's day ("the past two years" dates nothing)
            context.last_date = own
        return own, True
    if _TOLL_NOTE.match(sent.text):  # a coder's closing toll ("1 fatality.") dates from the report's lead
        lead = next((r for m in dates if (r := m.resolve(base)) is not None), None)
        if lead is not None:
            return DateRange(start=lead.start, end=lead.end, text=None), False
    if context.last_date is not None:
        carried = context.last_date
        return DateRange(start=carried.start, end=carried.end, text=None), False
    return DateRange(start=base, end=base, text=None), False


def _post_date(date: DateRange, *, own: bool, post: Post) -> DateRange:
    """A post's statements date from the post's own words, else the post; never after it."""
    if post.date is None:
        return date
    if not own or date.start is None or date.start > post.date:
        return DateRange(start=post.date, end=post.date, text=date.text if own else None)
    if date.end is not None and date.end > post.date:
        return DateRange(start=date.start, end=post.date, text=date.text)
    return date


def _post_source(post: Post) -> Source:
    return Source(name=post.author or post.handle, kind="social_post", handle=post.handle)


def _places_for(sent: SpacySpan, previous: SpacySpan | None, places: list[PlaceMention],
                clean: CleanText) -> tuple[PlaceMention, ...]:
    """Place mentions of the sentence, then of the one before (cleaned offsets); none for a coder's
    closing toll ("1 fatality."), which sums the whole report wherever its last sentence was."""
    if _TOLL_NOTE.match(sent.text):
        return ()
    own = [p for p in places if sent.start_char <= p.start < sent.end_char]
    before = [p for p in places if previous is not None and previous.start_char <= p.start < previous.end_char]
    return tuple(own + before)


def _lead_places(doc: Doc, places: list[PlaceMention]) -> tuple[PlaceMention, ...]:
    """Mentions in the first sentence that names a place, and in the sentence after it."""
    if not places:
        return ()
    sentences = [(s.start_char, s.end_char) for s in doc.sents]
    first = next(i for i, (a, b) in enumerate(sentences) if a <= places[0].start < b)
    end = sentences[min(first + 1, len(sentences) - 1)][1]
    return tuple(p for p in places if p.start < end)


def _with_corroboration(claims: list[CasualtyClaim],
                        repeats: list[tuple[CasualtyClaim, Source | None]]) -> list[CasualtyClaim]:
    """A repeated statement corroborates the original's matching claim; it is never a new claim."""
    result = list(claims)
    for repeat, source in repeats:
        if source is None:
            continue
        for index, claim in enumerate(result):
            if (claim.outcome, claim.count.low, claim.count.high) == (repeat.outcome, repeat.count.low,
                                                                     repeat.count.high):
                if source not in claim.corroborated_by and source != claim.source:
                    result[index] = replace(claim, corroborated_by=claim.corroborated_by + (source,))
                break
    return result


def _renumber_parts(numbered: list[CasualtyClaim], originals: list[CasualtyClaim]) -> list[CasualtyClaim]:
    mapping = {original.id: new.id for original, new in zip(originals, numbered)}
    return [replace(c, part_of=mapping.get(c.part_of)) if c.part_of else c for c in numbered]
