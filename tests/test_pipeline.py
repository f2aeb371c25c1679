"""The whole pipeline on whole articles: the seed, the bundled example, streams, and span integrity."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.errors import InputError
from sitrep.pipeline import FailedDocument, Pipeline
from sitrep.records import Document
from sitrep.serialize import to_dict

ROOT = Path(__file__).parents[1]
EXAMPLE = ROOT / "examples" / "coastal_clashes.txt"


@pytest.fixture(scope="module")
def pipeline() -> Pipeline:
    return Pipeline()


@pytest.fixture(scope="module")
def seed(pipeline, seed_files):
    text = seed_files[0].read_text(encoding="utf-8")
    return text, pipeline.extract(Document(id="seed", text=text))


def _killed(result, low):
    return [c for c in result.claims if c.outcome == "killed" and c.count.low == low]


@pytest.mark.parametrize(("low", "category"), [(745, "civilians"), (125, "state_forces"), (148, "non_state_armed")])
def test_seed_monitor_figures_are_attributed_to_the_observatory(seed, low, category):
    _, result = seed
    (claim,) = _killed(result, low)
    assert claim.source.name == "Syrian Observatory for Human Rights"
    assert claim.source.kind == "monitor"
    assert claim.victims.category == category


def test_seed_ambush_toll_is_dated_to_the_thursday_before_the_posts(seed):
    _, result = seed
    (claim,) = _killed(result, 13)
    assert claim.date.start == dt.date(2025, 3, 6)
    assert claim.victims.category == "state_forces"
    assert claim.perpetrator is not None and "gunmen" in claim.perpetrator.name.lower()


def test_seed_post_figure_is_a_lower_bound_from_the_post_not_the_observatory(seed):
    _, result = seed
    (claim,) = _killed(result, 2400)
    assert (claim.count.qualifier, claim.count.high) == ("at_least", None)
    assert claim.source.kind == "social_post" and claim.source.handle == "@CherylWroteIt"


def test_seed_vague_figures_follow_the_conservative_convention(seed):
    _, result = seed
    wounded = [c for c in result.claims if c.outcome == "injured"]
    assert [(c.count.qualifier, c.count.low) for c in wounded] == [("vague", 3)]
    hundreds = _killed(result, 100)
    assert [c.count.qualifier for c in hundreds] == ["vague"]


def test_seed_distractor_numbers_make_no_claims(seed):
    _, result = seed
    texts = " | ".join(c.count.text for c in result.claims)
    for distractor in ("10", "4th", "three", "24", "two"):
        assert distractor not in texts.split(" | ")


def test_seed_posts_and_repeated_paragraph_are_found(seed):
    text, result = seed
    assert sorted(p.handle for p in result.posts) == ["@CherylWroteIt", "@tmjnewsnetwork"]
    assert {p.date for p in result.posts} == {dt.date(2025, 3, 8)}
    assert len(result.duplicates) >= 1
    assert result.published.date == dt.date(2025, 3, 8) and result.published.inferred


def test_seed_statement_repeated_in_a_post_is_not_claimed_twice(seed):
    text, result = seed
    keys = [(c.outcome, c.count.low, c.count.high, c.victims.category) for c in result.claims]
    assert len(keys) == len(set(keys))
    for duplicate in result.duplicates:
        assert not any(duplicate.start <= c.evidence.start < duplicate.end for c in result.claims)


def test_seed_ambush_is_located_at_the_village_relative_to_the_town(seed):
    _, result = seed
    (claim,) = _killed(result, 13)
    assert claim.location is not None and claim.location.name == "Beit Ana"
    assert claim.location.precision == 2
    assert claim.location.country == "SY"


def test_seed_massacre_incident_keeps_low_best_high_and_is_disputed(seed):
    _, result = seed
    incident = next(i for i in result.incidents if "c1" in i.claims or any(
        c.id in i.claims for c in _killed(result, 745)))
    assert (incident.killed.low, incident.killed.best) == (745, 745)
    assert incident.killed.high >= 2400
    assert incident.disputed
    assert "Syrian Observatory for Human Rights" in incident.sources and "@CherylWroteIt" in incident.sources


def test_example_article_runs_and_finds_its_sources(pipeline):
    result = pipeline.extract(Document(id="example", text=EXAMPLE.read_text(encoding="utf-8")))
    kinds = {c.source.kind for c in result.claims}
    assert {"monitor", "official", "social_post"} <= kinds
    assert any(c.part_of for c in result.claims)
    assert len(result.incidents) >= 3


def test_example_monitor_and_ministry_figures_dispute_rather_than_add_up(pipeline):
    result = pipeline.extract(Document(id="example", text=EXAMPLE.read_text(encoding="utf-8")))
    monitor = [c for c in result.claims if c.source.kind == "monitor" and c.outcome == "killed"]
    monitor_toll = max(c.count.low for c in monitor)
    (regional,) = [i for i in result.incidents if any(c.id in i.claims for c in monitor)]
    assert regional.disputed
    assert regional.killed.best <= regional.killed.high <= monitor_toll


def test_extract_many_streams_in_order_and_passes_failures_through(pipeline):
    items = [
        Document(id="a", text="Two soldiers were killed."),
        InputError("missing 'text'", source="in.jsonl:2"),
        Document(id="c", text="No one was hurt."),
    ]
    out = list(pipeline.extract_many(iter(items)))
    assert [getattr(o, "id", None) for o in out] == ["a", None, "c"]
    assert isinstance(out[1], FailedDocument) and out[1].error.code == "input_error"
    assert out[0].incidents[0].killed.best == 2


def test_peaceful_protest_without_casualties_is_an_incident_with_zero_killed(pipeline):
    result = pipeline.extract(Document(
        id="p", text="On 9 May 2020, teachers marched peacefully in Nairobi, demanding unpaid salaries."))
    (incident,) = result.incidents
    assert incident.event_type == "Protests" and incident.killed.best == 0


# --- Span integrity over generated articles ------------------------------------

SENTENCES = [
    "Gunmen killed {n} villagers near the market on Monday, police said.",
    "At least {n} people were k1lled and {m} injured when a bomb exploded.",
    "The Syria\u00e2\u20ac\u2122s monitor said {n} civilians had been m@ssacred.",
    "Residents said {n} fighters died in the clashes.",
    "A further {m} people were wounded.\u200b",
    "The ministry put the death toll at {n}.",
    "Nothing happened in the capital, where markets reopened.",
]
POST = "Reports of {n} dead in the city tonight. pic.twitter.com/AbCd123\n\u2014 Jane Roe ???\u2642\ufe0f (@janeroe) March 8, 2025"


@st.composite
def articles(draw):
    parts = draw(st.lists(st.sampled_from(SENTENCES + [POST]), min_size=1, max_size=6))
    numbers = st.integers(min_value=1, max_value=2500)
    separators = st.sampled_from([" ", "\n", "\n\n", "\r\n", "\u00a0"])
    text = ""
    for part in parts:
        text += part.format(n=draw(numbers), m=draw(numbers)) + draw(separators)
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=articles())
def test_every_claim_and_post_span_is_exactly_the_original_text(pipeline, text):
    result = pipeline.extract(Document(id="g", text=text))
    if "Gunmen killed" in text or "fighters died" in text:
        assert result.claims, "a plain casualty sentence must give a claim"
    for claim in result.claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        if claim.victims.text is not None:
            assert claim.victims.text in claim.evidence.text
        for place in claim.places:
            assert 0 <= place.start < place.end <= len(text)
    for post in result.posts:
        assert 0 <= post.start < post.end <= len(text)
        assert "@janeroe" in text[post.start:post.end]


def test_a_defect_on_one_document_is_reported_and_the_batch_goes_on(monkeypatch):
    pipeline = Pipeline()
    original = pipeline.claims.extract

    def flaky(doc, clean, *, published):
        if "explode" in doc.text:
            raise RuntimeError("boom")
        return original(doc, clean, published=published)

    monkeypatch.setattr(pipeline.claims, "extract", flaky)
    out = list(pipeline.extract_many([Document(id="a", text="This will explode."),
                                      Document(id="b", text="Two soldiers were killed.")]))
    assert isinstance(out[0], FailedDocument) and out[0].error.code == "extraction_error"
    assert "RuntimeError: boom" in out[0].error.message
    assert out[1].id == "b" and out[1].claims


def test_a_conflicts_running_toll_is_a_claim_but_not_an_incident(pipeline):
    text = ("Shelling killed two soldiers near Marinka on Saturday, the army said. "
            "The conflict in the east has killed more than 13,000 people since 2014, according to the United Nations.")
    result = pipeline.extract(Document(id="t", text=text, published=dt.date(2020, 5, 10)))
    running = [c for c in result.claims if c.count.low == 13000]
    assert [c.scope for c in running] == ["cumulative"]
    assert sum(i.killed.best or 0 for i in result.incidents) == 2


@pytest.mark.parametrize(
    ("text", "best"),
    [
        ("Thirteen soldiers died when a bomb hit their vehicle, the army said. The attack is the deadliest "
         "since January, when gunmen ambushed a patrol, killing eight soldiers.", 13),
        ("Gunmen killed three officers at the station on Monday, police said. The death toll from the attack on the "
         "police station in the town rose to five on Wednesday after two wounded officers died.", 5),
        ("A bomb exploded, killing 17 people, including five children, according to a rescue volunteer. "
         "A military spokesman denied the report, saying 10 fighters had been killed.", 17),
        ("Gunmen shot dead a teacher in the market on Monday. Witnesses said the gunmen killed him in front of "
         "his pupils.", 1),
    ],
    ids=["an earlier attack is background", "a toll that rose", "a denial does not add or lower",
         "a pronoun in the next sentence is the person already counted"],
)
def test_document_toll_follows_the_reporting_conventions(pipeline, text, best):
    result = pipeline.extract(Document(id="d", text=text, published=dt.date(2020, 5, 10)))
    assert sum(i.killed.best or 0 for i in result.incidents) == best


@pytest.mark.parametrize(
    ("text", "tolls"),
    [
        ("Drone strike kills two in Kherson\n\nTwo people were killed when a drone dropped explosives on a car "
         "in Kherson on Monday, the regional administration said.", [2]),
        ("Gunmen killed four villagers in Kalla on Monday, police said. In a separate incident, a roadside bomb "
         "killed two soldiers near Damboa.", [4, 2]),
        ("A monitor said 300 civilians had been killed since the violence began. Yesterday, attackers stormed a "
         "police station in Bayt al-Faqih. One civilian and six assailants were killed during the assault.", [300, 7]),
        ("On 28 April 2020, in Teresina, Piaui, a man was shot dead by two armed men. 1 fatality.", [1]),
        ("On 3 May 2020, a driver was shot dead in Iguala, Guerrero. His brother had been threatened there on "
         "2 January 2020. 1 fatality", [1]),
        ("On 6 May 2020, a crowd attacked two men in Rampur village over a land dispute. 1 killed 2 injured.", [1]),
    ],
    ids=["a headline restates its incident", "a separate incident", "an attack is not the summary",
         "a coder's restatement", "a closing toll dates from the lead, not the last date",
         "a closing tally of killed and injured"],
)
def test_claims_group_into_the_incidents_a_reader_sees(pipeline, text, tolls):
    result = pipeline.extract(Document(id="g", text=text, published=dt.date(2025, 1, 18)))
    assert [i.killed.best for i in result.incidents] == tolls


def test_a_body_found_in_the_next_sentence_is_the_abducted_persons_death(pipeline):
    text = "A schoolteacher was abducted by gunmen on the road to the market. His corpse was found two days later."
    result = pipeline.extract(Document(id="c", text=text, published=dt.date(2021, 3, 1)))
    assert [i.killed.best for i in result.incidents] == [1]


@pytest.mark.parametrize(("text", "best"), [
    ("Car bombs killed sixty people at the market. Nine of the injured died overnight, bringing the death toll up "
     "to sixty-nine.", 69),
    ("A blast killed at least 20 worshippers. Some of the wounded died in the days after the attack, raising the "
     "death toll to 24.", 24),
], ids=["a toll brought up to a figure", "a toll raised by the wounded who died"])
def test_a_toll_raised_later_in_the_report_is_the_best_figure(pipeline, text, best):
    result = pipeline.extract(Document(id="r", text=text, published=dt.date(2022, 4, 2)))
    assert [i.killed.best for i in result.incidents] == [best]


def test_named_victims_after_a_total_are_a_detail_of_it(pipeline):
    text = ("A car bomb outside the ministry killed 6 and injured 27 others. A party spokesman confirmed that "
            "MP Sami Darwish and his 3 bodyguards were wounded.")
    result = pipeline.extract(Document(id="n", text=text, published=dt.date(2022, 4, 2)))
    assert [(i.killed.best, i.injured.best) for i in result.incidents] == [(6, 27)]


# --------------------------------------------------------------------------- hostile documents

LONG_PARAGRAPHS = (
    "Gunmen killed {n} villagers in Kiri on Monday, the district police chief said.",
    "Residents said the attackers arrived on motorcycles and burned several houses.",
    "The army said its troops had been sent to the area and that calm had returned by evening.",
    "Aid groups said access to the valley remained difficult after the road was cut.",
)


def long_text(chars: int) -> str:
    """Plain paragraphs, one casualty statement every fourth, until ``chars`` characters."""
    paragraphs, size, number = [], 0, 0
    while size < chars:
        paragraph = LONG_PARAGRAPHS[number % len(LONG_PARAGRAPHS)].format(n=number % 90 + 2)
        paragraphs.append(paragraph)
        size += len(paragraph) + 2
        number += 1
    return "\n\n".join(paragraphs)


class _RecordingNlp:
    """The real spaCy pipeline, recording the length of every text it is given."""

    def __init__(self, nlp) -> None:
        self.nlp, self.lengths = nlp, []

    def pipe(self, texts, **kwargs):
        for text in texts:
            self.lengths.append(len(text))
            yield from self.nlp.pipe([text])

    def __call__(self, text):
        self.lengths.append(len(text))
        return self.nlp(text)


def test_a_long_text_is_parsed_in_pieces_of_bounded_size(monkeypatch):
    import sitrep.pipeline as pipeline_module
    from sitrep.nlp import get_nlp

    recording = _RecordingNlp(get_nlp())
    monkeypatch.setattr(pipeline_module, "get_nlp", lambda: recording)
    text = long_text(3 * pipeline_module.PIECE_CHARS)
    result = Pipeline().extract(Document(id="long", text=text, published=dt.date(2024, 6, 3)))
    assert max(recording.lengths) <= pipeline_module.PIECE_CHARS
    assert sum(recording.lengths) == len(text)  # every character parsed once
    statements = text.count("Gunmen killed")
    assert len([c for c in result.claims if c.outcome == "killed"]) == statements
    assert [c.id for c in result.claims] == [f"c{i}" for i in range(1, len(result.claims) + 1)]


def test_a_text_longer_than_spacys_limit_is_read_not_refused(monkeypatch):
    """spaCy refuses texts over ``nlp.max_length`` (E088; 1,000,000 by default): lowered here so the
    test stays fast, the pieces keep every text spaCy sees under it."""
    from sitrep.nlp import get_nlp

    nlp = get_nlp()
    monkeypatch.setattr(nlp, "max_length", 30_000)
    text = long_text(45_000)
    result = Pipeline().extract(Document(id="long", text=text))
    assert len(result.claims) == text.count("Gunmen killed")


def test_offsets_of_a_long_cleaned_text_index_the_original_in_every_piece():
    # CRLF line ends and mojibake make the cleaned text shorter than the original: the pieces' maps must compose
    text = long_text(50_000).replace("\n", "\r\n").replace("said.", "saidâ€¦ it said.")
    result = Pipeline().extract(Document(id="long", text=text, published=dt.date(2024, 6, 3)))
    assert result.claims
    for claim in result.claims:
        assert text[claim.evidence.start:claim.evidence.end] == claim.evidence.text
        assert claim.evidence.text.startswith("Gunmen killed")
        for place in claim.places:
            assert text[place.start:place.end] == place.name


def test_a_text_over_the_documented_limit_is_refused_with_a_clear_error():
    from sitrep.pipeline import MAX_DOCUMENT_CHARS

    out = list(Pipeline().extract_many([Document(id="huge", text="a " * (MAX_DOCUMENT_CHARS // 2 + 1)),
                                        Document(id="ok", text="Two soldiers were killed.")]))
    assert isinstance(out[0], FailedDocument) and out[0].error.code == "input_error"
    assert "at most 2,000,000 characters" in out[0].error.message
    assert out[1].claims


@pytest.mark.parametrize("published", [dt.date(9999, 12, 31), dt.date(1, 1, 1)])
def test_a_junk_publication_date_is_ignored_with_a_warning(pipeline, published):
    result = pipeline.extract(Document(id="d", text="Gunmen killed 12 people in Kaduna on Monday.",
                                       published=published))
    assert result.published.date != published
    assert any("publication date" in w and published.isoformat() in w for w in result.warnings)
    assert result.claims[0].count.low == 12


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Des hommes armés ont tué douze civils dans le village de Kiri lundi, selon les autorités "
         "locales qui ont confirmé le bilan dans la soirée.", "French"),
        ("قتل مسلحون اثني عشر مدنيا في قرية شمال البلاد يوم الاثنين بحسب مصادر محلية أكدت الحصيلة مساء", "Arabic"),
    ],
)
def test_a_text_sitrep_cannot_read_is_said_to_be_in_another_language(pipeline, text, language):
    result = pipeline.extract(Document(id="d", text=text))
    assert any(language in w and "English" in w for w in result.warnings)


def test_an_english_article_has_no_language_warning(pipeline):
    result = pipeline.extract(Document(id="d", text=EXAMPLE.read_text(encoding="utf-8")))
    assert not [w for w in result.warnings if "English" in w]


def test_a_lone_surrogate_in_a_document_is_replaced_with_a_warning(pipeline):
    import json

    text = "Gunmen killed 12 people in Kaduna \ud800on Monday."
    result = pipeline.extract(Document(id="d", text=text))
    assert any("lone surrogate" in w for w in result.warnings)
    json.dumps(to_dict(result), ensure_ascii=False).encode("utf-8")  # printable, storable
    assert result.claims[0].evidence.start == 0
