"""The metric code of ``sitrep eval`` on hand-built results (no extraction involved)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from itertools import islice

import pytest

from sitrep.errors import GoldFileError, InputError
from sitrep.evaluate import (
    FIGURES,
    Gold,
    GoldRow,
    Mismatch,
    casualty_total,
    count_stated,
    country_iso2,
    evaluate,
    haversine_km,
    normalize_name,
    place_matches,
    read_gold,
    read_gold_files,
    score_row,
)
from sitrep.records import DateRange, Document, Figures, Incident, Location, PublishedDate, Result

KM_PER_DEGREE_LAT = 111.19508  # 2 * pi * 6371.0088 / 360


def incident(*, killed: int | None = None, injured: int | None = None, date: str | None = None,
             place: str | None = None, country: str | None = None, lat: float | None = None,
             lon: float | None = None, event_type: str | None = None,
             sub_event_type: str | None = None, number: int = 1) -> Incident:
    location = None
    if place is not None:
        location = Location(name=place, country=country, lat=lat, lon=lon)
    start = dt.date.fromisoformat(date) if date else None
    return Incident(
        id=f"i{number}", event_type=event_type, sub_event_type=sub_event_type,
        date=DateRange(start=start, end=start), location=location, actor1=None, actor2=None,
        killed=Figures(best=killed), injured=Figures(best=injured), claims=(), sources=(),
        disputed=False,
    )


def result(*incidents: Incident, doc_id: str = "d") -> Result:
    return Result(id=doc_id, published=PublishedDate(date=None, inferred=False),
                  incidents=tuple(incidents))


def outcome(gold: Gold, res: Result | None, field: str):
    matches = [o for o in score_row(gold, res) if o.field == field]
    return matches[0] if matches else None


# --------------------------------------------------------------------------- killed / injured


@pytest.mark.parametrize(
    ("bests", "expected"),
    [
        ((), 0),
        ((None,), 0),
        ((3, None, 4), 7),
        ((0, 0), 0),
        ((12,), 12),
    ],
)
def test_casualty_total_sums_bests_counting_none_as_zero(bests, expected):
    incidents = [incident(killed=b, number=n) for n, b in enumerate(bests)]
    assert casualty_total(incidents, "killed") == expected


@pytest.mark.parametrize(
    ("gold_killed", "bests", "correct"),
    [
        (7, (3, None, 4), True),
        (7, (3, 4, 1), False),
        (0, (), True),
        (0, (None,), True),
        (5, (), False),
        (2, (None,), False),
    ],
)
def test_killed_is_right_when_sum_of_bests_equals_gold(gold_killed, bests, correct):
    res = result(*(incident(killed=b, number=n) for n, b in enumerate(bests)))
    scored = outcome(Gold(killed=gold_killed), res, "killed")
    assert scored.correct is correct
    assert scored.predicted == sum(b or 0 for b in bests)


def test_injured_uses_the_injured_figures_not_the_killed_ones():
    res = result(incident(killed=4, injured=9))
    assert outcome(Gold(injured=9), res, "injured").correct
    assert not outcome(Gold(injured=4), res, "injured").correct


def test_unknown_gold_count_is_not_scored():
    assert outcome(Gold(killed=None), result(incident(killed=3)), "killed") is None


def test_failed_extraction_scores_as_no_incidents():
    assert outcome(Gold(killed=0), None, "killed").correct
    assert not outcome(Gold(killed=1), None, "killed").correct


# --------------------------------------------------------------------------- date


@pytest.mark.parametrize(
    ("dates", "correct"),
    [
        (("2021-04-02",), True),
        (("2021-04-02", "2021-04-03"), True),
        (("2021-04-03", "2021-04-02"), False),  # only the first incident counts
        ((None,), False),
        ((), False),  # no incident: wrong
    ],
)
def test_date_compares_first_incident_start(dates, correct):
    res = result(*(incident(date=d, number=n) for n, d in enumerate(dates)))
    assert outcome(Gold(date=dt.date(2021, 4, 2)), res, "date").correct is correct


def test_date_without_gold_is_not_scored():
    assert outcome(Gold(killed=1), result(incident(date="2021-04-02")), "date") is None


# --------------------------------------------------------------------------- place


@pytest.mark.parametrize(
    ("predicted", "gold_city", "correct"),
    [
        ("São Paulo", "sao paulo", True),
        ("SAO PAULO", "São Paulo", True),
        ("Deir ez-Zor", "Deir ez Zor", True),
        ("Dar'a", "Dara", True),
        ("Kraków", "Krakow", True),
        ("Paulo", "Sao Paulo", False),
        ("Sao Paulo State", "Sao Paulo", False),
    ],
)
def test_place_name_matches_ignoring_case_accents_and_punctuation(predicted, gold_city, correct):
    res = result(incident(place=predicted))
    assert outcome(Gold(city=gold_city), res, "place").correct is correct


@pytest.mark.parametrize(
    ("km_north", "correct"),
    [(0.0, True), (24.0, True), (24.9, True), (25.2, False), (26.0, False), (300.0, False)],
)
def test_place_within_25_km_of_gold_point_counts(km_north, correct):
    gold_lat, gold_lon = 10.0, 20.0
    res = result(incident(place="Somewhere Else", lat=gold_lat + km_north / KM_PER_DEGREE_LAT,
                          lon=gold_lon))
    scored = outcome(Gold(city="Elsewhere", lat=gold_lat, lon=gold_lon), res, "place")
    assert scored.correct is correct


def test_place_distance_rule_uses_longitude_too():
    # at 60 degrees north a degree of longitude is half as long: 0.4 deg ~ 22 km, 0.5 deg ~ 28 km
    near = result(incident(place="X", lat=60.0, lon=30.4))
    far = result(incident(place="X", lat=60.0, lon=30.5))
    gold = Gold(lat=60.0, lon=30.0)
    assert outcome(gold, near, "place").correct
    assert not outcome(gold, far, "place").correct


def test_place_matches_any_incident_not_only_the_first():
    res = result(incident(place="Northtown", number=1), incident(place="Riverton", number=2))
    assert outcome(Gold(city="Riverton"), res, "place").correct


def test_place_without_coordinates_on_either_side_needs_the_name():
    assert not place_matches([incident(place="Hilltop")], city="Valley", lat=1.0, lon=1.0)
    assert not place_matches([incident(place="Hilltop", lat=1.0, lon=1.0)], city="Valley",
                             lat=None, lon=None)
    assert not place_matches([incident()], city="Valley", lat=1.0, lon=1.0)


def test_place_is_scored_only_when_gold_has_a_city_or_a_point():
    assert outcome(Gold(killed=1), result(incident(place="A")), "place") is None
    assert outcome(Gold(lat=1.0, lon=2.0), result(), "place").correct is False


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [
        ((0.0, 0.0), (90.0, 0.0), 10007.557),
        ((0.0, 0.0), (0.0, 180.0), 20015.114),
        ((48.8566, 2.3522), (51.5074, -0.1278), 343.557),
        ((-33.0, 151.0), (-33.0, 151.0), 0.0),
    ],
)
def test_haversine_km(a, b, km):
    assert haversine_km(*a, *b) == pytest.approx(km, abs=0.01)


@pytest.mark.parametrize(
    ("name", "normal"),
    [("São  Tomé", "sao tome"), ("Dar'a", "dara"), ("Deir ez-Zor", "deir ez zor"),
     ("AL-HASAKAH", "al hasakah")],
)
def test_normalize_name(name, normal):
    assert normalize_name(name) == normal


# --------------------------------------------------------------------------- country


@pytest.mark.parametrize(
    ("name", "iso2"),
    [
        ("Syria", "SY"),
        ("syria", "SY"),
        ("Democratic Republic of Congo", "CD"),
        ("Democratic Republic of the Congo", "CD"),
        ("Republic of the Congo", "CG"),
        ("Ivory Coast", "CI"),
        ("Côte d'Ivoire", "CI"),
        ("Palestine", "PS"),
        ("West Bank", "PS"),
        ("United States", "US"),
        ("U.S.", "US"),
        ("Northern Ireland", "GB"),
        ("The Netherlands", "NL"),
        ("Burma", "MM"),
        ("México", "MX"),
        ("Niger", "NE"),
        ("Nigeria", "NG"),
        ("South Sudan", "SS"),
        ("Sudan", "SD"),
        ("Guinea", "GN"),
        ("Equatorial Guinea", "GQ"),
        ("Kosovo", "XK"),
        ("Afghanistam", "AF"),  # misspelt
        ("Baghdad Iraq", "IQ"),  # a place then its country
        ("across Pakistan", "PK"),
        ("Kibirizi Democratic Republic of Congo", "CD"),  # the longest contained name wins
        ("Singapore/Kuwait", None),  # two countries
        ("Indian Ocean", None),
        ("Soviet Union", None),  # no single present-day country
    ],
)
def test_country_name_maps_to_iso2(name, iso2):
    assert country_iso2(name) == iso2


@pytest.mark.parametrize(
    ("countries", "correct"),
    [(("SY",), True), (("LB", "SY"), True), (("sy",), True), (("LB",), False), ((None,), False)],
)
def test_country_is_right_when_some_incident_is_in_the_gold_country(countries, correct):
    res = result(*(incident(place="P", country=c, number=n) for n, c in enumerate(countries)))
    scored = outcome(Gold(country="Syria"), res, "country")
    assert scored.correct is correct
    assert scored.gold == {"name": "Syria", "iso2": "SY"}


def test_unmappable_gold_country_is_not_scored():
    assert outcome(Gold(country="Indian Ocean"), result(incident(place="P", country="IN")),
                   "country") is None


# --------------------------------------------------------------------------- event types


@pytest.mark.parametrize(
    ("types", "gold_type", "correct"),
    [
        (("Battles",), "Battles", True),
        (("Riots", "Battles"), "Battles", False),  # first incident only
        ((None,), "Battles", False),
        ((), "Protests", False),
        (("battles",), "Battles", False),  # exact vocabulary
    ],
)
def test_event_type_compares_first_incident(types, gold_type, correct):
    res = result(*(incident(event_type=t, number=n) for n, t in enumerate(types)))
    assert outcome(Gold(event_type=gold_type), res, "event_type").correct is correct


def test_free_text_event_type_of_other_datasets_is_not_scored():
    assert outcome(Gold(event_type="Suicide bombing"), result(incident(event_type="Battles")),
                   "event_type") is None


def test_sub_event_type_compares_first_incident():
    res = result(incident(sub_event_type="Armed clash"), incident(sub_event_type="Attack", number=2))
    assert outcome(Gold(sub_event_type="Armed clash"), res, "sub_event_type").correct
    assert not outcome(Gold(sub_event_type="Attack"), res, "sub_event_type").correct


# --------------------------------------------------------------------------- evaluate


class FakePipeline:
    """Answers from a table of results by document id, pulling documents in batches."""

    def __init__(self, results: dict[str, Result | None], *, batch_size: int = 2) -> None:
        self.results = results
        self.batch_size = batch_size
        self.seen: list[str] = []

    def extract_many(self, items: Iterable[Document]) -> Iterator[object]:
        iterator = iter(items)
        while batch := list(islice(iterator, self.batch_size)):
            for document in batch:
                self.seen.append(document.id)
                answer = self.results[document.id]
                yield answer if answer is not None else object()  # a failed document


def gold_row(doc_id: str, dataset: str, **gold) -> GoldRow:
    return GoldRow(id=doc_id, dataset=dataset, document=Document(id=doc_id, text="t"),
                   gold=Gold(**gold))


def test_evaluate_tallies_per_dataset_and_in_total():
    rows = [
        gold_row("a1", "alpha", killed=3, date=dt.date(2022, 1, 5)),
        gold_row("a2", "alpha", killed=0),
        gold_row("a3", "alpha", killed=2),
        gold_row("b1", "beta", killed=0, injured=4),
        gold_row("b2", "beta", killed=1),
    ]
    pipeline = FakePipeline({
        "a1": result(incident(killed=3, date="2022-01-05"), doc_id="a1"),
        "a2": result(doc_id="a2"),
        "a3": result(incident(killed=1), doc_id="a3"),
        "b1": result(incident(killed=None, injured=4), doc_id="b1"),
        "b2": None,
    })
    report = evaluate(rows, pipeline=pipeline)
    assert [d.name for d in report.datasets] == ["alpha", "beta"]
    alpha, beta = report.datasets
    assert (alpha.rows, alpha.failed, beta.rows, beta.failed) == (3, 0, 2, 1)
    assert (alpha.figure("killed").n, alpha.figure("killed").correct) == (3, 2)
    assert (alpha.figure("killed_gt0").n, alpha.figure("killed_gt0").correct) == (2, 1)
    assert (alpha.figure("killed_eq0").n, alpha.figure("killed_eq0").correct) == (1, 1)
    assert alpha.figure("date").value == 1.0
    assert beta.figure("injured").value == 1.0
    assert (beta.figure("killed").n, beta.figure("killed").correct) == (2, 1)
    assert beta.figure("date").value is None
    assert report.total.rows == 5
    assert (report.total.figure("killed").n, report.total.figure("killed").correct) == (5, 3)
    assert [f.name for f in report.total.figures] == list(FIGURES)
    assert pipeline.seen == ["a1", "a2", "a3", "b1", "b2"]


def test_evaluate_reports_each_wrong_figure_with_gold_and_predicted():
    rows = [gold_row("r1", "d", killed=5, date=dt.date(2023, 7, 1), city="Lakeside"),
            gold_row("r2", "d", killed=1)]
    pipeline = FakePipeline({
        "r1": result(incident(killed=2, date="2023-07-01", place="Hillside", country="KE",
                              lat=1.0, lon=2.0)),
        "r2": result(incident(killed=1)),
    })
    mismatches: list[Mismatch] = []
    evaluate(rows, pipeline=pipeline, on_mismatch=mismatches.append)
    assert [m.to_dict() for m in mismatches] == [
        {"id": "r1", "dataset": "d", "field": "killed", "gold": 5, "predicted": 2},
        {"id": "r1", "dataset": "d", "field": "place",
         "gold": {"city": "Lakeside", "lat": None, "lon": None},
         "predicted": [{"name": "Hillside", "country": "KE", "lat": 1.0, "lon": 2.0}]},
    ]
    json.dumps([m.to_dict() for m in mismatches])  # JSON-ready


def test_evaluate_keeps_rows_aligned_with_results_across_batches():
    rows = [gold_row(f"r{n}", "d", killed=n) for n in range(7)]
    pipeline = FakePipeline({f"r{n}": result(incident(killed=n)) for n in range(7)}, batch_size=3)
    report = evaluate(iter(rows), pipeline=pipeline)
    assert report.total.figure("killed").value == 1.0


def test_evaluate_of_no_rows_has_no_values():
    report = evaluate([], pipeline=FakePipeline({}))
    assert report.datasets == ()
    assert report.total.rows == 0
    assert all(f.value is None for f in report.total.figures)


# --------------------------------------------------------------------------- gold files


def write_lines(path, lines):
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def gold_line(doc_id: str = "g1", **overrides) -> str:
    record = {"id": doc_id, "dataset": "demo", "text": "Two people died in a blast in Lakeside.",
              "published": "2024-02-03",
              "gold": {"killed": 2, "injured": None, "date": "2024-02-02", "city": "Lakeside",
                       "country": "Kenya", "lat": 0.5, "lon": 36.1, "event_type": "Battles"}}
    record.update(overrides)
    return json.dumps(record)


def test_read_gold_reads_document_and_gold_apart(tmp_path):
    path = write_lines(tmp_path / "demo.jsonl", [gold_line(), "", gold_line("g2", dataset="other")])
    rows = list(read_gold(path))
    assert [(r.id, r.dataset) for r in rows] == [("g1", "demo"), ("g2", "other")]
    first = rows[0]
    assert first.document.text.startswith("Two people died")
    assert first.document.published == dt.date(2024, 2, 3)
    assert first.gold == Gold(killed=2, injured=None, date=dt.date(2024, 2, 2), city="Lakeside",
                              country="Kenya", lat=0.5, lon=36.1, event_type="Battles")


def test_read_gold_defaults_dataset_to_file_stem(tmp_path):
    record = json.loads(gold_line())
    del record["dataset"]
    path = write_lines(tmp_path / "mine.jsonl", [json.dumps(record)])
    assert next(read_gold(path)).dataset == "mine"


@pytest.mark.parametrize(
    ("bad_line", "message"),
    [
        ("{not json", "invalid JSON"),
        ("[1, 2]", "expected a JSON object"),
        (json.dumps({"text": "x", "gold": {}}), "'id'"),
        (gold_line(text=None), "'text'"),
        (gold_line(gold=None), "'gold'"),
        (gold_line(gold={"killed": "3"}), "'killed'"),
        (gold_line(gold={"killed": -1}), "'killed'"),
        (gold_line(gold={"killed": 2.5}), "'killed'"),
        (gold_line(gold={"injured": True}), "'injured'"),
        (gold_line(gold={"date": "May 5"}), "'date'"),
        (gold_line(gold={"lat": 91, "lon": 0}), "'lat'"),
        (gold_line(gold={"lat": 1.0, "lon": None}), "'lat' and 'lon'"),
        (gold_line(gold={"city": 7}), "'city'"),
        (gold_line(published="yesterday"), "published"),
    ],
)
def test_malformed_gold_line_fails_naming_file_and_line(tmp_path, bad_line, message):
    path = write_lines(tmp_path / "gold.jsonl", [gold_line(), bad_line, gold_line("g3")])
    rows = read_gold(path)
    assert next(rows).id == "g1"
    with pytest.raises(GoldFileError) as caught:
        next(rows)
    assert caught.value.message.startswith(f"{path}:2: ")
    assert message in caught.value.message
    assert isinstance(caught.value, InputError)


def test_missing_gold_file_fails_naming_it(tmp_path):
    path = tmp_path / "absent.jsonl"
    with pytest.raises(GoldFileError) as caught:
        list(read_gold(path))
    assert caught.value.message.startswith(f"{path}: cannot read gold file")


def test_read_gold_files_limits_each_file_and_filters_dataset(tmp_path):
    first = write_lines(tmp_path / "one.jsonl", [gold_line("a"), gold_line("b", dataset="x"),
                                                  gold_line("c"), gold_line("d")])
    second = write_lines(tmp_path / "two.jsonl", [gold_line("e"), gold_line("f")])
    assert [r.id for r in read_gold_files([first, second], limit=2)] == ["a", "b", "e", "f"]
    assert [r.id for r in read_gold_files([first, second], limit=2, dataset="demo")] == ["a", "c", "e", "f"]
    assert [r.id for r in read_gold_files([first, second], dataset="x")] == ["b"]


@pytest.mark.parametrize(("text", "count", "outcome", "stated"), [
    ("Gunmen killed 14 villagers and wounded 30 others.", 30, "injured", True),
    ("Twenty-three people were hurt when the bridge was shelled.", 23, "injured", True),
    ("Gunmen killed 14 villagers and wounded 30 others.", 44, "injured", False),
    ("A mortar round killed a fisherman near the harbour.", 1, "killed", True),
    ("A mortar round killed a fisherman near the harbour.", 1, "injured", False),
    ("Rebels raided the depot in 1998 and seized 40 rifles.", 1998, "killed", False),
])
def test_count_is_stated_when_the_text_gives_it_or_a_lone_victim_has_its_outcome_word(
        text, count, outcome, stated):
    assert count_stated(text, count, outcome=outcome) is stated


def test_stated_subfigure_counts_only_rows_whose_text_gives_the_gold_count():
    rows = [
        GoldRow(id="s1", dataset="d", gold=Gold(injured=30),
                document=Document(id="s1", text="Gunmen killed 14 villagers and wounded 30 others.")),
        GoldRow(id="s2", dataset="d", gold=Gold(injured=44),
                document=Document(id="s2", text="Gunmen killed 14 villagers and wounded 30 others.")),
        GoldRow(id="s3", dataset="d", gold=Gold(injured=0),
                document=Document(id="s3", text="No one was hurt in 3 blasts.")),
    ]
    pipeline = FakePipeline({"s1": result(incident(injured=30), doc_id="s1"),
                             "s2": result(incident(injured=30), doc_id="s2"),
                             "s3": result(doc_id="s3")})
    report = evaluate(rows, pipeline=pipeline)
    gt0, stated = report.total.figure("injured_gt0"), report.total.figure("injured_stated")
    assert (gt0.n, gt0.correct) == (2, 1)
    assert (stated.n, stated.correct) == (1, 1)


# --------------------------------------------------------------------------- coded ranges, count_in_text


@pytest.mark.parametrize(("bests", "correct"), [((22,), True), ((25,), True), ((12, 11), True), ((21,), False),
                                                ((26,), False), ((), False)])
def test_a_coded_range_is_right_when_the_total_lies_inside_it(bests, correct):
    gold = Gold(killed_low=22, killed_high=25)
    found = outcome(gold, result(*(incident(killed=b, number=n) for n, b in enumerate(bests))), "killed")
    assert found.correct is correct
    assert found.gold == [22, 25]


def test_an_exact_count_beside_its_range_is_scored_exactly():
    gold = Gold(killed=4, killed_low=4, killed_high=4)
    assert outcome(gold, result(incident(killed=4)), "killed").correct
    assert not outcome(gold, result(incident(killed=5)), "killed").correct


def test_a_range_down_to_zero_counts_among_the_rows_with_deaths():
    found = outcome(Gold(killed_low=0, killed_high=2), result(incident(killed=0)), "killed")
    assert found.correct and found.subsets[0] == "killed_gt0"


def test_read_gold_reads_ranges_and_the_count_in_text_flag(tmp_path):
    gold = {"killed": None, "killed_low": 6, "killed_high": 7, "injured_low": 12, "injured_high": 24,
            "count_in_text": True}
    row = next(read_gold(write_lines(tmp_path / "r.jsonl", [gold_line(gold=gold)])))
    assert (row.gold.killed_low, row.gold.killed_high, row.gold.injured_low, row.gold.injured_high) == (6, 7, 12, 24)
    assert row.gold.count_in_text is True


@pytest.mark.parametrize(("gold", "message"), [({"killed_low": 5, "killed_high": 3}, "'killed_low' 5 is above"),
                                               ({"count_in_text": "yes"}, "'count_in_text'"),
                                               ({"killed_high": -2}, "'killed_high'")])
def test_a_bad_range_or_flag_fails_naming_the_field(tmp_path, gold, message):
    with pytest.raises(GoldFileError, match=message):
        next(read_gold(write_lines(tmp_path / "bad.jsonl", [gold_line(gold=gold)])))


def test_count_in_text_subfigure_holds_only_rows_the_coder_flagged():
    text = "Gunmen killed 14 villagers."
    rows = [GoldRow(id=i, dataset="d", gold=Gold(killed=14, count_in_text=flag), document=Document(id=i, text=text))
            for i, flag in (("a", True), ("b", False), ("c", None))]
    pipeline = FakePipeline({i: result(incident(killed=14), doc_id=i) for i in "abc"})
    in_text = evaluate(rows, pipeline=pipeline).total.figure("killed_in_text")
    assert (in_text.n, in_text.correct) == (1, 1)


@pytest.mark.parametrize(("text", "low", "high", "stated"), [
    ("Between 22 and 25 people were killed in the strike.", 22, 25, True),
    ("At least 23 people were killed in the strike.", 22, 25, True),
    ("At least 30 people were killed in the strike.", 22, 25, False),
])
def test_a_range_is_stated_when_the_text_gives_a_count_inside_it(text, low, high, stated):
    assert count_stated(text, low, outcome="killed", high=high) is stated
