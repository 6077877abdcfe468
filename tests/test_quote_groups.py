"""Quote grouping (rashomon.quote_groups) on hand-built articles: one statement's variants in
translation, cut or reported speech are one group; other speakers or topics are not."""

from __future__ import annotations

from rashomon.quote_groups import group_quotes
from rashomon.records import Article, Quote
from rashomon.settings import AlignSettings

from story_builders import BagOfWords

SETTINGS = AlignSettings(threshold=0.5, quote_threshold=0.5)


def test_quotes_of_one_speaker_in_two_translations_are_grouped() -> None:
    a = Article(id="a1", path="a1.txt", text="x", outlet="Wire")
    b = Article(id="b1", path="b1.txt", text="x", outlet="Daily")
    a.quotes = [
        Quote(id="a1:q0", article="a1", text="this is a fine gift and a symbol of friendship between our leaders",
              start=0, end=1, sentence=0, speaker="Ms. Ri"),
        Quote(id="a1:q1", article="a1", text="we will build more houses", start=0, end=1, sentence=1, speaker="Ms. Ri"),
    ]
    b.quotes = [
        Quote(id="b1:q0", article="b1", text="a most excellent gift and a symbol of the friendship between the leaders",
              start=0, end=1, sentence=0, speaker="Ri"),
    ]
    groups = group_quotes([a, b], speaker_key={"Ms. Ri": "e1", "Ri": "e1"}, settings=SETTINGS,
                          embedder=BagOfWords())
    assert len(groups) == 2
    assert sorted(v.article for v in groups[0].variants) == ["a1", "b1"]
    assert [v.text for v in groups[1].variants] == ["we will build more houses"]


def test_quotes_of_different_speakers_are_not_grouped() -> None:
    a = Article(id="a1", path="a1.txt", text="x", outlet="Wire")
    b = Article(id="b1", path="b1.txt", text="x", outlet="Daily")
    a.quotes = [Quote(id="a1:q0", article="a1", text="the talks went well", start=0, end=1, sentence=0, speaker="Ri")]
    b.quotes = [Quote(id="b1:q0", article="b1", text="the talks went well", start=0, end=1, sentence=0, speaker="Kim")]
    groups = group_quotes([a, b], speaker_key={"Ri": "e1", "Kim": "e2"}, settings=SETTINGS, embedder=BagOfWords())
    assert len(groups) == 2


# One statement of Ri's: quoted in one article, reported in another; and another statement of
# his on the same event (it shares "departure of the fishing fleet" with the first, so it is
# embedded and the meaning decides).
RI_QUOTED = "The departure of our fishing fleet is a proud fruit of the invincible friendship between our two countries"
RI_REPORTED = "the departure of the fishing fleet was a proud fruit of the invincible friendship between the two countries"
RI_OTHER = "the departure of the fishing fleet was delayed by a storm for six days"


def quote(art: Article, n: int, text: str, speaker: str, kind: str = "direct") -> Quote:
    start = art.text.index(text)
    return Quote(id=f"{art.id}:q{n}", article=art.id, text=text, start=start, end=start + len(text),
                 sentence=0, speaker=speaker, kind=kind)


def quoted_and_reported(reporter: str) -> tuple[Article, Article]:
    """Ri Chol Man quoted by one outlet; ``reporter``'s words reported by another."""
    a = Article(id="a1", path="a1.txt", text=f"“{RI_QUOTED},” Ri Chol Man said.", outlet="Dispatch")
    b = Article(id="b1", path="b1.txt", text=f"{reporter} said {RI_REPORTED}.", outlet="Daily")
    a.quotes = [quote(a, 0, RI_QUOTED, "Ri Chol Man")]
    b.quotes = [quote(b, 0, RI_REPORTED, reporter, "indirect")]
    return a, b


def test_reported_and_quoted_renderings_of_one_statement_are_grouped() -> None:
    a, b = quoted_and_reported("Ri")
    groups = group_quotes([a, b], speaker_key={"Ri Chol Man": "e1", "Ri": "e1"}, settings=SETTINGS,
                          embedder=BagOfWords())
    assert [[v.text for v in g.variants] for g in groups] == [[RI_QUOTED, RI_REPORTED]]
    assert groups[0].score is not None and groups[0].score >= SETTINGS.indirect_quote_threshold
    # Two reported renderings join a quoted one too.
    c = Article(id="c1", path="c1.txt", text=f"He said that {RI_REPORTED}.", outlet="Wire")
    c.quotes = [quote(c, 0, RI_REPORTED, "Ri Chol Man", "indirect")]
    groups = group_quotes([a, b, c], speaker_key={"Ri Chol Man": "e1", "Ri": "e1"}, settings=SETTINGS,
                          embedder=BagOfWords())
    assert [[v.article for v in g.variants] for g in groups] == [["a1", "b1", "c1"]]


def test_reported_speech_of_another_speaker_is_never_grouped() -> None:
    a, b = quoted_and_reported("Kim")
    groups = group_quotes([a, b], speaker_key={"Ri Chol Man": "e1", "Kim": "e2"}, settings=SETTINGS,
                          embedder=BagOfWords())
    # The quoted statement stands alone; reported speech that matches nothing is not listed.
    assert [[v.article for v in g.variants] for g in groups] == [["a1"]]
    # Nor with an unresolved speaker.
    groups = group_quotes([a, b], speaker_key={"Ri Chol Man": "e1"}, settings=SETTINGS, embedder=BagOfWords())
    assert [[v.article for v in g.variants] for g in groups] == [["a1"]]


def test_reported_speech_on_another_topic_by_the_same_speaker_is_not_grouped() -> None:
    a = Article(id="a1", path="a1.txt", text=f"“{RI_QUOTED},” Ri Chol Man said.", outlet="Dispatch")
    b = Article(id="b1", path="b1.txt", text=f"Ri said {RI_OTHER}.", outlet="Daily")
    a.quotes = [quote(a, 0, RI_QUOTED, "Ri Chol Man")]
    b.quotes = [quote(b, 0, RI_OTHER, "Ri", "indirect")]
    embedded: list[str] = []

    class Recording(BagOfWords):
        def similarity(self, left, right):
            embedded.extend(left)
            return super().similarity(left, right)

    groups = group_quotes([a, b], speaker_key={"Ri Chol Man": "e1", "Ri": "e1"}, settings=SETTINGS,
                          embedder=Recording())
    assert RI_OTHER in embedded  # compared, and found another statement
    assert SETTINGS.quote_threshold <= BagOfWords().similarity([RI_QUOTED], [RI_OTHER])[0, 0]
    assert [[v.article for v in g.variants] for g in groups] == [["a1"]]


def test_a_group_keeps_one_variant_per_article_quoted_first() -> None:
    # Article b quotes the statement and reports it too: the quoted rendering joins a's.
    a = Article(id="a1", path="a1.txt", text=f"“{RI_QUOTED},” Ri Chol Man said.", outlet="Dispatch")
    b_quoted = RI_QUOTED.replace("proud", "glorious")
    b = Article(id="b1", path="b1.txt", text=f"Ri said {RI_QUOTED.lower()}. “{b_quoted},” he said.",
                outlet="Daily")
    a.quotes = [quote(a, 0, RI_QUOTED, "Ri Chol Man")]
    b.quotes = [quote(b, 0, RI_QUOTED.lower(), "Ri", "indirect"), quote(b, 1, b_quoted, "Ri")]
    groups = group_quotes([a, b], speaker_key={"Ri Chol Man": "e1", "Ri": "e1"}, settings=SETTINGS,
                          embedder=BagOfWords())
    assert [[v.text for v in g.variants] for g in groups] == [[RI_QUOTED, b_quoted]]


def test_reported_variant_is_marked_and_left_out_of_the_word_diff() -> None:
    from rashomon.records import Report, Story
    from rashomon.report.markdown import render_markdown

    a = Article(id="a1", path="a1.txt", text=f"“{RI_QUOTED},” Ri Chol Man said.", outlet="Dispatch")
    b_quoted = RI_QUOTED.replace("proud", "glorious")
    b = Article(id="b1", path="b1.txt", text=f"“{b_quoted},” Ri said.", outlet="Daily")
    c = Article(id="c1", path="c1.txt", text=f"Ri said {RI_REPORTED}.", outlet="Wire")
    a.quotes = [quote(a, 0, RI_QUOTED, "Ri Chol Man")]
    b.quotes = [quote(b, 0, b_quoted, "Ri")]
    c.quotes = [quote(c, 0, RI_REPORTED, "Ri", "indirect")]
    groups = group_quotes([a, b, c], speaker_key={"Ri Chol Man": "e1", "Ri": "e1"}, settings=SETTINGS,
                          embedder=BagOfWords())
    assert [[v.article for v in g.variants] for g in groups] == [["a1", "b1", "c1"]]
    story = Story(id="s1", title="Fleet", articles=["a1", "b1", "c1"], quotes=groups)
    md = render_markdown(Report(articles=[a, b, c], stories=[story]))
    section = md.split("### Same quote, different wording (1)")[1]
    assert "**Wire** (reported speech):" in section
    assert "**Dispatch**:" in section and "**Daily**:" in section
    assert "wording, Dispatch → Daily: " in section and "~~proud~~ **glorious**" in section
    assert "→ Wire" not in section
    assert "no word diff for reported speech" in section
