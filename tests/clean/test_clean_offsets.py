"""The offset map: edits applied, maps composed, spans mapped back exactly."""

from __future__ import annotations

import pytest

from sitrep.clean.offsets import Edit, OffsetMap, apply_edits, compose


def test_unchanged_stretches_map_one_to_one():
    text, offsets = apply_edits("abc def", [Edit(3, 4, "_", linear=True)])
    assert text == "abc_def"
    assert offsets.to_original(4, 7) == (4, 7)
    assert offsets.to_original(2, 5) == (2, 5)


def test_atomic_replacement_maps_to_its_whole_run():
    original = "Syria\u00e2\u20ac\u2122s war"
    text, offsets = apply_edits(original, [Edit(5, 8, "\u2019")])
    assert text == "Syria\u2019s war"
    assert offsets.to_original(5, 6) == (5, 8)
    assert offsets.to_original(0, 7) == (0, 9)
    assert original[slice(*offsets.to_original(8, 11))] == "war"


def test_deleted_characters_never_start_or_end_a_mapped_span():
    original = "ki\u200blled \u200b now"
    text, offsets = apply_edits(original, [Edit(2, 3, ""), Edit(8, 9, "")])
    assert text == "killed  now"
    assert original[slice(*offsets.to_original(0, 6))] == "ki\u200blled"
    assert original[slice(*offsets.to_original(7, 11))] == " now"
    assert original[slice(*offsets.to_original(6, 8))] == " \u200b "


def test_empty_span_maps_to_a_point():
    text, offsets = apply_edits("a\r\nb", [Edit(1, 3, "\n")])
    assert offsets.to_original(2, 2) == (3, 3)
    assert offsets.to_original(3, 3) == (4, 4)


def test_composed_maps_reach_the_first_source():
    original = "x\u00a0k1lled\r\n"
    first_text, first = apply_edits(original, [Edit(1, 2, " ", linear=True), Edit(8, 10, "\n")])
    second_text, second = apply_edits(first_text, [Edit(2, 8, "killed", linear=True)])
    both = compose(second, first)
    assert second_text == "x killed\n"
    assert both.to_original(2, 8) == (2, 8)
    assert both.to_original(8, 9) == (8, 10)


def test_overlapping_edits_are_refused():
    with pytest.raises(ValueError):
        apply_edits("abcdef", [Edit(0, 3, "x"), Edit(2, 4, "y")])


@pytest.mark.parametrize(("original", "start", "end", "expected"), [
    ("Syria\u00e2\u20ac\u2122s war", 0, 9, (0, 7)),     # the whole mojibake run is inside
    ("Syria\u00e2\u20ac\u2122s war", 0, 6, (0, 5)),     # half a run is not
])
def test_to_clean_includes_only_whole_runs(original, start, end, expected):
    _, offsets = apply_edits(original, [Edit(5, 8, "\u2019")])
    assert offsets.to_clean(start, end) == expected


def test_identity_map_is_identity():
    offsets = OffsetMap.identity(5)
    assert offsets.is_identity
    assert offsets.to_original(1, 4) == (1, 4)
