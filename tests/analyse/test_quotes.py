"""Quotations: marks, kinds and speakers."""

from __future__ import annotations

import pytest

from rashomon.analyse.attribution import load_sources
from rashomon.analyse.parse import parse_text
from rashomon.analyse.quotes import extract_quotes, quote_spans


@pytest.fixture(scope="module")
def registry():
    return load_sources()


def quotes_of(text: str, registry):
    doc, article = parse_text(text)
    found = extract_quotes(doc, article=article, registry=registry)
    for q in found:
        assert text[q.start : q.end] == q.text
        if q.speaker_start is not None:
            assert q.speaker_end > q.speaker_start
    return found


def spans(text: str) -> list[str]:
    return [text[s:e] for s, e in quote_spans(text)]


def test_quote_marks_straight_curly_nested_and_apostrophes():
    assert spans('He said "we will win" and left.') == ["we will win"]
    assert spans("“It’s the Marshal’s gift,” she said.") == ["It’s the Marshal’s gift"]
    assert spans("“They told us, ‘Stay home,’ and we did.”") == ["They told us, ‘Stay home,’ and we did."]
    nested = "“He kept saying, “Look at this! Don’t you want some?'” one man said."
    assert spans(nested) == ["He kept saying, “Look at this! Don’t you want some?'"]
    assert spans("The Koreans’ houses and Kim’s car.") == []


def test_paragraph_spanning_quotation():
    text = "She said: “First part of it.\n“Second part of it,” she added.\nNext paragraph."
    assert spans(text) == ["First part of it.\n“Second part of it"]
    unclosed = "He said: “First part of it.\nAnother paragraph without marks."
    assert spans(unclosed) == ["First part of it."]


def test_speaker_after_and_before_quotes(registry):
    text = (
        "“They shouldn't have reported it on the news,” said one person.\n"
        "“I doubt he got the car for free. He must have paid for it,” mused another.\n"
        "“He would have asked for food,” said a third.\n"
        "The source quoted one frustrated Chongjin resident as saying: “People like us are so poor.”"
    )
    found = [q for q in quotes_of(text, registry) if q.kind == "direct"]
    assert [q.speaker for q in found] == ["one person", "another", "a third", "one frustrated Chongjin resident"]
    assert found[1].text == "I doubt he got the car for free. He must have paid for it"
    assert all(q.attribution.type == "anonymous_source" for q in found)
    assert text[found[0].speaker_start : found[0].speaker_end] == "one person"


def test_quoted_as_saying_partial_and_pronoun(registry):
    text = (
        "KCNA quoted Kim Yo Jong as saying, “This is a fine gift that shows our friendship.”\n"
        "“We thank the Russian side,” she said.\n"
        "The KCNA cited Kim Yo Jong as saying it was “a most excellent gift.”\n"
        "State media described it as a “most excellent gift” from a close friend."
    )
    found = quotes_of(text, registry)
    assert [(q.kind, q.speaker) for q in found] == [
        ("direct", "Kim Yo Jong"),
        ("direct", "Kim Yo Jong"),
        ("partial", "Kim Yo Jong"),
        ("partial", None),
    ]
    assert found[0].attribution.phrase == "KCNA quoted Kim Yo Jong as saying"
    assert found[2].text == "a most excellent gift."
    assert found[3].text == "most excellent gift"


def test_scare_quotes_are_not_quotes(registry):
    assert quotes_of("The so-called “experts” met in Seoul on Friday.", registry) == []


def test_indirect_speech(registry):
    text = "Yonhap said that the satellite launch had failed over the Yellow Sea."
    (quote,) = quotes_of(text, registry)
    assert quote.kind == "indirect" and quote.text == "the satellite launch had failed over the Yellow Sea"
    assert quote.speaker == "Yonhap" and quote.attribution.type == "news_outlet"


def test_quote_ids_and_order(registry):
    text = "“First,” he said. Officials said the plan had been approved by the cabinet."
    found = quotes_of(text, registry)
    assert [q.id for q in found] == [f"t:q{n}" for n in range(1, len(found) + 1)]
    assert [q.start for q in found] == sorted(q.start for q in found)
