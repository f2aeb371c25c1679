"""Links the parse makes between a count and an outcome verb that the word order hides.

"four contractors were dragged from their car and killed" (a conjunct verb), "three officers who were
kidnapped last week were found dead" (the main verb after a relative clause), "killed the driver, another
passenger and two pedestrians" (a later member of an object list).
"""

from __future__ import annotations

from .individuals import NOT_PERSONS, PERSON_SUFFIX
from .lexicon import NON_VICTIM_NOUNS, OF_NOMINALS, OUTCOME_AFTER, OUTCOME_BEFORE
from .sentence import (
    LinkedCount,
    SentenceView,
    among_outcome,
    first_conjunct,
    is_active,
    is_passive,
    names_members_of,
    preposition_child,
)


def person_like(noun: str) -> bool:
    """A plural noun for people by its form ("contractors", "foreigners"), not a thing ("helicopters")."""
    singular = noun[:-1] if noun.endswith("s") else noun
    return noun.endswith("s") and noun not in NON_VICTIM_NOUNS and singular not in NOT_PERSONS \
        and PERSON_SUFFIX.search(singular) is not None


def outcome_by_dependency(view: SentenceView, count: LinkedCount) -> tuple[str, int] | None:
    """The parse ties the count's noun to an outcome verb across a relative clause or modifier."""
    noun = view.noun_of(count)
    if names_members_of(noun) is not None:
        return None  # "two people, a professor and a guard, were hurt": the two, named
    while noun.dep_ in ("conj", "appos") and noun.head != noun:
        noun = noun.head
    verb = noun.head
    if verb.i not in view.index:
        return None
    if verb.lower_ not in OUTCOME_AFTER and noun.dep_ in ("nsubjpass", "nsubj"):
        verb = next((c for c in verb.children if c.dep_ == "conj" and c.lower_ in OUTCOME_AFTER
                     and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)), verb)
    word = verb.lower_
    if word == "seized":
        return None  # "three trucks were seized": things
    if noun.dep_ in ("nsubjpass", "nsubj") and word in OUTCOME_AFTER and not is_active(verb):
        return OUTCOME_AFTER[word], view.index[verb.i]
    if noun.dep_ == "dobj" and word in OUTCOME_BEFORE:
        return OUTCOME_BEFORE[word], view.index[verb.i]
    if noun.dep_ == "pobj" and word == "of" and verb.head.lower_ in OF_NOMINALS and verb.head.i in view.index:
        return OF_NOMINALS[verb.head.lower_], view.index[verb.head.i]
    return None


def fate_after_relative_clause(view: SentenceView, count: LinkedCount) -> tuple[str, int, str | None] | None:
    """ "three officers who were kidnapped last week were found dead", "four soldiers who were wounded later
    died": the main verb tells the victims' fate; the relative clause an earlier one (kept as a second outcome)."""
    noun = view.noun_of(count)
    clauses = [c for c in noun.children if c.dep_ == "relcl"]
    main = noun.head
    if not clauses or noun.dep_ not in ("nsubj", "nsubjpass") or main.i not in view.index:
        return None
    word = main.lower_
    if word in ("died", "die", "dies", "succumbed", "perished"):
        outcome = "killed"
    elif word in OUTCOME_AFTER and is_passive(main):
        outcome = OUTCOME_AFTER[word]
    elif word == "found":
        state = next((c.lower_ for c in main.children if c.dep_ in ("oprd", "xcomp", "acomp")
                      and c.lower_ in OUTCOME_AFTER), None)
        outcome = OUTCOME_AFTER[state] if state else None
    elif word in ("were", "was", "are", "is") and (among := preposition_child(main, "among")) is not None:
        if among.i not in view.index:
            return None
        found = among_outcome(view.words, view.index[among.i])  # "four soldiers who ... were among the dead"
        return (found, view.index[among.i], None) if found else None
    else:
        outcome = None
    if outcome is None:
        return None
    return outcome, view.index[main.i], OUTCOME_AFTER.get(clauses[0].lower_)



def listed_object(view: SentenceView, count: LinkedCount) -> tuple[str, int] | None:
    """ "killed the driver, another passenger and two pedestrians, 6 others were wounded": a later member of
    the list an outcome verb takes as its object, whatever verb follows the list."""
    noun = view.noun_of(count)
    if noun.dep_ != "conj" or count.np_end < len(view) and view.pos[count.np_end] in ("AUX", "VERB"):
        return None  # not "killed two soldiers and three civilians were wounded", a misparse
    noun = first_conjunct(noun)
    verb = noun.head
    if noun.dep_ == "dobj" and verb.lower_ in OUTCOME_BEFORE and verb.i < noun.i and verb.i in view.index:
        return OUTCOME_BEFORE[verb.lower_], view.index[verb.i]
    return None
