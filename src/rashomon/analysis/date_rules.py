"""The rules that resolve one date expression: an ordered table of (pattern, handler).

``normalise`` lowercases an expression and evens out its punctuation; ``resolve_expression``
strips its leading prepositions and articles ("on", "in the", "as of") and tries ``RULES`` in
order. A rule is a regular expression, how it must match (the whole expression unless said
otherwise) and what it resolves to: a fixed ``Resolution`` (vague words, ages, durations,
numbers) or a handler that reads the match against the ``Context``. The first rule that matches
and whose handler gives a Resolution wins; a handler gives None to pass the expression on to
the next rule. The order is the precedence, and it matters: "the past week" is a window before
the lead words are stripped, clock times come next, what is no point in time
(numbers, vague words, ages, durations) before any date, days and units relative to
publication before explicit dates, and a full date with stray words after it last of all.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Callable
from typing import NamedTuple

from rashomon.analysis.date_intervals import (
    DAY,
    DECADE_PART,
    MONTH_PART,
    WEEKDAYS,
    YEAR_PART,
    Context,
    Resolution,
    add_months,
    bare_days,
    interval,
    iso_week,
    month_end,
    month_num,
    months_back,
    on_day,
    safe_date,
    season_span,
    unresolved,
    whole_month,
    whole_year,
    yearless,
    yearless_month,
)

# Counts in words ("two weeks ago", "a couple of days later").
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
           "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
           "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
           "forty": 40, "fifty": 50, "sixty": 60, "a couple of": 2, "a couple": 2}
# this/last/next …: how many units from the one that holds the publication date.
_WHICH = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1,
          "coming": 1}
# Days named relative to publication, by the expression or its first word; the rest ("today",
# "tonight", "this morning") is the publication day.
_FROM_PUBLICATION = {"yesterday": (-1, "day before publication"),
                     "day before yesterday": (-2, "two days before publication"),
                     "day after tomorrow": (2, "two days after publication"),
                     "tomorrow": (1, "day after publication")}
# The first and last day of this/last/next weekend, counted from the Monday of publication week.
_WEEKENDS = {0: (5, 6), -1: (-2, -1), 1: (5, 13)}
# "n years ago" and the like: years in one unit.
_YEARS = {"year": 1, "decade": 10, "century": 100, "centurie": 100}
# Words that count back from the anchor ("two days earlier", "the previous day").
_BACKWARD = ("earlier", "before", "prior", "previous", "preceding")
_CLOCK_WORDS = {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}
_HALVES = {"first": 1, "second": 7}  # the first month of each half of a year
_QUARTERS = ["first", "second", "third", "fourth"]
# Holidays with a fixed date: the words (a pattern) and (month, day).
_HOLIDAYS = {"christmas eve": (12, 24), "christmas(?: day)?": (12, 25),
             "new year(?:'s)? eve": (12, 31), "new year(?:'s)? day": (1, 1)}

_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(1\d{3}|20\d{2}|21\d{2})"
_PART = r"(?:(early|mid|late|beginning|start|middle|end)(?:\s*-\s*|\s+)(?:of\s+)?)?"
_TO = r"\s*(?:-|to|and|through|until|till|or)\s*"
_WD = r"(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_COUNT = r"(\d+|" + "|".join(_NUMBERS) + ")"
_VAGUE = (r"(?:a few|few|several|many|some|dozens of|hundreds of|a number of|numerous|"
          r"countless|multiple|a couple of|couple of)")
_DAYPART = r"(morning|afternoon|evening|night|overnight|noon|midday|dawn|daybreak)"


def _units(*words: str) -> str:
    """A unit word, singular or plural, as group: _units("day", "night") -> "(day|night)s?"."""
    return "(" + "|".join(words) + ")s?"


_UNIT = _units("second", "minute", "hour", "day", "night", "week", "fortnight", "month", "year",
               "decade", "centur(?:y|ie)")


def _named(fragment: str, name: str) -> str:
    """``fragment`` (_MON, _D, _Y: its first group is the word) with that group named."""
    assert fragment.startswith("(") and not fragment.startswith("(?")
    return f"(?P<{name}>{fragment[1:]}"


_LEAD = re.compile(
    r"^(?:(?:on|in|at|during|since|from|until|till|by|of|over|for|through|throughout|before|"
    r"after|around|about|approximately|roughly|circa|between|as of|as early as|as late as|"
    r"no later than|sometime in|some time in|the|as recently as|starting|beginning|within)\s+)+"
)
# An expression that begins with "the", perhaps after prepositions ("on the 18th").
_THE = re.compile(r"(?:(?:on|in|at|during|from|by|until|till|between|of|over)\s+)*the\b")
_TIME = re.compile(
    r"(?:(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?|(\d{1,2}):(\d{2})(?:\s*(?:hours|hrs|h))?"
    r"|\b(noon|midday|midnight)\b)"
)
_TZ = re.compile(r"\b(?:local time|(?:kst|utc|gmt|est|edt|et|pst|pdt|cet|msk|jst)\b)")
# The words around a clock time that leave the day it is on ("Tuesday at 3:30 p.m.").
_CLOCK_FILLER = re.compile(r"\b(?:at|on|to|and|until|till|from|between|about|around|"
                           r"approximately|local|time)\b|\s-\s|^-|-$")

_UNKNOWN_PUBLICATION = "relative to publication date, which is unknown"
_NUMBER = unresolved("a number, not a date", "number")
_DURATION = unresolved("a duration, not a point in time", "duration")


class Expression(NamedTuple):
    """What a handler reads besides its match."""

    raw: str  # the normalised expression
    text: str  # the same without its leading prepositions and articles (_LEAD)
    ctx: Context


Handler = Callable[[re.Match[str], Expression], Resolution | None]


class Rule(NamedTuple):
    """One row of RULES: a pattern and its fixed outcome or its handler (see _rule)."""

    pattern: re.Pattern[str]
    outcome: Resolution | Handler
    find: Callable[[str], re.Match[str] | None]  # the pattern's fullmatch, match or search
    raw: bool  # matched against Expression.raw, not .text


def _rule(pattern: str, outcome: Resolution | Handler, *, how: str = "fullmatch",
          raw: bool = False) -> Rule:
    """A rule: ``pattern`` must ``how`` ("fullmatch", "match": a prefix, "search": anywhere)
    the expression without its lead words, or the whole expression when ``raw``."""
    compiled = re.compile(pattern)
    return Rule(compiled, outcome, getattr(compiled, how), raw)


def normalise(text: str) -> str:
    """Lower case, plain quotes and hyphens, no commas or brackets, single spaces, no trailing
    "and"/"or"/"to" or stops: the form the rules are written for."""
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    s = re.sub(r"[,;()]", " ", s)
    s = re.sub(r"(?<=[a-z])\s+\.", ".", s)
    s = re.sub(r"(\d)'s\b", r"\1s", s)  # "the 1980's"
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .:")
    return re.sub(r"\s+(?:and|or|to|-)$", "", s)


def resolve_expression(raw: str, ctx: Context) -> Resolution:
    """Resolve a normalised expression (see normalise): the first rule of RULES that matches
    and resolves it, else "not understood"."""
    e = Expression(raw, _LEAD.sub("", raw), ctx)
    for rule in RULES:
        m = rule.find(e.raw if rule.raw else e.text)
        if m is None:
            continue
        if isinstance(rule.outcome, Resolution):
            return rule.outcome
        r = rule.outcome(m, e)
        if r is not None:
            return r
    return unresolved("not understood")


def _count(word: str) -> int:
    """A count in digits or words ("3", "three", "a couple of")."""
    return _NUMBERS.get(word) or int(word)


def _real_day(d: dt.date | None, note: str) -> Resolution:
    """The day ``d``, or "no such day" when the calendar has none (``safe_date`` gave None)."""
    return on_day(d, note) if d else unresolved("no such day")


def _needs_publication(handler: Handler) -> Handler:
    """``handler``, unresolved when the publication date is unknown."""

    @functools.wraps(handler)
    def checked(m: re.Match[str], e: Expression) -> Resolution | None:
        if e.ctx.published is None:
            return unresolved(_UNKNOWN_PUBLICATION)
        return handler(m, e)

    return checked


# -- Windows up to publication and clock times ----------------------------------------------


@_needs_publication
def _window_to_publication(m: re.Match[str], e: Expression) -> Resolution:
    """"the past week", "over the last month", "in the past year": from the same day a week,
    a month or a year before publication up to publication."""
    pub, unit = e.ctx.published, m.group(1)
    assert pub is not None
    a = pub - 7 * DAY if unit == "week" else months_back(pub, 1 if unit == "month" else 12)
    return interval(f"{a}/{pub}", "range", a, pub, f"the {unit} up to publication")


def _time_of_day(m: re.Match[str]) -> str:
    """"HH:MM" of a _TIME match."""
    if m.group(6):
        return _CLOCK_WORDS[m.group(6)]
    if m.group(4):
        return f"{int(m.group(4)):02d}:{m.group(5)}"
    hour, minute = int(m.group(1)) % 12, int(m.group(2) or 0)
    if m.group(3) == "p":
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _clock_time(m: re.Match[str], e: Expression) -> Resolution:
    """"10 a.m.", "Tuesday at 3:30 p.m. local time": the day the other words name, at the first
    clock time; a clock time alone keeps the time ("T10:00") and names no day."""
    if m.group(3) and not 1 <= int(m.group(1)) <= 12 or m.group(4) and not (
        int(m.group(4)) <= 24 and int(m.group(5)) < 60
    ):
        return unresolved("not a clock time")
    clock = _time_of_day(m)
    rest = _CLOCK_FILLER.sub(" ", _TZ.sub(" ", _TIME.sub(" ", e.text)))
    rest = re.sub(r"\s+", " ", rest).strip(" .")
    if not rest:
        return unresolved("clock time without a day", "time", f"T{clock}")
    r = resolve_expression(rest, e.ctx)
    if r.resolved and r.granularity == "day":
        return r._replace(value=f"{r.value}T{clock}", granularity="time")
    return r


def _bare_year(m: re.Match[str], e: Expression) -> Resolution:
    """"2011" alone: that year (any other bare number is no date)."""
    return whole_year(int(m.group(1)), "explicit year")


# -- Counted back from publication: "<count> <unit> ago" -------------------------------------

_AGO = "counted back from publication date"


def _counted_back(step: Callable[[int, str, dt.date], Resolution]) -> Handler:
    """A handler for "<count> <unit> ago" that counts back from publication with ``step``."""

    @functools.wraps(step)
    def handler(m: re.Match[str], e: Expression) -> Resolution:
        n = _count(m.group(1))
        if e.ctx.published is None:
            return unresolved(_UNKNOWN_PUBLICATION)
        return step(n, m.group(2), e.ctx.published)

    return handler


@_counted_back
def _hours_ago(n: int, unit: str, pub: dt.date) -> Resolution:
    """"five hours ago", "minutes ago": the publication day."""
    return on_day(pub, _AGO)


@_counted_back
def _days_ago(n: int, unit: str, pub: dt.date) -> Resolution:
    """"three days ago", "two nights ago": that day exactly."""
    return on_day(pub - dt.timedelta(days=n), _AGO)


@_counted_back
def _weeks_ago(n: int, unit: str, pub: dt.date) -> Resolution:
    """"two weeks ago", "a fortnight ago": that day ±3 days, never after publication."""
    c = pub - dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1))
    latest = min(c + 3 * DAY, pub)
    return interval(iso_week(c), "week", c - 3 * DAY, latest, _AGO + " (±3 days)")


@_counted_back
def _months_ago(n: int, unit: str, pub: dt.date) -> Resolution:
    """"three months ago": the same day n months back ±15 days, never after publication."""
    c = months_back(pub, n)
    return interval(f"{c.year:04d}-{c.month:02d}", "month", c - 15 * DAY,
                    min(c + 15 * DAY, pub), _AGO + " (±15 days)")


@_counted_back
def _years_ago(n: int, unit: str, pub: dt.date) -> Resolution:
    """"a year ago", "two decades ago", "a century ago": the same day that many years back,
    half a year either side per year (two years at most), never after publication."""
    years = _YEARS[unit] * n
    c = months_back(pub, 12 * years)
    tol = dt.timedelta(days=min(183 * (years if years > 1 else 1), 730))
    return interval(f"{c.year:04d}", "year", c - tol, min(c + tol, pub), _AGO + " (approximate)")


# -- Relative to the anchor (the nearest earlier day-level date) -------------------------------


def _from_anchor(n: int, unit: str, direction: str, ctx: Context) -> Resolution:
    """``n`` days (nights) or weeks before or after the anchor: a day exactly, a week ±2 days."""
    if ctx.anchor is None:
        return unresolved("relative to an earlier date; no day-level date in this or the "
                          "previous sentence")
    sign = -1 if direction in _BACKWARD else 1
    note = "relative to the preceding date"
    if unit == "week":
        c = ctx.anchor + sign * dt.timedelta(days=7 * n)
        return interval(iso_week(c), "week", c - 2 * DAY, c + 2 * DAY, note + " (±2 days)")
    return on_day(ctx.anchor + sign * dt.timedelta(days=n), note)


def _counted_from_anchor(m: re.Match[str], e: Expression) -> Resolution:
    """"two days later", "a week earlier", "the day before" (no count: one): from the anchor."""
    return _from_anchor(_count(m.group(1) or "one"), m.group(2), m.group(3), e.ctx)


def _same_day_as_anchor(m: re.Match[str], e: Expression) -> Resolution:
    """"the same day", "that morning": the anchor's day."""
    if e.ctx.anchor is None:
        return unresolved("the same day as an earlier date; none in this or the previous "
                          "sentence")
    return on_day(e.ctx.anchor, "same day as the preceding date")


def _day_next_to_anchor(m: re.Match[str], e: Expression) -> Resolution:
    """"the previous day", "the following morning", "the day after": the day before or after
    the anchor."""
    word = m.group(1) or m.group(4)
    return _from_anchor(1, "day", "before" if word in _BACKWARD else "after", e.ctx)


# -- Relative to publication: days, this/last/next units, months ------------------------------


@_needs_publication
def _day_from_publication(m: re.Match[str], e: Expression) -> Resolution:
    """"today", "tonight", "this morning" (the publication day), "yesterday", "tomorrow", "the
    day before yesterday", "the day after tomorrow"; "last night" the night before publication,
    which may run into the publication day."""
    pub, word = e.ctx.published, m.group(1)
    assert pub is not None
    if word == "last night":
        return interval((pub - DAY).isoformat(), "day", pub - DAY, pub,
                        "night before publication (may run into the publication day)")
    days, note = _FROM_PUBLICATION.get(word) or _FROM_PUBLICATION.get(
        word.split()[0], (0, "publication day"))
    return on_day(pub + days * DAY, note)


_RELATIVE = "relative to publication date"


def _relative_week(k: int, part: str | None, pub: dt.date) -> Resolution:
    """"this week": the calendar week of publication ("earlier this week" up to publication,
    "later this week" from it); "last week": the previous calendar week or the 7 days before
    publication, whichever begins earlier, up to the day before publication; "next week": from
    the day after publication to the end of the next calendar week or 7 days on, whichever is
    later."""
    monday = pub - dt.timedelta(days=pub.weekday())
    if k == 0:
        a, b = monday, monday + 6 * DAY
        if part == "earlier":
            b = pub
        elif part == "later":
            a = pub
        return interval(iso_week(pub), "week", a, b, _RELATIVE)
    if k < 0:
        a = min(monday - 7 * DAY, pub - 7 * DAY)
        return interval(iso_week(monday - 7 * DAY), "week", a, pub - DAY,
                        _RELATIVE + "; previous calendar week or the 7 days before publication")
    b = max(monday + 13 * DAY, pub + 7 * DAY)
    return interval(iso_week(monday + 7 * DAY), "week", pub + DAY, b,
                    _RELATIVE + "; next calendar week or the 7 days after publication")


def _relative_weekend(k: int, part: str | None, pub: dt.date) -> Resolution:
    """"this weekend", "last weekend", "next weekend" (_WEEKENDS): Saturday and Sunday of
    publication week, of the week before, or from Saturday to the Sunday after next."""
    monday = pub - dt.timedelta(days=pub.weekday())
    a, b = (monday + d * DAY for d in _WEEKENDS[k])
    return interval(f"{a.isoformat()}/{b.isoformat()}", "range", a, b, _RELATIVE)


def _relative_month(k: int, part: str | None, pub: dt.date) -> Resolution:
    """"this month", "last month", "end of next month"; "earlier this month" from the first
    to publication, "later this month" from publication to the last."""
    y, m = add_months(pub.year, pub.month, k)
    if part in ("earlier", "later") and k == 0:
        r = whole_month(y, m, _RELATIVE)
        a, b = (r.earliest, pub) if part == "earlier" else (pub, r.latest)
        return r._replace(granularity="fuzzy", earliest=a, latest=b,
                          note=f"{_RELATIVE}; {part} this month")
    return whole_month(y, m, _RELATIVE, part if part in MONTH_PART else None)


def _relative_year(k: int, part: str | None, pub: dt.date) -> Resolution:
    """"this year", "last year", "early next year"; "earlier this year" from January 1 to
    publication, "later this year" from publication to December 31."""
    y = pub.year + k
    if part in ("earlier", "later") and k == 0:
        a, b = (dt.date(y, 1, 1), pub) if part == "earlier" else (pub, dt.date(y, 12, 31))
        return interval(f"{y:04d}", "fuzzy", a, b, f"{_RELATIVE}; {part} this year")
    return whole_year(y, _RELATIVE, part if part in YEAR_PART else None)


_RELATIVE_UNITS = {"week": _relative_week, "weekend": _relative_weekend,
                   "month": _relative_month, "year": _relative_year}


@_needs_publication
def _relative_unit(m: re.Match[str], e: Expression) -> Resolution:
    """this/last/next week, weekend, month or year, perhaps with a part ("end of", "earlier")."""
    part, which, unit = m.groups()
    assert e.ctx.published is not None
    return _RELATIVE_UNITS[unit](_WHICH[which], part, e.ctx.published)


@_needs_publication
def _month_of_relative_year(m: re.Match[str], e: Expression) -> Resolution:
    """"September last year", "early March next year": that month of that year."""
    assert e.ctx.published is not None
    return whole_month(e.ctx.published.year + _WHICH[m.group(3)], month_num(m.group(2)),
                       "year relative to publication date", m.group(1))


@_needs_publication
def _last_or_next_month(m: re.Match[str], e: Expression) -> Resolution:
    """"last September" (the last one before the publication month), "next March" (the first
    after it), "this June" (of the publication year)."""
    pub = e.ctx.published
    assert pub is not None
    k, mon = _WHICH[m.group(1)], month_num(m.group(3))
    if k < 0:
        year = pub.year if mon < pub.month else pub.year - 1
    elif k > 0:
        year = pub.year if mon > pub.month else pub.year + 1
    else:
        year = pub.year
    return whole_month(year, mon, "year relative to publication date", m.group(2))


# -- Explicit days, ranges of days, months ----------------------------------------------------


def _iso_date(m: re.Match[str], e: Expression) -> Resolution:
    """"2011-03-31"."""
    return _real_day(safe_date(*map(int, m.groups())), "explicit date")


def _iso_month(m: re.Match[str], e: Expression) -> Resolution:
    """"2011-03" (months 01-09 only: "2011-10" is a range of years)."""
    return whole_month(int(m.group(1)), int(m.group(2)), "explicit month")


def _year_month_day(m: re.Match[str], e: Expression) -> Resolution:
    """"2011/3/31"."""
    return _real_day(safe_date(*map(int, m.groups())), "numeric date")


def _numeric_date(m: re.Match[str], e: Expression) -> Resolution:
    """"31/3/2011", "3.31.2011": day and month told apart only when one is above 12 (or both
    are equal)."""
    a, b, y = map(int, m.groups())
    if a == b or (a > 12) != (b > 12):
        month, day = (b, a) if a > 12 else (a, b)
        return _real_day(safe_date(y, month, day), "numeric date")
    return unresolved("numeric date, day and month order unknown")


def _explicit_day(m: re.Match[str], e: Expression) -> Resolution:
    """"Tuesday, March 31, 2011", "31 March 2011"."""
    d = safe_date(int(m["year"]), month_num(m["month"]), int(m["day"]))
    return _real_day(d, "explicit date")


def _range_of_days(m: re.Match[str], e: Expression) -> Resolution:
    """"March 30 to April 2, 2011", "20-21 Feb": the days between, the year nearest
    publication when none is given."""
    g = m.groupdict()
    m1, m2 = month_num(g["month1"]), month_num(g.get("month2") or g["month1"])
    d1, d2, y = int(g["day1"]), int(g["day2"]), g["year"]
    if y is None:
        return yearless(m1, d1, m2, d2, e.ctx)
    a, b = safe_date(int(y), m1, d1), safe_date(int(y), m2, d2)
    if a is None or b is None or a > b:
        return unresolved("no such range of days")
    return interval(f"{a}/{b}", "range", a, b, "explicit range of days")


def _day_without_year(m: re.Match[str], e: Expression) -> Resolution:
    """"Feb. 18", "the 18th of February": the year nearest publication."""
    month, day = month_num(m["month"]), int(m["day"])
    return yearless(month, day, month, day, e.ctx)


def _explicit_month(m: re.Match[str], e: Expression) -> Resolution:
    """"March 2011", "early March of 2011"."""
    return whole_month(int(m.group(3)), month_num(m.group(2)), "explicit month", m.group(1))


def _months(y1: int, m1: int, y2: int, m2: int) -> Resolution:
    return interval(f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "range", dt.date(y1, m1, 1),
                    month_end(y2, m2), "range of months")


def _range_of_months_of_years(m: re.Match[str], e: Expression) -> Resolution | None:
    """"May 2010 to June 2011": the months between; passed on when the second is not later."""
    y1, m1, y2, m2 = int(m.group(2)), month_num(m.group(1)), int(m.group(4)), month_num(
        m.group(3))
    return _months(y1, m1, y2, m2) if (y1, m1) < (y2, m2) else None


def _range_of_months(m: re.Match[str], e: Expression) -> Resolution:
    """"May to June 2011" (the year of the last month), "November to February" (the first month
    in the year nearest publication)."""
    m1, m2 = month_num(m.group(1)), month_num(m.group(2))
    if m.group(3) is None:
        if e.ctx.published is None:
            return unresolved("months without year or publication date")
        first = yearless_month(m1, None, e.ctx)
        assert first.earliest is not None
        y1 = first.earliest.year
    else:
        y1 = int(m.group(3)) - (1 if m2 < m1 else 0)
    return _months(y1, m1, y1 + (1 if m2 < m1 else 0), m2)


def _month_without_year(m: re.Match[str], e: Expression) -> Resolution:
    """"in September", "early June": the year nearest publication."""
    return yearless_month(month_num(m.group(2)), m.group(1), e.ctx)


def _days_of_month(m: re.Match[str], e: Expression) -> Resolution:
    """"the 18th", "the 20-21": days of the month nearest publication; without "the" or an
    ordinal suffix ("5-11") a number, more often a score or a record than days."""
    d1 = int(m.group(1) or m.group(3))
    d2 = int(m.group(2) or m.group(3))
    if (_THE.match(e.raw) or re.search(r"\d(?:st|nd|rd|th)", e.text)) and (
        1 <= d1 < d2 <= 31 or 1 <= d1 == d2 <= 31
    ):
        return bare_days(d1, d2, e.ctx)
    return _NUMBER


# -- Years, ranges of years, decades, centuries, seasons ----------------------------------------


def _explicit_year(m: re.Match[str], e: Expression) -> Resolution:
    """"2011", "the year 2011", "mid-2011"."""
    return whole_year(int(m.group(2)), "explicit year", m.group(1))


def _part_of_year(m: re.Match[str], e: Expression) -> Resolution:
    """"first half of 2011", "Q3 2011", "the fourth quarter of 2011"."""
    year = int(m.group(4))
    if m.group(1):
        a, n = _HALVES[m.group(1)], 6
    else:
        q = int(m.group(2)) if m.group(2) else _QUARTERS.index(m.group(3)) + 1
        a, n = 3 * q - 2, 3
    return interval(f"{year:04d}", "fuzzy", dt.date(year, a, 1), month_end(year, a + n - 1),
                    "part of an explicit year")


def _range_of_years(m: re.Match[str], e: Expression) -> Resolution:
    """"2010-2012", "2010/11": the years between (a century at most)."""
    y1, tail = int(m.group(1)), m.group(2)
    y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
    if y1 < y2 <= y1 + 100:
        return interval(f"{y1:04d}/{y2:04d}", "range", dt.date(y1, 1, 1), dt.date(y2, 12, 31),
                        "range of years")
    return unresolved("not understood")


def _decade(m: re.Match[str], e: Expression) -> Resolution:
    """"the 1990s", "the early 1990s" (DECADE_PART)."""
    base, part = int(m.group(2)) * 10, m.group(1)
    a, b = (DECADE_PART[part] if part else (0, 9))
    return interval(m.group(2), "fuzzy" if part else "decade", dt.date(base + a, 1, 1),
                    dt.date(base + b, 12, 31), "decade" + (f"; {part} part" if part else ""))


def _century(m: re.Match[str], e: Expression) -> Resolution:
    """"the 19th century": 1800-1900, as centuries are commonly counted."""
    c = int(m.group(1))
    return interval(f"{c - 1:02d}", "century", dt.date(max(1, (c - 1) * 100), 1, 1),
                    dt.date(c * 100, 12, 31), "century")


def _season_of_year(m: re.Match[str], e: Expression) -> Resolution:
    """"summer 2011" (northern hemisphere); "winter 2011" from December 2010 to February 2012,
    as it may mean 2010/11 or 2011/12."""
    season, year = m.group(2), int(m.group(3))
    a, b = season_span(season, year)
    if season == "winter":
        a = season_span(season, year - 1)[0]
    return interval(f"{year:04d}", "season", a, b, f"{season} (northern hemisphere)")


@_needs_publication
def _relative_season(m: re.Match[str], e: Expression) -> Resolution:
    """"last summer" (the last to end before publication), "next spring" (the first to begin
    after it), "this winter" (the one holding publication, else the next)."""
    pub = e.ctx.published
    assert pub is not None
    k, season = _WHICH[m.group(1)], m.group(2)
    spans = [season_span(season, y) for y in range(pub.year - 2, pub.year + 2)]
    if k < 0:
        a, b = [x for x in spans if x[1] < pub][-1]
    elif k > 0:
        a, b = [x for x in spans if x[0] > pub][0]
    else:
        current = [x for x in spans if x[0] <= pub <= x[1]]
        a, b = current[0] if current else [x for x in spans if x[0] > pub][0]
    return interval(f"{a.year:04d}", "season", a, b,
                    f"{season} relative to publication date (northern hemisphere)")


# -- Weekdays, holidays, dates with words around them ----------------------------------------


def _weekday(m: re.Match[str], e: Expression) -> Resolution:
    """"Tuesday", "late Monday", "Tuesday morning": the most recent such day (the publication day
    allowed); in the future tense the next one (the publication day allowed: wire stories say
    "on Tuesday" for later the same day); "last Tuesday" the one before publication, "next
    Tuesday" the one after."""
    pub = e.ctx.published
    if pub is None:
        return unresolved("weekday without publication date")
    index = [w[:3] for w in WEEKDAYS].index(m.group(2)[:3])
    which = None if m.group(1) == "this" else m.group(1)
    back = (pub.weekday() - index) % 7
    ahead = (index - pub.weekday()) % 7
    if which in ("last", "past"):
        d, how = pub - dt.timedelta(days=back or 7), "the one before publication"
    elif which in ("next", "coming"):
        d, how = pub + dt.timedelta(days=ahead or 7), "the one after publication"
    elif e.ctx.tense == "future":
        d, how = pub + dt.timedelta(days=ahead), "on or after publication (future tense)"
    else:
        d, how = pub - dt.timedelta(days=back), "on or before publication"
    return on_day(d, f"weekday relative to publication date, {how}; time zones may shift it a day")


def _holiday(m: re.Match[str], e: Expression) -> Resolution:
    """"Christmas", "New Year's Eve 2011" (_HOLIDAYS): that day, the year nearest publication
    when none is given."""
    month, day = next(v for k, v in _HOLIDAYS.items() if re.fullmatch(k, m.group(1)))
    if m.group(2):
        return on_day(dt.date(int(m.group(2)), month, day), "fixed-date holiday")
    return yearless(month, day, month, day, e.ctx)


def _explicit_day_then_words(m: re.Match[str], e: Expression) -> Resolution:
    """"May 2, 2013 1:35", a dateline: the explicit date, what follows ignored."""
    d = safe_date(int(m["year"]), month_num(m["month"]), int(m["day"]))
    return _real_day(d, "explicit date; trailing words ignored")


def _date_after_today(m: re.Match[str], e: Expression) -> Resolution | None:
    """"today, October 14, 2011": the date after the word, when it resolves."""
    r = resolve_expression(m.group(1), e.ctx)
    return r if r.resolved else None


_DAY_MONTH_YEAR = rf"(?:{_WD} )?{_named(_D, 'day')} (?:of )?{_named(_MON, 'month')} "
_MONTH_DAY_YEAR = rf"(?:{_WD} )?{_named(_MON, 'month')} {_named(_D, 'day')} "
_NO_RANGE = r"(?! ?(?:-|to|and|through|until)\b)"  # not the first end of a range of dates

RULES: list[Rule] = [
    _rule(r"(?:over |in |during |for |within )?the (?:past|last) (week|month|year)",
          _window_to_publication, raw=True),
    _rule(r"", unresolved("not understood")),  # nothing left but lead words
    # Clock times, alone or with a date ("10 a.m.", "Tuesday at 3:30 p.m. local time").
    _rule(_TIME.pattern, _clock_time, how="search"),
    _rule(_Y, _bare_year),
    _rule(r"\d+(?:\.\d+)?", _NUMBER),
    # Vague expressions that name no point in time.
    _rule(r"(?:recently|recent|now|currently|at present|present|the present|time|that time|"
          r"those days|these days|nowadays|soon|later|earlier|past|the past|future|the future|"
          r"once|(?:the )?same time|(?:the )?same period|(?:the )?time being|some time|sometime|"
          r"(?:every|each|a|per|one) (?:day|week|month|year)|daily|weekly|monthly|annual|"
          r"annually|yearly|overnight|the day|the week|the month|the year|day|week|month|year|"
          r"night|once a (?:day|week|month|year)|(?:the )?(?:same|that) (?:week|month|year)|"
          r"the other day|one day|some day|someday|(?:the )?new year|the weekend|weekend|"
          r"(?:mid-? ?|early |late )?(?:morning|afternoon|evening|dawn|daybreak|dusk|noon)|"
          r"(?:the )?(?:recent|coming|past|last|next|following|previous|upcoming|later|earlier|"
          r"few|many|several|some|final|first) (?:few |several |many )?(?:seconds|minutes|hours|"
          r"days|nights|weeks|months|years|decades|centuries)|(?:the )?(?:\d0s|'\d0s)|"
          r"(?:(?:a few|few|several|many|some|days|weeks|months|years|decades|hours) )?"
          r"(?:days|weeks|months|years|decades|hours|minutes)(?: ago| later| earlier| before)?)",
          unresolved("vague")),
    # Ages and durations: not points in time.
    _rule(r"(?:aged?|age of) \d+|\d+[\s-]years?[\s-]old|(?:his|her|their|its|my|"
          r"our) (?:early |mid-?|late )?(?:\d0s|teens|twenties|thirties|forties|"
          r"fifties|sixties|seventies|eighties|nineties)|\d+ years? of age",
          unresolved("an age, not a point in time", "duration")),
    _rule(rf"{_COUNT}[\s-]+{_units('second', 'minute', 'hour')} ago", _hours_ago),
    _rule(rf"{_COUNT}[\s-]+{_units('day', 'night')} ago", _days_ago),
    _rule(rf"{_COUNT}[\s-]+{_units('week', 'fortnight')} ago", _weeks_ago),
    _rule(rf"{_COUNT}[\s-]+{_units('month')} ago", _months_ago),
    _rule(rf"{_COUNT}[\s-]+{_units('year', 'decade', 'centur(?:y|ie)')} ago", _years_ago),
    _rule(rf"(?:{_VAGUE}|\w+) (?:{_UNIT}) ago", unresolved("vague")),
    _rule(rf"(?:{_COUNT}[\s-]+)?(day|night|week)s? (later|earlier|before|after|afterwards?|prior)",
          _counted_from_anchor),
    _rule(r"(?:same|that) (?:day|night|morning|afternoon|evening)", _same_day_as_anchor),
    _rule(r"(previous|preceding|next|following|subsequent) (day|night|morning|afternoon|evening)"
          r"|(day) (before|after)", _day_next_to_anchor),
    _rule(rf"(?:{_COUNT}|{_VAGUE}|\d+)[\s-]+{_UNIT} (?:later|earlier|before|after|afterwards?|"
          r"prior)", unresolved("relative to an earlier date in units too coarse to count")),
    _rule(rf"(?:(?:past|last|next|first|previous|coming|following|recent|final|another|"
          rf"additional|only|just|nearly|almost|more than|less than|at least|up to|over|"
          rf"some|about|around|roughly|approximately|the|a|an|full|whole|entire|further|"
          rf"extra)\s+)*(?:\d+[\s-]\d/\d|\d/\d|{_COUNT}|{_VAGUE}|\d+(?:\.\d+)?|\w+-\w+|half an?|an? half)"
          rf"(?:[\s-]+and a half)?[\s-]+{_UNIT}(?:[\s-]+(?:old|long|in a row|straight|"
          rf"running|of age|or so|or more|and counting))?", _DURATION),
    _rule(rf"(?:{_COUNT}|{_VAGUE}|\d+)[\s-](?:year|month|week|day|hour)[\s-]long", _DURATION),
    # Days relative to publication.
    _rule(rf"(?:(?:early|late|earlier|later) )?(today|tonight|this {_DAYPART}|"
          rf"(?:today|tonight) {_DAYPART}|yesterday(?: \w+)?|last night|"
          r"tomorrow(?: \w+)?|day before yesterday|day after tomorrow)", _day_from_publication),
    # this/last/next week, weekend, month, year; early/late/end of …; earlier/later this …
    _rule(r"(?:(earlier|later|early|late|mid|beginning|start|middle|end)"
          r"(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+)?)?"
          r"(this|current|last|past|next|coming) (week|weekend|month|year)", _relative_unit),
    # A month relative to the publication year: "September last year", "last September".
    _rule(rf"{_PART}{_MON} (?:of )?(last|this|next) year", _month_of_relative_year),
    _rule(rf"(last|this|next|past|coming) {_PART}{_MON}", _last_or_next_month),
    # Explicit dates.
    _rule(r"(\d{4})-(\d{2})-(\d{2})", _iso_date),
    _rule(r"(\d{4})-(0[1-9])", _iso_month),
    _rule(r"(\d{4})/(\d{1,2})/(\d{1,2})", _year_month_day),
    _rule(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", _numeric_date),
    _rule(_MONTH_DAY_YEAR + _named(_Y, "year"), _explicit_day),
    _rule(_DAY_MONTH_YEAR + _named(_Y, "year"), _explicit_day),
    _rule(rf"{_named(_MON, 'month1')} {_named(_D, 'day1')}{_TO}(?:{_named(_MON, 'month2')} )?"
          rf"{_named(_D, 'day2')}(?: {_named(_Y, 'year')})?", _range_of_days),
    _rule(rf"{_named(_D, 'day1')}{_TO}{_named(_D, 'day2')} {_named(_MON, 'month1')}"
          rf"(?: {_named(_Y, 'year')})?", _range_of_days),
    _rule(rf"(?:{_WD} )?{_named(_MON, 'month')} {_named(_D, 'day')}", _day_without_year),
    _rule(rf"(?:{_WD} )?{_named(_D, 'day')} (?:of )?{_named(_MON, 'month')}", _day_without_year),
    _rule(rf"{_PART}{_MON} (?:of )?{_Y}", _explicit_month),
    _rule(rf"{_MON} {_Y}{_TO}{_MON} {_Y}", _range_of_months_of_years),
    _rule(rf"{_MON}{_TO}{_MON}(?: {_Y})?", _range_of_months),
    _rule(rf"{_PART}{_MON}", _month_without_year),
    _rule(r"(\d{1,2})(?:st|nd|rd|th)?" + _TO + r"(\d{1,2})(?:st|nd|rd|th)?|(\d{1,2})(?:st|nd|rd|th)",
          _days_of_month),
    # Years, ranges of years, decades, centuries, seasons.
    _rule(rf"(?:fiscal|fy|financial year|fiscal year|school year|academic year) "
          rf"{_Y}(?:[-/]\d{{2,4}})?", unresolved("fiscal or school year; its calendar is not known")),
    _rule(rf"{_PART}(?:year )?{_Y}", _explicit_year),
    _rule(rf"(?:(first|second) half|q([1-4])|(first|second|third|fourth) quarter)"
          rf" (?:of )?{_Y}", _part_of_year),
    _rule(rf"{_Y}(?:{_TO}|/)(\d{{4}}|\d{{2}})", _range_of_years),
    _rule(rf"{_PART}(\d{{3}})0s", _decade),
    _rule(r"(\d{1,2})(?:st|nd|rd|th) century", _century),
    _rule(rf"{_PART}(spring|summer|autumn|fall|winter) (?:of )?{_Y}", _season_of_year),
    _rule(r"(this|last|next|past|coming) (spring|summer|autumn|fall|winter)", _relative_season),
    # Weekdays, with their parts of day ("Tuesday morning", "late Monday").
    _rule(rf"(?:(last|next|this|past|coming) )?(?:(?:early|late) )?{_WD}(?: {_DAYPART})?",
          _weekday),
    # Holidays with a fixed date.
    _rule(rf"({'|'.join(_HOLIDAYS)})(?: {_Y})?", _holiday),
    # A full date followed by stray words or numbers ("May 2, 2013 1:35", a dateline).
    _rule(_MONTH_DAY_YEAR + _named(_Y, "year") + _NO_RANGE, _explicit_day_then_words,
          how="match"),
    _rule(_DAY_MONTH_YEAR + _named(_Y, "year") + _NO_RANGE, _explicit_day_then_words,
          how="match"),
    _rule(r"(?:today|tonight|yesterday|now) (.+)", _date_after_today, how="match"),
    _rule(r"[\d\s.,:/+-]+|\d[\d,]*\s+[a-z]+", _NUMBER),  # "0845 125 2222", "20 warships"
]
