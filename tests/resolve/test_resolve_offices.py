"""A speaker one report names with an office speaks as an official in the reports that name
the speaker bare (rashomon.resolve.offices)."""

from __future__ import annotations

from rashomon.records import Attribution, Entity, Mention
from rashomon.resolve.offices import officeholders, with_offices
from tests.story_builders import article

LYONS = Entity("s.e1", "Michelle Lyons", "PERSON", variants=["Michelle Lyons", "Lyons"])


def _attributed(aid: str, sentence: str, phrase: str, name: str | None, kind: str, person: str, key: str | None):
    """An article of one claim attributed by ``phrase`` (in ``sentence``) to ``name``, with a
    PERSON mention ``person`` inside the phrase carrying the entity key ``key`` (no mention for
    a key of None: the entity tagger missed the name)."""
    art = article(aid, aid, [sentence])
    start = sentence.index(phrase)
    art.claims[0].attribution = Attribution(kind, name, phrase, start, start + len(phrase))
    if key is not None:
        at = sentence.index(person, start)
        art.mentions.append(Mention(person, "PERSON", at, at + len(person), 0, key))
    return art


def _lyons_story(*, bare_key: str | None = "s.e1"):
    titled = _attributed(
        "a1", "The inmate fled on foot, Department of Corrections spokeswoman Michelle Lyons said.",
        "Department of Corrections spokeswoman Michelle Lyons said", "Michelle Lyons", "official",
        "Michelle Lyons", "s.e1",
    )
    bare = _attributed(
        "a2", "He took the officers' weapons, Lyons said.", "Lyons said", "Lyons", "named_person", "Lyons", bare_key,
    )
    return titled, bare


def _holding(entity: Entity, holds: bool = True) -> Entity:
    return Entity(entity.id, entity.name, entity.type, variants=list(entity.variants), holds_office=holds)


def test_a_title_in_one_report_makes_the_bare_name_in_another_an_official() -> None:
    titled, bare = _lyons_story()
    assert officeholders([titled, bare], [LYONS]) == {"s.e1"}
    old = bare.claims[0].attribution
    changed = with_offices([titled, bare], [_holding(LYONS)])
    assert bare.claims[0].attribution.type == "official"
    assert bare.claims[0].attribution.name == "Lyons"
    # The old record is left as it was, and handed back to be put back.
    assert old.type == "named_person"
    assert changed == [(bare.claims[0], old)]


def test_a_bare_name_the_tagger_missed_is_found_among_the_storys_people() -> None:
    titled, bare = _lyons_story(bare_key=None)
    with_offices([titled, bare], [_holding(LYONS)])
    assert bare.claims[0].attribution.type == "official"
    # Two people of that name: nobody can tell which one spoke.
    titled, bare = _lyons_story(bare_key=None)
    other = Entity("s.e2", "John Lyons", "PERSON", variants=["John Lyons"])
    with_offices([titled, bare], [_holding(LYONS), other])
    assert bare.claims[0].attribution.type == "named_person"


def test_a_name_resolved_to_another_person_is_left_alone() -> None:
    titled, bare = _lyons_story(bare_key="s.e2")
    with_offices([titled, bare], [_holding(LYONS), Entity("s.e2", "John Lyons", "PERSON")])
    assert bare.claims[0].attribution.type == "named_person"


def test_an_official_type_read_without_a_title_is_not_carried() -> None:
    # "Hansbrough said" typed official in its own report by an earlier sentence's misreading
    # says nothing the other reports should take.
    typed = _attributed("a1", "It was great, Hansbrough said.", "Hansbrough said", "Hansbrough", "official", "Hansbrough", "s.e1")
    bare = _attributed("a2", "It was fun, Hansbrough said.", "Hansbrough said", "Hansbrough", "named_person", "Hansbrough", "s.e1")
    assert officeholders([typed, bare], [Entity("s.e1", "Tyler Hansbrough", "PERSON")]) == set()


def test_a_past_office_is_not_carried() -> None:
    felt = Entity("s.e1", "W. Mark Felt", "PERSON", variants=["Felt"])
    titled = _attributed(
        "a1", "Felt, an associate director at the FBI, said he was unhappy.",
        "Felt, an associate director at the FBI, said", "Felt", "official", "Felt", "s.e1",
    )
    later = article("a3", "a3", ["W. Mark Felt, the former FBI official, died on Thursday."])
    later.mentions.append(Mention("W. Mark Felt", "PERSON", 0, 12, 0, "s.e1"))
    bare = _attributed("a2", "I am the guy, Felt told the magazine.", "Felt told the magazine", "Felt", "named_person", "Felt", "s.e1")
    assert officeholders([titled, bare], [felt]) == {"s.e1"}
    assert officeholders([titled, bare, later], [felt]) == set()


def test_unnamed_sources_and_outlets_stay_what_they_are() -> None:
    titled, _ = _lyons_story()
    unnamed = _attributed("a2", "He fled, a spokeswoman for Lyons said.", "a spokeswoman for Lyons said", None, "anonymous_source", "Lyons", "s.e1")
    with_offices([titled, unnamed], [_holding(LYONS)])
    assert unnamed.claims[0].attribution.type == "anonymous_source"


def test_nothing_changes_when_no_entity_holds_an_office() -> None:
    titled, bare = _lyons_story()
    assert with_offices([titled, bare], [LYONS]) == []
    assert bare.claims[0].attribution.type == "named_person"
