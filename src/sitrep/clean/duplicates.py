"""Near-duplicate paragraphs and sentences within one document.

Units (paragraphs = lines, and sentences) are compared case- and
punctuation-insensitively on their words, after de-obfuscation. Candidate
pairs come from an inverted index of word 3-gram shingles (exact, cheaper
than MinHash at the size of one article); a candidate is a repeat when the
character-level similarity of the two word strings (rapidfuzz Indel ratio)
reaches :data:`SIMILARITY_THRESHOLD`, their lengths are comparable, and they
state the same numbers and names (see :func:`_same_particulars`). Shingles
shared by more than a few units are stock phrases and ignored; text with no
repeated shingle at all (most articles) is answered after one cheap pass.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from itertools import chain

from rapidfuzz.fuzz import ratio

SIMILARITY_THRESHOLD = 0.8
MIN_WORDS = 8
MIN_LENGTH_RATIO = 0.6  # a repeat is not much shorter or longer than what it repeats
_COMMON = 4  # a shingle found in more units than this is a stock phrase
_CANDIDATES = 4  # most-overlapping earlier units scored per unit
_NUMBER_RE = re.compile(r"\d[\d,.]*\d|\d")
_NAME_RE = re.compile(r"(?<![\w'’-])[A-Z][\w'’-]*")
_PUNCTUATION = "\"'“”‘’()[]{}.,;:!?…-—–*"
_SENTENCE_END_RE = re.compile(r"[.!?…][\"'”’)\]]*\s+")


@dataclass(frozen=True, slots=True)
class Repeat:
    """Text ``[start, end)`` repeats ``[of_start, of_end)`` (offsets into the compared text)."""

    start: int
    end: int
    of_start: int
    of_end: int
    similarity: float


@dataclass(frozen=True, slots=True)
class _Unit:
    start: int
    end: int
    words: str
    firsts: tuple[str, ...]  # first word of each sentence (capitalised anyway, not a name)
    shingles: frozenset[tuple[str, str, str]]


def find_repeats(text: str) -> list[Repeat]:
    """Later paragraphs/sentences that repeat earlier ones, paragraphs first, in text order."""
    repeated = _repeated_shingles(_normal_words(text))
    if not repeated:
        return []
    paragraphs, sentences = _units(text, repeated)
    repeats = _compare(paragraphs, text)
    covered = [(r.start, r.end) for r in repeats]
    sentence_repeats = [
        r for r in _compare(sentences, text)
        if not any(lo <= r.start and r.end <= hi for lo, hi in covered)
    ]
    return sorted(repeats + sentence_repeats, key=lambda r: (r.start, r.end))


def _normal_words(segment: str) -> list[str]:
    """Lower-case words without surrounding punctuation."""
    return [word for word in (token.strip(_PUNCTUATION) for token in segment.lower().split()) if word]


def _repeated_shingles(words: list[str]) -> set[tuple[str, str, str]]:
    """Runs of three words found more than once (empty for most articles: the fast path)."""
    shingles = list(zip(words, words[1:], words[2:]))
    if len(set(shingles)) == len(shingles):
        return set()
    return {shingle for shingle, count in Counter(shingles).items() if count > 1}


def _units(text: str, repeated: set[tuple[str, str, str]] | None) -> tuple[list[_Unit], list[_Unit]]:
    """Paragraph and sentence units of the lines that hold a repeated shingle (all if None)."""
    paragraphs: list[_Unit] = []
    sentences: list[_Unit] = []
    offset = 0
    for line in text.split("\n"):
        line_start, offset = offset, offset + len(line) + 1
        words = _normal_words(line)
        if len(words) < MIN_WORDS or repeated is not None and repeated.isdisjoint(
                zip(words, words[1:], words[2:])):
            continue
        start, end = _strip(text, line_start, line_start + len(line))
        pieces = [(s, e, _normal_words(text[s:e])) for s, e in _sentences(text, start, end)]
        firsts = tuple(_first_word(text, s, e) for s, e, _ in pieces)
        if len(pieces) > 1:
            paragraphs.append(_unit(start, end, words, firsts))
        sentences.extend(_unit(s, e, piece_words, (first,))
                         for (s, e, piece_words), first in zip(pieces, firsts) if len(piece_words) >= MIN_WORDS)
    return paragraphs, sentences


def _sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    spans = []
    position = start
    for boundary in _SENTENCE_END_RE.finditer(text, start, end):
        if boundary.end() < end:
            spans.append((position, boundary.start() + 1))
            position = boundary.end()
    spans.append((position, end))
    return [_strip(text, s, e) for s, e in spans if e > s]


def _unit(start: int, end: int, words: list[str], firsts: tuple[str, ...]) -> _Unit:
    return _Unit(start, end, " ".join(words), firsts, frozenset(zip(words, words[1:], words[2:])))


def _first_word(text: str, start: int, end: int) -> str:
    head = text[start:min(end, start + 40)].split(None, 1)
    return head[0].strip(_PUNCTUATION) if head else ""


def _compare(units: list[_Unit], text: str) -> list[Repeat]:
    counts = Counter(chain.from_iterable(unit.shingles for unit in units))
    # Shingles shared by many units are stock phrases ("were killed in"): no evidence of a repeat.
    repeated = {shingle for shingle, count in counts.items() if 1 < count <= _COMMON}
    index: dict[tuple[str, str, str], list[int]] = {}
    particulars: dict[int, tuple[frozenset[str], frozenset[str]]] = {}
    repeats = []
    for position, unit in enumerate(units):
        mine = unit.shingles & repeated
        if not mine:
            continue
        shared = Counter(chain.from_iterable(index.get(shingle, ()) for shingle in mine))
        for shingle in mine:
            index.setdefault(shingle, []).append(position)
        for similarity, earlier in _similar(unit, units, shared):
            if _same_particulars(text, units, position, earlier, particulars):
                other = units[earlier]
                repeats.append(Repeat(unit.start, unit.end, other.start, other.end, round(similarity, 3)))
                break
    return repeats


def _similar(unit: _Unit, units: list[_Unit], shared: Counter[int]) -> list[tuple[float, int]]:
    """Earlier units (by index) at least :data:`SIMILARITY_THRESHOLD` alike, most alike first."""
    found = []
    for earlier, count in sorted(shared.items(), key=lambda item: -item[1])[:_CANDIDATES]:
        other = units[earlier]
        if count < 2 or count < 0.2 * min(len(unit.shingles), len(other.shingles)):
            break
        shorter, longer = sorted((len(unit.words), len(other.words)))
        if shorter < MIN_LENGTH_RATIO * longer:
            continue
        similarity = ratio(unit.words, other.words, score_cutoff=SIMILARITY_THRESHOLD * 100) / 100.0
        if similarity >= SIMILARITY_THRESHOLD:
            found.append((similarity, earlier))
    return sorted(found, reverse=True)


def _same_particulars(text: str, units: list[_Unit], first: int, second: int,
                      cache: dict[int, tuple[frozenset[str], frozenset[str]]]) -> bool:
    """Both state the same numbers, and one's names include the other's.

    "At least 12 were killed in Hollin" and "At least 7 were killed in Dorvik"
    are alike in wording but are different statements, not a repeat.
    """
    for position in (first, second):
        if position not in cache:
            cache[position] = _particulars(text, units[position])
    numbers, names = cache[first]
    other_numbers, other_names = cache[second]
    return numbers == other_numbers and (names <= other_names or other_names <= names)


def _particulars(text: str, unit: _Unit) -> tuple[frozenset[str], frozenset[str]]:
    numbers = frozenset(m.replace(",", "") for m in _NUMBER_RE.findall(text, unit.start, unit.end))
    firsts = {first.lower() for first in unit.firsts}
    names = frozenset(name.lower() for name in _NAME_RE.findall(text, unit.start, unit.end)) - firsts
    return numbers, names


def _strip(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
