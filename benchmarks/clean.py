"""Cost of the cleaning stage (``sitrep.clean.clean_text``) on generated articles.

Prints (CPU time), for three kinds of article of about ``--words`` words (plain ASCII prose;
typical web prose with curly quotes and dashes; messy scraped text with
embedded posts, a repeated paragraph, obfuscated words, mojibake, NBSP and
CRLF), the mean clean time per article and words/s, and the budget it is
measured against: 10% of spaCy's time at ``--spacy-words-per-s`` (7.7k on one
core) for the same words. Also times the duplicate finder against a datasketch
MinHash-LSH equivalent over the same units.

Usage: python benchmarks/clean.py [--articles 200] [--words 1000] [--seed 3]
Last line of output: the figures as one JSON object.
"""

from __future__ import annotations

import argparse
import json
import random
import time

from sitrep.clean import clean_text
from sitrep.clean import duplicates as duplicates_module

TOWNS = ("Qasr Varen", "Dorvik", "Hollin", "Marren", "Stavna", "Kelm", "Ardel", "Tessaly", "Port Idris",
         "Velmont", "Ashgrove", "Nkomba", "Ras Tamir", "Lowen", "Benhaven", "Sotoyo")
ACTORS = ("Armed men", "Militia fighters", "Government troops", "Unidentified gunmen", "Insurgents",
          "Security forces", "Rebel units", "Police officers")
SOURCES = ("the provincial health office", "a local monitoring group", "the interior ministry",
           "hospital officials", "residents reached by telephone", "the regional governor",
           "a spokesman for the rebels", "aid workers")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SENTENCES = (
    "{actor} attacked a checkpoint outside {town} on {day}, {source} said.",
    "{source_cap} said at least {n} people were killed and {m} wounded in {town}.",
    "Access to the villages east of {town} remained restricted for a {nth} day, according to {source}.",
    "Officials in {town} declined to comment on the figures reported by {source}.",
    "Schools and markets in {town} stayed closed on {day} as families sheltered in basements.",
    "The ministry said it would publish a full account of the {day} raid on {town} within {n} days.",
    "Witnesses in {town} described hearing heavy gunfire until the early hours of {day}.",
    "Negotiators met in {town} on {day} but failed to agree on the terms of a ceasefire.",
    "{actor} said they had taken {n} villages around {town} since {day}.",
    "Prices of flour and fuel in {town} have risen by {n} percent since the spring.",
    "A convoy carrying {m} tonnes of aid reached {town} late on {day}, {source} said.",
    "{source_cap} reported that {n} of the wounded were children.",
)
TYPICAL = (
    "The governor\u2019s office in {town} called the raid \u201can act of terror\u201d \u2014 and vowed a response.",
    "Residents of {town}\u2019s old quarter \u2014 mostly farmers \u2014 fled towards the coast on {day}.",
)
MESSY = (
    "One witness said {n} men were k1lled in {town} and that the exec-utions went on for hours.",
    "{town}\u00e2\u20ac\u2122s coastal villages saw the worst violence of the year, {source} said.",
    "Volunteers said the d.e.a.d were buried\u00a0in a single trench near {town}.\r",
    "Advertisement",
    "Read more: what we know about the fighting in {town}",
)


def sentence(rng: random.Random, pool: tuple[str, ...]) -> str:
    source = rng.choice(SOURCES)
    return rng.choice(pool).format(
        town=rng.choice(TOWNS), actor=rng.choice(ACTORS), source=source, source_cap=source.capitalize(),
        day=rng.choice(DAYS), n=rng.randint(2, 90), m=rng.randint(2, 200),
        nth=rng.choice(("second", "third", "fourth")))


def article(rng: random.Random, *, words: int, kind: str) -> str:
    pool = SENTENCES + (TYPICAL if kind != "plain" else ()) + (MESSY if kind == "messy" else ())
    lines: list[str] = []
    count = 0
    while count < words:
        paragraph = " ".join(sentence(rng, pool) for _ in range(rng.randint(2, 4)))
        if kind == "messy" and rng.random() < 0.08:
            paragraph = (f"{paragraph} pic.twitter.com/{rng.randrange(16 ** 8):08x}\n"
                         f"\u2014 Field Reporter \u00f0\u0178\u2018\u20ac ??? (@field_{rng.randrange(999)}) "
                         f"March {rng.randint(1, 28)}, 2025")
        lines.append(paragraph)
        count += len(paragraph.split())
    if kind == "messy" and len(lines) > 3:
        repeat = lines[1].replace("killed", "k-illed").replace("were", "had been")
        lines.append(repeat + " pic.twitter.com/abc123\n\u2014 Another Account (@another) March 9, 2025")
    return "\n".join(lines) + "\n"


def time_clean(texts: list[str]) -> tuple[float, float]:
    """(CPU seconds, wall seconds) to clean ``texts`` once, after a warm-up.

    CPU time is the figure to compare: on a shared machine wall time also counts
    the time other processes held the core.
    """
    for text in texts[:10]:
        clean_text(text)
    cpu, wall = time.process_time(), time.perf_counter()
    for text in texts:
        clean_text(text)
    return time.process_time() - cpu, time.perf_counter() - wall


def time_minhash(texts: list[str]) -> tuple[float, float]:
    """Seconds for the exact shingle index vs datasketch MinHash-LSH over the same units."""
    from datasketch import MinHash, MinHashLSH

    start = time.process_time()
    for text in texts:
        duplicates_module.find_repeats(text)
    exact = time.process_time() - start
    start = time.process_time()
    for text in texts:
        paragraphs, sentences = duplicates_module._units(text, None)
        lsh = MinHashLSH(threshold=0.5, num_perm=64)
        for number, unit in enumerate(paragraphs + sentences):
            signature = MinHash(num_perm=64)
            signature.update_batch([str(s).encode() for s in unit.shingles])
            lsh.query(signature)
            lsh.insert(str(number), signature)
    return exact, time.process_time() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=200)
    parser.add_argument("--words", type=int, default=1000)
    parser.add_argument("--seed", type=int, default=3)
    parser.add_argument("--spacy-words-per-s", type=float, default=7700.0)
    args = parser.parse_args()
    rng = random.Random(args.seed)
    budget_ms = 0.10 * args.words / args.spacy_words_per_s * 1000
    figures: dict[str, object] = {"words_per_article": args.words, "budget_ms": round(budget_ms, 2)}
    print(f"budget: 10% of spaCy time for {args.words} words = {budget_ms:.1f} ms/article")
    print(f"{'kind':<8} {'ms/article (cpu)':>17} {'wall':>7} {'words/s':>10} {'share of spaCy':>15}")
    for kind in ("plain", "typical", "messy"):
        texts = [article(rng, words=args.words, kind=kind) for _ in range(args.articles)]
        words = sum(len(text.split()) for text in texts)
        seconds, wall = time_clean(texts)
        per_article_ms = seconds / len(texts) * 1000
        share = (seconds / words) / (1 / args.spacy_words_per_s)
        print(f"{kind:<8} {per_article_ms:>17.2f} {wall / len(texts) * 1000:>7.2f} "
              f"{words / seconds:>10,.0f} {share:>14.1%}")
        figures[kind] = {"ms_per_article": round(per_article_ms, 3),
                         "wall_ms_per_article": round(wall / len(texts) * 1000, 3),
                         "words_per_s": round(words / seconds), "share_of_spacy": round(share, 4)}
    texts = [article(rng, words=args.words, kind="messy") for _ in range(min(args.articles, 100))]
    exact, minhash = time_minhash(texts)
    print(f"duplicates: exact shingle index {exact / len(texts) * 1000:.2f} ms/article, "
          f"MinHash-LSH {minhash / len(texts) * 1000:.2f} ms/article")
    figures["duplicates_ms"] = {"exact": round(exact / len(texts) * 1000, 3),
                                "minhash_lsh": round(minhash / len(texts) * 1000, 3)}
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
