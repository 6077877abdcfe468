"""What a value measures, read from the parse of real-looking sentences."""

from __future__ import annotations

import pytest

from rashomon.analysis.measures import measure_of
from rashomon.analysis.nlp import nlp_for
from rashomon.settings import Settings

pytestmark = pytest.mark.models  # every test here parses with the spaCy model


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    return nlp_for(Settings().analysis)


def _measure(nlp, text: str, value: str):  # noqa: ANN001, ANN202
    doc = nlp(text)
    span = next(e for e in doc.ents if e.text == value)
    return measure_of(span)


def test_subject_through_relative_clause_and_verb(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "Garrard, who completed 28 passes for 329 yards, ran for two yards.", "329 yards")
    assert (m.predicate, m.subject) == ("complete", "Garrard")
    m = _measure(nlp, "Garrard threw for 329 yards and a touchdown.", "329 yards")
    assert (m.predicate, m.subject) == ("throw", "Garrard")


def test_reference_of_a_distance_and_of_a_share(nlp) -> None:  # noqa: ANN001
    assert _measure(nlp, "The quake struck about 26 miles north of Santa Rosa.", "about 26 miles").reference == "Santa Rosa"
    assert _measure(nlp, "Some 83.3 percent of Greeks said they opposed the measures.", "Some 83.3 percent").reference == "Greeks"


def test_age_in_apposition_and_converted_amount(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "Yvonne Hiller, 43, is charged with murder.", "43")
    assert (m.predicate, m.subject) == ("age", "Yvonne Hiller")
    m = _measure(nlp, "The deal is worth €110 billion ($143 billion) over three years.", "$143 billion")
    assert m.conversion


def test_scope_of_a_partial_count(nlp) -> None:  # noqa: ANN001
    assert _measure(nlp, "He completed his first 17 passes.", "17").scope == ["first"]
    assert _measure(nlp, "Police said 12 people were injured in the riots.", "12").scope == []


def test_a_date_of_another_thing_is_not_the_verbs(nlp) -> None:  # noqa: ANN001
    # A date in a phrase about an earlier event dates that event.
    m = _measure(nlp, "After Nixon's election in 1968, LaRue worked in the White House.", "1968")
    assert m.predicate == "election" and m.object is None
    # A date that modifies a noun dates that thing, which is its own object.
    m = _measure(nlp, "She received the 2000 National Caring Award in Washington.", "2000")
    assert (m.predicate, m.object) == ("award", "award")
    # A time of day modified by a date is no other thing.
    assert _measure(nlp, "Lohan checked into the clinic on Thursday night.", "Thursday").predicate != "night"


def test_pronoun_subjects_and_owners(nlp) -> None:  # noqa: ANN001
    # "he" is kept for the comparison to read in context; "their" owns nothing known.
    m = _measure(nlp, "He served five months in federal prison.", "five months")
    assert (m.predicate, m.subject) == ("serve", "He")
    m = _measure(nlp, "The Jaguars scored touchdowns on their first two drives.", "two")
    assert m.subject != "their"


def test_scope_of_a_clause_of_the_same_moment(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "Creighton pulled away in the second half as Artino scored seven points.", "seven")
    assert "half" in m.scope


def test_the_role_an_act_is_as_or_on_is_its_object(nlp) -> None:  # noqa: ANN001
    assert _measure(nlp, "Benjamin served on the board of trustees from 1995 to 1998.", "1995").object == "board"
    assert _measure(nlp, "Benjamin served as president of the association in 2003.", "2003").object == "president"


def test_a_subject_is_a_proper_name_by_tag_or_as_a_last_name_named_elsewhere(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "Peyton Manning led the Colts. Manning threw for 364 yards and three touchdowns,", "364 yards")
    assert (m.subject, m.subject_proper) == ("Manning", True)
    assert not _measure(nlp, "The quarterback threw for 364 yards on Sunday.", "364 yards").subject_proper


def test_early_or_late_in_a_time_is_part_of_the_time_not_a_scope(nlp) -> None:  # noqa: ANN001
    doc = nlp("Lindsay Lohan checked into the clinic late Thursday.")
    late = next(e for e in doc.ents if "Thursday" in e.text)
    m = measure_of(late)
    assert m.predicate == "check" and m.scope == []


def test_a_measure_joined_by_a_hyphen_is_the_length_of_the_thing_it_modifies(nlp) -> None:  # noqa: ANN001
    doc = nlp("Manning then threw a 41-yard touchdown pass to Reggie Wayne.")
    span = next(e for e in doc.ents if e.text.startswith("41"))
    assert measure_of(span).predicate == "pass"
    assert _measure(nlp, "Manning threw for 364 yards and three touchdowns.", "364 yards").predicate == "throw"


def test_the_kind_of_play_a_count_is_made_on_is_its_scope(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "He scored six touchdowns on offense and added three more.", "six")
    assert m.scope == ["on offense"]
    m = _measure(nlp, "Bush scored three touchdowns on punt returns this season.", "three")
    assert "on return" in m.scope
    m = _measure(nlp, "AMD is paying $281 million in cash for SeaMicro, Lu said.", "$281 million")
    assert m.scope == ["in cash"]


def test_a_phrase_before_coordinated_verbs_scopes_each_of_them(nlp) -> None:  # noqa: ANN001
    text = "During the deciding 15-2 run, Echenique scored two baskets, grabbed 3 rebounds and blocked two shots."
    doc = nlp(text)
    shots = next(e for e in doc.ents if e.text == "two" and e.start > 10)
    assert any(s.startswith("run") for s in measure_of(shots).scope)
    assert _measure(nlp, "Echenique scored 11 points and blocked six shots.", "six").scope == []


def test_an_ordinal_makes_its_noun_one_of_several(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "Creighton will play the winner of Friday's second semifinal.", "Friday")
    assert m.scope == ["second"]
    assert _measure(nlp, "Creighton will play in Saturday's semifinals.", "Saturday").scope == []


def test_a_date_after_a_relative_clause_set_off_by_commas_dates_the_noun(nlp) -> None:  # noqa: ANN001
    text = (
        "He served four months in prison for helping prosecutors investigating the break-in at the "
        "Watergate complex, which housed the committee's offices, on June 17, 1972."
    )
    m = _measure(nlp, text, "June 17, 1972")
    assert m.predicate != "serve" and m.subject is None
    assert _measure(nlp, "He served his sentence in federal prison on June 17, 1972.", "June 17, 1972").predicate == "serve"


def test_a_phrase_on_coordinated_nouns_or_an_opening_participle_sets_the_scope(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "Teixeira hit .358 with 13 homers and 43 RBIs in 54 games with the Angels.", "13")
    assert "game:54" in m.scope
    m = _measure(nlp, "Playing in a combined 157 games with two clubs, Teixeira had 33 homers.", "33")
    assert "game:157" in m.scope
    # A participle with its own subject or a conjunction opens a clause of its own.
    assert _measure(nlp, "Teixeira had 33 homers this season.", "33").scope == []


def test_a_value_of_a_thing_someone_else_owns_is_that_owners(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "McDermott broke Rodney Buford's school scoring record of 2,116 points on Friday.", "2,116")
    assert m.predicate == "record" and m.subject == "Rodney Buford"
    # A date by the owned noun still dates the verb.
    m = _measure(nlp, "The gift was handed over to the leader's sister Kim Yo Jong on Jan. 18.", "Jan. 18")
    assert m.predicate == "hand"


def test_a_particle_that_makes_another_act_is_kept(nlp) -> None:  # noqa: ANN001
    from rashomon.value_conflicts import predicate_class

    out = _measure(nlp, "She checked out of the Betty Ford Center on June 13.", "June 13")
    into = _measure(nlp, "She checked into the Betty Ford Center on May 3.", "May 3")
    assert (out.predicate, into.predicate) == ("check out", "check")
    assert predicate_class(out.predicate) != predicate_class(into.predicate)
    assert predicate_class("hand over") == predicate_class("give")  # a particle that keeps the act


def test_a_date_or_length_on_a_plural_noun_is_several_things(nlp) -> None:  # noqa: ANN001
    several = _measure(nlp, "The seven-year offers for Teixeira were in the $140 million range.", "seven-year")
    one = _measure(nlp, "Teixeira still has an eight-year offer on the table from the Red Sox.", "eight-year")
    assert "several" in several.scope and "several" not in one.scope
    assert several.predicate == one.predicate == "offer"


def test_a_pronoun_object_tells_no_two_objects_apart(nlp) -> None:  # noqa: ANN001
    one = _measure(nlp, "The son sold one of their oil fields for $30 million in 1957.", "1957")
    assert (one.predicate, one.object) == ("sell", None)
    herself = _measure(nlp, "Reid checked herself into a treatment center on Tuesday.", "Tuesday")
    assert herself.object is None
    field = _measure(nlp, "The son sold the oil field for $30 million in 1957.", "1957")
    assert field.object == "field"


def test_a_participle_on_the_counted_noun_says_what_it_counts(nlp) -> None:  # noqa: ANN001
    # "members seized", not the sentence's "hanged"; the members are what was seized, no subject.
    doc = nlp("Gaetano Lo Presti, one of 99 alleged Sicilian Mafia members seized on Tuesday, has hanged himself.")
    m = measure_of(doc.char_span(doc.text.index("99"), doc.text.index("99") + 2))
    assert (m.predicate, m.subject) == ("seize", None)
    doc = nlp("Five people killed in the blast were buried on Sunday.")
    assert measure_of(doc[0:1]).predicate == "kill"
    # A participle with its own subject or auxiliary is no reduced relative clause.
    doc = nlp("Police said 89 people were arrested.")
    assert measure_of(doc[2:3]).predicate == "arrest"



def test_a_gerund_after_a_preposition_has_the_subject_of_its_clause(nlp) -> None:  # noqa: ANN001
    m = _measure(nlp, "LaRue returned to Mississippi after serving more than four years in prison.",
                 "more than four years")
    assert (m.predicate, m.subject) == ("serve", "LaRue")
