"""The per-story stage as a pure function: it returns all it makes and changes nothing given."""

from __future__ import annotations

import copy

import numpy as np

from rashomon.records import Article, Attribution, Claim, Evidence, Finding, Mention, to_dict
from rashomon.run.story import build_story, first_report, published_days
from rashomon.settings import Settings


class Words:
    """A stand-in for the sentence-embedding model: cosine over word sets."""

    def similarity(self, left, right):  # noqa: ANN001, ANN201
        out = np.zeros((len(left), len(right)))
        for i, a in enumerate(left):
            for j, b in enumerate(right):
                wa, wb = set(a.lower().split()), set(b.lower().split())
                out[i, j] = len(wa & wb) / (len(wa) * len(wb)) ** 0.5 if wa and wb else 0.0
        return out


def _article(aid: str, outlet: str, text: str) -> Article:
    art = Article(id=aid, path=f"{aid}.txt", text=text, outlet=outlet)
    art.claims.append(Claim(id=f"{aid}:c1", article=aid, sentence=0, start=0, end=len(text), text=text))
    start = text.index("Ri Chol")
    art.mentions.append(Mention("Ri Chol", "PERSON", start, start + 7, 0))
    return art


def test_build_story_returns_keys_and_findings_and_changes_nothing_given() -> None:
    members = [
        _article("a2", "Daily", "Minister Ri Chol opened the new bridge over the river on Monday."),
        _article("a1", "Wire", "Minister Ri Chol opened the new bridge over the river."),
    ]
    before = copy.deepcopy([to_dict(a) for a in members])
    result = build_story("s1", members, settings=Settings(), registry=None, embedder=Words())
    assert [to_dict(a) for a in members] == before
    assert result.story.id == "s1" and result.story.articles == ["a1", "a2"]
    assert [f.kind for f in result.story.findings] == ["corroborated"]
    (entity,) = [e for e in result.story.entities if e.name == "Ri Chol"]
    assert result.mention_keys == {"a1": [entity.id], "a2": [entity.id]}
    assert entity.id.startswith("s1.") and result.warnings == []


def _said(aid: str, outlet: str, text: str, phrase: str, kind: str) -> Article:
    art = _article(aid, outlet, text)
    start = text.index(phrase)
    art.claims[0].attribution = Attribution(kind, "Ri Chol", phrase, start, start + len(phrase))
    return art


def test_a_speaker_titled_in_one_report_is_an_official_in_the_story_and_the_members_stay_as_given() -> None:
    members = [
        _said("a1", "Wire", "The bridge over the river opened on Monday, Minister Ri Chol said.",
              "Minister Ri Chol said", "official"),
        _said("a2", "Daily", "The new bridge over the river opened on Monday, Ri Chol said.", "Ri Chol said", "named_person"),
    ]
    before = copy.deepcopy([to_dict(a) for a in members])
    result = build_story("s1", members, settings=Settings(), registry=None, embedder=Words())
    assert [to_dict(a) for a in members] == before
    (entity,) = [e for e in result.story.entities if e.name == "Ri Chol"]
    assert entity.holds_office
    (finding,) = result.story.findings
    assert [e.attribution.type for e in finding.evidence] == ["official", "official"]


BRIDGE = "Minister Ri Chol opened the new bridge over the river on Monday."


def _dated(aid: str, outlet: str, published: str | None) -> Article:
    art = _article(aid, outlet, BRIDGE)
    art.published = published
    return art


def _finding(*articles: Article) -> Finding:
    return Finding(kind="corroborated", slot=None, evidence=[
        Evidence(article=a.id, outlet=a.source_name, sentence=a.text, start=0, end=len(a.text)) for a in articles
    ])


def test_the_first_report_is_the_earliest_dated_article_and_ties_give_every_outlet() -> None:
    members = [_dated("a1", "Wire", "2024-02-19"), _dated("a2", "Daily", "2024-02-18T23:10:00+09:00"),
               _dated("a3", "Herald", "2024-02-18"), _dated("a4", "Post", "2024-02-20")]
    finding = _finding(*members)
    first_report(finding, published_days(members))
    assert finding.first_reported == "2024-02-18"
    assert finding.first_outlets == ["Daily", "Herald"] and finding.first_articles == ["a2", "a3"]


def test_an_undated_article_cannot_be_first() -> None:
    members = [_dated("a1", "Wire", None), _dated("a2", "Daily", "2024-02-19"), _dated("a3", "Post", "not a date")]
    finding = _finding(*members)
    first_report(finding, published_days(members))
    assert (finding.first_reported, finding.first_outlets, finding.first_articles) == ("2024-02-19", ["Daily"], ["a2"])
    undated = _finding(members[0], members[2])
    first_report(undated, published_days(members))
    assert (undated.first_reported, undated.first_outlets, undated.first_articles) == (None, [], [])


def test_one_outlet_on_several_articles_of_the_first_day_is_named_once() -> None:
    members = [_dated("a1", "Wire", "2024-02-18"), _dated("a2", "Wire", "2024-02-18")]
    finding = _finding(*members)
    first_report(finding, published_days(members))
    assert finding.first_outlets == ["Wire"] and finding.first_articles == ["a1", "a2"]


def test_build_story_sets_the_first_report_of_each_finding_and_the_span_of_the_story() -> None:
    members = [_dated("a1", "Wire", "2024-02-19"), _dated("a2", "Daily", None),
               _dated("a3", "Herald", "2024-02-17"), _dated("a4", "Post", "2024-02-21T08:00:00Z")]
    story = build_story("s1", members, settings=Settings(), registry=None, embedder=Words()).story
    (finding,) = story.findings
    assert finding.kind == "corroborated" and len(finding.evidence) == 4
    assert (finding.first_reported, finding.first_outlets, finding.first_articles) == ("2024-02-17", ["Herald"], ["a3"])
    assert (story.first_report, story.last_report) == ("2024-02-17", "2024-02-21")


def test_a_story_with_one_dated_article_starts_and_ends_that_day_and_without_any_has_no_span() -> None:
    members = [_dated("a1", "Wire", None), _dated("a2", "Daily", "2024-02-19")]
    story = build_story("s1", members, settings=Settings(), registry=None, embedder=Words()).story
    assert (story.first_report, story.last_report) == ("2024-02-19", "2024-02-19")
    assert [(f.first_reported, f.first_outlets) for f in story.findings] == [("2024-02-19", ["Daily"])]
    members = [_dated("a1", "Wire", None)]
    story = build_story("s1", members, settings=Settings(), registry=None, embedder=Words()).story
    assert (story.first_report, story.last_report) == (None, None)
