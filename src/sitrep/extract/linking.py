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
from dataclasses import dataclass

from spacy.tokens import Span as SpacySpan

from .lexicon import (
    BREAKDOWN_MARKERS,
    GENERIC_PEOPLE,
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
                      "additional", "further", "local", "young", "elderly", "suspected", "alleged", "armed",
                      "unidentified", "presumed", "retired", "off-duty"})
ADDITIVE_WORDS = frozenset({"other", "others", "more", "another", "additional", "further"})
CONTINUATION_RE = re.compile(r"\b(?:along with|as well as|in addition to|plus|besides|alongside)\b")
TOLL_VERBS = frozenset({"to", "at", "of", "reached", "hit", "stood", "stands", "rose", "risen",
                        "climbed", "reaches", "jumped", "increased", "was", "is", "has", "had",
                        "now", "further", "toll", "death", "climbing", "rising", "reaching"})
TOLL_LINKS = frozenset({"to", "at", "of", "from", "range", "ranged", "ranging", "ranges", "numbered", "totalled",
                        "totaled", "stood", "stands", "reached", "rose", "was", "were", "is", "are", "put",
                        "vary", "varied", "between", "reportedly", "now"})
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
    noun_ends: dict[int, int] = {}
    for match in SINGULAR_VICTIM_RE.finditer(doc_text, start, end):
        group = next(g for g in ("det", "poss", "alone") if match.group(g))
        if any(s < match.end(group) and match.start() < e for s, e in taken):
            continue
        value = 2 if match.group(group).lower() == "both" else 1
        mentions.append(CountMention(match.start(), match.end(group), match.group(group), value, value,
                                     "exact", match.start()))
        if match.group("noun"):
            noun_ends[match.start()] = match.end("noun")
    mentions.sort(key=lambda m: m.start)
    counts = []
    for mention in mentions:
        first = view.token_at(mention.start)
        last = max(first + 1, view.token_at(mention.end - 1) + 1)
        np_end, np_words, head = _noun_phrase(view, last)
        if mention.start in noun_ends and np_end <= view.token_at(noun_ends[mention.start] - 1):
            np_end = view.token_at(noun_ends[mention.start] - 1) + 1
            np_words = view.words[last:np_end]
            head = np_words[-1] if np_words else None
        if counts and first < counts[-1].np_end and first >= counts[-1].last:
            continue  # "a member of an opposition group", "10 of the 18 men": one group of victims
        if counts and mention.text.lower() in ("a", "an") and first > 0 and view.words[first - 1] == "," \
                and counts[-1].np_end == first - 1 and counts[-1].mention.text.lower() in ("a", "an"):
            continue  # "a 45-year-old man, an activist of ...": the same person
        counts.append(LinkedCount(mention, first, last, np_end, np_words, head))
    return counts


def _noun_phrase(view: SentenceView, i: int) -> tuple[int, list[str], str | None]:
    """The victim noun phrase after a count: its end, words and head noun."""
    words, head, n = [], None, len(view)
    while i < n and len(words) < 9:
        word, pos = view.words[i], view.pos[i]
        if word == "of" and i + 1 < n and (view.words[i + 1] in ("the", "them", "whom", "those", "these",
                                                                  "his", "her", "their", "its", "our", "a", "an")
                                           or view.pos[i + 1] in ("PROPN", "NOUN", "ADJ")):
            j, comp = i + 1, []
            while j < n and (view.pos[j] in NP_POS or view.words[j] in AMONG_WORDS or view.words[j] in (
                    "the", "them", "those", "these", "'s", "’s", "-", "his", "her", "their", "its", "our", "a", "an")):
                comp.append(view.words[j])
                j += 1
            if head is None and comp:
                head = comp[-1]
            words.extend(["of", *comp])
            i = j
            break
        if word in OUTCOME_AFTER and pos != "NOUN" and i + 1 < n and view.pos[i + 1] == "NOUN":
            words.append(word)  # "two wounded officers": the word modifies a noun
            i += 1
            continue
        if word in OUTCOME_AFTER and pos != "NOUN" and word not in ("dead",):
            break
        if word == "(" and i + 2 < n and view.words[i + 2] == ")" and view.pos[i + 1] == "PROPN":
            i += 3  # "Central Reserve Police Force (CRPF) personnel"
            continue
        if word == "and" and words and i + 1 < n and view.pos[i + 1] == "NOUN" and view.words[i + 1] in PEOPLE_NOUNS:
            words.append(word)
            i += 1
            continue
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
    counts = [c for c in find_sentence_counts(view) if not _is_non_victim(c, view)]
    for count in counts:
        _link_direct(view, count, counts)
    counts.extend(individual_victims(view, counts))
    counts.sort(key=lambda c: c.first)
    _marked_breakdowns(view, counts)
    for index, count in enumerate(counts):
        if count.outcome is None:
            _link_from_context(view, index, counts)
    _tolls_are_totals(view, counts)
    _lists_that_sum_to_a_total(view, counts)
    for count in counts:
        if count.outcome and count.outcome != CASUALTIES and count.anchor >= 0:
            count.also = _chained_outcome(view, count.anchor, count.outcome)
    for index, count in enumerate(counts):
        count.additive = any(w in ADDITIVE_WORDS for w in count.np_words) or \
            view.words[count.first] in ("another",) or count.mention.text.lower().startswith(("another", "a further"))
    return [c for c in counts if c.outcome is not None and c.outcome != CASUALTIES]


SHOT_VERBS = frozenset({"shot", "found", "gunned", "stabbed", "beaten", "left", "hacked", "clubbed"})
PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ant|ent|ian|man|woman|ee|eer|ive|ary|arch|at)$")
INDIVIDUAL_PRONOUNS = frozenset({"he", "she"})


def individual_victims(view: SentenceView, counts: list[LinkedCount]) -> list[LinkedCount]:
    """Victims named one by one: "the minister was shot dead", "X and his cousin were killed"."""
    covered = {j for c in counts for j in range(c.first, max(c.np_end, c.last))}
    found: list[LinkedCount] = []
    for k, token in enumerate(view.tokens):
        outcome_verb = _outcome_verb(token)
        if outcome_verb is None:
            continue
        verb, outcome, role = outcome_verb
        candidates = [c for c in verb.children if c.dep_ in role]
        if len(candidates) > 1:  # a misparse gave the verb two subjects: trust a counted or common noun
            if any(view.index.get(c.i) in covered for c in candidates):
                continue
            candidates = [c for c in candidates if c.tag_ in ("NN", "NNS")]
        for victim in candidates:
            if not _is_individual(victim):
                victim = next((a for a in victim.children if a.dep_ == "appos" and _is_individual(a)), victim)
            if view.index.get(victim.head.i) in covered and victim.dep_ == "appos" or any(
                    view.index.get(a.i) in covered for a in victim.children if a.dep_ == "appos"):
                continue  # "One contractor, Craig Dickens, was killed": the same person
            members = [m for m in (victim, *victim.conjuncts) if view.index.get(m.i) not in covered
                       and (m is victim or any(c.dep_ in ("det", "poss") for c in m.children))]
            if not members or not all(_is_individual(m) for m in members):
                continue
            first = min(view.index.get(m.left_edge.i, k) for m in members)
            last_token = max(view.index.get(m.i, k) for m in members) + 1
            words = [t.lower_ for m in members for t in m.subtree if t.i in view.index][:12]
            mention = CountMention(view.starts[first], view.ends[last_token - 1],
                                   view.text(first, last_token), len(members), len(members), "exact",
                                   view.starts[first])
            count = LinkedCount(mention, first, last_token, last_token, words, members[0].lower_,
                                outcome=outcome, anchor=view.index[verb.i] if verb.i in view.index else k,
                                via="individual")
            found.append(count)
            covered.update(range(first, last_token))
    return found


def _outcome_verb(token):
    """(verb, outcome, victim dependency labels) when ``token`` states an outcome."""
    word = token.lower_
    if word == "dead" and token.head.lower_ in SHOT_VERBS:
        token = token.head
        return (token, "killed", ("nsubjpass",)) if token.tag_ == "VBN" else (token, "killed", ("dobj",))
    if word == "dead" and token.dep_ == "amod" and token.head.dep_ == "dobj" and token.head.head.lower_ in SHOT_VERBS:
        return token.head.head, "killed", ("dobj",)
    if token.pos_ != "VERB":
        return None
    if word in OUTCOME_AFTER and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        return token, OUTCOME_AFTER[word], ("nsubjpass",)
    if word in ("died", "dies", "die", "perished", "succumbed"):
        return token, "killed", ("nsubj",)
    if word in OUTCOME_BEFORE and (_is_active(token) or token.tag_ == "VBG"):
        return token, OUTCOME_BEFORE[word], ("dobj",)
    return None


def _is_individual(token) -> bool:
    if token.lower_ in INDIVIDUAL_PRONOUNS:
        return True
    if token.tag_ not in ("NN", "NNP") or any(c.dep_ == "nummod" for c in token.children):
        return False
    if token.ent_type_ == "PERSON":
        return True
    word = token.lower_
    if word in NON_VICTIM_NOUNS or word in OUTCOME_NOUNS or word in COLLECTIVES:
        return False
    return victim_category([word], word) != "unknown" or word in ("person", "victim") or (
        token.tag_ == "NN" and bool(PERSON_SUFFIX.search(word)) and token.ent_type_ == "")


def _marked_breakdowns(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "Seven civilians including two children were killed": the two are part of the seven."""
    for index, count in enumerate(counts):
        if index == 0 or count.part_of is not None:
            continue
        lead = " ".join(view.words[max(0, count.first - 3):count.first])
        sibling = counts[index - 1]
        if count.np_end == count.last and count.np_end < len(view) and view.words[count.np_end] in SEVERITY \
                and sibling.outcome:
            count.part_of = sibling if sibling.part_of is None else sibling.part_of  # "injured 22, one seriously"
            count.outcome = sibling.outcome
            continue
        if count.np_words[:2] in (["of", "them"], ["of", "whom"], ["of", "those"]) and sibling.outcome:
            count.part_of = sibling if sibling.part_of is None else sibling.part_of  # "22 wounded, 6 of them"
            count.outcome = count.outcome or sibling.outcome
            continue
        if sibling.part_of is not None and view.words[sibling.np_end:count.first] in (["and"], [","], [",", "and"]):
            count.part_of = sibling.part_of
            count.outcome = count.outcome or sibling.outcome
            continue
        if not any(lead.endswith(marker) for marker in BREAKDOWN_MARKERS):
            continue
        total = counts[index - 1]
        while total.part_of is not None:
            total = total.part_of
        if total.outcome in (None, count.outcome) or count.outcome is None:
            count.part_of = total
            total.outcome = total.outcome or count.outcome
            count.outcome = count.outcome or total.outcome


def _chained_outcome(view: SentenceView, anchor: int, outcome: str) -> str | None:
    """ "were kidnapped and later shot dead": a second outcome for the same victims."""
    words, i = view.words, anchor + 1
    if i < len(view) and words[i] in ("up", "down", "off", "away"):
        i += 1  # "rounded up and executed"
    if i < len(view) and words[i] in ("by",) and (skip := _short_phrase_end(view, i + 1)):
        i = skip  # "kidnapped by militants and later executed"
    if i < len(view) and words[i] in PLACE_PREPOSITIONS and (skip := _short_phrase_end(view, i + 1)):
        i = skip
    if i >= len(view) or words[i] not in ("and", "before", "then"):
        return None
    i += 1
    while i < len(view) and i < anchor + 6 and (words[i] in BRIDGE_WORDS or view.pos[i] == "ADV"
                                                 or words[i] in ("then", "subsequently")):
        if words[i] in ("shot", "found", "beaten", "stabbed") and i + 1 < len(view) and words[i + 1] in (
                "dead", "to"):
            return "killed" if outcome != "killed" else None
        i += 1
    if i < len(view) and words[i] in OUTCOME_AFTER and OUTCOME_AFTER[words[i]] != outcome:
        if not _is_active(view.tokens[i]):
            return OUTCOME_AFTER[words[i]]
    return None


def _lists_that_sum_to_a_total(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "Three people, a soldier and two civilians, were killed": the list is the three."""
    for index, total in enumerate(counts):
        if total.part_of is not None or total.mention.low is None or total.np_end >= len(view):
            continue
        if view.words[total.np_end] not in (",", ":", "-", "—", "("):
            continue
        members, cursor = [], total.np_end + 1
        for other in counts[index + 1:]:
            gap = view.words[cursor:other.first]
            if other.first < cursor or len(gap) > 4 or (gap and gap[-1] not in (",", "and")) or any(
                    view.pos[j] in ("VERB", "AUX") for j in range(cursor, other.first)):
                break
            members.append(other)
            cursor = other.np_end
            if cursor < len(view) and view.words[cursor] in (",", "and"):
                cursor += 1
        running = 0
        for size, member in enumerate(members, start=1):
            running += member.mention.low or 0
            if size >= 2 and member.mention.low is not None and running == total.mention.low:
                outcome = total.outcome or member.outcome
                for part in members[:size]:
                    part.part_of, part.outcome, part.anchor = total, outcome, total.anchor
                total.outcome = outcome
                break


def _tolls_are_totals(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "..., bringing its toll to 487": the sentence's other counts are parts of that total."""
    for index, count in enumerate(counts):
        if count.outcome is None or count.anchor < 0 or view.words[count.anchor] not in ("toll", "number"):
            continue
        for other in counts:
            if other is not count and other.outcome == count.outcome and other.part_of is None:
                other.part_of = count


def _is_non_victim(count: LinkedCount, view: SentenceView) -> bool:
    """Counts of things, agents ("by two gunmen"), and ages in apposition ("Jane Roe, 30, a teacher")."""
    if count.head in NON_VICTIM_NOUNS or (count.first > 0 and view.words[count.first - 1] == "by"):
        return True
    if count.first > 0 and view.pos[count.first - 1] == "PROPN" and count.np_end == count.last \
            and view.tokens[count.first].like_num and view.tokens[count.first].text[:1].isdigit():
        return True  # "a Fiat 500", "Flight 330": a name, not a count
    first, last = count.first, count.last
    return (0 < first and last < len(view) and view.words[first - 1] == "," and view.words[last] == ","
            and first > 1 and view.pos[first - 2] == "PROPN" and count.mention.qualifier == "exact")


def _link_direct(view: SentenceView, count: LinkedCount, counts: list[LinkedCount]) -> None:
    if count.outcome:
        return
    found_before = _outcome_before(view, count)
    if found_before:
        _set(count, found_before[0], found_before[1], "before")
        return
    if count.head in OUTCOME_NOUNS and count.np_words and count.np_words[-1] == count.head and not (
            count.head == "dead" and count.np_words[:1] == ["the"]) and "of" not in count.np_words:
        _set(count, OUTCOME_NOUNS[count.head], count.np_end - 1, "noun")
        return
    found = _outcome_after(view, count, counts)
    if found:
        outcome, anchor, negated, chain = found
        for member in [count, *chain]:
            _set(member, outcome, anchor, "after" if member is count else "coordination")
            member.negated = negated
        return
    if count.head in OUTCOME_NOUNS and "of" not in count.np_words and not (
            count.head == "dead" and count.np_words[:1] == ["the"]):
        _set(count, OUTCOME_NOUNS[count.head], count.np_end - 1, "noun")
        return
    plausible = count.head is None or count.head in GENERIC_PEOPLE or count.category != "unknown"
    found_dep = _outcome_by_dependency(view, count) if plausible else None  # not "two car bombings"
    if found_dep:
        _set(count, found_dep[0], found_dep[1], "dependency")


def _outcome_by_dependency(view: SentenceView, count: LinkedCount) -> tuple[str, int] | None:
    """The parse ties the count's noun to an outcome verb across a relative clause or modifier."""
    token = view.tokens[min(count.last, len(view)) - 1]
    if token.dep_ in ("det", "poss") and count.np_end > count.last:
        token = view.tokens[count.np_end - 1]
    noun = token.head if token.dep_ == "nummod" else token
    while noun.dep_ in ("conj", "appos") and noun.head != noun:
        noun = noun.head
    verb = noun.head
    if verb.i not in view.index:
        return None
    if verb.lower_ not in OUTCOME_AFTER and noun.dep_ in ("nsubjpass", "nsubj"):
        verb = next((c for c in verb.children if c.dep_ == "conj" and c.lower_ in OUTCOME_AFTER), verb)
    word = verb.lower_
    if noun.dep_ in ("nsubjpass", "nsubj") and word in OUTCOME_AFTER and not _is_active(verb):
        return OUTCOME_AFTER[word], view.index[verb.i]
    if noun.dep_ == "dobj" and word in OUTCOME_BEFORE:
        return OUTCOME_BEFORE[word], view.index[verb.i]
    if noun.dep_ == "pobj" and word == "of" and verb.head.lower_ in OF_NOMINALS and verb.head.i in view.index:
        return OF_NOMINALS[verb.head.lower_], view.index[verb.head.i]
    return None


def _is_active(verb) -> bool:
    """ "gunmen killed 5": a past-tense verb with an object, not a passive participle."""
    return verb.tag_ in ("VBD", "VBZ", "VBP") and any(c.dep_ in ("dobj",) for c in verb.children) \
        or any(c.dep_ == "nsubj" for c in verb.children) and verb.lower_ in OUTCOME_BEFORE \
        and any(c.dep_ == "dobj" for c in verb.children)


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
        if word == "," and i + 1 < n and words[i + 1] in OUTCOME_AFTER and not _is_active(view.tokens[i + 1]):
            i += 1  # "15 people, ten of them policemen, injured in two explosions"
            continue
        if word in ("and", ",", "or") and (nxt := _count_starting_at(counts, i + 1)) is not None:
            chain.append(nxt)
            i = nxt.np_end
            continue
        if word in NEGATIONS:
            negated = True
            i += 1
            continue
        if word == "among" and (found := _among_outcome(words, i)):
            return found, i, negated, chain
        if word in PLACE_PREPOSITIONS and steps == 1 and (skip := _short_phrase_end(view, i + 1)) is not None:
            i = skip
            continue
        if word == "held" and i + 1 < n and words[i + 1] in ("hostage", "captive"):
            return "abducted", i, negated, chain
        if word in ("taken", "rushed", "admitted", "brought", "evacuated") and "hospital" in words[i + 1:i + 4]:
            return "injured", i, negated, chain
        if word in FATAL_VERBS and i > 0 and words[i - 1] == "fatally":
            return "killed", i, negated, chain
        if word in OUTCOME_AFTER:
            if word == "seized" and count.category == "unknown" or _is_active(view.tokens[i]):
                return None
            if word == "dead" and i > 0 and words[i - 1] in ("shot", "gunned") and i + 1 < n and (
                    view.pos[i + 1] in ("DET", "NUM", "PROPN") or words[i + 1] in ("his", "her")):
                return None  # "members shot dead a gendarme": the object is the victim
            if i + 2 < n and words[i + 1] == "or" and OUTCOME_AFTER.get(words[i + 2]) not in (None, OUTCOME_AFTER[word]):
                return CASUALTIES, i, negated, chain  # "killed or wounded": not separable
            return OUTCOME_AFTER[word], i, negated, chain
        if word in ("lost", "lose", "losing") and i + 2 < n and words[i + 2] in ("lives", "life"):
            return "killed", i, negated, chain
        if word in ("succumbed", "succumb"):
            return "killed", i, negated, chain
        if word == "with" and any(w in ("injuries", "wounds", "injury", "wound", "burns") for w in words[i + 1:i + 4]):
            return "injured", i, negated, chain
        if word in ("suffered", "sustained", "received", "suffering", "sustaining") and any(
                w in ("injuries", "wounds", "injury", "wound", "burns") for w in words[i + 1:i + 9]):
            return "injured", i, negated, chain
        if word in ("taken", "went", "go", "gone", "held") or word in BRIDGE_WORDS or view.pos[i] == "ADV":
            i += 1
            continue
        if word in DEATH_COMPLEMENTS and i > 0 and words[i - 1] in ("to", "shot", "found"):
            if i + 1 < n and (view.pos[i + 1] in ("DET", "NUM", "PROPN", "PRON") or words[i + 1] in ("his", "her")):
                return None  # "members shot dead a gendarme": the object is the victim
            return "killed", i, negated, chain
        if word == "to" and i + 1 < n and words[i + 1] == "death":
            return "killed", i + 1, negated, chain
        if i + 1 < n and words[i + 1] == "down" and word in ("gunned", "cut", "mowed", "shot"):
            return "killed", i, negated, chain
        if view.pos[i] == "VERB" and words[i + 1:i + 3] == ["to", "death"]:
            return "killed", i, negated, chain  # "stoned to death", "hacked to death"
        return None
    return None


CASUALTIES = "casualties"  # killed or injured, not said which: no claim
FATAL_VERBS = frozenset({"shot", "stabbed", "wounded", "injured", "hit", "struck", "beaten", "burned"})
SEVERITY = frozenset({"seriously", "critically", "severely", "badly", "gravely", "lightly", "slightly",
                      "fatally", "moderately"})
COLLECTIVES = frozenset({"family", "families", "group", "household"})
PLACE_PREPOSITIONS = frozenset({"in", "at", "from", "near", "inside", "outside", "across", "on"})
AMONG_WORDS = {"dead": "killed", "killed": "killed", "victims": "killed", "fatalities": "killed",
               "wounded": "injured", "injured": "injured", "kidnapped": "abducted", "abducted": "abducted",
               "hostages": "abducted", "missing": "missing", "detained": "detained", "arrested": "detained"}
PEOPLE_NOUNS = frozenset({"children", "women", "men", "civilians", "soldiers", "policemen", "elderly", "girls",
                          "boys", "infants", "babies", "students", "teachers", "officers", "fighters"})


def _among_outcome(words: list[str], i: int) -> str | None:
    """ "were among the dead", "among those killed", "among the 40 wounded"."""
    for word in words[i + 1:i + 6]:
        if word in AMONG_WORDS:
            return AMONG_WORDS[word]
        if word == "died":
            return "killed"
    return None


def _short_phrase_end(view: SentenceView, i: int) -> int | None:
    """End of a short place phrase after a preposition ("in the village", "from Kabul")."""
    j = i
    while j < len(view) and j < i + 5 and (view.pos[j] in ("DET", "PROPN", "NOUN", "ADJ")
                                           or view.words[j] in ("'s", "’s", "-", "their", "his", "her")):
        j += 1
    return j if j > i else None


def _outcome_before(view: SentenceView, count: LinkedCount) -> tuple[str, int] | None:
    words, k = view.words, count.first - 1
    if k >= 1 and words[k] == "of" and words[k - 1] in COLLECTIVES:
        k -= 2  # "killed a family of three"
    while k >= 0 and words[k] in ("the", "all", "some", "of", "a", "total") and not (
            words[k] == "of" and k > 0 and words[k - 1] in OF_NOMINALS):
        k -= 1
    if k < 0:
        return None
    word = words[k]
    if word in ("dead", "down") and k > 0 and words[k - 1] in ("shot", "shoot", "shoots", "gunned", "stabbed",
                                                              "beaten", "hacked", "clubbed", "mowed", "cut"):
        return "killed", k
    if word in FATAL_VERBS and k > 0 and words[k - 1] == "fatally":
        return "killed", k
    if word in OUTCOME_BEFORE and k > 1 and words[k - 1] == "or" and OUTCOME_BEFORE.get(words[k - 2]) not in (
            None, OUTCOME_BEFORE[word]):
        return CASUALTIES, k
    if word in ("burned", "burnt", "buried") and "alive" in words[count.last:count.np_end + 1]:
        return "killed", k
    if word == "of" and k > 0 and words[k - 1] in OF_NOMINALS:
        return OF_NOMINALS[words[k - 1]], k - 1
    if word in OUTCOME_BEFORE:
        if k > 0 and words[k - 1] in ("were", "was", "been", "be", "being") and word.endswith("ed"):
            return None  # "were killed 3 ..." is not an object
        if words[count.np_end:count.np_end + 2] == ["to", "death"]:
            return "killed", k  # "stabbed four people to death"
        return OUTCOME_BEFORE[word], k
    if word in ("left", "leaving", "leaves", "leave"):
        end = count.np_end
        if end < len(view) and words[end] in OUTCOME_AFTER:
            return OUTCOME_AFTER[words[end]], end
    if word in ("took", "taken", "taking", "take", "takes") and count.np_end < len(view) and \
            words[count.np_end] in ("hostage", "captive", "prisoner", "prisoners", "hostages"):
        return "abducted", k
    if word == "up" and k > 0 and words[k - 1] == "rounded":
        return "detained", k
    if word in ("were", "was", "included", "include", "includes", "are"):
        head = " ".join(words[max(0, k - 4):k])
        for marker, outcome in (("among the", None), ("the dead", "killed"), ("the wounded", "injured"),
                                ("the injured", "injured"), ("the victims", "killed")):
            if marker in head:
                found = outcome or _among_outcome(words, max(0, k - 4))
                if found:
                    return found, k
    if word in ("lost", "losing", "loses") and count.category != "unknown":
        return "killed", k
    if word in ("to", "at", "of", "from", "reached", "hit", "stood", "stands", "reaches"):
        start = max(0, k - 25)
        window = words[start:k]
        for noun in ("toll", "number", "fatalities", "deaths"):
            if noun not in window:
                continue
            at = start + len(window) - 1 - window[::-1].index(noun)
            if "." in words[at:k] or any(view.pos[j] == "NUM" for j in range(at, k)):
                continue
            if noun in ("fatalities", "deaths") and not set(words[at + 1:k + 1]) <= TOLL_LINKS:
                continue
            if noun != "number":
                return "killed", at
            for candidate in reversed(words[at:k]):
                if candidate in AMONG_WORDS:
                    return AMONG_WORDS[candidate], at
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
        if candidate.first == i:
            return candidate
    return None


def _link_from_context(view: SentenceView, index: int, counts: list[LinkedCount]) -> None:
    """Breakdowns ("including four soldiers") and continuations ("along with 125 ...")."""
    count = counts[index]
    earlier = [c for c in counts[:index] if c.outcome is not None]
    if not earlier:
        return
    previous = earlier[-1]
    if count.np_end < len(view) and view.words[count.np_end] in SEVERITY and count.np_end == count.last:
        count.part_of = previous  # "15 people were injured, one seriously"
        _set(count, previous.outcome, previous.anchor, "breakdown")
        return
    gap_start = max(previous.np_end, previous.anchor + 1)
    between = view.words[gap_start:count.first]
    between_text = " ".join(between)
    has_verb = any(view.pos[j] in ("VERB", "AUX") for j in range(gap_start, count.first))
    marker = next((m for m in BREAKDOWN_MARKERS if m in between_text), None) or \
        next((m for m in BREAKDOWN_MARKERS if m in " ".join(view.words[previous.np_end:count.first])), None)
    if marker and not _verb_after_marker(view, previous, count, marker):
        parent = previous if previous.part_of is None else previous.part_of
        count.part_of = parent
        _set(count, parent.outcome, parent.anchor, "breakdown")
        return
    if has_verb or len(between) > 12:
        return
    own_predicate = count.np_end < len(view) and view.pos[count.np_end] in ("VERB", "AUX")
    if own_predicate:
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
