"""The analysis stage in worker processes: the report does not depend on how many there are,
and an article that fails, in whatever process, is counted and passed on. Runs the real
models on the bundled examples."""

from __future__ import annotations

from pathlib import Path

import pytest

import rashomon.analysis.parse as parse
import rashomon.run.story as story
from rashomon.errors import ModelError
from rashomon.records import Article, RunWarning, Story
from rashomon.report.json import render_json
from rashomon.run.parallel import analyze_in_workers, build_stories_in_workers
from rashomon.run.story import StoryResult
from rashomon.run.pipeline import analyze
from rashomon.settings import Settings
from rashomon.sources import load_sources

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
SEEDS = ROOT.parent / "shared" / "seeds"


def _report_json(settings: Settings) -> str:
    # The seeds, where present, make a second story of several articles, so that stories are
    # compared in two processes too.
    paths = [EXAMPLES] + ([SEEDS] if SEEDS.is_dir() else [])
    report = analyze(paths, manifest=EXAMPLES / "manifest.csv", sources=EXAMPLES / "sources.json",
                     settings=settings)
    return render_json(report)


def test_the_report_is_byte_identical_whatever_the_number_of_workers() -> None:
    # Two workers, chunks of 2 articles and no pool threshold, so that two processes really
    # share the articles, against the defaults in one process (chunks of 32).
    one = _report_json(Settings().replace({"run": {"workers": 1}}))
    two = _report_json(
        Settings().replace({"analysis": {"batch_size": 2}, "run": {"workers": 2, "min_pool_articles": 0}})
    )
    assert one == two
    assert '"conflict"' in one


def _fake_analyze_articles(articles, *, settings, registry, warnings=None):  # noqa: ANN001, ANN202
    """Stands in for the parse: 'crash' in a text breaks its whole batch (as a parser error
    would), 'odd' fails that article alone (as an extraction error does)."""
    if any("crash" in a.text for a in articles):
        raise RuntimeError("the parser gave up")
    for article in articles:
        if "odd" in article.text and warnings is not None:
            warnings.append(RunWarning("analyze", article.id, f"{article.path}: odd"))
        article.title = f"analyzed in one of {len(articles)}"
        yield article


@pytest.mark.parametrize("workers", [1, 2])
def test_a_failing_article_is_its_own_warning_and_the_batch_goes_on(monkeypatch, workers: int) -> None:
    # Forked workers inherit the stand-ins.
    monkeypatch.setattr(parse, "analyze_articles", _fake_analyze_articles)
    monkeypatch.setattr(parse, "pipeline", lambda settings: None)
    texts = ["fine", "odd", "crash", "fine", "fine", "odd", "fine"]
    articles = [Article(id=f"a{i}", path=f"{i}.txt", text=t) for i, t in enumerate(texts)]
    settings = Settings().replace({"analysis": {"batch_size": 3}, "run": {"workers": workers, "min_pool_articles": 0}})
    warnings: list = []
    done: list[int] = []
    out = analyze_in_workers(articles, settings=settings, registry=load_sources(None),
                             warnings=warnings, done=done.append)
    assert [a.id for a in out] == [a.id for a in articles]
    # The crashed batch (articles 0-2) was run again article by article: 0 and 1 analyzed
    # alone, 2 passed on unanalyzed with the reason.
    assert [a.title for a in out] == ["analyzed in one of 1"] * 2 + [None] + ["analyzed in one of 3"] * 3 + [
        "analyzed in one of 1"
    ]
    assert [(w.subject, w.message.split(": ", 1)[1]) for w in warnings] == [
        ("a1", "odd"),
        ("a2", "analysis failed (RuntimeError: the parser gave up); its analysis is left empty"),
        ("a5", "odd"),
    ]
    assert sum(done) == len(articles)


def _fake_build_story(story_id, members, *, settings, registry, stage_times=None):  # noqa: ANN001, ANN202
    if story_id == "s-broken":
        raise ModelError("the embedding model is missing")
    stage_times["align"] = stage_times.get("align", 0.0) + 1.0
    return StoryResult(Story(id=story_id, title=str(settings.align.threads), articles=[a.id for a in members]))


@pytest.mark.parametrize("workers", [1, 2])
def test_stories_come_back_in_order_and_a_missing_model_stops_the_run(monkeypatch, workers: int) -> None:
    monkeypatch.setattr(story, "build_story", _fake_build_story)
    articles = [Article(id=f"a{i}", path=f"{i}.txt") for i in range(7)]
    stories = [("s1", articles[:3]), ("s2", articles[3:5]), ("s3", articles[5:6]), ("s4", articles[6:])]
    settings = Settings().replace({"run": {"workers": workers, "min_pool_articles": 0}})
    times: dict[str, float] = {}
    done: list[int] = []
    results = build_stories_in_workers(stories, settings=settings, registry=None, stage_times=times,
                                       done=done.append)
    assert [r.story.id for r in results] == ["s1", "s2", "s3", "s4"]
    assert [r.story.articles for r in results] == [[a.id for a in m] for _, m in stories]
    assert times == {"align": 4.0} and sum(done) == 4
    # In a pool each embedding model runs on one thread.
    assert {r.story.title for r in results} == {"0" if workers == 1 else "1"}
    with pytest.raises(ModelError, match="embedding model is missing"):
        build_stories_in_workers([*stories, ("s-broken", articles[:2])], settings=settings, registry=None)
