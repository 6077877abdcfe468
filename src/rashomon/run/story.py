"""The per-story stage: names, align and compare, quotes, origins and coverage for the members
of one story, as one pure function (``build_story``) that a local loop, a store or a cluster
engine can run story by story."""

from __future__ import annotations

import datetime as _dt
import hashlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from rashomon.align import compare_story
from rashomon.quote_groups import group_quotes
from rashomon.sources import SourceRegistry
from rashomon.embed import Embedder
from rashomon.errors import ModelError
from rashomon.origins import Origins
from rashomon.records import Article, Coverage, Entity, Finding, RunWarning, Story
from rashomon.resolve.entities import resolve_entities
from rashomon.resolve.names import name_key
from rashomon.resolve.offices import officeholders, with_offices
from rashomon.run.timing import timed
from rashomon.settings import Settings
from rashomon.titles import headline, is_dateline

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class StoryResult:
    """Everything ``build_story`` produces: the story (findings, entities, quote groups,
    coverage), the entity key of every mention of its members (``mention_keys[article id][n]``
    for the article's n-th mention, None when it names no entity), and what failed."""

    story: Story
    mention_keys: dict[str, list[str | None]] = field(default_factory=dict)
    warnings: list[RunWarning] = field(default_factory=list)


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


def build_story(
    story_id: str,
    members: Sequence[Article],
    *,
    settings: Settings,
    registry: SourceRegistry | None,
    embedder: Embedder | None = None,
    stage_times: dict[str, float] | None = None,
) -> StoryResult:
    """Names, findings, quote groups and coverage of one story, from its analyzed members.

    Changes nothing it is given: the entity keys it finds for the members' mentions come back
    in ``StoryResult.mention_keys`` (the members' own keys are as they were). A step that fails
    is left empty and reported in ``StoryResult.warnings``; a missing or wrong model raises
    ``ModelError``. ``embedder`` may be shared between stories (its model is loaded once per
    process either way)."""
    members = sorted(members, key=lambda a: (a.path, a.id))
    warnings: list[RunWarning] = []
    saved = {a.id: [m.key for m in a.mentions] for a in members}
    retyped: list = []
    try:
        with timed(stage_times, "names"):
            entities = _guarded(
                warnings, "names", story_id, lambda: resolve_entities(members, settings=settings.resolve), []
            )
            for entity in entities:
                entity.id = f"{story_id}.{entity.id}"
            for article in members:
                for mention in article.mentions:
                    if mention.key and not mention.key.startswith(f"{story_id}."):
                        mention.key = f"{story_id}.{mention.key}"
            # A speaker one report names with an office speaks as an official in all of them.
            holders = officeholders(members, entities)
            for entity in entities:
                entity.holds_office = entity.id in holders
            retyped = with_offices(members, entities)
        findings: list[Finding] = []
        quotes = []
        if len(members) > 1:
            embedder = embedder or Embedder(settings.align.embedding_model, threads=settings.align.threads or None)
            with timed(stage_times, "align"):
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
                        speaker_key=speaker_keys(members, entities),
                        settings=settings.align,
                        embedder=embedder,
                    ),
                    [],
                )
        keys = {a.id: [m.key for m in a.mentions] for a in members}
    finally:
        for article in members:
            for mention, key in zip(article.mentions, saved[article.id], strict=True):
                mention.key = key
        for item, attribution in retyped:
            item.attribution = attribution
    seen: set[str] = set()
    for finding in findings:
        finding.id = finding_id(story_id, finding)
        while finding.id in seen:  # (two findings on the very same evidence)
            finding.id += "x"
        seen.add(finding.id)
    days = published_days(members)
    for finding in findings:
        first_report(finding, days)
    dated = sorted(days.values())
    story = Story(
        id=story_id,
        title=_title(members),
        articles=[a.id for a in members],
        findings=findings,
        entities=entities,
        quotes=quotes,
        coverage=coverage(findings),
        first_report=dated[0].isoformat() if dated else None,
        last_report=dated[-1].isoformat() if dated else None,
    )
    return StoryResult(story=story, mention_keys=keys, warnings=warnings)


def _guarded(warnings: list[RunWarning], stage: str, story: str, step: Callable[[], T], default: T) -> T:
    """Run one per-story step; a failure is logged and counted, and never stops the run."""
    try:
        return step()
    except ModelError:
        raise  # a missing or wrong model fails every story alike: say so once, clearly
    except Exception as exc:  # noqa: BLE001
        message = f"{stage} failed ({type(exc).__name__}: {exc}); left empty"
        log.warning("story %s: %s", story, message)
        warnings.append(RunWarning(stage, story, message))
        return default


def published_days(members: Sequence[Article]) -> dict[str, _dt.date]:
    """The publication day of each dated member, by article id (undated members left out)."""
    days = {a.id: a.published_date for a in members}
    return {aid: day for aid, day in days.items() if day is not None}


def first_report(finding: Finding, days: dict[str, _dt.date]) -> None:
    """Set who reported ``finding`` first: the earliest day among its evidence's dated articles
    (``days``, from ``published_days``), with the outlets and articles of that day (several on
    a tie). An undated article cannot be first; with none dated the fields are left empty."""
    dated = [(days[e.article], e) for e in finding.evidence if e.article in days]
    if not dated:
        finding.first_reported, finding.first_outlets, finding.first_articles = None, [], []
        return
    first = min(day for day, _ in dated)
    finding.first_reported = first.isoformat()
    finding.first_outlets = sorted({e.outlet for day, e in dated if day == first})
    finding.first_articles = sorted({e.article for day, e in dated if day == first})


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


def speaker_keys(members: Sequence[Article], entities: Sequence[Entity]) -> dict[str, str]:
    """Speaker string → entity id, through the entity's surface variants."""
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
    """The earliest article's title that is no dateline, else the first article's first
    sentence without its dateline, cut at a word boundary (``rashomon.titles``)."""
    for article in sorted(members, key=lambda a: (a.published or "9999", a.path)):
        if article.title and not is_dateline(article.title):
            return article.title
    first = members[0]
    return headline(None, first.sentences[0].text if first.sentences else None) or first.path
