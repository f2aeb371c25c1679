"""Article text from HTML, keeping embedded social posts as plain-text posts.

trafilatura extracts the article body but drops or flattens embeds. So each
embed is first swapped for a placeholder paragraph, and after extraction the
placeholder is replaced by the embed's text in the plain shape
:func:`sitrep.clean.posts.find_posts` recognises, set off by blank lines:

* ``blockquote.twitter-tweet``: ``post text`` / ``— Name (@handle) Month D, YYYY``;
* ``blockquote.instagram-media``: ``View this post on Instagram`` / caption /
  ``A post shared by Name (@handle)``;
* Facebook ``blockquote.fb-xfbml-parse-ignore``: text / ``Posted by Name on Date``;
* Telegram widget scripts: ``t.me/channel/123``; YouTube iframes: title / link.

``<noscript>`` blocks (fallbacks shown to browsers without JavaScript: "please
enable JavaScript", tracking pixels, copies of the page) are not article text
and are dropped. A page nested deeper than :data:`MAX_DEPTH` elements (junk
markup; libxml2 stops building the tree at 255 levels, and trafilatura then
finds nothing) is read by :func:`strip_html`, a plain parser with no depth
limit: its text, without trafilatura's boilerplate removal.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from ..errors import InputError

_EMBED_CLASSES = ("twitter-tweet", "instagram-media", "fb-xfbml-parse-ignore", "fb-post", "tiktok-embed")
_BLOCK_TAGS = {"p", "div", "br", "li", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "section",
               "header", "footer", "figure", "figcaption", "tr"}
_PLACEHOLDER = "SITREPEMBED{}X"
_PLACEHOLDER_RE = re.compile(r"[ \t]*SITREPEMBED(\d+)X[ \t]*")
_SPACES_RE = re.compile(r"[ \t\r\f\v\u00a0]+")
_HIDDEN_TAGS = ("noscript",)  # dropped with their content before extraction
_SKIPPED_TAGS = frozenset({"script", "style", "noscript", "template"})  # strip_html skips their content
MAX_DEPTH = 200  # deeper pages are read by strip_html


def html_to_text(html: str, *, origin: str) -> str:
    """The article's text, embeds included as plain-text posts; InputError if there is none."""
    import trafilatura
    from lxml import etree, html as lxml_html

    try:
        tree = lxml_html.document_fromstring(html, parser=lxml_html.HTMLParser(huge_tree=True))
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot parse HTML: {exc}", source=origin) from None
    if _depth(tree) > MAX_DEPTH:
        text = strip_html(html)
        if not text:
            raise InputError("no article text found in HTML", source=origin)
        return text
    hidden = [element for element in tree.iter(*_HIDDEN_TAGS)]
    for element in hidden:
        element.drop_tree()
    embeds = _swap_embeds(tree)
    marked = lxml_html.tostring(tree, encoding="unicode") if embeds or hidden else html
    text = trafilatura.extract(marked, include_comments=False, include_tables=False, favor_recall=True)
    if not text or not text.strip():
        raise InputError("no article text found in HTML", source=origin)
    return _restore_embeds(text, embeds)


def _depth(tree) -> int:
    """How deep the element tree goes (iteratively: a recursion would fail on junk nesting)."""
    deepest = 0
    stack = [(tree, 1)]
    while stack:
        element, depth = stack.pop()
        deepest = max(deepest, depth)
        stack.extend((child, depth + 1) for child in element)
    return deepest


class _TextCollector(HTMLParser):
    """Text of HTML, a line break at each block element; script, style and noscript skipped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag, attrs) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag) -> None:
        if tag in _SKIPPED_TAGS and self._skip:
            self._skip -= 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data) -> None:
        if not self._skip:
            self.parts.append(data)


def strip_html(markup: str) -> str:
    """Plain text of HTML, one line per block, whitespace collapsed: for feed summaries (too short
    for trafilatura) and pages too deeply nested for it."""
    collector = _TextCollector()
    collector.feed(markup)
    collector.close()
    lines = (" ".join(line.split()) for line in "".join(collector.parts).splitlines())
    return "\n".join(line for line in lines if line)


def _swap_embeds(tree) -> list[str]:
    """Replace embeds in ``tree`` with placeholder paragraphs; return their texts in order."""
    embeds: list[str] = []
    for element in list(tree.iter("blockquote", "script", "iframe")):
        text = _embed_text(element)
        if text is None:
            continue
        placeholder = element.makeelement("p", {})
        placeholder.text = _PLACEHOLDER.format(len(embeds))
        placeholder.tail = element.tail
        parent = element.getparent()
        if parent is None:
            continue
        parent.replace(element, placeholder)
        embeds.append(text)
    return embeds


def _embed_text(element) -> str | None:
    if element.tag == "blockquote":
        classes = set((element.get("class") or "").split())
        if not classes.intersection(_EMBED_CLASSES):
            return None
        lines = _element_lines(element)
        permalink = element.get("data-instgrm-permalink") or element.get("cite")
        if not permalink and "twitter-tweet" in classes:
            permalink = next((a.get("href") for a in element.iter("a") if "/status/" in (a.get("href") or "")), None)
        if lines and permalink and not any("://" in line or ".com/" in line for line in lines):
            lines.insert(len(lines) - 1, permalink)
        return "\n".join(lines) or None
    if element.tag == "script":
        post = element.get("data-telegram-post")
        return f"https://t.me/{post}" if post and "/" in post else None
    source = element.get("src") or ""
    video = re.search(r"youtube(?:-nocookie)?\.com/embed/([\w-]+)", source)
    if not video:
        return None
    title = _SPACES_RE.sub(" ", element.get("title") or "").strip()
    link = f"https://www.youtube.com/watch?v={video.group(1)}"
    return f"{title}\n{link}" if title else link


def _element_lines(element) -> list[str]:
    """The element's text, one line per block element or <br>, whitespace collapsed."""
    pieces: list[str] = []

    def walk(node) -> None:
        tag = node.tag if isinstance(node.tag, str) else ""
        if tag in ("script", "style"):
            pieces.append(node.tail or "")
            return
        block = tag in _BLOCK_TAGS
        if block:
            pieces.append("\n")
        pieces.append(node.text or "")
        for child in node:
            walk(child)
        if block:
            pieces.append("\n")
        pieces.append(node.tail or "")

    walk(element)
    pieces[-1] = ""  # the element's own tail is not part of the embed
    lines = (_SPACES_RE.sub(" ", line).strip() for line in "".join(pieces).split("\n"))
    return [line for line in lines if line]


def _restore_embeds(text: str, embeds: list[str]) -> str:
    used: set[int] = set()

    def replace(match: re.Match[str]) -> str:
        number = int(match.group(1))
        if number >= len(embeds):
            return match.group()
        used.add(number)
        return "\n" + embeds[number] + "\n"

    restored = _PLACEHOLDER_RE.sub(replace, text) if embeds else text
    dropped = [embeds[i] for i in range(len(embeds)) if i not in used]
    return "\n\n".join([restored, *dropped]) if dropped else restored
