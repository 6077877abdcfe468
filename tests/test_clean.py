"""Cleaning: debris rules on hand-written texts, HTML extraction, skips, and the seeds."""

from __future__ import annotations


import pytest

from rashomon.clean import clean_article, clean_articles, extract_html, extract_text
from rashomon.records import Article, Skipped
from rashomon.settings import Settings

from data_paths import SEEDS

SETTINGS = Settings().clean

BODY = [
    "Flooding along the river forced about 2,000 residents from their homes on Sunday, "
    "local officials said.",
    "“We have never seen the water this high,” said Maria Lopez, who runs a bakery near the "
    "old bridge.",
    "The regional weather service (RWS) expects more rain by Wednesday.",
    "By the end of the week, crews hope to reopen the main road.",
    "Read more about the history of the bridge, the mayor told reporters, in the town archive.",
]

DEBRIS_TEXT = "\n\n".join([
    "River floods force thousands from homes",              # title
    "Rescue workers carry a child across the flooded square on Sunday. (Reuters/Jan Novak)",
    BODY[0],
    BODY[1],
    "Officials warn of more rain",                           # heading
    BODY[2],
    "Share this article",
    "Sign up for our morning newsletter to get the latest news in your inbox.",
    BODY[3],
    "Related: Ten years after the last great flood",
    "- How the dams were built",
    "- Photos: the 2014 flood",
    BODY[4],
    "Written by Tom Baker. Edited by Ana Ruiz.",
    "Photo: A flooded street in the old town.",
    "River Times is an independent news outlet covering the river valley since 1998. "
    "For more information, visit our website.",
    "Please send any comments or questions about this article to news@rivertimes.example.",
    "Read in Japanese",
    "Leave a Reply",
    "Your email address will not be published. Required fields are marked *",
    "We use cookies to improve your browsing experience. Accept all",
])

EXPECTED = {
    "River floods force thousands from homes": "title",
    "Rescue workers carry a child across the flooded square on Sunday. (Reuters/Jan Novak)":
        "caption",
    "Officials warn of more rain": "heading",
    "Share this article": "boilerplate",
    "Sign up for our morning newsletter to get the latest news in your inbox.": "boilerplate",
    "Related: Ten years after the last great flood": "boilerplate",
    "- How the dams were built": "boilerplate",
    "- Photos: the 2014 flood": "boilerplate",
    "Written by Tom Baker. Edited by Ana Ruiz.": "credit",
    "Photo: A flooded street in the old town.": "caption",
    "River Times is an independent news outlet covering the river valley since 1998. "
    "For more information, visit our website.": "outlet_profile",
    "Please send any comments or questions about this article to news@rivertimes.example.":
        "contact",
    "Read in Japanese": "boilerplate",
    "Leave a Reply": "boilerplate",
    "Your email address will not be published. Required fields are marked *": "boilerplate",
    "We use cookies to improve your browsing experience. Accept all": "boilerplate",
}


def test_plain_text_debris_goes_to_removed_and_sentences_stay() -> None:
    result = extract_text(DEBRIS_TEXT, settings=SETTINGS)
    assert result.text == "\n".join(BODY)
    removed = {r.text.removeprefix("- "): r.kind for r in result.removed}
    assert removed == {k.removeprefix("- "): v for k, v in EXPECTED.items()}
    assert result.title == "River floods force thousands from homes"


def test_clean_article_sets_text_metadata_and_drops_raw() -> None:
    article = Article(id="a1", path="x.txt", raw=DEBRIS_TEXT, raw_kind="text",
                      title="Manifest title")
    cleaned = clean_article(article, settings=SETTINGS)
    assert isinstance(cleaned, Article)
    assert cleaned.text == "\n".join(BODY)
    assert cleaned.title == "Manifest title"  # known metadata wins over the first line
    assert cleaned.raw is None and cleaned.language == "en"
    assert any(r.kind == "credit" for r in cleaned.removed)


def test_whitespace_hard_wraps_markdown_and_quotes() -> None:
    text = (
        "# Storm hits the coast\n\n"
        "The storm reached the coast late on Monday night and knocked out\n"
        "power to more than 40,000 homes, the utility company said in a\n"
        "statement on Tuesday.\n\n"
        "Residents   were\u00a0told to stay indoors, and **schools** were closed, "
        "[officials](https://example.org) said.\n\n"
        "> “It was terrifying,” one resident said.\n"
    )
    result = extract_text(text, settings=SETTINGS)
    assert result.text.split("\n") == [
        "The storm reached the coast late on Monday night and knocked out power to more than "
        "40,000 homes, the utility company said in a statement on Tuesday.",
        "Residents were told to stay indoors, and schools were closed, officials said.",
        "“It was terrifying,” one resident said.",
    ]
    assert result.title == "Storm hits the coast"


@pytest.mark.parametrize(
    "line",
    [
        "The agency said the car was delivered on Feb. 18 (local time)",
        "More than 300 people attended the ceremony, the Korean Central News Agency (KCNA)",
        "Subscribers to the paper were told of the change in a letter.",
        "Related: the two countries signed a treaty in 1961.",
        "He said the photos were taken on Monday. (More)",
        "By Monday, the two sides had agreed on a ceasefire",
    ],
)
def test_real_sentences_are_kept(line: str) -> None:
    text = "\n\n".join([BODY[0], line, BODY[1]])
    assert extract_text(text, settings=SETTINGS).text.split("\n") == [BODY[0], line, BODY[1]]


@pytest.mark.parametrize(
    "line", ["Published: Dec. 19, 2005 at 9:44 PM", "Updated: Tuesday, Dec. 20 2005 12:00 a.m.",
             "Posted Sept. 3, 2013 at 7:21 AM"],
)
def test_publication_time_lines_are_removed_whatever_abbreviations_they_hold(line: str) -> None:
    result = extract_text("\n\n".join([BODY[0], line, BODY[1]]), settings=SETTINGS)
    assert result.text.split("\n") == [BODY[0], BODY[1]]
    assert [r.kind for r in result.removed] == ["boilerplate"]


def test_byline_line() -> None:
    result = extract_text("\n\n".join(["By Jane Doe and John Roe, Staff Writers", *BODY]),
                          settings=SETTINGS)
    assert result.byline == "Jane Doe and John Roe"
    assert [r.kind for r in result.removed] == ["byline"]


HTML = """<html><head><title>Dam breaks upstream | River Times</title>
<meta property="og:site_name" content="River Times">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-02-20T09:00:00+00:00">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Dam breaks upstream</h1>
<p>{0}</p><p>{1}</p><h2>Officials warn of more rain</h2><p>{2}</p><p>{3}</p>
<p>Share this article</p></article>
<footer><p>Contact us | Privacy policy | Terms of use</p></footer>
</body></html>""".format(*BODY)


def test_html_article_text_metadata_and_removed() -> None:
    result = extract_html(HTML, url="https://rivertimes.example/dam", settings=SETTINGS)
    for sentence in BODY[:4]:
        assert sentence in result.text
    assert "Home" not in result.text and "Share this article" not in result.text
    assert result.title == "Dam breaks upstream"
    assert result.published and result.published.startswith("2024-02-20")
    assert result.outlet == "River Times" and result.byline == "Jane Doe"
    kinds = {r.kind for r in result.removed}
    assert "boilerplate" in kinds and "html" in kinds
    html_removed = next(r.text for r in result.removed if r.kind == "html")
    assert "Home World Sport" in html_removed


def test_html_metadata_does_not_override_known_values() -> None:
    article = Article(id="a2", path="p.html", raw=HTML, raw_kind="html", outlet="Manifest",
                      published="2024-02-21")
    cleaned = clean_article(article, settings=SETTINGS)
    assert isinstance(cleaned, Article)
    assert (cleaned.outlet, cleaned.published, cleaned.byline) == (
        "Manifest", "2024-02-21", "Jane Doe")


def test_empty_and_non_english_are_skipped() -> None:
    empty = Article(id="a3", path="e.txt", raw="Leave a Reply\n\nShare this article",
                    raw_kind="text")
    skipped = clean_article(empty, settings=SETTINGS)
    assert isinstance(skipped, Skipped) and skipped.reason.startswith("empty after cleaning")
    german = Article(id="a4", path="de.txt", raw_kind="text", raw=(
        "Der Minister sagte am Dienstag, dass die Regierung in diesem Jahr die Steuern nicht "
        "erhöhen werde, trotz des Drucks der Koalitionspartner."))
    assert clean_article(german, settings=SETTINGS) == Skipped(
        "de.txt", "not English (detected: de); only English is supported")
    declared = Article(id="a5", path="fr.txt", raw=DEBRIS_TEXT, raw_kind="text", language="fr")
    assert "not English (declared: fr)" in clean_article(declared, settings=SETTINGS).reason


def test_short_text_and_html_without_an_article_say_why() -> None:
    short = Article(id="a7", path="s.txt", raw="Talks resumed.", raw_kind="text")
    assert clean_article(short, settings=SETTINGS) == Skipped(
        "s.txt", "too short after cleaning: 14 characters left (minimum 40, setting "
                 "clean.min_chars); removed: nothing")
    for page in ("<html><body></body></html>", "<html><head><title>T</title></head></html>",
                 "<html><body><script>var x = 1;</script></body></html>", "<p>Talks</p>"):
        bare = Article(id="a8", path="p.html", raw=page, raw_kind="html")
        assert clean_article(bare, settings=SETTINGS) == Skipped(
            "p.html", "no article text found in this HTML page"), page


def test_clean_articles_passes_skipped_through() -> None:
    items = [Skipped("x", "why"), Article(id="a6", path="y.txt", raw=DEBRIS_TEXT,
                                           raw_kind="text")]
    out = list(clean_articles(items, settings=SETTINGS))
    assert out[0] == Skipped("x", "why") and isinstance(out[1], Article)


# Debris lines of the two seed articles, by kind (checked by the rules, not hard-coded in them).
SEED_DEBRIS = {
    "(Rodong Sinmun-News1)": "caption",
    "State media: Gifted vehicle": "heading",
    "Translated by": "credit",
    "works with a network of sources": "outlet_profile",
    "Please send any comments": "contact",
    "Read in Korean": "boilerplate",
    "N Korean leader receives a luxurious car gift": "title",
    "Edited by": "credit",
    "Leave a Reply": "boilerplate",
    "Your email address will not be published": "boilerplate",
}


@pytest.mark.skipif(not SEEDS.is_dir(), reason=f"seed articles not found at {SEEDS}")
def test_seed_debris_removed_and_sentences_kept() -> None:
    found: dict[str, str] = {}
    for path in sorted(SEEDS.glob("*.txt")):
        raw = path.read_text(encoding="utf-8")
        result = extract_text(raw, settings=SETTINGS)
        for removed in result.removed:
            keys = [k for k in SEED_DEBRIS if k in removed.text]
            assert keys, f"{path.name}: removed an article paragraph: {removed.text[:80]}"
            found.update({k: removed.kind for k in keys})
        paragraphs = [" ".join(p.split()) for p in raw.split("\n") if p.strip()]
        kept = result.text.split("\n")
        assert len(kept) + len(result.removed) == len(paragraphs)
    assert found == SEED_DEBRIS


def test_comment_form_labels_and_the_outlet_describing_itself_are_debris() -> None:
    raw = (
        "The fleet left port on Monday, officials said.\n\n"
        "It will fish until the autumn.\n\n"
        "Harbour Watch is an independent online newspaper based in Busan. It was founded in 2009.\n\n"
        "Leave a Reply\n\nComment *\n\nName *\n\nEmail *\n\nWebsite\n\nPost Comment"
    )
    result = extract_text(raw, settings=SETTINGS, outlet="Harbour Watch")
    kinds = {r.text: r.kind for r in result.removed}
    assert kinds["Comment *"] == kinds["Name *"] == kinds["Email *"] == "boilerplate"
    assert kinds["Harbour Watch is an independent online newspaper based in Busan. It was founded in 2009."] == "outlet_profile"
    assert result.text.split("\n") == ["The fleet left port on Monday, officials said.", "It will fish until the autumn."]
    # without knowing the outlet: a paper describing itself as one is still its profile
    unnamed = extract_text(raw, settings=SETTINGS)
    assert unnamed.text.split("\n") == result.text.split("\n")
    # only at the end of a text: a paper described in the story stays
    story = "The Harbour Times is a newspaper that the navy closed in 2019.\n\nIts editor fled to Busan."
    assert extract_text(story, settings=SETTINGS).text.startswith("The Harbour Times is a newspaper")


def test_a_text_without_a_date_takes_the_one_its_dateline_prints() -> None:
    text = "\n\n".join(["River floods force thousands from homes", "May 2, 2013 1:35 pm", *BODY])
    result = extract_text(text, settings=SETTINGS)
    assert (result.published, result.dateline) == ("2013-05-02", "May 2, 2013 1:35 pm")
    cleaned = clean_article(Article(id="a", path="a.txt", raw=text, raw_kind="text"), settings=SETTINGS)
    assert isinstance(cleaned, Article)
    assert cleaned.published == "2013-05-02"
    assert cleaned.provenance == {"published_from": "May 2, 2013 1:35 pm"}  # where it was read


def test_a_known_date_wins_and_a_date_further_down_is_no_dateline() -> None:
    text = "\n\n".join(["River floods force thousands from homes", "May 2, 2013", *BODY])
    cleaned = clean_article(Article(id="a", path="a.txt", raw=text, raw_kind="text", published="2013-05-03"),
                            settings=SETTINGS)
    assert isinstance(cleaned, Article)
    assert cleaned.published == "2013-05-03" and "published_from" not in cleaned.provenance
    lower = "\n\n".join([*BODY, "May 2, 2013"])  # below the article's first lines: another day's
    assert len(BODY) >= 3 and extract_text(lower, settings=SETTINGS).published is None
