"""Numbers with their qualifiers and units: "more than 25 launches", "about 1.2 million people".

Each number becomes a ``Quantity`` with bounds (``low``/``high``) that fold in its qualifier
("at least", "nearly", "about") and its rounding ("1.2 million" is 1.15–1.25 million), and the
thing it counts: the head noun's lemma from the dependency parse ("31 rockets" → "rocket"), or
a currency, "percent" or a unit of measure. Numbers that name rather than count (resolution and
article numbers, phone numbers, years, ordinals) are left out.
"""

from __future__ import annotations

import bisect
import math
import re
from typing import TYPE_CHECKING, NamedTuple

from rashomon.records import Article, Quantity
from rashomon.analysis.measures import AGE, measure_of
from rashomon.analysis.nlp import doc_ents, sentence_spans

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

# "about 300" admits 270–330 and "nearly 300" 270–300: journalists round to one or two
# significant digits, so 10 % covers the usual rounding. Chosen by judgement, not tuned.
_ABOUT = 0.10

_SMALL = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate(
    "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12}
_SCALE_ABBR = {"k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
               "trn": 1e12}
# Vague magnitudes: (low, high).
_VAGUE = {"dozens": (24, 99), "scores": (40, 99), "hundreds": (200, 999),
          "thousands": (2000, 9999), "tens of thousands": (20_000, 99_999),
          "hundreds of thousands": (200_000, 999_999), "millions": (2e6, 999e6),
          "tens of millions": (2e7, 9.99e7), "hundreds of millions": (2e8, 9.99e8),
          "billions": (2e9, 999e9), "a handful": (2, 6), "handful": (2, 6)}
_FEW = {"several": (3, 9), "a few": (2, 5), "few": (2, 5), "a couple of": (2, 3),
        "a couple": (2, 3), "many": (2, 9)}
_QUALIFIERS = [
    ("over", r"more than|over|above|in excess of|upwards? of|greater than|just over|well over|"
             r"exceeding|nearly over"),
    ("at least", r"at least|no (?:fewer|less) than|a minimum of|not less than|at minimum"),
    ("at most", r"up to|at most|no more than|a maximum of|as many as|not more than|as much as|"
                r"a maximum|at maximum"),
    ("under", r"fewer than|less than|under|below|just under|not even"),
    ("nearly", r"nearly|almost|close to|just shy of|nearing|approaching|just short of"),
    ("about", r"about|around|approximately|roughly|some|an estimated|estimated|approx\.?|circa|"
              r"~|around about|an approximate|a reported|reportedly"),
]
_QUALIFIER_RE = re.compile(
    r"^(?:" + "|".join(f"(?P<q{i}>{p})" for i, (_, p) in enumerate(_QUALIFIERS)) + r")\s+", re.I
)
_CURRENCIES = {"$": "dollar", "us$": "dollar", "usd": "dollar", "dollar": "dollar",
               "€": "euro", "eur": "euro", "euro": "euro", "£": "pound", "gbp": "pound",
               "pound": "pound", "sterling": "pound", "¥": "yen", "jpy": "yen", "yen": "yen",
               "yuan": "yuan", "renminbi": "yuan", "rmb": "yuan", "cny": "yuan", "₩": "won",
               "krw": "won", "won": "won", "kpw": "won", "ruble": "ruble", "rouble": "ruble",
               "rub": "ruble", "₽": "ruble", "cent": "cent"}
# Units of measure: name → (dimension, factor to the dimension's base unit).
_MEASURES = {
    "km": ("length", 1000.0), "kilometer": ("length", 1000.0), "kilometre": ("length", 1000.0),
    "m": ("length", 1.0), "meter": ("length", 1.0), "metre": ("length", 1.0),
    "cm": ("length", 0.01), "mile": ("length", 1609.344), "mi": ("length", 1609.344),
    "ft": ("length", 0.3048), "foot": ("length", 0.3048), "feet": ("length", 0.3048),
    "yard": ("length", 0.9144), "yd": ("length", 0.9144),
    "nautical mile": ("length", 1852.0), "kg": ("mass", 1.0), "kilogram": ("mass", 1.0),
    "kilo": ("mass", 1.0), "g": ("mass", 0.001), "gram": ("mass", 0.001),
    # Short, long and metric tons differ by up to 10 %; reports rarely say which.
    "ton": ("mass", 1000.0), "tonne": ("mass", 1000.0), "lb": ("mass", 0.4536),
    "sq km": ("area", 1e6), "square kilometer": ("area", 1e6), "square kilometre": ("area", 1e6),
    "hectare": ("area", 1e4), "acre": ("area", 4046.86), "square mile": ("area", 2.59e6),
    "liter": ("volume", 1.0), "litre": ("volume", 1.0), "barrel": ("volume", 158.987),
    "km/h": ("speed", 1.0), "kph": ("speed", 1.0), "mph": ("speed", 1.609344),
}
_PLURALS = {"feet": "foot", "people": "person", "persons": "person", "kilos": "kilo",
            "miles": "mile", "tons": "ton", "tonnes": "tonne", "kilometers": "kilometer",
            "kilometres": "kilometre", "meters": "meter", "metres": "metre",
            "pounds": "pound", "dollars": "dollar", "euros": "euro", "rubles": "ruble",
            "roubles": "rouble", "cents": "cent", "lbs": "lb", "hectares": "hectare",
            "acres": "acre", "barrels": "barrel", "liters": "liter", "litres": "litre",
            "kilograms": "kilogram", "grams": "gram", "yards": "yard", "yds": "yd"}
_IDENTIFIER_WORDS = {"no", "no.", "nos", "nos.", "#", "number", "num", "num."}
_NUMBER_NOUNS = {"dozen", "dozens", "hundreds", "thousands", "millions", "billions", "scores",
                 "handful", "hundred", "thousand", "million", "billion"}
# Singular nouns that count people or things ("300 staff") rather than name a thing.
_COLLECTIVE = {"staff", "personnel", "crew", "police", "cattle", "livestock", "infantry",
               "artillery", "equipment", "ammunition", "head"}
_MONTHS = set(
    "jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july "
    "august september october november december".split()
)


class _Num(NamedTuple):
    value: float | None
    low: float
    high: float
    vague: bool = False


def _digits(text: str) -> _Num | None:
    m = re.fullmatch(r"(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?(?:\s*(hundred|thousand|million|"
                     r"billion|trillion)|-?(k|mn|mln|m|bn|b|tn|trn))?", text)
    if not m:
        return None
    scale = (_SCALE_WORDS.get(m.group(3) or "") or _SCALE_ABBR.get(m.group(4) or "")
             or (100.0 if m.group(3) == "hundred" else None))
    number = float(m.group(1).replace(",", "") + ("." + m.group(2) if m.group(2) else ""))
    value = number * (scale or 1)
    # Decimals and scale words are rounded: "1.2 million" stands for 1.15–1.25 million.
    step = (10.0 ** -len(m.group(2)) if m.group(2) else 1.0) * (scale or 1)
    if m.group(2) or (scale and scale >= 1e3):
        return _Num(value, value - step / 2, value + step / 2)
    return _Num(value, value, value)


def _words(text: str) -> _Num | None:
    text = re.sub(r"\bhalf an?\b", "half", re.sub(r"\band an? half\b", "half", text))
    total, current, scaled, seen = 0.0, 0.0, 0.0, False
    for w in re.split(r"[\s-]+", text):
        if w in _SMALL or w in _TENS:
            current += _SMALL.get(w, 0) + _TENS.get(w, 0)
        elif w in ("a", "an") and not seen:
            current += 1
        elif w == "half":
            current += 0.5
        elif w == "dozen":
            current = (current or 1) * 12
        elif w == "hundred":
            current = (current or 1) * 100
        elif w in _SCALE_WORDS:
            scaled = _SCALE_WORDS[w]
            total += (current or 1) * scaled
            current = 0.0
        elif w == "and" and seen:
            continue
        else:
            return None
        seen = True
    if not seen:
        return None
    value = total + current
    if scaled >= 1e6:  # "two million" is a round figure; "half a million" a half-round one
        step = scaled if value % scaled == 0 else scaled / 2
        return _Num(value, value - step / 2, value + step / 2)
    return _Num(value, value, value)


def _number(text: str) -> _Num | None:
    """Parse a number phrase: digits, words, vague magnitudes, or a range of them."""
    text = text.strip().lower()
    if text in _VAGUE:
        return _Num(None, *_VAGUE[text], vague=True)
    if m := re.fullmatch(r"(a few|few|several|a couple of|many)\s+(dozen|hundred|thousand|"
                         r"million|billion)", text):
        lo, hi = _FEW[m.group(1)]
        scale = 12 if m.group(2) == "dozen" else 100 if m.group(2) == "hundred" else (
            _SCALE_WORDS[m.group(2)])
        return _Num(None, lo * scale, hi * scale, vague=True)
    body = re.sub(r"^between\s+", "", text)
    # "and" makes a range only after "between" ("one and a half million" is one number).
    seps = r"\s*(?:-|–|\bto\b|\bor\b" + (r"|\band\b)\s*" if body != text else r")\s*")
    for sep in re.finditer(seps, body):
        left, right = body[:sep.start()], body[sep.end():]
        a, b = _single(left), _single(right)
        if not (a and b and a.value is not None and b.value is not None):
            continue
        low, scale = a.low, _scale_of(right)
        if scale and not _scale_of(left) and a.value * scale <= b.high:
            low = a.value * scale  # "3 to 5 million"
        if low < b.high:
            return _Num(None, low, b.high)
    return _single(text)


def _scale_of(text: str) -> float | None:
    m = re.search(r"(thousand|million|billion|trillion|bn|mn|mln|tn|k|m|b)$", text.strip())
    return (_SCALE_WORDS.get(m.group(1)) or _SCALE_ABBR.get(m.group(1))) if m else None


def _single(text: str) -> _Num | None:
    return _digits(text) or _words(text)


class _Parsed(NamedTuple):
    num: _Num
    qualifier: str
    currency: str | None
    rest: str  # words left after the number (a unit inside the entity)


def _parse_entity(text: str, before: str, after: str) -> _Parsed | None:
    """Parse an entity's text with a few words of context on each side."""
    t = text.lower().replace("\u2013", "-").replace("\u00a0", " ").strip()
    qualifier = None
    if m := _QUALIFIER_RE.match(t):
        qualifier = _qualifier_name(m)
        t = t[m.end():]
    elif m := _QUALIFIER_RE.match(_tail_qualifier(before)):
        qualifier = _qualifier_name(m)
    currency = None
    if m := re.match(r"(us\$|\$|€|£|¥|₩|₽)\s*", t):
        currency, t = _CURRENCIES[m.group(1)], t[m.end():]
    if re.search(r"(?:\+|\s*-?\s*plus)$", t):
        t, qualifier = re.sub(r"(?:\+|\s*-?\s*plus)$", "", t), qualifier or "at least"
    t = re.sub(r"\s*(?:%|per\s?cent|percentage points?)$", "", t)
    t = re.sub(r"(\d)-(?=[a-z])", r"\1 ", t)  # "7.8-magnitude", "10-km"
    rest = ""
    num = _number(t)
    if num is None:
        # Split off trailing unit words ("10 km", "3.5 percent", "10 million won").
        words = t.split()
        for cut in range(len(words) - 1, 0, -1):
            num = _number(" ".join(words[:cut]))
            if num is not None:
                rest = " ".join(words[cut:])
                break
    if num is None:
        return None
    if qualifier is None and (re.match(
        r"\s*(?:-\s*plus\b|plus\b|or more\b)", after
    )):
        qualifier = "at least"
    elif qualifier is None and re.match(r"\s*or so\b", after):
        qualifier = "about"
    elif qualifier is None and re.match(r"\s*or (?:fewer|less)\b", after):
        qualifier = "at most"
    return _Parsed(num, qualifier or ("range" if num.value is None and not num.vague else
                                      "vague" if num.vague else "exact"), currency, rest)


def _qualifier_name(match: re.Match[str]) -> str:
    """The name ("about", "at least" …) of the qualifier a _QUALIFIER_RE match found."""
    return next(_QUALIFIERS[int(k[1:])][0] for k, v in match.groupdict().items() if v)


def _tail_qualifier(before: str) -> str:
    """The qualifier words right before a number, as a string that _QUALIFIER_RE can match."""
    words = before.lower().split()
    for n in (4, 3, 2, 1):
        candidate = " ".join(words[-n:]) + " "
        if len(words) >= n and (m := _QUALIFIER_RE.match(candidate)) and m.end() == len(
            candidate
        ):
            return candidate
    return ""


def _bounds(num: _Num, qualifier: str) -> tuple[float | None, float | None]:
    if num.value is None:
        return num.low, num.high
    if qualifier in ("over", "at least"):
        return num.low, None
    if qualifier in ("under", "at most"):
        return None, num.high
    if qualifier == "nearly":
        return min(num.low, num.value * (1 - _ABOUT)), num.high
    if qualifier == "about":
        return min(num.low, num.value * (1 - _ABOUT)), max(num.high, num.value * (1 + _ABOUT))
    return num.low, num.high


def _norm_unit(word: str) -> str:
    w = word.lower().strip(".")
    w = _PLURALS.get(w, w)
    return _CURRENCIES.get(w, w)


def _counted_noun(ent: Span) -> Token | None:
    """The noun that the number modifies ("31 rockets"), or the pobj of "of" ("two of them")."""
    numeric = [t for t in ent if t.like_num or t.pos_ == "NUM" or t.lower_ in _NUMBER_NOUNS]
    outward = [t for t in numeric if not ent.start <= t.head.i < ent.end]
    tok = (outward or numeric or [ent.root])[-1]
    for _ in range(3):
        if tok.dep_ in ("nummod", "quantmod", "compound", "amod") and tok.head is not tok and (
            tok.head.i >= ent.end or tok.head.i < ent.start
        ):
            head = tok.head
            if head.pos_ == "NUM" or head.like_num:
                tok = head
                continue
            return head if head.pos_ in ("NOUN", "PROPN") else None
        break
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            objs = [c for c in child.children if c.dep_ == "pobj"]
            if objs and objs[0].pos_ in ("NOUN", "PROPN") and objs[0].tag_ in ("NNS", "NNPS"):
                return objs[0]
    return None


def _is_identifier(ent: Span, doc: Doc) -> bool:
    """Numbers that name rather than count: "Resolution 2397", "No. 3", "Hwasong-18", phones."""
    text = ent.text.strip()
    if re.fullmatch(r"\+?\(?\d[\d\s().-]{5,}\d", text) and re.search(r"\d[\s.-]\d", text) and (
        sum(c.isdigit() for c in text) >= 7
    ):
        return True
    if re.fullmatch(r"\d+(?:st|nd|rd|th)|\d{1,2}:\d{2}|0\d+", text, re.I):
        return True  # ordinals, clock times, zero-led codes ("08", "000")
    nxt = doc[ent.end] if ent.end < len(doc) else None
    after = doc[ent.end + 1] if ent.end + 1 < len(doc) else None
    if nxt is not None and nxt.text in (":", "/"):
        return True  # "11:08", "14/08": a time or a date
    if nxt is not None and nxt.text in ("-", "\u2013") and after is not None:
        if after.like_num:
            return True  # "a 38-44 record", "7-0": a score of which spaCy tagged one side
        if after.is_alpha and not nxt.whitespace_ and after.lower_ not in ("plus", "odd", "magnitude") and (
            _norm_unit(after.text) not in _MEASURES  # "an 84-yard run" is 84 yards long
        ):
            return True  # "12-gauge", "three-day": a modifier ("a 4.6-magnitude quake" measures)
    if ent.start == 0:
        return False
    prev = doc[ent.start - 1]
    if prev.text in (":", "/"):
        return True
    if prev.lower_ in _IDENTIFIER_WORDS or (prev.text == "." and ent.start >= 2 and
                                             doc[ent.start - 2].lower_ in ("no", "nos")):
        return True
    if prev.text in ("-", "–") and ent.start >= 2 and doc[ent.start - 2].is_title and (
        not doc[ent.start - 2].whitespace_
    ):
        return True
    # A count comes before its noun; a number right after a capitalised noun names it.
    return (
        prev.is_title
        and prev.pos_ in ("PROPN", "NOUN")
        and not prev.is_sent_start
        and ent.root.head.i <= prev.i
    )


def _is_year(ent: Span, noun: Token | None) -> bool:
    if not re.fullmatch(r"(1[89]|20|21)\d\d", ent.text.strip()):
        return False
    if noun is not None and noun.tag_ == "NNS":
        return False  # "2000 people"
    return True


def _sentence_index(starts: list[int], offset: int) -> int:
    return max(0, bisect.bisect_right(starts, offset) - 1)


def _age(ent: Span, text: str, starts: list[int]) -> Quantity | None:
    """An age written as a date-like number ("Yvonne Hiller, 43,", "a 26-year-old actress",
    "Sixty-year-old Sharron Smith", "Smith, age 61,")."""
    match = AGE.fullmatch(ent.text.strip())
    if match is None:
        return None
    number = _digits(match["n"]) if match["n"].isdigit() else _words(match["n"].lower())
    if number is None or number.value is None:
        return None
    measure = measure_of(ent)
    if measure.predicate != "age":
        return None
    years = number.value
    return Quantity(
        text=text[ent.start_char:ent.end_char], start=ent.start_char, end=ent.end_char,
        sentence=_sentence_index(starts, ent.start_char), value=years, low=years, high=years,
        qualifier="exact", unit="age", measure=measure,
    )


def _quantity(ent: Span, doc: Doc, text: str, starts: list[int]) -> Quantity | None:
    if ent.label_ == "DATE":
        return _age(ent, text, starts)
    if _is_identifier(ent, doc):
        return None
    before = doc[max(0, ent.start - 4):ent.start].text
    after = doc[ent.end:ent.end + 2].text
    parsed = _parse_entity(ent.text, before, after)
    if parsed is None:
        return None
    num, qualifier = parsed.num, parsed.qualifier
    if re.fullmatch(r"one|a|an", ent.text.strip().lower()):
        return None  # "one person said", "one of them": an article, not a reported count
    noun = _counted_noun(ent)
    if _is_year(ent, noun):
        return None
    if ent.label_ == "PERCENT":
        unit = "percentage point" if "point" in ent.text.lower() else "percent"
    elif parsed.currency:
        unit = parsed.currency
    elif ent.end < len(doc) and _norm_unit(doc[ent.end].text) in _CURRENCIES:
        unit = _CURRENCIES[_norm_unit(doc[ent.end].text)]  # "10 million won" (tagged a verb)
    elif any(t.lower_ in ("magnitude", "richter") for t in doc[max(0, ent.start - 2):ent.end + 4]):
        unit = "magnitude"  # "a magnitude 6.1 quake", "a 7.8-magnitude earthquake"
    elif parsed.rest:
        if re.search(r"\d", parsed.rest):
            return None  # compound measures ("5 feet 8 inches") are not one value
        n = len(parsed.rest.split())
        words = [_norm_unit(t.lemma_ if t.is_alpha else t.text) for t in ent[-n:]]
        joined = " ".join(words)
        if joined in _MEASURES or joined in _CURRENCIES:
            unit = joined
        else:  # "86-yd TD" (run): the unit comes first
            unit = words[0] if words[0] in _MEASURES else words[-1]
    elif noun is not None:
        if noun.lower_.strip(".") in _MONTHS | {"a.m", "p.m", "am", "pm"}:
            return None  # "Jan 4", "11 p.m.": a date or a time
        unit_word = _norm_unit(noun.lemma_)
        if noun.tag_ == "NN" and num.value not in (None, 1.0) and noun.i >= ent.end and (
            unit_word not in _CURRENCIES and unit_word not in _MEASURES
            and unit_word not in _COLLECTIVE and not re.search(r"[.]\d", ent.text)
        ):
            return None  # "the 3400 block", "a 10 man", "the 2024 protocol": a modifier
        unit = None if noun.tag_ == "NNP" and not noun.lower_.endswith("s") else _norm_unit(
            noun.lemma_ if noun.pos_ == "NOUN" else noun.text)
    else:
        unit = None
    low, high = (None if x is None else float(f"{x:.12g}") for x in _bounds(num, qualifier))
    start = ent.start_char
    if not _QUALIFIER_RE.match(ent.text) and qualifier not in ("exact", "range", "vague"):
        tail = _tail_qualifier(before)
        head = text[:start].rstrip()
        if tail and head.lower().endswith(tail.strip()):
            start = len(head) - len(tail.strip())
    return Quantity(
        text=text[start:ent.end_char], start=start, end=ent.end_char,
        sentence=_sentence_index(starts, ent.start_char), value=num.value, low=low, high=high,
        qualifier=qualifier, unit=unit, measure=measure_of(ent),
    )


def extract_quantities(doc: Doc, *, article: Article) -> list[Quantity]:
    """Counts, amounts, percentages and measures in ``doc`` (parsed from ``article.text``)."""
    starts = [s.start_char for s in sentence_spans(doc)]
    spans = [
        e for e in doc_ents(doc)
        if e.label_ in ("CARDINAL", "MONEY", "QUANTITY", "PERCENT")
        or (e.label_ == "DATE" and AGE.fullmatch(e.text.strip()))
    ]
    text = article.text or doc.text  # doc was parsed from article.text: offsets agree
    covered = {i for e in doc_ents(doc) for i in range(e.start, e.end)}
    for m in re.finditer(r"(?<![\w.,])\d[\d,]*(?![\w.,]\w)", text):
        # Digits spaCy left untagged that plainly count a plural noun after them.
        span = doc.char_span(m.start(), m.end())
        if span is None or len(span) != 1 or span.start in covered:
            continue
        tok = span[0]
        if tok.tag_ == "CD" and tok.dep_ == "nummod" and tok.head.i > tok.i and (
            tok.head.tag_ == "NNS"
            # "an 84-yard scamper": a unit of measure joined to the number
            or text[m.end() : m.end() + 1] == "-" and _norm_unit(tok.head.text) in _MEASURES
        ):
            spans.append(span)
    spans.sort(key=lambda s: s.start)
    out = []
    for span in spans:
        q = _quantity(span, doc, text, starts)
        if q is not None:
            out.append(q)
    out.extend(_repeats(doc, text, starts))
    halves = _halves(doc, text, starts, out)
    # (the tagger's "a mile" inside "a mile and a half" gives way to the whole)
    out = [q for q in out if not any(h.start <= q.start and q.end <= h.end for h in halves)] + halves
    out.sort(key=lambda q: q.start)
    for n, q in enumerate(out):
        if q.unit == "other" or (q.unit is None and _bare(q, doc, text)):
            # "killed three people and wounded two others": the others are of the kind the
            # count before them in the sentence counts; so is a number standing alone where
            # a noun would ("Carter scored 14 points and VanDeest scored 13", "finished with
            # 20 points and now has 2,302 for his career").
            before = next((p for p in reversed(out[:n]) if p.sentence == q.sentence and p.unit not in {None, "other"}), None)
            if before is not None and before.unit not in _NO_KIND:
                q.unit = before.unit
    return out


def _bare(q: Quantity, doc: Doc, text: str) -> bool:
    """A number that stands alone as an argument, with no noun after it: the object of a
    verb or a preposition ("scored 13", "added 12 for the Bulldogs"), not a number in
    brackets ("(15-17)": a record), a score ("45-35") or a number a noun follows."""
    span = doc.char_span(q.start, q.end, alignment_mode="expand")
    if span is None or (q.start > 0 and text[q.start - 1] in "(-–") or text[q.end : q.end + 1] in {"-", "–", ")"}:
        return False
    root = span.root
    if root.pos_ != "NUM" or root.dep_ not in {"dobj", "pobj"}:
        return False
    following = doc[span.end] if span.end < len(doc) else None
    return following is None or following.pos_ not in {"NOUN", "PROPN", "NUM"}


_UNIT_WORDS = sorted({*_MEASURES, *(w for w, base in _PLURALS.items() if base in _MEASURES)}, key=len, reverse=True)
_HALF = r"(?:and\s+a\s+half|1/2|½)"
# A measure with a half in it, which the entity tagger does not give as one number: "two and a
# half miles", "1 1/2 acres", "a mile and a half".
_HALF_MEASURE = re.compile(
    r"\b(?:(?P<n>\d{1,4}|" + "|".join(_SMALL) + r"|an?)\s*" + _HALF + r"\s+(?P<u1>"
    + "|".join(map(re.escape, _UNIT_WORDS)) + r")"
    r"|(?P<one>an?|one)\s+(?P<u2>" + "|".join(map(re.escape, _UNIT_WORDS)) + r")\s+and\s+a\s+half)\b",
    re.IGNORECASE,
)


def _halves(doc: Doc, text: str, starts: list[int], found: list[Quantity]) -> list[Quantity]:
    """Measures with a half ("about a mile and a half", "2 1/2 miles") not already read."""
    out = []
    for m in _HALF_MEASURE.finditer(text):
        if any(q.start < m.end() and m.start() < q.end and q.end > m.end() for q in found):
            continue  # a number read already that reaches beyond this measure
        count = (m.group("n") or m.group("one")).lower()
        whole = 1.0 if count in {"a", "an", "one"} else float(_SMALL.get(count, 0) or count)
        unit = _norm_unit(m.group("u1") or m.group("u2"))
        num = _Num(whole + 0.5, whole + 0.5, whole + 0.5)
        words = _tail_qualifier(text[max(0, m.start() - 40) : m.start()])  # "about"
        named = _QUALIFIER_RE.match(words) if words else None
        qualifier = _qualifier_name(named) if named else "exact"
        start = len(text[: m.start()].rstrip()) - len(words.strip()) if words else m.start()
        low, high = _bounds(num, qualifier)
        span = doc.char_span(m.start(), m.end(), alignment_mode="expand")
        out.append(Quantity(
            text=text[start : m.end()], start=start, end=m.end(), sentence=_sentence_index(starts, m.start()),
            value=num.value, low=low, high=high, qualifier=qualifier, unit=unit,
            measure=measure_of(span) if span is not None else None,
        ))
    return out


# Units that measure rather than count a kind of thing: no "others" are of them.
_NO_KIND = frozenset({*_MEASURES, *_CURRENCIES.values(), "age", "time", "magnitude", "percent"})


# Adverbs that count how often an act happened, as "three times" does.
_REPEATS = {"twice": 2.0, "thrice": 3.0}


def _repeats(doc: Doc, text: str, starts: list[int]) -> list[Quantity]:
    """"Page married twice": how many times the act of the verb the adverb hangs on happened,
    a count of unit "time" as "was married three times" gives; not a multiplier ("twice as
    high", "twice the size": the adverb hangs on an adjective or a noun there)."""
    out = []
    for token in doc:
        value = _REPEATS.get(token.lower_)
        if value is None or token.dep_ != "advmod" or token.head.pos_ not in {"VERB", "AUX"}:
            continue
        after = token.nbor(1).lower_ if token.i + 1 < len(doc) else ""
        if after in {"as", "the", "that", "more", "a"}:
            continue
        span = doc[token.i : token.i + 1]
        out.append(Quantity(
            text=token.text, start=token.idx, end=token.idx + len(token.text),
            sentence=_sentence_index(starts, token.idx), value=value, low=value, high=value,
            qualifier="exact", unit="time", measure=measure_of(span),
        ))
    return out


def _base(unit: str | None) -> tuple[str | None, float]:
    if unit in _MEASURES:
        return _MEASURES[unit]
    return unit, 1.0


def quantities_compatible(a: Quantity, b: Quantity) -> bool | None:
    """True when two quantities of the same thing can be equal, False when they cannot, None
    when they count different things (or nothing is known of either)."""
    (da, fa), (db, fb) = _base(a.unit), _base(b.unit)
    if da is None or da != db:
        return None
    if (a.low is None and a.high is None) or (b.low is None and b.high is None):
        return None
    lo_a = (a.low if a.low is not None else 0.0) * fa
    hi_a = a.high * fa if a.high is not None else math.inf
    lo_b = (b.low if b.low is not None else 0.0) * fb
    hi_b = b.high * fb if b.high is not None else math.inf
    # A hair of tolerance for unit conversion ("1,000 km (620 miles)").
    eps = 0.02 if fa != fb else 1e-9
    return lo_a <= hi_b * (1 + eps) and lo_b <= hi_a * (1 + eps)
