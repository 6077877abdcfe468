"""The per-story stage as a pure function: it returns all it makes and changes nothing given."""

from __future__ import annotations

import copy

import numpy as np

from rashomon.records import Article, Claim, Mention, to_dict
from rashomon.run.story import build_story
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
