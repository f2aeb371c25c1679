"""How the counts of a sentence relate: breakdowns, lists, tolls, continuations.

"at least 11 people, including four soldiers and seven assailants" (parts of a total),
"Three people, a soldier and two civilians" (a list that sums to its total),
"..., bringing its toll to 487" (a toll over the sentence's other counts),
"..., along with 125 security personnel" (a continuation), "kidnapped and later
shot dead" (a second outcome of the same victims).
"""

from __future__ import annotations

from .lexicon import BREAKDOWN_MARKERS, BRIDGE_WORDS, OUTCOME_AFTER
from .sentence import (
    ADDITIVE_WORDS,
    CASUALTIES,
    CONTINUATION_RE,
    PLACE_PREPOSITIONS,
    SEVERITY,
    LinkedCount,
    SentenceView,
    is_active,
    names_members_of,
    set_outcome,
    short_phrase_end,
)

LIST_OPENERS = frozenset({",", ":", "-", "—", "–", "("})
RESTATING_CLAUSE = frozenset({"when", "as", "after"})  # "5 were killed when a bomb hit their car, killing 5"


def mark_breakdowns(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "Seven civilians including two children were killed": the two are part of the seven."""
    for index, count in enumerate(counts):
        if index == 0 or count.part_of is not None:
            continue
        lead = " ".join(view.words[max(0, count.first - 4):count.first]).rstrip(" :-—–")  # "among them: eight ..."
        sibling = counts[index - 1]
        if count.np_end == count.last and count.np_end < len(view) and sibling.outcome and (
                view.words[count.np_end] in SEVERITY or _manner_of_part(view, sibling, count)) \
                and count.outcome in (None, sibling.outcome):  # not "and 3 seriously wounded"
            count.part_of = sibling if sibling.part_of is None else sibling.part_of  # "injured 22, one seriously"
            count.outcome = sibling.outcome
            continue
        if count.np_words[:2] in (["of", "them"], ["of", "whom"], ["of", "those"]) and sibling.outcome:
            count.part_of = sibling if sibling.part_of is None else sibling.part_of  # "22 wounded, 6 of them"
            count.outcome = count.outcome or sibling.outcome
            continue
        if sibling.part_of is not None and view.words[sibling.np_end:count.first] in (["and"], [","], [",", "and"]) \
                and count.outcome in (None, sibling.outcome):
            count.part_of = sibling.part_of
            count.outcome = count.outcome or sibling.outcome
            continue
        listed_of = names_members_of(view.noun_of(count))
        if sibling.outcome and count.outcome in (None, sibling.outcome) and listed_of is not None \
                and listed_of.i == view.noun_of(sibling).i:
            count.part_of = sibling if sibling.part_of is None else sibling.part_of
            count.outcome = sibling.outcome  # "two people, a professor and a guard, were hurt"
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
        elif 0 <= total.anchor < count.first:
            _close_breakdown_before_predicate(counts, index, total)


def parts_of_an_included_list(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "21 people included a Somali American, two Britons and a Russian were killed": every count of the list
    after "included" or "including" (with no verb of its own) is a part of the total before it."""
    for index, total in enumerate(counts):
        if total.part_of is not None or total.np_end >= len(view) or \
                view.words[total.np_end] not in ("including", "included", "includes"):
            continue
        for count in counts[index + 1:]:
            if any(view.pos[j] in ("VERB", "AUX") for j in range(total.np_end + 1, count.first)):
                break
            if count.part_of is None and count.outcome in (None, total.outcome):
                count.part_of, count.outcome = total, total.outcome


def _close_breakdown_before_predicate(counts: list[LinkedCount], index: int, total: LinkedCount) -> None:
    """ "Eight were killed, including three women and around 20 were wounded": the list before
    the last coordinated count breaks down the total; that last count has the predicate."""
    count = counts[index]
    if count.via != "after":
        return
    chain = [c for c in counts[index + 1:] if c.anchor == count.anchor and c.via == "coordination"]
    if not chain:
        return
    for part in [count, *chain[:-1]]:
        part.part_of, part.outcome, part.anchor, part.via = total, total.outcome, total.anchor, "breakdown"


def chained_outcome(view: SentenceView, anchor: int, outcome: str) -> str | None:
    """ "were kidnapped and later shot dead": a second outcome for the same victims."""
    words, i = view.words, anchor + 1
    if i < len(view) and words[i] in ("up", "down", "off", "away"):
        i += 1  # "rounded up and executed"
    if i < len(view) and words[i] in ("by",) and (skip := short_phrase_end(view, i + 1)):
        i = skip  # "kidnapped by militants and later executed"
    if i < len(view) and words[i] in PLACE_PREPOSITIONS and (skip := short_phrase_end(view, i + 1)):
        i = skip
    if i >= len(view) or words[i] not in ("and", "before", "then"):
        return None
    i += 1
    limit = i + 4  # "and later", "and were subsequently", after any phrase of place
    while i < len(view) and i < limit and (words[i] in BRIDGE_WORDS or view.pos[i] == "ADV"
                                                 or words[i] in ("then", "subsequently")):
        if words[i] in ("shot", "found", "beaten", "stabbed") and i + 1 < len(view) and words[i + 1] in (
                "dead", "to"):
            return "killed" if outcome != "killed" else None
        i += 1
    if i < len(view) and words[i] in OUTCOME_AFTER and OUTCOME_AFTER[words[i]] != outcome:
        if not is_active(view.tokens[i]):
            return OUTCOME_AFTER[words[i]]
    return None


# One list member that names two people: "(a father and son)", "both civilians".
PAIR_WORDS = frozenset({"a", "an", "his", "her", "both"})


def lists_that_sum_to_a_total(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "Three people, a soldier and two civilians, were killed": the list is the three."""
    for index, total in enumerate(counts):
        if total.part_of is not None or total.mention.low is None or total.np_end >= len(view):
            continue
        opener = total.np_end
        if view.words[opener] not in LIST_OPENERS and total.anchor >= opener and total.anchor + 1 < len(view) \
                and view.words[total.anchor + 1] in (":", "-", "—", "–", ","):
            opener = total.anchor + 1  # "Seven people were injured: six soldiers and a child"
        if view.words[opener] not in LIST_OPENERS:
            continue
        after_verb = opener > total.np_end and view.words[opener] == ","  # "72 were executed, 58 men and 14 women"
        members, cursor = [], opener + 1
        for other in counts[index + 1:]:
            gap = view.words[cursor:other.first]
            if other.first < cursor or len(gap) > 4 or (gap and gap[-1] not in (",", "and")) or any(
                    view.pos[j] in ("VERB", "AUX") for j in range(cursor, other.first)):
                break
            members.append(other)
            cursor = other.np_end
            if cursor < len(view) and view.words[cursor] in (",", "and"):
                cursor += 1
        if view.words[opener] == "(" and members and ")" in view.words[cursor:cursor + 10] and not any(
                view.pos[j] == "VERB" for j in range(cursor, cursor + view.words[cursor:].index(")"))):
            _mark_parts(members, total)  # "three civilians (one Filipino, a Brazilian and a Swede)": all of them
            continue
        if after_verb and any(view.pos[j] in ("VERB", "AUX") for j in range(cursor, len(view))):
            continue  # "5 were killed, 3 civilians and 2 police were injured": a second clause, not a list
        running = 0
        # "Eight people, seven officers and the police chief, ...": a last member named without a count
        trailing = int(bool(members) and view.words[cursor - 1] == "and" and cursor < len(view)
                       and view.pos[cursor] in ("DET", "NOUN", "PROPN", "ADJ"))
        for size, member in enumerate(members, start=1):
            running += member.mention.low or 0
            extra = trailing if size == len(members) else 0
            pair = size == 1 and member.mention.low == 2 and member.mention.text.lower() in PAIR_WORDS
            if size >= 2 and not extra and view.words[member.first - 1] != "and":
                continue  # "Two Kenyans, one Ugandan, one Afghan and three Somalis": the list goes on
            if (size + extra >= 2 or pair) and member.mention.low is not None and running + extra == total.mention.low:
                _mark_parts(members[:size], total)
                break


def _mark_parts(members: list[LinkedCount], total: LinkedCount) -> None:
    outcome = total.outcome or members[-1].outcome
    for part in members:
        part.part_of, part.outcome, part.anchor = total, outcome, total.anchor
    total.outcome = outcome


def restatements_are_one(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "60 people were killed when gunmen raided the town, killing 60": the second count restates the first.

    Only across a clause that tells how ("when", "as", "after"); "killing 4 in X and killing 4 in Y" are eight.
    """
    for index, later in enumerate(counts):
        if later.part_of is not None or later.outcome is None or later.additive or (later.mention.low or 0) < 2:
            continue
        if any(w in ADDITIVE_WORDS for w in later.np_words) or view.words[later.first] in ("another", "additional"):
            continue
        earlier = next((c for c in counts[:index] if c.outcome == later.outcome and c.part_of is None
                        and c.anchor != later.anchor and c.mention.low == later.mention.low
                        and "unknown" in (c.category, later.category)), None)
        if earlier is not None and any(w in RESTATING_CLAUSE for w in view.words[earlier.anchor + 1:later.first]):
            later.part_of = earlier


def fates_divide_the_attacked(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "stabbed two policemen, killing one and injuring the other": the two are the attacked, whose fates
    the bare counts after them tell; the two are not also wounded."""
    for index, attacked in enumerate(counts):
        if attacked.outcome != "injured" or attacked.via != "before" or attacked.mention.low != attacked.mention.high:
            continue
        fates = [c for c in counts[index + 1:] if c.head is None and c.outcome in ("killed", "injured")
                 and c.part_of is None and c.anchor > attacked.np_end]
        if any(c.outcome == "killed" for c in fates) and \
                sum(c.mention.low or 0 for c in fates) == attacked.mention.low:
            attacked.outcome = CASUALTIES


def tolls_are_totals(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "..., bringing its toll to 487": the sentence's other counts are parts of that total."""
    for index, count in enumerate(counts):
        if count.outcome is None or count.anchor < 0 or view.words[count.anchor] not in ("toll", "number"):
            continue
        for other in counts:
            if other is not count and other.outcome == count.outcome and other.part_of is None:
                other.part_of = count


def link_from_context(view: SentenceView, index: int, counts: list[LinkedCount]) -> None:
    """Breakdowns ("including four soldiers") and continuations ("along with 125 ...")."""
    count = counts[index]
    earlier = [c for c in counts[:index] if c.outcome is not None]
    if not earlier:
        return
    previous = earlier[-1]
    if count.np_end < len(view) and count.np_end == count.last and (
            view.words[count.np_end] in SEVERITY or _manner_of_part(view, previous, count)):
        count.part_of = previous  # "15 people were injured, one seriously", "..., four by gunfire"
        set_outcome(count, previous.outcome, previous.anchor, "breakdown")
        return
    gap_start = max(previous.np_end, previous.anchor + 1)
    if view.words[gap_start:gap_start + 1] == [","] and "," in view.words[gap_start + 1:count.first]:
        close = view.words.index(",", gap_start + 1)
        if all(view.pos[j] in ("DET", "ADJ", "NOUN", "PROPN", "NUM") or view.words[j] == "of"
               for j in range(gap_start + 1, close)):
            gap_start = close  # "killed Ahmed Ali, a teacher, and two of his pupils": the apposition skipped
    between = view.words[gap_start:count.first]
    between_text = " ".join(between)
    has_verb = any(view.pos[j] in ("VERB", "AUX") for j in range(gap_start, count.first))
    marker = next((m for m in BREAKDOWN_MARKERS if m in between_text), None) or \
        next((m for m in BREAKDOWN_MARKERS if m in " ".join(view.words[previous.np_end:count.first])), None)
    if marker and not _verb_after_marker(view, previous, count, marker) and not _other_predicate(view, count):
        parent = previous if previous.part_of is None else previous.part_of
        count.part_of = parent
        set_outcome(count, parent.outcome, parent.anchor, "breakdown")
        return
    if has_verb or len(between) > 12 or previous.anchor > count.first and view.words[count.first - 1] == "(":
        return  # "Six guards from the X militia (a local force) were killed": the parenthesis describes X
    own_predicate = count.np_end < len(view) and view.pos[count.np_end] in ("VERB", "AUX")
    if own_predicate:
        return
    if between == [","] and count.mention.low == 1 and (previous.mention.low or 0) > 1 and \
            view.words[count.np_end:count.np_end + 1] == ["who"]:
        count.part_of = previous  # "killing 29 people, one woman who was pregnant, ...": one of the 29
        set_outcome(count, previous.outcome, previous.anchor, "breakdown")
        return
    of_phrase = between[:1] == ["of"] and between[-1:] == ["and"] and len(between) <= 8  # "the wife of X and ..."
    if between in ([], ["and"], [","], [",", "and"]) or of_phrase or CONTINUATION_RE.search(between_text):
        set_outcome(count, previous.outcome, previous.anchor, "continuation")
        count.part_of = previous.part_of
        count.negated = previous.negated


def _manner_of_part(view: SentenceView, previous: LinkedCount, count: LinkedCount) -> bool:
    """ "36 people were wounded, four by gunfire": a bare count after a comma, with how they were hurt."""
    word = view.words[count.np_end]
    return word in ("by", "from", "with") and count.first > 0 and view.words[count.first - 1] == "," \
        and word not in view.words[previous.anchor + 1:previous.anchor + 3]


def _other_predicate(view: SentenceView, count: LinkedCount) -> bool:
    """ "..., including the warden, where 200 inmates were freed": the count has a verb of its own."""
    j = count.np_end
    while j < len(view) and view.pos[j] == "AUX":
        j += 1
    return j > count.np_end and j < len(view) and view.pos[j] == "VERB" and view.words[j] not in OUTCOME_AFTER


def _verb_after_marker(view: SentenceView, previous: LinkedCount, count: LinkedCount, marker: str) -> bool:
    words = view.words[previous.np_end:count.first]
    text = " ".join(words)
    position = len(text[:text.find(marker)].split())
    start = previous.np_end + position
    return any(view.pos[j] in ("VERB",) and view.words[j] not in ("including",)
               for j in range(start, count.first))


SPECIFIC_KINDS = frozenset({"civilians", "state_forces", "non_state_armed", "perpetrators"})


def parts_fit_their_totals(view: SentenceView, counts: list[LinkedCount]) -> None:
    """ "At least five fighters, two soldiers and three civilians were killed": a list of people of other
    kinds than the first, with no "including" between them, is ten victims, not five and their parts."""
    for count in counts:
        total = count.part_of
        if total is None or total.category not in SPECIFIC_KINDS or count.category not in SPECIFIC_KINDS \
                or count.category == total.category or count.first <= total.first:
            continue
        between = " ".join(view.words[total.np_end:count.first])
        if not any(marker in between for marker in BREAKDOWN_MARKERS) and ":" not in between \
                and "(" not in between:
            count.part_of = None
