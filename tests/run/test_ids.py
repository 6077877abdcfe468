"""Story and finding ids that stay put when unrelated articles join a run."""

from __future__ import annotations

from rashomon.records import Article, Evidence, Finding
from rashomon.run.story import finding_id, story_id_of


def _article(aid: str) -> Article:
    return Article(id=aid, path=f"{aid}.txt")


def test_a_story_id_comes_from_its_earliest_member_whatever_the_order() -> None:
    members = [_article("a9f0000000"), _article("a1b0000000"), _article("a5c0000000")]
    assert story_id_of(members) == "s1b0000000"
    assert story_id_of(list(reversed(members))) == "s1b0000000"


def test_a_finding_id_comes_from_its_story_kind_and_evidence() -> None:
    def finding(value: str) -> Finding:
        return Finding(kind="conflict", slot="time", statement="any wording",
                       evidence=[Evidence("a1", "Wire", "s", 0, 10, value), Evidence("b1", "Daily", "t", 5, 9, "x")])

    first, same, other = finding("2024-02-18"), finding("2024-02-18"), finding("2024-01-18")
    same.statement = "another wording"
    assert finding_id("s1", first) == finding_id("s1", same)
    assert finding_id("s1", first) != finding_id("s1", other)
    assert finding_id("s1", first).startswith("s1.f") and finding_id("s2", first).startswith("s2.f")
