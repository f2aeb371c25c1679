"""Victims named one by one, found through the parse.

"the minister was shot dead", "X and his cousin were killed", "killing the driver":
a singular person (a person noun, a PERSON entity, or "he"/"she") as the subject of a
passive or intransitive outcome verb, or the object of an active one.
"""

from __future__ import annotations

import re

from .lexicon import NON_VICTIM_NOUNS, OUTCOME_AFTER, OUTCOME_BEFORE, OUTCOME_NOUNS
from .numbers import CountMention
from .sentence import COLLECTIVES, INJURY_NOUNS, LinkedCount, SentenceView, is_active
from .victims import victim_category

SHOT_VERBS = frozenset({"shot", "found", "gunned", "stabbed", "beaten", "left", "hacked", "clubbed"})


PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ant|ent|ian|man|woman|ee|eer|ive|ary|arch|at)$")


INDIVIDUAL_PRONOUNS = frozenset({"he", "she"})


LEAVE_VERBS = frozenset({"left", "leaving", "leaves", "leave"})


SUFFER_VERBS = frozenset({"suffered", "sustained", "received", "suffers", "sustains", "receives"})


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
        if not candidates and verb.dep_ == "conj" and role == ("nsubjpass",):
            candidates = [c for c in verb.head.children if c.dep_ in role]  # "was shot and got injured"
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
    if word in OUTCOME_AFTER and token.dep_ in ("oprd", "xcomp", "ccomp") and token.head.lower_ in LEAVE_VERBS:
        return token.head, OUTCOME_AFTER[word], ("dobj",)  # "left the judge seriously injured"
    if token.pos_ != "VERB":
        return None
    if word in SUFFER_VERBS and any(c.dep_ == "dobj" and c.lower_ in INJURY_NOUNS for c in token.children):
        return token, "injured", ("nsubj",)  # "the officer suffered minor injuries"
    if word in OUTCOME_AFTER and token.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in token.children):
        return token, OUTCOME_AFTER[word], ("nsubjpass",)
    if word in ("died", "dies", "die", "perished", "succumbed"):
        return token, "killed", ("nsubj",)
    if word in OUTCOME_BEFORE and (is_active(token) or token.tag_ == "VBG"):
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
