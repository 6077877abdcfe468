"""The whole job, stage by stage, on this machine: read → clean → analyse → stories →
names → align and compare → report."""

from __future__ import annotations

import hashlib
import logging
import time
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from rashomon.records import Article, Coverage, Entity, Finding, Report, RunWarning, Skipped, Story
from rashomon.settings import Settings

log = logging.getLogger(__name__)


@contextmanager
def _timed(stage_times: dict[str, float] | None, name: str) -> Iterator[None]:
    started = time.perf_counter()
    try:
        yield
    finally:
        if stage_times is not None:
            stage_times[name] = stage_times.get(name, 0.0) + time.perf_counter() - started


def _progress(items: Iterable, *, enabled: bool, total: int | None, desc: str) -> Iterable:
    if not enabled:
        return items
    from tqdm import tqdm

    return tqdm(items, total=total, desc=desc, unit="article", leave=False)


def analyze(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    settings: Settings | None = None,
    sources: str | Path | None = None,
    progress: bool = False,
    stage_times: dict[str, float] | None = None,
) -> Report:
    """Read the articles under ``paths`` and report, story by story, what their sources
    corroborate, where they conflict and what only one of them says.

    ``manifest`` is an optional CSV/JSON sidecar with per-file outlet, publication date, url
    and language; ``sources`` an optional file of extra outlets for the source registry.
    Inputs that cannot be analysed are listed in ``Report.skipped`` with a reason.
    """
    from rashomon.ingest import read_inputs

    settings = settings or Settings()
    items = read_inputs(paths, manifest=manifest, settings=settings, exclude=[sources] if sources else ())
    return run_pipeline(
        items, settings=settings, sources=sources, progress=progress, stage_times=stage_times
    )


def clean(
    paths: Sequence[str | Path],
    *,
    manifest: str | Path | None = None,
    settings: Settings | None = None,
) -> tuple[list[Article], list[Skipped]]:
    """The extraction stage on its own: cleaned articles and skipped inputs."""
    from rashomon.clean import clean_articles
    from rashomon.ingest import read_inputs

    settings = settings or Settings()
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for item in clean_articles(read_inputs(paths, manifest=manifest, settings=settings), settings=settings):
        (skipped if isinstance(item, Skipped) else articles).append(item)
    return sorted(articles, key=_article_order), sorted(skipped, key=lambda s: s.path)


def _article_order(article: Article) -> tuple[str, str]:
    return (article.path, article.id)


def run_pipeline(
    items: Iterable[Article | Skipped],
    *,
    settings: Settings,
    sources: str | Path | None = None,
    progress: bool = False,
    stage_times: dict[str, float] | None = None,
) -> Report:
    """Run every stage over raw articles (``Article.raw`` set) and skipped entries."""
    from rashomon.analyse.attribution import load_sources
    from rashomon.analyse.parse import analyse_articles
    from rashomon.clean import clean_articles
    from rashomon.cluster import cluster_stories

    report = Report()
    registry = load_sources(sources)
    with _timed(stage_times, "read+clean"):
        articles: list[Article] = []
        for item in clean_articles(items, settings=settings):
            if isinstance(item, Skipped):
                report.skipped.append(item)
            else:
                articles.append(item)
    articles.sort(key=_article_order)
    report.skipped.sort(key=lambda s: s.path)

    with _timed(stage_times, "analyse"):
        analysed = list(
            _progress(
                analyse_articles(
                    articles, settings=settings, registry=registry, warnings=report.warnings
                ),
                enabled=progress,
                total=len(articles),
                desc="analysing",
            )
        )
    report.articles = analysed

    with _timed(stage_times, "copies"):
        from rashomon.copies import find_copies

        find_copies(analysed, settings=settings.copies, registry=registry)

    with _timed(stage_times, "stories"):
        groups = cluster_stories(analysed, settings=settings.cluster)
    by_id = {a.id: a for a in analysed}
    stories = [[by_id[i] for i in group] for group in groups]
    stories.sort(key=lambda members: (-len(members), min(_article_order(a) for a in members)))

    embedder = None
    for members in stories:
        members.sort(key=_article_order)
        story, embedder = _build_story(
            story_id_of(members),
            members,
            settings=settings,
            embedder=embedder,
            stage_times=stage_times,
            warnings=report.warnings,
            registry=registry,
        )
        report.stories.append(story)
    return report


def story_id_of(members: Sequence[Article]) -> str:
    """A story's id, from its earliest member's id (article ids are content hashes): the same
    whatever other stories the run holds, and never another story's (each article is in one
    story)."""
    return "s" + min(a.id for a in members).removeprefix("a")


def finding_id(story: str, finding: Finding) -> str:
    """A finding's id, from its story and its evidence (the same claims, the same id)."""
    evidence = "|".join(f"{e.article}:{e.start}:{e.end}:{e.value}" for e in finding.evidence)
    digest = hashlib.blake2b(f"{finding.kind}|{finding.slot}|{evidence}".encode(), digest_size=4).hexdigest()
    return f"{story}.f{digest}"


def _guarded(warnings: list[RunWarning], stage: str, story: str, step, default):  # noqa: ANN001, ANN202
    """Run one per-story step; a failure is logged and counted, and never stops the run."""
    from rashomon.errors import ModelError

    try:
        return step()
    except ModelError:
        raise  # a missing or wrong model fails every story alike: say so once, clearly
    except Exception as exc:  # noqa: BLE001
        message = f"{stage} failed ({type(exc).__name__}: {exc}); left empty"
        log.warning("story %s: %s", story, message)
        warnings.append(RunWarning(stage, story, message))
        return default


def _build_story(story_id, members, *, settings, embedder, stage_times, warnings, registry):  # noqa: ANN001, ANN202
    from rashomon.align import compare_story, group_quotes
    from rashomon.embed import Embedder
    from rashomon.origins import Origins
    from rashomon.resolve.entities import resolve_entities

    with _timed(stage_times, "names"):
        entities = _guarded(
            warnings,
            "names",
            story_id,
            lambda: resolve_entities(members, settings=settings.resolve),
            [],
        )
        for entity in entities:
            entity.id = f"{story_id}.{entity.id}"
        # Entity ids are per story; mention keys follow.
        for article in members:
            for mention in article.mentions:
                if mention.key and not mention.key.startswith(f"{story_id}."):
                    mention.key = f"{story_id}.{mention.key}"
    findings = []
    quotes = []
    if len(members) > 1:
        if embedder is None:
            embedder = Embedder(settings.align.embedding_model, threads=settings.align.threads or None)
        with _timed(stage_times, "align"):
            findings = _guarded(
                warnings,
                "align",
                story_id,
                lambda: compare_story(
                    members,
                    settings=settings.align,
                    embedder=embedder,
                    origins=Origins(members, registry=registry, entities=entities),
                ),
                [],
            )
            quotes = _guarded(
                warnings,
                "quotes",
                story_id,
                lambda: group_quotes(
                    members,
                    speaker_key=_speaker_keys(members, entities),
                    settings=settings.align,
                    embedder=embedder,
                ),
                [],
            )
    seen: set[str] = set()
    for finding in findings:
        finding.id = finding_id(story_id, finding)
        while finding.id in seen:  # (two findings on the very same evidence)
            finding.id += "x"
        seen.add(finding.id)
    story = Story(
        id=story_id,
        title=_title(members),
        articles=[a.id for a in members],
        findings=findings,
        entities=entities,
        quotes=quotes,
        coverage=coverage(findings),
    )
    return story, embedder


def coverage(findings: Sequence[Finding]) -> Coverage:
    """What a story's claims rest on (every finding is one claim: unique, corroborated, or
    corroborated with a detail that differs)."""
    out = Coverage()
    for finding in findings:
        # Conflict and update findings are corroborated claims with a detail that differs.
        out.claims += 1
        # A person's words carried by state media rest on state media.
        types = {o.via.type if o.via is not None else o.type for o in finding.origins}
        if len(types) == 1:
            only = next(iter(types))
            out.by_origin_type[only] = out.by_origin_type.get(only, 0) + 1
            if only == "state_media":
                out.only_state_media.append(finding.id)
            elif only == "anonymous_source":
                out.only_anonymous.append(finding.id)
        if finding.outlets <= 1:
            out.single_outlet.append(finding.id)
        if finding.independent_origins <= 1:
            out.single_origin.append(finding.id)
    out.by_origin_type = dict(sorted(out.by_origin_type.items()))
    return out


def _speaker_keys(members: Sequence[Article], entities: Sequence[Entity]) -> dict[str, str]:
    """Speaker string → entity id, through the entity's surface variants."""
    from rashomon.resolve.names import name_key

    keys: dict[str, str] = {}
    by_key: dict[str, str] = {}
    for entity in entities:
        if entity.type != "PERSON":
            continue
        for variant in [entity.name, *entity.variants]:
            by_key.setdefault(name_key(variant), entity.id)
    for article in members:
        for quote in article.quotes:
            if quote.speaker and quote.speaker not in keys:
                entity_id = by_key.get(name_key(quote.speaker))
                if entity_id is None:
                    # "the Marshal [Kim Jong Un]", "Kim" … : the mention at the speaker span.
                    for m in article.mentions:
                        if (
                            m.key
                            and quote.speaker_start is not None
                            and m.start < (quote.speaker_end or 0)
                            and quote.speaker_start < m.end
                        ):
                            entity_id = m.key
                            break
                if entity_id is not None:
                    keys[quote.speaker] = entity_id
    return keys


def _title(members: Sequence[Article]) -> str:
    for article in sorted(members, key=lambda a: (a.published or "9999", a.path)):
        if article.title:
            return article.title
    first = members[0]
    return first.sentences[0].text[:120] if first.sentences else first.path
