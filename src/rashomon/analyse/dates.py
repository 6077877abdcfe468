"""Date and time expressions, resolved to intervals against the publication date.

spaCy finds DATE and TIME entities; this module turns each into a ``TimeValue``: an interval
(``earliest``/``latest``, inclusive ISO dates) with a granularity and a ``note`` saying how it
was resolved. Rules are our own. dateparser is not used: on the spaCy DATE entities of all 982 ECB+
documents our rules left 77 explicit-looking expressions over, dateparser resolved 5 of them,
3 wrongly ("November 2011 - 11" → 2011-11-11), at ~80 ms for its first call.
Nothing is guessed: what cannot be resolved stays ``resolved=False`` with no value (year-less
"Feb. 18" without a publication date keeps the ISO year-less form "--02-18").
"""

from __future__ import annotations

import bisect
import calendar
import dataclasses
import datetime as dt
import functools
import re
from typing import TYPE_CHECKING, NamedTuple

from rashomon.analyse.durations import duration_days, durations_overlap
from rashomon.records import Article, TimeValue
from rashomon.analyse.nlp import sentence_spans
from rashomon.analyse.measures import measure_of

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

_DAY = dt.timedelta(days=1)

# A year-less date ("Feb. 18", "in September", "the 20-21") goes to the candidate year (month
# for a bare day) nearest the publication date, a day *after* publication counting five times a
# day before: news looks back up to ~10 months (300 days) and ahead up to ~2 months (60 days),
# so 300 days back costs as much as 60 days ahead. Future tense swaps the weights.
_FUTURE_WEIGHT = 5

# Fuzzy parts of a month (days), a year (months) and a decade (years); they overlap on purpose
# so that "early June" and "mid-June" are never called a conflict.
_MONTH_PART = {"early": (1, 15), "beginning": (1, 10), "start": (1, 10), "mid": (8, 22),
               "middle": (8, 22), "late": (16, 31), "end": (21, 31)}
_YEAR_PART = {"early": (1, 5), "beginning": (1, 3), "start": (1, 3), "mid": (4, 9),
              "middle": (4, 9), "late": (8, 12), "end": (10, 12)}
_DECADE_PART = {"early": (0, 4), "beginning": (0, 2), "start": (0, 2), "mid": (3, 7),
                "middle": (3, 7), "late": (6, 9), "end": (7, 9)}
# Northern-hemisphere meteorological seasons: (first month, number of months).
_SEASONS = {"spring": (3, 3), "summer": (6, 3), "autumn": (9, 3), "fall": (9, 3), "winter": (12, 3)}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
            "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
            "thirteen": 13, "fourteen": 14, "fifteen": 15, "twenty": 20, "thirty": 30,
            "forty": 40, "fifty": 50, "sixty": 60, "a couple of": 2, "a couple": 2}

_MON = (r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
        r"|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_D = r"(\d{1,2})(?:st|nd|rd|th)?"
_Y = r"(1\d{3}|20\d{2}|21\d{2})"
_PART = r"(?:(early|mid|late|beginning|start|middle|end)(?:\s*-\s*|\s+)(?:of\s+)?)?"
_TO = r"\s*(?:-|to|and|through|until|till|or)\s*"
_WD = r"(mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_COUNT = (r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen"
          r"|fourteen|fifteen|twenty|thirty|forty|fifty|sixty|a couple of|a couple)")
_VAGUE = (r"(?:a few|few|several|many|some|dozens of|hundreds of|a number of|numerous|"
          r"countless|multiple|a couple of|couple of)")
_UNIT = r"(second|minute|hour|day|night|week|fortnight|month|year|decade|centur(?:y|ie))s?"

_LEAD = re.compile(
    r"^(?:(?:on|in|at|during|since|from|until|till|by|of|over|for|through|throughout|before|"
    r"after|around|about|approximately|roughly|circa|between|as of|as early as|as late as|"
    r"no later than|sometime in|some time in|the|as recently as|starting|beginning|within)\s+)+"
)
_TIME = re.compile(
    r"(?:(\d{1,2})(?:[:.](\d{2}))?\s*([ap])\.?\s*m\b\.?|(\d{1,2}):(\d{2})(?:\s*(?:hours|hrs|h))?"
    r"|\b(noon|midday|midnight)\b)"
)
_TZ = re.compile(r"\b(?:local time|(?:kst|utc|gmt|est|edt|et|pst|pdt|cet|msk|jst)\b)")
_DAYPART = r"(morning|afternoon|evening|night|overnight|noon|midday|dawn|daybreak)"


class _R(NamedTuple):
    value: str | None
    granularity: str | None
    earliest: dt.date | None = None
    latest: dt.date | None = None
    resolved: bool = False
    note: str | None = None


class _Ctx(NamedTuple):
    published: dt.date | None
    tense: str | None
    anchor: dt.date | None


def _unresolved(note: str, granularity: str | None = None, value: str | None = None) -> _R:
    return _R(value, granularity, None, None, False, note)


def _month_num(name: str) -> int:
    return ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov",
            "dec"].index(name[:3]) + 1


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


def _add_months(year: int, month: int, k: int) -> tuple[int, int]:
    i = year * 12 + month - 1 + k
    return i // 12, i % 12 + 1


def _safe_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _iso_week(d: dt.date) -> str:
    y, w, _ = d.isocalendar()
    return f"{y:04d}-W{w:02d}"


def _day(d: dt.date, note: str) -> _R:
    return _R(d.isoformat(), "day", d, d, True, note)


def _span(value: str, granularity: str, a: dt.date, b: dt.date, note: str) -> _R:
    return _R(value, granularity, a, b, True, note)


def _month(year: int, month: int, note: str, part: str | None = None) -> _R:
    first, last = dt.date(year, month, 1), _month_end(year, month)
    if part:
        a, b = _MONTH_PART[part]
        first, last = first.replace(day=a), last.replace(day=min(b, last.day))
        note = f"{note}; {part} part of the month"
    return _R(f"{year:04d}-{month:02d}", "fuzzy" if part else "month", first, last, True, note)


def _year(year: int, note: str, part: str | None = None) -> _R:
    first, last = dt.date(year, 1, 1), dt.date(year, 12, 31)
    if part:
        a, b = _YEAR_PART[part]
        first, last = dt.date(year, a, 1), _month_end(year, b)
        note = f"{note}; {part} part of the year"
    return _R(f"{year:04d}", "fuzzy" if part else "year", first, last, True, note)


def _nearest(candidates: list[tuple[dt.date, dt.date, object]], ctx: _Ctx) -> object:
    """The candidate interval nearest publication under the news-window rule (_FUTURE_WEIGHT)."""
    pub = ctx.published
    assert pub is not None
    back, ahead = (_FUTURE_WEIGHT, 1) if ctx.tense == "future" else (1, _FUTURE_WEIGHT)

    def cost(c: tuple[dt.date, dt.date, object]) -> int:
        a, b = c[0], c[1]
        if a <= pub <= b:
            return 0
        return (pub - b).days * back if b < pub else (a - pub).days * ahead

    return min(candidates, key=cost)[2]


def _yearless(m1: int, d1: int, m2: int, d2: int, ctx: _Ctx) -> _R:
    """"Feb. 18" or "Feb. 20-21" without a year."""
    single = (m1, d1) == (m2, d2)
    if ctx.published is None:
        if _safe_date(2000, m1, d1) is None or _safe_date(2000, m2, d2) is None:
            return _unresolved("no such day")
        value = f"--{m1:02d}-{d1:02d}" + ("" if single else f"/--{m2:02d}-{d2:02d}")
        return _unresolved("no year and no publication date", "monthday", value)
    candidates = []
    for y in range(ctx.published.year - 1, ctx.published.year + 2):
        a = _safe_date(y, m1, d1)
        b = _safe_date(y + (1 if (m2, d2) < (m1, d1) else 0), m2, d2)
        if a and b and a <= b:
            candidates.append((a, b, (a, b)))
    if not candidates:
        return _unresolved("no such day")
    a, b = _nearest(candidates, ctx)  # type: ignore[misc]
    note = "year from publication date"
    return _day(a, note) if single else _span(f"{a}/{b}", "range", a, b, note)


def _bare_days(d1: int, d2: int, ctx: _Ctx) -> _R:
    """"the 18th", "the 20-21": month and year from the publication date."""
    if ctx.published is None:
        return _unresolved("day of month without month or publication date")
    candidates = []
    for k in (-1, 0, 1):
        y, m = _add_months(ctx.published.year, ctx.published.month, k)
        a, b = _safe_date(y, m, d1), _safe_date(y, m, d2)
        if a and b and a <= b:
            candidates.append((a, b, (a, b)))
    if not candidates:
        return _unresolved("no such day")
    a, b = _nearest(candidates, ctx)  # type: ignore[misc]
    note = "month and year from publication date"
    return _day(a, note) if a == b else _span(f"{a}/{b}", "range", a, b, note)


def _yearless_month(month: int, part: str | None, ctx: _Ctx) -> _R:
    if ctx.published is None:
        return _unresolved("month without year or publication date")
    y0 = ctx.published.year
    candidates = [(dt.date(y, month, 1), _month_end(y, month), y) for y in (y0 - 1, y0, y0 + 1)]
    year = _nearest(candidates, ctx)
    return _month(year, month, "year from publication date", part)  # type: ignore[arg-type]


def _season(name: str, year: int) -> tuple[dt.date, dt.date]:
    first, n = _SEASONS[name]
    y2, m2 = _add_months(year, first, n - 1)
    return dt.date(year, first, 1), _month_end(y2, m2)


def _weekday(index: int, which: str | None, ctx: _Ctx) -> _R:
    pub = ctx.published
    if pub is None:
        return _unresolved("weekday without publication date")
    back = (pub.weekday() - index) % 7
    ahead = (index - pub.weekday()) % 7
    if which == "last" or which == "past":
        d, how = pub - dt.timedelta(days=back or 7), "the one before publication"
    elif which == "next" or which == "coming":
        d, how = pub + dt.timedelta(days=ahead or 7), "the one after publication"
    elif ctx.tense == "future":
        # Future tense: the next such day, the publication day itself allowed (wire stories
        # say "on Tuesday" for later the same day).
        d, how = pub + dt.timedelta(days=ahead), "on or after publication (future tense)"
    else:
        # Past or unknown tense: news mostly reports past events, so the most recent such day,
        # the publication day itself allowed.
        d, how = pub - dt.timedelta(days=back), "on or before publication"
    return _day(d, f"weekday relative to publication date, {how}; time zones may shift it a day")


def _ago(n: int, unit: str, ctx: _Ctx) -> _R:
    pub = ctx.published
    if pub is None:
        return _unresolved("relative to publication date, which is unknown")
    note = "counted back from publication date"
    if unit in ("second", "minute", "hour"):
        return _day(pub, note)
    if unit in ("day", "night"):
        return _day(pub - dt.timedelta(days=n), note)
    if unit in ("week", "fortnight"):
        c = pub - dt.timedelta(days=7 * n * (2 if unit == "fortnight" else 1))
        latest = min(c + 3 * _DAY, pub)
        return _span(_iso_week(c), "week", c - 3 * _DAY, latest, note + " (±3 days)")
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, -n)
        c = _safe_date(y, m, pub.day) or _month_end(y, m)
        return _span(f"{y:04d}-{m:02d}", "month", c - 15 * _DAY, min(c + 15 * _DAY, pub),
                     note + " (±15 days)")
    years = {"year": 1, "decade": 10, "century": 100, "centurie": 100}[unit] * n
    c = _safe_date(pub.year - years, pub.month, pub.day) or dt.date(pub.year - years, 2, 28)
    tol = dt.timedelta(days=min(183 * (years if years > 1 else 1), 730))
    return _span(f"{c.year:04d}", "year", c - tol, min(c + tol, pub), note + " (approximate)")


def _anchor_rel(n: int, unit: str, direction: str, ctx: _Ctx) -> _R:
    if ctx.anchor is None:
        return _unresolved("relative to an earlier date; no day-level date in this or the "
                           "previous sentence")
    sign = -1 if direction in ("earlier", "before", "prior", "previous", "preceding") else 1
    note = "relative to the preceding date"
    if unit in ("day", "night"):
        return _day(ctx.anchor + sign * dt.timedelta(days=n), note)
    if unit == "week":
        c = ctx.anchor + sign * dt.timedelta(days=7 * n)
        return _span(_iso_week(c), "week", c - 2 * _DAY, c + 2 * _DAY, note + " (±2 days)")
    return _unresolved("relative to an earlier date in units too coarse to count")


def _relative_unit(which: str, unit: str, part: str | None, ctx: _Ctx) -> _R:
    """this/last/next week|weekend|month|year, with "earlier"/"later"/"early"/"end of"."""
    pub = ctx.published
    if pub is None:
        return _unresolved("relative to publication date, which is unknown")
    k = {"this": 0, "current": 0, "last": -1, "past": -1, "previous": -1, "next": 1,
         "coming": 1}[which]
    note = "relative to publication date"
    if unit == "week":
        monday = pub - dt.timedelta(days=pub.weekday())
        if k == 0:
            a, b = monday, monday + 6 * _DAY
            if part in ("earlier",):
                b = pub
            elif part in ("later",):
                a = pub
            return _span(_iso_week(pub), "week", a, b, note)
        if k < 0:
            # "last week": the previous calendar week or the 7 days before publication.
            a = min(monday - 7 * _DAY, pub - 7 * _DAY)
            return _span(_iso_week(monday - 7 * _DAY), "week", a, pub - _DAY,
                         note + "; previous calendar week or the 7 days before publication")
        b = max(monday + 13 * _DAY, pub + 7 * _DAY)
        return _span(_iso_week(monday + 7 * _DAY), "week", pub + _DAY, b,
                     note + "; next calendar week or the 7 days after publication")
    if unit == "weekend":
        monday = pub - dt.timedelta(days=pub.weekday())
        a, b = {0: (5, 6), -1: (-2, -1), 1: (5, 13)}[k]
        return _span((monday + a * _DAY).isoformat() + "/" + (monday + b * _DAY).isoformat(),
                     "range", monday + a * _DAY, monday + b * _DAY, note)
    if unit == "month":
        y, m = _add_months(pub.year, pub.month, k)
        if part in ("earlier", "later") and k == 0:
            r = _month(y, m, note)
            a, b = (r.earliest, pub) if part == "earlier" else (pub, r.latest)
            return r._replace(granularity="fuzzy", earliest=a, latest=b,
                              note=f"{note}; {part} this month")
        return _month(y, m, note, part if part in _MONTH_PART else None)
    y = pub.year + k
    if part in ("earlier", "later") and k == 0:
        a, b = (dt.date(y, 1, 1), pub) if part == "earlier" else (pub, dt.date(y, 12, 31))
        return _span(f"{y:04d}", "fuzzy", a, b, f"{note}; {part} this year")
    return _year(y, note, part if part in _YEAR_PART else None)


def _time_of_day(m: re.Match[str]) -> str:
    if m.group(6):
        return {"noon": "12:00", "midday": "12:00", "midnight": "00:00"}[m.group(6)]
    if m.group(4):
        return f"{int(m.group(4)):02d}:{m.group(5)}"
    hour, minute = int(m.group(1)) % 12, int(m.group(2) or 0)
    if m.group(3) == "p":
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _normalise(text: str) -> str:
    s = text.lower().replace("\u2019", "'").replace("\u2018", "'").replace("`", "'")
    s = re.sub(r"[\u2010-\u2015]", "-", s)
    s = re.sub(r"[,;()]", " ", s)
    s = re.sub(r"(?<=[a-z])\s+\.", ".", s)
    s = re.sub(r"(\d)'s\b", r"\1s", s)  # "the 1980's"
    s = re.sub(r"'s\b", "", s)
    s = re.sub(r"\s+", " ", s).strip(" .:")
    return re.sub(r"\s+(?:and|or|to|-)$", "", s)


def _resolve(s: str, ctx: _Ctx) -> _R:  # noqa: C901 - one ordered list of rules
    """Resolve a normalised expression (see _normalise); the rules are tried in order."""
    pub = ctx.published
    if m := re.fullmatch(r"(?:over |in |during |for |within )?the (?:past|last) (week|month|year)",
                         s):
        if pub is None:
            return _unresolved("relative to publication date, which is unknown")
        unit = m.group(1)
        if unit == "week":
            a = pub - 7 * _DAY
        elif unit == "month":
            y, mo = _add_months(pub.year, pub.month, -1)
            a = _safe_date(y, mo, pub.day) or _month_end(y, mo)
        else:
            a = _safe_date(pub.year - 1, pub.month, pub.day) or dt.date(pub.year - 1, 2, 28)
        return _span(f"{a}/{pub}", "range", a, pub, f"the {unit} up to publication")
    has_the = bool(re.match(r"(?:(?:on|in|at|during|from|by|until|till|between|of|over)\s+)*the\b",
                            s))
    s = _LEAD.sub("", s)
    if not s:
        return _unresolved("not understood")

    # Clock times, alone or with a date ("10 a.m.", "Tuesday at 3:30 p.m. local time").
    if times := list(_TIME.finditer(s)):
        first = times[0]
        if first.group(3) and not 1 <= int(first.group(1)) <= 12 or first.group(4) and not (
            int(first.group(4)) <= 24 and int(first.group(5)) < 60
        ):
            return _unresolved("not a clock time")
        clock = _time_of_day(first)
        rest = _TZ.sub(" ", _TIME.sub(" ", s))
        rest = re.sub(r"\b(?:at|on|to|and|until|till|from|between|about|around|approximately|"
                      r"local|time)\b|\s-\s|^-|-$", " ", rest)
        rest = re.sub(r"\s+", " ", rest).strip(" .")
        if not rest:
            return _unresolved("clock time without a day", "time", f"T{clock}")
        r = _resolve(rest, ctx)
        if r.resolved and r.granularity == "day":
            return r._replace(value=f"{r.value}T{clock}", granularity="time")
        return r

    if m := re.fullmatch(r"\d+(?:\.\d+)?", s):
        if len(s) == 4 and re.fullmatch(_Y, s):
            return _year(int(s), "explicit year")
        return _unresolved("a number, not a date", "number")

    # Vague expressions that name no point in time.
    if re.fullmatch(
        r"(?:recently|recent|now|currently|at present|present|the present|time|that time|"
        r"those days|these days|nowadays|soon|later|earlier|past|the past|future|the future|once|"
        r"(?:the )?same time|(?:the )?same period|(?:the )?time being|some time|sometime|"
        r"(?:every|each|a|per|one) (?:day|week|month|year)|daily|weekly|monthly|annual|annually|"
        r"yearly|overnight|the day|the week|the month|the year|day|week|month|year|night|"
        r"once a (?:day|week|month|year)|(?:the )?(?:same|that) (?:week|month|year)|"
        r"the other day|one day|some day|someday|(?:the )?new year|the weekend|weekend|"
        r"(?:mid-? ?|early |late )?(?:morning|afternoon|evening|dawn|daybreak|dusk|noon)|"
        r"(?:the )?(?:recent|coming|past|last|next|following|previous|upcoming|later|earlier|few|"
        r"many|several|some|final|first) (?:few |several |many )?(?:seconds|minutes|hours|days|"
        r"nights|weeks|months|years|decades|centuries)|(?:the )?(?:\d0s|'\d0s)|"
        r"(?:(?:a few|few|several|many|some|days|weeks|months|years|decades|hours) )?"
        r"(?:days|weeks|months|years|decades|hours|minutes)(?: ago| later| earlier| before)?)",
        s,
    ):
        return _unresolved("vague")

    # Ages and durations: not points in time.
    if re.fullmatch(r"(?:aged?|age of) \d+|\d+[\s-]years?[\s-]old|(?:his|her|their|its|my|"
                    r"our) (?:early |mid-?|late )?(?:\d0s|teens|twenties|thirties|forties|"
                    r"fifties|sixties|seventies|eighties|nineties)|\d+ years? of age", s):
        return _unresolved("an age, not a point in time", "duration")
    if m := re.fullmatch(rf"{_COUNT}[\s-]+{_UNIT} ago", s):
        return _ago(_NUMBERS.get(m.group(1)) or int(m.group(1)), m.group(2), ctx)
    if re.fullmatch(rf"(?:{_VAGUE}|\w+) (?:{_UNIT}) ago", s):
        return _unresolved("vague")
    if m := re.fullmatch(rf"(?:{_COUNT}[\s-]+)?(day|night|week)s? (later|earlier|before|after|"
                         rf"afterwards?|prior)", s):
        n = _NUMBERS.get(m.group(1) or "one") or int(m.group(1))
        return _anchor_rel(n, m.group(2), m.group(3), ctx)
    if m := re.fullmatch(r"(previous|preceding|next|following|same|subsequent) (day|night|morning|"
                         r"afternoon|evening)|(that) (day|night|morning|afternoon|evening)|"
                         r"(day) (before|after)", s):
        word = m.group(1) or m.group(3) or m.group(6)
        if word in ("same", "that"):
            if ctx.anchor is None:
                return _unresolved("the same day as an earlier date; none in this or the "
                                   "previous sentence")
            return _day(ctx.anchor, "same day as the preceding date")
        direction = {"previous": "before", "preceding": "before", "before": "before"}.get(
            word, "after")
        return _anchor_rel(1, "day", direction, ctx)
    if re.fullmatch(rf"(?:{_COUNT}|{_VAGUE}|\d+)[\s-]+{_UNIT} (?:later|earlier|before|after|"
                    r"afterwards?|prior)", s):
        return _unresolved("relative to an earlier date in units too coarse to count")
    if re.fullmatch(rf"(?:(?:past|last|next|first|previous|coming|following|recent|final|another|"
                    rf"additional|only|just|nearly|almost|more than|less than|at least|up to|over|"
                    rf"some|about|around|roughly|approximately|the|a|an|full|whole|entire|further|"
                    rf"extra)\s+)*(?:{_COUNT}|{_VAGUE}|\d+(?:\.\d+)?|\w+-\w+|half an?|an? half)"
                    rf"(?:[\s-]+and a half)?[\s-]+{_UNIT}(?:[\s-]+(?:old|long|in a row|straight|"
                    rf"running|of age|or so|or more|and counting))?", s):
        return _unresolved("a duration, not a point in time", "duration")
    if re.fullmatch(rf"(?:{_COUNT}|{_VAGUE}|\d+)[\s-](?:year|month|week|day|hour)[\s-]long", s):
        return _unresolved("a duration, not a point in time", "duration")

    # Days relative to publication.
    if m := re.fullmatch(rf"(?:(?:early|late|earlier|later) )?(today|tonight|this {_DAYPART}|"
                         rf"(?:today|tonight) {_DAYPART}|yesterday(?: \w+)?|last night|"
                         r"tomorrow(?: \w+)?|day before yesterday|day after tomorrow)", s):
        if pub is None:
            return _unresolved("relative to publication date, which is unknown")
        word = m.group(1)
        if word.startswith("yesterday"):
            return _day(pub - _DAY, "day before publication")
        if word == "last night":
            return _span((pub - _DAY).isoformat(), "day", pub - _DAY, pub,
                         "night before publication (may run into the publication day)")
        if word == "day before yesterday":
            return _day(pub - 2 * _DAY, "two days before publication")
        if word == "day after tomorrow":
            return _day(pub + 2 * _DAY, "two days after publication")
        if word.startswith("tomorrow"):
            return _day(pub + _DAY, "day after publication")
        return _day(pub, "publication day")

    # this/last/next week, weekend, month, year; early/late/end of …; earlier/later this …
    if m := re.fullmatch(r"(?:(earlier|later|early|late|mid|beginning|start|middle|end)"
                         r"(?:\s*-\s*|\s+)(?:of\s+)?(?:the\s+)?)?"
                         r"(this|current|last|past|next|coming) (week|weekend|month|year)", s):
        part, which, unit = m.groups()
        if which in ("past", "coming") and part is None and unit != "weekend":
            which = {"past": "last", "coming": "next"}[which]
        return _relative_unit(which, unit, part, ctx)

    # A month relative to the publication year: "September last year", "last September".
    if m := re.fullmatch(rf"{_PART}{_MON} (?:of )?(last|this|next) year", s):
        if pub is None:
            return _unresolved("relative to publication date, which is unknown")
        k = {"last": -1, "this": 0, "next": 1}[m.group(3)]
        return _month(pub.year + k, _month_num(m.group(2)), "year relative to publication date",
                      m.group(1))
    if m := re.fullmatch(rf"(last|this|next|past|coming) {_PART}{_MON}", s):
        if pub is None:
            return _unresolved("relative to publication date, which is unknown")
        mon = _month_num(m.group(3))
        if m.group(1) in ("last", "past"):
            year = pub.year if mon < pub.month else pub.year - 1
        elif m.group(1) in ("next", "coming"):
            year = pub.year if mon > pub.month else pub.year + 1
        else:
            year = pub.year
        return _month(year, mon, "year relative to publication date", m.group(2))

    # Explicit dates.
    if m := re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s):
        d = _safe_date(*map(int, m.groups()))
        return _day(d, "explicit date") if d else _unresolved("no such day")
    if m := re.fullmatch(r"(\d{4})-(0[1-9])", s):
        return _month(int(m.group(1)), int(m.group(2)), "explicit month")
    if m := re.fullmatch(r"(\d{4})/(\d{1,2})/(\d{1,2})", s):
        d = _safe_date(*map(int, m.groups()))
        return _day(d, "numeric date") if d else _unresolved("no such day")
    if m := re.fullmatch(r"(\d{1,2})[/.](\d{1,2})[/.](\d{4})", s):
        a, b, y = map(int, m.groups())
        if a == b or (a > 12) != (b > 12):
            month, day = (b, a) if a > 12 else (a, b)
            d = _safe_date(y, month, day)
            return _day(d, "numeric date") if d else _unresolved("no such day")
        return _unresolved("numeric date, day and month order unknown")
    if m := re.fullmatch(rf"(?:{_WD} )?{_MON} {_D} {_Y}", s):
        d = _safe_date(int(m.group(4)), _month_num(m.group(2)), int(m.group(3)))
        return _day(d, "explicit date") if d else _unresolved("no such day")
    if m := re.fullmatch(rf"(?:{_WD} )?{_D} (?:of )?{_MON} {_Y}", s):
        d = _safe_date(int(m.group(4)), _month_num(m.group(3)), int(m.group(2)))
        return _day(d, "explicit date") if d else _unresolved("no such day")
    if m := re.fullmatch(rf"{_MON} {_D}{_TO}(?:{_MON} )?{_D}(?: {_Y})?", s) or re.fullmatch(
        rf"{_D}{_TO}{_D} {_MON}(?: {_Y})?", s
    ):
        g = m.groups()
        if len(g) == 5:
            m1, d1, y = _month_num(g[0]), int(g[1]), g[4]
            m2, d2 = _month_num(g[2] or g[0]), int(g[3])
        else:
            m1 = m2 = _month_num(g[2])
            d1, d2, y = int(g[0]), int(g[1]), g[3]
        if y is None:
            return _yearless(m1, d1, m2, d2, ctx)
        a, b = _safe_date(int(y), m1, d1), _safe_date(int(y), m2, d2)
        if a is None or b is None or a > b:
            return _unresolved("no such range of days")
        return _span(f"{a}/{b}", "range", a, b, "explicit range of days")
    if m := re.fullmatch(rf"(?:{_WD} )?(?:{_MON} {_D}|{_D} (?:of )?{_MON})", s):
        g = m.groups()
        month, day = (g[1], g[2]) if g[1] else (g[4], g[3])
        return _yearless(_month_num(month), int(day), _month_num(month), int(day), ctx)
    if m := re.fullmatch(rf"{_PART}{_MON} (?:of )?{_Y}", s):
        return _month(int(m.group(3)), _month_num(m.group(2)), "explicit month", m.group(1))
    if m := re.fullmatch(rf"{_MON} {_Y}{_TO}{_MON} {_Y}", s):
        y1, m1, y2, m2 = int(m.group(2)), _month_num(m.group(1)), int(m.group(4)), _month_num(
            m.group(3))
        if (y1, m1) < (y2, m2):
            a, b = dt.date(y1, m1, 1), _month_end(y2, m2)
            return _span(f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "range", a, b, "range of months")
    if m := re.fullmatch(rf"{_MON}{_TO}{_MON}(?: {_Y})?", s):
        m1, m2 = _month_num(m.group(1)), _month_num(m.group(2))
        if m.group(3) is None:
            if pub is None:
                return _unresolved("months without year or publication date")
            a = _yearless_month(m1, None, ctx)
            assert a.earliest is not None
            y1 = a.earliest.year
        else:
            y1 = int(m.group(3)) - (1 if m2 < m1 else 0)
        y2 = y1 + (1 if m2 < m1 else 0)
        a, b = dt.date(y1, m1, 1), _month_end(y2, m2)
        return _span(f"{y1:04d}-{m1:02d}/{y2:04d}-{m2:02d}", "range", a, b, "range of months")
    if m := re.fullmatch(rf"{_PART}{_MON}", s):
        return _yearless_month(_month_num(m.group(2)), m.group(1), ctx)
    if m := re.fullmatch(rf"(\d{{1,2}})(?:st|nd|rd|th)?{_TO}(\d{{1,2}})(?:st|nd|rd|th)?|"
                         r"(\d{1,2})(?:st|nd|rd|th)", s):
        d1 = int(m.group(1) or m.group(3))
        d2 = int(m.group(2) or m.group(3))
        # "the 20-21" is days of a month; a bare "5-11" is more often a score or a record.
        if (has_the or re.search(r"\d(?:st|nd|rd|th)", s)) and (1 <= d1 < d2 <= 31 or (
            1 <= d1 == d2 <= 31
        )):
            return _bare_days(d1, d2, ctx)
        return _unresolved("a number, not a date", "number")

    # Years, ranges of years, decades, centuries, seasons.
    if m := re.fullmatch(rf"(?:fiscal|fy|financial year|fiscal year|school year|academic year) "
                         rf"{_Y}(?:[-/]\d{{2,4}})?", s):
        return _unresolved("fiscal or school year; its calendar is not known")
    if m := re.fullmatch(rf"{_PART}(?:year )?{_Y}", s):
        return _year(int(m.group(2)), "explicit year", m.group(1))
    if m := re.fullmatch(rf"(?:(first|second) half|q([1-4])|(first|second|third|fourth) quarter)"
                         rf" (?:of )?{_Y}", s):
        year = int(m.group(4))
        if m.group(1):
            a = 1 if m.group(1) == "first" else 7
            n = 6
        else:
            q = int(m.group(2)) if m.group(2) else ["first", "second", "third", "fourth"].index(
                m.group(3)) + 1
            a, n = 3 * q - 2, 3
        return _span(f"{year:04d}", "fuzzy", dt.date(year, a, 1), _month_end(year, a + n - 1),
                     "part of an explicit year")
    if m := re.fullmatch(rf"{_Y}(?:{_TO}|/)(\d{{4}}|\d{{2}})", s):
        y1, tail = int(m.group(1)), m.group(2)
        y2 = int(tail) if len(tail) == 4 else y1 // 100 * 100 + int(tail)
        if y1 < y2 <= y1 + 100:
            return _span(f"{y1:04d}/{y2:04d}", "range", dt.date(y1, 1, 1), dt.date(y2, 12, 31),
                         "range of years")
        return _unresolved("not understood")
    if m := re.fullmatch(rf"{_PART}(\d{{3}})0s", s):
        base, part = int(m.group(2)) * 10, m.group(1)
        a, b = (_DECADE_PART[part] if part else (0, 9))
        return _span(m.group(2), "fuzzy" if part else "decade", dt.date(base + a, 1, 1),
                     dt.date(base + b, 12, 31), "decade" + (f"; {part} part" if part else ""))
    if m := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th) century", s):
        c = int(m.group(1))
        return _span(f"{c - 1:02d}", "century", dt.date(max(1, (c - 1) * 100), 1, 1),
                     dt.date(c * 100, 12, 31), "century")
    if m := re.fullmatch(rf"{_PART}(spring|summer|autumn|fall|winter) (?:of )?{_Y}", s):
        season, year = m.group(2), int(m.group(3))
        a, b = _season(season, year)
        if season == "winter":  # "winter 2023" may be 2022/23 or 2023/24
            a = _season(season, year - 1)[0]
        return _span(f"{year:04d}", "season", a, b, f"{season} (northern hemisphere)")
    if m := re.fullmatch(r"(this|last|next|past|coming) (spring|summer|autumn|fall|winter)", s):
        if pub is None:
            return _unresolved("relative to publication date, which is unknown")
        which, season = m.groups()
        spans = [_season(season, y) for y in range(pub.year - 2, pub.year + 2)]
        if which in ("last", "past"):
            a, b = [x for x in spans if x[1] < pub][-1]
        elif which in ("next", "coming"):
            a, b = [x for x in spans if x[0] > pub][0]
        else:
            current = [x for x in spans if x[0] <= pub <= x[1]]
            a, b = current[0] if current else [x for x in spans if x[0] > pub][0]
        return _span(f"{a.year:04d}", "season", a, b,
                     f"{season} relative to publication date (northern hemisphere)")

    # Weekdays, with their parts of day ("Tuesday morning", "late Monday").
    if m := re.fullmatch(rf"(?:(last|next|this|past|coming) )?(?:(?:early|late) )?{_WD}"
                         rf"(?: {_DAYPART})?", s):
        index = [w[:3] for w in _WEEKDAYS].index(m.group(2)[:3])
        which = None if m.group(1) == "this" else m.group(1)
        return _weekday(index, which, ctx)

    # Holidays with a fixed date.
    if m := re.fullmatch(rf"(christmas(?: day| eve)?|new year(?:'s)? (?:day|eve))(?: {_Y})?", s):
        name = m.group(1)
        month, day = (12, 24 if "eve" in name else 25) if name.startswith("christmas") else (
            (12, 31) if "eve" in name else (1, 1))
        if m.group(2):
            return _day(dt.date(int(m.group(2)), month, day), "fixed-date holiday")
        return _yearless(month, day, month, day, ctx)

    # A full date followed by stray words or numbers ("May 2, 2013 1:35", a dateline).
    if m := re.match(rf"(?:{_WD} )?{_MON} {_D} {_Y}(?! ?(?:-|to|and|through|until)\b)", s):
        d = _safe_date(int(m.group(4)), _month_num(m.group(2)), int(m.group(3)))
        return _day(d, "explicit date; trailing words ignored") if d else _unresolved(
            "no such day")
    if m := re.match(rf"(?:{_WD} )?{_D} (?:of )?{_MON} {_Y}(?! ?(?:-|to|and|through|until)\b)", s):
        d = _safe_date(int(m.group(4)), _month_num(m.group(3)), int(m.group(2)))
        return _day(d, "explicit date; trailing words ignored") if d else _unresolved(
            "no such day")
    if m := re.match(r"(?:today|tonight|yesterday|now) (.+)", s):
        r = _resolve(m.group(1), ctx)  # "today, October 14, 2011": the explicit date
        if r.resolved:
            return r
    if re.fullmatch(r"[\d\s.,:/+-]+|\d[\d,]*\s+[a-z]+", s):
        return _unresolved("a number, not a date", "number")  # "0845 125 2222", "20 warships"
    return _unresolved("not understood")


@functools.lru_cache(maxsize=4096)
def _resolve_cached(s: str, ctx: _Ctx) -> _R:
    return _resolve(s, ctx)


def resolve_time(
    text: str,
    *,
    published: dt.date | None,
    tense: str | None = None,
    anchor: TimeValue | None = None,
) -> TimeValue:
    """Normalise one date/time expression; ``start``/``end``/``sentence`` are left at 0.

    ``tense`` is "future", "past" or None (unknown, treated as past); ``anchor`` is the
    nearest earlier day-level date, used by "the previous day", "the same day", "two days later".
    """
    anchor_day = None
    if (
        anchor is not None
        and anchor.resolved
        and anchor.earliest
        and anchor.granularity in ("day", "time")
    ):
        anchor_day = dt.date.fromisoformat(anchor.earliest)
    ctx = _Ctx(published, "future" if tense == "future" else None, anchor_day)
    lines = [line for line in text.split("\n") if line.strip()] or [text]
    # An entity that runs across a line break: an explicit date first, else any resolved line.
    results = [_resolve_cached(_normalise(line), ctx) for line in lines]
    r = next((x for x in results if x.resolved and (x.note or "").startswith("explicit")),
             next((x for x in results if x.resolved),
                  max(results, key=lambda x: x.value is not None)))
    return TimeValue(
        text=text, start=0, end=0, sentence=0, value=r.value, granularity=r.granularity,
        earliest=r.earliest.isoformat() if r.earliest else None,
        latest=r.latest.isoformat() if r.latest else None, resolved=r.resolved, note=r.note,
    )


def _tense(ent: Span) -> str | None:
    """"future" when the verb governing ``ent`` is future ("will", "to"+VB), else "past"/None."""
    verb = ent.root
    for _ in range(4):
        if verb.pos_ in ("VERB", "AUX") or verb.head is verb:
            break
        verb = verb.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    aux = {c.lower_ for c in verb.children if c.dep_ in ("aux", "auxpass")}
    if aux & {"will", "shall", "'ll", "wo"}:
        return "future"
    if verb.tag_ == "VB" and "to" in aux:
        return "future"
    if verb.tag_ in ("VBD", "VBN"):
        return "past"
    return None


def _is_identifier(ent: Span) -> bool:
    """A number tagged DATE that names something: "Resolution 2397", "No. 3", "Flight 17"."""
    if not re.fullmatch(r"\d+", ent.text) or ent.start == 0:
        return False
    prev = ent.doc[ent.start - 1]
    return prev.text in ("No", "No.", "no.", "#", "Number") or (
        prev.is_title and prev.pos_ in ("PROPN", "NOUN") and not prev.is_sent_start
    )


def extract_times(doc: Doc, *, article: Article) -> list[TimeValue]:
    """The DATE and TIME entities of ``doc`` (parsed from ``article.text``), resolved."""
    published = article.published_date
    starts = [s.start_char for s in sentence_spans(doc)]
    out: list[TimeValue] = []
    anchor: TimeValue | None = None
    for ent in doc.ents:
        if ent.label_ not in ("DATE", "TIME") or _is_identifier(ent):
            continue
        sentence = max(0, bisect.bisect_right(starts, ent.start_char) - 1)
        near = anchor if anchor is not None and anchor.sentence >= sentence - 1 else None
        text = ent.text
        if re.fullmatch(r"\d{3}0", text) and ent.end < len(doc) and not ent[-1].whitespace_ and (
            doc[ent.end].lower_ in {"'s", "’s", "s"}
        ):
            text += "s"  # "the 1930's": spaCy splits the decade's "'s" off
        if ent.start > 0 and doc[ent.start - 1].lower_ == "the":
            text = "the " + text  # "the 20-21 event": spaCy leaves "the" out
        tv = resolve_time(text, published=published, tense=_tense(ent), anchor=near)
        tv.text = ent.text
        if tv.granularity == "number":
            continue
        tv = dataclasses.replace(
            tv, start=ent.start_char, end=ent.end_char, sentence=sentence, measure=measure_of(ent)
        )
        out.append(tv)
        if tv.resolved and tv.granularity in ("day", "time") and tv.earliest == tv.latest:
            anchor = tv
    return out


def _monthdays(tv: TimeValue) -> set[int] | None:
    """Days of a leap year (1..366) that ``tv`` may fall on, or None when it may be any."""
    if tv.granularity == "monthday" and tv.value:
        ends = [(int(p[2:4]), int(p[5:7])) for p in tv.value.split("/")]
        a, b = dt.date(2000, *ends[0]), dt.date(2000, *ends[-1])
        if b < a:
            b = _safe_date(2001, *ends[-1]) or dt.date(2001, 3, 1)
    elif tv.resolved and tv.earliest and tv.latest:
        a, b = dt.date.fromisoformat(tv.earliest), dt.date.fromisoformat(tv.latest)
        if (b - a).days >= 365:
            return None
    else:
        return None
    days = (a + i * _DAY for i in range((b - a).days + 1))
    return {dt.date(2000, d.month, d.day).timetuple().tm_yday for d in days}


def times_overlap(a: TimeValue, b: TimeValue, *, slack_days: int = 0) -> bool | None:
    """Whether two time values can denote the same time; None when they cannot be compared.

    Resolved values compare as intervals; a year-less "monthday" compares by month and day with
    a monthday or a resolved interval. ``slack_days`` widens both sides (time zones).
    """
    if "monthday" in (a.granularity, b.granularity):
        if not all(x.granularity == "monthday" or (x.resolved and x.earliest) for x in (a, b)):
            return None
        sa, sb = _monthdays(a), _monthdays(b)
        if sa is None or sb is None:
            return True
        grown = {(d - 1 + k) % 366 + 1 for d in sa for k in range(-slack_days, slack_days + 1)}
        return bool(grown & sb)
    if not (a.resolved and b.resolved and a.earliest and a.latest and b.earliest and b.latest):
        return None
    slack = dt.timedelta(days=slack_days)
    a0, a1 = dt.date.fromisoformat(a.earliest), dt.date.fromisoformat(a.latest)
    b0, b1 = dt.date.fromisoformat(b.earliest), dt.date.fromisoformat(b.latest)
    return a0 - slack <= b1 and b0 - slack <= a1


_WEEKDAY_WORD = re.compile(r"\b(" + "|".join(_WEEKDAYS) + r")s?\b", re.IGNORECASE)
_MONTH_WORD = re.compile(
    r"\b(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?",
    re.IGNORECASE,
)


def weekday_of(tv: TimeValue) -> int | None:
    """The day of the week a time value names (0 = Monday), from its words ("late Thursday")
    or from the one day it resolved to; None when it names none or more than one."""
    if re.search(r"\b(?:each|every)\b|(?:day)s\b", tv.text, re.IGNORECASE):
        return None  # "the second Tuesday of each month", "on Fridays": no one day
    named = {_WEEKDAYS.index(m.lower()) for m in _WEEKDAY_WORD.findall(tv.text)}
    if len(named) == 1:
        return named.pop()
    if not named and tv.resolved and tv.granularity in {"day", "time"} and tv.earliest == tv.latest and tv.earliest:
        return dt.date.fromisoformat(tv.earliest).weekday()
    return None


def month_of(tv: TimeValue) -> int | None:
    """The month a time value lies in (1-12), from its words ("in May") or from its value, when
    it is one day or one month; None otherwise ("May 2 to June 4", "the spring", "2008")."""
    if tv.granularity in {"duration", "range", "year", "week"}:
        return None
    named = {_month_num(m.lower()) for m in _MONTH_WORD.findall(tv.text) if m.lower() != "may" or m == "May"}
    if len(named) == 1:
        return named.pop()
    if not named and tv.earliest and tv.latest and tv.earliest[:7] == tv.latest[:7]:
        return int(tv.earliest[5:7])
    return None


def times_differ(a: TimeValue, b: TimeValue) -> bool | None:
    """Whether two time values cannot denote the same time (True), can (False), or cannot be
    compared (None). Beyond resolved intervals (times_overlap): two durations by their length
    ("four months" / "136 days"); values whose year is unknown by the day of the week ("Tuesday,
    December 9" / "on Friday") and then by the month ("proposed in May" / "proposed in August");
    a month is compared only when neither value is a range or a span of years."""
    durations = [x.granularity == "duration" or duration_days(x.text) is not None for x in (a, b)]
    if all(durations):
        overlap = durations_overlap(a.text, b.text)
        return None if overlap is None else not overlap
    if any(durations):
        return None
    overlap = times_overlap(a, b)
    if overlap is not None:
        return not overlap
    wa, wb = weekday_of(a), weekday_of(b)
    if wa is not None and wb is not None:
        return wa != wb
    ma, mb = month_of(a), month_of(b)
    if ma is not None and mb is not None:
        return ma != mb
    return None
