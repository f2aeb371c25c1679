"""Undo filter-dodging spellings of violent words ("exec-utions", "k1lled", "d.e.a.d", "unalived").

A spelling is only rewritten when the repaired word is in :data:`LEXICON`, a
closed list of words that platforms' filters target. So real hyphenated words
("execution-style", "al-Sharaa", "long-term"), e-mail addresses and handles
are never touched: their repaired forms are not in the list.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .offsets import Edit

_STEMS = {
    "kill": ("kill", "kills", "killed", "killing", "killings", "killer", "killers"),
    "murder": ("murder", "murders", "murdered", "murdering", "murderer", "murderers"),
    "massacre": ("massacre", "massacres", "massacred", "massacring"),
    "slaughter": ("slaughter", "slaughters", "slaughtered", "slaughtering"),
    "execute": ("execute", "executes", "executed", "executing", "execution", "executions",
                "executioner", "executioners"),
    "terror": ("terror", "terrorist", "terrorists", "terrorism", "terrorise", "terrorised",
               "terrorize", "terrorized"),
    "death": ("dead", "death", "deaths", "die", "died", "dies", "dying", "deadly"),
    "genocide": ("genocide", "genocidal"),
    "rape": ("rape", "raped", "rapes", "raping", "rapist", "rapists"),
    "torture": ("torture", "tortured", "tortures", "torturing"),
    "behead": ("behead", "beheaded", "beheading", "beheadings"),
    "bomb": ("bomb", "bombs", "bombed", "bombing", "bombings", "bomber", "bombers"),
    "shoot": ("shoot", "shoots", "shot", "shooting", "shootings", "gunman", "gunmen"),
    "assassinate": ("assassinate", "assassinated", "assassination", "assassinations"),
    "corpse": ("corpse", "corpses", "bodies"),
    "suicide": ("suicide", "suicides"),
    "wound": ("wounded", "injured", "casualties"),
    "hostage": ("hostage", "hostages", "kidnapped", "abducted"),
}
LEXICON: frozenset[str] = frozenset(word for forms in _STEMS.values() for word in forms)
_BY_LENGTH: dict[int, tuple[str, ...]] = {
    length: tuple(sorted(w for w in LEXICON if len(w) == length)) for length in {len(w) for w in LEXICON}
}

# What each symbol can stand for inside an obfuscated word.
_SYMBOLS = {"*": "[a-z]", "1": "[il]", "!": "[il]", "|": "[il]", "0": "o", "@": "a",
            "4": "a", "3": "e", "$": "s", "5": "s", "7": "t"}
_UNALIVE = {"e": "kill", "ed": "killed", "es": "kills", "ing": "killing"}

_HYPHENS = "-\u2010\u2011"
_SYMBOL_CHARS = "._*!|@$013457" + _HYPHENS
# A symbol directly followed by a letter: where every obfuscated spelling has a foothold.
_TRIGGER_RE = re.compile(rf"[{re.escape(_SYMBOL_CHARS)}](?=[A-Za-z])")
_HYPHENATED_RE = re.compile(rf"[A-Za-z]+(?:[{_HYPHENS}][A-Za-z]+)+")
_SPACED_RE = re.compile(r"[A-Za-z](?P<sep>[._*])[A-Za-z](?:(?P=sep)[A-Za-z])+")
_SYMBOLS_RE = re.compile(r"[A-Za-z]+(?:[01!|3457*@$]+[A-Za-z]+)+")
_UNALIVE_RE = re.compile(r"[Uu][Nn]-?[Aa][Ll][Ii][Vv](?P<suffix>[Ee][Dd]|[Ee][Ss]|[Ee]|[Ii][Nn][Gg])(?![A-Za-z])")


def obfuscation_edits(text: str) -> list[Edit]:
    """Edits restoring obfuscated violent words in ``text``, sorted and non-overlapping."""
    edits = []
    position = 0
    for trigger in _TRIGGER_RE.finditer(text):
        if trigger.start() < position:
            continue
        start, end = _token_around(text, trigger.start())
        position = end
        if start > 0 and text[start - 1] == "@":
            continue  # a handle
        word = _repaired(text[start:end])
        if word is not None:
            edits.append(_edit(text, start, start + len(word[0]), word[1]))
    for match in _UNALIVE_RE.finditer(text):
        if match.start() == 0 or not text[match.start() - 1].isalpha():
            word = _UNALIVE[match.group("suffix").lower()]
            edits.append(_edit(text, match.start(), match.end(), word))
    if len(edits) > 1:
        edits = _without_overlaps(sorted(edits, key=lambda e: e.start))
    return [edit for edit in edits if edit.replacement != text[edit.start:edit.end]]


def _token_around(text: str, position: int) -> tuple[int, int]:
    start = position
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in _SYMBOL_CHARS):
        start -= 1
    end = position + 1
    while end < len(text) and (text[end].isalpha() or text[end] in _SYMBOL_CHARS):
        end += 1
    while start < end and text[start] in _SYMBOL_CHARS:
        start += 1
    while end > start and text[end - 1] in ".!|":
        end -= 1
    return start, end


def _repaired(token: str) -> tuple[str, str] | None:
    """(obfuscated token, repaired word) if ``token`` hides a lexicon word."""
    if _HYPHENATED_RE.fullmatch(token) or _SPACED_RE.fullmatch(token):
        joined = "".join(char for char in token if char.isalpha()).lower()
        return (token, joined) if joined in LEXICON else None
    if _SYMBOLS_RE.fullmatch(token):
        word = _match_symbols(token.lower())
        return (token, word) if word else None
    return None


def _edit(text: str, start: int, end: int, word: str) -> Edit:
    token = text[start:end]
    replacement = _with_case_of(token, word)
    return Edit(start, end, replacement, linear=len(replacement) == len(token))


def _without_overlaps(edits: list[Edit]) -> list[Edit]:
    kept: list[Edit] = []
    for edit in edits:
        if not kept or edit.start >= kept[-1].end:
            kept.append(edit)
    return kept


@lru_cache(maxsize=4096)
def _match_symbols(token: str) -> str | None:
    pattern = re.compile("".join(_SYMBOLS.get(char, re.escape(char)) for char in token))
    found = [word for word in _BY_LENGTH.get(len(token), ()) if pattern.fullmatch(word)]
    return found[0] if len(found) == 1 else None


def _with_case_of(token: str, word: str) -> str:
    letters = [char for char in token if char.isalpha()]
    if len(letters) > 1 and all(char.isupper() for char in letters):
        return word.upper()
    if letters and letters[0].isupper():
        return word.capitalize()
    return word
