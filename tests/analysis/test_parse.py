"""Sentences as the parse stage cuts them (real spaCy model, with the project's components)."""

from __future__ import annotations

import pytest

from rashomon.analysis.parse import parse_text

pytestmark = pytest.mark.models  # every test here parses with the spaCy model


def _sentences(text: str) -> list[str]:
    _, article = parse_text(text, article_id="a")
    return [s.text for s in article.sentences]


def test_initials_ranks_and_abbreviations_end_no_sentence() -> None:
    text = ("She was walking into the store at 200 W. American Blvd. with her husband when she was "
            "struck, said Sgt. Marty Earley. Philadelphia Homicide Capt. James Clark agreed.")
    assert _sentences(text) == [
        "She was walking into the store at 200 W. American Blvd. with her husband when she was struck, "
        "said Sgt. Marty Earley.",
        "Philadelphia Homicide Capt. James Clark agreed.",
    ]
    assert _sentences("The award went to George W. Bush. He accepted it.") == [
        "The award went to George W. Bush.", "He accepted it."
    ]


def test_a_paragraph_break_always_starts_a_sentence() -> None:
    assert _sentences("SEOUL, March 13\nNorth Korea fired two missiles.") == [
        "SEOUL, March 13", "North Korea fired two missiles."
    ]


def test_analyze_articles_yields_new_records_and_leaves_the_given_ones_alone() -> None:
    from rashomon.analysis.parse import analyze_articles
    from rashomon.records import Article
    from rashomon.settings import Settings
    from rashomon.sources import load_sources

    given = Article(id="a", path="a.txt", text="Police said 12 people were hurt in Seoul on Tuesday.")
    before = repr(given)
    (analyzed,) = analyze_articles([given], settings=Settings().analysis, registry=load_sources())
    assert analyzed is not given and analyzed.sentences and analyzed.mentions and analyzed.quantities
    assert repr(given) == before and not given.sentences and not given.claims
