"""The two heavy stages of a run in worker processes (``rashomon.run.executor``), each exactly as
one process would run it: the analysis, a chunk of ``analyze.batch_size`` articles (one spaCy
batch) at a time, and the per-story stage, one story at a time, largest first. Runs of fewer
than ``run.min_pool_articles`` articles stay in this process."""

from __future__ import annotations

import functools
import logging
import signal
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from rashomon.records import Article, RunWarning
from rashomon.run.executor import forks_workers, map_chunks, worker_count
from rashomon.settings import AnalysisSettings, Settings

if TYPE_CHECKING:
    from rashomon.run.story import StoryResult
    from rashomon.sources import SourceRegistry

log = logging.getLogger(__name__)

Analyzed = tuple[Article, list[RunWarning]]


def analyze_in_workers(
    articles: Sequence[Article],
    *,
    settings: Settings,
    registry: SourceRegistry,
    warnings: list[RunWarning],
    done: Callable[[int], None] | None = None,
    meanwhile: Callable[[], object] | None = None,
) -> list[Article]:
    """The analyzed articles, in the order given; what failed for an article is appended to
    ``warnings`` (in article order) and the article passed on with what could be filled.
    ``done(n)`` is called as each chunk of ``n`` articles is finished; ``meanwhile()`` here
    while the workers work (``map_chunks``)."""
    from rashomon.analysis.parse import pipeline
    from rashomon.gazetteer import load as load_places

    analyze = settings.analysis
    pipeline(analyze)  # loaded once here; forked workers share it, others load their own
    workers = analysis_workers(settings, len(articles))
    if workers > 1 and forks_workers():
        load_places()  # for attribution
    results = map_chunks(
        functools.partial(analyze_chunk, settings=analyze, registry=registry),
        articles,
        workers=workers,
        chunk_size=analyze.batch_size,
        failed=analysis_failed,
        cost=_characters,
        initializer=_start_analysis_worker,
        initargs=(analyze, logging.getLogger().getEffectiveLevel()),
        done=done,
        meanwhile=meanwhile,
    )
    for _, article_warnings in results:
        warnings.extend(article_warnings)
    return [article for article, _ in results]


def analyze_chunk(articles: list[Article], *, settings: AnalysisSettings, registry: SourceRegistry) -> list[Analyzed]:
    """One chunk of articles through ``analyze_articles`` (one spaCy batch), each with the
    warnings it raised."""
    from rashomon.analysis.parse import analyze_articles

    warnings: list[RunWarning] = []
    out: list[Analyzed] = []
    # analyze_articles records an article's warning before it yields the article.
    for article in analyze_articles(articles, settings=settings, registry=registry, warnings=warnings):
        out.append((article, warnings[:]))
        warnings.clear()
    return out


def analysis_workers(settings: Settings, articles: int) -> int:
    """How many processes the analysis of ``articles`` articles runs in (1: this one)."""
    return _workers(settings, articles, articles, chunk_size=settings.analysis.batch_size)


def analysis_failed(article: Article, exc: BaseException) -> Analyzed:
    """An article whose parse itself failed: passed on as it is, with the reason."""
    message = f"{article.path}: analysis failed ({type(exc).__name__}: {exc}); its analysis is left empty"
    log.warning(message)
    return article, [RunWarning("analyze", article.id, message)]


def build_stories_in_workers(
    stories: Sequence[tuple[str, Sequence[Article]]],
    *,
    settings: Settings,
    registry: SourceRegistry | None,
    stage_times: dict[str, float] | None = None,
    done: Callable[[int], None] | None = None,
) -> list[StoryResult]:
    """``build_story`` of each ``(story id, members)``, in the order given. Stories of one
    article embed nothing and cost little: a pool is only used for two stories or more of
    several articles. In workers the embedding model runs on one thread (unless
    ``align.threads`` says otherwise): the workers are the parallelism, and a forked process
    had better start no OpenMP threads of its own where its parent already ran some.
    Similarities are rounded, so the thread count changes no result."""
    articles = sum(len(members) for _, members in stories)
    several = sum(1 for _, members in stories if len(members) > 1)
    workers = _workers(settings, articles, several, chunk_size=1)
    if workers > 1 and not settings.align.threads:
        settings = settings.replace({"align": {"threads": 1}})
    if workers > 1 and forks_workers():
        load_tables()
    results = map_chunks(
        functools.partial(build_story_chunk, settings=settings, registry=registry),
        list(stories),
        workers=workers,
        chunk_size=1,
        failed=_reraise,
        cost=_story_size,
        initializer=_start_story_worker,
        initargs=(logging.getLogger().getEffectiveLevel(),),
        done=done,
    )
    if stage_times is not None:
        for _, times in results:
            for name, seconds in times.items():
                stage_times[name] = stage_times.get(name, 0.0) + seconds
    return [result for result, _ in results]


def build_story_chunk(
    stories: list[tuple[str, Sequence[Article]]], *, settings: Settings, registry: SourceRegistry | None
) -> list[tuple[StoryResult, dict[str, float]]]:
    """``build_story`` of each story, with the seconds it spent per step (summed by the run)."""
    from rashomon.run.story import build_story

    out = []
    for story_id, members in stories:
        times: dict[str, float] = {}
        out.append((build_story(story_id, members, settings=settings, registry=registry, stage_times=times), times))
    return out


def _characters(articles: list[Article]) -> int:
    return sum(len(a.text) for a in articles)


def _story_size(stories: list[tuple[str, Sequence[Article]]]) -> int:
    # Alignment grows with the pairs of claims across a story's articles.
    return sum(sum(len(a.claims) for a in members) ** 2 for _, members in stories)


def _reraise(_: object, exc: BaseException) -> None:
    # The per-story stage guards its own steps; what escapes it (a missing model) stops the
    # run, in workers as in one process.
    raise exc


def _workers(settings: Settings, articles: int, items: int, *, chunk_size: int) -> int:
    if articles < settings.run.min_pool_articles:
        return 1
    return worker_count(settings.run.workers, items, chunk_size=chunk_size, min_items=2)


def load_tables() -> None:
    """Build here, before story workers are forked, the tables that each worker would
    otherwise build for itself: the places and the name romanisation tables (the places are
    built before the analysis workers are forked too, for attribution). On 300 ECB+ documents
    this process spends 0.8-1.0 CPU s more and the workers 3.3 s less (22.8 -> 19.5 s;
    bench/README.md). Tables adopted from another process (``rashomon.run.prepare``) are not
    built again."""
    from rashomon.gazetteer import load as load_places
    from rashomon.resolve.names import load_tables as load_name_tables

    load_places()
    load_name_tables()


def _start_analysis_worker(settings: AnalysisSettings, log_level: int) -> None:
    """In an analysis worker: logging, and the model (already there when the worker was forked
    from a process that had loaded it)."""
    from rashomon.analysis.parse import pipeline

    _start_story_worker(log_level)
    pipeline(settings)


def _start_story_worker(log_level: int) -> None:
    """In a worker: the parent's log level where logging was not inherited (spawned), and
    Ctrl-C left to the parent, which decides what stops (``ingest`` finishes its batch)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    root = logging.getLogger()
    if not root.handlers:
        root.setLevel(log_level)
