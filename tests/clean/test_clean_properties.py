"""Property tests: every cleaned span maps back to exactly the original text it came from."""

from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sitrep.clean import clean_text
from sitrep.clean.characters import INVISIBLE

# (original spelling, cleaned form)
WORDS = [(word, word) for word in (
    "the", "army", "said", "twelve", "people", "were", "in", "Hollin", "on", "Monday", "fighters",
    "civilians", "killed", "wounded", "13", "2,400", "\u201cwe", "stay,\u201d", "\u2014", "al-Sharaa",
    "execution-style", "long-term", "pro-government", "Hay\u2019at", "caf\u00e9", "S\u00e3o", "(HTS)",
)]
OBFUSCATED = [
    ("exec-utions", "executions"), ("terr-or", "terror"), ("k*lled", "killed"), ("k1lled", "killed"),
    ("m@ssacre", "massacre"), ("d.e.a.d", "dead"), ("unalived", "killed"), ("k\u0456lled", "killed"),
    ("ki\u200blled", "killed"), ("\u0421ity", "City"), ("Syria\u00e2\u20ac\u2122s", "Syria\u2019s"),
    ("caf\u00c3\u00a9", "caf\u00e9"), ("\u00e2\u20ac\u0153quote\u00e2\u20ac\u009d", "\u201cquote\u201d"),
]
SEPARATORS = [(" ", " "), (" ", " "), ("\u00a0", " "), ("\r\n", "\n"), ("\n", "\n"), ("\u200b ", " "),
              (" \ufeff", " "), ("\u202f", " ")]

tokens = st.sampled_from(WORDS + OBFUSCATED)
separators = st.sampled_from(SEPARATORS)


@st.composite
def documents(draw):
    """A document built from tokens with known cleaned forms: (original, cleaned, word spans)."""
    parts = []
    for index in range(draw(st.integers(min_value=1, max_value=40))):
        if index:
            parts.append(("sep",) + draw(separators))
        parts.append(("word",) + draw(tokens))
    original, cleaned, spans = [], [], []
    at_original = at_clean = 0
    for kind, spelled, clean in parts:
        if kind == "word":
            spans.append((at_original, at_original + len(spelled), at_clean, at_clean + len(clean)))
        original.append(spelled)
        cleaned.append(clean)
        at_original += len(spelled)
        at_clean += len(clean)
    return "".join(original), "".join(cleaned), spans


@settings(max_examples=300, deadline=None)
@given(documents())
def test_each_cleaned_word_maps_back_to_exactly_its_original_spelling(document):
    original, expected, spans = document
    clean = clean_text(original)
    assert clean.text == expected
    for original_start, original_end, clean_start, clean_end in spans:
        assert clean.to_original(clean_start, clean_end) == (original_start, original_end)


@settings(max_examples=300, deadline=None)
@given(documents(), st.data())
def test_any_cleaned_span_maps_to_an_original_span_that_holds_it(document, data):
    original, _, _ = document
    clean = clean_text(original)
    if not clean.text:
        return
    start = data.draw(st.integers(min_value=0, max_value=len(clean.text) - 1))
    end = data.draw(st.integers(min_value=start + 1, max_value=len(clean.text)))
    original_start, original_end = clean.to_original(start, end)
    assert 0 <= original_start < original_end <= len(original)
    # No deleted character dangles at either end of the mapped span.
    assert original[original_start] not in INVISIBLE and original[original_end - 1] not in INVISIBLE
    # The original span holds nothing that cleaned into text outside [start, end).
    back_start, back_end = clean.to_clean(original_start, original_end)
    assert back_start <= start and end <= back_end
    # Narrower cleaned spans never map wider than the spans holding them.
    inner = clean.to_original(start, max(start + 1, end - 1))
    assert original_start <= inner[0] and inner[1] <= original_end


NAMES = st.sampled_from(["Jane Roe", "Field Desk", "Amal K", "News Now 24"])
NOISE = st.sampled_from(["", " ???????\ufe0f", " \U0001F54A\ufe0f", " \U0001F1FA\U0001F1E6 ???"])
HANDLES = st.from_regex(r"@[A-Za-z][A-Za-z0-9_]{2,14}", fullmatch=True)
DATES = st.dates(min_value=dt.date(2010, 1, 1), max_value=dt.date(2030, 12, 31))


@st.composite
def posts(draw):
    words = draw(st.lists(tokens, min_size=3, max_size=25))
    body = " ".join(spelled for spelled, _ in words)
    if draw(st.booleans()):
        body += " pic.twitter.com/" + draw(st.from_regex(r"[A-Za-z0-9]{10}", fullmatch=True))
    name, handle, date = draw(NAMES), draw(HANDLES), draw(DATES)
    signature = f"\u2014 {name}{draw(NOISE)} ({handle}) {date:%B} {date.day}, {date.year}"
    return body + "\n" + signature, name, handle, date


@st.composite
def articles_with_posts(draw):
    blocks, expected = [], []
    for _ in range(draw(st.integers(min_value=1, max_value=4))):
        prose = " ".join(spelled for spelled, _ in draw(st.lists(tokens, min_size=5, max_size=40)))
        blocks.append(prose + ".")
        block, name, handle, date = draw(posts())
        expected.append((block, name, handle, date))
        blocks.append(block)
    newline = draw(st.sampled_from(["\n", "\r\n"]))
    return (newline * 2).join(b.replace("\n", newline) for b in blocks) + newline, expected, newline


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(articles_with_posts())
def test_generated_posts_are_found_with_exact_original_spans(article):
    original, expected, newline = article
    clean = clean_text(original)
    assert len(clean.posts) == len(expected)
    for post, (block, name, handle, date) in zip(clean.posts, expected):
        assert original[post.start:post.end] == block.replace("\n", newline)
        assert (post.platform, post.author, post.handle, post.date) == ("x", name, handle, date)
        clean_start, clean_end = clean.to_clean(post.start, post.end)
        assert clean_start == 0 or clean.text[clean_start - 1] == "\n"
        assert handle not in clean.text[clean_start:clean_end]


MESSY_ALPHABET = st.sampled_from(
    list("abcdekilmorstuy ADKS.,-@*1!$0'\n") + ["\r", "\r\n", "\u00a0", "\u200b", "\ufeff", "\u00ad", "\u0456",
                                             "\u0430", "\u00e2", "\u20ac", "\u2122", "\u00c3", "\u00a9", "\u2014",
                                             "\u2019", "\ufffd", "(@ab) March 8, 2025", "pic.twitter.com/x1",
                                             "Advertisement", "\U0001F54A", "\ufe0f", "exec-utions"]
)


@settings(max_examples=400, deadline=None)
@given(st.lists(MESSY_ALPHABET, max_size=120).map("".join), st.data())
def test_arbitrary_text_never_crashes_and_maps_spans_inside_the_original(original, data):
    clean = clean_text(original)
    for post in clean.posts:
        assert 0 <= post.start < post.end <= len(original)
    for start, end in clean.excluded:
        assert 0 <= start < end <= len(original)
    for duplicate in clean.duplicates:
        assert duplicate.of_end <= duplicate.start
    if clean.text:
        start = data.draw(st.integers(min_value=0, max_value=len(clean.text) - 1))
        end = data.draw(st.integers(min_value=start + 1, max_value=len(clean.text)))
        original_start, original_end = clean.to_original(start, end)
        assert 0 <= original_start < original_end <= len(original)
        kept = _kept_positions(clean)
        assert original_start in kept and original_end - 1 in kept


def _kept_positions(clean) -> set[int]:
    """Original positions that cleaned into some character (the rest were deleted)."""
    if clean.offsets is None:
        return set(range(len(clean.original)))
    return {position for segment in clean.offsets.segments
            for position in range(segment.orig_start, segment.orig_end)}
