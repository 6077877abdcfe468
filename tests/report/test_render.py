from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from rashomon.records import (
    Article, Attribution, Entity, Evidence, Finding, QuoteGroup, QuoteVariant, Removed, Report,
    Skipped, Story,
)
from rashomon.report.json import render_json
from rashomon.report.markdown import render_markdown


def sample_report() -> Report:
    a = Article(id="a1", path="a.txt", text="The gift arrived on Feb. 18.", outlet="Wire",
                published="2024-02-20", removed=[Removed("credit", "Edited by A. Editor.")])
    b = Article(id="b1", path="b.txt", text="The gift arrived on Jan. 18.", outlet="Daily")
    kcna = Attribution("state_media", "KCNA", "KCNA reported", 0, 13)
    conflict = Finding(
        kind="conflict", slot="time", statement="Date differs: Feb. 18 (Wire) vs Jan. 18 (Daily)",
        origins=["KCNA"], cause="month slip (same day, adjacent month)",
        evidence=[Evidence("a1", "Wire", a.text, 0, len(a.text), "2024-02-18", kcna),
                  Evidence("b1", "Daily", b.text, 0, len(b.text), "2024-01-18", None)],
    )
    story = Story(
        id="s1", title="Gift", articles=["a1", "b1"], findings=[conflict],
        entities=[Entity("s1.e1", "Ri Chol", "PERSON", ["Lee Cheol", "Ri Chol"], ["a1", "b1"])],
        quotes=[QuoteGroup("Ri Chol", [QuoteVariant("a1", "a fine gift", 0, 5),
                                       QuoteVariant("b1", "an excellent gift", 0, 5)], 0.8)],
    )
    return Report(articles=[a, b], skipped=[Skipped("c.bin", "binary file")], stories=[story])


def test_json_follows_the_schema_and_is_stable() -> None:
    report = sample_report()
    text = render_json(report)
    assert text == render_json(sample_report())
    data = json.loads(text)
    assert data["schema"] == "rashomon.report/3"
    assert set(data["articles"][0]) >= {"id", "path", "outlet", "title", "published", "text", "removed"}
    assert data["articles"][0]["removed"] == [{"kind": "credit", "text": "Edited by A. Editor."}]
    assert data["skipped"] == [{"path": "c.bin", "reason": "binary file"}]
    finding = data["stories"][0]["findings"][0]
    assert finding["kind"] == "conflict" and finding["slot"] == "time"
    assert finding["evidence"][0]["attribution"]["type"] == "state_media"
    assert {"article", "sentence", "start", "end", "value", "attribution"} <= set(finding["evidence"][0])
    assert data["stories"][0]["quotes"][0]["variants"][1]["text"] == "an excellent gift"


def test_markdown_puts_conflicts_first_and_quotes_sentences_with_outlets() -> None:
    md = render_markdown(sample_report())
    assert md.index("### Conflicts") < md.index("### Same quote")
    assert "Likely cause: month slip" in md
    assert "**Wire** [2024-02-18]: “The gift arrived on Feb. 18.” — attributed to state media: KCNA" in md
    assert "Lee Cheol, Ri Chol" in md
    assert "[credit]: “Edited by A. Editor.”" in md
    assert "- `c.bin`: binary file" in md


def test_markdown_shows_a_word_diff_of_quote_variants() -> None:
    from rashomon.report.markdown import word_diff

    assert word_diff("a fine gift", "an excellent gift") == "~~a fine~~ **an excellent** gift"
    assert word_diff("we thank *them*", "we thank them now") == "we thank ~~\\*them\\*~~ **them now**"
    assert word_diff("same words", "same  words") == "same words"
    md = render_markdown(sample_report())
    assert "  - wording, Wire → Daily: ~~a fine~~ **an excellent** gift" in md
    assert md == render_markdown(sample_report())


def test_markdown_does_not_double_the_marks_of_a_quoted_sentence() -> None:
    from rashomon.report.markdown import _quote

    assert _quote("Rice prices doubled.") == "“Rice prices doubled.”"
    quoted = "“They shouldn’t have reported it,” said one person."
    assert _quote(quoted) == quoted


def test_dates_without_a_year_are_written_out_and_sources_give_date_and_address() -> None:
    from rashomon.report.wording import date_text

    assert date_text("--01-18") == "18 January (year not given)"
    assert date_text("--01-18/--01-20", iso=True) == "18 January (year not given) – 20 January (year not given)"
    assert date_text("2024-02-18") == "18 February 2024" and date_text("2024-02-18", iso=True) == "2024-02-18"
    assert date_text("2024-W08") == "week 8 of 2024"
    report = sample_report()
    report.articles[0].url = "https://wire.example/gift"
    report.articles[1].title = "May 2, 2013, 1:12 PM"
    finding = report.stories[0].findings[0]
    finding.evidence[0].value, finding.evidence[1].value = "--02-18", "--01-18"
    md = render_markdown(report)
    assert "- **Wire**, 20 February 2024: The gift arrived on Feb. 18. — <https://wire.example/gift>" in md
    assert "- **Daily**, date unknown: The gift arrived on Jan. 18. — `b.txt`" in md
    assert "18 January (year not given) (Daily) vs 18 February (year not given) (Wire)" in md
    assert "--01-18" not in md


def test_origin_line_leaves_out_an_empty_list_of_origins() -> None:
    from rashomon.report.wording import origin_line

    finding = Finding(kind="corroborated", slot=None, statement="", evidence=[], outlets=2, independent_origins=1)
    assert origin_line(finding) == "2 outlets, 1 independent origin"
    finding.origin_labels = ["Wire", "Daily"]
    assert origin_line(finding) == "2 outlets, 1 independent origin (Wire; Daily)"


def _json_module(report: Report) -> str:
    from rashomon.report.json import report_dict

    return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"


def test_json_is_byte_for_byte_what_the_json_module_writes() -> None:
    report = sample_report()
    odd = "".join(chr(i) for i in range(32)) + '"\\/ é 中 😀 \u2028\u2029\ufeff\x7f'
    report.articles[0].title = odd
    report.articles[1].text = ""
    report.stories[0].findings[0].score = 0.567
    report.stories[0].coverage.by_origin_type = {"state_media": 1, odd: 2}
    report.stories.append(Story(id="s2", title="", articles=[]))
    assert render_json(report) == _json_module(report)
    assert render_json(Report()) == _json_module(Report())


@given(score=st.floats(allow_nan=True, allow_infinity=True), rounded=st.floats(-1, 1))
@settings(max_examples=300, deadline=None)
def test_json_writes_any_score_as_the_json_module_does(score: float, rounded: float) -> None:
    report = sample_report()
    report.stories[0].findings[0].score = score
    report.stories[0].quotes[0].score = round(rounded, 3)
    assert render_json(report) == _json_module(report)


def test_scores_are_the_only_floats_the_json_report_writes() -> None:
    """rashomon.report.json checks the scores only before orjson writes the report: a new float
    field would have to be checked there too."""
    import dataclasses
    import typing

    from rashomon.records import Article
    from rashomon.report.json import ARTICLE_FIELDS

    found: set[str] = set()
    seen: set[type] = set()

    def walk(tp: object, where: str) -> None:
        if tp is float:
            found.add(where)
        for arg in typing.get_args(tp):
            walk(arg, where)
        if dataclasses.is_dataclass(tp) and tp not in seen:
            seen.add(tp)
            hints = typing.get_type_hints(tp)
            for f in dataclasses.fields(tp):
                if f.repr and (tp is not Article or f.name in ARTICLE_FIELDS):
                    walk(hints[f.name], f"{tp.__name__}.{f.name}")

    walk(Report, "Report")
    assert found == {"Finding.score", "QuoteGroup.score"}


def test_markdown_counts_say_one_story_and_two_stories() -> None:
    report = sample_report()
    lead = render_markdown(report).split("\n")[2]
    assert lead.startswith(f"{len(report.articles)} articles, 1 story (")
    assert lead.endswith("1 input skipped.") == (len(report.skipped) == 1)
    report.stories = report.stories * 2
    assert ", 2 stories (" in render_markdown(report).split("\n")[2]
