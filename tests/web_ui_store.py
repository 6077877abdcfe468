"""A small corpus store for the web UI's tests (tests/web), built by ingesting hand-written articles with
stand-ins for the models (analysis leaves articles as cleaned; a story's only finding is a
conflict between the days its members give for the fleet's sailing)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from rashomon.records import Article, Evidence, Finding, Origin, Story
from rashomon.run.story import StoryResult
from rashomon.store import ingest

FLEET_WIRE = (
    "A fleet of twelve fishing trawlers set sail from the port of Rajin on March 12, the "
    "fisheries ministry said. The trawlers will fish for crab and pollock in the East Sea for "
    "three weeks. Fisheries minister Ri Chol Man said the Rajin fleet would double the catch."
)
FLEET_DAILY = (
    "Twelve fishing trawlers of the Rajin fleet set sail from the port of Rajin on March 21, "
    "the fisheries ministry said. The fleet will fish for crab and pollock in the East Sea for "
    "three weeks, and minister Ri Chol Man said the Rajin trawlers would double the catch."
)
HARVEST = (
    "Farmers in South Hwanghae province began the rice harvest this week, the agriculture "
    "committee reported. Combine harvesters from the provincial machine station worked the "
    "paddies near Haeju, where the yield per hectare rose on last year."
)
HOSTILE_TITLE = "<script>document.title='x'</script>Bridge & <b>bold</b> claims"
HOSTILE_TEXT = (
    "<script>document.title='x'</script> Transport Minister Ri Chol <img src=x onerror=alert(1)> "
    "opened the new Taedong river bridge in Pyongyang on Monday, the ministry said. The bridge "
    "carries four lanes of traffic and a tram line; see javascript:alert(2) for the plans."
)
RECORDS = [
    {"outlet": "Wire", "title": "Fleet sails from Rajin", "published": "2025-03-13",
     "url": "https://wire.example/fleet", "text": FLEET_WIRE},
    {"outlet": "Daily", "title": "Rajin trawlers leave port", "published": "2025-03-22",
     "url": "https://daily.example/fleet", "text": FLEET_DAILY},
    {"outlet": "Farm Weekly", "title": "Harvest begins", "published": "2024-09-02",
     "url": "https://farm.example/harvest", "text": HARVEST},
    {"outlet": "Evil Gazette", "title": HOSTILE_TITLE, "published": "2024-10-07",
     "url": "javascript:alert(3)", "text": HOSTILE_TEXT},
]
SAILED = re.compile(r"[^.]*set sail[^.]*March (\d+)[^.]*\.")


def _identity_analysis(articles, *, settings, registry, warnings=None) -> Iterator[Article]:  # noqa: ANN001
    yield from articles


def _stand_in_story(story_id: str, members, *, settings, registry, **_) -> StoryResult:  # noqa: ANN001, ANN003
    """The story titled by its earliest member's title, with one conflict when its members
    give different days for the sailing."""
    ordered = sorted(members, key=lambda a: a.id)
    evidence = []
    for article in ordered:
        if (m := SAILED.search(article.text)) is not None:
            evidence.append(Evidence(article.id, article.outlet or "", m.group(0).strip(), m.start(),
                                     m.end(), f"2025-03-{int(m.group(1)):02d}"))
    findings = []
    if len({e.value for e in evidence}) > 1:
        findings.append(Finding(kind="conflict", slot="time", evidence=evidence,
                                origins=[Origin(e.outlet, "outlet") for e in evidence],
                                outlets=len(evidence), independent_origins=len(evidence),
                                origin_labels=[e.outlet for e in evidence], id=f"{story_id}.f1"))
    story = Story(id=story_id, title=ordered[0].title or f"story of {len(ordered)}",
                  articles=[a.id for a in ordered], findings=findings)
    return StoryResult(story, mention_keys={a.id: [] for a in ordered})


def build_store(folder: Path, records: list[dict]) -> Path:
    """A store at ``folder/store.duckdb`` of ``records`` (a JSON Lines file), built with the
    stand-ins."""
    import rashomon.analysis.parse as parse
    import rashomon.run.story as run_story

    folder.mkdir(parents=True, exist_ok=True)
    source = folder / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    db = folder / "store.duckdb"
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(parse, "analyze_articles", _identity_analysis)
        patch.setattr(run_story, "build_story", _stand_in_story)
        ingest([source], db=db)
    return db
