"""Victim categories from a victim noun phrase (the contract's vocabulary)."""

from __future__ import annotations

import re

from .lexicon import (
    CIVILIAN_MODIFIERS,
    CIVILIAN_NOUNS,
    GENERIC_PEOPLE,
    NON_STATE_MODIFIERS_RE,
    NON_STATE_NOUNS,
    PERPETRATOR_NOUNS,
    STATE_MODIFIERS,
    STATE_NOUNS,
)

_SINGULARS = {
    noun[:-1] if noun.endswith("s") and not noun.endswith("ss") else noun
    for noun in CIVILIAN_NOUNS | STATE_NOUNS | NON_STATE_NOUNS | PERPETRATOR_NOUNS
} | {"man", "woman", "child", "person", "policeman", "gunman", "militiaman", "fisherman",
     "serviceman", "policewoman", "patrolman", "assistant", "official", "employee", "guard",
     "commander", "leader", "member", "chief", "engineer", "judge", "lawyer", "politician",
     "candidate", "mayor", "councillor", "businessman", "contractor", "pastor", "soldier"}
_SINGULARS -= {"personnel", "police", "security", "military", "army", "elderly", "troop", "force",
               "general", "major", "captain", "minor", "youth", "cadre", "family", "crew", "militia", "member",
               "element", "resident"}
_SINGULARS |= {"second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
               "twelfth", "member", "resident"}
_SINGULARS = {n for n in _SINGULARS if not n.endswith("men") and n not in ("children", "people", "troops")}
_NOT_MODIFIERS = (r"(?!(?:killed|wounded|injured|was|were|is|are|and|or|by|in|on|at|of|with|to|from|who|kills?|"
                  r"killing|wounds|wounding|injures|injuring|dies|died)\b)"
                  r"(?!(?:one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s)")  # not "45-year-old"

_CLAUSE_END = r"(?:\s*[,.;:)]|\s*$|\s+(?:in|during|when|by|after|while|and|at|on|with|as|near|before)\b)"
_SEVERITY = r"(?:seriously|critically|severely|badly|gravely|lightly|slightly|moderately)"
_ALONE_PREDICATE = r"(?:was|were|is|has|had|died|later|succumbed|wounded|injured|injuried|hurt|killed|sustained|" \
    r"suffered|received)"

SINGULAR_VICTIM_RE = re.compile(
    # "another was hurt", "killing one and injuring another", "and other injured" (one more person)
    rf"\b(?P<alone>another)(?=\s+(?:{_SEVERITY}\s+)?{_ALONE_PREDICATE}\b|{_CLAUSE_END})|"
    # "killing one and wounding the other": the one person left of a pair
    rf"(?:(?<=\band\s)(?=other\s+(?:was|is|has)\b|other\s+(?:injured|injuried|wounded|hurt){_CLAUSE_END})|"
    rf"(?:(?<=ing\sthe\s)|(?<=ed\sthe\s))(?=other{_CLAUSE_END})|"
    rf"(?<=\band\sthe\s)(?=other\s+(?:died|was|is|has|succumbed)\b))(?P<other>other)|"
    rf"\b(?:(?P<det>an?|another|one)\s+(?:(?:killed|wounded|injured|dead)\s+(?!one\b|\d))?"  # "a killed guard"
    rf"(?:{_NOT_MODIFIERS}(?:[\w'’-]+)\s+){{0,3}}?|(?P<poss>his|her)\s+)"
    rf"(?P<noun>{'|'.join(sorted(_SINGULARS | set(), key=len, reverse=True))}|personnel(?=\s+(?:was|is|has)\s))\b",
    re.IGNORECASE,
)

# "his wife and son", "a man and woman": a second person sharing the first one's determiner.
_PAIRED_NOUN_RE = re.compile(
    rf"\s+and\s+(?:{'|'.join(sorted(_SINGULARS, key=len, reverse=True))})\b(?!\s*(?:'s|’s|of)\b)", re.IGNORECASE)


def paired_noun_end(text: str, position: int) -> int | None:
    """Where "and son" ends when it follows a singular victim noun ending at ``position``, else None."""
    match = _PAIRED_NOUN_RE.match(text, position)
    return match.end() if match else None


def victim_category(words: list[str], head: str | None) -> str:
    """Category for a victim phrase given its lower-cased words and head noun."""
    head = (head or "").lower()
    text = " ".join(words)
    if head in PERPETRATOR_NOUNS or "suicide bomber" in text:
        return "perpetrators"
    if head in ("civilian", "civilians") or any(w in CIVILIAN_MODIFIERS for w in words) or (
            head in ("members", "member") and any(w in CIVILIAN_NOUNS for w in words)):
        return "civilians"
    if NON_STATE_MODIFIERS_RE.search(text):
        return "non_state_armed"
    if head in STATE_NOUNS and head not in ("forces", "members", "member"):
        return "state_forces"
    if any(w in STATE_MODIFIERS or w in STATE_NOUNS for w in words if w != head) and head not in CIVILIAN_NOUNS:
        return "state_forces"
    if head in ("forces", "force"):
        return "state_forces"
    if head in NON_STATE_NOUNS:
        return "non_state_armed"
    if head in CIVILIAN_NOUNS:
        return "civilians"
    if head in GENERIC_PEOPLE:
        return "unknown"
    return "unknown"


def combined_category(categories: list[str]) -> str:
    """Category of a total whose parts have ``categories``."""
    distinct = {c for c in categories if c != "unknown"}
    if not distinct:
        return "unknown"
    return distinct.pop() if len(distinct) == 1 else "mixed"
