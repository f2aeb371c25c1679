"""Exact and near-duplicate documents.

An exact duplicate has the same URL or the same normalised text (case, Unicode
form and spacing ignored). A near-copy (a syndicated article with a changed
headline or a trimmed paragraph) has a MinHash similarity of at least 0.8 on
word 3-shingles; candidates come from a MinHash LSH index rebuilt from the
stored signatures when the store opens, then the estimate is checked.
"""

from __future__ import annotations

import functools
import hashlib
import re
import unicodedata
from collections.abc import Iterable

import numpy as np
from datasketch import MinHash, MinHashLSH

NUM_PERM = 64
SCHEME = "affine32"  # stored signatures are read back with the scheme that made them
COPY_THRESHOLD = 0.8
SHINGLE_WORDS = 3
_WORD = re.compile(r"\w+")


def normalise(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text).casefold().split())


def content_hash(text: str) -> str:
    return hashlib.sha256(normalise(text).encode("utf-8")).hexdigest()


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

    def most_similar(self, minhash: MinHash) -> tuple[str, float] | None:
        """The stored document most similar to ``minhash``, if at least the copy threshold."""
        best = None
        for key in self._lsh.query(minhash):
            similarity = float(minhash.jaccard(self._signatures[key]))
            if similarity >= COPY_THRESHOLD and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best
