"""Corpus store: ingest time and store size per article beyond its text.

Ingests the bundled examples (and, with ``--ecbplus N``, in two halves, the first N ECB+ documents of the
topics that are not held out, as plain text files without dates) into fresh stores in a
temporary folder, and prints per store: articles, seconds (model loading included, as for a
user's first ingest), articles per second, and the size on disk:

- ``store file``: the size of the store file once closed (DuckDB checkpoints and compresses
  it; rows written over leave free blocks that later writes reuse, but the file does not
  shrink), ``copied afresh``: a fresh copy of it (``COPY FROM DATABASE``), and ``texts
  alone``: a DuckDB file holding only its articles' texts. Every table with rows takes whole
  256 KB blocks, so a small store is mostly that;
- with ``--ecbplus``, the documents go in two halves, and the growth of the store between
  them less the growth of its texts alone, per article added, is what an article costs on
  disk beyond its text;
- per table, the bytes of its text columns before compression, per article (what the JSON
  of the analyses and stories weighs).

With ``--agreement``, the stories of a store fed the analyzed ECB+ documents (all 982, the
held-out topics included: a whole-corpus clustering score) in batches of 25 and of 100, each
in three shuffled orders, are scored against ``cluster_stories`` over all of them at once
(B-cubed F1; ``rashomon.eval.store_batches``).

With ``--scale 1000 10000 100000``, a synthetic corpus grows in one store, and at each size
the assignment of the next ``--probe`` articles (``rashomon.store.stories.assign_stories``,
story records not built: their cost depends on the story, not on the corpus) is timed per
article, with the store's size per article beyond its text. Synthetic articles are
recombined from analyzed ECB+ documents of the topics that are not held out: an event takes
one gold story, a publication day (``--per-day`` articles a day, so that the corpus grows in
time as a news archive does) and 2-8 reports; a report mixes the sentences of two documents
of that gold story, shuffled, with every name replaced by a made-up name of the event (so two
events of one gold story are similar-but-different events, as ECB+'s are). They are written
straight into the store (no spaCy), 1,000 at a time through the same assignment.

Usage::

    python bench/bench_store.py
    python bench/bench_store.py --ecbplus 100
    python bench/bench_store.py --agreement
    python bench/bench_store.py --scale 1000 10000 100000
"""

from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import os
import pickle
import random
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analyze import DEFAULT_CORPUS, _DOC_NAME, document_text, ecb_documents

from rashomon.records import RECORDS_SCHEMA, Article, Mention, Sentence
from rashomon.settings import Settings
from rashomon.store import ingest
from rashomon.store.articles import write_articles
from rashomon.store.schema import TABLES, create_schema
from rashomon.store.stories import assign_stories

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
HELD_OUT = {7, 12, 20, 23, 24, 37, 41, 44}  # ECB+ topics never read in this project


def ecb_texts(corpus: Path, n: int, folder: Path) -> Path:
    """The first ``n`` ECB+ documents outside the held-out topics, as .txt files in ``folder``."""
    docs = [p for p in ecb_documents(corpus) if int(_DOC_NAME.search(p.name)[1]) not in HELD_OUT][:n]
    folder.mkdir()
    for path in docs:
        (folder / (path.stem + ".txt")).write_text(document_text(path) + "\n", encoding="utf-8")
    return folder


def compact_kb(db: Path, *, texts_only: bool = False) -> float:
    """The size of a fresh copy of the store (``COPY FROM DATABASE``: no free blocks left by
    rewritten rows), or of a DuckDB file holding only its articles' ids and texts."""
    copy = db.with_suffix(f".copy{time.monotonic_ns()}.duckdb")
    con = duckdb.connect(str(copy))
    con.execute(f"ATTACH '{db}' AS store (READ_ONLY)")
    if texts_only:
        con.execute("CREATE TABLE articles AS SELECT id, text FROM store.articles")
    else:
        con.execute(f"COPY FROM DATABASE store TO {con.execute('SELECT current_database()').fetchone()[0]}")
    con.close()
    return copy.stat().st_size / 1024


def column_bytes(db: Path) -> dict[str, float]:
    """Per table, the bytes of its text columns before compression, per article (the
    articles' text left out)."""
    con = duckdb.connect(str(db), read_only=True)
    articles = max(con.execute("SELECT count(*) FROM articles").fetchone()[0], 1)
    out = {}
    for table in TABLES:
        columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall()
                   if r[1] == "VARCHAR" and (table, r[0]) != ("articles", "text")]
        total = " + ".join(f"coalesce(sum(strlen({c})), 0)" for c in columns)
        out[table] = con.execute(f"SELECT {total} FROM {table}").fetchone()[0] / articles
    con.close()
    return out


def measure(name: str, paths: list[Path], db: Path, **options: object) -> tuple[int, float, float]:
    """Ingest ``paths``, print what it took, and return the store's articles, used KB and
    used KB of its texts alone."""
    started = time.perf_counter()
    result = ingest(paths, db=db, **options)
    seconds = time.perf_counter() - started
    n = len(result.new)
    con = duckdb.connect(str(db), read_only=True)
    total = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    con.close()
    used, text = compact_kb(db), compact_kb(db, texts_only=True)
    print(f"{name}: {n} new articles ({total} stored), {len(result.skipped)} skipped, "
          f"{result.stories} stories, {seconds:.1f} s ({n / seconds:.2f} articles/s)")
    print(f"  store file {db.stat().st_size / 1024:.0f} KB, copied afresh {used:.0f} KB, its texts "
          f"alone {text:.0f} KB")
    print("  uncompressed text columns per article (the text left out): " + ", ".join(
        f"{t} {b / 1024:.1f} KB" for t, b in column_bytes(db).items() if b >= 50))
    return total, used, text


def analyzed_ecbplus(corpus: Path, cache: Path | None) -> tuple[list, list[Article]]:
    """The ECB+ documents and their analyzed articles (spaCy; from ``cache`` when it exists,
    written there otherwise)."""
    from rashomon.eval.ecbplus import analyze_documents, read_corpus

    if cache is not None and cache.exists():
        return pickle.loads(cache.read_bytes())
    started = time.perf_counter()
    documents = read_corpus(corpus)
    articles = analyze_documents(documents, settings=Settings())
    print(f"analyzed {len(articles)} ECB+ documents in {time.perf_counter() - started:.0f} s", flush=True)
    if cache is not None:
        cache.write_bytes(pickle.dumps((documents, articles)))
    return documents, articles


def agreement(documents: list, articles: list[Article]) -> None:
    from rashomon.cluster import cluster_stories
    from rashomon.eval.store_batches import batch_agreement

    settings = Settings()
    started = time.perf_counter()
    whole = cluster_stories(articles, settings=settings.cluster)
    print(f"cluster_stories over {len(articles)} ECB+ articles: {len(whole)} stories, "
          f"{time.perf_counter() - started:.1f} s")
    for batch_size in (25, 100):
        for seed in (1, 2, 3):
            started = time.perf_counter()
            f1, run = batch_agreement(articles, settings=settings, batch_size=batch_size, seed=seed, at_once=whole)
            seconds = time.perf_counter() - started
            print(f"  batches of {batch_size}, order {seed}: B3 F1 {f1:.4f} against at once, "
                  f"{len(run.stories)} stories, {seconds:.1f} s ({1000 * seconds / len(articles):.1f} ms per "
                  f"article), most rounds {max(a.rounds for a in run.assignments)}, largest "
                  f"neighbourhood {max(a.local for a in run.assignments)} articles", flush=True)


_LABELS = {"PERSON", "ORG", "GPE", "LOC", "FAC", "NORP", "EVENT", "PRODUCT", "WORK_OF_ART"}
_SYLLABLES = "ka lo mi ret vos an tal ir per ug zen dor bel cu fa sim ow rak nu tes gar pol vin".split()


def synthetic_articles(
    templates: dict[str, list[Article]], *, per_day: float, seed: int, start: dt.date = dt.date(2000, 1, 1)
) -> Iterator[Article]:
    """An endless stream of synthetic reports, in publication order (see the module docstring)."""
    rng = random.Random(seed)
    stories = sorted(templates)
    produced = event = 0
    while True:
        event += 1
        documents = templates[rng.choice(stories)]
        day = start + dt.timedelta(days=int(produced / per_day))
        fake: dict[str, str] = {}

        def made_up(name: str) -> str:
            if name not in fake:
                fake[name] = " ".join("".join(rng.choice(_SYLLABLES) for _ in range(3)).capitalize()
                                      for _ in name.split())
            return fake[name]

        for report in range(rng.randint(2, 8)):
            a, b = (rng.sample(documents, 2) if len(documents) > 1 else documents * 2)
            chosen = [s.text for s in a.sentences] + rng.sample([s.text for s in b.sentences], len(b.sentences) // 2)
            rng.shuffle(chosen)
            mentions = [m for m in a.mentions + b.mentions if any(m.text in t for t in chosen)]
            names = sorted({m.text for m in mentions if m.label in _LABELS and len(m.text) > 2}, key=len, reverse=True)
            text_parts = []
            for sentence in chosen:
                for name in names:
                    sentence = sentence.replace(name, made_up(name))
                text_parts.append(sentence)
            sentences, offset = [], 0
            for n, part in enumerate(text_parts):
                sentences.append(Sentence(n, offset, offset + len(part), part))
                offset += len(part) + 1
            published = day + dt.timedelta(days=rng.randint(0, 3))
            digest = hashlib.blake2b(f"{seed}|{event}|{report}".encode(), digest_size=5).hexdigest()
            yield Article(
                id="a" + digest, path=f"synthetic/{event}/{report}.txt", text="\n".join(text_parts),
                outlet=f"outlet{rng.randint(1, 60)}", published=published.isoformat(), language="en",
                sentences=sentences,
                mentions=[Mention(made_up(m.text) if m.text in names else m.text, m.label, m.start, m.end, 0)
                          for m in mentions],
                times=[t for t in a.times if t.value],
            )
            produced += 1


def _take(stream: Iterator[Article], n: int) -> list[Article]:
    return [next(stream) for _ in range(n)]


def _assign(con: duckdb.DuckDBPyConnection, batch: Sequence[Article], settings: Settings) -> float:
    """Store a batch and assign it (one transaction); seconds the assignment took."""
    con.begin()
    write_articles(con, batch, [], run=1, fingerprint="bench", manifest=None)
    started = time.perf_counter()
    assign_stories(con, batch, settings=settings, registry=None, fingerprint="bench", run=1, build=False)
    seconds = time.perf_counter() - started
    con.commit()
    return seconds


def scale(articles: list[Article], documents: list, sizes: list[int], *, per_day: float, probe: int, folder: Path) -> None:
    settings = Settings()
    templates: dict[str, list[Article]] = {}
    for document, article in zip(documents, articles, strict=True):
        if int(document.story.split("/")[0]) not in HELD_OUT:
            templates.setdefault(document.story, []).append(article)
    stream = synthetic_articles(templates, per_day=per_day, seed=7)
    db = folder / "scale.duckdb"
    con = duckdb.connect(str(db))
    create_schema(con, records_schema=RECORDS_SCHEMA)
    stored = 0
    fill_seconds, fill_count = 0.0, 0
    print(f"synthetic corpus: {per_day:g} articles a day; assignment timed on the next {probe} "
          "articles in batches of 100 at each size", flush=True)
    for size in sorted(sizes):
        while stored < size:
            batch = _take(stream, min(1000, size - stored))
            fill_seconds += _assign(con, batch, settings)
            fill_count += len(batch)
            stored += len(batch)
        con.execute("CHECKPOINT")
        times = sorted(_assign(con, _take(stream, 100), settings) * 10 for _ in range(max(1, probe // 100)))
        stored += 100 * len(times)
        con.execute("CHECKPOINT")
        stories = con.execute("SELECT count(*) FROM stories").fetchall()[0][0]
        con.close()
        used, text = compact_kb(db), compact_kb(db, texts_only=True)
        con = duckdb.connect(str(db))
        print(f"  {size} stored: assignment {times[len(times) // 2]:.2f} ms per article (median of "
              f"{len(times)} batches of 100; fastest {times[0]:.2f}, slowest {times[-1]:.2f}); load average "
              f"{os.getloadavg()[0]:.1f}; {stories} stories; filling in batches of 1000 so far "
              f"{1000 * fill_seconds / fill_count:.2f} ms per article; store beyond texts "
              f"{(used - text) / stored:.1f} KB per article (fresh copy {used / 1024:.0f} MB, texts alone "
              f"{text / 1024:.0f} MB)", flush=True)
    con.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecbplus", type=int, default=0, help="also ingest this many ECB+ documents")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--agreement", action="store_true", help="batched against at-once stories on ECB+")
    parser.add_argument("--scale", type=int, nargs="*", default=[], help="stored sizes for the synthetic corpus")
    parser.add_argument("--per-day", type=float, default=20.0, help="synthetic articles a day")
    parser.add_argument("--probe", type=int, default=500, help="articles assigned and timed at each size")
    parser.add_argument("--cache", type=Path, help="a pickle of the analyzed ECB+ documents (made if missing)")
    parser.add_argument("--no-examples", action="store_true", help="skip ingesting the bundled examples")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if not args.no_examples:
            measure("examples", [EXAMPLES], folder / "examples.duckdb",
                    manifest=EXAMPLES / "manifest.csv", sources=EXAMPLES / "sources.json")
        if args.ecbplus:
            texts = ecb_texts(args.corpus, args.ecbplus, folder / "ecbplus")
            files = sorted(texts.iterdir())
            half = len(files) // 2
            db = folder / "ecbplus.duckdb"
            n1, used1, text1 = measure("ECB+, first half", files[:half], db)
            n2, used2, text2 = measure("ECB+, second half", files[half:], db)
            beyond = ((used2 - used1) - (text2 - text1)) / max(n2 - n1, 1)
            print(f"growth from {n1} to {n2} articles: {beyond:.1f} KB per article beyond its "
                  f"text (store growth less text-only growth; 256 KB blocks)")
        if args.agreement or args.scale:
            documents, articles = analyzed_ecbplus(args.corpus, args.cache)
            if args.agreement:
                agreement(documents, articles)
            if args.scale:
                scale(articles, documents, args.scale, per_day=args.per_day, probe=args.probe, folder=folder)


if __name__ == "__main__":
    main()
