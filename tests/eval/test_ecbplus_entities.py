"""Coreference scores (MUC, B³, CEAF-e, CoNLL) and the ECB+ person-resolution evaluation on a
tiny hand-made corpus in the ECB+ format."""

from __future__ import annotations

from pathlib import Path

import pytest

from rashomon.eval.ecbplus_entities import (
    baseline_clusters,
    read_entity_corpus,
    resolve_clusters,
    score_entities,
)
from rashomon.eval.scores import ceaf_e, coref_scores, muc
from rashomon.settings import ResolveSettings

GOLD = [["a", "b", "c"], ["d", "e"]]
PREDICTED = [["a", "b"], ["c", "d", "e"]]


def test_coreference_scores_by_hand() -> None:
    # MUC recall: {a,b,c} split in 2 -> 1 of 2 links, {d,e} whole -> 1 of 1: 2/3; precision
    # the same by symmetry ({a,b} whole, {c,d,e} split in 2).
    m = muc(PREDICTED, GOLD)
    assert (m.precision, m.recall) == pytest.approx((2 / 3, 2 / 3))
    # CEAF-e: {a,b,c}~{a,b} 2*2/5, {d,e}~{c,d,e} 2*2/5; 8/5 over 2 clusters on each side.
    c = ceaf_e(PREDICTED, GOLD)
    assert (c.precision, c.recall) == pytest.approx((4 / 5, 4 / 5))
    scores = coref_scores(PREDICTED, GOLD)
    assert scores.b3.f1 == pytest.approx(11 / 15)
    assert scores.conll_f1 == pytest.approx((2 / 3 + 11 / 15 + 4 / 5) / 3)


def test_coreference_scores_extremes() -> None:
    assert coref_scores(GOLD, GOLD).conll_f1 == pytest.approx(1.0)
    merged = coref_scores([["a", "b", "c", "d", "e"]], GOLD)
    assert merged.muc.recall == 1.0 and merged.muc.precision == pytest.approx(3 / 4)
    # One cluster aligned to {a,b,c}: 2*3/8 = 0.75, over 2 gold and 1 predicted clusters.
    assert (merged.ceaf_e.recall, merged.ceaf_e.precision) == pytest.approx((0.375, 0.75))
    alone = coref_scores([[x] for x in "abcde"], GOLD)
    assert alone.muc.f1 == 0.0
    assert alone.ceaf_e.recall == pytest.approx((2 / 4 + 2 / 3) / 2)


def _doc(sentences: list[str], persons: list[tuple[int, int, int, str]]) -> str:
    """ECB+ XML: ``persons`` are (m_id, first token index, last token index, instance)."""
    tokens, t = [], 0
    for s, sentence in enumerate(sentences):
        for n, word in enumerate(sentence.split()):
            t += 1
            tokens.append(f'<token t_id="{t}" sentence="{s}" number="{n}">{word}</token>')
    marks, relations, targets = [], [], {}
    for m_id, first, last, instance in persons:
        anchors = "".join(f'<token_anchor t_id="{i}"/>' for i in range(first, last + 1))
        marks.append(f'<HUMAN_PART_PER m_id="{m_id}">{anchors}</HUMAN_PART_PER>')
        targets.setdefault(instance, []).append(m_id)
    for n, (instance, sources) in enumerate(sorted(targets.items()), start=100):
        marks.append(f'<HUMAN_PART_PER m_id="{n}" instance_id="{instance}" TAG_DESCRIPTOR="x"/>')
        srcs = "".join(f'<source m_id="{m}"/>' for m in sources)
        relations.append(f'<CROSS_DOC_COREF r_id="{n}">{srcs}<target m_id="{n}"/></CROSS_DOC_COREF>')
    return (
        '<Document doc_name="x">' + "".join(tokens) + "<Markables>" + "".join(marks)
        + "</Markables><Relations>" + "".join(relations) + "</Relations></Document>"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "ECB+" / "1"
    folder.mkdir(parents=True)
    (folder / "1_1ecb.xml").write_text(_doc(
        ["Actress Tara Reid entered rehab .", "She is fine , her publicist Jack Ketsoyan said ."],
        [(1, 1, 1, "reid"), (2, 2, 3, "reid"), (3, 12, 12, "rep"), (4, 13, 14, "rep"),
         (5, 7, 7, "reid")],
    ), encoding="utf-8")
    (folder / "1_2ecb.xml").write_text(_doc(
        ["Reid , 32 , checked in on Friday .", "Ketsoyan confirmed it ."],
        [(1, 1, 1, "reid"), (2, 10, 10, "rep")],
    ), encoding="utf-8")
    (folder / "1_3ecbplus.xml").write_text(_doc(
        ["http://example.org/page", "Lindsay Lohan entered rehab .", "The actress said she is well ."],
        [(1, 2, 3, "lohan"), (2, 8, 8, "lohan"), (3, 10, 10, "lohan")],
    ), encoding="utf-8")
    (tmp_path / "ECBplus_coreference_sentences.csv").write_text(
        "Topic,File,Sentence Number\n1,1ecb,0\n1,1ecb,1\n1,2ecb,0\n1,2ecb,1\n1,3ecbplus,1\n"
        "1,3ecbplus,2\n",
        encoding="utf-8",
    )
    return tmp_path


def test_reads_gold_mentions_and_chains(corpus: Path) -> None:
    documents = read_entity_corpus(corpus)
    assert [d.subtopic for d in documents] == ["1/ecb", "1/ecb", "1/ecbplus"]
    first = documents[0]
    assert [(m.text, m.kind, m.chain) for m in first.mentions] == [
        ("Actress", "nominal", "reid"), ("Tara Reid", "name", "reid"),
        ("She", "pronoun", "reid"), ("publicist", "nominal", "rep"),
        ("Jack Ketsoyan", "name", "rep"),
    ]
    assert first.text[first.mentions[1].start : first.mentions[1].end] == "Tara Reid"
    assert "http" not in documents[2].text  # the ecbplus URL line is dropped


def test_resolver_links_names_roles_and_pronouns(corpus: Path) -> None:
    documents = read_entity_corpus(corpus)
    clusters = {frozenset(c) for c in resolve_clusters(documents, settings=ResolveSettings())}
    assert frozenset({"1_1ecb:1", "1_1ecb:2", "1_1ecb:5", "1_2ecb:1"}) in clusters
    assert frozenset({"1_1ecb:3", "1_1ecb:4", "1_2ecb:2"}) in clusters
    # The role "actress" was learnt in the other sub-topic: here it stays apart from Lohan.
    assert frozenset({"1_3ecbplus:1", "1_3ecbplus:3"}) in clusters
    assert frozenset({"1_3ecbplus:2"}) in clusters
    scores = score_entities(documents, settings=ResolveSettings())
    assert scores.mentions == 10 and scores.name_mentions == 5 and scores.gold_entities == 3
    assert scores.names_system.conll_f1 == pytest.approx(1.0)
    # The baseline keeps "Actress", "Tara Reid" and "She" apart.
    assert scores.baseline.conll_f1 < scores.system.conll_f1 < 1.0
    assert len(baseline_clusters(documents)) == 8
