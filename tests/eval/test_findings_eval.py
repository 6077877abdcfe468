"""Scoring findings against the gold set: hand-built runs, no model."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from rashomon.errors import DatasetError
from rashomon.eval.ecbplus import EcbDocument, printed_text
from rashomon.eval.findings import (
    FindingsGold,
    GoldAttribution,
    GoldPair,
    GoldValue,
    Ref,
    SubtopicRun,
    load_findings_gold,
    score_findings,
)
from rashomon.records import Article, Attribution, Claim, Evidence, Finding, Quote, Report, Story


def test_printed_text_joins_numbers_and_compounds_as_printed() -> None:
    tokens = "The 5 . 9 quake hit at 7 : 21 a . m . ; 200 , 000 lost state - run power in the U . S .".split()
    assert printed_text(tokens) == "The 5.9 quake hit at 7:21 a.m.; 200,000 lost state-run power in the U.S."
    assert printed_text('" It was bad , " he said .'.split()) == '"It was bad," he said.'
    assert printed_text("on Tuesday - - another blow".split()) == "on Tuesday -- another blow"
    # After a verb of saying and a comma, a mark opens the quotation (ECB+ often writes ``).
    tokens = "Hefner told the AP on Thursday , `` I think she was remarkable . ''".split()
    assert printed_text(tokens) == 'Hefner told the AP on Thursday, "I think she was remarkable."'
    assert printed_text("`` We are done , `` he said .".split()) == '"We are done," he said.'


def _run() -> SubtopicRun:
    texts = {"1_1ecb": ["Five people died on Friday.", "Police said so."],
             "1_2ecb": ["Six people died on Friday.", "The club said nothing."]}
    articles, spans, documents = [], {}, {}
    for doc, sentences in texts.items():
        text = "\n".join(sentences)
        article = Article(id=doc, path=doc, text=text)
        second = text.index(sentences[1])
        article.claims = [
            Claim(id=f"{doc}:c1", article=doc, sentence=0, start=0, end=len(sentences[0]), text=sentences[0]),
            Claim(id=f"{doc}:c2", article=doc, sentence=1, start=second, end=len(text), text=sentences[1],
                  attribution=Attribution("official", "police") if doc == "1_1ecb" else None),
        ]
        articles.append(article)
        spans[doc] = [(0, len(sentences[0]), 0), (second, len(text), 1)]
        documents[doc] = EcbDocument(doc, "1/ecb", doc, sentences, [0, 1])

    def evidence(doc: str, value: str | None) -> Evidence:
        return Evidence(article=doc, outlet=doc, sentence="", start=0, end=10, value=value)

    conflict = Finding(kind="conflict", slot="quantity", statement="",
                       evidence=[evidence("1_1ecb", "5"), evidence("1_2ecb", "6")])
    report = Report(articles=articles, stories=[Story(id="s", title="", findings=[conflict])])
    return SubtopicRun("1/ecb", report, spans, documents)


def test_scores_conflicts_corroborations_and_attribution() -> None:
    a, b = Ref("1_1ecb", 0, "Five"), Ref("1_2ecb", 0, "Six")
    gold = FindingsGold(
        values=(GoldValue("v1", "1/ecb", "conflict", "quantity", a, b),
                GoldValue("v2", "1/ecb", "compatible", "time", Ref("1_1ecb", 0, "Friday"), Ref("1_2ecb", 0, "Friday"))),
        pairs=(GoldPair("p1", "1/ecb", "corroborate", a, b),
               GoldPair("p2", "1/ecb", "lookalike", Ref("1_1ecb", 1), Ref("1_2ecb", 1))),
        attributions=(GoldAttribution("t1", "1/ecb", Ref("1_1ecb", 1), "official", "police"),
                      GoldAttribution("t2", "1/ecb", Ref("1_2ecb", 1), "named_person", "the club")),
        held_out_topics=frozenset(),
    )
    score = score_findings(gold, {"1/ecb": _run()})
    part = score.dev
    assert (part.conflicts, part.conflicts_found, part.compatible, part.false_alarms) == (1, 1, 1, 0)
    assert part.conflict_precision == 1.0 and part.conflict_recall == 1.0
    # A conflict finding shows a corroborated claim with a differing detail: its sentences are linked.
    assert (part.corroborate_linked, part.lookalike_linked) == (1, 0)
    assert (part.attributions, part.attribution_right) == (2, 1)
    assert score.held_out.conflicts == 0
    assert [m.gold_id for m in score.mistakes] == ["t2"]
    # While rules are being written the held-out split can stay unseen.
    assert "held-out " in score.summary() and "all " in score.summary()
    hidden = score.summary(dev_only=True)
    assert "dev " in hidden and "held-out split is not shown" in hidden
    assert not any(line.startswith(("all ", "held-out ")) for line in hidden.splitlines())
    # A round kept unread is scored, but its mistakes are only counted.
    assert "t2" in score.mistakes_text()
    unread = score.mistakes_text(unread=("t",))
    assert "t2" not in unread and "mistakes of unread items (t) not listed: 1" in unread


def test_gold_loader_says_what_is_wrong(tmp_path: Path) -> None:
    with pytest.raises(DatasetError, match="does not exist"):
        load_findings_gold(tmp_path / "nowhere")
    for name in ("values.jsonl", "pairs.jsonl", "attribution.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "values.jsonl").write_text(
        json.dumps({"id": "v", "subtopic": "1/ecb", "label": "maybe", "slot": "time",
                    "a": {"doc": "1_1ecb", "sentence": 0, "value": "x"},
                    "b": {"doc": "1_2ecb", "sentence": 0, "value": "y"}}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError, match="'label' must be one of conflict, update, compatible"):
        load_findings_gold(tmp_path)


def test_a_sentence_that_is_all_quotation_takes_its_quotes_attribution() -> None:
    run = _run()
    article = run.report.articles[1]
    # The second sentence holds no claim, only a quotation attributed to its speaker.
    start, end, _ = run.spans["1_2ecb"][1]
    article.claims = article.claims[:1]
    article.quotes = [Quote(id="q", article="1_2ecb", text=article.text[start:end], start=start, end=end,
                            sentence=1, attribution=Attribution("named_person", "the club"))]
    gold = FindingsGold(values=(), pairs=(),
                        attributions=(GoldAttribution("t", "1/ecb", Ref("1_2ecb", 1), "named_person", "the club"),),
                        held_out_topics=frozenset())
    part = score_findings(gold, {"1/ecb": run}).dev
    assert (part.attributions, part.attribution_right) == (1, 1)


def test_a_length_of_time_conflict_answers_to_a_gold_time_or_quantity_item() -> None:
    run = _run()
    conflict = run.report.stories[0].findings[0]
    conflict.slot, conflict.unit = "time", "duration"
    a, b = Ref("1_1ecb", 0, "2 years"), Ref("1_2ecb", 0, "2 1/2 years")
    for slot in ("quantity", "time"):
        gold = FindingsGold(values=(GoldValue("v1", "1/ecb", "conflict", slot, a, b),), pairs=(),
                            attributions=(), held_out_topics=frozenset())
        part = score_findings(gold, {"1/ecb": run}).dev
        assert (part.conflicts_found, part.reported_conflicts, part.unjudged_conflicts) == (1, 1, 0)
    # A date conflict answers to its own slot only.
    conflict.unit = None
    gold = FindingsGold(values=(GoldValue("v1", "1/ecb", "conflict", "quantity", a, b),), pairs=(),
                        attributions=(), held_out_topics=frozenset())
    assert score_findings(gold, {"1/ecb": run}).dev.conflicts_found == 0


def test_a_conflict_answers_for_the_pairs_of_values_it_found_to_differ_only() -> None:
    run = _run()
    conflict = run.report.stories[0].findings[0]
    # A third report's claim in the finding, with a value of its own, that was found to differ
    # from the first report's only: against the second report's it is no conflict.
    article = Article(id="1_3ecb", path="1_3ecb", text="About six people died.")
    run.report.articles.append(article)
    run.spans["1_3ecb"] = [(0, len(article.text), 0)]
    conflict.evidence.append(Evidence(article="1_3ecb", outlet="1_3ecb", sentence="", start=0, end=10,
                                      value="about six"))
    conflict.differing = [[0, 1], [0, 2]]
    second, third = Ref("1_2ecb", 0, "Six"), Ref("1_3ecb", 0, "About six")
    gold = FindingsGold(values=(GoldValue("v1", "1/ecb", "compatible", "quantity", second, third),), pairs=(),
                        attributions=(), held_out_topics=frozenset())
    assert score_findings(gold, {"1/ecb": run}).dev.false_alarms == 0
    conflict.differing = []  # a finding that does not say: every two differing values
    assert score_findings(gold, {"1/ecb": run}).dev.false_alarms == 1


def test_judged_reported_pairs_score_the_share_linked_that_state_one_fact() -> None:
    a, b = Ref("1_1ecb", 0), Ref("1_2ecb", 0)
    other = (Ref("1_1ecb", 1), Ref("1_2ecb", 1))
    gold = FindingsGold(
        values=(), pairs=(), attributions=(), held_out_topics=frozenset(),
        judged=(GoldPair("j1", "1/ecb", "same", a, b), GoldPair("j2", "1/ecb", "different", *other)),
    )
    score = score_findings(gold, {"1/ecb": _run()})
    # The conflict finding links the first sentences; the second pair is not linked.
    assert score.dev.judged == {"same": [1, 1], "different": [1, 0]}
    assert score.dev.judged_same_share == 1.0
    assert "same 1/1, different 0/1; same-fact share 1.000" in score.summary()
    assert score.mistakes == []


def test_judged_pairs_are_optional_and_checked(tmp_path: Path) -> None:
    for name in ("values.jsonl", "pairs.jsonl", "attribution.jsonl"):
        (tmp_path / name).write_text("", encoding="utf-8")
    (tmp_path / "split.json").write_text('{"held_out_topics": []}', encoding="utf-8")
    assert load_findings_gold(tmp_path).judged == ()
    (tmp_path / "judged.jsonl").write_text(
        json.dumps({"id": "j", "subtopic": "1/ecb", "label": "yes",
                    "a": {"doc": "1_1ecb", "sentence": 0}, "b": {"doc": "1_2ecb", "sentence": 0}}) + "\n",
        encoding="utf-8",
    )
    with pytest.raises(DatasetError, match="'label' must be one of same, partly, different"):
        load_findings_gold(tmp_path)
