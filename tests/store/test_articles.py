"""Articles in a store come back as the records that were stored."""

from __future__ import annotations

import copy
import dataclasses
from pathlib import Path

from rashomon.records import (
    Article, Attribution, Claim, Mention, Quantity, Quote, Removed, RunWarning, Sentence, Slot, TimeValue,
)
from rashomon.store import open_store
from rashomon.store.articles import ANALYSIS_FIELDS, METADATA_FIELDS, load_articles, write_articles


def test_every_article_field_has_its_place() -> None:
    kept = {f.name for f in dataclasses.fields(Article) if f.repr}
    # copy_of lives in copy_links; changed_from is worked out from article_versions when a
    # story is reported (rashomon.store.queries.story_report).
    assert kept == {*METADATA_FIELDS, *ANALYSIS_FIELDS, "removed", "copy_of", "changed_from"}


def _article() -> Article:
    text = "Minister Ri Chol said on Monday that 40 buses “will run at night”."
    return Article(
        id="a0123456789", path="in/a.txt", text=text, outlet="Wire", title="Buses", published="2024-05-01",
        url="https://wire.example/a", language="en", byline="By A. Writer",
        removed=[Removed("byline", "By A. Writer"), Removed("contact", "news@wire.example")],
        sentences=[Sentence(0, 0, len(text), text)],
        mentions=[Mention("Ri Chol", "PERSON", 9, 16, 0, key="s1.e1")],
        times=[TimeValue("Monday", 25, 31, 0, value="2024-04-29", granularity="day", resolved=True)],
        quantities=[Quantity("40 buses", 37, 45, 0, value=40.0, unit="bus")],
        quotes=[Quote("a0123456789:q1", "a0123456789", "will run at night", 47, 64, 0, speaker="Ri Chol")],
        claims=[Claim("a0123456789:c1", "a0123456789", 0, 0, len(text), text,
                      slots=[Slot("quantity", "40 buses", 37, 45, "40")],
                      attribution=Attribution("named_person", "Ri Chol", "said", 17, 21))],
        raw_digest="file:abc", provenance={"requested_url": "https://wire.example/a?x=1"},
    )


def test_an_article_comes_back_with_its_analysis_and_warnings(tmp_path: Path) -> None:
    article = _article()
    warning = RunWarning("analyze", article.id, "quotes failed")
    with open_store(tmp_path / "s.duckdb", create=True) as store, store.transaction() as con:
        write_articles(con, [copy.deepcopy(article)], [warning], run=1, fingerprint="f1", manifest=None)
        con.execute("INSERT INTO copy_links VALUES (?, ?)", [article.id, "a9999999999"])
    with open_store(tmp_path / "s.duckdb", read_only=True) as store:
        (loaded,), warnings = load_articles(store.con, fingerprint="f1")
        assert load_articles(store.con, fingerprint="f2") == ([], [])  # another analysis
        assert load_articles(store.con, fingerprint="f1", ids=["a1"]) == ([], [])
    article.mentions[0].key = None  # entity keys belong to the story, not the article
    article.copy_of = "a9999999999"
    assert loaded == article
    assert warnings == [warning]
