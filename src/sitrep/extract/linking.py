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

from .individuals import (
    individual_victims,
    pronoun_victims,
    victims_in_addition,
)
from .lexicon import (
    BREAKDOWN_MARKERS,
    BRIDGE_WORDS,
    DEATH_COMPLEMENTS,
    GENERIC_PEOPLE,
    OF_NOMINALS,
    OUTCOME_AFTER,
    OUTCOME_BEFORE,
    OUTCOME_NOUNS,
)
from .dependency import fate_after_relative_clause, listed_object, outcome_by_dependency, person_like
from .phrases import REDUCED_RELATIVES, find_sentence_counts, is_non_victim
from .sentence import (
    ADDITIVE_WORDS,
    AMONG_WORDS,
    CASUALTIES,
    COLLECTIVES,
    CARE_VERBS,
    FATAL_VERBS,
    INJURY_NOUNS,
    LEAVE_VERBS,
    NEGATIONS,
    PLACE_PREPOSITIONS,
    SEVERITY,
    SUFFER_VERBS,
    TOLL_LINKS,
    LinkedCount,
    SentenceView,
    among_outcome,
    is_active,
    set_outcome,
    short_phrase_end,
)
from .structure import (
    chained_outcome,
    fates_divide_the_attacked,
    link_from_context,
    lists_that_sum_to_a_total,
    mark_breakdowns,
    parts_fit_their_totals,
    parts_of_an_included_list,
    restatements_are_one,
    tolls_are_totals,
)

__all__ = ["LinkedCount", "SentenceView", "link_sentence"]


def link_sentence(view: SentenceView) -> list[LinkedCount]:
    """Counts of a sentence linked to outcomes; unlinked counts are dropped."""
    counts = [c for c in find_sentence_counts(view) if not is_non_victim(c, view)]
    for count in counts:
        _link_direct(view, count, counts)
    counts.extend(individual_victims(view, counts))
    counts.extend(victims_in_addition(view, counts))
    counts.extend(pronoun_victims(view, counts))
    counts.sort(key=lambda c: c.first)
    mark_breakdowns(view, counts)
    for index, count in enumerate(counts):
        if count.outcome is None:
            link_from_context(view, index, counts)
    tolls_are_totals(view, counts)
    fates_divide_the_attacked(view, counts)
    lists_that_sum_to_a_total(view, counts)
    parts_of_an_included_list(view, counts)
    restatements_are_one(view, counts)
    parts_fit_their_totals(view, counts)
    for count in counts:
        if count.outcome and count.outcome != CASUALTIES and count.anchor >= 0:
            count.also = count.also or chained_outcome(view, count.anchor, count.outcome)
    for index, count in enumerate(counts):
        count.additive = any(w in ADDITIVE_WORDS for w in count.np_words) or \
            view.words[count.first] in ("another",) or count.mention.text.lower().startswith(("another", "a further"))
    return [c for c in counts if c.outcome is not None and c.outcome != CASUALTIES]


def _link_direct(view: SentenceView, count: LinkedCount, counts: list[LinkedCount]) -> None:
    if count.outcome:
        return
    found_before = _outcome_before(view, count)
    if found_before:
        set_outcome(count, found_before[0], found_before[1], "before")
        return
    if count.head in OUTCOME_NOUNS and count.np_words and count.np_words[-1] == count.head and not (
            count.head == "dead" and count.np_words[:1] == ["the"]) and "of" not in count.np_words:
        set_outcome(count, OUTCOME_NOUNS[count.head], count.np_end - 1, "noun")
        return
    fate = fate_after_relative_clause(view, count)
    if fate:
        set_outcome(count, fate[0], fate[1], "dependency")
        count.also = fate[2] if fate[2] in ("abducted", "detained", "missing") else None  # not "wounded ... died"
        if view.words[fate[1]] == "among":  # "..., killing nine; four soldiers who ... were among the dead"
            count.part_of = next((c for c in reversed(counts) if c.first < count.first and c.outcome == fate[0]
                                  and c.part_of is None), None)
        return
    listed = listed_object(view, count)
    if listed:
        set_outcome(count, listed[0], listed[1], "dependency")
        return
    found = _outcome_after(view, count, counts)
    if found:
        outcome, anchor, negated, chain = found
        for member in [count, *chain]:
            set_outcome(member, outcome, anchor, "after" if member is count else "coordination")
            member.negated = negated
        return
    if count.head in OUTCOME_NOUNS and "of" not in count.np_words and not (
            count.head == "dead" and count.np_words[:1] == ["the"]):
        set_outcome(count, OUTCOME_NOUNS[count.head], count.np_end - 1, "noun")
        return
    plausible = count.head is None or count.head in GENERIC_PEOPLE or count.category != "unknown" or (
        person_like(count.head))  # "four contractors were dragged from their car and killed"
    found_dep = outcome_by_dependency(view, count) if plausible else None  # not "two car bombings"
    if found_dep:
        set_outcome(count, found_dep[0], found_dep[1], "dependency")
        return
    modifier = next((w for k, w in enumerate(count.np_words) if w in OUTCOME_AFTER and (w != "dead" or k == 0)), None)
    if modifier is not None and not (count.first > 0 and view.words[count.first - 1] in ("of", "for")):
        set_outcome(count, OUTCOME_AFTER[modifier], count.first, "modifier")  # "treated 60 wounded people"
        # but "the funeral of a slain leader", "a vigil for two killed pupils" name earlier victims


def _outcome_after(view: SentenceView, count: LinkedCount, counts: list[LinkedCount]):
    i, n, negated, chain = count.np_end, len(view), False, []
    words = view.words
    steps = 0
    while i < n and steps < 14:
        steps += 1
        word = words[i]
        if word in (",", "(") and i + 1 < n and (starts_marker(view, i + 1) or word == "("):
            end = skip_clause(view, i)
            if word == "," and (end >= n or words[end - 1] != ","):  # "92 people, most of them civilians were"
                end = next((j for j in range(i + 2, min(n, i + 16)) if view.pos[j] == "AUX"), end)
            i = end
            continue
        if word == "," and (skip := _apposition_end(view, i)) is not None:
            i = skip  # "One contractor, Craig Dickens, was killed"
            continue
        if word == "," and i + 1 < n and words[i + 1] in OUTCOME_AFTER and not is_active(view.tokens[i + 1]):
            i += 1  # "15 people, ten of them policemen, injured in two explosions"
            continue
        if word == "," and i + 1 < n and (chain and words[i + 1] in BRIDGE_WORDS or words[i + 1] in ("aged", "ages")):
            i = i + 1 if chain else skip_clause(view, i)  # "two tourists, one X and one Y, were", ", aged 25,"
            continue
        if word == "," and chain and words[chain[-1].first - 1] == "," and words[i + 1:i + 2] == ["and"] \
                and count_starting_at(counts, i + 2) is not None:
            i += 1  # "17 guests, one soldier, and six militants": the serial comma
            continue
        if word in ("and", ",", "or") and (nxt := count_starting_at(counts, i + 1)) is not None:
            if nxt.np_words[:1] == ["of"] and nxt.np_words[1:2] in (["whom"], ["them"], ["those"]) \
                    and i + 1 < n and view.tokens[i + 1].dep_ in ("nsubj", "nsubjpass"):
                return None  # "two border guards, one of whom was killed": the one is the victim, a part
            chain.append(nxt)
            i = nxt.np_end
            continue
        if word in NEGATIONS:
            negated = True
            i += 1
            continue
        if word == "among" and (found := among_outcome(words, i)):
            return found, i, negated, chain
        if word in PLACE_PREPOSITIONS and steps == 1 and (skip := short_phrase_end(view, i + 1)) is not None:
            i = skip
            continue
        if word in ("including", "included") and steps == 1 and (
                aux := next((j for j in range(i + 2, min(n, i + 30)) if view.pos[j] == "AUX"), None)) is not None:
            i = aux  # "21 people included a Somali American, two Britons and a Russian were killed"
            continue
        if word in REDUCED_RELATIVES and steps == 1 and (skip := _predicate_after(view, i + 1)) is not None:
            i = skip  # "two men suspected of robberies in the area (Verulam) were fatally assaulted"
            continue
        if view.tokens[i].tag_ in ("VBG", "VBN") and steps == 1 and word not in OUTCOME_BEFORE \
                and word not in OUTCOME_AFTER and (
                skip := _predicate_after(view, i + 1, any_preposition=True)) is not None:
            i = skip  # "three foreigners working for a caterer were kidnapped"
            continue
        if word == "held" and i + 1 < n and words[i + 1] in ("hostage", "captive"):
            return "abducted", i, negated, chain
        if word in ("taken", "rushed", "admitted", "brought", "evacuated") and "hospital" in words[i + 1:i + 4]:
            return "injured", i, negated, chain
        if word in FATAL_VERBS and i > 0 and words[i - 1] == "fatally":
            return "killed", i, negated, chain
        if word in OUTCOME_AFTER and i + 2 < n and view.pos[i + 1] == "NUM" and words[i + 2] in OUTCOME_AFTER:
            return OUTCOME_AFTER[word], i, negated, chain  # "1 killed 3 injured": a tally, not an object
        if word in OUTCOME_AFTER:
            if word == "seized" and count.category == "unknown" or is_active(view.tokens[i]) or any(
                    c.dep_ == "dobj" for c in view.tokens[i].children):
                return None  # "attacks on two bars killed three people": the verb has its own victims
            if word == "dead" and i > 0 and words[i - 1] in ("shot", "gunned") and _object_follows(view, i + 1):
                return None  # "members shot dead a gendarme": the object is the victim
            if i + 2 < n and _inseparable(OUTCOME_AFTER[word], words[i + 1], OUTCOME_AFTER.get(words[i + 2])):
                return CASUALTIES, i, negated, chain  # "killed or wounded", "killed and wounded": not separable
            if i + 3 < n and words[i + 1] == "," and OUTCOME_AFTER.get(words[i + 2], word) != OUTCOME_AFTER[word] \
                    and words[i + 2] in OUTCOME_AFTER and "or" in words[i + 3:i + 6]:
                return CASUALTIES, i, negated, chain  # "killed, injured or captured": one figure for all three
            return OUTCOME_AFTER[word], i, negated, chain
        if word in ("lost", "lose", "losing") and i + 2 < n and words[i + 2] in ("lives", "life"):
            return "killed", i, negated, chain
        if word in ("succumbed", "succumb"):
            return "killed", i, negated, chain
        if word == "with" and any(w in INJURY_NOUNS for w in words[i + 1:i + 5]):
            return "injured", i, negated, chain
        if word in SUFFER_VERBS and any(
                w in INJURY_NOUNS for w in words[i + 1:i + 9]):
            return "injured", i, negated, chain
        if word == "treated" and words[i + 1:i + 2] == ["for"] and any(w in INJURY_NOUNS for w in words[i + 2:i + 6]):
            return "injured", i, negated, chain  # "were treated for gunshot wounds"
        if word in ("taken", "went", "go", "gone", "held") or word in BRIDGE_WORDS or view.pos[i] == "ADV":
            i += 1
            continue
        if word in DEATH_COMPLEMENTS and i > 0 and words[i - 1] in ("to", "shot", "found"):
            if _object_follows(view, i + 1):
                return None  # "members shot dead a gendarme": the object is the victim
            return "killed", i, negated, chain
        if word == "to" and i + 1 < n and words[i + 1] == "death":
            return "killed", i + 1, negated, chain
        if word == "alive" and i > 0 and words[i - 1] in ("burned", "burnt", "buried"):
            return "killed", i, negated, chain  # "burned alive" (but "burned" alone: trucks, houses)
        if i + 1 < n and words[i + 1] == "down" and word in ("gunned", "cut", "mowed", "shot"):
            return "killed", i, negated, chain
        if view.pos[i] == "VERB" and words[i + 1:i + 3] == ["to", "death"]:
            return "killed", i, negated, chain  # "stoned to death", "hacked to death"
        return None
    return None


def _object_follows(view: SentenceView, i: int) -> bool:
    """An object after "shot dead" ("a gendarme", "his brother"); not a day ("shot dead Saturday")."""
    if i >= len(view) or view.tokens[i].ent_type_ in ("DATE", "TIME"):
        return False
    if view.words[i:i + 2] in (["at", "least"], ["more", "than"], ["up", "to"]) or view.words[i] in (
            "over", "nearly", "some", "almost"):
        return True  # "shot dead at least eight officers"
    return view.pos[i] in ("DET", "NUM", "PROPN", "PRON") or view.words[i] in ("his", "her")


def _apposition_end(view: SentenceView, i: int) -> int | None:
    """After ", Craig Dickens," or ", a sergeant," when a verb follows: the victims' name or role, skipped."""
    j = i + 1
    while j < len(view) and j < i + 7 and (view.pos[j] in ("PROPN", "DET", "ADJ", "NOUN") or
                                           view.words[j] in ("mostly", "mainly", "largely", "all")):
        j += 1  # ", mostly homeless,"
    if j > i + 1 and j + 1 < len(view) and view.words[j] == "," and (
            view.pos[j + 1] in ("AUX", "VERB") or view.words[j + 1] in OUTCOME_AFTER):
        return j + 1
    return None


def _inseparable(outcome: str, joiner: str, other: str | None) -> bool:
    """ "killed or captured", "killed and wounded": one figure for two outcomes that cannot both be true."""
    if other is None or other == outcome:
        return False
    return joiner == "or" or joiner == "and" and {outcome, other} == {"killed", "injured"}


def _predicate_after(view: SentenceView, i: int, *, any_preposition: bool = False) -> int | None:
    """Where the main verb is after "suspected of ..." (or "working for ..."): the first auxiliary or verb
    (parentheses skipped)."""
    if i >= len(view) or not (view.words[i] in ("of", "to") or any_preposition and view.tokens[i].tag_ == "IN"):
        return None
    j = i + 1
    while j < len(view) and j < i + 20:
        if view.words[j] == "(":
            j = skip_clause(view, j)
            continue
        if view.pos[j] == "VERB" and view.pos[j - 1] == "PROPN" and j + 1 < len(view) and \
                view.pos[j + 1] in ("PROPN", "NOUN"):
            j += 1  # "the NATO led force": a modifier the tagger took for a verb
            continue
        if view.words[j] in (",", ";", ".") or view.pos[j] in ("AUX", "VERB"):
            break
        j += 1
    return j if j < len(view) and view.pos[j] == "AUX" else None


def _outcome_before(view: SentenceView, count: LinkedCount) -> tuple[str, int] | None:
    words, k = view.words, count.first - 1
    if count.mention.qualifier == "exact" and words[count.first:count.first + 2] == ["up", "to"]:
        k = count.first + 1  # "bringing the death toll up to 73": read from the "to"
    if k >= 1 and words[k] == "of" and words[k - 1] in COLLECTIVES:
        k -= 2  # "killed a family of three"
    while k >= 0 and words[k] in ("the", "all", "some", "of", "a", "an", "total", "entire", "whole") and not (
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
    if word == "death" and k > 1 and words[k - 1] == "to" and view.pos[k - 2] == "VERB":
        return "killed", k  # "burned to death a family of eight"
    if word in OUTCOME_BEFORE and k > 1 and words[k - 1] == "or" and OUTCOME_BEFORE.get(words[k - 2]) not in (
            None, OUTCOME_BEFORE[word]):
        return CASUALTIES, k
    if word in ("burned", "burnt", "buried") and "alive" in words[count.last:count.np_end + 1]:
        return "killed", k
    if word == "of" and k > 0 and words[k - 1] in OF_NOMINALS:
        return OF_NOMINALS[words[k - 1]], k - 1
    if word == "to" and k > 0 and words[k - 1] in INJURY_NOUNS:
        return "injured", k - 1  # "causing injuries to 45 others"
    if word in CARE_VERBS and _sent_for_care(words[count.np_end:count.np_end + 6]):
        return "injured", k  # "sending 42 to hospital", "treated 35 people for bullet wounds"
    if word in OUTCOME_BEFORE:
        tally = k > 0 and view.pos[k - 1] == "NUM" and (k == 1 or view.pos[k - 2] == "PUNCT")
        if k > 0 and (words[k - 1] in ("were", "was", "been", "be", "being") or tally) and word.endswith("ed"):
            return None  # "were killed 3 ...", "1 killed 3 injured": not an object
        if words[count.np_end:count.np_end + 2] == ["to", "death"]:
            return "killed", k  # "stabbed four people to death"
        return OUTCOME_BEFORE[word], k
    if word in LEAVE_VERBS:
        end = count.np_end
        if end < len(view) and words[end] == "," and "," in words[end + 1:end + 6]:
            end = words.index(",", end + 1) + 1  # "leaving one Israeli, a rabbi, dead"
        if end + 1 < len(view) and words[end] in SEVERITY:
            end += 1  # "left one severely injured"
        if end < len(view) and words[end] in OUTCOME_AFTER:
            return OUTCOME_AFTER[words[end]], end
    if word in ("took", "taken", "taking", "take", "takes") and count.np_end < len(view) and \
            words[count.np_end] in ("hostage", "captive", "prisoner", "prisoners", "hostages"):
        return "abducted", k
    if word in ("with", "to", "besides") and count.np_words[:1] and count.np_words[0] in OUTCOME_AFTER:
        return OUTCOME_AFTER[count.np_words[0]], count.first  # "along with a killed soldier, five were hurt"
    own_outcome = count.head in OUTCOME_NOUNS or words[count.np_end:count.np_end + 1] and \
        words[count.np_end] in OUTCOME_AFTER  # not "killed along with 28 wounded"
    if word == "plus" and k > 0 and words[k - 1] in OUTCOME_AFTER and not own_outcome:
        return OUTCOME_AFTER[words[k - 1]], k - 1  # "one civilian was killed plus two attackers"
    if word == "with" and k > 1 and words[k - 1] in ("along", "together") and words[k - 2] in OUTCOME_AFTER \
            and not own_outcome:
        return OUTCOME_AFTER[words[k - 2]], k - 2  # "the officer was killed along with three other officers"
    if word == "up" and k > 0 and words[k - 1] == "rounded":
        return "detained", k
    if word in ("were", "was", "included", "include", "includes", "are"):
        head = " ".join(words[max(0, k - 4):k])
        for marker, outcome in (("among the", None), ("the dead", "killed"), ("the wounded", "injured"),
                                ("the injured", "injured"), ("the victims", "killed")):
            if marker in head:
                found = outcome or among_outcome(words, max(0, k - 4))
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


def _sent_for_care(after: list[str]) -> bool:
    """The words after the victims say they went to hospital or were treated for injuries."""
    if after[:1] == ["to"]:
        return any(w in ("hospital", "hospitals") for w in after[1:4])
    return after[:1] == ["for"] and any(w in INJURY_NOUNS for w in after[1:5])


def starts_marker(view: SentenceView, i: int) -> bool:
    tail = " ".join(view.words[i:i + 4])
    return any(tail.startswith(marker) for marker in BREAKDOWN_MARKERS)


def skip_clause(view: SentenceView, i: int) -> int:
    closer = ")" if view.words[i] == "(" else ","
    j = i + 2
    while j < len(view) and j < i + 16 and view.words[j] not in (closer, ";", "."):
        j += 1
    return j + 1 if j < len(view) and view.words[j] == closer else j


def count_starting_at(counts: list[LinkedCount], i: int) -> LinkedCount | None:
    for candidate in counts:
        if candidate.first == i:
            return candidate
    return None

