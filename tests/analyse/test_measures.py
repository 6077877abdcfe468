"""What a value measures, read from the parse of real-looking sentences."""

from __future__ import annotations

import pytest

from rashomon.analyse.measures import measure_of
from rashomon.analyse.nlp import nlp_for
from rashomon.settings import Settings


@pytest.fixture(scope="module")
def nlp():  # noqa: ANN201
    return nlp_for(Settings().analyse)


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
