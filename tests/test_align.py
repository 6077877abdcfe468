"""Alignment and comparison on hand-built articles, with a bag-of-words stand-in for the
sentence-embedding model (the real model is exercised by the acceptance tests)."""

from __future__ import annotations

import re

import numpy as np
import pytest
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rashomon.align import _drop_disagreeing, _weigh_meaning, compare_story
from rashomon.claim_refs import ClaimRef
from rashomon.records import Article, Attribution, Measure, Mention, Origin, Sentence, Slot, TimeValue
from rashomon.settings import AlignSettings
from rashomon.report.wording import cause, statement

from story_builders import BagOfWords, add_duration, add_place, add_quantity, add_time, article


SETTINGS = AlignSettings(threshold=0.5, quote_threshold=0.5)


def test_paraphrased_claim_is_corroborated_and_other_claims_are_unique() -> None:
    a = article("a1", "Wire", ["The minister opened the new bridge over the river in the city.",
                               "Critics said the bridge cost too much."])
    b = article("b1", "Daily", ["The new river bridge in the city was opened by the minister.",
                                "Traffic police expect fewer jams next year."])
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    kinds = [f.kind for f in findings]
    assert kinds.count("corroborated") == 1
    assert kinds.count("unique") == 2
    corroborated = next(f for f in findings if f.kind == "corroborated")
    assert {e.outlet for e in corroborated.evidence} == {"Wire", "Daily"}
    assert sorted(o.name for o in corroborated.origins) == ["Daily", "Wire"]
    assert corroborated.outlets == 2 and corroborated.independent_origins == 2


def test_date_conflict_with_month_slip_is_one_finding_with_the_corroboration() -> None:
    a = article("a1", "Wire", ["The delegation received the gift on Feb. 18 in the capital."])
    b = article("b1", "Daily", ["The delegation received the gift on Jan. 18 in the capital."])
    add_time(a, 0, "Feb. 18", "2024-02-18", "2024-02-18", "2024-02-18")
    add_time(b, 0, "Jan. 18", "2024-01-18", "2024-01-18", "2024-01-18")
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    # One finding shows both: the reports agree on the claim and differ on its date; the pair
    # is not listed a second time as corroborated.
    assert [f.kind for f in findings] == ["conflict"]
    conflict = findings[0]
    assert conflict.slot == "time"
    assert [e.value for e in conflict.evidence] == ["2024-02-18", "2024-01-18"]
    assert conflict.cause == "month_slip" and "month slip" in cause(conflict)
    assert statement(conflict) == "Date differs: 2024-01-18 (Daily) vs 2024-02-18 (Wire)"


def test_compatible_dates_are_not_a_conflict() -> None:
    a = article("a1", "Wire", ["The delegation received the gift on Feb. 18 in the capital."])
    b = article("b1", "Daily", ["The delegation received the gift in February in the capital."])
    add_time(a, 0, "Feb. 18", "2024-02-18", "2024-02-18", "2024-02-18")
    add_time(b, 0, "February", "2024-02", "2024-02-01", "2024-02-29")
    b.times[0].granularity = "month"
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    assert [f.kind for f in findings] == ["corroborated"]


def test_time_inside_attribution_is_not_compared() -> None:
    a = article("a1", "Wire", ["The delegation received the gift, the agency reported on Tuesday."])
    b = article("b1", "Daily", ["The delegation received the gift on Feb. 18."])
    phrase = "the agency reported on Tuesday"
    start = a.text.index(phrase)
    a.claims[0].attribution = Attribution("state_media", "KCNA", phrase, start, start + len(phrase))
    add_time(a, 0, "Tuesday", "2024-02-20", "2024-02-20", "2024-02-20")
    add_time(b, 0, "Feb. 18", "2024-02-18", "2024-02-18", "2024-02-18")
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    assert "conflict" not in [f.kind for f in findings]
    assert [o.name for o in findings[0].origins] == ["Daily", "KCNA"]


def test_number_conflict_only_for_the_same_unit() -> None:
    a = article("a1", "Wire", ["Rescuers pulled 120 workers from the flooded mine on Monday."])
    b = article("b1", "Daily", ["Rescuers pulled 300 workers from the flooded mine on Monday."])
    c = article("c1", "Post", ["Rescuers pulled workers from the flooded mine with 3 pumps on Monday."])
    add_quantity(a, 0, "120", 120, "worker")
    add_quantity(b, 0, "300", 300, "worker")
    add_quantity(c, 0, "3", 3, "pump")
    findings = compare_story([a, b, c], settings=SETTINGS, embedder=BagOfWords())
    conflicts = [f for f in findings if f.kind == "conflict"]
    assert len(conflicts) == 1
    assert conflicts[0].slot == "quantity"
    assert {e.value for e in conflicts[0].evidence if e.value} == {"120", "300"}


def test_place_containment_is_compatible_but_different_countries_conflict() -> None:
    a = article("a1", "Wire", ["The leader sat in the car during the visit to Russia last year."])
    b = article("b1", "Daily", ["The leader sat in the car during the visit to Pyongyang last year."])
    c = article("c1", "Post", ["The leader sat in the car during the visit to Moscow last year."])
    add_place(a, 0, "Russia")
    add_place(b, 0, "Pyongyang")
    add_place(c, 0, "Moscow")
    findings = compare_story([a, b, c], settings=SETTINGS, embedder=BagOfWords())
    conflicts = [f for f in findings if f.kind == "conflict"]
    # One finding for the slot, every side's value with its outlets; Russia and Moscow are
    # one side (Moscow is in Russia), Pyongyang the other.
    assert len(conflicts) == 1
    assert {e.value for e in conflicts[0].evidence} == {"Russia", "Moscow", "Pyongyang"}
    assert statement(conflicts[0]).startswith("Place differs: ")
    assert "Pyongyang (Daily)" in statement(conflicts[0])


def test_single_article_story_has_no_findings() -> None:
    a = article("a1", "Wire", ["Only one outlet reported the parade."])
    assert compare_story([a], settings=SETTINGS, embedder=BagOfWords()) == []


def test_entities_shared_by_claims_raise_their_score() -> None:
    a = article("a1", "Wire", ["Ri met the envoy in the hall."])
    b = article("b1", "Daily", ["The envoy was received by Ri."])
    for art in (a, b):
        start = art.text.index("Ri")
        art.mentions.append(Mention("Ri", "PERSON", start, start + 2, 0, key="e1"))
    # Every pair goes through embeddings (nothing is decided by words alone).
    strict = AlignSettings(threshold=0.57, lexical_threshold=1.0, embedding_share=1.0)
    with_names = compare_story([a, b], settings=strict, embedder=BagOfWords())
    for art in (a, b):
        art.mentions[0].key = None
    without = compare_story([a, b], settings=strict, embedder=BagOfWords())
    assert [f.kind for f in with_names] == ["corroborated"]
    assert [f.kind for f in without] == ["unique", "unique"]


def test_origins_name_the_cited_source_even_when_unnamed() -> None:
    from rashomon.origins import Origins

    art = Article(id="a1", path="a1.txt", text="x", outlet="Wire")
    origins = Origins([art], registry=None)
    assert origins.origin(art, None)[0] == Origin("Wire", "outlet")
    assert origins.origin(art, Attribution("self", None))[0] == Origin("Wire", "outlet")
    assert origins.origin(art, Attribution("state_media", None, "state media reported"))[0].name == "state media"
    assert origins.origin(art, Attribution("news_outlet", "Yonhap"))[0] == Origin("Yonhap", "news_outlet")


def test_finding_is_stated_by_a_cited_claim_not_the_outlets_own_aside() -> None:
    # Outlet A mentions the gift in its own voice while reporting the reaction, and cites state
    # media for the gift itself: the finding is stated by the cited claim.
    a = article("a1", "Daily", [
        "News that the president gave the leader a luxury car has angered residents, Daily has learned.",
        "State media reported that the president gave the leader a luxury car.",
    ])
    a.claims[1].attribution = Attribution("state_media", None, "State media reported")
    b = article("b1", "Wire", ["The president gave the leader a luxury car, state media said."])
    b.claims[0].attribution = Attribution("state_media", None, "state media said")
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    corroborated = [f for f in findings if f.kind == "corroborated"]
    assert len(corroborated) == 1
    finding = corroborated[0]
    assert finding.evidence[0].sentence.startswith("State media reported")
    assert statement(finding).endswith(": State media reported that the president gave the leader a luxury car.")
    assert finding.origin_labels and finding.origin_labels[0] in statement(finding)


def test_same_unit_of_two_subjects_or_scopes_is_no_conflict() -> None:
    # "Garrard threw for 329 yards" / "Manning threw for 364 yards": one unit, two players.
    a = article("a1", "Wire", ["The quarterback threw for 329 yards in the win on Sunday night."])
    b = article("b1", "Daily", ["The quarterback threw for 364 yards in the win on Sunday night."])
    add_quantity(a, 0, "329", 329, "yard")
    add_quantity(b, 0, "364", 364, "yard")
    a.quantities[0].measure = Measure(predicate="throw", subject="Garrard", subject_start=0, subject_end=3)
    b.quantities[0].measure = Measure(predicate="throw", subject="Manning", subject_start=0, subject_end=3)
    a.mentions.append(Mention("The", "PERSON", 0, 3, 0, key="garrard"))
    b.mentions.append(Mention("The", "PERSON", 0, 3, 0, key="manning"))
    # Neither a conflict nor a corroboration: two claims that agree on no count of one unit.
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    assert [f.kind for f in findings] == ["unique", "unique"]
    # The same player, once in the first half only: two parts of the game.
    b.mentions[0].key = "garrard"
    b.quantities[0].measure = Measure(predicate="throw", subject="Garrard", subject_start=0, subject_end=3, scope=["half"])
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["unique", "unique"]
    # The same player and the same scope: a conflict.
    b.quantities[0].measure = Measure(predicate="throw", subject="Garrard", subject_start=0, subject_end=3)
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["conflict"]


def test_converted_amount_is_no_conflict_and_a_rising_toll_is_an_update() -> None:
    a = article("a1", "Wire", ["The bailout of 110 billion euros, about 143 billion dollars, was agreed."])
    b = article("b1", "Daily", ["The bailout of 110 billion euros, about 158 billion dollars, was agreed."])
    add_quantity(a, 0, "143 billion", 143e9, "dollar")
    add_quantity(b, 0, "158 billion", 158e9, "dollar")
    a.quantities[0].measure = Measure(predicate="agree", conversion=True)
    b.quantities[0].measure = Measure(predicate="agree", conversion=True)
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["corroborated"]
    c = article("c1", "Wire", ["The death toll from the mine collapse stood at 5 on Monday."])
    d = article("d1", "Daily", ["The death toll from the mine collapse rose to 12 on Monday."])
    add_quantity(c, 0, "5", 5, "toll")
    add_quantity(d, 0, "12", 12, "toll")
    findings = compare_story([c, d], settings=SETTINGS, embedder=BagOfWords())
    assert [f.kind for f in findings] == ["update"]
    assert statement(findings[0]).startswith("Number changed")


def test_a_later_higher_count_of_the_dead_is_an_update() -> None:
    c = article("c1", "Wire", ["Five people died when the mine collapsed on Monday."])
    d = article("d1", "Daily", ["Twelve people died when the mine collapsed on Monday."])
    c.published, d.published = "2024-03-04", "2024-03-06"
    add_quantity(c, 0, "Five", 5, "person")
    add_quantity(d, 0, "Twelve", 12, "person")
    for art in (c, d):
        art.quantities[0].measure = Measure(predicate="die")
    assert [f.kind for f in compare_story([c, d], settings=SETTINGS, embedder=BagOfWords())] == ["update"]
    # Reported the other way round (the later report lower), it is a conflict.
    c.published, d.published = "2024-03-06", "2024-03-04"
    assert [f.kind for f in compare_story([c, d], settings=SETTINGS, embedder=BagOfWords())] == ["conflict"]


def test_an_age_one_year_on_is_an_update_and_two_acts_are_not_compared() -> None:
    a = article("a1", "Wire", ["Trial is set for the 26-year-old Simpson of Fort Coffee."])
    b = article("b1", "Daily", ["The jury convicted the 27-year-old Simpson of Fort Coffee."])
    add_quantity(a, 0, "26-year-old", 26, "age")
    add_quantity(b, 0, "27-year-old", 27, "age")
    for art in (a, b):
        art.mentions.append(Mention("Simpson", "PERSON", art.text.index("Simpson"), art.text.index("Simpson") + 7, 0, key="simpson"))
        art.quantities[0].measure = Measure(
            predicate="age", subject="Simpson", subject_start=art.mentions[0].start, subject_end=art.mentions[0].end
        )
    # Undated reports: a birthday may lie between them.
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["update"]
    a.published = b.published = "2013-05-02"
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["conflict"]
    # "missed four games" / "played in 10 games": two acts, even as each claim's main verb; no
    # conflict, and no corroboration either (they agree on no count of games).
    c = article("c1", "Wire", ["Bush missed four games this season after knee surgery."])
    d = article("d1", "Daily", ["Bush played in 10 games this season after knee surgery."])
    add_quantity(c, 0, "four", 4, "game")
    add_quantity(d, 0, "10", 10, "game")
    c.quantities[0].measure = Measure(predicate="miss")
    d.quantities[0].measure = Measure(predicate="play")
    assert [f.kind for f in compare_story([c, d], settings=SETTINGS, embedder=BagOfWords())] == ["unique", "unique"]


def test_durations_compare_by_length_but_offsets_do_not() -> None:
    def duration(art: Article, phrase: str) -> None:
        add_duration(art, 0, phrase, "serve")

    a = article("a1", "Wire", ["LaRue served four months in federal prison for his role."])
    b = article("b1", "Daily", ["LaRue served 136 days in federal prison for his role."])
    duration(a, "four months")
    duration(b, "136 days")
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["conflict"]
    # "nine days before the inauguration" places the act; it does not say how long it lasted.
    c = article("c1", "Wire", ["The rule takes effect in about 30 days, officials said."])
    d = article("d1", "Daily", ["The rule takes effect nine days before the inauguration, officials said."])
    duration(c, "about 30 days")
    duration(d, "nine days")
    assert "conflict" not in [f.kind for f in compare_story([c, d], settings=SETTINGS, embedder=BagOfWords())]


def test_lengths_told_of_episodes_years_apart_are_not_compared() -> None:
    def year(art: Article, claim_no: int, phrase: str, value: str) -> None:
        claim = art.claims[claim_no]
        start = art.text.index(phrase, claim.start)
        art.times.append(TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=claim_no,
                                   value=value, granularity="month", resolved=True))

    def story(first: str, value: str) -> list[Article]:
        a = article("a1", "Wire", ["A year later, he was convicted in 1959 of heroin trafficking.",
                                   "Gigante was sentenced to seven years in prison."])
        b = article("b1", "Daily", [f"It ended with a {first} racketeering conviction.",
                                    "Gigante was sentenced to 12 years in prison."])
        year(a, 0, "1959", "1959")
        year(b, 0, first, value)
        add_duration(a, 1, "seven years", "sentence")
        add_duration(b, 1, "12 years", "sentence")
        return [a, b]

    # The sentences before set one account in 1959 and the other in 1997: two sentences.
    kinds = [f.kind for f in compare_story(story("July 1997", "1997-07"), settings=SETTINGS, embedder=BagOfWords())]
    assert "conflict" not in kinds and "corroborated" not in kinds
    # Set in one year (or in years one apart), the two lengths contradict each other.
    kinds = [f.kind for f in compare_story(story("July 1960", "1960-07"), settings=SETTINGS, embedder=BagOfWords())]
    assert "conflict" in kinds


def test_a_long_claim_grouped_with_one_fact_also_backs_the_other_fact_it_tells() -> None:
    # a1 tells two facts in one sentence; it is grouped with b1 (the sentence) and still backs
    # the group of c1 and d1 (the deadlock). c1 tells one fact only: it does not back the
    # sentence's group.
    a = article("a1", "Wire", ["Nichols was sentenced to life in prison by Judge Bodiford after the jury "
                               "deadlocked over four days."])
    b = article("b1", "Daily", ["Judge Bodiford sentenced Nichols to life in prison."])
    c = article("c1", "Post", ["The jury deadlocked after four days of deliberation.", "Weather was cold."])
    d = article("d1", "Times", ["After four days of deliberation the jury deadlocked.", "Snow fell."])
    findings = [f for f in compare_story([a, b, c, d], settings=SETTINGS, embedder=BagOfWords())
                if f.kind == "corroborated"]
    backers = sorted(sorted(e.article for e in f.evidence) for f in findings)
    assert backers == [["a1", "b1"], ["a1", "c1", "d1"]]


def test_two_proper_names_are_two_subjects_even_without_entity_keys() -> None:
    # The tagger missed "Manning" in a fragment: the names still differ.
    a = article("a1", "Wire", ["Manning threw for 364 yards and three touchdowns in the game."])
    b = article("b1", "Daily", ["Garrard threw for 329 yards and a touchdown in the game."])
    add_quantity(a, 0, "364 yards", 364, "yard")
    add_quantity(b, 0, "329 yards", 329, "yard")
    a.quantities[0].measure = Measure(predicate="throw", subject="Manning", subject_start=0, subject_end=7, subject_proper=True)
    b.quantities[0].measure = Measure(predicate="throw", subject="Garrard", subject_start=0, subject_end=7, subject_proper=True)
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]
    # One name: its values are compared.
    b.quantities[0].measure = Measure(predicate="throw", subject="Manning", subject_start=0, subject_end=7, subject_proper=True)
    assert "conflict" in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]


def _weekday(art: Article, phrase: str, measure: Measure) -> None:
    claim = next(c for c in art.claims if phrase in c.text)
    start = art.text.index(phrase)
    tv = TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=claim.sentence, measure=measure)
    art.times.append(tv)
    claim.slots.append(Slot("time", phrase, tv.start, tv.end, None))


def test_a_title_the_story_gives_the_sole_agent_of_an_act_stands_for_that_agent() -> None:
    # "the actress" checked in Friday; "actress Lindsay Lohan" checked in Thursday: no other
    # subject of that act is named in the story, and the story calls her so.
    a = article("a1", "Wire", ["Actress Lindsay Lohan checked into the clinic late Thursday."])
    b = article("b1", "Daily", ["Spokesmen were silent.", "Early Friday the actress checked herself in."])
    lohan = a.text.index("Lindsay Lohan")
    a.mentions.append(Mention("Lindsay Lohan", "PERSON", lohan, lohan + 13, 0, key="lohan"))
    _weekday(a, "late Thursday", Measure(predicate="check", subject="Lindsay Lohan", subject_start=lohan,
                                         subject_end=lohan + 13, subject_proper=True))
    actress = b.text.index("actress")
    actress_measure = Measure(predicate="check", subject="actress", subject_start=actress, subject_end=actress + 7)
    _weekday(b, "Early Friday", actress_measure)
    conflicts = [f for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords()) if f.kind == "conflict"]
    assert [sorted(e.value for e in f.evidence) for f in conflicts] == [["Early Friday", "late Thursday"]]
    # A noun the story never uses for her ("the driver") says nothing of whom it means.
    b2 = article("b2", "Daily", ["Spokesmen were silent.", "Early Friday the driver checked herself in."])
    driver = b2.text.index("driver")
    _weekday(b2, "Early Friday", Measure(predicate="check", subject="driver", subject_start=driver,
                                         subject_end=driver + 6))
    assert "conflict" not in [f.kind for f in compare_story([a, b2], settings=SETTINGS, embedder=BagOfWords())]


def test_one_unaligned_value_against_several_reports_is_one_finding() -> None:
    died = Measure(predicate="die", subject="Felt", subject_start=0, subject_end=4, subject_proper=True)
    reports = [
        article("a1", "Wire", ["Felt, the informant known as Deep Throat, died on Friday."]),
        article("b1", "Daily", ["Felt died Thursday at his home in Santa Rosa."]),
        article("c1", "Post", ["After years of illness Felt died Thursday, his family said."]),
    ]
    for art, day in zip(reports, ("Friday", "Thursday", "Thursday")):
        start = art.text.index("Felt")
        art.mentions.append(Mention("Felt", "PERSON", start, start + 4, 0, key="felt"))
        _weekday(art, day, Measure(predicate=died.predicate, subject="Felt", subject_start=start,
                                   subject_end=start + 4, subject_proper=True))
    settings = AlignSettings(threshold=0.9, quote_threshold=0.5)  # nothing aligns
    conflicts = [f for f in compare_story(reports, settings=settings, embedder=BagOfWords()) if f.kind == "conflict"]
    assert len(conflicts) == 1
    assert sorted(e.article for e in conflicts[0].evidence) == ["a1", "b1", "c1"]
    assert statement(conflicts[0]).endswith("Friday (Wire) vs Thursday (Daily, Post)")


def test_a_length_of_time_is_not_compared_with_a_date_in_one_claim() -> None:
    a = article("a1", "Wire", ["He served five months in federal prison."])
    b = article("b1", "Daily", ["He served four and a half months in federal prison for the break-in on June 17, 1972."])
    for art, phrase in ((a, "five months"), (b, "four and a half months")):
        start = art.text.index(phrase)
        tv = TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=0, granularity="duration",
                       measure=Measure(predicate="serve"))
        art.times.append(tv)
        art.claims[0].slots.append(Slot("time", phrase, tv.start, tv.end, None))
    add_time(b, 0, "June 17, 1972", "1972-06-17", "1972-06-17", "1972-06-17")
    b.times[-1].measure = Measure(predicate="serve")
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    assert [f.kind for f in findings] == ["conflict"]
    assert sorted(e.value for e in findings[0].evidence if e.value) == ["five months", "four and a half months"]


def test_a_proper_name_the_tagger_missed_is_still_its_named_subject() -> None:
    a = article("a1", "Wire", ["In 1957, Page disappeared from the flash of the cameras."])
    b = article("b1", "Daily", ["Page suddenly left the scene and vanished in 1958, friends recall."])
    add_time(a, 0, "1957", "1957", "1957-01-01", "1957-12-31")
    add_time(b, 0, "1958", "1958", "1958-01-01", "1958-12-31")
    pa, pb = a.text.index("Page"), b.text.index("Page")
    a.mentions.append(Mention("Page", "PERSON", pa, pa + 4, 0, key="page"))  # tagged in one report only
    a.times[0].measure = Measure(predicate="disappear", subject="Page", subject_start=pa, subject_end=pa + 4,
                                 subject_proper=True)
    b.times[0].measure = Measure(predicate="disappear", subject="Page", subject_start=pb, subject_end=pb + 4,
                                 subject_proper=True)
    settings = AlignSettings(threshold=0.9, quote_threshold=0.5)
    assert [f.kind for f in compare_story([a, b], settings=settings, embedder=BagOfWords())].count("conflict") == 1
    b.times[0].measure = Measure(predicate="disappear", subject="Bettie", subject_start=pb, subject_end=pb + 4,
                                 subject_proper=True)
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=settings, embedder=BagOfWords())]


def test_a_pronoun_read_as_the_articles_main_person_parts_two_subjects() -> None:
    # "He also caught eight passes" in an article about Thomas / "Bush caught 52 passes".
    sentences = ["Thomas started for Bush and Thomas ran well.", "Thomas scored twice.",
                 "He also caught eight passes in the game."]
    a = article("a1", "Wire", sentences)
    a.sentences = [Sentence(c.sentence, c.start, c.end, c.text) for c in a.claims]
    for n, word in [(0, "Thomas"), (0, "Bush"), (1, "Thomas")]:
        start = a.text.index(word, a.claims[n].start)
        a.mentions.append(Mention(word, "PERSON", start, start + len(word), n, key=word.lower()))
    a.mentions.append(Mention("Thomas", "PERSON", a.text.index("Thomas", 10), a.text.index("Thomas", 10) + 6, 0, key="thomas"))
    b = article("b1", "Daily", ["Bush caught 52 passes in the game."])
    b.mentions.append(Mention("Bush", "PERSON", 0, 4, 0, key="bush"))
    add_quantity(a, 2, "eight", 8, "pass")
    add_quantity(b, 0, "52", 52, "pass")
    he = a.text.index("He also")
    a.quantities[0].measure = Measure(predicate="catch", subject="He", subject_start=he, subject_end=he + 2)
    b.quantities[0].measure = Measure(predicate="catch", subject="Bush", subject_start=0, subject_end=4, subject_proper=True)
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]
    # When the article is mostly about Bush, "he" is not read: the values are compared.
    for m in a.mentions:
        m.key = "bush" if m.key == "thomas" and m.sentence == 0 else m.key
    assert "conflict" in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]


def test_values_in_a_roundup_of_several_games_are_not_compared() -> None:
    def reports(first: str) -> list:
        a = article("a1", "Wire", [first, "Clark finished with 22 points in the game."])
        b = article("b1", "Daily", ["Clark finished with 25 points in the game."])
        add_quantity(a, 1, "22", 22, "point")
        add_quantity(b, 0, "25", 25, "point")
        for art in (a, b):
            start = art.text.index("Clark")
            art.quantities[0].measure = Measure(predicate="finish", subject="Clark", subject_start=start,
                                                subject_end=start + 5, subject_proper=True)
            art.mentions.append(Mention("Clark", "PERSON", start, start + 5, 0, key="clark"))
        return [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]

    assert "conflict" in reports("Duke (13-1) beat Davidson 79-67 on Saturday.")
    # Three games' final scores: a roundup, whose 22 points may be another game's.
    assert "conflict" not in reports("Duke won 79-67, North Carolina 108-70 and Louisville 71-57.")


def test_the_running_score_of_one_game_is_no_roundup() -> None:
    from rashomon.value_conflicts import roundup

    one_game = article("a1", "Wire", ["Creighton led 33-26 at the half, then 45-35, 54-46 and 60-46 before winning 65-53."])
    assert not roundup(one_game)
    games = article("b1", "Wire", ["Duke won 79-67, North Carolina 108-70, Louisville 71-57, Kansas 89-79 and UCLA 85-78."])
    assert roundup(games)


def test_values_that_plainly_measure_one_thing_conflict_however_loosely_their_claims_align() -> None:
    # Two claims about one tally of one named player, worded too differently for their
    # similarity to vouch for the values, still give one count under "have".
    a = article("a1", "Wire", ["Hansbrough now has 2,301 career points as a Tar Heel."])
    b = article("b1", "Daily", ["Officials stopped the game when Hansbrough, who now has 2,302 points, made the basket."])
    add_quantity(a, 0, "2,301", 2301, "point")
    add_quantity(b, 0, "2,302", 2302, "point")
    for art in (a, b):
        start = art.text.index("Hansbrough")
        art.quantities[0].measure = Measure(predicate="have", subject="Hansbrough", subject_start=start,
                                            subject_end=start + 10, subject_proper=True)
        art.mentions.append(Mention("Hansbrough", "PERSON", start, start + 10, 0, key="hansbrough"))
    settings = AlignSettings(threshold=0.3, quote_threshold=0.5, conflict_threshold=0.95)
    findings = compare_story([a, b], settings=settings, embedder=BagOfWords())
    assert [f.kind for f in findings] == ["conflict"]
    # Under "have", two subjects' tallies are not one count.
    b.mentions[0].key = "ford"
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=settings, embedder=BagOfWords())]


def _last_act(aid: str, first: list[str], sentence: str, text: str, value: str, granularity: str) -> Article:
    """An article whose last sentence, "He …", dates or times an act with ``text``."""
    art = article(aid, aid, [*first, sentence])
    art.sentences = [Sentence(c.sentence, c.start, c.end, c.text) for c in art.claims]
    for n, line in enumerate(first):
        for word in re.findall(r"LaRue|Mitchell", line):
            at = art.text.index(word, art.claims[n].start)
            art.mentions.append(Mention(word, "PERSON", at, at + len(word), n, key=word.lower()))
    last = art.claims[-1]
    at = art.text.index(text, last.start)
    year = granularity == "year"
    tv = TimeValue(text=text, start=at, end=at + len(text), sentence=len(first), value=value,
                   granularity=granularity, earliest=f"{value}-01-01" if year else None,
                   latest=f"{value}-12-31" if year else None, resolved=year)
    verb = "return" if year else "serve"
    tv.measure = Measure(predicate=verb, subject="He", subject_start=last.start, subject_end=last.start + 2)
    art.times.append(tv)
    last.slots.append(Slot("time", text, tv.start, tv.end, value))
    return art


def test_a_he_far_from_any_name_is_the_articles_main_person_for_a_count_or_a_length_only() -> None:
    # "He served 136 days." three sentences after the last "LaRue", in an article about LaRue:
    # a length of time, which one story gives once.
    lead = ["LaRue worked for Mitchell and LaRue ran the office.", "LaRue was charged in 1973.",
            "The office closed.", "Its staff left."]
    a = _last_act("a1", lead, "He served 136 days.", "136 days", "P136D", "duration")
    b = _last_act("b1", lead, "In the end he served four months in a federal prison camp.", "four months", "P4M",
                  "duration")
    b.times[0].measure.subject_start = b.text.index("he served")
    b.times[0].measure.subject_end = b.times[0].measure.subject_start + 2
    # Claims too unlike to align: only the values' measures can join them.
    settings = AlignSettings(threshold=0.9, lexical_threshold=0.9, quote_threshold=0.5)
    assert "conflict" in [f.kind for f in compare_story([a, b], settings=settings, embedder=BagOfWords())]
    # A date of an act a life may hold many times ("returned to prison in 1984" / "in 1999")
    # is not read so far.
    a = _last_act("a1", lead, "He returned to prison in 1984 with a new charge.", "1984", "1984", "year")
    b = _last_act("b1", lead, "In the end he returned to prison in 1999 to serve a life term.", "1999", "1999",
                  "year")
    b.times[0].measure.subject_start = b.text.index("he returned")
    b.times[0].measure.subject_end = b.times[0].measure.subject_start + 2
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=settings, embedder=BagOfWords())]


def test_a_time_of_day_neither_clears_nor_accuses_a_day() -> None:
    def report(aid: str, sentence: str, day: str, clock: str | None) -> Article:
        art = article(aid, aid, [sentence])
        for phrase, granularity in ((day, None), (clock, "time")):
            if phrase is None:
                continue
            at = art.text.index(phrase)
            tv = TimeValue(text=phrase, start=at, end=at + len(phrase), sentence=0, granularity=granularity,
                           measure=Measure(predicate="check"))
            art.times.append(tv)
            art.claims[0].slots.append(Slot("time", phrase, tv.start, tv.end, None))
        return art

    a = report("a1", "The actress checked into the clinic late Thursday.", "late Thursday", None)
    b = report("b1", "Early Friday, around 1:30 a.m., the actress checked into the clinic.", "Early Friday",
               "around 1:30 a.m.")
    assert "conflict" in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]
    b = report("b1", "Thursday, around 11:30 p.m., the actress checked into the clinic.", "Thursday",
               "around 11:30 p.m.")
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]


def test_a_pronoun_goes_on_about_the_subject_before_it_not_the_main_person() -> None:
    # In an article that names Bush most, "He also caught eight passes" comes two sentences
    # after "Thomas has established himself", with a "He" between them: it is Thomas's tally.
    sentences = ["Bush was hurt and Bush will miss the season.", "Bush had surgery.",
                 "In Bush's absence, Thomas has established himself.", "He has 189 rushing yards.",
                 "He also caught eight passes in the game."]
    a = article("a1", "Wire", sentences)
    a.sentences = [Sentence(c.sentence, c.start, c.end, c.text) for c in a.claims]
    for n, word, key in [(0, "Bush", "bush"), (1, "Bush", "bush"), (2, "Bush", "bush"), (2, "Thomas", "thomas")]:
        for hit in re.finditer(word, a.text[a.claims[n].start:a.claims[n].end]):
            start = a.claims[n].start + hit.start()
            a.mentions.append(Mention(word, "PERSON", start, start + len(word), n, key=key))
    a.mentions.sort(key=lambda m: m.start)
    thomas = a.text.index("Thomas")
    a.claims[2].slots.append(Slot("actor", "Thomas", thomas, thomas + 6))
    for n in (3, 4):
        a.claims[n].slots.append(Slot("actor", "He", a.claims[n].start, a.claims[n].start + 2))
    b = article("b1", "Daily", ["Bush caught 52 passes in the game."])
    b.mentions.append(Mention("Bush", "PERSON", 0, 4, 0, key="bush"))
    add_quantity(a, 4, "eight", 8, "pass")
    add_quantity(b, 0, "52", 52, "pass")
    he = a.claims[4].start
    a.quantities[0].measure = Measure(predicate="catch", subject="He", subject_start=he, subject_end=he + 2)
    b.quantities[0].measure = Measure(predicate="catch", subject="Bush", subject_start=0, subject_end=4, subject_proper=True)
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]
    # When the subject before is Bush himself, the values are compared.
    bush = a.text.index("Bush", a.claims[2].start)
    a.claims[2].slots[0] = Slot("actor", "Bush", bush, bush + 4)
    assert "conflict" in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]



def test_claims_whose_main_act_the_other_tells_by_its_numbers_are_not_two_acts() -> None:
    def ref(aid: str, text: str, verb: str, act: str, count: str, value: float) -> ClaimRef:
        art = article(aid, aid, [text])
        art.claims[0].slots.append(Slot("action", verb, text.index(verb), text.index(verb) + len(verb), act))
        add_quantity(art, 0, count, value, "comment")
        art.quantities[0].measure = Measure(predicate="receive")
        return ClaimRef(art, art.claims[0])

    a = ref("a1", "The agency received nearly 235,000 comments on the proposal.", "received", "receive",
            "nearly 235,000", 235000)
    b = ref("b1", "The agency proposed the rules in May and has since received nearly 300,000 comments.",
            "proposed", "propose", "nearly 300,000", 300000)
    # Alike enough to link, not so alike as to be one statement whatever the verbs.
    sims = np.array([[1.0, 0.55], [0.55, 1.0]])
    _drop_disagreeing([a, b], sims, 0.5)
    # "proposed" is b's main verb, but its count hangs on "received", a's main act: one act.
    assert sims[0, 1] == 0.55
    # Without that count, proposing and receiving are two acts.
    b.article.quantities[0].measure = Measure(predicate="propose")
    _drop_disagreeing([a, b], sims, 0.5)
    assert sims[0, 1] == 0.0


def test_lengths_of_time_the_reports_share_leave_the_one_they_differ_on_to_compare() -> None:
    def duration(art: Article, phrase: str) -> None:
        start = art.text.index(phrase)
        tv = TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=0, granularity="duration",
                       measure=Measure(predicate="sentence"))
        art.times.append(tv)
        art.claims[0].slots.append(Slot("time", phrase, tv.start, tv.end, None))

    a = article("a1", "Wire", ["He was sentenced to 2 years, with 9 months to serve in that case."])
    b = article("b1", "Daily", ["He was sentenced to 2 1/2 years, with 9 months to serve in that case."])
    for art, length in ((a, "2 years"), (b, "2 1/2 years")):
        duration(art, length)
        duration(art, "9 months")
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    # "9 months" in both accounts for itself; the sentences' lengths differ.
    assert [f.kind for f in findings] == ["conflict"]
    assert [e.value for e in findings[0].evidence] == ["2 years", "2 1/2 years"]
    assert findings[0].unit == "duration"
    assert statement(findings[0]).startswith("Length of time differs: ")


def test_a_part_of_the_day_on_its_own_neither_clears_nor_accuses_two_days() -> None:
    def day(art: Article, phrase: str, granularity: str | None = None) -> None:
        start = art.text.index(phrase)
        tv = TimeValue(text=phrase, start=start, end=start + len(phrase), sentence=0, granularity=granularity,
                       measure=Measure(predicate="check", subject="Lohan"))
        art.times.append(tv)
        art.claims[0].slots.append(Slot("time", phrase, tv.start, tv.end, None))

    a = article("a1", "Wire", ["Lohan checked into the clinic on Thursday night for a stay."])
    b = article("b1", "Daily", ["Early Friday morning, Lohan checked into the clinic for a stay."])
    day(a, "Thursday")
    day(a, "night")
    day(b, "Early Friday")
    day(b, "morning")
    findings = compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())
    assert [f.kind for f in findings] == ["conflict"]
    assert [e.value for e in findings[0].evidence] == ["Thursday", "Early Friday"]


def test_dates_of_an_act_told_of_two_named_events_are_not_compared() -> None:
    def told(aid: str, text: str, event: str, year: str) -> Article:
        art = article(aid, aid, [text])
        add_time(art, 0, year, year, f"{year}-01-01", f"{year}-12-31")
        art.times[0].granularity = "year"
        at = text.index("destroyed")
        art.times[0].measure = Measure(predicate="destroy", predicate_start=at)
        art.mentions.append(Mention(event, "EVENT", text.index(event), text.index(event) + len(event), 0))
        return art

    a = told("a1", "When Hurricane George destroyed the clinic in 1998, she made house calls.", "Hurricane George", "1998")
    b = told("b1", "She rebuilt the clinic, destroyed in Hurricane Katrina in 2005, with her savings.", "Hurricane Katrina", "2005")
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]
    # One event, named more or less fully: the years are compared.
    c = told("c1", "She rebuilt the clinic, destroyed in the Hurricane George floods in 2005, with her savings.",
             "the Hurricane George floods", "2005")
    assert "conflict" in [f.kind for f in compare_story([a, c], settings=SETTINGS, embedder=BagOfWords())]


def test_a_negation_of_another_verb_than_the_one_the_numbers_tell_does_not_part_two_claims() -> None:
    def ref(aid: str, text: str, verb: str, act: str, negated: bool) -> ClaimRef:
        art = article(aid, aid, [text])
        art.claims[0].negated = negated
        art.claims[0].slots.append(Slot("action", verb, text.index(verb), text.index(verb) + len(verb), act))
        add_quantity(art, 0, "364 yards", 364, "yard")
        art.quantities[0].measure = Measure(predicate="complete")
        return ClaimRef(art, art.claims[0])

    a = ref("a1", "Manning completed 29 of 34 passes for 364 yards.", "completed", "complete", False)
    b = ref("b1", "But he wasn't a match for Manning, who completed 29 of 34 for 364 yards.", "was", "be", True)
    sims = np.array([[1.0, 0.7], [0.7, 1.0]])
    _drop_disagreeing([a, b], sims, 0.5)
    assert sims[0, 1] == 0.7  # "wasn't" negates "be"; both tell that Manning completed passes
    # A claim that denies the very act the other asserts is parted.
    c = ref("c1", "Manning never completed 29 of 34 passes for 364 yards.", "completed", "complete", True)
    sims = np.array([[1.0, 0.7], [0.7, 1.0]])
    _drop_disagreeing([a, c], sims, 0.5)
    assert sims[0, 1] == 0.0


def test_dates_of_one_measure_conflict_at_the_value_threshold_places_need_more() -> None:
    # Aligned claims scoring between the two thresholds: their dates, whose measures are
    # vetted, are compared; their places are not.
    def pair(low: float, high: float) -> list[str]:
        a = article("a1", "Wire", ["The family sold the Bolton oil field to a buyer in 1957 in Russia."])
        b = article("b1", "Daily", ["The Bolton oil field was sold by the family in 1967 in Pyongyang, a lawyer recalled later."])
        for art, year, place in ((a, "1957", "Russia"), (b, "1967", "Pyongyang")):
            add_time(art, 0, year, year, f"{year}-01-01", f"{year}-12-31")
            art.times[0].measure = Measure(predicate="sell")
            add_place(art, 0, place)
        settings = AlignSettings(threshold=0.3, quote_threshold=0.5, conflict_threshold=high,
                                 value_conflict_threshold=low, compare_unaligned=False)
        return [f.slot for f in compare_story([a, b], settings=settings, embedder=BagOfWords()) if f.kind == "conflict"]

    assert pair(0.3, 0.99) == ["time"]
    assert pair(0.99, 0.99) == []
    assert sorted(pair(0.3, 0.3)) == ["place", "time"]


def test_two_acts_worded_alike_are_told_apart_by_meaning_not_by_shared_names() -> None:
    def ref(aid: str, text: str, verb: str, act: str) -> ClaimRef:
        art = article(aid, aid, [text])
        art.claims[0].slots.append(Slot("action", verb, text.index(verb), text.index(verb) + len(verb), act))
        return ClaimRef(art, art.claims[0])

    a = ref("a1", "Police identified the victims as Tanya Wilson and Latonya Brown.", "identified", "identify")
    b = ref("b1", "She shot Tanya Wilson and Latonya Brown in the break room.", "shot", "shoot")
    keys: list[set[str]] = [set(), set()]

    class Meaning:
        def __init__(self, score: float) -> None:
            self.score, self.asked = score, 0

        def similarity(self, left, right):  # noqa: ANN001, ANN201
            self.asked += 1
            return np.full((len(left), len(right)), self.score)

    # The names make their words alike, above the margin for one statement in two wordings.
    sims = np.array([[1.0, 0.9], [0.9, 1.0]])
    alike = _drop_disagreeing([a, b], sims, 0.5)
    assert alike == {(0, 1)} and sims[0, 1] == 0.9
    # What they mean is not alike: no link.
    assert _weigh_meaning([a, b], sims, keys, alike, Meaning(0.3), 0.5) == []
    assert sims[0, 1] == 0.0
    # Close in meaning too: one statement, whatever the verbs.
    sims = np.array([[1.0, 0.9], [0.9, 1.0]])
    assert _weigh_meaning([a, b], sims, keys, alike, Meaning(0.8), 0.5) == [(0, 1)]
    # One act: nothing to weigh, and the embedder is not asked.
    b.claim.slots[0] = Slot("action", "shot", 4, 8, "identify")
    assert _drop_disagreeing([a, b], sims, 0.5) == set()
    meaning = Meaning(0.0)
    assert _weigh_meaning([a, b], sims, keys, set(), meaning, 0.5) == [(0, 1)] and meaning.asked == 0


def test_weighing_by_meaning_is_a_setting() -> None:
    def story() -> list[Article]:
        a = article("a1", "Wire", ["Police identified the victims as Tanya Wilson and Latonya Brown."])
        b = article("b1", "Daily", ["She shot Tanya Wilson and Latonya Brown, police identified."])
        for art, verb, act in ((a, "identified", "identify"), (b, "shot", "shoot")):
            at = art.text.index(verb)
            art.claims[0].slots.append(Slot("action", verb, at, at + len(verb), act))
        return [a, b]

    class Unlike:
        def similarity(self, left, right):  # noqa: ANN001, ANN201
            return np.full((len(left), len(right)), 0.1)

    def kinds(weigh: bool) -> list[str]:
        settings = AlignSettings(threshold=0.3, quote_threshold=0.5, weigh_meaning=weigh)
        return sorted(f.kind for f in compare_story(story(), settings=settings, embedder=Unlike()))

    assert kinds(False) == ["corroborated"]
    assert kinds(True) == ["unique", "unique"]


def _act(art: Article, claim_no: int, verb: str, act: str) -> None:
    claim = art.claims[claim_no]
    start = art.text.index(verb, claim.start)
    claim.slots.append(Slot("action", verb, start, start + len(verb), act))


def _crash_story() -> list[Article]:
    # c1's second claim is linked to b1's long sentence (the crash closing the street) but not
    # to the finding's lead, a1 (the arrest).
    a = article("a1", "Wire", ["Police arrested the driver on Friday night."])
    b = article("b1", "Daily", ["Police arrested the driver on Friday night after the crash closed Main Street for hours."])
    c = article("c1", "Post", ["Police arrested the driver on Friday night.", "The crash closed Main Street for hours."])
    return [a, b, c]


def test_a_claim_joined_through_another_member_only_does_not_back_the_lead() -> None:
    findings = [f for f in compare_story(_crash_story(), settings=SETTINGS, embedder=BagOfWords())
                if f.kind == "corroborated"]
    shown = [[(e.article, e.sentence.split()[1]) for e in f.evidence] for f in findings]
    # The arrest is backed by the three arrest sentences; the street's closing leads a finding
    # of its own, backed by the one sentence that tells it too, not a fourth report of the arrest.
    assert [("a1", "arrested"), ("b1", "arrested"), ("c1", "arrested")] in shown
    assert [("c1", "crash"), ("b1", "arrested")] in shown
    assert len(findings) == 2
    # No claim is lost: each is shown in some finding.
    every = compare_story(_crash_story(), settings=SETTINGS, embedder=BagOfWords())
    assert {(e.article, e.start) for f in every for e in f.evidence} == {
        (a.id, c.start) for a in _crash_story() for c in a.claims
    }


def test_a_claim_telling_the_leads_act_backs_it_however_worded() -> None:
    articles = _crash_story()
    _act(articles[0], 0, "arrested", "arrest")
    _act(articles[2], 1, "closed", "arrest")  # one kind of act, worded too differently to link
    findings = [f for f in compare_story(articles, settings=SETTINGS, embedder=BagOfWords())
                if f.kind == "corroborated"]
    assert [sorted((e.article, e.sentence.split()[1]) for e in f.evidence) for f in findings] == [
        [("a1", "arrested"), ("b1", "arrested"), ("c1", "arrested"), ("c1", "crash")]
    ]



_WORDS = "police arrested driver crash closed street fire church damaged mayor said friday".split()


@given(st.lists(st.lists(st.lists(st.sampled_from(_WORDS), min_size=3, max_size=8), min_size=1, max_size=4),
                min_size=2, max_size=4))
@hsettings(max_examples=60, deadline=None)
def test_every_claim_of_a_story_is_shown_in_some_finding(texts: list[list[list[str]]]) -> None:
    articles = [
        article(f"a{n}", f"Outlet{n}", [" ".join(words).capitalize() + f" {n}{k}." for k, words in enumerate(sentences)])
        for n, sentences in enumerate(texts)
    ]
    findings = compare_story(articles, settings=SETTINGS, embedder=BagOfWords())
    shown = {(e.article, e.start) for f in findings for e in f.evidence}
    assert shown == {(a.id, c.start) for a in articles for c in a.claims}
    for f in findings:
        if f.kind == "corroborated":
            assert len({e.article for e in f.evidence}) >= 2


def _tally(art: Article, phrase: str, value: float, predicate: str) -> None:
    add_quantity(art, 0, phrase, value, "point")
    start = art.text.index("Carter")
    art.mentions.append(Mention("Carter", "PERSON", start, start + 6, 0, key="carter"))
    art.quantities[-1].measure = Measure(predicate=predicate, subject="Carter", subject_start=start,
                                         subject_end=start + 6, subject_proper=True)


@pytest.mark.parametrize(("verb", "told"), [("have", "had"), ("add", "added")])
def test_a_tally_told_with_have_is_the_one_another_verb_tells(verb: str, told: str) -> None:
    # "Richard Carter scored 14 points" / "Carter had 12 points": one tally of one game, in
    # reports that alignment did not pair; points "added" are points scored.
    a = article("a1", "Wire", ["Richard Carter scored 14 points for the Bulldogs."])
    b = article("b1", "Daily", [f"The visitors were paced by their guards, while Carter {told} 12 points."])
    _tally(a, "14 points", 14, "score")
    _tally(b, "12 points", 12, verb)
    settings = AlignSettings(threshold=0.9, quote_threshold=0.5)  # nothing aligns
    conflicts = [f for f in compare_story([a, b], settings=settings, embedder=BagOfWords()) if f.kind == "conflict"]
    assert [sorted(e.value for e in f.evidence if e.value) for f in conflicts] == [["12 points", "14 points"]]
    # A running total under "have" is not the game's tally.
    c = article("c1", "Daily", ["The visitors lost again, and Carter now has 1,212 points for his career."])
    _tally(c, "1,212 points", 1212, "have")
    assert "conflict" not in [f.kind for f in compare_story([a, c], settings=settings, embedder=BagOfWords())]



def test_a_merged_conflict_keeps_which_of_its_values_were_found_to_differ() -> None:
    from rashomon.records import Evidence, Finding
    from rashomon.value_conflicts import merged_conflict

    def said(article: str, value: str) -> Evidence:
        return Evidence(article=article, outlet=article.upper(), sentence="", start=0, end=9, value=value)

    # "four months" (a) differs from "136 days" (b) and from "four and a half months" (c);
    # b and c were never found to differ (they agree).
    pairs = [
        Finding(kind="conflict", slot="time", unit="duration", differing=[[0, 1]],
                evidence=[said("a", "four months"), said("b", "136 days")]),
        Finding(kind="conflict", slot="time", unit="duration", differing=[[0, 1]],
                evidence=[said("a", "four months"), said("c", "four and a half months")]),
    ]
    merged = merged_conflict(pairs)
    assert [e.article for e in merged.evidence] == ["a", "b", "c"]
    assert merged.differing == [[0, 1], [0, 2]]
    assert statement(merged) == (
        "Length of time differs: 136 days (B) vs four months (A); four and a half months (C) vs four months (A)"
    )
    # Every two values found to differ: one line of values, as before.
    pairs[1].evidence[1] = said("c", "136 days")
    assert statement(merged_conflict(pairs)) == "Length of time differs: 136 days (B, C) vs four months (A)"


def test_claims_that_agree_on_no_count_of_one_unit_do_not_corroborate() -> None:
    # Two acts the measures cannot tell are one ("cut" / "eliminate"): no conflict is shown,
    # and the two are not shown as confirming each other either.
    a = article("a1", "Wire", ["The carmaker will cut 1,200 jobs at its Detroit plant next year."])
    b = article("b1", "Daily", ["The carmaker will eliminate 2,100 jobs at its Detroit plant next year."])
    c = article("c1", "Post", ["The carmaker will cut 1,200 jobs at its Detroit plant next year, the union said."])
    for art, phrase, n in ((a, "1,200", 1200), (b, "2,100", 2100), (c, "1,200", 1200)):
        add_quantity(art, 0, phrase, n, "job")
        art.claims[0].slots.append(Slot("action", "cut" if art is not b else "eliminate", 0, 3,
                                        "cut" if art is not b else "eliminate"))
    for art, verb in ((a, "cut"), (b, "eliminate"), (c, "cut")):
        art.quantities[0].measure = Measure(predicate=verb)
    findings = compare_story([a, b, c], settings=SETTINGS, embedder=BagOfWords())
    assert not [f for f in findings if f.kind == "conflict"]
    together = [{e.article for e in f.evidence} for f in findings if f.kind == "corroborated"]
    assert {"a1", "c1"} in together
    assert not any({"a1", "b1"} <= group or {"b1", "c1"} <= group for group in together)


def test_the_killed_and_the_dead_are_one_count() -> None:
    # "The fire killed three people" (whom it killed) / "Four people died in the fire" (who died).
    a = article("a1", "Wire", ["The warehouse fire killed three people early on Sunday morning."])
    b = article("b1", "Daily", ["Four people died in the warehouse fire early on Sunday morning."])
    add_quantity(a, 0, "three", 3, "person")
    add_quantity(b, 0, "Four", 4, "person")
    a.quantities[0].measure = Measure(predicate="kill", subject="fire", subject_start=19, subject_end=23)
    b.quantities[0].measure = Measure(predicate="die")
    assert [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())] == ["conflict"]
    # Those someone died with are not whom the fire killed: a subject of "died" that is no count.
    b.quantities[0].measure = Measure(predicate="die", subject="firefighter", subject_start=0, subject_end=4)
    assert "conflict" not in [f.kind for f in compare_story([a, b], settings=SETTINGS, embedder=BagOfWords())]
