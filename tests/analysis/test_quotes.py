"""Quotations: marks, kinds and speakers."""

from __future__ import annotations

import pytest

from rashomon.sources import load_sources
from rashomon.analysis.parse import parse_text
from rashomon.analysis.quote_marks import quote_spans
from rashomon.analysis.quotes import extract_quotes

pytestmark = pytest.mark.models  # every test here parses with the spaCy model


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
        ("partial", "State media"),  # the subject of "described … as", a generic source
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


def test_pronoun_goes_to_the_last_person_who_spoke_or_acted(registry):
    text = (
        'Finance Minister Oleg Varga said the budget was balanced.\n'
        'Governor Anna Petrova disagreed. "The regions were never asked," she said.'
    )
    (quote,) = [q for q in quotes_of(text, registry) if q.kind == "direct"]
    assert quote.speaker == "Anna Petrova"
    assert text[quote.speaker_start : quote.speaker_end] == "she"


def test_title_and_surname_resolve_to_the_full_name_given_before(registry):
    text = (
        "Trade Minister Ivan Sorokin met Kim Jong Un's sister, Kim Yo Jong, in Pyongyang.\n"
        "“Our trade will double,” Sorokin said.\n"
        "The minister added that a new bridge would open in May.\n"
        "Kim Yo Jong thanked the delegation. “We will remember this visit,” Kim said."
    )
    found = quotes_of(text, registry)
    speakers = {q.text: q.speaker for q in found}
    assert speakers["Our trade will double"] == "Ivan Sorokin"
    assert speakers["a new bridge would open in May"] == "Ivan Sorokin"
    assert speakers["We will remember this visit"] == "Kim Yo Jong"


def test_apposition_and_anaphor_to_an_anonymous_source(registry):
    text = (
        "The mayor's spokesman, Lev Adamov, said that the square would reopen on Monday.\n"
        "A senior official, speaking on condition of anonymity, said the delay was political.\n"
        '"Nobody wanted the blame," the official said.'
    )
    found = quotes_of(text, registry)
    assert found[0].speaker == "Lev Adamov" and found[0].kind == "indirect"
    last = found[-1]
    assert last.text == "Nobody wanted the blame" and last.attribution.type == "anonymous_source"


def test_quotation_continued_in_the_next_sentence_and_after_a_colon(registry):
    text = (
        '"We are ready," Defence Minister Pavel Orlov told reporters. "The units are in place."\n'
        "Orlov was unusually blunt at the parade: “Nobody will take an inch of our land.”\n"
        "The message on the banners was the same: “Forward to victory!”"
    )
    found = {q.text: q for q in quotes_of(text, registry)}
    assert found["The units are in place."].speaker == "Pavel Orlov"
    assert found["Nobody will take an inch of our land."].speaker == "Pavel Orlov"
    slogan = found["Forward to victory!"]
    assert slogan.kind == "direct" and slogan.speaker is None


def test_partial_quotes_put_in_a_speaker_mouth(registry):
    text = (
        "Rodong Sinmun described the exercise as a “dangerous provocation” against the country.\n"
        'Prime Minister Ana Brnabic called the vote "historic" and said talks would go on.\n'
        "Premier Li Qiang told officials that growth must be “steady” this year, state media reported.\n"
        "The so-called “volunteers” arrived on Friday."
    )
    found = {q.text: q for q in quotes_of(text, registry)}
    assert found["dangerous provocation"].speaker == "Rodong Sinmun"
    assert found["dangerous provocation"].attribution.type == "state_media"
    assert found["historic"].kind == "partial" and found["historic"].speaker == "Ana Brnabic"
    assert found["steady"].speaker == "Li Qiang"
    assert "volunteers" not in found
    assert "state media reported" not in " ".join(found)  # an attribution is not reported speech


def test_indirect_speech_in_an_adding_clause(registry):
    text = "“The harvest is in,” Farid Aliyev said, adding that prices would fall by winter."
    found = quotes_of(text, registry)
    added = [q for q in found if q.kind == "indirect"]
    assert [q.text for q in added] == ["prices would fall by winter"]
    assert added[0].speaker == "Farid Aliyev"


def test_paragraph_spanning_straight_quotes_keep_their_speaker(registry):
    text = (
        'Mayor Olga Lind spoke after the flood. "The water came at night. We had no warning.\n'
        '"Next year the dam will be ready," Lind said.'
    )
    (quote,) = [q for q in quotes_of(text, registry) if q.kind == "direct"]
    assert quote.text == 'The water came at night. We had no warning.\n"Next year the dam will be ready'
    assert quote.speaker == "Olga Lind"


def test_words_quoted_under_a_closing_outlet_cue_are_the_inner_speakers(registry):
    # The outlet closing the sentence frames it ("…, state media reported"), but the words quoted
    # in the clause Kim's cue reports are his, however the parse hung that clause.
    text = (
        "North Korean leader Kim Jong Un told a meeting of munitions workers that production of "
        "artillery shells must increase “exponentially” this year, state media reported on Friday."
    )
    found = [q for q in quotes_of(text, registry) if q.text == "exponentially"]
    assert found and found[0].speaker == "Kim Jong Un"
