"""Link counts to outcomes inside one sentence: the casualty grammar.

A count becomes a casualty statement when it is tied to an outcome by one of
these shapes (``N`` a count, ``NP`` its victim noun phrase):

- ``N NP (were|have been|...) OUTCOME``   "745 civilians were killed"
- ``N OUTCOME``                           "5 killed", "3 dead"
- ``N OUTCOME-NOUN``                      "2 fatalities", "12 bodies"
- ``TRIGGER N NP``                        "killing 13 members", "gunmen killed 3"
- ``NOMINAL of N NP``                     "the deaths of 4 children", "the lives of 10"
- ``left N NP OUTCOME``                   "left 3 people dead"
- ``toll ... to N``                       "the death toll rose to 40"
- coordination and continuation           "one civilian and six assailants were killed",
                                          "..., along with 125 security personnel"
- breakdowns                              "11 people, including four soldiers, ..."

Everything works on spaCy tokens of one sentence; offsets are into the text
spaCy parsed (the cleaned text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span as SpacySpan

from .lexicon import (
    BREAKDOWN_MARKERS,
    BRIDGE_WORDS,
    DEATH_COMPLEMENTS,
    NON_VICTIM_NOUNS,
    OF_NOMINALS,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    OUTCOME_NOUNS,
)
from .numbers import CountMention, find_counts
from .victims import SINGULAR_VICTIM_RE, victim_category

NP_POS = frozenset({"ADJ", "NOUN", "PROPN"})
NP_WORDS = frozenset({"-", "'s", "’s", "other", "others", "more", "those", "them", "of", "more",
                      "additional", "further", "local", "young", "elderly"})
ADDITIVE_WORDS = frozenset({"other", "others", "more", "another", "additional", "further"})
CONTINUATION_RE = re.compile(r"\b(?:along with|as well as|in addition to|plus|besides|alongside)\b")
TOLL_VERBS = frozenset({"to", "at", "of", "reached", "hit", "stood", "stands", "rose", "risen",
                        "climbed", "reaches", "jumped", "increased", "was", "is", "has", "had",
                        "now", "further", "toll", "death", "climbing", "rising", "reaching"})
NEGATIONS = frozenset({"not", "n't", "never", "no"})


@dataclass(slots=True)
class LinkedCount:
    """A count in a sentence and, once linked, its outcome and victims."""

    mention: CountMention
    first: int  # token index (within the sentence) of the count's first token
    last: int  # token index after the count
    np_end: int  # token index after the victim noun phrase
    np_words: list[str]
    head: str | None
    outcome: str | None = None
    anchor: int = -1  # token index of the outcome word that linked it
    negated: bool = False
    part_of: int | None = None  # index of the total this count breaks down
    additive: bool = False  # "11 more", "others": adds to earlier figures
    via: str = ""
    chain: list[int] = field(default_factory=list)

    @property
    def category(self) -> str:
        return victim_category(self.np_words, self.head)


class SentenceView:
    """Lower-cased words, POS tags and character offsets of a sentence's tokens."""

    def __init__(self, sent: SpacySpan) -> None:
        self.sent = sent
        self.words = [t.lower_ for t in sent]
        self.pos = [t.pos_ for t in sent]
        self.starts = [t.idx for t in sent]
        self.ends = [t.idx + len(t.text) for t in sent]

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, char: int) -> int:
        """Index of the token containing (or first after) character offset ``char``."""
        for i, end in enumerate(self.ends):
            if end > char:
                return i
        return len(self.ends)

    def text(self, first: int, last: int) -> str:
        if first >= last:
            return ""
        return self.sent.doc.text[self.starts[first]:self.ends[last - 1]]


def find_sentence_counts(view: SentenceView) -> list[LinkedCount]:
    """Counts (numeric, vague and singular victim phrases) of a sentence, in order."""
    doc_text = view.sent.doc.text
    start, end = view.sent.start_char, view.sent.end_char
    mentions = find_counts(doc_text, start=start, end=end)
    taken = [(m.start, m.end) for m in mentions]
    for match in SINGULAR_VICTIM_RE.finditer(doc_text, start, end):
        group = "det" if match.group("det") else "poss"
        if any(s < match.end(group) and match.start() < e for s, e in taken):
            continue
        value = 2 if match.group(group).lower() == "both" else 1
        mentions.append(CountMention(match.start(), match.end(group), match.group(group), value, value,
                                     "exact", match.start()))
    mentions.sort(key=lambda m: m.start)
    counts = []
    for mention in mentions:
        first = view.token_at(mention.start)
        last = max(first + 1, view.token_at(mention.end - 1) + 1)
        np_end, np_words, head = _noun_phrase(view, last)
        counts.append(LinkedCount(mention, first, last, np_end, np_words, head))
    return counts


def _noun_phrase(view: SentenceView, i: int) -> tuple[int, list[str], str | None]:
    """The victim noun phrase after a count: its end, words and head noun."""
    words, head, n = [], None, len(view)
    while i < n and len(words) < 9:
        word, pos = view.words[i], view.pos[i]
        if word == "of" and i + 1 < n and (view.words[i + 1] in ("the", "them", "whom", "those", "these",
                                                                  "his", "her", "their", "its")
                                           or view.pos[i + 1] in ("PROPN", "NOUN", "ADJ")):
            j, comp = i + 1, []
            while j < n and (view.pos[j] in NP_POS or view.words[j] in ("the", "them", "those", "these", "'s",
                                                                          "’s", "-", "his", "her", "their")):
                comp.append(view.words[j])
                j += 1
            if head is None and comp:
                head = comp[-1]
            words.extend(["of", *comp])
            i = j
            break
        if word in OUTCOME_AFTER and pos != "NOUN" and word not in ("dead",):
            break
        if pos in NP_POS or word in NP_WORDS:
            if word in OUTCOME_NOUNS and head is not None and head not in ("people", "persons"):
                break
            words.append(word)
            if pos in ("NOUN", "PROPN") or word in ("others", "those", "them", "dead", "wounded", "injured"):
                head = word
            i += 1
            if word in OUTCOME_NOUNS and pos != "ADJ":
                break
            continue
        break
    return i, words, head


def link_sentence(view: SentenceView) -> list[LinkedCount]:
    """Counts of a sentence linked to outcomes; unlinked counts are dropped."""
    counts = [c for c in find_sentence_counts(view) if not _is_non_victim(c)]
    for count in counts:
        _link_direct(view, count, counts)
    for index, count in enumerate(counts):
        if count.outcome is None:
            _link_from_context(view, index, counts)
    for index, count in enumerate(counts):
        count.additive = any(w in ADDITIVE_WORDS for w in count.np_words) or \
            view.words[count.first] in ("another",) or count.mention.text.lower().startswith(("another", "a further"))
    return [c for c in counts if c.outcome is not None]


def _is_non_victim(count: LinkedCount) -> bool:
    return count.head in NON_VICTIM_NOUNS


def _link_direct(view: SentenceView, count: LinkedCount, counts: list[LinkedCount]) -> None:
    if count.outcome:
        return
    if count.head in OUTCOME_NOUNS and not (count.head == "dead" and count.np_words[:1] == ["the"]):
        _set(count, OUTCOME_NOUNS[count.head], count.np_end - 1, "noun")
        return
    found = _outcome_after(view, count, counts)
    if found:
        outcome, anchor, negated, chain = found
        for member in [count, *chain]:
            _set(member, outcome, anchor, "after" if member is count else "coordination")
            member.negated = negated
        return
    found_before = _outcome_before(view, count)
    if found_before:
        _set(count, found_before[0], found_before[1], "before")


def _set(count: LinkedCount, outcome: str, anchor: int, via: str) -> None:
    if count.outcome is None:
        count.outcome, count.anchor, count.via = outcome, anchor, via


def _outcome_after(view: SentenceView, count: LinkedCount, counts: list[LinkedCount]):
    i, n, negated, chain = count.np_end, len(view), False, []
    words = view.words
    steps = 0
    while i < n and steps < 14:
        steps += 1
        word = words[i]
        if word in (",", "(") and i + 1 < n and (_starts_marker(view, i + 1) or word == "("):
            i = _skip_clause(view, i)
            continue
        if word in ("and", ",", "or") and (nxt := _count_starting_at(counts, i + 1)) is not None:
            chain.append(nxt)
            i = nxt.np_end
            continue
        if word in NEGATIONS:
            negated = True
            i += 1
            continue
        if word in OUTCOME_AFTER:
            if word == "seized" and count.category == "unknown":
                return None
            return OUTCOME_AFTER[word], i, negated, chain
        if word in ("lost", "lose", "losing") and i + 2 < n and words[i + 2] in ("lives", "life"):
            return "killed", i, negated, chain
        if word in ("succumbed", "succumb"):
            return "killed", i, negated, chain
        if word in ("taken", "went", "go", "gone", "held") or word in BRIDGE_WORDS or view.pos[i] == "ADV":
            i += 1
            continue
        if word in DEATH_COMPLEMENTS and i > 0 and words[i - 1] in ("to", "shot", "found"):
            return "killed", i, negated, chain
        if word == "to" and i + 1 < n and words[i + 1] == "death":
            return "killed", i + 1, negated, chain
        return None
    return None


def _outcome_before(view: SentenceView, count: LinkedCount) -> tuple[str, int] | None:
    words, k = view.words, count.first - 1
    while k >= 0 and words[k] in ("the", "all", "some", "of", "a", "total") and not (
            words[k] == "of" and k > 0 and words[k - 1] in OF_NOMINALS):
        k -= 1
    if k < 0:
        return None
    word = words[k]
    if word == "of" and k > 0 and words[k - 1] in OF_NOMINALS:
        return OF_NOMINALS[words[k - 1]], k - 1
    if word in OUTCOME_BEFORE:
        if k > 0 and words[k - 1] in ("were", "was", "been", "be", "being") and word.endswith("ed"):
            return None  # "were killed 3 ..." is not an object
        return OUTCOME_BEFORE[word], k
    if word in ("left", "leaving", "leaves", "leave"):
        end = count.np_end
        if end < len(view) and words[end] in OUTCOME_AFTER:
            return OUTCOME_AFTER[words[end]], end
    if word in ("lost", "losing", "loses") and count.category != "unknown":
        return "killed", k
    if "toll" in words[max(0, k - 7):k + 1] and all(w in TOLL_VERBS or view.pos[j] in ("ADV", "AUX")
                                                   for j, w in enumerate(words[k - 1:k + 1], start=k - 1)):
        return "killed", k
    return None


def _starts_marker(view: SentenceView, i: int) -> bool:
    tail = " ".join(view.words[i:i + 4])
    return any(tail.startswith(marker) for marker in BREAKDOWN_MARKERS)


def _skip_clause(view: SentenceView, i: int) -> int:
    closer = ")" if view.words[i] == "(" else ","
    j = i + 2
    while j < len(view) and j < i + 16 and view.words[j] not in (closer, ";", "."):
        j += 1
    return j + 1 if j < len(view) and view.words[j] == closer else j


def _count_starting_at(counts: list[LinkedCount], i: int) -> LinkedCount | None:
    for candidate in counts:
        if candidate.first == i or (candidate.first == i + 1):
            return candidate
    return None


def _link_from_context(view: SentenceView, index: int, counts: list[LinkedCount]) -> None:
    """Breakdowns ("including four soldiers") and continuations ("along with 125 ...")."""
    count = counts[index]
    earlier = [c for c in counts[:index] if c.outcome is not None]
    if not earlier:
        return
    previous = earlier[-1]
    gap_start = max(previous.np_end, previous.anchor + 1)
    between = view.words[gap_start:count.first]
    between_text = " ".join(between)
    has_verb = any(view.pos[j] in ("VERB", "AUX") for j in range(gap_start, count.first))
    marker = next((m for m in BREAKDOWN_MARKERS if m in between_text), None) or \
        next((m for m in BREAKDOWN_MARKERS if m in " ".join(view.words[previous.np_end:count.first])), None)
    if marker and not _verb_after_marker(view, previous, count, marker):
        parent = previous if previous.part_of is None else counts[previous.part_of]
        count.part_of = counts.index(parent)
        _set(count, parent.outcome, parent.anchor, "breakdown")
        return
    if has_verb or len(between) > 12:
        return
    if between in ([], ["and"], [","], [",", "and"]) or CONTINUATION_RE.search(between_text):
        _set(count, previous.outcome, previous.anchor, "continuation")
        count.part_of = previous.part_of
        count.negated = previous.negated


def _verb_after_marker(view: SentenceView, previous: LinkedCount, count: LinkedCount, marker: str) -> bool:
    words = view.words[previous.np_end:count.first]
    text = " ".join(words)
    position = len(text[:text.find(marker)].split())
    start = previous.np_end + position
    return any(view.pos[j] in ("VERB",) and view.words[j] not in ("including",)
               for j in range(start, count.first))
