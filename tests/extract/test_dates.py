"""Temporal expressions: detection, resolution against a base date, inference."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sitrep.extract.dates import DateMention, _date_matches, find_dates, infer_publication_date
from sitrep.extract.dates_patterns import DATE_PATTERN

D = dt.date
THURSDAY = D(2023, 6, 15)  # a Thursday
MONDAY = D(2023, 6, 12)
SATURDAY = D(2023, 6, 17)


def only_mention(sentence: str) -> DateMention:
    mentions = find_dates(sentence)
    assert len(mentions) == 1, [m.text for m in mentions]
    return mentions[0]


def resolved(sentence: str, base: dt.date | None) -> tuple[dt.date | None, dt.date | None, str]:
    mention = only_mention(sentence)
    found = mention.resolve(base)
    assert found is not None, mention
    return found.start, found.end, mention.text


ABSOLUTE = [
    ("Gunmen stormed the market on 9 May 2020, witnesses said.", D(2020, 5, 9), D(2020, 5, 9), "9 May 2020"),
    ("The clashes began on May 9, 2020 near the border.", D(2020, 5, 9), D(2020, 5, 9), "May 9, 2020"),
    ("It happened on the 9th of May 2020.", D(2020, 5, 9), D(2020, 5, 9), "the 9th of May 2020"),
    ("A bomb went off on 2nd May 2021 outside the court.", D(2021, 5, 2), D(2021, 5, 2), "2nd May 2021"),
    ("Protesters marched on 30 April, 2019 in the capital.", D(2019, 4, 30), D(2019, 4, 30), "30 April, 2019"),
    ("Around 4 March 2022 (as reported), a patrol was hit.", D(2022, 3, 4), D(2022, 3, 4), "4 March 2022"),
    ("On Saturday, 11 July 2015, the convoy was ambushed.", D(2015, 7, 11), D(2015, 7, 11), "Saturday, 11 July 2015"),
    ("The report is dated Sept. 3, 2019 and names no source.", D(2019, 9, 3), D(2019, 9, 3), "Sept. 3, 2019"),
    ("THE RAID TOOK PLACE ON 14 FEBRUARY 2018.", D(2018, 2, 14), D(2018, 2, 14), "14 FEBRUARY 2018"),
    ("The log entry reads 2016-02-28 for the shelling.", D(2016, 2, 28), D(2016, 2, 28), "2016-02-28"),
    ("Filed on 02/28/2016 by the district office.", D(2016, 2, 28), D(2016, 2, 28), "02/28/2016"),
    ("Filed on 28/02/2016 by the district office.", D(2016, 2, 28), D(2016, 2, 28), "28/02/2016"),
    ("Stamped 28.02.2016 at the checkpoint.", D(2016, 2, 28), D(2016, 2, 28), "28.02.2016"),
    ("Fighting flared in May 2020 around the dam.", D(2020, 5, 1), D(2020, 5, 31), "May 2020"),
    ("The siege lasted through late April 2017.", D(2017, 4, 21), D(2017, 4, 30), "late April 2017"),
    ("Strikes resumed in mid-October 2016.", D(2016, 10, 11), D(2016, 10, 20), "mid-October 2016"),
]


@pytest.mark.parametrize(("sentence", "start", "end", "text"), ABSOLUTE)
def test_absolute_date_is_fixed_by_the_text_alone(sentence, start, end, text):
    mention = only_mention(sentence)
    assert mention.kind == "absolute"
    assert mention.absolute is not None
    assert (mention.absolute.start, mention.absolute.end, mention.text) == (start, end, text)
    assert mention.resolve(None) == mention.absolute
    assert mention.resolve(D(1999, 1, 1)) == mention.absolute  # the base plays no part


RANGES = [
    ("Raids took place between 3 and 5 May 2020.", D(2020, 5, 3), D(2020, 5, 5), "between 3 and 5 May 2020"),
    ("Raids took place 3-5 May 2020 in the north.", D(2020, 5, 3), D(2020, 5, 5), "3-5 May 2020"),
    ("Raids took place from 3 to 5 May 2020.", D(2020, 5, 3), D(2020, 5, 5), "from 3 to 5 May 2020"),
    ("The curfew ran May 3-5, 2020.", D(2020, 5, 3), D(2020, 5, 5), "May 3-5, 2020"),
    ("It held between 30 April and 2 May 2020.", D(2020, 4, 30), D(2020, 5, 2), "between 30 April and 2 May 2020"),
    ("Unrest ran from 28 December 2019 to 3 January 2020.", D(2019, 12, 28), D(2020, 1, 3),
     "from 28 December 2019 to 3 January 2020"),
    ("The offensive lasted from September to December 2014.", D(2014, 9, 1), D(2014, 12, 31),
     "from September to December 2014"),
]


@pytest.mark.parametrize(("sentence", "start", "end", "text"), RANGES)
def test_stated_range_becomes_start_and_end(sentence, start, end, text):
    mention = only_mention(sentence)
    assert mention.is_range
    assert mention.absolute is not None
    assert (mention.absolute.start, mention.absolute.end, mention.text) == (start, end, text)


WEEKDAYS = [
    ("Gunmen ambushed a patrol on Thursday.", THURSDAY, D(2023, 6, 15), "Thursday"),
    ("Gunmen ambushed a patrol on Tuesday.", THURSDAY, D(2023, 6, 13), "Tuesday"),
    ("Gunmen ambushed a patrol on Friday.", THURSDAY, D(2023, 6, 9), "Friday"),
    ("Shelling resumed Thursday night.", THURSDAY, D(2023, 6, 15), "Thursday night"),
    ("The town was hit in the early hours of Sunday.", THURSDAY, D(2023, 6, 11), "the early hours of Sunday"),
    ("The town was hit last Thursday.", THURSDAY, D(2023, 6, 8), "last Thursday"),
    ("The town was hit late on Monday.", MONDAY, D(2023, 6, 12), "late on Monday"),
    ("The town was hit on Saturday.", MONDAY, D(2023, 6, 10), "Saturday"),
]


@pytest.mark.parametrize(("sentence", "base", "day", "text"), WEEKDAYS)
def test_weekday_resolves_to_past_relative_to_publication(sentence, base, day, text):
    mention = only_mention(sentence)
    assert mention.kind == "weekday" and mention.absolute is None
    assert resolved(sentence, base) == (day, day, text)


RELATIVE = [
    ("Two people were killed yesterday.", THURSDAY, D(2023, 6, 14), D(2023, 6, 14), "yesterday"),
    ("Yesterday, two people were killed.", THURSDAY, D(2023, 6, 14), D(2023, 6, 14), "Yesterday"),
    ("Shops stayed closed today.", THURSDAY, THURSDAY, THURSDAY, "today"),
    ("Sirens sounded this morning.", THURSDAY, THURSDAY, THURSDAY, "this morning"),
    ("Drones struck the base last night.", THURSDAY, D(2023, 6, 14), D(2023, 6, 14), "last night"),
    ("Drones struck the base overnight.", THURSDAY, D(2023, 6, 14), THURSDAY, "overnight"),
    ("The village was shelled two days ago.", THURSDAY, D(2023, 6, 13), D(2023, 6, 13), "two days ago"),
    ("The village was shelled 3 weeks ago.", THURSDAY, D(2023, 5, 25), D(2023, 5, 25), "3 weeks ago"),
    ("The village was shelled the day before yesterday.", THURSDAY, D(2023, 6, 13), D(2023, 6, 13),
     "the day before yesterday"),
    ("Aid workers were abducted last week.", THURSDAY, D(2023, 6, 5), D(2023, 6, 11), "last week"),
    ("Aid workers were abducted earlier this month.", THURSDAY, D(2023, 6, 1), THURSDAY, "earlier this month"),
    ("Aid workers were abducted last month.", THURSDAY, D(2023, 5, 1), D(2023, 5, 31), "last month"),
    ("Aid workers were abducted this week.", THURSDAY, D(2023, 6, 12), THURSDAY, "this week"),
    ("Nine died in the past 24 hours.", THURSDAY, D(2023, 6, 14), THURSDAY, "the past 24 hours"),
    ("Nine died over the past three days.", THURSDAY, D(2023, 6, 12), THURSDAY, "the past three days"),
    ("Clashes erupted over the weekend.", THURSDAY, D(2023, 6, 10), D(2023, 6, 11), "the weekend"),
    ("Clashes erupted over the weekend.", SATURDAY, SATURDAY, SATURDAY, "the weekend"),
]


@pytest.mark.parametrize(("sentence", "base", "start", "end", "text"), RELATIVE)
def test_relative_phrase_resolves_against_publication_date(sentence, base, start, end, text):
    assert only_mention(sentence).absolute is None
    assert resolved(sentence, base) == (start, end, text)


PARTIAL = [
    ("The market was bombed on 5 June.", THURSDAY, D(2023, 6, 5), D(2023, 6, 5)),
    ("The market was bombed on 20 June.", THURSDAY, D(2022, 6, 20), D(2022, 6, 20)),
    ("The market was bombed on June 15.", THURSDAY, THURSDAY, THURSDAY),
    ("The market was bombed between 1 and 3 June.", THURSDAY, D(2023, 6, 1), D(2023, 6, 3)),
    ("Talks stalled between 30 December and 2 January.", D(2024, 1, 3), D(2023, 12, 30), D(2024, 1, 2)),
    ("The truce collapsed in March.", THURSDAY, D(2023, 3, 1), D(2023, 3, 31)),
    ("The truce collapsed in August.", THURSDAY, D(2022, 8, 1), D(2022, 8, 31)),
    ("In May, 5,000 people fled the district.", THURSDAY, D(2023, 5, 1), D(2023, 5, 31)),
]


@pytest.mark.parametrize(("sentence", "base", "start", "end"), PARTIAL)
def test_day_or_month_without_year_resolves_to_latest_past_occurrence(sentence, base, start, end):
    mention = only_mention(sentence)
    assert mention.kind == "partial" and mention.absolute is None
    assert resolved(sentence, base)[:2] == (start, end)


NOT_DATES = [
    "The siege lasted three months.",
    "Fighting went on for 24 hours without a pause.",
    "The convoy was stuck for two days at the crossing.",
    "A man aged 25 was among the dead.",
    "The 31-year-old driver survived.",
    "The blast happened at 3 pm near the mosque.",
    "Troops of the 4th Division entered the town at 10:30.",
    "Turnout fell by 10% and 2,000 people fled.",
    "The ransom was $5 million, or about 4.5 million euros.",
    "Officials said they may 5 times review the figures.",
    "Readers of the Sunday Times were told little.",
    "Some 2011 households lost power.",
    "She said the talks could resume soon.",
    "Halab Today reported the attack.",
    "In Mar del Plata, workers rallied.",
    "Police seized 1/2 of the shipment and 3.5 tonnes of fuel.",
]


@pytest.mark.parametrize("sentence", NOT_DATES)
def test_durations_ages_times_and_quantities_are_not_dates(sentence):
    assert find_dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "start", "end"),
    [
        ("Filed on 05/09/2020 in the capital.", D(2020, 5, 9), D(2020, 5, 9)),  # "/" = month first
        ("Stamped 05.09.2020 at the border.", D(2020, 9, 5), D(2020, 9, 5)),  # "." = day first
        ("Stamped 09.28.2020 at the border.", D(2020, 9, 28), D(2020, 9, 28)),  # day cannot be 28th month
        ("Filed on 5/9/20 in the capital.", D(2020, 5, 9), D(2020, 5, 9)),
    ],
)
def test_ambiguous_numeric_date_prefers_month_first_with_slash_and_day_first_with_dot(sentence, start, end):
    mention = only_mention(sentence)
    assert mention.absolute is not None
    assert (mention.absolute.start, mention.absolute.end) == (start, end)


@pytest.mark.parametrize("sentence", ["It was 31 April 2020.", "It was 02/30/2020.", "On 31 April they fled."])
def test_impossible_calendar_day_is_not_a_mention(sentence):
    assert find_dates(sentence) == []


@pytest.mark.parametrize(
    ("sentence", "start", "end", "text"),
    [
        ("He was jailed in 2011 for sedition.", D(2011, 1, 1), D(2011, 12, 31), "2011"),
        ("Unrest grew between 2011 and 2013.", D(2011, 1, 1), D(2013, 12, 31), "between 2011 and 2013"),
        ("Attacks rose in early 2020.", D(2020, 1, 1), D(2020, 12, 31), "early 2020"),
    ],
)
def test_year_alone_is_absolute_with_year_granularity(sentence, start, end, text):
    mention = only_mention(sentence)
    assert mention.granularity == "year"
    assert (mention.absolute.start, mention.absolute.end, mention.text) == (start, end, text)


def test_relative_mention_has_no_dates_without_a_base():
    for sentence in ("Gunmen struck on Friday.", "Gunmen struck yesterday.", "Gunmen struck on 4 May."):
        assert only_mention(sentence).resolve(None) is None


def test_around_and_part_of_month_mark_the_date_approximate():
    assert only_mention("Around 9 May 2020 (as reported), a man was found.").approximate
    assert only_mention("Fighting in late May 2020 displaced thousands.").approximate
    assert not only_mention("On 9 May 2020, a man was found.").approximate


def test_offsets_index_the_text_and_mentions_come_in_order():
    text = "On 2 March 2021, gunmen attacked. Police said on Thursday that 3 died two days ago."
    mentions = find_dates(text)
    assert [m.text for m in mentions] == ["2 March 2021", "Thursday", "two days ago"]
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)


def test_rare_relative_shape_is_resolved_by_the_fallback_parser():
    assert resolved("The camp was raided twenty-one days ago.", THURSDAY)[:2] == (D(2023, 5, 25), D(2023, 5, 25))


def test_vague_ago_is_a_mention_without_a_date():
    mention = only_mention("The camp was raided several days ago.")
    assert mention.resolve(THURSDAY) is None


ALL_SENTENCES = [row[0] for table in (ABSOLUTE, RANGES, WEEKDAYS, RELATIVE, PARTIAL) for row in table] + NOT_DATES


@pytest.mark.parametrize("sentence", ALL_SENTENCES)
def test_anchored_scan_finds_what_a_full_scan_finds(sentence):
    expected = [(m.span(), m.lastgroup) for m in DATE_PATTERN.finditer(sentence)]
    assert [(m.span(), m.lastgroup) for m in _date_matches(sentence)] == expected


@pytest.mark.parametrize(
    ("text", "not_before", "expected"),
    [
        ("On 3 May 2020 a bomb exploded; a second blast followed on 5 May 2020.", None, D(2020, 5, 5)),
        ("Rebels took the town on 7 May 2020, after gains in 2011 and in June 2021.", None, D(2020, 5, 7)),
        ("Rebels took the town on 7 May 2020.", D(2020, 5, 8), D(2020, 5, 8)),
        ("Rebels took the town on 7 May 2020.", D(2020, 5, 1), D(2020, 5, 7)),
        ("Rebels took the town on Thursday.", None, None),
        ("Rebels took the town on Thursday.", D(2020, 5, 1), D(2020, 5, 1)),
        ("Fighting lasted between 3 and 5 May 2020.", None, D(2020, 5, 5)),
    ],
)
def test_publication_date_is_inferred_from_latest_explicit_day(text, not_before, expected):
    assert infer_publication_date(find_dates(text), not_before=not_before) == expected


_PIECES = [
    "on", "the", "9", "9th", "30", "May", "MAY", "Sept.", "June", "2020", "2011", "between", "and",
    "-", "to", "from", "of", ",", "last", "this", "Thursday", "Sat", "night", "in", "early", "late",
    "mid-", "ago", "two", "a", "few", "days", "week", "weekend", "month", "yesterday", "Today",
    "overnight", "past", "previous", "earlier", "12/05/2020", "2016-02-28", "hours", "end",
]


@given(st.lists(st.sampled_from(_PIECES), max_size=14))
@settings(max_examples=400, deadline=None)
def test_anchored_scan_matches_full_scan_on_random_word_sequences(pieces):
    sentence = " ".join(pieces)
    expected = [(m.span(), m.lastgroup) for m in DATE_PATTERN.finditer(sentence)]
    assert [(m.span(), m.lastgroup) for m in _date_matches(sentence)] == expected
