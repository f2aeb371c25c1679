"""Long cleaned texts cut into bounded pieces whose offsets still index the original."""

import pytest

from sitrep.clean import clean_text
from sitrep.clean.pieces import piece_bounds, piece_of


@pytest.mark.parametrize(
    ("text", "limit", "expected"),
    [
        ("First para.\n\nSecond para.\n\nThird.", 20, ["First para.\n\n", "Second para.\n\nThird."]),
        ("First para.\n\nSecond para.\n\nThird one.", 20, ["First para.\n\n", "Second para.\n\n", "Third one."]),
        ("One line\nTwo line\nThree", 12, ["One line\n", "Two line\n", "Three"]),
        ("It rained. Then it stopped. Fine.", 16, ["It rained. ", "Then it stopped.", " Fine."]),
        ("It rained hard. Then it stopped.", 20, ["It rained hard. ", "Then it stopped."]),
        ("abcdefghij", 4, ["abcd", "efgh", "ij"]),
        ("short", 100, ["short"]),
        ("", 100, [""]),
    ],
)
def test_pieces_end_at_the_best_boundary_and_cover_the_text(text, limit, expected):
    bounds = piece_bounds(text, limit=limit)
    assert [text[a:b] for a, b in bounds] == expected
    assert all(b - a <= limit for a, b in bounds)


def test_a_piece_maps_its_spans_back_into_the_original():
    original = "Intro line.\r\n\r\nTen people were killed in Arden.\r\n\r\nSoldiers were k1lled too.\r\n"
    clean = clean_text(original)
    start = clean.text.index("Soldiers")
    piece = piece_of(clean, start, len(clean.text))
    begin = piece.text.index("k")
    span = piece.to_original(begin, begin + len("killed"))
    assert original[span[0]:span[1]] == "k1lled"
    assert piece.original is original and piece.posts == clean.posts
