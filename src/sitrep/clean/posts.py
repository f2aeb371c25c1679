"""Find social-media posts embedded in article text.

Shapes recognised (in the de-obfuscated, character-repaired text):

* X/Twitter: post text, an optional pic.twitter.com / t.co link, then a
  signature ``— Display Name (@handle) Month D, YYYY`` on its own line or
  inline after the text;
* Instagram: ``View this post on Instagram`` ... ``A post shared by Name (@handle)
  [on Mon D, YYYY ...]``;
* Facebook: post text then ``Posted by Name on [Weekday,] Month D, YYYY``;
* Telegram: a ``t.me/channel/123`` message link;
* YouTube: a title line then ``Watch on YouTube`` or a bare YouTube link.

A post's text is the block of lines just above its signature: the nearest
non-blank line, extended upwards while the lines stay within a post's length
(:data:`POST_BUDGET` visible characters), stopping at a blank line, a line
ending with ":" (an introduction), or the previous post.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

from .boilerplate import SOCIAL_LINK_RE, is_prompt_line

POST_BUDGET = 300

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
          r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
DATE_PATTERN = (rf"(?:(?P<month>{_MONTH})[ \t]+(?P<day>\d{{1,2}}),?[ \t]+(?P<year>\d{{4}})"
                rf"|(?P<day2>\d{{1,2}})[ \t]+(?P<month2>{_MONTH}),?[ \t]+(?P<year2>\d{{4}}))")
_WEEKDAY = r"(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day,?[ \t]+)?"

_X_SIGNATURE_RE = re.compile(
    rf"(?:^[ \t]*(?:--?|[—–―])|(?<=\s)[—–―])[ \t]*(?P<name>[^\n()—–]{{0,100}}?)[ \t]*"
    rf"\((?P<handle>@\w{{1,30}})\)[ \t]*(?:on[ \t]+)?{DATE_PATTERN}(?!\d)",
    re.MULTILINE,
)
_INSTAGRAM_RE = re.compile(
    r"^[ \t]*A post shared by[ \t]+(?P<name>[^\n(]*?)[ \t]*(?:\((?P<handle>@[\w.]{1,30})\))?"
    rf"(?:[ \t]+on[ \t]+{DATE_PATTERN}[^\n]*?)?[ \t]*$",
    re.MULTILINE,
)
_FACEBOOK_RE = re.compile(
    rf"^[ \t]*Posted by[ \t]+(?P<name>[^\n]{{1,100}}?)[ \t]+on[ \t]+{_WEEKDAY}{DATE_PATTERN}[ \t]*$",
    re.MULTILINE,
)
_TELEGRAM_RE = re.compile(r"(?:https?://)?(?:t|telegram)\.me/(?:s/)?(?P<channel>\w{4,32})/(?P<number>\d+)")
_YOUTUBE_RE = re.compile(
    r"^[ \t]*(?:Watch on YouTube|(?P<url>(?:https?://)?(?:www\.)?(?:youtube\.com/(?:watch\?v=|embed/|shorts/)"
    r"|youtu\.be/)[\w-]+\S*))[ \t]*$",
    re.MULTILINE,
)
_INSTAGRAM_MARKER_RE = re.compile(r"^[ \t]*View this post on Instagram[ \t]*$", re.MULTILINE)
_TRIGGERS = ("(@", "A post shared by", "Posted by", "t.me/", "telegram.me/", "Watch on YouTube",
             "youtube.com/", "youtu.be/")
_DATE_RE = re.compile(DATE_PATTERN)


@dataclass(frozen=True, slots=True)
class FoundPost:
    """A post located in the text it was found in (offsets into that text)."""

    platform: str
    author: str | None
    handle: str | None
    date: dt.date | None
    url: str | None
    start: int
    end: int
    signature: tuple[int, int] | None  # the signature/marker span, excluded from extraction


class _Lines:
    """Line boundaries of a text, for walking up from a signature."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def index(self, offset: int) -> int:
        return bisect_right(self.starts, offset) - 1

    def bounds(self, index: int) -> tuple[int, int]:
        start = self.starts[index]
        end = self.starts[index + 1] - 1 if index + 1 < len(self.starts) else len(self.text)
        return start, end

    def content(self, index: int) -> tuple[int, int]:
        """The line without surrounding whitespace (an empty span for a blank line)."""
        start, end = self.bounds(index)
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        return start, end

    def stripped(self, index: int) -> str:
        begin, end = self.content(index)
        return self.text[begin:end]


def find_posts(text: str) -> list[FoundPost]:
    """Posts in ``text`` in text order, none overlapping.

    Signed shapes (X, Instagram, Facebook) are placed first; Telegram and
    YouTube links then only where they are not part of a signed post.
    """
    if not any(trigger in text for trigger in _TRIGGERS):
        return []
    lines = _Lines(text)
    posts: list[FoundPost] = []
    for shapes in (_SHAPES[:3], _SHAPES[3:]):
        anchors = sorted(
            ((match.start(), kind, match)
             for kind, pattern, keys in shapes
             for line_start, line_end in _lines_containing(text, keys)
             for match in pattern.finditer(text, line_start, line_end)),
            key=lambda anchor: anchor[0],
        )
        for start, kind, match in anchors:
            before = [post for post in posts if post.start <= start]
            if before and start < before[-1].end:
                continue  # inside a post already found
            floor = lines.index(before[-1].end) + 1 if before else 0
            post = _BUILDERS[kind](match, lines, floor)
            if post is not None and not any(p.start < post.end and post.start < p.end for p in posts):
                posts.append(post)
                posts.sort(key=lambda found: found.start)
    return posts


def _lines_containing(text: str, keys: tuple[str, ...]) -> list[tuple[int, int]]:
    """Bounds of the lines holding any of ``keys``, in order, each once."""
    lines = set()
    for key in keys:
        found = text.find(key)
        while found >= 0:
            start = text.rfind("\n", 0, found) + 1
            end = text.find("\n", found)
            end = len(text) if end < 0 else end
            lines.add((start, end))
            found = text.find(key, end)
    return sorted(lines)


def _x_post(match: re.Match[str], lines: _Lines, floor: int) -> FoundPost | None:
    line = lines.index(match.start())
    line_start, _ = lines.bounds(line)
    inline = bool(lines.text[line_start:match.start()].strip())
    start = _block_start(lines, line if inline else line - 1, floor)
    if start is None:  # a signature whose post text was lost: the post is the signature
        start = lines.content(line)[0]
    block = lines.text[start:match.start()]
    platform = "instagram" if "instagram.com/" in block else "facebook" if "facebook.com/" in block else "x"
    signature_start = match.start() + len(match.group()) - len(match.group().lstrip())
    return FoundPost(platform, clean_author(match.group("name")), match.group("handle"),
                     _date_of(match), _last_link(block), start, match.end(), (signature_start, match.end()))


def _instagram_post(match: re.Match[str], lines: _Lines, floor: int) -> FoundPost | None:
    line = lines.index(match.start())
    start = None
    for index in range(line - 1, max(floor, line - 15) - 1, -1):
        begin, end = lines.content(index)
        if _INSTAGRAM_MARKER_RE.fullmatch(lines.text, begin, end):
            start = begin
            break
    if start is None:
        start = _block_start(lines, line - 1, floor, skip_blank=True)
    sig_start, sig_end = lines.content(line)
    start = sig_start if start is None else start
    handle = (match.group("handle") or "").rstrip(".") or None
    return FoundPost("instagram", clean_author(match.group("name")), handle, _date_of(match),
                     _last_link(lines.text[start:sig_start]), start, sig_end, (sig_start, sig_end))


def _facebook_post(match: re.Match[str], lines: _Lines, floor: int) -> FoundPost | None:
    line = lines.index(match.start())
    sig_start, sig_end = lines.content(line)
    start = _block_start(lines, line - 1, floor)
    start = sig_start if start is None else start
    return FoundPost("facebook", clean_author(match.group("name")), None, _date_of(match),
                     _last_link(lines.text[start:sig_start]), start, sig_end, (sig_start, sig_end))


def _telegram_post(match: re.Match[str], lines: _Lines, floor: int) -> FoundPost | None:
    line = lines.index(match.start())
    begin, end = lines.content(line)
    alone = (begin, end) == match.span()
    start = _block_start(lines, line - 1, floor) if alone else None
    start = begin if start is None else start
    dates = [_date_of(m) for m in _DATE_RE.finditer(lines.text, start, end)]
    url = f"t.me/{match.group('channel')}/{match.group('number')}"
    return FoundPost("telegram", None, "@" + match.group("channel"), dates[-1] if dates else None,
                     url, start, end, match.span() if alone else None)


def _youtube_post(match: re.Match[str], lines: _Lines, floor: int) -> FoundPost | None:
    line = lines.index(match.start())
    sig_start, sig_end = lines.content(line)
    start = sig_start
    if line - 1 >= floor:
        above_start, above_end = lines.content(line - 1)
        if 0 < above_end - above_start <= 200 and not lines.text[above_end - 1] == ":":
            start = above_start
    block = lines.text[start:sig_end]
    handle = re.search(r"youtube\.com/(@[\w.-]{1,60})", block)
    return FoundPost("youtube", None, handle.group(1) if handle else None, None,
                     _last_link(block), start, sig_end, (sig_start, sig_end))


_SHAPES = (
    ("x", _X_SIGNATURE_RE, ("(@",)),
    ("instagram", _INSTAGRAM_RE, ("A post shared by",)),
    ("facebook", _FACEBOOK_RE, ("Posted by",)),
    ("telegram", _TELEGRAM_RE, ("t.me/", "telegram.me/")),
    ("youtube", _YOUTUBE_RE, ("Watch on YouTube", "youtube.com/", "youtu.be/")),
)
_BUILDERS = {"x": _x_post, "instagram": _instagram_post, "facebook": _facebook_post,
             "telegram": _telegram_post, "youtube": _youtube_post}


def _block_start(lines: _Lines, last: int, floor: int, *, skip_blank: bool = False) -> int | None:
    """Start offset of the post text whose last line is ``last``; None if there is none.

    Prompt lines just above are skipped, and blank ones too with ``skip_blank``.
    """
    while last >= floor and (is_prompt_line(lines.stripped(last))
                             or skip_blank and not lines.stripped(last)):
        last -= 1
    if last < floor or not lines.stripped(last):
        return None
    first = last
    total = _visible_length(lines.stripped(last))
    while first - 1 >= floor:
        line = lines.stripped(first - 1)
        if not line or line[-1] == ":" or _is_signature_line(line) or is_prompt_line(line):
            break
        total += _visible_length(line)
        if total > POST_BUDGET:
            break
        first -= 1
    return lines.content(first)[0]


def _visible_length(line: str) -> int:
    return len(line) - sum(len(m.group()) for m in SOCIAL_LINK_RE.finditer(line))


def _is_signature_line(line: str) -> bool:
    return bool(_X_SIGNATURE_RE.search(line) or _INSTAGRAM_RE.match(line) or _FACEBOOK_RE.match(line))


def _last_link(block: str) -> str | None:
    links = [m.group() for m in SOCIAL_LINK_RE.finditer(block)]
    return links[-1] if links else None


def _date_of(match: re.Match[str]) -> dt.date | None:
    groups = match.groupdict()
    month = groups.get("month") or groups.get("month2")
    day = groups.get("day") or groups.get("day2")
    year = groups.get("year") or groups.get("year2")
    if not (month and day and year):
        return None
    try:
        return dt.date(int(year), _MONTHS[month[:3].lower()], int(day))
    except ValueError:
        return None


_NOISE_RE = re.compile(r"\?{2,}|\ufffd+")


def clean_author(raw: str | None) -> str | None:
    """A display name without lost-emoji noise: "Jane Roe ???????\ufe0f" -> "Jane Roe"."""
    if not raw:
        return None
    name = _NOISE_RE.sub(" ", unicodedata.normalize("NFC", raw))
    name = "".join(" " if _is_symbol(char) else char for char in name)
    words = [word for word in name.split() if any(char.isalnum() for char in word)]
    cleaned = " ".join(words).strip(" -–—|•·:,")
    return cleaned or None


def _is_symbol(char: str) -> bool:
    category = unicodedata.category(char)
    return category in ("So", "Sk", "Cs", "Co", "Cf", "Cn") or 0xFE00 <= ord(char) <= 0xFE0F \
        or 0xE0100 <= ord(char) <= 0xE01EF
