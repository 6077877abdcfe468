"""The calendar intervals a date expression resolves to, and the arithmetic the rules share.

A ``Resolution`` is what one rule of ``date_rules`` makes of an expression: a value at its own
granularity with an inclusive interval (``earliest``/``latest``), or ``resolved=False`` with a
note saying why not. A ``Context`` is what an expression is resolved against: the publication
date, the tense of its verb and the nearest earlier day-level date (the anchor).
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

DAY = dt.timedelta(days=1)

# A year-less date ("Feb. 18", "in September", "the 20-21") goes to the candidate year (month
# for a bare day) nearest the publication date, a day *after* publication counting five times a
# day before: news looks back up to ~10 months (300 days) and ahead up to ~2 months (60 days),
# so 300 days back costs as much as 60 days ahead. Future tense swaps the weights.
FUTURE_WEIGHT = 5

# Fuzzy parts of a month (days), a year (months) and a decade (years); they overlap on purpose
# so that "early June" and "mid-June" are never called a conflict.
MONTH_PART = {"early": (1, 15), "beginning": (1, 10), "start": (1, 10), "mid": (8, 22),
              "middle": (8, 22), "late": (16, 31), "end": (21, 31)}
YEAR_PART = {"early": (1, 5), "beginning": (1, 3), "start": (1, 3), "mid": (4, 9),
             "middle": (4, 9), "late": (8, 12), "end": (10, 12)}
DECADE_PART = {"early": (0, 4), "beginning": (0, 2), "start": (0, 2), "mid": (3, 7),
               "middle": (3, 7), "late": (6, 9), "end": (7, 9)}
# Northern-hemisphere meteorological seasons: (first month, number of months).
SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]


class Resolution(NamedTuple):
    value: str | None
    granularity: str | None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    resolved: bool = False
    note: str | None = None


class Context(NamedTuple):
    published: dt.date | None
    tense: str | None  # "future" or None (past or unknown)
    anchor: dt.date | None  # the nearest earlier day-level date, for "the previous day"


def unresolved(note: str, granularity: str | None = None, value: str | None = None) -> Resolution:
    return Resolution(value, granularity, None, None, False, note)


def month_num(name: str) -> int:
    """1-12 for a month name or abbreviation ("Sept", "february")."""
    return MONTHS.index(name[:3]) + 1


def month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, k: int) -> tuple[int, int]:
    i = year * 12 + month - 1 + k
    return i // 12, i % 12 + 1


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def months_back(d: dt.date, months: int) -> dt.date:
    """The day ``months`` months before ``d``, on d's day of the month or that month's last."""
    y, m = add_months(d.year, d.month, -months)
    return safe_date(y, m, d.day) or month_end(y, m)


def iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def on_day(d: dt.date, note: str) -> Resolution:
    """The single day ``d``."""
    return Resolution(d.isoformat(), "day", d, d, True, note)


def interval(value: str, granularity: str, a: dt.date, b: dt.date, note: str) -> Resolution:
    """The days ``a`` to ``b`` (inclusive), named ``value``."""
    return Resolution(value, granularity, a, b, True, note)


def whole_month(year: int, month: int, note: str, part: str | None = None) -> Resolution:
    """A month, or its fuzzy ``part`` ("early", "mid", "end": MONTH_PART)."""
    first, last = dt.date(year, month, 1), month_end(year, month)
    if part:
        a, b = MONTH_PART[part]
        first, last = first.replace(day=a), last.replace(day=min(b, last.day))
        note = f"{note}; {part} part of the month"
    return Resolution(f"{year:04d}-{month:02d}", "fuzzy" if part else "month", first, last, True,
                      note)


def whole_year(year: int, note: str, part: str | None = None) -> Resolution:
    """A year, or its fuzzy ``part`` ("early", "mid", "end": YEAR_PART)."""
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if part:
        a, b = YEAR_PART[part]
        first, last = dt.date(year, a, 1), month_end(year, b)
        note = f"{note}; {part} part of the year"
    return Resolution(f"{year:04d}", "fuzzy" if part else "year", first, last, True, note)


def season_span(name: str, year: int) -> tuple[dt.date, dt.date]:
    """The first and last day of a season (SEASONS) beginning in ``year``."""
    first, n = SEASONS[name]
    y2, m2 = add_months(year, first, n - 1)
    return dt.date(year, first, 1), month_end(y2, m2)


def nearest(candidates: list[tuple[dt.date, dt.date, object]], ctx: Context) -> object:
    """The candidate interval nearest publication under the news-window rule (FUTURE_WEIGHT)."""
    pub = ctx.published
    assert pub is not None
    back, ahead = (FUTURE_WEIGHT, 1) if ctx.tense == "future" else (1, FUTURE_WEIGHT)

    def cost(c: tuple[dt.date, dt.date, object]) -> int:
        a, b = c[0], c[1]
        if a <= pub <= b:
            return 0
        return (pub - b).days * back if b < pub else (a - pub).days * ahead

    return min(candidates, key=cost)[2]


def _nearest_days(spans: Iterable[tuple[dt.date | None, dt.date | None]], ctx: Context,
                  note: str) -> Resolution:
    """The day or range of days nearest publication among ``spans`` (None: no such day)."""
    candidates = [(a, b, (a, b)) for a, b in spans if a and b and a <= b]
    if not candidates:
        return unresolved("no such day")
    a, b = nearest(candidates, ctx)  # type: ignore[misc]
    return on_day(a, note) if a == b else interval(f"{a}/{b}", "range", a, b, note)


def yearless(m1: int, d1: int, m2: int, d2: int, ctx: Context) -> Resolution:
    """"Feb. 18" or "Feb. 20-21" without a year: the year nearest publication."""
    single = (m1, d1) == (m2, d2)
    if ctx.published is None:
        if safe_date(2000, m1, d1) is None or safe_date(2000, m2, d2) is None:
            return unresolved("no such day")
        value = f"--{m1:02d}-{d1:02d}" + ("" if single else f"/--{m2:02d}-{d2:02d}")
        return unresolved("no year and no publication date", "monthday", value)
    y0 = ctx.published.year
    return _nearest_days(
        ((safe_date(y, m1, d1), safe_date(y + (1 if (m2, d2) < (m1, d1) else 0), m2, d2))
         for y in range(y0 - 1, y0 + 2)),
        ctx, "year from publication date",
    )


def bare_days(d1: int, d2: int, ctx: Context) -> Resolution:
    """"the 18th", "the 20-21": the month (and year) nearest publication."""
    if ctx.published is None:
        return unresolved("day of month without month or publication date")
    months = (add_months(ctx.published.year, ctx.published.month, k) for k in (-1, 0, 1))
    return _nearest_days(((safe_date(y, m, d1), safe_date(y, m, d2)) for y, m in months), ctx,
                         "month and year from publication date")


def yearless_month(month: int, part: str | None, ctx: Context) -> Resolution:
    """"in September", "early June": the year nearest publication."""
    if ctx.published is None:
        return unresolved("month without year or publication date")
    y0 = ctx.published.year
    candidates = [(dt.date(y, month, 1), month_end(y, month), y) for y in (y0 - 1, y0, y0 + 1)]
    year = nearest(candidates, ctx)
    return whole_month(year, month, "year from publication date", part)  # type: ignore[arg-type]
