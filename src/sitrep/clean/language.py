"""Is this text English? A small rule-based check, so a text sitrep cannot read is not silently empty.

sitrep's grammar is English. Two rules, no model:

* script: when most letters are not Latin (Arabic, Cyrillic, Hebrew, Greek, Devanagari,
  CJK, ...), the text is in that script's language;
* function words: English prose is about a third function words ("the", "of", "was",
  "said"); a Latin-script text of some length with few of them is another language,
  named when its own function words (French, Spanish, Portuguese, Italian, German,
  Dutch, Indonesian, Turkish, Swahili, Hausa) are common.

:func:`language_warnings` returns the warning to attach, or nothing for English.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Texts shorter than this (in words) are not judged: a headline or a one-line post may be anything.
MIN_WORDS = 12
# English prose: 25-45% of words are these; other Latin-script languages: under 10%.
MIN_ENGLISH_SHARE = 0.12
# Another language is named when its function words are at least this share of the words
# (and twice the English share); with neither, a text of MIN_UNKNOWN_WORDS words or more
# with almost no English function words is in an unknown language.
MIN_OTHER_SHARE = 0.15
MAX_UNKNOWN_SHARE = 0.03
MIN_UNKNOWN_WORDS = 30
# Share of letters outside the Latin script above which the text is in another script.
MAX_OTHER_SCRIPT_SHARE = 0.5
SAMPLE_CHARS = 20_000  # the check reads the start of a long text only

ENGLISH = frozenset("""
the of and to in a an is was were are be been has have had it its by on for at with that this from as
or but not no he she they his her their them who which said says after before during when while
than into over about also would will could there killed people were two three police
""".split())

OTHER_LANGUAGES: dict[str, frozenset[str]] = {
    "French": frozenset("le la les des du de et est une un dans pour par sur qui que au aux ont été selon "
                        "il elle ils sont avec ces cette".split()),
    "Spanish": frozenset("el la los las de del y en que por con una un para según fueron se su al es "
                         "como más han sido".split()),
    "Portuguese": frozenset("o a os as de do da dos das e em que por com uma um para segundo foram no na "
                            "pelo pela não".split()),
    "Italian": frozenset("il lo la gli le di del della e in che per con una un sono stati secondo nel "
                         "alla dei".split()),
    "German": frozenset("der die das und ist in den von mit wurden nach bei ein eine im zu auf sich "
                        "des dem nicht".split()),
    "Dutch": frozenset("de het een en van in is zijn werden bij met op te voor dat die niet".split()),
    "Indonesian": frozenset("yang dan di ke dari ini itu dengan untuk tidak dalam pada oleh orang "
                            "telah akan".split()),
    "Turkish": frozenset("ve bir bu da de ile için olarak olan çok daha sonra göre kişi".split()),
    "Swahili": frozenset("na wa ya kwa za katika ni la watu kuwa hiyo huo".split()),
    "Hausa": frozenset("da a na ta ya sun ba wani wanda kuma mutane cikin".split()),
}

# Unicode script of a letter, from its character name's first word.
_SCRIPTS = {"ARABIC": "Arabic", "CYRILLIC": "Cyrillic (Russian, Ukrainian, ...)", "HEBREW": "Hebrew",
            "GREEK": "Greek", "DEVANAGARI": "Devanagari (Hindi, Nepali, ...)", "BENGALI": "Bengali",
            "CJK": "Chinese", "HIRAGANA": "Japanese", "KATAKANA": "Japanese", "HANGUL": "Korean",
            "THAI": "Thai", "ETHIOPIC": "Amharic/Tigrinya (Ethiopic)", "ARMENIAN": "Armenian",
            "GEORGIAN": "Georgian", "TAMIL": "Tamil", "MYANMAR": "Burmese", "KHMER": "Khmer",
            "GUJARATI": "Gujarati", "GURMUKHI": "Punjabi", "SINHALA": "Sinhala", "TELUGU": "Telugu"}
_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def guess_language(text: str) -> str | None:
    """"English", another language's name, or None when the text is too short to tell."""
    sample = text[:SAMPLE_CHARS]
    script = _dominant_other_script(sample)
    if script is not None:
        return script
    words = [w.lower() for w in _WORD_RE.findall(sample)]
    if len(words) < MIN_WORDS:
        return None
    english = sum(w in ENGLISH for w in words) / len(words)
    if english >= MIN_ENGLISH_SHARE:
        return "English"
    shares = {name: sum(w in vocabulary for w in words) / len(words)
              for name, vocabulary in OTHER_LANGUAGES.items()}
    name, share = max(shares.items(), key=lambda item: item[1])
    if share >= MIN_OTHER_SHARE and share > 2 * english:
        return name
    if english < MAX_UNKNOWN_SHARE and len(words) >= MIN_UNKNOWN_WORDS:
        return "an unknown language"
    return None  # terse English (notes, headlines) or too little to tell


def language_warnings(text: str) -> tuple[str, ...]:
    """A warning when ``text`` is not English (sitrep reads English only), else nothing."""
    language = guess_language(text)
    if language is None or language == "English":
        return ()
    return (f"the text looks like {language}, not English; sitrep reads English only, "
            "so claims will be missing",)


def _dominant_other_script(text: str) -> str | None:
    scripts: Counter[str] = Counter()
    letters = 0
    for char in text:
        if not char.isalpha():
            continue
        letters += 1
        if char.isascii():
            continue
        name = unicodedata.name(char, "")
        first = name.split(" ", 1)[0]
        if first in _SCRIPTS:
            scripts[_SCRIPTS[first]] += 1
    if not scripts or letters == 0:
        return None
    script, count = scripts.most_common(1)[0]
    return script if count / letters > MAX_OTHER_SCRIPT_SHARE and count >= MIN_WORDS else None
