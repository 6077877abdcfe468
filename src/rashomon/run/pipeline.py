"""The whole job, stage by stage, on this machine: read → clean → analyze → stories →
names → align and compare → report."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from rashomon.clean import clean_articles
from rashomon.copies import copy_links, find_copies
from rashomon.ingest import drop_duplicates, read_inputs
from rashomon.records import Article, Report, Skipped
from rashomon.run.parallel import analyze_in_workers, build_stories_in_workers
from rashomon.run.prepare import ReadAhead
from rashomon.run.progress import Progress, progress_for
from rashomon.run.timing import timed
from rashomon.settings import Settings
from rashomon.sources import load_sources

if TYPE_CHECKING:
    from rashomon.ingest.discover import Paths


def analyze(
    paths: Paths,
    *,
    manifest: str | Path | None = None,
    settings: Settings | None = None,
    sources: str | Path | None = None,
    progress: bool | Progress = False,
    stage_times: dict[str, float] | None = None,
) -> Report:
    """Read the articles under ``paths`` (files or folders, web archives, feeds, URL lists or
    http(s) URLs, fetched under ``settings.fetch``) and report, story by story, what their
    sources corroborate, where they conflict and what only one of them says.

    ``manifest`` is an optional CSV/JSON sidecar with per-file outlet, publication date, url
    and language; ``sources`` an optional file of extra outlets for the source registry.
    Inputs that cannot be analyzed are listed in ``Report.skipped`` with a reason.
    ``progress``: True shows each stage on standard error, a ``Progress`` on its stream.
    Articles are analyzed, and stories compared, in ``settings.run.workers`` processes (0: one
    per core); the report is the same whatever their number.
    """

    settings = settings or Settings()
    items = read_inputs(paths, manifest=manifest, settings=settings.ingest, fetch=settings.fetch,
                        exclude=[sources] if sources else ())
    return run_pipeline(
        items, settings=settings, sources=sources, progress=progress, stage_times=stage_times
    )


def clean(
    paths: Paths,
    *,
    manifest: str | Path | None = None,
    settings: Settings | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """The extraction stage on its own: cleaned articles and skipped inputs."""

    settings = settings or Settings()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in drop_duplicates(clean_articles(read_inputs(paths, manifest=manifest, settings=settings.ingest, fetch=settings.fetch), settings=settings.clean)):
        (skipped if isinstance(item, Skipped) else articles).append(item)
    return sorted(articles, key=_article_order), sorted(skipped, key=lambda s: s.path)


def _article_order(article: Article) -> tuple[str, str]:
    return (article.path, article.id)


def run_pipeline(
    items: Iterable[Article | Skipped],
    *,
    settings: Settings,
    sources: str | Path | None = None,
    progress: bool | Progress = False,
    stage_times: dict[str, float] | None = None,
) -> Report:
    """Run every stage over raw articles (``Article.raw`` set) and skipped entries.

    ``progress`` as for ``analyze``: reading and cleaning (one stream, so that raw pages are
    never all held at once), analyzing, copies, stories, then story by story."""

    from rashomon.analysis.parse import pipeline

    shown = progress_for(progress)
    report = Report()
    registry = load_sources(sources)
    with ReadAhead(items, settings=settings, progress=shown, stage_times=stage_times) as reader:
        # Where the inputs are read and cleaned in another process, spaCy is loaded meanwhile.
        pipeline(settings.analysis)
        articles: list[Article] = []
        for item in reader.cleaned():
            if isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                articles.append(item)
        articles.sort(key=_article_order)
        report.skipped.sort(key=lambda s: s.path)

        with timed(stage_times, "analyze"), shown.stage("analyzing", total=len(articles)) as advance:
            analyzed = analyze_in_workers(
                articles, settings=settings, registry=registry, warnings=report.warnings, done=advance,
                meanwhile=lambda: _while_analyzing(reader),
            )
    from rashomon.cluster import cluster_stories
    from rashomon.resolve.offices import with_offices
    from rashomon.run.story import story_id_of

    report.articles = analyzed

    with timed(stage_times, "copies"), shown.stage("finding copies", unit=None):

        links = copy_links(find_copies(analyzed, settings=settings.copies, registry=registry))
        for article in analyzed:
            article.copy_of = links.get(article.id)

    with timed(stage_times, "stories"), shown.stage("grouping stories", unit=None):
        groups = cluster_stories(analyzed, settings=settings.cluster)
    by_id = {a.id: a for a in analyzed}
    stories = [[by_id[i] for i in group] for group in groups]
    stories.sort(key=lambda members: (-len(members), min(_article_order(a) for a in members)))

    with shown.stage("comparing story by story", total=len(stories), unit="story") as advance:
        results = build_stories_in_workers(
            [(story_id_of(members), members) for members in stories],
            settings=settings,
            registry=registry,
            stage_times=stage_times,
            done=advance,
        )
    for members, result in zip(stories, results, strict=True):
        for article in members:
            for mention, key in zip(article.mentions, result.mention_keys[article.id], strict=True):
                mention.key = key
        with_offices(members, result.story.entities)
        report.warnings.extend(result.warnings)
        report.stories.append(result.story)
    return report


def _while_analyzing(reader: ReadAhead) -> None:
    """What the later stages need and the analysis workers do not, taken while they work:
    the name tables read ahead, and the modules of the later stages, which this module does
    not import at its top for that reason (scipy's, for grouping stories: 0.3 s)."""
    reader.finish()
    import rashomon.cluster  # noqa: F401
    import rashomon.run.story  # noqa: F401
