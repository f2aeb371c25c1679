"""Character-level repairs: line endings, invisible characters, odd spaces, mojibake, homoglyphs.

:func:`character_edits` returns :class:`~sitrep.clean.offsets.Edit` s against
the original text; it does nothing for plain ASCII text without ``\\r``.
"""

from __future__ import annotations

import re

import ftfy

from .offsets import Edit

# Invisible characters dropped from the cleaned text (BOM, zero-width, soft hyphen, marks).
INVISIBLE = "\ufeff\u200b\u200c\u200d\u2060\u00ad\u180e\u200e\u200f\u2061\u2062\u2063\u2064"
# Space-like characters turned into a plain space.
ODD_SPACES = "\u00a0\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u202f\u205f\u3000"

# Cyrillic and Greek letters that look like Latin ones; replaced only inside
# words that also contain Latin letters ("kіlled" with a Cyrillic i).
HOMOGLYPHS = {
    # Cyrillic lower / upper
    "а": "a", "е": "e", "о": "o", "р": "p", "с": "c", "у": "y", "х": "x", "і": "i",
    "ј": "j", "ѕ": "s", "ԁ": "d", "һ": "h", "ӏ": "l", "ԛ": "q", "ԝ": "w", "ɑ": "a",
    "А": "A", "В": "B", "Е": "E", "К": "K", "М": "M", "Н": "H", "О": "O", "Р": "P",
    "С": "C", "Т": "T", "Х": "X", "У": "Y", "І": "I", "Ј": "J", "Ѕ": "S", "Ԛ": "Q",
    "Ԝ": "W",
    # Greek lower / upper
    "α": "a", "ο": "o", "ν": "v", "ι": "i", "κ": "k", "ρ": "p", "υ": "u",
    "Α": "A", "Β": "B", "Ε": "E", "Ζ": "Z", "Η": "H", "Ι": "I", "Κ": "K", "Μ": "M",
    "Ν": "N", "Ο": "O", "Ρ": "P", "Τ": "T", "Υ": "Y", "Χ": "X",
}
_LATIN_RE = re.compile(r"[A-Za-z]")

# UTF-8 decoded as Latin-1/cp1252: a lead byte (Â..ô) followed by continuation bytes.
_LEAD = "\u00c2-\u00f4"
_CONTINUATION = (
    "\u0080-\u00bf\u20ac\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039"
    "\u0152\u017d\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a"
    "\u0153\u017e\u0178"
)
# Each lead byte takes as many continuation bytes as UTF-8 says, so a run never swallows
# a genuine character (a no-break space, a dash) that merely follows it.
_MOJIBAKE_RE = re.compile(
    rf"(?:[\u00c2-\u00df][{_CONTINUATION}]|[\u00e0-\u00ef][{_CONTINUATION}]{{2}}"
    rf"|[\u00f0-\u00f4][{_CONTINUATION}]{{3}})+"
)
# Every character that may start a repair; one fast scan finds them all.
_SPECIAL_RE = re.compile(rf"[\r{INVISIBLE}{ODD_SPACES}{_LEAD}{''.join(HOMOGLYPHS)}]")
_NORMALISE_TABLE = str.maketrans({**{c: None for c in INVISIBLE}, **{c: " " for c in ODD_SPACES},
                                  "\r": "\n"})


def needs_character_pass(text: str) -> bool:
    return not text.isascii() or "\r" in text


def normalise_characters(text: str) -> str:
    """The same repairs on a short string, without offsets (used on fixed mojibake)."""
    return text.replace("\r\n", "\n").translate(_NORMALISE_TABLE)


# A run of this many characters without a space is no word (junk, an inline image, a key mash):
# spaCy's tokenizer strips affixes from a token one at a time, each time searching the whole
# rest, so its cost grows with the square of the run. Every RUN_BREAK-th character of such a
# run becomes a space (one for one: offsets stay exact), so no token is longer than that.
LONG_RUN = 300
RUN_BREAK = 100
_LONG_RUN_RE = re.compile(rf"\S{{{LONG_RUN},}}")


def long_run_edits(text: str) -> list[Edit]:
    """Edits breaking runs of LONG_RUN or more non-space characters every RUN_BREAK characters."""
    edits = []
    for match in _LONG_RUN_RE.finditer(text):
        run = list(match.group())
        for index in range(RUN_BREAK, len(run), RUN_BREAK):
            run[index] = " "
        edits.append(Edit(match.start(), match.end(), "".join(run), linear=True))
    return edits


def character_edits(text: str) -> list[Edit]:
    """Edits repairing characters in ``text``, sorted and non-overlapping."""
    if not needs_character_pass(text):
        return []
    edits: list[Edit] = []
    mixed_words: dict[tuple[int, int], bool] = {}
    position = 0
    for match in _SPECIAL_RE.finditer(text):
        start = match.start()
        if start < position:
            continue  # inside a run already repaired
        char = text[start]
        if char == "\r":
            crlf = text.startswith("\n", start + 1)
            edits.append(Edit(start, start + 2, "\n") if crlf else Edit(start, start + 1, "\n", linear=True))
        elif char in INVISIBLE:
            end = start + 1
            while end < len(text) and text[end] in INVISIBLE:
                end += 1
            edits.append(Edit(start, end, ""))
        elif char in ODD_SPACES:
            edits.append(Edit(start, start + 1, " ", linear=True))
        elif char in HOMOGLYPHS:
            word = _word_around(text, start)
            if word not in mixed_words:
                mixed_words[word] = bool(_LATIN_RE.search(text, word[0], word[1]))
            if mixed_words[word]:
                edits.append(Edit(start, start + 1, HOMOGLYPHS[char], linear=True))
        else:
            run = _MOJIBAKE_RE.match(text, start)
            if run is not None:
                edits.extend(_mojibake_edits(run.group(), start))
                position = run.end()
        if edits:
            position = max(position, edits[-1].end)
    return edits


def _mojibake_edits(run: str, offset: int) -> list[Edit]:
    fixed = ftfy.fix_encoding(run)
    if fixed != run:
        return [Edit(offset, offset + len(run), normalise_characters(fixed))]
    # Genuine accented text: only the odd spaces inside it need repair.
    return [Edit(offset + i, offset + i + 1, " ", linear=True)
            for i, char in enumerate(run) if char in ODD_SPACES]


def _word_around(text: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and (text[start - 1].isalnum() or text[start - 1] in INVISIBLE):
        start -= 1
    end = position + 1
    while end < len(text) and (text[end].isalnum() or text[end] in INVISIBLE):
        end += 1
    return start, end


_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def replace_lone_surrogates(text: str) -> tuple[str, int]:
    """``text`` with each lone surrogate (valid in JSON as "\\ud800", never in UTF-8) replaced by
    U+FFFD, one character for one so offsets stay; and how many were replaced."""
    replaced, count = _LONE_SURROGATE.subn("\ufffd", text)
    return replaced, count
