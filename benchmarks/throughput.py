"""Throughput of sitrep on one core, against bare spaCy, on a synthetic news-like corpus.

Measures in one run:
  (a) bare spaCy ``nlp.pipe`` words/s (the full default model, all pipes);
  (b) ``Pipeline().extract_many`` articles/s and words/s;
  (c) the ratio b/a (words/s);
  (d) the share of extract time spent in cleaning (``sitrep.clean.clean_text``);
  (e) peak RSS of ``sitrep extract --jsonl`` over a larger generated stream, in a subprocess;
  (f) on a second corpus of long whole articles (many paragraphs and sources, victims named
      with their ages, tolls told again and updated), bare spaCy and sitrep words/s and their
      ratio: long articles must cost no more per word than short ones.

Usage:
  python benchmarks/throughput.py [--articles 300] [--long-articles 60] [--seed 7]
                                  [--rss-articles 10000 | --skip-rss] [--pin-core | --no-pin-core]

Prints a small table, then the figures as one JSON line (the last line of output).
Words are whitespace-separated tokens of the input text, the same count for (a) and (b).
"""

from __future__ import annotations

import os

# One core, no thread pools: set before numpy/blis/spaCy are imported.
THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "BLIS_NUM_THREADS",
                    "VECLIB_MAXIMUM_THREADS", "NUMEXPR_NUM_THREADS")
for _name in THREAD_VARIABLES:
    os.environ[_name] = "1"

import argparse  # noqa: E402
import datetime as dt  # noqa: E402
import json  # noqa: E402
import platform  # noqa: E402
import random  # noqa: E402
import resource  # noqa: E402
import shutil  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import tempfile  # noqa: E402
import time  # noqa: E402
from collections.abc import Iterator  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402

WARMUP_ARTICLES = 20

# --------------------------------------------------------------------------- corpus

TOWNS = ("Amberly", "Korvane", "Tessaly", "Marrow Ford", "Qaryat al-Nur", "Benhaven", "Sotoyo",
         "Dunmere", "Kalesh", "Port Idris", "Velmont", "Ashgrove", "Nkomba", "Ras Tamir", "Lowen")
REGIONS = ("the northern province", "Eastmark province", "the Tessaly valley", "the coastal district",
           "Upper Orrin", "the border region", "Kalesh governorate", "the southern highlands")
ACTORS = ("government troops", "rebel fighters", "an armed group", "unidentified gunmen",
          "militia members", "security forces", "insurgents", "police officers")
VICTIMS = ("civilians", "people", "soldiers", "fighters", "police officers", "villagers",
           "children", "members of the security forces", "militants", "passengers")
SOURCES = ("a local monitoring group", "the health ministry", "the army", "witnesses",
           "hospital officials", "the regional governor", "a human rights organisation",
           "residents reached by telephone", "the interior ministry", "a spokesman for the rebels")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve")
VAGUE = ("dozens of", "several", "scores of", "a number of", "hundreds of")
WEAPONS = ("a car bomb", "artillery shells", "a drone strike", "an air strike", "a roadside bomb",
           "mortar fire", "heavy machine-gun fire", "a suicide bomber")

CASUALTY_TEMPLATES = (
    "At least {n} {victims} were killed in {town} on {weekday}, {source} said.",
    "{source_cap} said {n} {victims} died when {weapon} hit {town}.",
    "The attack in {town} killed {n} {victims} and wounded {m} others, according to {source}.",
    "{Actors} killed {n} {victims} near {town} in {region} on {date}.",
    "Between {n} and {n2} {victims} were reported dead after clashes outside {town}.",
    "{Vague} {victims} were injured when {weapon} struck a market in {town}.",
    "{nword_cap} {victims} were wounded and {m} remain missing, {source} told reporters.",
    "The death toll from {weekday}'s violence in {town} rose to {n2}, {source} said on {date}.",
    "No one was hurt in the attack on the checkpoint near {town}, {source} said.",
    "Up to {n2} people may have been killed, though {source} put the figure at {n}.",
    "{n} {victims} were abducted from a village near {town} late on {weekday}.",
    "Medics in {town} said they had treated {m} people for gunshot wounds since {weekday}.",
)
CONTEXT_TEMPLATES = (
    "The fighting began on {date} when {actors} advanced on {town}.",
    "{town} lies about {km} kilometres from the regional capital in {region}.",
    "{Actors} said they had taken control of several villages around {town}.",
    "Residents of {town} described hearing explosions throughout the night.",
    "Aid agencies have warned that access to {region} remains severely restricted.",
    "The violence is the worst in {region} since {year}, {source} said.",
    "A curfew was imposed in {town} on {weekday} evening.",
    "Officials in {region} declined to comment on the figures.",
)
FILLER = (
    "Talks between the two sides stalled last month over the sequencing of a ceasefire.",
    "Prices of flour and fuel have more than doubled in local markets since the spring.",
    "The United Nations has called for an independent investigation into the incident.",
    "Schools in the area have been closed for most of the year.",
    "Many families have fled towards the capital, where shelters are already overcrowded.",
    "The government has repeatedly denied targeting residential areas.",
    "Rainfall this season has been well below average, adding to the pressure on farmers.",
    "Diplomats said a new round of negotiations could begin within weeks.",
    "The road linking the two towns has been cut for several days.",
    "Analysts say the conflict has become increasingly fragmented over the past two years.",
    "Telephone and internet connections in the region are frequently interrupted.",
    "Hospitals in the area report shortages of blood, fuel and surgical supplies.",
    "The ministry said it would publish a full account once investigations were complete.",
    "Local journalists have faced growing restrictions on their work.",
    "Earlier in the week, officials had announced the reopening of the main border crossing.",
    "A spokesperson for the aid group said teams were ready to deploy as soon as it was safe.",
)
NOISE = ("ADVERTISEMENT", "Read more: what we know about the fighting so far",
         "Share this article", "Sign up for our daily briefing")


@dataclass(frozen=True, slots=True)
class Article:
    id: str
    text: str
    published: dt.date

    @property
    def words(self) -> int:
        return len(self.text.split())


class CorpusGenerator:
    """Seeded, varied news-like articles of roughly ``min_words``-``max_words`` words."""

    def __init__(self, *, seed: int, min_words: int = 250, max_words: int = 500) -> None:
        self.rng = random.Random(seed)
        self.min_words, self.max_words = min_words, max_words

    def articles(self, count: int, *, prefix: str = "bench") -> Iterator[Article]:
        for number in range(count):
            yield self.article(f"{prefix}-{number}")

    def article(self, article_id: str) -> Article:
        rng = self.rng
        published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        target = rng.randint(self.min_words, self.max_words)
        town = rng.choice(TOWNS)
        paragraphs = [f"{rng.choice(('Clashes', 'Attack', 'Strike', 'Shelling'))} in {town} "
                      f"leaves {rng.choice(NUMBER_WORDS)} dead",
                      f"{town.upper()}, {published:%B} {published.day} - " + self._sentence(published, town)]
        words = sum(len(p.split()) for p in paragraphs)
        while words < target:
            paragraph = " ".join(self._sentence(published, town) for _ in range(rng.randint(2, 4)))
            if rng.random() < 0.06:
                paragraph = rng.choice(NOISE)
            elif rng.random() < 0.04 and len(paragraphs) > 2:
                paragraph = rng.choice(paragraphs[1:])  # syndicated copies repeat a paragraph
            elif rng.random() < 0.04:
                paragraph = (f"{rng.choice(TOWNS)} tonight: {self._sentence(published, town)} "
                             f"pic.twitter.com/{rng.randrange(16**8):08x}\n- Field Reporter "
                             f"(@field_{rng.randrange(1000)}) "
                             f"{published:%B} {published.day}, {published.year}")
            size = len(paragraph.split())
            if words + size > self.max_words and words >= self.min_words:
                break
            paragraphs.append(paragraph)
            words += size
        return Article(id=article_id, text="\n\n".join(paragraphs) + "\n", published=published)

    def _sentence(self, published: dt.date, town: str) -> str:
        rng = self.rng
        roll = rng.random()
        if roll < 0.3:
            template = rng.choice(CASUALTY_TEMPLATES)
        elif roll < 0.55:
            template = rng.choice(CONTEXT_TEMPLATES)
        else:
            return rng.choice(FILLER)
        day = published - dt.timedelta(days=rng.randrange(1, 6))
        n = rng.choice((rng.randint(1, 40), rng.randint(40, 400)))
        values = {
            "n": n, "n2": n + rng.randint(2, 30), "m": rng.randint(1, 80),
            "nword_cap": rng.choice(NUMBER_WORDS).capitalize(), "victims": rng.choice(VICTIMS),
            "town": town if rng.random() < 0.6 else rng.choice(TOWNS), "region": rng.choice(REGIONS),
            "weekday": WEEKDAYS[day.weekday()], "date": f"{day.day} {day:%B}",
            "source": rng.choice(SOURCES), "source_cap": rng.choice(SOURCES).capitalize(),
            "weapon": rng.choice(WEAPONS), "actors": rng.choice(ACTORS),
            "Actors": rng.choice(ACTORS).capitalize(), "Vague": rng.choice(VAGUE).capitalize(),
            "km": rng.randint(5, 120), "year": rng.randint(2012, 2022),
        }
        return template.format(**values)


FIRST_NAMES = ("Samir", "Leila", "Rami", "Yara", "Omar", "Huda", "Khalil", "Nour", "Tariq", "Salma", "Yusuf",
               "Mona", "Adel", "Rania", "Fadi", "Dina", "Karim", "Aya")
FAMILIES = ("Haddad", "Nassar", "Karam", "Mansour", "Saleh", "Azar", "Hamdan", "Qasim", "Daher", "Tamimi")
KIN = ("his wife", "her husband", "their son", "their daughter", "his brother", "her mother", "their grandson")
LONG_SOURCES = ("the civil defence", "the health ministry", "a rights group", "a local journalist",
                "a cousin of the victims", "the Red Crescent", "an eyewitness", "a hospital director",
                "@field_reporter on X", "a neighbour who helped with the rescue")


class LongArticleGenerator:
    """Seeded whole articles of ``min_words``-``max_words`` words in the shape of casualty assessments:
    a lead toll, victims named with ages, the toll told again by several sources and updated."""

    def __init__(self, *, seed: int, min_words: int = 900, max_words: int = 1600) -> None:
        self.rng = random.Random(seed)
        self.min_words, self.max_words = min_words, max_words

    def articles(self, count: int) -> Iterator[Article]:
        for number in range(count):
            yield self.article(f"long-{number}")

    def article(self, article_id: str) -> Article:
        rng = self.rng
        published = dt.date(2024, 1, 1) + dt.timedelta(days=rng.randrange(700))
        day = published - dt.timedelta(days=rng.randrange(1, 6))
        family, town, toll = rng.choice(FAMILIES), rng.choice(TOWNS), rng.randint(3, 40)
        paragraphs = [f"On {day:%B} {day.day}, {day.year}, at least {toll} members of the {family} family, "
                      f"including {rng.randint(1, toll - 1)} children, were killed when {rng.choice(WEAPONS)} "
                      f"hit their home in {town}, according to {rng.choice(LONG_SOURCES)}."]
        words, target = len(paragraphs[0].split()), rng.randint(self.min_words, self.max_words)
        while words < target:
            paragraph = " ".join(self._sentence(family, town, toll) for _ in range(rng.randint(3, 6)))
            paragraphs.append(paragraph)
            words += len(paragraph.split())
        return Article(id=article_id, text="\n\n".join(paragraphs) + "\n", published=published)

    def _sentence(self, family: str, town: str, toll: int) -> str:
        rng = self.rng
        name = f"{rng.choice(FIRST_NAMES)} {family}"
        source = rng.choice(LONG_SOURCES)
        return rng.choice((
            f"{name} ({rng.randint(18, 80)}), {rng.choice(KIN)} {rng.choice(FIRST_NAMES)} ({rng.randint(1, 70)}) "
            f"and {rng.choice(KIN)} {rng.choice(FIRST_NAMES)} ({rng.randint(1, 17)}) were among the dead.",
            f"{source[0].upper()}{source[1:]} said {toll} people had been killed and {rng.randint(2, 60)} wounded.",
            f"Initially {source} reported {max(1, toll - rng.randint(1, 3))} deaths; the toll later rose to "
            f"{toll} as bodies were recovered from the rubble.",
            f"A {rng.randint(2, 16)}-year-old boy, {name}, died of his wounds in hospital, {source} said.",
            f"{rng.choice(FILLER)}",
            f"Relatives said the house in {town} had sheltered {rng.randint(10, 40)} people displaced from the north.",
            f"{name}, {rng.randint(20, 70)}, a teacher, was described by colleagues as patient and kind.",
            f"Two days earlier, {rng.randint(5, 30)} people were killed in a strike on a school in {rng.choice(TOWNS)}.",
            f"Photos shared by {source} showed rescuers searching the rubble with their hands.",
        ))


# --------------------------------------------------------------------------- measurements


def pin_to_one_core() -> int | None:
    """Restrict this process (and its children) to one CPU; returns it, or None if unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def bare_spacy_words_per_s(texts: list[str], words: int) -> tuple[float, float]:
    from sitrep.nlp import load_bare_model

    nlp = load_bare_model()
    for _doc in nlp.pipe(texts[:WARMUP_ARTICLES]):
        pass
    start = time.perf_counter()
    for _doc in nlp.pipe(texts):
        pass
    seconds = time.perf_counter() - start
    return words / seconds, seconds


@dataclass(frozen=True, slots=True)
class SitrepTiming:
    seconds: float
    clean_seconds: float | None  # None: clean_text was not reached through sitrep.pipeline
    failed: int
    first_error: str | None


def time_sitrep(documents: list) -> SitrepTiming:
    import sitrep.pipeline as pipeline_module
    from sitrep.pipeline import FailedDocument, Pipeline

    pipeline = Pipeline()
    for _item in pipeline.extract_many(documents[:WARMUP_ARTICLES]):
        pass
    original = pipeline_module.clean_text
    spent = [0.0, 0]

    def timed_clean(text: str):
        start = time.perf_counter()
        try:
            return original(text)
        finally:
            spent[0] += time.perf_counter() - start
            spent[1] += 1

    pipeline_module.clean_text = timed_clean
    failed, first_error = 0, None
    try:
        start = time.perf_counter()
        for item in pipeline.extract_many(documents):
            if isinstance(item, FailedDocument):
                failed += 1
                first_error = first_error or item.error.message
        seconds = time.perf_counter() - start
    finally:
        pipeline_module.clean_text = original
    return SitrepTiming(seconds=seconds, clean_seconds=spent[0] if spent[1] else None,
                        failed=failed, first_error=first_error)


@dataclass(frozen=True, slots=True)
class RssRun:
    articles: int
    peak_rss_mib: float
    seconds: float
    failed: int  # output lines that are error objects
    first_error: str | None


def sitrep_command() -> list[str]:
    script = Path(sys.executable).with_name("sitrep")
    if script.exists():
        return [str(script)]
    found = shutil.which("sitrep")
    if found:
        return [found]
    return [sys.executable, "-c", "import sys; from sitrep.cli import main; sys.exit(main())"]


def peak_rss_of_stream(generator: CorpusGenerator, count: int) -> RssRun:
    """Run ``sitrep extract --jsonl`` over ``count`` generated articles; peak RSS of that child."""
    with tempfile.TemporaryDirectory(prefix="sitrep-bench-") as folder:
        path = Path(folder) / "stream.jsonl"
        with path.open("w", encoding="utf-8") as stream:
            for article in generator.articles(count, prefix="rss"):
                stream.write(json.dumps({"id": article.id, "text": article.text,
                                         "published": article.published.isoformat()}) + "\n")
        start = time.perf_counter()
        with subprocess.Popen([*sitrep_command(), "extract", "--jsonl", str(path)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as child:
            failed, first_error = _count_errors(child.stdout)
            stderr = child.stderr.read()
        seconds = time.perf_counter() - start
    if child.returncode != 0:
        raise RuntimeError(f"sitrep extract --jsonl failed ({child.returncode}): {stderr.strip()}")
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return RssRun(articles=count, peak_rss_mib=peak_kib / 1024, seconds=seconds, failed=failed,
                  first_error=first_error)


def _count_errors(lines) -> tuple[int, str | None]:
    failed, first_error = 0, None
    for line in lines:
        record = json.loads(line)
        if "error" in record:
            failed += 1
            first_error = first_error or record["error"]["message"]
    return failed, first_error


# --------------------------------------------------------------------------- report


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=300, help="articles timed (default 300)")
    parser.add_argument("--long-articles", type=int, default=60,
                        help="long whole articles timed (default 60; 0 skips)")
    parser.add_argument("--seed", type=int, default=7, help="corpus seed (default 7)")
    parser.add_argument("--rss-articles", type=int, default=10_000,
                        help="articles in the peak-RSS stream (default 10000)")
    parser.add_argument("--skip-rss", action="store_true", help="skip the peak-RSS run")
    parser.add_argument("--pin-core", action=argparse.BooleanOptionalAction, default=True,
                        help="pin this process and its children to one CPU (default on)")
    args = parser.parse_args(argv)
    if args.articles <= WARMUP_ARTICLES or args.rss_articles < 1:
        parser.error(f"--articles must exceed {WARMUP_ARTICLES} and --rss-articles be positive")
    return args


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    cpu = pin_to_one_core() if args.pin_core else None
    from sitrep.records import Document

    # The RSS run goes first, while this process is small: a child's ru_maxrss starts from
    # its parent's resident size at fork time (Linux keeps the pre-exec high-water mark), so
    # forking after the models are loaded here would report this process's size instead.
    rss = None if args.skip_rss else peak_rss_of_stream(CorpusGenerator(seed=args.seed + 1),
                                                         args.rss_articles)
    generator = CorpusGenerator(seed=args.seed)
    articles = list(generator.articles(args.articles))
    texts = [a.text for a in articles]
    words = sum(a.words for a in articles)
    documents = [Document(id=a.id, text=a.text, published=a.published) for a in articles]

    spacy_wps, spacy_seconds = bare_spacy_words_per_s(texts, words)
    timing = time_sitrep(documents)
    sitrep_wps = words / timing.seconds
    long_figures = long_article_figures(args.long_articles, seed=args.seed) if args.long_articles else {}
    figures = {
        "articles": len(articles), "words": words, "seed": args.seed, "cpu": cpu,
        "spacy_words_per_s": round(spacy_wps, 1), "spacy_seconds": round(spacy_seconds, 3),
        "sitrep_articles_per_s": round(len(articles) / timing.seconds, 2),
        "sitrep_words_per_s": round(sitrep_wps, 1), "sitrep_seconds": round(timing.seconds, 3),
        "sitrep_failed": timing.failed, "sitrep_first_error": timing.first_error,
        "ratio_sitrep_to_spacy": round(sitrep_wps / spacy_wps, 3),
        "clean_share": None if timing.clean_seconds is None
        else round(timing.clean_seconds / timing.seconds, 4),
        "rss_articles": rss.articles if rss else None,
        "rss_peak_mib": round(rss.peak_rss_mib, 1) if rss else None,
        "rss_seconds": round(rss.seconds, 1) if rss else None,
        "rss_articles_per_s": round(rss.articles / rss.seconds, 2) if rss else None,
        "rss_failed": rss.failed if rss else None, "rss_first_error": rss.first_error if rss else None,
        "python": platform.python_version(), "spacy": _spacy_version(),
        "long_articles": long_figures.get("articles"), "long_words": long_figures.get("words"),
        "long_spacy_words_per_s": long_figures.get("spacy_words_per_s"),
        "long_sitrep_words_per_s": long_figures.get("sitrep_words_per_s"),
        "long_ratio_sitrep_to_spacy": long_figures.get("ratio"),
    }
    print(format_table(figures))
    print(json.dumps(figures))
    return 0


def long_article_figures(count: int, *, seed: int) -> dict:
    """(f): bare spaCy and sitrep words/s on ``count`` long whole articles (plus warm-up ones)."""
    from sitrep.records import Document

    articles = list(LongArticleGenerator(seed=seed + 2).articles(count + WARMUP_ARTICLES))
    timed = articles[WARMUP_ARTICLES:]
    words = sum(a.words for a in timed)
    texts = [a.text for a in articles]
    spacy_wps, _ = bare_spacy_words_per_s(texts, sum(a.words for a in articles))
    timing = time_sitrep([Document(id=a.id, text=a.text, published=a.published) for a in articles])
    sitrep_wps = sum(a.words for a in articles) / timing.seconds
    return {"articles": len(timed), "words": words, "spacy_words_per_s": round(spacy_wps, 1),
            "sitrep_words_per_s": round(sitrep_wps, 1), "ratio": round(sitrep_wps / spacy_wps, 3)}


def _spacy_version() -> str:
    import spacy

    return spacy.__version__


def format_table(figures: dict) -> str:
    def show(value, unit: str = "") -> str:
        return "skipped" if value is None else f"{value}{unit}"

    share = figures["clean_share"]
    rows = [
        ("corpus", f"{figures['articles']} articles, {figures['words']} words (seed {figures['seed']})"),
        ("(a) bare spaCy", f"{figures['spacy_words_per_s']:.0f} words/s"),
        ("(b) sitrep extract", f"{figures['sitrep_articles_per_s']:.2f} articles/s, "
                               f"{figures['sitrep_words_per_s']:.0f} words/s"),
        ("(c) ratio b/a", f"{figures['ratio_sitrep_to_spacy']:.3f}"),
        ("(d) cleaning share", "not measured (clean_text not called via sitrep.pipeline)"
         if share is None else f"{share * 100:.2f}% of extract time"),
        ("(e) peak RSS", "skipped" if figures["rss_peak_mib"] is None else
         f"{figures['rss_peak_mib']:.0f} MiB over {figures['rss_articles']} articles "
         f"({show(figures['rss_articles_per_s'])} articles/s incl. start-up)"),
    ]
    if figures["long_articles"]:
        rows.append(("(f) long articles", f"{figures['long_articles']} articles, {figures['long_words']} words: "
                                          f"spaCy {figures['long_spacy_words_per_s']:.0f} words/s, sitrep "
                                          f"{figures['long_sitrep_words_per_s']:.0f} words/s, ratio "
                                          f"{figures['long_ratio_sitrep_to_spacy']:.3f}"))
    for key, label in (("sitrep", "(b)"), ("rss", "(e)")):
        if figures[f"{key}_failed"]:
            rows.append((f"FAILED {label}", f"{figures[f'{key}_failed']} documents, first: "
                                            f"{figures[f'{key}_first_error']}"))
    return "\n".join(f"{label:<20}{value}" for label, value in rows)


if __name__ == "__main__":
    sys.exit(main())
