"""The bundled examples in a store, with the real models: ``ingest`` then ``report`` gives
what ``analyze`` gives, in one batch or several, and a batch that fails midway leaves the
store as it was."""

from __future__ import annotations

import shutil
from pathlib import Path

from rashomon.records import Report, from_dict, to_dict
from rashomon.report.json import render_json
from rashomon.report.markdown import render_markdown
from rashomon.store import ingest, list_stories, story_report

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def _story_of_analyze(report: Report, story_id: str) -> Report:
    """``analyze``'s report restricted to one story: the story, its articles, no skips."""
    story = next(s for s in report.stories if s.id == story_id)
    members = set(story.articles)
    return Report(articles=[a for a in report.articles if a.id in members], stories=[story],
                  warnings=[w for w in report.warnings if w.subject in members | {story_id}])


def test_ingest_then_report_gives_what_analyze_gives(analyzed: Report, examples_db) -> None:  # noqa: ANN001
    db, result = examples_db
    assert not analyzed.skipped and not result.skipped
    assert sorted(result.new) == sorted(a.id for a in analyzed.articles)
    listed = list_stories(db=db)
    assert [(s.id, s.articles) for s in listed] == [(s.id, len(s.articles)) for s in analyzed.stories]
    assert sorted(result.stories_rebuilt) == sorted(s.id for s in analyzed.stories)
    for story in analyzed.stories:
        stored = story_report(story.id, db=db)
        assert stored.stories[0].articles == story.articles
        expected = _story_of_analyze(analyzed, story.id)
        # the same JSON (findings, entities, quotes, coverage, articles with their claims) …
        assert render_json(stored) == render_json(expected)
        # … and the same Markdown, entity keys of every mention included
        assert render_markdown(stored) == render_markdown(expected)
        assert [to_dict(a) for a in stored.articles] == [to_dict(a) for a in expected.articles]
    assert any(s.conflicts for s in listed)  # the examples' planted conflicts are there


def test_a_stored_story_comes_back_as_a_record(examples_db) -> None:  # noqa: ANN001
    db, _ = examples_db
    for summary in list_stories(db=db):
        report = story_report(summary.id, db=db)
        assert from_dict(Report, to_dict(report)) == report


def test_ingesting_again_changes_nothing(examples_db, tmp_path: Path, store_snapshot, store_runs) -> None:  # noqa: ANN001
    db = tmp_path / "copy.duckdb"
    shutil.copy(examples_db[0], db)
    before = store_snapshot(db)
    again = ingest([EXAMPLES], db=db, manifest=EXAMPLES / "manifest.csv", sources=EXAMPLES / "sources.json")
    assert (again.new, again.skipped, again.stories_rebuilt, again.warnings) == ([], [], [], [])
    assert again.already_stored == [str(p) for p in sorted(EXAMPLES.glob("0*"))]
    assert store_snapshot(db) == before
    assert store_runs(db)[-1] == (2, "done", 0, 5, 0, 0, None)


def _stories(db: Path) -> dict[str, str]:
    return {s.id: render_json(story_report(s.id, db=db)) for s in list_stories(db=db)}


def test_two_batches_give_the_stories_of_one(batched, examples_db) -> None:  # noqa: ANN001
    # (the second call names no --sources: the registry stored by the first counts origins)
    assert len(batched.first.new) == 2 and len(batched.rest.new) == 3
    assert _stories(batched.db) == _stories(examples_db[0])


def test_a_batch_that_fails_midway_leaves_the_store_as_before(batched, store_runs) -> None:  # noqa: ANN001
    assert batched.after_failure == batched.before_failure
    assert batched.runs_after_failure[-1][:3] == (2, "failed", 0)
    assert "simulated failure" in batched.runs_after_failure[-1][-1]
    # and the next ingest stores the batch whole
    assert store_runs(batched.db)[-1][:3] == (3, "done", 3)
    assert set(batched.rest.stories_rebuilt) == set(_stories(batched.db))
