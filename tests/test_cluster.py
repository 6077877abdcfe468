from __future__ import annotations

import dataclasses

import numpy as np
import pytest
from hypothesis import given, settings as hsettings
from hypothesis import strategies as st

from rashomon.cluster import (
    background_idf,
    cluster_stories,
    direct_similarity,
    similarity,
    tfidf,
    word_ranks,
)
from rashomon.records import Article, Mention, TimeValue
from rashomon.settings import ClusterSettings

SETTINGS = ClusterSettings()


def _article(
    id: str, text: str, entities: dict[str, str], *, published: str | None = None
) -> Article:
    """An article whose mentions are every occurrence of the given strings (text -> label)."""
    mentions, times = [], []
    for name, label in entities.items():
        start = text.find(name)
        while start >= 0:
            mentions.append(Mention(name, label, start, start + len(name), 0))
            if label == "DATE":
                times.append(TimeValue(name, start, start + len(name), 0))
            start = text.find(name, start + 1)
    return Article(id=id, path=f"{id}.txt", text=text, mentions=mentions, times=times,
                   published=published)


QUAKE_1 = _article(
    "quake-1",
    "A magnitude 6.1 earthquake struck Lake County in northern California on Sunday morning, "
    "the U.S. Geological Survey said. The quake was centred near the town of Cobb, about 2 "
    "miles from the Geysers geothermal field. Sheriff Frank Rivero said 3 people suffered "
    "minor injuries and power was cut to 1,200 homes in Lake County.",
    {"6.1": "CARDINAL", "Lake County": "GPE", "California": "GPE", "Sunday": "DATE",
     "the U.S. Geological Survey": "ORG", "Cobb": "GPE", "2": "CARDINAL",
     "Geysers": "LOC", "Frank Rivero": "PERSON", "3": "CARDINAL", "1,200": "CARDINAL"},
)
QUAKE_2 = _article(
    "quake-2",
    "Residents of Cobb were shaken awake on Sunday when a 6.1-magnitude tremor rolled through "
    "Lake County, California. Lake County Sheriff Frank Rivero reported 3 minor injuries; "
    "about 1,200 households lost electricity. Geological Survey seismologists placed the "
    "epicentre beneath the Geysers, a geothermal area. Rivero asked residents to check gas "
    "lines.",
    {"Cobb": "GPE", "Sunday": "DATE", "6.1": "CARDINAL", "Lake County": "GPE",
     "California": "GPE", "Frank Rivero": "PERSON", "Rivero": "PERSON", "3": "CARDINAL",
     "1,200": "CARDINAL", "Geological Survey": "ORG", "Geysers": "LOC"},
)
QUAKE_OTHER = _article(
    "quake-other",
    "A magnitude 5.9 earthquake struck Qeshm island in southern Iran on Thursday, the "
    "Iranian Seismological Center said. The quake destroyed homes in 13 villages and killed "
    "at least 10 people, the provincial governor Mohammad Hosseini said. The island lies in "
    "the Strait of Hormuz near Bandar Abbas.",
    {"5.9": "CARDINAL", "Qeshm": "GPE", "Iran": "GPE", "Thursday": "DATE",
     "the Iranian Seismological Center": "ORG", "13": "CARDINAL", "at least 10": "CARDINAL",
     "Mohammad Hosseini": "PERSON", "the Strait of Hormuz": "LOC", "Bandar Abbas": "GPE"},
)
UNRELATED = _article(
    "phone",
    "Apple unveiled a thinner iPhone at its Cupertino headquarters, with chief executive Tim "
    "Cook promising longer battery life. Analysts at Morgan Stanley expect 80 million units "
    "to ship in the first quarter, and shares rose 2 percent after the event.",
    {"Apple": "ORG", "iPhone": "PRODUCT", "Cupertino": "GPE", "Tim Cook": "PERSON",
     "Morgan Stanley": "ORG", "80 million": "CARDINAL", "the first quarter": "DATE",
     "2 percent": "PERCENT"},
)
ALL = [QUAKE_1, QUAKE_2, QUAKE_OTHER, UNRELATED]


def test_two_reports_join_and_similar_events_stay_apart() -> None:
    stories = cluster_stories(ALL, settings=SETTINGS)
    assert stories == [["phone"], ["quake-1", "quake-2"], ["quake-other"]]


def test_pair_of_reports_join_alone() -> None:
    assert cluster_stories([QUAKE_2, QUAKE_1], settings=SETTINGS) == [["quake-1", "quake-2"]]


def test_unrelated_pair_stays_apart() -> None:
    assert cluster_stories([QUAKE_1, UNRELATED], settings=SETTINGS) == [["phone"], ["quake-1"]]


def test_publication_dates_far_apart_split_a_story() -> None:
    early = _article(QUAKE_1.id, QUAKE_1.text, {}, published="2014-08-24")
    late = _article(QUAKE_2.id, QUAKE_2.text, {}, published="2016-08-24")
    early.mentions, late.mentions = QUAKE_1.mentions, QUAKE_2.mentions
    assert len(cluster_stories([early, late], settings=SETTINGS)) == 2
    late.published = "2014-08-25T09:00:00"
    assert len(cluster_stories([early, late], settings=SETTINGS)) == 1


def test_empty_and_single() -> None:
    assert cluster_stories([], settings=SETTINGS) == []
    empty = Article(id="x", path="x.txt", text="")
    assert cluster_stories([empty], settings=SETTINGS) == [["x"]]


@hsettings(max_examples=30, deadline=None)
@given(st.permutations(ALL))
def test_output_does_not_depend_on_input_order(articles: list[Article]) -> None:
    assert cluster_stories(articles, settings=SETTINGS) == cluster_stories(
        ALL, settings=SETTINGS
    )


def test_word_ranks_follow_frequency() -> None:
    ranks = word_ranks()
    assert ranks["the"] < ranks["said"] < ranks["police"] < ranks["earthquake"]
    assert all(w.isalpha() and w.islower() for w in ranks)  # no word pieces, no numbers
    assert "##s" not in ranks


def test_background_idf_is_fixed_by_rank() -> None:
    idf = lambda w: background_idf(w, settings=SETTINGS)  # noqa: E731
    assert idf("the") == idf("said") == 1.0  # among the most frequent: weight 1
    assert 1.0 < idf("police") < idf("earthquake") < idf("zzqxv")
    assert idf("zzqxv") == idf("qqzzx")  # unlisted words share the largest weight
    assert "buse" not in word_ranks()
    assert idf("buse") == idf("buses") < idf("zzqxv")  # plural-stripped, listed as plural


def test_tfidf_with_given_weights() -> None:
    m = tfidf([["quake", "the"], ["quake"]], idf={"quake": 3.0, "the": 4.0}.__getitem__)
    np.testing.assert_allclose(m.toarray(), [[0.6, 0.8], [1.0, 0.0]])
    # without weights: the smoothed idf over the documents themselves (as before)
    m = tfidf([["quake", "the"], ["quake"]])
    assert m[0, 1] > m[0, 0]


def test_pair_similarity_does_not_depend_on_other_articles() -> None:
    """Term weights are fixed in advance: adding unrelated or similar articles to the run
    leaves the direct similarity of two reports unchanged."""
    def pair(articles: list[Article]) -> float:
        ordered = sorted(articles, key=lambda a: a.id)
        ids = [a.id for a in ordered]
        sim = direct_similarity(ordered, settings=SETTINGS)
        return float(sim[ids.index("quake-1"), ids.index("quake-2")])

    alone = pair([QUAKE_1, QUAKE_2])
    assert alone > SETTINGS.threshold
    assert pair(ALL) == pytest.approx(alone, abs=1e-12)
    assert pair([QUAKE_1, QUAKE_2, UNRELATED]) == pytest.approx(alone, abs=1e-12)


def test_story_alone_is_grouped_as_in_a_larger_run() -> None:
    within = cluster_stories(ALL, settings=SETTINGS)
    alone = cluster_stories([QUAKE_1, QUAKE_2], settings=SETTINGS)
    assert alone == [["quake-1", "quake-2"]]
    assert alone[0] in within


def test_weak_neighbour_never_enters_a_profile() -> None:
    """In a run of two articles the profile cosine is 2s / (1 + s^2) of their direct
    similarity s; below ``neighbour_floor`` the other article is no neighbour at all."""
    pair = [QUAKE_1, UNRELATED]
    direct = float(direct_similarity(sorted(pair, key=lambda a: a.id), settings=SETTINGS)[0, 1])
    assert 0.0 < direct < SETTINGS.neighbour_floor
    unfloored = dataclasses.replace(SETTINGS, neighbour_floor=0.0)
    assert similarity(pair, settings=unfloored)[0, 1] == pytest.approx(
        2 * direct / (1 + direct**2)
    )
    assert similarity(pair, settings=SETTINGS)[0, 1] == 0.0
