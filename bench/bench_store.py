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

Usage::

    python bench/bench_store.py
    python bench/bench_store.py --ecbplus 100
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_analyze import DEFAULT_CORPUS, _DOC_NAME, document_text, ecb_documents

from rashomon.store import ingest
from rashomon.store.schema import TABLES

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


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ecbplus", type=int, default=0, help="also ingest this many ECB+ documents")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
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


if __name__ == "__main__":
    main()
