"""Who reported each claim first and when a story was reported, in words, in the Markdown and
HTML reports (the fields themselves are set by rashomon.run.story: tests/run/test_story.py)."""

from __future__ import annotations

import json

from rashomon.records import Article, Evidence, Finding, Report, Story, from_dict
from rashomon.report.html import render_html
from rashomon.report.json import render_json
from rashomon.report.markdown import render_markdown
from rashomon.report.wording import first_report_text, story_span_text

SAID = "The ferry sank on Monday with 40 people on board."


def _report(*, span: tuple[str | None, str | None] = ("2024-02-17", "2024-02-21")) -> Report:
    wire = Article(id="a1", path="a1.txt", text=SAID, outlet="Wire", published="2024-02-17")
    daily = Article(id="a2", path="a2.txt", text=SAID, outlet="Daily", published="2024-02-17")
    post = Article(id="a3", path="a3.txt", text=SAID, outlet="Post", published="2024-02-21")
    ev = {a.id: Evidence(a.id, a.source_name, SAID, 0, len(SAID)) for a in (wire, daily, post)}
    conflict = Finding(
        kind="conflict", slot="quantity", unit="people", outlets=2, independent_origins=2,
        evidence=[Evidence("a1", "Wire", SAID, 0, len(SAID), "40"), Evidence("a3", "Post", SAID, 0, len(SAID), "45")],
        id="s1.f1", first_reported="2024-02-17", first_outlets=["Wire"], first_articles=["a1"],
    )
    corroborated = Finding(
        kind="corroborated", slot=None, outlets=3, independent_origins=3, evidence=list(ev.values()),
        id="s1.f2", first_reported="2024-02-17", first_outlets=["Daily", "Wire"], first_articles=["a1", "a2"],
    )
    unique = Finding(kind="unique", slot=None, outlets=1, independent_origins=1, evidence=[ev["a3"]], id="s1.f3",
                     first_reported="2024-02-21", first_outlets=["Post"], first_articles=["a3"])
    story = Story(id="s1", title="Ferry", articles=["a1", "a2", "a3"], findings=[conflict, corroborated, unique],
                  first_report=span[0], last_report=span[1])
    return Report(articles=[wire, daily, post], stories=[story])


def test_the_first_report_and_the_span_in_words() -> None:
    story = _report().stories[0]
    assert first_report_text(story.findings[0]) == "first reported by Wire on 17 February 2024"
    assert first_report_text(story.findings[1]) == "first reported by Daily and Wire on 17 February 2024"
    assert first_report_text(Finding(kind="corroborated", slot=None)) is None
    assert story_span_text(story) == "reported from 17 February 2024 to 21 February 2024"
    assert story_span_text(_report(span=("2024-02-19", "2024-02-19")).stories[0]) == "reported on 19 February 2024"
    assert story_span_text(_report(span=(None, None)).stories[0]) is None


def test_markdown_says_who_reported_each_compared_claim_first_and_when_the_story_ran() -> None:
    md = render_markdown(_report())
    assert "Reported from 17 February 2024 to 21 February 2024." in md
    conflicts, corroborated = md.index("### Conflicts"), md.index("### Corroborated")
    assert conflicts < md.index("  - First reported by Wire on 17 February 2024.") < corroborated
    assert corroborated < md.index("  - First reported by Daily and Wire on 17 February 2024.")
    # A claim only one source makes has no "first": its one report is all there is.
    assert "First reported by Post" not in md
    assert "Reported from" not in render_markdown(_report(span=(None, None)))


def test_html_says_who_reported_each_compared_claim_first_and_when_the_story_ran() -> None:
    html = render_html(_report())
    assert "Story s1 · reported from 17 February 2024 to 21 February 2024" in html
    conflict = html.index('id="s1.f1"')
    assert '<div class="muted when">First reported by Wire on 17 February 2024</div>' in html[conflict:]
    corroborated = html.index('<details class="finding" id="s1.f2">')
    assert '<p class="muted when">First reported by Daily and Wire on 17 February 2024</p>' in html[corroborated:]
    assert "reported on 19 February 2024" in render_html(_report(span=("2024-02-19", "2024-02-19")))


def test_the_json_report_carries_the_fields_and_reads_back() -> None:
    data = json.loads(render_json(_report()))
    story = data["stories"][0]
    assert (story["first_report"], story["last_report"]) == ("2024-02-17", "2024-02-21")
    finding = story["findings"][1]
    assert (finding["first_reported"], finding["first_outlets"], finding["first_articles"]) == (
        "2024-02-17", ["Daily", "Wire"], ["a1", "a2"])


def test_a_story_written_before_the_fields_existed_reads_back_with_them_empty() -> None:
    old = {"id": "s1", "title": "Ferry", "articles": ["a1"],
           "findings": [{"kind": "corroborated", "slot": None, "evidence": []}]}
    story = from_dict(Story, old)
    assert (story.first_report, story.last_report) == (None, None)
    assert (story.findings[0].first_reported, story.findings[0].first_outlets) == (None, [])
