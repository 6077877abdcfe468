"""The web UI on a store built by a real ingest (spaCy and MiniLM) of the hand-written
articles: the fleet's two reports disagree on the day it sailed, and the story page shows both
sentences of that conflict."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import quote

import pytest
from web_ui_store import HOSTILE_TITLE, RECORDS

from rashomon.store import ingest, list_stories

pytestmark = pytest.mark.models


def test_a_real_conflict_shows_both_sentences(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    source = tmp_path / "articles.jsonl"
    source.write_text("".join(json.dumps(r) + "\n" for r in RECORDS), encoding="utf-8")
    db = tmp_path / "store.duckdb"
    assert ingest([source], db=db).skipped == []
    stories = {s.title: s for s in list_stories(db=db)}
    fleet = stories["Fleet sails from Rajin"]
    assert fleet.conflicts >= 1 and HOSTILE_TITLE in stories
    with TestClient(create_app(db), base_url="http://127.0.0.1") as client:
        listed = client.get("/?has_conflicts=1").text
        assert quote(fleet.id, safe="") in listed and quote(stories[HOSTILE_TITLE].id, safe="") not in listed
        page = client.get(f"/stories/{quote(fleet.id, safe='')}").text
        report = client.get(f"/api/stories/{quote(fleet.id, safe='')}").json()
    conflicts = [f for f in report["stories"][0]["findings"] if f["kind"] == "conflict"]
    assert {e["value"] for f in conflicts for e in f["evidence"]} >= {"2025-03-12", "2025-03-21"}
    section = page[page.index('class="conflict'):]
    for sentence in ("A fleet of twelve fishing trawlers set sail from the port of Rajin on March 12",
                     "Twelve fishing trawlers of the Rajin fleet set sail from the port of Rajin on March 21"):
        assert sentence in section
    assert "<script>document.title" not in page
