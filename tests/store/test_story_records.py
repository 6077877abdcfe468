"""Story records in the store: they come back whole, and a story stored before fields were
added to the records (issue 11's timelines) reads back with those fields at their defaults."""

from __future__ import annotations

import json
from pathlib import Path

from rashomon.records import Evidence, Finding, Story, to_dict
from rashomon.run.story import StoryResult
from rashomon.store import open_store
from rashomon.store.stories import read_story, write_story


def _story() -> Story:
    finding = Finding(
        kind="corroborated", slot=None, id="s1.f1", outlets=2, independent_origins=2,
        evidence=[Evidence("a1", "Wire", "The ferry sank.", 0, 15), Evidence("a2", "Daily", "The ferry sank.", 0, 15)],
        first_reported="2024-02-17", first_outlets=["Daily", "Wire"], first_articles=["a1", "a2"],
    )
    return Story(id="s1", title="Ferry", articles=["a1", "a2"], findings=[finding],
                 first_report="2024-02-17", last_report="2024-02-17")


def test_a_stored_story_comes_back_with_its_timeline(tmp_path: Path) -> None:
    with open_store(tmp_path / "s.duckdb", create=True) as store:
        with store.transaction() as con:
            write_story(con, StoryResult(story=_story()), inputs="x", fingerprint="f", run=1)
        assert read_story(store.con, "s1").story == _story()


def test_a_story_stored_without_the_timeline_fields_reads_back_with_them_empty(tmp_path: Path) -> None:
    old = to_dict(_story())
    for name in ("first_report", "last_report"):
        del old[name]
    for finding in old["findings"]:
        for name in ("first_reported", "first_outlets", "first_articles"):
            del finding[name]
    with open_store(tmp_path / "s.duckdb", create=True) as store:
        with store.transaction() as con:
            write_story(con, StoryResult(story=_story()), inputs="x", fingerprint="f", run=1)
            con.execute("UPDATE stories SET record = ? WHERE id = 's1'", [json.dumps(old)])
        story = read_story(store.con, "s1").story
    assert (story.first_report, story.last_report) == (None, None)
    (finding,) = story.findings
    assert (finding.first_reported, finding.first_outlets, finding.first_articles) == (None, [], [])
    assert finding.evidence == _story().findings[0].evidence and finding.outlets == 2
