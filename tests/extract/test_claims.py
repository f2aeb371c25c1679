"""Casualty claims from sentences: the annotated table in tests/fixtures/sentences/claims.jsonl.

Each line is an original sentence with the claims a careful analyst would code
(outcome, count, qualifier, victim category, source kind). Every line is a
case; the few shapes the grammar does not handle yet are strict xfails, so
they fail loudly once fixed and the table is kept honest.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path

import pytest

from sitrep.pipeline import Pipeline
from sitrep.records import Document

TABLE = Path(__file__).parents[1] / "fixtures" / "sentences" / "claims.jsonl"
ROWS = [json.loads(line) for line in TABLE.read_text(encoding="utf-8").splitlines() if line.strip()]

KNOWN_GAPS = {
    "The suicide attacker was the only fatality": "a predicate noun ('was the only fatality')",
    "The victims, nine of them children": "burial as the outcome, and a breakdown without a total",
}


def _gap(text: str) -> str | None:
    return next((reason for prefix, reason in KNOWN_GAPS.items() if text.startswith(prefix)), None)


def _document(index: int, row: dict) -> Document:
    published = dt.date.fromisoformat(row["published"]) if row.get("published") else None
    return Document(id=f"s{index}", text=row["text"], published=published)


@pytest.fixture(scope="module")
def results():
    documents = [_document(i, row) for i, row in enumerate(ROWS)]
    return list(Pipeline().extract_many(documents))


def _core(claims) -> list[tuple]:
    return sorted((c.outcome, c.count.low, c.count.high, c.count.qualifier) for c in claims)


def _expected_core(row: dict) -> list[tuple]:
    return sorted((c["outcome"], c["low"], c["high"], c["qualifier"]) for c in row["claims"])


@pytest.mark.parametrize("index", range(len(ROWS)), ids=lambda i: ROWS[i]["text"][:60])
def test_sentence_yields_the_annotated_claims(results, index, request):
    row = ROWS[index]
    reason = _gap(row["text"])
    if reason:
        request.applymarker(pytest.mark.xfail(reason=reason, strict=True))
    assert _core(results[index].claims) == _expected_core(row), row.get("note")


def _matched_pairs(results):
    for row, result in zip(ROWS, results):
        for expected in row["claims"]:
            for claim in result.claims:
                if (claim.outcome, claim.count.low, claim.count.high) == (
                        expected["outcome"], expected["low"], expected["high"]):
                    yield expected, claim
                    break


def test_victim_categories_mostly_agree_with_the_annotation(results):
    pairs = list(_matched_pairs(results))
    agree = sum(expected["victims"] == claim.victims.category for expected, claim in pairs)
    assert agree / len(pairs) >= 0.80


def test_source_kinds_mostly_agree_with_the_annotation(results):
    pairs = list(_matched_pairs(results))
    agree = sum(expected["source_kind"] == claim.source.kind for expected, claim in pairs)
    assert agree / len(pairs) >= 0.85


def test_resolved_claim_dates_agree_with_the_annotation(results):
    pairs = [(e, c) for e, c in _matched_pairs(results) if e.get("date")]
    agree = sum(c.date.start is not None and c.date.start.isoformat() == e["date"] for e, c in pairs)
    assert pairs and agree / len(pairs) >= 0.80


def test_negative_sentences_yield_no_claims(results):
    negatives = [(row, result) for row, result in zip(ROWS, results) if not row["claims"]]
    assert len(negatives) >= 30
    wrong = [row["text"] for row, result in negatives if result.claims]
    assert wrong == []


def test_table_covers_every_outcome_and_qualifier():
    outcomes = Counter(c["outcome"] for row in ROWS for c in row["claims"])
    qualifiers = Counter(c["qualifier"] for row in ROWS for c in row["claims"])
    assert set(outcomes) == {"killed", "injured", "missing", "abducted", "detained"}
    assert set(qualifiers) == {"exact", "at_least", "at_most", "about", "range", "vague"}


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("At least 11 people, including four soldiers and seven assailants, were killed.",
         [("killed", 11, None), ("killed", 4, 4), ("killed", 7, 7)]),
        ("One civilian and six assailants were killed in the attack.", [("killed", 1, 1), ("killed", 6, 6)]),
        ("The blast left 3 people dead and 12 wounded.", [("injured", 12, 12), ("killed", 3, 3)]),
        ("The death toll rose to 40 on Sunday.", [("killed", 40, 40)]),
        ("No one was killed in the attack.", [("killed", 0, 0)]),
        ("The two passengers were not injured.", [("injured", 0, 0)]),
    ],
)
def test_issue_forms_become_claims(sentence, expected):
    result = Pipeline().extract(Document(id="x", text=sentence))
    assert sorted((c.outcome, c.count.low, c.count.high) for c in result.claims) == sorted(expected)


def test_breakdown_parts_point_to_their_total():
    result = Pipeline().extract(Document(
        id="x", text="At least 11 people, including four soldiers and seven assailants, were killed."))
    total, *parts = result.claims
    assert [p.part_of for p in parts] == [total.id, total.id]
    assert total.victims.category == "mixed"
    assert [p.victims.category for p in parts] == ["state_forces", "perpetrators"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Volunteers had treated more than 60 wounded people in Zabid on Friday.", [("injured", 60, None)]),
        ("Two wounded officers died in hospital.", [("killed", 2, 2)]),
    ],
)
def test_an_outcome_word_modifying_the_victims_is_their_outcome_unless_a_verb_says_more(sentence, expected):
    result = Pipeline().extract(Document(id="x", text=sentence))
    assert [(c.outcome, c.count.low, c.count.high) for c in result.claims] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Gunmen shot two traders, killing one and seriously wounding the other.", [("killed", 1, 1), ("injured", 1, 1)]),
        ("Bandits killed a herder and wounded the other.", [("killed", 1, 1), ("injured", 1, 1)]),
        ("Nine guards were killed and a tenth wounded when the post was overrun.",
         [("killed", 9, 9), ("injured", 1, 1)]),
        ("An army personnel was injured in the blast.", [("injured", 1, 1)]),
        ("Three policemen died and two sustained bullet wounds in the ambush.", [("killed", 3, 3), ("injured", 2, 2)]),
        ("The other side of the road was shelled.", []),

        ("Security personnel were deployed after the blast.", []),
    ],
)
def test_a_victim_named_by_ordinal_remainder_or_singular_personnel_is_one_person(sentence, expected):
    result = Pipeline().extract(Document(id="x", text=sentence))
    assert sorted((c.outcome, c.count.low, c.count.high) for c in result.claims) == sorted(expected)


def test_a_count_with_a_verb_of_its_own_after_including_is_not_part_of_the_breakdown():
    sentence = "At least 12 people were killed in the raid, including a guard, where 200 inmates were freed."
    result = Pipeline().extract(Document(id="x", text=sentence))
    assert [(c.outcome, c.count.low) for c in result.claims] == [("killed", 12), ("killed", 1)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("His wife and daughter were wounded in the shelling.", [("injured", 2, 2)]),
        ("A man and woman were shot dead at the checkpoint.", [("killed", 2, 2)]),
        ("A soldier and two civilians were killed.", [("killed", 1, 1), ("killed", 2, 2)]),
        ("A man and his son were killed.", [("killed", 1, 1), ("killed", 1, 1)]),
        ("The father and 12-year-old son were killed while the mother and daughter were wounded.",
         [("killed", 2, 2), ("injured", 2, 2)]),
        ("Two people (a farmer and his wife) were shot dead.", [("killed", 2, 2), ("killed", 1, 1), ("killed", 1, 1)]),
        ("Two people (a mother and daughter) were shot dead.", [("killed", 2, 2), ("killed", 2, 2)]),
    ],
)
def test_two_people_sharing_one_determiner_are_two_victims(sentence, expected):
    result = Pipeline().extract(Document(id="x", text=sentence))
    assert sorted((c.outcome, c.count.low, c.count.high) for c in result.claims) == sorted(expected)


def test_animals_killed_are_not_casualties():
    result = Pipeline().extract(Document(id="x", text="Three people and twelve horses were killed by the blast."))
    assert [(c.outcome, c.count.low) for c in result.claims] == [("killed", 3)]


def test_a_pair_in_parentheses_is_the_total_it_follows():
    result = Pipeline().extract(Document(id="x", text="Two people (a mother and daughter) were shot dead."))
    total, pair = result.claims
    assert pair.part_of == total.id
    assert result.incidents[0].killed.best == 2


def test_victims_named_in_parentheses_after_a_count_are_its_parts():
    text = "At least four tourists (one German, a Dutchman and two Canadians) were hurt in the ambush."
    result = Pipeline().extract(Document(id="x", text=text))
    total, *parts = result.claims
    assert parts and all(p.part_of == total.id for p in parts)
    assert result.incidents[0].injured.best == 4


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Troops clashed with rebels near the river. 14 rebels were killed in the fighting.", [("killed", 14, 14)]),
        ("Jets struck the camp. 31 ISWAP/JAS fighters were killed.", [("killed", 31, 31)]),
        ("Bandits raided the market. 6 CJTF and Yan Sa Kai vigilantes were killed.", [("killed", 6, 6)]),
        ("Seven guards from the Presidential Guard's 2nd Battalion were reported killed.", [("killed", 7, 7)]),
        ("A trader was kidnapped by three men and shot dead.", [("abducted", 1, 1), ("killed", 1, 1)]),
        ("A headman was attacked and beaten to death by a mob.", [("killed", 1, 1)]),
        ("Two men were shot. One man was wounded and the other died.", [("injured", 1, 1), ("killed", 1, 1)]),
        ("Three suspected thieves were fatally assaulted by residents.", [("killed", 3, 3)]),
        ("The guard was attacked and robbed.", []),
        ("On 3 June, in Jaboatao, Pernambuco, a gang leader was killed after a shoot-out with police.",
         [("killed", 1, 1)]),
        ("Two men accused of stealing cattle in the hamlet of Ikot (Akwa Ibom) were lynched by residents.",
         [("killed", 2, 2)]),
        ("Six guards from the Sons of the Valley militia (a local force) were reported killed.", [("killed", 6, 6)]),
        ("The widow of a slain activist was shot dead at her home.", [("killed", 1, 1)]),
        ("The body of a missing farmer was found in a ravine.", [("killed", 1, 1)]),
        ("The blasts caused the death of one person.", [("killed", 1, 1)]),
        ("Militants carried out the killing of 12 villagers.", [("killed", 12, 12)]),
        ("A trader was killed by henchmen of another trader.", [("killed", 1, 1)]),
        ("The ambush resulted in one dead border guard.", [("killed", 1, 1)]),
        ("The activist and her bodyguard, Ali Musa, were fatally shot by gunmen.", [("killed", 1, 1), ("killed", 1, 1)]),
        ("Fighters burned to death a family of six in the hamlet.", [("killed", 6, 6)]),
        ("Nine herders are cut down by raiders.", [("killed", 9, 9)]),
        ("The funeral of two soldiers was held on Sunday.", []),
        ("Families prepared the burial of dozens of those killed in the raid.", [("killed", 12, None)]),
        ("The deminer, 31, was hit by shrapnel and died in hospital.", [("killed", 1, 1)]),
        ("Five guards were killed and wounded in the ambush.", []),
        ("One engineer, Tom Okafor, was killed.", [("killed", 1, 1)]),
        ("Ama Boateng, a poet and publisher, was shot dead by two men.", [("killed", 1, 1)]),
        ("At least 9 guards were executed by the militia and another 11 were wounded.",
         [("killed", 9, None), ("injured", 11, 11)]),
    ],
)
def test_victims_the_parse_or_the_sentence_split_would_lose(text, expected):
    result = Pipeline().extract(Document(id="x", text=text))
    assert sorted((c.outcome, c.count.low, c.count.high) for c in result.claims) == sorted(expected)
