"""Name normalisation for gazetteer keys.

Two keys per name:

* :func:`name_key` folds accents, case, punctuation and Arabic article
  prefixes ("al-", "Al ", "el-", "ash-" ...): "Al-Lādhiqīyah" and
  "Ladhiqiyah" share a key, so do "Deir ez-Zor" and "Deir Zor".
* :func:`skeleton_key` further drops vowels, "h", "w", "y" and doubled
  letters, so transliteration variants meet: Jableh / Jablah / Jeble,
  Banias / Baniyas, Latakia / Lattakia. It is loose, so callers use it only
  as a fallback and check the candidates' similarity.
"""

from __future__ import annotations

import functools
import re
import unicodedata

ARTICLES = frozenset(
    {"al", "el", "ad", "ar", "as", "at", "az", "an", "ash", "adh", "ath", "ed", "es", "et",
     "ez", "en", "er", "the"}
)
_SPECIAL = str.maketrans({
    "ß": "ss", "æ": "ae", "Æ": "ae", "ø": "o", "Ø": "o", "đ": "d", "Đ": "d", "ł": "l",
    "Ł": "l", "ı": "i", "œ": "oe", "Œ": "oe", "þ": "th", "ð": "d",
})
_APOSTROPHES = re.compile(r"[\u2018\u2019\u02bb\u02bc\u02be\u02bf\u0060\u00b4'\u2032]")
_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_SKELETON_DROP = re.compile(r"[aeiouyhw]")
_DOUBLES = re.compile(r"(.)\1+")


@functools.lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case ASCII letters and digits separated by single spaces; accents and
    apostrophes removed (``"Dar'a"`` -> ``"dara"``)."""
    text = _APOSTROPHES.sub("", text.translate(_SPECIAL))
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", ascii_text.lower()).strip()


def name_key(name: str) -> str:
    """The index key of a place name: folded, article tokens dropped (unless the
    name is nothing else). Empty when the name has no Latin letters."""
    tokens = fold(name).split()
    kept = [token for token in tokens if token not in ARTICLES]
    return " ".join(kept or tokens)


def skeleton_key(key: str) -> str:
    """A loose consonant skeleton of a :func:`name_key`; empty when too short to be useful."""
    parts = []
    for token in key.split():
        token = token.replace("q", "k")
        parts.append(_DOUBLES.sub(r"\1", token[0] + _SKELETON_DROP.sub("", token[1:])))
    skeleton = " ".join(parts)
    return skeleton if len(skeleton.replace(" ", "")) >= 2 else ""


def is_latin_name(name: str) -> bool:
    """True when ``name`` is written in Latin letters (after folding accents)."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_SPECIAL))
    letters = [c for c in decomposed if c.isalpha()]
    return bool(letters) and all(c.isascii() for c in letters)


def is_useful_alternate(name: str) -> bool:
    """Alternate names worth indexing: Latin script, capitalised, not an airport
    code ("DAM") nor a lower-case transliteration ("dmshq")."""
    if not is_latin_name(name) or not name[:1].isupper():
        return False
    return not (name.isupper() and len(name) <= 4)
