"""Embed and page boilerplate that carries no statements: bare links, "Read more:", ads, prompts,
footnote marks.

:func:`boilerplate_spans` returns ``[start, end)`` spans of the text to leave
out of extraction; whole-line matches cover the line's content, not its newline.
"""

from __future__ import annotations

import re

_URL_TAIL = r"[^\s<>\"'“”‘’]*[^\s<>\"'“”‘’.,;:!?)\]…]"
SOCIAL_LINK_RE = re.compile(
    r"(?:https?://)?(?:www\.|mobile\.|m\.)?"
    r"(?:pic\.twitter\.com|t\.co|x\.com|twitter\.com|instagram\.com|instagr\.am|facebook\.com|fb\.watch"
    r"|t\.me|telegram\.me|youtube\.com|youtu\.be)/" + _URL_TAIL
)
_LINK_RE = re.compile(SOCIAL_LINK_RE.pattern + r"|https?://" + _URL_TAIL)

_PROMPTS = [
    r"advertisement", r"skip advertisement", r"story continues below(?: this)? advertisement",
    r"continue reading(?: below)?", r"view this post on instagram", r"watch on youtube",
    r"view (?:this )?(?:post|video) on (?:x|twitter|facebook|instagram|youtube|telegram)",
    r"(?:click|tap) (?:here )?to (?:share|subscribe|read more|sign up)[^\n]*",
    r"share (?:this|the) (?:article|story|post|page|video)[^\n]*",
    r"share (?:on|via) (?:facebook|twitter|x|whatsapp|telegram|linkedin|email|reddit)[^\n]*",
    r"(?:share|copy link|copy|tweet|email|print|whatsapp|facebook|twitter|linkedin)"
    r"(?:\s*[|/·•]\s*(?:share|copy link|copy|tweet|email|print|whatsapp|facebook|twitter|linkedin))*",
    r"sign up (?:for|to)[^\n]*newsletter[^\n]*", r"subscribe to[^\n]*newsletter[^\n]*",
    r"(?:get|join) our[^\n]*newsletter[^\n]*", r"newsletter sign[- ]?up[^\n]*",
    r"follow us on [^\n]{0,80}", r"related(?: articles?| stories| coverage)?:[^\n]*",
    r"loading(?:\.\.\.|…)?",
]
_PROMPT_RE = re.compile(r"(?:" + "|".join(_PROMPTS) + r")[ \t.:!]*", re.IGNORECASE)
_PROMPT_MAX = 160  # prompt lines are short; longer lines are never checked
_INLINE_RE = re.compile(r"(?:\b(?:read more|also read|read also|see also)\s*:)[^\n]*", re.IGNORECASE)
_INLINE_KEYS = ("ead more", "EAD MORE", "ead More", "lso read", "LSO READ", "lso Read", "ead also",
                "ee also", "EE ALSO", "ee Also")
_URL_STOP = frozenset(" \t\n\r<>\"“”")
# Footnote and editor marks copied with wiki text: "[12]", "[note 3]", "[citation needed]", "[when?]".
_REFERENCE_MARK_RE = re.compile(
    r"\[(?:\d{1,3}|[a-z]|(?:note|nb|n) ?\d{1,3}|citation needed|clarification needed|better source needed|"
    r"verification needed|failed verification|full citation needed|page needed|unreliable source\??|"
    r"dubious(?: [–-] discuss)?|who\?|when\?|where\?|which\?|according to whom\?|by whom\?)\]",
    re.IGNORECASE)


def boilerplate_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, merged spans of links, prompt lines and "Read more:" tails in ``text``."""
    spans = _link_spans(text) if "/" in text else []
    spans += _prompt_spans(text)
    if any(key in text for key in _INLINE_KEYS):
        spans += [m.span() for m in _INLINE_RE.finditer(text)]
    if "[" in text:
        spans += [m.span() for m in _REFERENCE_MARK_RE.finditer(text)]
    return merge_spans(spans)


def is_prompt_line(line: str) -> bool:
    """True for a whole line of page furniture ("Advertisement", "Read more: ...", share prompts)."""
    line = line.strip()
    return bool(line) and (len(line) <= _PROMPT_MAX and _PROMPT_RE.fullmatch(line) is not None
                           or _INLINE_RE.match(line) is not None)


def merge_spans(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(s for s in spans if s[1] > s[0]):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def _link_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    slash = text.find("/")
    while slash >= 0:
        start, end = slash, slash + 1
        while start > 0 and text[start - 1] not in _URL_STOP:
            start -= 1
        while end < len(text) and text[end] not in _URL_STOP:
            end += 1
        spans += [m.span() for m in _LINK_RE.finditer(text, start, end)]
        slash = text.find("/", end)
    return spans


def _prompt_spans(text: str) -> list[tuple[int, int]]:
    spans = []
    offset = 0
    for line in text.split("\n"):
        if len(line) <= _PROMPT_MAX + 8:
            stripped = line.strip()
            if stripped and _PROMPT_RE.fullmatch(stripped):
                start = offset + line.index(stripped[0])
                spans.append((start, start + len(stripped)))
        offset += len(line) + 1
    return spans
