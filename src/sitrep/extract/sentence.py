"""The view of one sentence that the casualty grammar works on, and the count record it fills.

Lower-cased words, POS tags and offsets of a sentence's tokens (:class:`SentenceView`),
a count with what linking found about it (:class:`LinkedCount`), and the word sets
the grammar modules share.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from ..nlp import doc_text
from .lexicon import GENERIC_PEOPLE, OUTCOME_BEFORE
from .numbers import CountMention
from .victims import victim_category

NP_POS = frozenset({"ADJ", "NOUN", "PROPN"})


NP_WORDS = frozenset({"-", "'s", "’s", "other", "others", "more", "those", "them", "of", "more",
                      "additional", "further", "local", "young", "elderly", "suspected", "alleged", "armed",
                      "unidentified", "presumed", "retired", "off-duty"})


ADDITIVE_WORDS = frozenset({"other", "others", "more", "another", "additional", "further"})


CONTINUATION_RE = re.compile(r"\b(?:along with|as well as|in addition to|plus|besides|alongside)\b")



TOLL_LINKS = frozenset({"to", "at", "of", "from", "range", "ranged", "ranging", "ranges", "numbered", "totalled",
                        "totaled", "stood", "stands", "reached", "rose", "was", "were", "is", "are", "put",
                        "vary", "varied", "between", "reportedly", "now"})


NEGATIONS = frozenset({"not", "n't", "never", "no"})


CASUALTIES = "casualties"  # killed or injured, not said which: no claim


FATAL_VERBS = frozenset({"shot", "stabbed", "wounded", "injured", "hit", "struck", "beaten", "burned", "assaulted",
                         "attacked", "lynched", "hacked", "run"})


INJURY_NOUNS = frozenset({"injuries", "wounds", "injury", "wound", "burns"})


# "four sustained gunshot wounds", "the officer suffered minor injuries": injured, with an injury noun after.
SUFFER_VERBS = frozenset({"suffered", "sustained", "received", "suffers", "sustains", "receives",
                          "suffering", "sustaining", "receiving", "got", "gets"})


# "left 3 dead", "left the judge seriously injured".
LEAVE_VERBS = frozenset({"left", "leaving", "leaves", "leave"})


# Verbs that take the injured to care: "sending 42 to hospital", "treated 35 people for wounds".
CARE_VERBS = frozenset({"sending", "sent", "send", "sends", "treated", "treating", "treats", "treat", "rushed",
                        "rushing", "evacuated", "evacuating", "admitted", "admitting"})


SEVERITY = frozenset({"seriously", "critically", "severely", "badly", "gravely", "lightly", "slightly",
                      "fatally", "moderately"})


COLLECTIVES = frozenset({"family", "families", "group", "household"})


PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "inside", "outside", "across", "on"})


AMONG_WORDS = {"dead": "killed", "killed": "killed", "victims": "killed", "fatalities": "killed",
               "wounded": "injured", "injured": "injured", "kidnapped": "abducted", "abducted": "abducted",
               "hostages": "abducted", "missing": "missing", "detained": "detained", "arrested": "detained"}


PEOPLE_NOUNS = frozenset({"children", "women", "men", "civilians", "soldiers", "policemen", "elderly", "girls",
                          "boys", "infants", "babies", "students", "teachers", "officers", "fighters"})


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
    part_of: LinkedCount | None = None  # the total this count breaks down
    additive: bool = False  # "11 more", "others": adds to earlier figures
    via: str = ""
    also: str | None = None  # a second outcome of the same victims ("kidnapped and later killed")

    @property
    def category(self) -> str:
        return victim_category(self.np_words, self.head)


class SentenceView:
    """Lower-cased words, POS tags and character offsets of a sentence's tokens."""

    def __init__(self, sent: SpacySpan) -> None:
        self.sent = sent
        self.tokens = [t for t in sent if not t.is_space]
        self.words = [t.lower_ for t in self.tokens]
        self.pos = [t.pos_ for t in self.tokens]
        self.starts = [t.idx for t in self.tokens]
        self.ends = [t.idx + len(t.text) for t in self.tokens]
        self.index = {t.i: k for k, t in enumerate(self.tokens)}

    def __len__(self) -> int:
        return len(self.words)

    def token_at(self, char: int) -> int:
        """Index of the token containing (or first after) character offset ``char``."""
        for i, end in enumerate(self.ends):
            if end > char:
                return i
        return len(self.ends)

    def noun_of(self, count: LinkedCount):
        """The spaCy token of the noun a count quantifies ("people" in "two people"), or the count's own."""
        token = self.tokens[min(count.last, len(self)) - 1]
        if token.dep_ in ("det", "poss") and count.np_end > count.last:
            token = self.tokens[count.np_end - 1]
        return token.head if token.dep_ == "nummod" else token

    def text(self, first: int, last: int) -> str:
        if first >= last:
            return ""
        return doc_text(self.sent.doc)[self.starts[first]:self.ends[last - 1]]


def first_conjunct(noun):
    """The first member of the coordination ``noun`` belongs to ("guards" for "chief" in "guards and the chief")."""
    while noun.dep_ == "conj" and noun.head.i != noun.i:
        noun = noun.head
    return noun


def preposition_child(token, word: str):
    """The child preposition ``word`` of ``token`` ("of" in "the death of the imam"), else None."""
    return next((c for c in token.children if c.dep_ == "prep" and c.lower_ == word), None)


def names_members_of(noun):
    """ "two people, a professor and a guard": the counted noun ("people") whose members ``noun`` lists in
    apposition, else None."""
    noun = first_conjunct(noun)
    if noun.dep_ == "appos" and noun.head.lower_ in GENERIC_PEOPLE and any(
            c.dep_ == "nummod" for c in noun.head.children):
        return noun.head  # not "killing 22 students, a soldier and a guard", a list the parse hung as apposition
    return None


def set_outcome(count: LinkedCount, outcome: str, anchor: int, via: str) -> None:
    if count.outcome is None:
        count.outcome, count.anchor, count.via = outcome, anchor, via


def is_passive(verb) -> bool:
    """ "was killed", "were found": the verb has a passive auxiliary."""
    return any(c.dep_ == "auxpass" for c in verb.children)


def is_active(verb) -> bool:
    """ "gunmen killed 5": a past-tense verb with an object, not a passive participle."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in ("dobj",) for c in verb.children) \
        or any(c.dep_ == "nsubj" for c in verb.children) and verb.lower_ in OUTCOME_BEFORE \
        and any(c.dep_ == "dobj" for c in verb.children)


def among_outcome(words: list[str], i: int) -> str | None:
    """ "were among the dead", "among those killed", "among the 40 wounded"."""
    for word in words[i + 1:i + 6]:
        if word in AMONG_WORDS:
            return AMONG_WORDS[word]
        if word == "died":
            return "killed"
    return None


def short_phrase_end(view: SentenceView, i: int) -> int | None:
    """End of a short place or agent phrase after a preposition ("in the village", "from Kabul", "by four men",
    "from the Republican Guard's 3rd Brigade"); none after "at" in "at least"."""
    if i < len(view) and view.words[i] in ("least", "most"):
        return None
    j = i
    while j < len(view) and j < i + 9 and (view.pos[j] in ("DET", "PROPN", "NOUN", "ADJ")
                                           or view.words[j] in ("'s", "’s", "-", "their", "his", "her")
                                           or view.pos[j] == "NUM" and j + 1 < len(view) and view.pos[j + 1] == "NOUN"
                                           or view.words[j] == "of" and j > i and j + 1 < len(view)
                                           and view.pos[j + 1] in ("DET", "PROPN") and view.tokens[j - 1].text[:1].isupper()):
        j += 1
    return j if j > i else None
