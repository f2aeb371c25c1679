"""Fuzzing on every CI run: hostile inputs never crash, never leave a traceback, never lose a record.

A seeded slice of the long run in ``benchmarks/fuzz.py`` (mutated fixture articles through
``Pipeline.extract_many`` and through ingest into a temporary store), and property tests of
the readers and cleaning on arbitrary bytes and text. Bounded to well under a minute.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))

from fuzz import FuzzGenerator, run  # noqa: E402

from sitrep.clean import clean_text  # noqa: E402
from sitrep.clean.pieces import piece_bounds, piece_of  # noqa: E402
from sitrep.errors import InputError  # noqa: E402
from sitrep.ingest import decode_bytes, read_jsonl  # noqa: E402
from sitrep.records import Document  # noqa: E402

CI_INPUTS = 40
CI_SEED = 7


def test_mutated_articles_never_crash_or_lose_a_record():
    report = run(CI_INPUTS, seed=CI_SEED, batch=20)
    assert report.inputs == CI_INPUTS
    assert report.failures == []


def test_the_generator_makes_the_hostile_cases_it_promises():
    items = list(FuzzGenerator(seed=1).inputs(200))
    texts = "".join(i.text for i in items)
    assert any("\ud800" <= ch <= "\udfff" for ch in texts)
    assert "99999999999999999999" in texts or "quintillion" in texts
    assert any(i.published in (dt.date(9999, 12, 31), dt.date(1, 1, 1)) for i in items)
    assert any(i.raw is not None for i in items) and "\x00" in texts


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=3000))
def test_any_bytes_are_text_or_a_clear_input_error(data):
    try:
        text, warnings = decode_bytes(data, origin="blob")
    except InputError as error:
        assert error.message.startswith("blob: ") and "\n" not in error.message
        return
    text.encode("utf-8")  # decoded text is always writable
    assert all(isinstance(w, str) for w in warnings)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(st.binary(max_size=200), st.text(max_size=200).map(lambda t: json.dumps(
    {"id": t, "text": t, "published": "9999-12-31"}))), max_size=8))
def test_any_jsonl_lines_give_one_item_per_non_blank_line(lines):
    raw = [line if isinstance(line, bytes) else line.encode("utf-8") for line in lines]
    raw = [line.replace(b"\n", b" ") for line in raw]
    items = list(read_jsonl(raw, origin="x.jsonl"))
    assert len(items) <= len(raw)
    for item in items:
        assert isinstance(item, (Document, InputError))
        if isinstance(item, Document):
            item.text.encode("utf-8")
            item.id.encode("utf-8")


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from("\r\n\t\u200b\ufeff\u00a0,.â€™k1"),
               max_size=600),
       st.integers(min_value=2, max_value=80))
def test_pieces_of_any_cleaned_text_map_back_inside_the_original(text, limit):
    clean = clean_text(text)
    for start, end in piece_bounds(clean.text, limit=limit):
        piece = piece_of(clean, start, end)
        assert piece.text == clean.text[start:end]
        lo, hi = piece.to_original(0, len(piece.text))
        assert 0 <= lo <= hi <= len(text)
        assert (lo, hi) == clean.to_original(start, end)
