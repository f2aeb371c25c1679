"""Victims named one by one, found through the parse.

"the minister was shot dead", "X and his cousin were killed", "killing the driver":
a singular person (a person noun, a PERSON entity, or "he"/"she") as the subject of a
passive or intransitive outcome verb, or the object of an active one.
"""

from __future__ import annotations

import re

from .lexicon import NON_VICTIM_NOUNS, OUTCOME_AFTER, OUTCOME_BEFORE, OUTCOME_NOUNS
from .numbers import CountMention
from .sentence import (
    COLLECTIVES,
    FATAL_VERBS,
    INJURY_NOUNS,
    LEAVE_VERBS,
    SUFFER_VERBS,
    LinkedCount,
    SentenceView,
    is_active,
    is_passive,
    preposition_child,
    set_outcome,
)
from .victims import victim_category

SHOT_VERBS = frozenset({"shot", "found", "gunned", "stabbed", "beaten", "left", "hacked", "clubbed"})


PERSON_SUFFIX = re.compile(r"(?:er|or|ist|ant|ent|ian|man|woman|ee|eer|ive|ary|arch|at)$")


INDIVIDUAL_PRONOUNS = frozenset({"he", "she"})


# "killed him", "caused her death": a pronoun in the victim's place is one person.
VICTIM_PRONOUNS = {"dobj": frozenset({"him", "her"}), "poss": frozenset({"his", "her"})}


# Determiners that make a singular common noun one definite or indefinite person ("a clerk was shot dead").
SINGLE_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "another", "his", "her", "their", "its"})


# Singular nouns that are not a person even with a determiner ("the rest were killed", "a total of ...").
NOT_PERSONS = frozenset(
    "rest remainder majority minority number total toll bulk most half part dozen score couple "
    "car vehicle bus truck house building home shop store school mosque church office station "
    "attack bomb blast explosion device shell rocket mortar missile drone plane helicopter "
    "convoy patrol crowd unit team squad battalion brigade company community village town city "
    "area region district province country government army police military force militia "
    "act operation plan plot order mission hijacking "
    "funeral burial vigil memorial ceremony meeting rally protest election session conference trial hearing "
    "heart throat neck chest leg arm hand foot back face eye stomach "
    "dog horse cow donkey camel goat sheep animal".split())


# People named by their tie to someone else ("the wife of a police officer", "the father and daughter").
KIN = frozenset("wife husband son daughter brother sister father mother cousin nephew niece uncle aunt "
                "grandson granddaughter widow relative friend bodyguard driver".split())


REMAINS = frozenset({"body", "corpse", "remains"})
FOUND_VERBS = frozenset({"found", "discovered", "recovered"})


# "which caused his death", "resulting in her immediate death": the possessor died.
DEATH_CAUSES = frozenset({"caused", "causing", "causes", "resulted", "resulting", "results", "led", "leading", "leads"})


def individual_victims(view: SentenceView, counts: list[LinkedCount]) -> list[LinkedCount]:
    """Victims named one by one: "the minister was shot dead", "X and his cousin were killed"."""
    covered = {j for c in counts for j in range(c.first, max(c.np_end, c.last))}
    found: list[LinkedCount] = []
    named: set[str] = set()
    for k, token in enumerate(view.tokens):
        outcome_verb = _outcome_verb(token)
        if outcome_verb is None:
            continue
        verb, outcome, role = outcome_verb
        candidates = [c for c in verb.children if c.dep_ in role]
        if not candidates and verb.dep_ == "conj" and role in (("nsubjpass",), ("nsubj",)):
            subjects = ("nsubjpass",) if role == ("nsubjpass",) else ("nsubj", "nsubjpass")
            candidates = [c for c in verb.head.children if c.dep_ in subjects]  # "was shot and got injured", "and died"
        if not candidates and role == ("nsubjpass",):
            candidates = _subject_misparsed_as_apposition(verb) or _subject_of_main_clause(verb)
        if len(candidates) > 1:  # a misparse gave the verb two subjects: trust a counted or common noun
            if any(view.index.get(c.i) in covered for c in candidates):
                continue
            candidates = [c for c in candidates if c.tag_ in ("NN", "NNS")]
            if role == ("dobj",):
                candidates = candidates[:1]  # "killed the mayor of X, a commune": the second is X's apposition
        for victim in candidates:
            if (victim.lower_ in INDIVIDUAL_PRONOUNS or _is_pronoun_victim(victim)) and any(
                    c.outcome == outcome and c.first < view.index.get(victim.i, k) for c in (*counts, *found)):
                continue  # "A woman was killed when a shell hit her house, killing her": the same woman
            if not _is_pronoun_victim(victim) and not _is_individual(victim):
                victim = next((a for a in victim.children if a.dep_ == "appos" and _is_individual(a)), victim)
            described = next((c for a in victim.children if a.dep_ == "appos"
                              for c in [_unlinked_count_of(view, counts, a)] if c is not None), None)
            if described is not None and victim.tag_ == "NNP":
                set_outcome(described, outcome, view.index.get(verb.i, k), "individual")
                continue  # "Jane Roe, a teacher and activist, was shot dead": the one counted as "a teacher"
            if view.index.get(victim.head.i) in covered and victim.dep_ == "appos" or any(
                    view.index.get(a.i) in covered for a in victim.children if a.dep_ == "appos"):
                continue  # "One contractor, Craig Dickens, was killed": the same person
            waiting = [_unlinked_count_of(view, counts, m) for m in (victim, *victim.conjuncts)]
            if all(w is not None for w in waiting) and all(_is_individual(m) for m in (victim, *victim.conjuncts)):
                for count in waiting:
                    set_outcome(count, outcome, view.index.get(verb.i, k), "individual")
                continue  # "A local prosecutor was shot and killed", "a man and a boy ...": "A" was left unlinked
            members = [m for m in (victim, *victim.conjuncts, *_listed_in_apposition(victim))
                       if view.index.get(m.i) not in covered and not _has_own_predicate(m, victim)
                       and (m is victim or any(c.dep_ in ("det", "poss") for c in m.children)
                            or m.tag_ == victim.tag_ == "NNP"  # "De Salis, an executive, and Howie"
                            or m.lower_ in KIN and m.dep_ == "conj")]  # "the father and daughter"
            if not members or not all(_is_individual(m) or _is_pronoun_victim(m) for m in members):
                continue
            if any(m.tag_ == "NNP" and m.lower_ in named for m in members):
                continue  # "Murder of Jo Cox: ... Jo Cox is assassinated": one person named twice
            named.update(m.lower_ for m in members if m.tag_ == "NNP")
            first = min(view.index.get(m.left_edge.i, k) for m in members)
            last_token = max(view.index.get(m.i, k) for m in members) + 1
            words = [t.lower_ for m in members for t in m.subtree if t.i in view.index][:12]
            mention = CountMention(view.starts[first], view.ends[last_token - 1],
                                   view.text(first, last_token), len(members), len(members), "exact",
                                   view.starts[first])
            role_noun = next((a.lower_ for a in members[0].children if a.dep_ == "appos" and a.tag_ == "NN"),
                             members[0].lower_)  # "Ana Reyes, a judge": a civilian
            count = LinkedCount(mention, first, last_token, last_token, words, role_noun,
                                outcome=outcome, anchor=view.index[verb.i] if verb.i in view.index else k,
                                via="individual")
            found.append(count)
            covered.update(range(first, last_token))
    return found


def pronoun_victims(view: SentenceView, counts: list[LinkedCount]) -> list[LinkedCount]:
    """ "opened fire on two civilians, killing them both": the pronoun's outcome goes to the count it stands for;
    "detonating it and killing himself": the attacker is one of the dead."""
    found: list[LinkedCount] = []
    for k, token in enumerate(view.tokens):
        verb = token.head
        if token.dep_ != "dobj" or verb.lower_ not in OUTCOME_BEFORE or verb.i not in view.index:
            continue
        anchor, outcome = view.index[verb.i], OUTCOME_BEFORE[verb.lower_]
        if token.lower_ == "them":
            earlier = [c for c in counts if c.last <= anchor]
            if earlier and earlier[-1].outcome is None and (earlier[-1].mention.low or 0) > 1:
                set_outcome(earlier[-1], outcome, anchor, "pronoun")
            elif earlier and earlier[-1].outcome in ("abducted", "detained") and outcome == "killed":
                earlier[-1].also = outcome  # "kidnapped 40 civilians ... and executed them"
        elif token.lower_ in ("himself", "herself") and outcome == "killed":
            agent = _subject_of(verb)
            if agent is None or victim_category([agent.lower_], agent.lower_) != "perpetrators":
                continue  # "the bomber ... killing himself", not "he killed himself" of an unknown man
            mention = CountMention(view.starts[k], view.ends[k], token.text, 1, 1, "exact", view.starts[k])
            found.append(LinkedCount(mention, k, k + 1, k + 1, [agent.lower_], agent.lower_, outcome=outcome,
                                     anchor=anchor, via="individual"))
    return found


def _subject_of(verb):
    """The subject of a verb, or of the clause it hangs from ("the bomber drove up ..., killing himself")."""
    for node in (verb, verb.head, verb.head.head):
        subject = next((c for c in node.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None:
            return subject
    return None


def victims_in_addition(view: SentenceView, counts: list[LinkedCount]) -> list[LinkedCount]:
    """ "In addition to the bomber, two guards were killed": the one named before the count shares its fate."""
    found: list[LinkedCount] = []
    for k, token in enumerate(view.tokens[:-2]):
        if token.lower_ not in ("addition", "besides") or token.lower_ == "addition" and view.words[k + 1] != "to":
            continue
        at = k + 2 if token.lower_ == "addition" else k + 1
        person = next((t for t in view.tokens[at:at + 6] if t.dep_ == "pobj"), None)
        if person is None or person.i not in view.index or not (_is_individual(person) or person.tag_ == "NNP"):
            continue
        end = view.index[person.i] + 1
        later = next((c for c in counts if c.first > end and c.outcome in ("killed", "injured")), None)
        if later is None or view.words[end:end + 1] != [","] or any(c.first <= end - 1 < c.np_end for c in counts):
            continue
        first = view.index[person.left_edge.i] if person.left_edge.i in view.index else end - 1
        mention = CountMention(view.starts[first], view.ends[end - 1], view.text(first, end), 1, 1, "exact",
                               view.starts[first])
        found.append(LinkedCount(mention, first, end, end, [t.lower_ for t in person.subtree][:12], person.lower_,
                                 outcome=later.outcome, anchor=later.anchor, via="individual"))
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
    if word in OUTCOME_AFTER and token.dep_ in ("oprd", "xcomp") and token.head.lower_ in FOUND_VERBS \
            and is_passive(token.head):
        return token.head, OUTCOME_AFTER[word], ("nsubjpass",)  # "a former official was found murdered"
    if word in ("death", "killing", "murder", "assassination", "beheading", "execution", "slaying") and \
            token.tag_ == "NN" and (of := preposition_child(token, "of")) is not None:
        return of, "killed", ("pobj",)  # "resulting in the death of the imam", "the beheading of Jane Roe"
    if word == "death" and _caused_death(token):
        return token, "killed", ("poss",)
    if word == "death" and token.head.lower_ == "to" and token.head.head.pos_ == "VERB":
        verb = token.head.head  # "was hacked to death", "stabbed the guard to death", "was attacked and beaten to death"
        passive = is_passive(verb) or verb.dep_ == "conj" and is_passive(verb.head) and verb.tag_ == "VBN"
        return (verb, "killed", ("nsubjpass",)) if passive else (verb, "killed", ("dobj",))
    if word in REMAINS and token.dep_ == "nsubjpass" and token.head.lower_ in FOUND_VERBS:
        return token, "killed", ("poss",)  # "his body was found later"
    if word == "gunned" and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children):
        return token, "killed", ("nsubjpass",) if is_passive(token) else ("dobj",)
    if word in FATAL_VERBS and any(c.lower_ == "fatally" for c in token.children):
        return token, "killed", ("nsubjpass",) if is_passive(token) else ("dobj",)  # "was fatally shot"
    if word == "stabbed" and token.tag_ == "VBN" and is_passive(token) and not _fatal_sequel(token):
        return token, "injured", ("nsubjpass",)  # "an officer was stabbed in the neck"
    if token.pos_ != "VERB":
        return None
    if word in SUFFER_VERBS and any(c.dep_ == "dobj" and c.lower_ in INJURY_NOUNS for c in token.children):
        return token, "injured", ("nsubj",)  # "the officer suffered minor injuries"
    if word in OUTCOME_AFTER and token.tag_ == "VBN" and (is_passive(token) or token.dep_ == "conj" and (
            is_passive(token.head) and not any(c.dep_ in ("nsubj", "nsubjpass") for c in token.children))):
        return token, OUTCOME_AFTER[word], ("nsubjpass",)  # "was killed", "was shot and killed"
    if word in ("died", "dies", "die", "perished", "succumbed"):
        return token, "killed", ("nsubj",)
    if word in OUTCOME_BEFORE and (is_active(token) or token.tag_ == "VBG"):
        return token, "killed" if _to_death(token) else OUTCOME_BEFORE[word], ("dobj",)
    return None


def _has_own_predicate(member, victim) -> bool:
    """ "killed a civilian and a chairman was injured": a conjunct followed by its own auxiliary."""
    if member.i == victim.i or victim.dep_ != "dobj" or member.i + 1 >= len(member.doc):
        return False  # "the father and son were killed": the subjects' shared auxiliary
    following = member.doc[member.i + 1]
    return following.pos_ == "AUX" and following.i > victim.i


def _subject_of_main_clause(verb) -> list:
    """ "a man and a boy were in mild condition after being injured": the main clause's subject."""
    if verb.dep_ != "pcomp" or verb.head.lower_ not in ("after", "following") or not is_passive(verb):
        return []
    return [c for c in verb.head.head.children if c.dep_ in ("nsubj", "nsubjpass")]


def _subject_misparsed_as_apposition(verb) -> list:
    """ "in Biguacu, Santa Catarina, a drug trafficker was killed": the parse hung the subject on the place."""
    aux = [c for c in verb.children if c.dep_ == "auxpass" and c.i < verb.i]
    if not aux or aux[0].i == 0:
        return []
    noun = verb.doc[aux[0].i - 1]
    if noun.dep_ in ("appos", "conj") and noun.tag_ == "NN" and any(c.dep_ == "det" for c in noun.children):
        return [noun]  # "shot dead a civilian and a chairman was injured": the parse joined the chairman to the civilian
    return []


def _unlinked_count_of(view: SentenceView, counts: list[LinkedCount], victim) -> LinkedCount | None:
    """The count of one still without an outcome whose noun phrase holds ``victim``."""
    position = view.index.get(victim.i)
    return next((c for c in counts if c.outcome is None and c.mention.low == c.mention.high == 1
                 and position is not None and c.first <= position < max(c.np_end, c.last)), None)


def _is_pronoun_victim(token) -> bool:
    """ "killed him", "caused her death"."""
    return token.lower_ in VICTIM_PRONOUNS.get(token.dep_, ())


def _fatal_sequel(verb) -> bool:
    """ "was stabbed and killed", "was stabbed to death": the victim died."""
    return _to_death(verb) or any(
        c.dep_ == "conj" and OUTCOME_AFTER.get(c.lower_) == "killed" or c.lower_ == "dead" for c in verb.children)


def _to_death(verb) -> bool:
    """ "stabbed her to death"."""
    return any(c.dep_ == "prep" and c.lower_ == "to" and any(g.lower_ == "death" for g in c.children)
               for c in verb.children)



def _caused_death(token) -> bool:
    """ "which caused his death", "resulting in her immediate death"."""
    head = token.head
    if token.dep_ == "pobj" and head.lower_ in ("in", "to"):
        head = head.head
    return token.dep_ in ("dobj", "pobj") and head.lower_ in DEATH_CAUSES


def _is_individual(token) -> bool:
    if token.lower_ in INDIVIDUAL_PRONOUNS:
        return True
    if token.tag_ not in ("NN", "NNP") or any(c.dep_ == "nummod" for c in token.children):
        return False
    if token.ent_type_ == "PERSON" or token.lower_ in KIN:
        return True
    if token.ent_type_ == "NORP" and any(c.dep_ == "det" and c.lower_ in ("a", "an", "another") for c in token.children):
        return True  # "killed a Shia Muslim", "a Togolese"
    if token.lower_ == "head" and preposition_child(token, "of") is not None:
        return True  # "the head of a local council"
    if token.tag_ == "NNP" and token.ent_type_ not in ("GPE", "LOC", "FAC") and any(
            a.dep_ == "appos" and a.tag_ == "NN" and any(d.lower_ in ("a", "an") for d in a.children)
            for a in token.children):
        return True  # "Waziri, a senior official, was killed": a name described as someone
    word = token.lower_
    if word in NON_VICTIM_NOUNS or word in OUTCOME_NOUNS or word in COLLECTIVES:
        return False
    return victim_category([word], word) != "unknown" or word in ("person", "victim") or (
        token.tag_ == "NN" and bool(PERSON_SUFFIX.search(word)) and token.ent_type_ == "") or (
        token.tag_ == "NN" and word not in NOT_PERSONS and token.ent_type_ in ("", "PERSON")
        and _role(token) in ("nsubjpass", "dobj") and any(
            c.dep_ in ("det", "poss") and c.lower_ in SINGLE_DETERMINERS for c in token.children))


def _role(token) -> str:
    """The dependency of the list of single people a conjunct belongs to ("a volunteer, a school-mum and a
    student"); a conjunct of a counted group ("five guards and the head of the prison") has none."""
    while token.dep_ == "conj" and token.head.i != token.i:
        token = token.head
        if token.tag_ != "NN":
            return "conj"
    return token.dep_


def _listed_in_apposition(victim) -> list:
    """ "A nurse, a shopkeeper and a student were wounded": the parse hung the rest of the list on the
    first as an apposition; an apposition without a conjunct renames the victim ("a contractor, John Roe"),
    and so do roles after a name ("Jane Roe, a writer and publisher")."""
    if victim.tag_ != "NN":
        return []
    for appos in victim.children:
        if appos.dep_ == "appos" and appos.tag_ == "NN" and appos.conjuncts and any(
                c.dep_ == "det" and c.lower_ in ("a", "an") for c in appos.children):
            return [appos, *appos.conjuncts]
    return []
