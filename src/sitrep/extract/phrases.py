"""Victim noun phrases in one sentence: the counts a sentence holds, what each counts, and which counts
name no victims at all.

:func:`find_sentence_counts` finds the numeric, vague and one-person counts ("745", "dozens", "a
policeman", "his wife and son") and the noun phrase after each ("civilians", "members of one family",
"JTF and Kamuku militiamen"); :func:`is_non_victim` drops counts of things, agents ("by two gunmen",
"by henchmen of another trader"), ages in apposition, and people named only as the "of" of a victim or
of a funeral. :mod:`.linking` then ties the rest to outcomes.
"""

from __future__ import annotations

import re

from ..nlp import doc_text as text_of
from .individuals import KIN, NOT_PERSONS, PERSON_SUFFIX
from .lexicon import NON_VICTIM_NOUNS, OF_NOMINALS, OUTCOME_AFTER, OUTCOME_NOUNS
from .numbers import CountMention, find_counts
from .sentence import (
    AMONG_WORDS,
    COLLECTIVES,
    INJURY_NOUNS,
    NP_POS,
    NP_WORDS,
    PEOPLE_NOUNS,
    SUFFER_VERBS,
    LinkedCount,
    SentenceView,
    first_conjunct,
)
from .victims import SINGULAR_VICTIM_RE, paired_noun_end, victim_category

__all__ = ["REDUCED_RELATIVES", "find_sentence_counts", "is_non_victim"]

_NAME_BEFORE = re.compile(r"[A-Z][\w.'-]*,\s*$")

# Events held for people ("the funeral of two soldiers"): those people are not harmed by the event.
EVENT_NOUNS = frozenset("funeral funerals burial burials vigil memorial commemoration anniversary trial release "
                        "return arrival wedding".split())

# Participles that open a clause after the victims ("two men suspected of theft were lynched").
REDUCED_RELATIVES = frozenset({"suspected", "accused", "wanted", "believed", "alleged", "thought"})


# "Ahmad Saleh (34)", "his son Ali (7)": a bare number in brackets after a name or a person is an age.
_AGE_BRACKET_BEFORE = re.compile(r"(?:\b[A-Z][\w.'’-]*|\b(?:boy|girl|man|woman|child|son|daughter|wife|husband|"
                                 r"father|mother|brother|sister|baby|infant|grandson|granddaughter)s?)\s*\(\s*$")
_AGE_BRACKET_AFTER = re.compile(r"\s*(?:years?(?: old)?|yrs?)?\s*\)")


def _is_age(text: str, mention: CountMention) -> bool:
    """A person's age in brackets, never a count (no age is ever a count)."""
    return (mention.qualifier == "exact" and mention.low is not None and mention.low < 130
            and mention.value_start == mention.start
            and _AGE_BRACKET_AFTER.match(text, mention.end) is not None
            and _AGE_BRACKET_BEFORE.search(text, max(0, mention.start - 40), mention.start) is not None)


def find_sentence_counts(view: SentenceView) -> list[LinkedCount]:
    """Counts (numeric, vague and singular victim phrases) of a sentence, in order."""
    doc_text = text_of(view.sent.doc)
    start, end = view.sent.start_char, view.sent.end_char
    mentions = [m for m in find_counts(doc_text, start=start, end=end) if not _is_age(doc_text, m)]
    taken = [(m.start, m.end) for m in mentions]
    noun_ends: dict[int, int] = {}
    for match in SINGULAR_VICTIM_RE.finditer(doc_text, start, end):
        group = next(g for g in ("det", "poss", "alone", "other") if match.group(g))
        if any(s < match.end(group) and match.start() < e for s, e in taken):
            continue
        value = 2 if match.group(group).lower() == "both" else 1
        pair_end = paired_noun_end(doc_text, match.end("noun")) if match.group("noun") else None
        if pair_end is not None and _NAME_BEFORE.search(doc_text, max(start, match.start() - 40), match.start()):
            pair_end = None  # "Shahzahan Bachchu, a writer and publisher, ...": one named person's roles
        if pair_end is not None and pair_end <= end:
            value = 2  # "his wife and son were injured"
        begin = match.start()
        if group == "other" and doc_text[max(start, begin - 4):begin].lower() == "the ":
            begin -= 4  # "the other": the rest of a pair already named, not one more
        mentions.append(CountMention(begin, match.end(group), doc_text[begin:match.end(group)], value, value,
                                     "exact", begin))
        if match.group("noun"):
            noun_ends[match.start()] = pair_end if pair_end is not None and pair_end <= end else match.end("noun")
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
        if counts and _of_previous(view, counts[-1], first, np_end):
            previous = counts[-1]  # the inner count's noun phrase ends the victims
            previous.np_words = [*view.words[previous.last:first], *view.words[first:np_end]]
            previous.np_end = max(previous.np_end, np_end)
            if previous.head in (None, "of", "the", "their", "its"):
                previous.head = head
            continue  # "seven members of one family", "a rifleman of 13 Light Infantry": the group they belong to
        if counts and mention.text.lower() in ("a", "an") and first > 0 and view.words[first - 1] == "," \
                and counts[-1].np_end == first - 1 and counts[-1].mention.text.lower() in ("a", "an"):
            continue  # "a 45-year-old man, an activist of ...": the same person
        counts.append(LinkedCount(mention, first, last, np_end, np_words, head))
    return counts


def _of_previous(view: SentenceView, previous: LinkedCount, first: int, np_end: int) -> bool:
    """ "seven members of one family", "5 of the 10 passengers": a count inside the previous victims' "of".

    Not when an outcome follows the inner phrase ("freed 10 of the 37 students abducted"): those are its victims.
    """
    if previous.np_end < first - 2 or first < 1 or np_end < len(view) and view.words[np_end] in OUTCOME_AFTER:
        return False
    gap = view.words[max(previous.last, first - 2):first]
    return "of" in gap and all(w in ("the", "their", "its") for w in gap[gap.index("of") + 1:])


def _noun_phrase(view: SentenceView, i: int) -> tuple[int, list[str], str | None]:
    """The victim noun phrase after a count: its end, words and head noun."""
    words, head, n = [], None, len(view)
    while i < n and len(words) < 9:
        word, pos = view.words[i], view.pos[i]
        if word == "of" and i + 1 < n and (view.words[i + 1] in ("the", "them", "whom", "those", "these",
                                                                  "his", "her", "their", "its", "our", "a", "an")
                                           or view.pos[i + 1] in ("PROPN", "NOUN", "ADJ")):
            j, comp = i + 1, []
            while j < n and (view.pos[j] in NP_POS and not _outcome_after_noun(view, j, comp)
                             or _among_word(view, j, comp) or view.words[j] in (
                    "the", "them", "whom", "those", "these", "'s", "’s", "-", "his", "her", "their", "its", "our", "a",
                    "an")):
                comp.append(view.words[j])
                j += 1
            if head is None and comp:
                head = comp[-1]
            words.extend(["of", *comp])
            i = j
            break
        if word in OUTCOME_AFTER and pos != "NOUN" and i + 1 < n and view.pos[i + 1] == "NOUN" \
                and view.tokens[i].tag_ != "VBD":  # not "a policeman died today"
            words.append(word)  # "two wounded officers": the word modifies a noun
            i += 1
            continue
        if word in ("confirmed", "reported", "recorded", "documented") and view.words[i + 1:i + 2] and \
                view.words[i + 1] in OUTCOME_NOUNS:
            words.append(word)  # "77 confirmed deaths"
            i += 1
            continue
        if word in OUTCOME_AFTER and pos != "NOUN" and word not in ("dead",):
            break
        if word in REDUCED_RELATIVES and words and view.words[i + 1:i + 2] in (["of"], ["to"]):
            break  # "two men suspected of robberies": a clause after the victims, not a modifier
        if word in SUFFER_VERBS and any(w in INJURY_NOUNS for w in view.words[i + 1:i + 5]):
            break  # "four sustained gunshot wounds": the verb, though tagged as a modifier
        if words[-1:] == ["-"] and view.tokens[i].tag_ in ("VBN", "VBD") and i + 1 < n \
                and view.pos[i + 1] in ("NOUN", "PROPN", "ADJ"):
            words.append(word)  # "US-backed forces", "Saudi-led coalition": the compound goes on
            i += 1
            continue
        if word == "(" and i + 2 < n and view.words[i + 2] == ")" and view.pos[i + 1] == "PROPN":
            i += 3  # "Central Reserve Police Force (CRPF) personnel"
            continue
        if word == "and" and words and i + 1 < n and view.pos[i + 1] == "NOUN" and view.words[i + 1] in PEOPLE_NOUNS:
            words.append(word)
            i += 1
            continue
        if word == "and" and words and (j := _people_after(view, i + 1)):
            words.extend(view.words[i:j])  # "four FC and police personnel": one group of two forces
            i = j
            continue
        if word in ("and", "/") and words and _is_name(view, i - 1) and (j := _shared_head(view, i + 1)):
            words.extend(view.words[i:j])  # "5 JTF and Kamuku militiamen", "56 BH/IS fighters": two names, one noun
            i = j
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


def _people_after(view: SentenceView, i: int) -> int | None:
    """Where "police personnel" or "security forces" ends when it starts at ``i`` with no count of its own."""
    j = i
    while j < len(view) and j < i + 2 and view.pos[j] in ("NOUN", "PROPN", "ADJ"):
        word = view.words[j]
        if j > i and (word == "personnel" or view.tokens[j].tag_ == "NNS" and victim_category([word], word) != "unknown"):
            return j + 1
        j += 1
    return None


def _shared_head(view: SentenceView, i: int) -> int | None:
    """Where the plural noun after names from ``i`` is: the second half of "JTF and Kamuku militiamen"."""
    j = i
    while j < len(view) and j < i + 3 and _is_name(view, j):
        j += 1
    return j if i < j < len(view) and view.pos[j] == "NOUN" and view.tokens[j].tag_ == "NNS" else None


def _is_name(view: SentenceView, j: int) -> bool:
    """A proper noun, or an acronym the tagger misread ("IS" as a verb)."""
    text = view.tokens[j].text
    return view.pos[j] == "PROPN" or len(text) > 1 and text.isupper() and text.isalpha()


def _among_word(view: SentenceView, j: int, comp: list[str]) -> bool:
    """ "10 of the dead", "two of those wounded": an outcome word naming the group counted from."""
    return view.words[j] in AMONG_WORDS and (not comp or comp[-1] in ("the", "those", "these"))


def _outcome_after_noun(view: SentenceView, j: int, comp: list[str]) -> bool:
    """ "two members of the security forces killed": the outcome word ends the victims."""
    return bool(comp) and comp[-1] not in ("the", "those", "these") and view.words[j] in OUTCOME_AFTER


def is_non_victim(count: LinkedCount, view: SentenceView) -> bool:
    """Counts of things, agents ("by two gunmen"), and ages in apposition ("Jane Roe, 30, a teacher")."""
    if count.head in NON_VICTIM_NOUNS or (count.first > 0 and view.words[count.first - 1] == "by"):
        return True
    if _in_agent_phrase(view.tokens[count.first]):
        return True  # "killed by accomplices of another party member": part of the agent
    if _of_a_person(view.tokens[count.first],
                    outcome_named=any(w in OUTCOME_AFTER or w in AMONG_WORDS
                                      for w in [*count.np_words, *view.words[count.np_end:count.np_end + 1]])):
        return True  # "a supporter of a party member was killed": the supporter is the victim
    noun = view.tokens[count.first].head
    if noun.dep_ == "attr" and noun.head.dep_ == "relcl":
        return True  # "X, who was also a member of the union, was killed": X, described
    if count.mention.text.lower() in ("a", "an") and _describes_one_person(noun):
        return True  # "Jane Roe, a nurse, was shot", "one driver, a father of four, dead": the same person
    if count.first > 0 and view.words[count.first - 1] in ("from", "of") and count.head in COLLECTIVES \
            and count.mention.low == count.mention.high == 1:
        return True  # "seven people from one family": where the victims came from
    if count.first > 0 and view.words[count.first - 1] == "as" and count.mention.text.lower() in ("a", "an"):
        return True  # "who worked as a driver": a role, not a victim
    if count.first > 0 and view.pos[count.first - 1] == "PROPN" and count.np_end == count.last \
            and view.tokens[count.first].like_num and view.tokens[count.first].text[:1].isdigit():
        return True  # "a Fiat 500", "Flight 330": a name, not a count
    first, last = count.first, count.last
    if not (1 < first and last < len(view) and view.words[first - 1] == "," and view.words[last] == ","
            and count.mention.qualifier == "exact"):
        return False
    if view.pos[first - 2] == "PROPN":
        return True  # "Jane Roe, 30, a teacher"
    return view.pos[first - 2] == "NOUN" and count.np_end == last and view.tokens[first].text.isdigit() \
        and 0 < (count.mention.low or 0) < 110  # "the bomb expert, 27, was hit in the head"


def _describes_one_person(noun) -> bool:
    """The noun (or a conjunct of it) is in apposition to a named person or to a count of one."""
    noun = first_conjunct(noun)
    if noun.dep_ != "appos":
        return False
    head = noun.head
    return head.tag_ == "NNP" or any(
        c.dep_ == "nummod" and c.lower_ in ("one", "1") for c in head.children)


def _in_agent_phrase(token) -> bool:
    """The token hangs, through nouns and prepositions only, from the "by" of a passive's agent (not
    through a coordination: "executed by the group and another 17 were wounded" is a misparse)."""
    node = token
    while node.head.i != node.i:
        if node.dep_ == "conj":
            return False
        node = node.head
        if node.pos_ in ("VERB", "AUX"):
            return False
        if node.lower_ == "by" and node.dep_ == "agent":
            return True
    return False


def _of_a_person(token, *, outcome_named: bool = False) -> bool:
    """A singular victim's "of" complement: the count in "the wife of a police officer" names someone else;
    so does one after an event noun ("the funeral of two soldiers")."""
    noun = token.head if token.dep_ in ("det", "nummod") else token
    of = noun.head
    if noun.dep_ != "pobj" or of.lower_ != "of":
        return False
    owner = of.head
    word = owner.lower_
    if word in EVENT_NOUNS:
        return not outcome_named  # "the funeral of two soldiers was held" (not "the burial of hundreds of those killed")
    person = victim_category([word], word) != "unknown" or word in KIN or (
        PERSON_SUFFIX.search(word) is not None and word not in OF_NOMINALS and word not in OUTCOME_NOUNS)
    return owner.tag_ == "NN" and person and word not in NOT_PERSONS | COLLECTIVES \
        and owner.dep_ in ("nsubj", "nsubjpass", "dobj") \
        and any(c.dep_ in ("det", "poss") and c.lower_ in ("a", "an", "the", "his", "her") for c in owner.children)
