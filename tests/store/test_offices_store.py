"""A speaker one report titles is an official in the reports that name the speaker bare, in a
report read back from the store as in ``analyze``'s (rashomon.resolve.offices)."""

from __future__ import annotations

from pathlib import Path

from rashomon.run.pipeline import analyze
from rashomon.store import ingest, list_stories, story_report

TITLED = """Texas inmate escapes during prison transfer

HUNTSVILLE, Texas - A convicted sex offender who used a wheelchair escaped on Tuesday while he was being moved between two Texas prisons, overpowering two guards near Huntsville.

The inmate, Arcade Comeaux, took the guards' weapons and fled on foot, Department of Criminal Justice spokeswoman Michelle Lyons said.

Police and dogs searched the woods near Huntsville through the night for the escaped inmate.
"""
BARE = """Wheelchair inmate flees guards near Huntsville

A Texas inmate who claimed to need a wheelchair overpowered two guards on Tuesday near Huntsville and escaped while being moved between prisons.

Arcade Comeaux handcuffed the two guards and fled on foot wearing one of their uniforms, Lyons said.

Officers and tracking dogs searched the woods near Huntsville for the escaped inmate overnight.
"""


def _speakers(report) -> dict[str, str]:  # noqa: ANN001
    return {
        c.attribution.name: c.attribution.type
        for a in report.articles for c in a.claims if c.attribution is not None and c.attribution.name
    }


def test_a_titled_speaker_is_an_official_in_the_bare_report_in_the_store_as_in_analyze(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "titled.txt").write_text(TITLED, encoding="utf-8")
    (folder / "bare.txt").write_text(BARE, encoding="utf-8")
    analyzed = analyze([folder])
    assert _speakers(analyzed) == {"Michelle Lyons": "official", "Lyons": "official"}
    (story,) = analyzed.stories
    assert [e.name for e in story.entities if e.holds_office] == ["Michelle Lyons"]
    db = tmp_path / "store.duckdb"
    ingest([folder], db=db)
    (listed,) = list_stories(db=db)
    assert _speakers(story_report(listed.id, db=db)) == {"Michelle Lyons": "official", "Lyons": "official"}
