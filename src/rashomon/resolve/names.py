"""Person names: titles stripped, romanisation-aware keys, and variant matching.

Korean names are segmented into syllables and each syllable is mapped to a coarse class
(initial + vowel + final) that merges what romanisation systems blur (McCune–Reischauer with and
without breves and apostrophes, Revised Romanisation, DPRK and Western spellings), so that
"Pak Jong Chon", "Park Chung Chon" and "박정천" share a key. The classes are data
(``rashomon/data/romanisation.json``). Other names get a plain normalised key.
"""

from __future__ import annotations

import functools
import json
import re
import unicodedata
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from rashomon.settings import ResolveSettings

Verdict = Literal["same", "possible", "different"]

# Title heads: a name mention keeps only what follows the last of these.
_TITLE_HEADS = frozenset(
    "comrade president marshal mr mrs ms miss dr leader chairman chairwoman chair premier "
    "minister secretary senator sen gen general lt lieutenant col colonel maj major capt captain "
    "adm admiral sgt sergeant prof professor sir ambassador envoy spokesman spokeswoman "
    "spokesperson director governor mayor chancellor rep gov king queen pope rev reverend "
    "commander vice-marshal".split()
)
_DASHES = dict.fromkeys(map(ord, "\u2010\u2011\u2012\u2013\u2014\u2212"), "-")
_EDGE_PUNCT = "[]()\"'“”‘’«»,;:.!?*_/ \t\n\u00a0"
_HANGUL_FIRST, _HANGUL_LAST = 0xAC00, 0xD7A3
_SHORT_SURNAME_MAX = 2  # a surname is one syllable, or two for the compound ones (남궁, 제갈)


@dataclass(frozen=True)
class NameContext:
    """What is known around a name: roles, organisations, story, people named with it."""

    roles: frozenset[str] = frozenset()
    organisations: frozenset[str] = frozenset()
    story: str | None = None
    co_mentions: frozenset[str] = frozenset()  # name keys of other people in the same sentence


@dataclass
class NameMatch:
    verdict: Verdict
    score: float
    reasons: list[str] = field(default_factory=list)


# ---------------------------------------------------------------- stripping


def strip_name(name: str) -> str:
    """``name`` without titles, possessive, leading "the" and edge punctuation.

    An editorial bracket ("the Marshal [Kim Jong Un]") gives its content. Spacing and hyphens
    are normalised; an all-capital or all-lower-case name is title-cased ("KIM YO-JONG" →
    "Kim Yo-jong"). A bare title ("the Marshal") gives "".
    """
    text = unicodedata.normalize("NFC", name).translate(_DASHES)
    bracket = re.search(r"\[([^\]]+)\]?", text)
    if bracket and strip_name(bracket.group(1).replace("[", "")):
        text = bracket.group(1)
    text = re.sub(r"\s*-\s*", "-", " ".join(text.split()))
    text = text.strip(_EDGE_PUNCT)
    text = re.sub(r"(?:['’]s|(?<=s)['’])$", "", text).strip(_EDGE_PUNCT)
    tokens = text.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    heads = [i for i, t in enumerate(tokens) if t.lower().strip(".'’") in _TITLE_HEADS]
    if heads:
        tokens = tokens[heads[-1] + 1 :]
    text = " ".join(tokens).strip(_EDGE_PUNCT)
    if text and (text.isupper() or text.islower()) and any(c.isalpha() for c in text):
        text = " ".join(_title_case(t) for t in text.split())
    return text


def _title_case(token: str) -> str:
    first, *rest = token.split("-")
    return "-".join([first.capitalize(), *(p.lower() for p in rest)])


# ---------------------------------------------------------------- romanisation tables


@dataclass(frozen=True)
class _Syllable:
    spelling: str
    initial: str
    vowel: str
    final: str
    onset: bool  # starts with a consonant letter
    hard_end: bool  # ends with a consonant letter other than "ng" (max-onset check)
    final_spelling: str

    @property
    def cls(self) -> str:
        return self.initial + self.vowel + self.final


def _classes(initial: str, vowel: str, final: str) -> tuple[str, str, str]:
    # Initial r/l/n drops before i/y in the South (Lee, Yu, Im) and r reads n before other
    # vowels (Roh = Noh): one class for both spellings.
    # After a consonant ㅖ/ㅒ sound as ㅔ/ㅐ (Kye = Kae).
    if initial and vowel == "ye":
        vowel = "e"
    if initial in ("r", "n") and vowel[0] in "iy":
        initial = ""
    elif initial == "r":
        initial = "n"
    return initial, vowel, final


@dataclass(frozen=True)
class _Tables:
    lexicon: dict[str, _Syllable]
    max_len: int
    hangul: tuple[list[str], list[str], list[str]]
    surnames: frozenset[str]  # classes of known surnames (one or two syllables, joined by ".")
    cyrillic: dict[str, str]


@functools.cache
def _tables() -> _Tables:
    raw = json.loads(
        resources.files("rashomon").joinpath("data/romanisation.json").read_text("utf-8")
    )
    lexicon: dict[str, _Syllable] = {}

    def add(spelling: str, ini: str, vow: str, fin: str, onset: bool, fin_sp: str) -> None:
        i, v, f = _classes(ini, vow, fin)
        hard = fin_sp not in ("", "ng", "nng") or (not fin_sp and spelling[-1] in "hrwy")
        lexicon.setdefault(spelling, _Syllable(spelling, i, v, f, onset, hard, fin_sp))

    for ini_sp, ini in raw["initials"].items():
        for vow_sp, vow in raw["vowels"].items():
            for fin_sp, fin in raw["finals"].items():
                add(ini_sp + vow_sp + fin_sp, ini, vow, fin, bool(ini_sp), fin_sp)
    for ini_sp, ini in raw["glide_initials"].items():  # "wh" + "ang" = h + "wa" + ng
        for vow_sp, vow in raw["vowels"].items():
            glided = raw["vowels"].get("w" + vow_sp)
            if glided:
                for fin_sp, fin in raw["finals"].items():
                    add(ini_sp + vow_sp + fin_sp, ini, glided, fin, True, fin_sp)
    for spelling, cls in raw["syllables"].items():
        lexicon[spelling] = _Syllable(spelling, "", cls, "", spelling[0] not in "aeiouy", False, "")
    hangul = (raw["hangul_initials"], raw["hangul_vowels"], raw["hangul_finals"])
    surnames = frozenset(
        ".".join(s.cls for s in _hangul_syllables(name, hangul)) for name in raw["surnames"]
    )
    return _Tables(lexicon, max(map(len, lexicon)), hangul, surnames, raw["cyrillic"])


def _hangul_syllables(text: str, hangul: tuple[list[str], list[str], list[str]]) -> list[_Syllable]:
    out = []
    for ch in text:
        code = ord(ch)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            index = code - _HANGUL_FIRST
            i, v, f = hangul[0][index // 588], hangul[1][(index % 588) // 28], hangul[2][index % 28]
            out.append(_Syllable(ch, *_classes(i, v, f), True, False, ""))
    return out


def _fold(text: str) -> str:
    """Lower-case ASCII letters: breves and accents dropped, Cyrillic transliterated."""
    cyr = _tables().cyrillic
    text = "".join(cyr.get(c, c) for c in text.lower())
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _segmentations(word: str) -> list[list[_Syllable]]:
    """Ways to read ``word`` (lower-case letters) as romanised syllables, best first.

    Cost: one per syllable, plus 0.5 when a consonant letter ends a syllable before one that
    starts with a vowel (a lone consonant between vowels opens the next syllable), plus 0.6 for
    reading "ng" as n|g (joined spellings write ㅇ+vowel as "ng", RR hyphenates n-g).
    """
    lex, max_len = _tables().lexicon, _tables().max_len
    found: list[tuple[float, list[_Syllable]]] = []

    def walk(i: int, path: list[_Syllable], cost: float) -> None:
        if len(found) > 64 or len(path) > 6:
            return
        if i == len(word):
            found.append((cost, list(path)))
            return
        for j in range(min(len(word), i + max_len), i, -1):
            syl = lex.get(word[i:j])
            if syl is None:
                continue
            extra = 1.0
            if path:
                prev = path[-1]
                if prev.hard_end and not syl.onset:
                    extra += 0.5
                if prev.final_spelling == "n" and syl.spelling.startswith("g"):
                    extra += 0.6
            path.append(syl)
            walk(j, path, cost + extra)
            path.pop()

    if word and len(word) <= 24:
        walk(0, [], 0.0)
    found.sort(key=lambda f: f[0])  # stable: ties keep the longer-first-syllable reading
    return [path for _, path in found]


# ---------------------------------------------------------------- parsing and keys


@dataclass(frozen=True)
class _Parsed:
    surname: tuple[_Syllable, ...] = ()  # empty for non-Korean names
    given: tuple[_Syllable, ...] = ()
    surname_text: str = ""
    given_text: str = ""
    plain: tuple[str, ...] = ()

    @property
    def korean(self) -> bool:
        return bool(self.surname)

    @property
    def key(self) -> str:
        if self.korean:
            return ".".join(s.cls for s in self.surname) + " " + "-".join(s.cls for s in self.given)
        return " ".join(self.plain)


def _as_surname(token: str) -> tuple[_Syllable, ...] | None:
    tables = _tables()
    if any(_HANGUL_FIRST <= ord(c) <= _HANGUL_LAST for c in token):
        syls = tuple(_hangul_syllables(token, tables.hangul))
        return syls if ".".join(s.cls for s in syls) in tables.surnames else None
    for path in _segmentations(_fold(token).replace("'", "").replace("’", "")):
        if len(path) <= _SHORT_SURNAME_MAX and ".".join(s.cls for s in path) in tables.surnames:
            return tuple(path)
    return None


def _as_given(tokens: list[str]) -> tuple[_Syllable, ...] | None:
    out: list[_Syllable] = []
    for token in tokens:
        # MR writes n'g for n+g and ch' for aspiration: an apostrophe after n breaks.
        folded = re.sub(r"(?<=n)['’]", "-", _fold(token))
        for part in re.sub(r"['’]", "", folded).split("-"):
            paths = _segmentations(part) if part else [[]]
            if not paths:
                return None
            out.extend(paths[0])
    return tuple(out) if 1 <= len(out) <= 3 else None


def _plain_tokens(name: str) -> tuple[str, ...]:
    text = _fold(name).replace("'", "").replace("’", "").replace(".", " ")
    tokens = re.findall(r"[a-z0-9]+", re.sub(r"(?<=[aeiou])y(?=[^aeiouy])", "i", text))
    # Dmitry/Dmitri/Dmitriy/Dmitrii, -sky/-skiy/-ski, Andrey/Andrei.
    return tuple(
        re.sub(r"(?<=[^aeiou])(?:iy|ij|ii|y)$", "i", re.sub(r"ey$", "ei", t)) if len(t) > 3 else t
        for t in tokens
    )


@functools.lru_cache(maxsize=4096)
def _parse(name: str) -> _Parsed:
    clean = strip_name(name)
    plain = _plain_tokens(clean)
    hangul = _hangul_syllables(clean, _tables().hangul)
    if hangul and len(hangul) == len(re.sub(r"\s", "", clean)) and len(hangul) >= 2:
        for n in (2, 1):
            if len(hangul) > n and (sur := _as_surname(clean.replace(" ", "")[:n])):
                return _Parsed(sur, tuple(hangul[n:]), clean[:n], clean[n:].strip(), plain)
    tokens = clean.split()
    if len(tokens) >= 2:
        sur, given = _as_surname(tokens[0]), _as_given(tokens[1:])
        if sur and given:
            return _Parsed(sur, given, tokens[0], " ".join(tokens[1:]), plain)
        # Given name first, hyphenated ("Jae-in Moon").
        sur = _as_surname(tokens[-1]) if "-" in tokens[0] else None
        if sur and (given := _as_given(tokens[:-1])):
            return _Parsed(sur, given, tokens[-1], " ".join(tokens[:-1]), plain)
    return _Parsed(plain=plain)


def name_key(name: str) -> str:
    """A key equal for romanisation variants of one name ("Pak Jong Chon" = "Park Chung Chon").

    Korean names: "<surname class> <given classes joined by ->" ("pak jong-jon"); other names
    their normalised tokens ("vladimir putin"). Titles and possessives are ignored.
    """
    return _parse(name).key


def surname_key(text: str) -> str | None:
    """The class of ``text`` read as a Korean surname (Latin or Hangul), or None."""
    sur = _as_surname(strip_name(text))
    return ".".join(s.cls for s in sur) if sur else None


def is_korean_name(name: str) -> bool:
    """Whether ``name`` reads as a full Korean name (surname and given name)."""
    return _parse(name).korean


# ---------------------------------------------------------------- matching


def match_names(
    a: str,
    b: str,
    *,
    context_a: NameContext | None = None,
    context_b: NameContext | None = None,
    settings: ResolveSettings | None = None,
) -> NameMatch:
    """Whether ``a`` and ``b`` name the same person, with a score and readable reasons.

    Same key → "same". One given-name syllable that differs in one sound only (Chon/Chol), or a
    first name that is an initial or
    prefix of the other, is only "possible", and only with shared context (role, organisation,
    story, co-mentioned people); otherwise "different". Names of two people of one family
    (Kim Jong Un / Kim Yo Jong: two syllables differ) are always "different".
    """
    settings = settings or ResolveSettings()
    pa, pb = _parse(a), _parse(b)
    ca, cb = context_a or NameContext(), context_b or NameContext()
    if not pa.key or not pb.key:
        return NameMatch("different", 0.0, ["empty name"])
    reasons = _spelling_reasons(pa, pb) if pa.korean and pb.korean else []
    if pa.key == pb.key:
        return NameMatch("same", 1.0, reasons or ["same name"])
    if pa.key in cb.co_mentions or pb.key in ca.co_mentions:
        return NameMatch("different", 0.0, ["named side by side in one sentence"])
    base, why = _partial(pa, pb, settings)
    reasons += why
    if not base:
        return NameMatch("different", 0.0, reasons)
    bonus = 0.0
    if roles := sorted(ca.roles & cb.roles):
        bonus += settings.role_bonus
        reasons.append("same role " + ", ".join(f"'{r}'" for r in roles))
    if orgs := sorted(ca.organisations & cb.organisations):
        bonus += settings.organisation_bonus
        reasons.append("same organisation " + ", ".join(orgs))
    if ca.story is not None and ca.story == cb.story:
        bonus += settings.story_bonus
        reasons.append("in the same story")
    if co := sorted(ca.co_mentions & cb.co_mentions):
        bonus += settings.co_mention_bonus
        reasons.append("co-mentioned with " + ", ".join(display_key(k) for k in co))
    score = round(min(1.0, base + bonus), 3)
    if bonus and score >= settings.possible_score:
        return NameMatch("possible", score, reasons)
    return NameMatch("different", score, [*reasons, "not enough shared context"])


def _spelling_reasons(pa: _Parsed, pb: _Parsed) -> list[str]:
    out = []
    sa, sb = pa.surname_text, pb.surname_text
    if [s.cls for s in pa.surname] == [s.cls for s in pb.surname] and sa.lower() != sb.lower():
        out.append(f"surname {sa} = {sb} (romanisation)")
    same_given = len(pa.given) == len(pb.given) and all(
        x.cls == y.cls for x, y in zip(pa.given, pb.given)
    )
    if same_given and _squash(pa.given_text) != _squash(pb.given_text):
        out.append(f"given name {pa.given_text} = {pb.given_text} (romanisation)")
    return out


def _squash(text: str) -> str:
    return re.sub(r"[\s\-'’]", "", _fold(text))


def _partial(pa: _Parsed, pb: _Parsed, settings: ResolveSettings) -> tuple[float, list[str]]:
    """Base score of a near miss and why; 0 when the names are plainly different."""
    if pa.korean != pb.korean:
        return 0.0, ["one name is Korean, the other is not"]
    if pa.korean:
        if [s.cls for s in pa.surname] != [s.cls for s in pb.surname]:
            return 0.0, [f"surname {pa.surname_text} vs {pb.surname_text}: different names"]
        n = len(pa.given)
        if n != len(pb.given):
            return 0.0, [f"given names {pa.given_text} vs {pb.given_text}: different lengths"]
        diffs = [(x, y) for x, y in zip(pa.given, pb.given) if x.cls != y.cls]
        head = f"given name {pa.given_text} vs {pb.given_text}: {len(diffs)} of {n} syllables"
        if len(diffs) != 1 or n == 1:
            return 0.0, [head + " differ"]
        x, y = diffs[0]
        parts = [k for k in ("initial", "vowel", "final") if getattr(x, k) != getattr(y, k)]
        if len(parts) > 1:
            # Kim Jong Un / Kim Jong Il: relatives often share all but one syllable.
            differ = " and ".join(parts)
            return 0.0, [f"{head} differs ({x.spelling} vs {y.spelling}: {differ} differ)"]
        detail = f"{x.spelling} vs {y.spelling}: only the {parts[0]} sound differs"
        return settings.near_syllable, [f"{head} differs ({detail})"]
    ta, tb = pa.plain, pb.plain
    if len(ta) < 2 or len(tb) < 2:
        return 0.0, ["short form: linked to a full name in entity resolution"]
    if ta[-1] == tb[-1] and (ta[0].startswith(tb[0]) or tb[0].startswith(ta[0])):
        why = f"same family name {ta[-1]}; first names {ta[0]} and {tb[0]} agree"
        return settings.near_syllable, [why]
    return 0.0, ["different names"]


def display_key(key: str) -> str:
    """A key made readable: "kim yo-jong" → "Kim Yo-jong"."""
    return " ".join(_title_case(t) for t in key.split())
