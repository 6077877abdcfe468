"""Copy detection: time per article at growing corpus sizes, and how well planted copies are found.

Corpora are built from the ECB+ news texts (read in place from ../shared/datasets/ecbplus):

- the real documents first (982; different outlets' reports, none planted);
- then, to reach larger sizes, synthetic articles of 12 sentences drawn at random from the pool
  of all ECB+ sentences (different texts that share words and topics, rarely a sentence);
- and in every corpus, planted copies of 5 % of the articles, made three ways: a light edit
  (about 3 % of words replaced, one sentence dropped), a copy with two paragraphs of another
  article added, and a cut (the first 60 % of the text).

Printed per size: articles, seconds, milliseconds per article, planted copies found (recall),
and copy pairs reported that were not planted (among the real ECB+ documents these are
reports by different sites of one wire text, or false alarms; they are listed with --show).
Usage::

    python bench/bench_copies.py --sizes 1000 10000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analyze import DEFAULT_CORPUS, load_texts

from rashomon.sources import load_sources
from rashomon.copies import copy_links, find_copies
from rashomon.records import Article
from rashomon.settings import Settings


def _edit(text: str, rng: random.Random, vocabulary: list[str]) -> str:
    lines = text.split("\n")
    if len(lines) > 3:
        del lines[rng.randrange(1, len(lines))]
    words = "\n".join(lines).split(" ")
    for _ in range(max(1, len(words) // 33)):
        words[rng.randrange(len(words))] = rng.choice(vocabulary)
    return " ".join(words)


def build_corpus(base: list[str], size: int, seed: int) -> tuple[list[Article], set[tuple[str, str]]]:
    rng = random.Random(seed)
    pool = [line for text in base for line in text.split("\n") if len(line.split()) > 4]
    vocabulary = sorted({w for line in pool[:5000] for w in line.split() if w.isalpha()})
    planted_count = size // 20
    texts = list(base[: size - planted_count])
    while len(texts) < size - planted_count:
        texts.append("\n".join(rng.sample(pool, 12)))
    articles = [Article(id=f"a{i:06d}", path=f"a{i:06d}.txt", text=t) for i, t in enumerate(texts)]
    planted: set[tuple[str, str]] = set()
    for k in range(planted_count):
        source = articles[rng.randrange(len(texts))]
        how = k % 3
        if how == 0:
            text = _edit(source.text, rng, vocabulary)
        elif how == 1:
            other = texts[rng.randrange(len(texts))].split("\n")
            text = source.text + "\n" + "\n".join(other[:2])
        else:
            text = source.text[: int(len(source.text) * 0.6)]
        copy = Article(id=f"c{k:06d}", path=f"c{k:06d}.txt", text=text)
        articles.append(copy)
        planted.add(tuple(sorted((copy.id, source.id))))
    return articles, planted


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000])
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--show", action="store_true", help="list the reported pairs that were not planted")
    args = parser.parse_args(argv)
    base = [text for _, text in load_texts(args.corpus, 10**6)]
    settings = Settings()
    registry = load_sources(None)
    print(f"{'articles':>9} {'seconds':>8} {'ms/article':>11} {'planted':>8} {'found':>6} {'recall':>7} {'other pairs':>12}")
    for size in args.sizes:
        articles, planted = build_corpus(base, size, args.seed)
        started = time.perf_counter()
        relations = find_copies(articles, settings=settings.copies, registry=registry)
        seconds = time.perf_counter() - started
        links = copy_links(relations)
        group_of = {a.id: links.get(a.id, a.id) for a in articles}
        found = {p for p in planted if group_of[p[0]] == group_of[p[1]]}
        reported = {tuple(sorted((r.article, r.original))) for r in relations}
        others = sorted(reported - planted)
        print(f"{size:>9} {seconds:>8.2f} {1000 * seconds / size:>11.3f} {len(planted):>8} "
              f"{len(found):>6} {len(found) / max(1, len(planted)):>7.3f} {len(others):>12}")
        if args.show:
            by_id = {a.id: a for a in articles}
            for a, b in others[:20]:
                print(f"  {a} ~ {b}: {by_id[a].text[:90]!r} / {by_id[b].text[:90]!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
