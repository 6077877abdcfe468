"""Article-extraction score on the Zyte article-extraction benchmark (AEB).

The folder holds ``html/<id>.html.gz`` (real article pages) and ``ground-truth.json``
(``{id: {"articleBody": …, "url": …}}``). Each page goes through ``rashomon.clean.extract_html``
— the exact HTML path of ``clean_article`` — and the extracted text is compared with
``articleBody``.

Score, per page: tokens are the maximal runs of word characters (regex ``\\w+``, Unicode) of
the lower-cased text; shingles are the *set* of 4 consecutive tokens (a text of 1–3 tokens is
one shingle of all its tokens; no tokens, no shingles). Precision = shared shingles / extracted
shingles, recall = shared / truth shingles, F1 their harmonic mean; a page where both sides are
empty scores 1, where one side is empty 0. Page scores are averaged (macro) over pages.
"""

from __future__ import annotations

import gzip
import json
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from rashomon.errors import DatasetError
from rashomon.settings import Settings

_TOKEN = re.compile(r"\w+")


@dataclass(frozen=True)
class PageScore:
    id: str
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True)
class AebScores:
    precision: float
    recall: float
    f1: float
    pages: int
    seconds_per_page: float = 0.0
    per_page: list[PageScore] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"AEB article bodies, {self.pages} pages, word 4-gram shingles: "
            f"P {self.precision:.4f} R {self.recall:.4f} F1 {self.f1:.4f} "
            f"({1000 * self.seconds_per_page:.1f} ms/page)"
        )


def shingles(text: str, *, size: int = 4) -> set[tuple[str, ...]]:
    """The set of lower-cased word ``size``-grams of ``text`` (see the module docstring)."""
    tokens = _TOKEN.findall(text.lower())
    if len(tokens) < size:
        return {tuple(tokens)} if tokens else set()
    return {tuple(tokens[i : i + size]) for i in range(len(tokens) - size + 1)}


def score_page(extracted: str, truth: str) -> tuple[float, float, float]:
    """(precision, recall, F1) of ``extracted`` against ``truth`` over word 4-gram shingles."""
    got, want = shingles(extracted), shingles(truth)
    if not got and not want:
        return 1.0, 1.0, 1.0
    if not got or not want:
        return 0.0, 0.0, 0.0
    shared = len(got & want)
    p, r = shared / len(got), shared / len(want)
    return p, r, (2 * p * r / (p + r) if shared else 0.0)


def load_aeb(root: str | Path) -> dict[str, dict[str, str]]:
    """The ground truth of the AEB folder at ``root``, checked against its pages."""
    root = Path(root)
    truth_file, html_dir = root / "ground-truth.json", root / "html"
    if not truth_file.is_file() or not html_dir.is_dir():
        raise DatasetError(
            f"{root} is not the Zyte AEB folder: expected ground-truth.json and html/ in it; "
            "point to the unpacked article-extraction-benchmark folder"
        )
    try:
        truth = json.loads(truth_file.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DatasetError(f"cannot read {truth_file} ({exc}); restore the original file") \
            from None
    if not isinstance(truth, dict) or not all(
        isinstance(v, dict) and isinstance(v.get("articleBody"), str) for v in truth.values()
    ):
        raise DatasetError(
            f"{truth_file} must map each page id to {{'articleBody': …, 'url': …}}"
        )
    missing = sorted(i for i in truth if not (html_dir / f"{i}.html.gz").is_file())
    if missing:
        raise DatasetError(
            f"{len(missing)} page(s) of {truth_file} have no html/<id>.html.gz (first: "
            f"{missing[0]}); restore the html folder"
        )
    return truth


def evaluate_aeb(
    root: str | Path, *, settings: Settings, progress: bool = False, limit: int | None = None
) -> AebScores:
    """Extract every AEB page (or the first ``limit`` by id) and score it; see the module
    docstring for the metric. ``progress`` prints the running count and the time per page."""
    from rashomon.clean import extract_html
    from rashomon.ingest.decode import Unreadable, decode

    truth = load_aeb(root)
    ids = sorted(truth)[:limit]
    per_page, elapsed = [], 0.0
    for number, page_id in enumerate(ids, 1):
        path = Path(root) / "html" / f"{page_id}.html.gz"
        try:
            data = gzip.decompress(path.read_bytes())
        except (OSError, EOFError) as exc:
            raise DatasetError(f"cannot read {path} ({exc}); restore the html folder") from None
        start = time.perf_counter()
        try:
            html = decode(data)  # as rashomon.ingest decodes an HTML file
        except Unreadable:
            extracted = ""
        else:
            extracted = extract_html(html, url=truth[page_id].get("url"), settings=settings.clean).text
        elapsed += time.perf_counter() - start
        per_page.append(PageScore(page_id, *score_page(extracted, truth[page_id]["articleBody"])))
        if progress and (number % 20 == 0 or number == len(ids)):
            print(f"{number}/{len(ids)} pages, {1000 * elapsed / number:.1f} ms/page",
                  file=sys.stderr)
    n = len(per_page) or 1
    return AebScores(
        precision=sum(p.precision for p in per_page) / n,
        recall=sum(p.recall for p in per_page) / n,
        f1=sum(p.f1 for p in per_page) / n,
        pages=len(per_page),
        seconds_per_page=elapsed / n,
        per_page=per_page,
    )
