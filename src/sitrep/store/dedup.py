"""Exact and near-duplicate documents.

An exact duplicate has the same URL or the same normalised text (case, Unicode
form and spacing ignored). A near-copy (a syndicated article with a changed
headline, an agency tag, a reworded phrase or a trimmed paragraph) has a
MinHash similarity of at least 0.6 on word 3-shingles *and* the same facts:
shared wording is not enough, since short reports are written from templates
("monitors observed 1 explosion near X"). A copy may add or drop figures and
names (a dateline, an agency, a trimmed paragraph) but never replace one by
another: two texts that each have a number, or each a name, that the other
lacks are two reports (:func:`same_facts`). Candidates come from a MinHash LSH
index rebuilt from the stored signatures when the store opens, then the
estimate and the facts are checked.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures are read back with the scheme that made them
COPY_THRESHOLD = 0.6
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")
_FACT_TOKEN = re.compile(r"\d[\d,.]*\d|\d|[^\W\d_]+")
NUMBER_WORDS = {word: value for value, word in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty".split())}


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


def facts(text: str) -> tuple[frozenset[str], frozenset[str]]:
    """The numbers (digits and number words, as values) and the names (capitalised words
    not opening a sentence) of a text."""
    numbers: set[str] = set()
    names: set[str] = set()
    text = unicodedata.normalize("NFKC", text)
    for match in _FACT_TOKEN.finditer(text):
        token = match.group()
        if token[0].isdigit():
            numbers.add(token.replace(",", ""))
        elif token.casefold() in NUMBER_WORDS:
            numbers.add(str(NUMBER_WORDS[token.casefold()]))
        elif token[0].isupper() and not _opens_sentence(text, match.start()):
            names.add(token.casefold())
    return frozenset(numbers), frozenset(names)


def _opens_sentence(text: str, start: int) -> bool:
    before = text[:start].rstrip(" \t\"'“‘([")
    return not before or before[-1] in ".!?:\n" or before.endswith("-")


def same_facts(a: str, b: str) -> bool:
    """Whether ``b`` can be a copy of ``a``: no number and no name replaced by another."""
    numbers_a, names_a = facts(a)
    numbers_b, names_b = facts(b)
    for mine, theirs in ((numbers_a, numbers_b), (names_a, names_b)):
        if mine - theirs and theirs - mine:
            return False
    return True


def shingles(text: str) -> set[bytes]:
    words = _WORD.findall(normalise(text))
    if len(words) < SHINGLE_WORDS:
        return {" ".join(words).encode("utf-8")}
    return {" ".join(words[i:i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)}


@functools.cache
def _permutations():
    """The seeded permutations, made once (making them is most of a MinHash's cost)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def signature(text: str) -> MinHash:
    minhash = MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_permutations())
    minhash.update_batch(list(shingles(text)))
    return minhash


def signature_bytes(minhash: MinHash) -> bytes:
    return np.asarray(minhash.hashvalues, dtype=np.uint64).tobytes()


def signature_from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(data, dtype=np.uint64).astype(np.uint32)
    return MinHash(num_perm=NUM_PERM, hashvalues=values, scheme=SCHEME, permutations=_permutations())


class NearCopyIndex:
    """Finds the stored document a text is a near-copy of."""

    def __init__(self, entries: Iterable[tuple[str, bytes]] = ()) -> None:
        self._lsh = MinHashLSH(threshold=COPY_THRESHOLD, num_perm=NUM_PERM)
        self._signatures: dict[str, MinHash] = {}
        for key, data in entries:
            self.add(key, signature_from_bytes(data))

    def __len__(self) -> int:
        return len(self._signatures)

    def add(self, key: str, minhash: MinHash) -> None:
        if key not in self._signatures:
            self._lsh.insert(key, minhash)
            self._signatures[key] = minhash

    def most_similar(self, minhash: MinHash, *, accept: Callable[[str], bool] | None = None
                     ) -> tuple[str, float] | None:
        """The stored document most similar to ``minhash``, if at least the copy threshold
        (and, with ``accept``, the most similar one ``accept(key)`` agrees is a copy)."""
        found = []
        for key in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[key]))
            if similarity >= COPY_THRESHOLD:
                found.append((similarity, key))
        for similarity, key in sorted(found, reverse=True):
            if accept is None or accept(key):
                return key, similarity
        return None
