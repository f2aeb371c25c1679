"""Who says so, and who did it: attribution and perpetrators within a sentence.

Sources: "according to X", "X said / reported / told", "..., said X",
"X reported that ...", "reports said" (unattributed); a sentence with no
attribution is the article's own statement (kind ``media``).
Perpetrators: the agent of a passive ("killed by gunmen"), the subject of an
attack verb ("gunmen ambushed"), or "X claimed responsibility".
"""

from __future__ import annotations

import re

from spacy.tokens import Span as SpacySpan
from spacy.tokens import Token

from ..nlp import doc_text
from ..records import Actor, Source
from .lexicon import NON_STATE_MODIFIERS_RE, SAY_VERBS, SOURCE_KIND_PATTERNS

ARTICLE_SOURCE = Source(name=None, kind="media", handle=None)
UNATTRIBUTED = Source(name=None, kind="unattributed", handle=None)

_UNATTRIBUTED_RE = re.compile(
    r"\b(?:reportedly|reports? (?:said|say|suggest|indicate|claim)|(?:it|this) (?:was|is|has been) reported|"
    r"^reports?\b|according to (?:unconfirmed |local |media |initial |preliminary )?reports|"
    r"were reported|was reported|unconfirmed reports)\b",
    re.IGNORECASE,
)
_BASED_RE = re.compile(r"^(?:the\s+)?(?:[\w.]+-based|[\w.]+ based)\s+", re.IGNORECASE)
_LEADING_RE = re.compile(r"^(?:the|a|an|this|that|its|their|his|her)\s+", re.IGNORECASE)
_ANAPHORS = frozenset(
    f"{det} {noun}" for det in ("the", "this", "that") for noun in
    ("group", "organisation", "organization", "monitor", "ngo", "agency", "watchdog", "body", "charity")
)
_ARMED_NOUNS = re.compile(r"\b(?:militants?|rebels?|insurgents?|fighters?)\b", re.I)
_PRONOUNS = frozenset("he she they it we i who which this that one someone".split())
_NOT_ACTORS = frozenset(
    "attack attacks explosion explosions blast blasts bomb bombs bombing bombings clashes clash "
    "fighting violence shelling airstrike airstrikes strike strikes incident fire gunfire shooting "
    "raid raids assault offensive operation ambush device ied mine landmine car vehicle "
    "explosive explosives rocket rockets missile missiles shell shells mortar mortars drone "
    "drones crash collapse it this that which who what unrest riots riot protest protests "
    "most many some all none half both each several few majority rest one others".split()  # "most of them shot": victims
)
_GENERIC_ACTORS = frozenset(
    "gunmen gunman assailants assailant attackers attacker militants men individuals "
    "armed men bandits unknown gunmen".split()
)
ATTACK_VERBS = frozenset(
    "ambushed ambush ambushes attacked attack attacks killed kill kills shot shoot shoots opened "
    "fired fire bombed shelled shell stormed storm raided raid targeted target struck strike hit "
    "detonated abducted abduct kidnapped kidnap executed execute massacred launched blew torched "
    "burned seized arrested detained stabbed murdered beheaded hacked clashed clash "
    "assassinated gunned".split()
)


def source_kind(name: str) -> str:
    for kind, pattern in SOURCE_KIND_PATTERNS:
        if pattern.search(name):
            return kind
    return "official"


def clean_name(text: str) -> str:
    text = text.strip(" ,.;:\"'“”‘’()")
    text = _BASED_RE.sub("", text)
    text = _LEADING_RE.sub("", text)
    text = _BASED_RE.sub("", text)
    return text.strip(" ,.;:")


def _span_text(tokens: list[Token]) -> str:
    if not tokens:
        return ""
    doc = tokens[0].doc
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    return doc_text(doc)[start:end]


def _subject_phrase(head: Token) -> list[Token]:
    """The subject's tokens without a trailing appositive or relative clause."""
    clauses = {t.i for child in head.children if child.dep_ in ("appos", "relcl", "acl")
               for t in child.subtree}
    tokens = []
    for token in head.subtree:
        if token.i in clauses or (token.text == "," and token.i > head.i):
            break
        tokens.append(token)
    return tokens


def sentence_source(sent: SpacySpan, *, previous: Source | None) -> Source | None:
    """The source a sentence attributes its statements to, or None if it gives none."""
    for token in sent:
        lower = token.lower_
        if lower == "according" and token.i + 1 < sent.end and token.nbor().lower_ == "to":
            objects = [c for c in token.nbor().children if c.dep_ == "pobj"]
            phrase = _subject_phrase(objects[0]) if objects else []
            found = _named_source(phrase, previous)
            if found:
                return found
        elif lower in SAY_VERBS and token.pos_ in ("VERB", "AUX"):
            subjects = [c for c in token.children if c.dep_ == "nsubj"]  # "nine were reported dead": no source
            if not subjects and token.dep_ in ("advcl", "xcomp", "conj") and token.tag_ == "VBG":
                subjects = [c for c in token.head.children if c.dep_ == "nsubj"]  # "X denied ..., saying"
            if not subjects:
                continue
            nearest = min(subjects, key=lambda c: abs(c.i - token.i))  # a misparse may give two
            found = _named_source(_subject_phrase(nearest), previous)
            if found:
                return found
    tail = _TRAILING_SOURCE.search(sent.text)  # "..., including two children, the Observatory said."
    if tail and not _NOT_A_SOURCE.search(tail.group("name")):
        name = clean_name(tail.group("name"))
        if name:
            return Source(name=name, kind=source_kind(name), handle=None)
    if _UNATTRIBUTED_RE.search(sent.text):
        return UNATTRIBUTED
    return None


# The attribution closing a sentence, when the parse misses it: ", the Syrian Observatory for Human Rights said."
_TRAILING_SOURCE = re.compile(
    r",\s+(?P<name>(?:the\s+)?(?:[\w.-]+-based\s+)?[A-Z][\w.'’&-]*(?:\s+(?:for|of|on|and|the|[A-Z][\w.'’&()-]*))*)"
    r"\s+(?:said|says|reported|reports|stated|announced|added|confirmed)\s*[.!]?[\"”’]?\s*$")
# Subjects of "reported" that are no one's word: "No injuries were reported", "casualties were reported".
_NOT_A_SOURCE = re.compile(r"^(?:no|none|zero)\b|\b(?:injur\w*|casualt\w*|deaths?|fatalit\w*|damage|arrests?|"
                           r"victims?|bodies|losses)$", re.I)


def _named_source(phrase: list[Token], previous: Source | None) -> Source | None:
    if not phrase:
        return None
    words = [t.lower_ for t in phrase]
    if len(phrase) == 1 and words[0] in _PRONOUNS or " ".join(words) in _ANAPHORS:
        return previous if previous is not None and previous.name else None
    if words[-1] in ("reports", "report") or (words[-1] == "sources" and all(
            w in ("some", "the", "other", "several", "local", "unnamed", "sources", "many") for w in words)):
        return UNATTRIBUTED
    if any(t.like_num for t in phrase) and any(w in ("killed", "dead", "wounded") for w in words):
        return None
    name = clean_name(_span_text(phrase))
    if not name or _NOT_A_SOURCE.search(name):
        return None
    kind = source_kind(name)
    return Source(name=name, kind=kind, handle=None)


def is_armed_party(source: Source) -> bool:
    """Whether a source is a party to the fighting (its claims are least credible)."""
    return bool(source.name and (NON_STATE_MODIFIERS_RE.search(source.name) or _ARMED_NOUNS.search(source.name)))


def sentence_perpetrator(sent: SpacySpan) -> Actor | None:
    """The perpetrator a sentence names, if any."""
    for token in sent:
        if token.dep_ == "agent" and token.head.pos_ == "VERB":
            objects = [c for c in token.children if c.dep_ == "pobj"]
            if objects:
                actor = _actor(objects[0])
                if actor:
                    return actor
    for token in sent:
        if token.lower_ == "responsibility" and token.head.lower_ in ("claimed", "claims", "claim", "claiming"):
            subjects = [c for c in token.head.children if c.dep_ == "nsubj"]
            if subjects:
                actor = _actor(subjects[0])
                if actor:
                    return actor
    for token in sent:
        if token.lower_ in ATTACK_VERBS and token.pos_ == "VERB":
            subjects = [c for c in token.children if c.dep_ == "nsubj"]
            if subjects:
                actor = _actor(subjects[0])
                if actor:
                    return actor
    return None


def _actor(head: Token) -> Actor | None:
    if head.lower_ in _PRONOUNS or head.lower_ in _NOT_ACTORS or head.like_num:
        return None
    phrase = _subject_phrase(head)
    if any(t.like_num for t in phrase) and head.lower_ not in ("forces",):
        return None
    text = clean_name(_span_text(phrase))
    if not text or len(text) > 80:
        return None
    lower = text.lower()
    if lower in _GENERIC_ACTORS or re.fullmatch(r"(?:unknown|unidentified|suspected|armed)\s+\w+", lower):
        core = re.sub(r"^(?:unknown|unidentified|suspected)\s+", "", lower)
        return Actor(name=f"Unidentified {core}", text=text)
    return Actor(name=text[0].upper() + text[1:], text=text)
