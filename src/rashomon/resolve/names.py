"""Person names: titles stripped, romanisation-aware keys, and variant matching.

Korean names are segmented into syllables and each syllable is mapped to a coarse class
(initial + vowel + final) that merges what romanisation systems blur (McCune–Reischauer with and
without breves and apostrophes, Revised Romanisation, DPRK and Western spellings), so that
"Pak Jong Chon", "Park Chung Chon" and "박정천" share a key. Given-name classes run together,
so a given name written joined, hyphenated or apart ("Yojong", "Yo-jong", "Yo Jong") gives one
key. Spellings outside the systems ("Synn", "Wone") are read only when no systematic reading
names a known surname. The classes, DPRK conventions and loose spellings are data
(``rashomon/data/romanisation.json``).

Hangul is decomposed by Unicode arithmetic (syllable = 0xAC00 + (initial × 21 + vowel) × 28 +
final) with the jamo-to-class table as data. The Hangul romanisation libraries on PyPI
(korean-romanizer 0.28, hangul-romanize 0.1) write Revised Romanisation text with sound changes
across syllables; what is needed here is a class per syllable, which the table gives directly.

Other names get a normalised key: Cyrillic transliterated, the usual Latin transliterations of
Russian folded together (Dmitry/Dmitri/Dmitriy, Tschernyschenko/Chernyshenko, -sky/-skiy), a
patronymic dropped.
"""

from __future__ import annotations

import dataclasses
import functools
import json
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib import resources
from typing import Literal

from nicknames import NickNamer

from rashomon.heap import collector_paused
from rashomon.settings import ResolveSettings

Verdict = Literal["same", "possible", "different"]

# Title heads: a name mention keeps only what follows the last of these.
_TITLE_HEADS = frozenset(
    [
        "comrade", "president", "marshal", "mr", "mrs", "ms", "miss", "dr", "leader", "chairman",
        "chairwoman", "chair", "premier", "minister", "secretary", "senator", "sen", "gen",
        "general", "lt", "lieutenant", "col", "colonel", "maj", "major", "capt", "captain", "adm",
        "admiral", "sgt", "sergeant", "prof", "professor", "sir", "ambassador", "envoy",
        "spokesman", "spokeswoman", "spokesperson", "director", "governor", "mayor", "chancellor",
        "rep", "gov", "king", "queen", "pope", "rev", "reverend", "commander", "vice-marshal",
        "madam", "madame", "mme", "mister", "lord", "lady", "prince", "princess", "sheikh",
        "emperor", "justice", "judge", "detective", "inspector", "officer", "pastor", "rabbi",
        "cardinal", "bishop", "archbishop", "imam", "ayatollah", "coach", "congressman",
        "congresswoman", "councillor", "councilman", "chief", "attorney", "lawyer",
    ]
)
# Abbreviated titles: a title only before a name; those that are also names or words ("Sen",
# "Rep", "Col") only with their full stop ("Sen. Kim" but "Sen Il-nam").
_ABBREVIATED = frozenset(["mr", "mrs", "ms", "dr", "mme"])
_ABBREVIATED_DOT = frozenset(
    ["sen", "gen", "lt", "col", "maj", "capt", "adm", "sgt", "prof", "rep", "gov", "rev"]
)
_PARTICLES = frozenset(
    ["van", "von", "de", "der", "den", "da", "das", "do", "dos", "di", "del", "della", "du",
     "la", "le", "ter", "bin", "ibn", "al", "el", "y", "e"]
)
_SUFFIX = re.compile(r",?\s+(?:Jr|Sr|II|III|IV|MD|M\.D|PhD|Ph\.D|Esq)\.?$")
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
    text = re.sub(r"(?<=[a-z]\.)(?=[A-Z][a-z])", " ", text)  # "Gov.Sarah Palin"
    # A nickname in quotes or brackets inside a name: Vincent "The Chin" Gigante.
    text = re.sub(r"(?<=\w) [\"“‘'(][^\"”’'()]{1,30}[\"”’')] (?=\w)", " ", text)
    text = text.strip(_EDGE_PUNCT)
    text = re.sub(r"(?:['’]s|(?<=s)['’])$", "", text).strip(_EDGE_PUNCT)
    text = _SUFFIX.sub("", text).strip(_EDGE_PUNCT)
    text = re.sub(r",\s*\d{1,3}$", "", text)  # an age in apposition: "Eric Kirkpatrick, 61"
    tokens = text.split()
    if tokens and tokens[0].lower() == "the":
        tokens = tokens[1:]
    # Lower-case words before a capitalised name describe it ("defensive tackle Jamal
    # Williams", "Former AMA trustee Dr. Benjamin"); particles (van, bin, de) belong to it.
    lower = [
        i for i, t in enumerate(tokens[:-1])
        if t.islower() and t.strip(".,") not in _PARTICLES and tokens[i + 1][:1].isupper()
    ]
    if lower and not text.islower():
        tokens = tokens[lower[-1] + 1 :]
    titles = [_is_title(t) for t in tokens]
    # The name follows the last title that has something after it ("Comrade President
    # Putin"); a title at the end is part of the name ("Stephen King") unless the mention is
    # nothing but titles ("the Marshal").
    heads = [i for i, title in enumerate(titles[:-1]) if title]
    if heads:
        tokens = tokens[heads[-1] + 1 :]
    elif tokens and all(titles) and not any(_abbreviation(t) for t in tokens):
        tokens = []
    text = " ".join(tokens).strip(_EDGE_PUNCT)
    if text and (text.isupper() or text.islower()) and any(c.isalpha() for c in text):
        text = " ".join(_title_case(t) for t in text.split())
    return text


def _is_title(token: str) -> bool:
    word = token.lower().strip(".'’")
    if word in _ABBREVIATED_DOT:
        return token.endswith(".")
    return word in _TITLE_HEADS or word.rsplit("-", 1)[-1] in _TITLE_HEADS  # Vice-Chairman


def _abbreviation(token: str) -> bool:
    word = token.lower().strip(".'’")
    return word in _ABBREVIATED or word in _ABBREVIATED_DOT


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
    loose: bool = False  # a spelling outside the romanisation systems (the "loose" table)
    dropped: str = ""  # "n" when the initial-sound law dropped an initial r/n (Ri = Yi)

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
    lexicon: dict[str, tuple[_Syllable, ...]]  # spelling -> readings, systematic ones first
    max_len: int
    hangul: tuple[list[str], list[str], list[str]]
    surnames: frozenset[str]  # classes of known surnames (one or two syllables, joined by ".")
    cyrillic: dict[str, str]
    latin_folds: tuple[tuple[re.Pattern[str], str], ...]  # Russian/German Latin spellings
    patronymic: re.Pattern[str]


def load_tables() -> None:
    """Build the romanisation tables now (a process that forks workers builds them once for
    all)."""
    _tables()


# The romanisation tables of this process: built once, or built by another process and
# handed over (``built_tables`` there, ``adopt_tables`` here).
_built: _Tables | None = None


def built_tables() -> _Tables:
    """The romanisation tables, built now if they are not yet, to hand to another process."""
    return _tables()


def adopt_tables(tables: _Tables) -> None:
    """Use the tables another process built (``built_tables``) instead of building them here."""
    global _built
    _built = tables


def _tables() -> _Tables:
    global _built
    if _built is None:
        with collector_paused():
            _built = _build_tables()
    return _built


def _build_tables() -> _Tables:
    raw = json.loads(
        resources.files("rashomon").joinpath("data/romanisation.json").read_text("utf-8")
    )
    lexicon: dict[str, list[_Syllable]] = {}

    def add(
        spelling: str, parts: tuple[str, str, str], onset: bool, fin_sp: str, loose: bool
    ) -> None:
        i, v, f = _classes(*parts)
        hard = fin_sp not in ("", "ng", "nng") or (not fin_sp and spelling[-1] in "hrwy")
        dropped = "n" if parts[0] in ("r", "n") and not i else ""
        syl = _Syllable(spelling, i, v, f, onset, hard, fin_sp, loose, dropped)
        readings = lexicon.setdefault(spelling, [])
        if all(r.cls != syl.cls for r in readings):
            readings.append(syl)

    def options(table: dict[str, str], extra: dict[str, list[str] | str]) -> list:
        strict = [(sp, [cls], False) for sp, cls in table.items()]
        more = [(sp, [c] if isinstance(c, str) else c, True) for sp, c in extra.items()]
        return strict + more

    loose = raw["loose"]
    initials = [(sp, cls, False, "") for sp, cls in raw["initials"].items()]
    initials += [(sp, cls, True, before) for sp, (cls, before) in loose["initials"].items()]
    vowels = options(raw["vowels"], loose["vowels"])
    finals = options(raw["finals"], loose["finals"])
    # Systematic readings first (every spelling keeps them ahead of its loose ones).
    for want_loose in (False, True):
        for ini_sp, ini, ini_loose, before in initials:
            for vow_sp, vow_classes, vow_loose in vowels:
                if before and vow_sp[0] not in before:
                    continue
                for fin_sp, fin_classes, fin_loose in finals:
                    if (ini_loose or vow_loose or fin_loose) != want_loose:
                        continue
                    for vow in vow_classes:
                        for fin in fin_classes:
                            add(ini_sp + vow_sp + fin_sp, (ini, vow, fin), bool(ini_sp),
                                fin_sp, want_loose)
    for ini_sp, ini in raw["glide_initials"].items():  # "wh" + "ang" = h + "wa" + ng
        for vow_sp, vow in raw["vowels"].items():
            glided = raw["vowels"].get("w" + vow_sp)
            if glided:
                for fin_sp, fin in raw["finals"].items():
                    add(ini_sp + vow_sp + fin_sp, (ini, glided, fin), True, fin_sp, False)
    for spelling, cls in raw["syllables"].items():
        lexicon[spelling] = [
            _Syllable(spelling, "", cls, "", spelling[0] not in "aeiouy", False, "")
        ]
    for readings in lexicon.values():  # systematic readings ahead of loose ones
        readings.sort(key=lambda r: r.loose)
    hangul = (raw["hangul_initials"], raw["hangul_vowels"], raw["hangul_finals"])
    surnames = frozenset(
        ".".join(s.cls for s in _hangul_syllables(name, hangul)) for name in raw["surnames"]
    )
    folds = tuple((re.compile(pattern), repl) for pattern, repl in raw["latin_folds"])
    return _Tables(
        {k: tuple(v) for k, v in lexicon.items()},
        max(map(len, lexicon)),
        hangul,
        surnames,
        raw["cyrillic"],
        folds,
        re.compile(raw["patronymic"]),
    )


def _hangul_syllables(text: str, hangul: tuple[list[str], list[str], list[str]]) -> list[_Syllable]:
    out = []
    for ch in text:
        code = ord(ch)
        if _HANGUL_FIRST <= code <= _HANGUL_LAST:
            index = code - _HANGUL_FIRST
            i, v, f = hangul[0][index // 588], hangul[1][(index % 588) // 28], hangul[2][index % 28]
            ci, cv, cf = _classes(i, v, f)
            dropped = "n" if i in ("r", "n") and not ci else ""
            out.append(_Syllable(ch, ci, cv, cf, True, False, "", False, dropped))
    return out


def _fold(text: str) -> str:
    """Lower-case ASCII letters: breves and accents dropped, Cyrillic transliterated."""
    cyr = _tables().cyrillic
    text = "".join(cyr.get(c, c) for c in text.lower())
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _segmentations(word: str, *, loose: bool = False) -> list[list[_Syllable]]:
    """Ways to read ``word`` (lower-case letters) as romanised syllables, best first.

    Cost: one per syllable, plus 0.5 when a consonant letter ends a syllable before one that
    starts with a vowel (a lone consonant between vowels opens the next syllable), plus 0.6 for
    reading "ng" as n|g (joined spellings write ㅇ+vowel as "ng", RR hyphenates n-g). With
    ``loose``, readings from the loose table are allowed too, at 0.3 more per loose syllable
    (any systematic reading of the same letters comes first).
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
            for syl in lex.get(word[i:j], ()):
                if syl.loose and not loose:
                    break  # loose readings come after the systematic ones
                extra = 1.3 if syl.loose else 1.0
                if path:
                    prev = path[-1]
                    # A glide letter (w, y) after a final consonant opens the syllable as a
                    # consonant would (Chul-woo, Sun-young), but not after a vowel's h (Da-hyun).
                    glide = syl.spelling[0] in "wy" and bool(prev.final_spelling)
                    if prev.hard_end and not syl.onset and not glide:
                        extra += 0.5
                    if prev.final_spelling == "n" and syl.spelling.startswith("g"):
                        extra += 0.6
                    if prev.final_spelling == "c" and syl.spelling.startswith("h"):
                        extra += 0.6  # "ch" is one letter in every system: Kyu-chul
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
            # Given-name classes run together: a joined spelling read with other syllable
            # boundaries ("Namil" as na-mil) still gives the key of "Nam-il".
            return ".".join(s.cls for s in self.surname) + " " + "".join(s.cls for s in self.given)
        return " ".join(self.plain)


def _as_surname(token: str, *, loose: bool = True) -> tuple[_Syllable, ...] | None:
    """``token`` read as a known Korean surname, or None.

    Systematic readings are tried first; with ``loose``, then spellings outside the systems
    ("Synn", "Wone", "Jaung"), which only ever resolve to a surname of the known list.
    """
    tables = _tables()
    if any(_HANGUL_FIRST <= ord(c) <= _HANGUL_LAST for c in token):
        syls = tuple(_hangul_syllables(token, tables.hangul))
        return syls if ".".join(s.cls for s in syls) in tables.surnames else None
    word = _fold(token).replace("'", "").replace("’", "")
    for allow_loose in (False, True) if loose else (False,):
        for path in _segmentations(word, loose=allow_loose):
            if len(path) <= _SHORT_SURNAME_MAX and ".".join(s.cls for s in path) in tables.surnames:
                return tuple(path)
    return None


def _given(syllables: Sequence[_Syllable]) -> tuple[_Syllable, ...]:
    """Given-name syllables with the initial-sound law undone after the first one: it drops
    r/n only at the start of a name part ("Ryong Hae" = "Yong-hae"), while inside a given name
    the n stays ("Su-ni", joined "Suni", 수니)."""
    return tuple(
        dataclasses.replace(s, initial=s.dropped) if n and s.dropped else s
        for n, s in enumerate(syllables)
    )


def _as_given(tokens: list[str], *, loose: bool = True) -> tuple[_Syllable, ...] | None:
    """Given-name syllables of ``tokens`` (joined "Yojong", hyphenated "Yo-jong" or apart
    "Yo Jong"); a part with no systematic reading may take a loose one."""
    out: list[_Syllable] = []
    for token in tokens:
        # A capital inside a token starts a syllable ("HanGyeol", "JoonYoung").
        token = re.sub(r"(?<=[a-z])(?=[A-Z])", "-", token)
        # MR writes n'g for n+g and ch' for aspiration: an apostrophe after n breaks.
        folded = re.sub(r"(?<=n)['’]", "-", _fold(token))
        for part in re.sub(r"['’]", "", folded).split("-"):
            paths = _segmentations(part) if part else [[]]
            if not paths and loose:
                paths = _segmentations(part, loose=True)
            if not paths:
                return None
            out.extend(paths[0])
    return _given(out) if 1 <= len(out) <= 3 else None


def _written_korean(tokens: list[str]) -> bool:
    """Whether given-name ``tokens`` are written the Korean way: hyphenated syllables
    ("Il-nam") or one syllable a token ("Il Nam"). A surname read only loosely ("Joe",
    "Sea") needs this, so that "Joe Biden" stays an English name."""
    if len(tokens) == 1:
        return "-" in tokens[0] and _as_given(tokens, loose=False) is not None
    return all(len(_as_given([t], loose=False) or ()) == 1 for t in tokens)


def _plain_tokens(name: str) -> tuple[str, ...]:
    """Normalised tokens of a non-Korean name: Latin transliterations of one Russian name
    agree (Dmitry/Dmitri/Dmitriy, Tschernyschenko/Chernyshenko, -sky/-skiy), and a
    patronymic is dropped ("Vladimir Vladimirovich Putin", "Путин Владимир Владимирович").
    """
    tables = _tables()
    text = _fold(name).replace("'", "").replace("’", "").replace(".", " ")
    tokens = re.findall(r"[a-z0-9]+", text)
    folded = []
    for token in tokens:
        if len(token) > 3:
            for pattern, repl in tables.latin_folds:
                token = pattern.sub(repl, token)
        folded.append(token)
    if len(folded) >= 3 and tables.patronymic.search(folded[-1]):
        folded = [folded[1], folded[0], *folded[2:-1]]  # Surname Given Patronymic (Russian)
    elif len(folded) >= 3:
        folded = [folded[0], *(t for t in folded[1:-1] if not tables.patronymic.search(t)),
                  folded[-1]]
    return tuple(folded)


@functools.lru_cache(maxsize=4096)
def _parse(name: str) -> _Parsed:
    clean = strip_name(name)
    plain = _plain_tokens(clean)
    hangul = _hangul_syllables(clean, _tables().hangul)
    if hangul and len(hangul) == len(re.sub(r"\s", "", clean)) and len(hangul) >= 2:
        for n in (2, 1):
            if len(hangul) > n and (sur := _as_surname(clean.replace(" ", "")[:n])):
                return _Parsed(sur, _given(hangul[n:]), clean[:n], clean[n:].strip(), plain)
    tokens = clean.split()
    if len(tokens) >= 2:
        given = _as_given(tokens[1:])
        sur = _as_surname(tokens[0], loose=False)
        if sur is None and given and _written_korean(tokens[1:]):
            sur = _as_surname(tokens[0])
        if sur and given:
            return _Parsed(sur, given, tokens[0], " ".join(tokens[1:]), plain)
        # Given name first, hyphenated ("Jae-in Moon").
        sur = _as_surname(tokens[-1], loose=False) if "-" in tokens[0] else None
        if sur and (given := _as_given(tokens[:-1])):
            return _Parsed(sur, given, tokens[-1], " ".join(tokens[:-1]), plain)
    return _Parsed(plain=plain)


def name_key(name: str) -> str:
    """A key equal for romanisation variants of one name ("Pak Jong Chon" = "Park Chung Chon").

    Korean names: "<surname class> <given-name classes run together>" ("pak jongjon"); other names
    their normalised tokens ("vladimir putin"). Titles and possessives are ignored.
    """
    return _parse(name).key


def surname_key(text: str) -> str | None:
    """The class of ``text`` read as a Korean surname (Latin or Hangul), or None."""
    sur = _as_surname(strip_name(text))
    return ".".join(s.cls for s in sur) if sur else None


def given_name_key(text: str) -> str | None:
    """The classes of ``text`` read as a Korean given name, run together ("Yo-jong",
    "Yojong", "Yo Jong", "Yeo-jeong" and "여정" all give "yojong"), or None."""
    text = strip_name(text)
    hangul = _hangul_syllables(text, _tables().hangul)
    if hangul and len(hangul) == len(re.sub(r"\s", "", text)):
        syls: tuple[_Syllable, ...] | None = _given(hangul)
    else:
        syls = _as_given(text.split()) if text else None
    return "".join(s.cls for s in syls) if syls else None


def plain_tokens(name: str) -> tuple[str, ...]:
    """The normalised tokens of ``name`` read as a non-Korean name ("Richard M. Nixon" →
    ("richard", "m", "nixon")), titles stripped."""
    return _parse(name).plain


def is_korean_name(name: str) -> bool:
    """Whether ``name`` reads as a full Korean name (surname and given name)."""
    return _parse(name).korean


# ---------------------------------------------------------------- matching


# Words an acronym leaves out ("Korean Central News Agency" is KCNA, "Bank of Korea" BOK).
_ACRONYM_SKIPS = frozenset(["of", "the", "and", "for", "in", "on", "at", "to"])


def _abbreviation(word: str) -> str | None:
    """The letters of an abbreviation written in capitals, with or without dots ("U.S.",
    "UK"); None for an ordinary word."""
    bare = word.replace(".", "")
    return bare if 2 <= len(bare) <= 3 and bare.isalpha() and bare.isupper() else None


def acronyms_of(name: str) -> set[str]:
    """The acronyms a name of two words or more may be written as: the first letters of its
    words ("Korean Central News Agency": KCNA), with or without its small words ("Bank of
    Korea": BOK), and with an abbreviation inside it giving all its letters ("U.S. Geological
    Survey", "US Geological Survey": USGS)."""
    every = [w for w in re.split(r"[\s\-]+", name) if w]
    words = [w for w in every if w.lower() not in _ACRONYM_SKIPS]
    if len(words) < 2:
        return set()
    firsts = "".join(w[0] for w in words).upper()
    spelled = "".join(_abbreviation(w) or w[0] for w in words).upper()
    # Some keep the small words: "Bank of Korea" is BOK.
    return {firsts, spelled, "".join(w[0] for w in every).upper()}


def acronym_letters(name: str) -> str | None:
    """The letters of a name written as an acronym ("USGS", "U.N."), else None."""
    short = re.sub(r"[.\s]", "", name)
    return short if 2 <= len(short) <= 6 and short.isupper() and short.isalpha() else None


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
    for short, full in ((a.strip(), b.strip()), (b.strip(), a.strip())):
        # "USGS" / "U.S. Geological Survey": a body's name and its acronym (one word).
        letters = acronym_letters(short) if " " not in short else None
        if letters is not None and letters in acronyms_of(full):
            return NameMatch("same", 1.0, [f"{short} is the acronym of {full}"])
    if pa.key in cb.co_mentions or pb.key in ca.co_mentions:
        return NameMatch("different", 0.0, ["named side by side in one sentence"])
    if _generation(a) != _generation(b):
        # "W. Mark Felt" / "Mark Felt Jr.": a father and his son.
        return NameMatch("different", 0.0, ["a generation suffix on one side: two generations"])
    base, why = _partial(pa, pb, settings, (a, b))
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
    if score >= settings.possible_score and (bonus or base >= settings.possible_score):
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


def _partial(
    pa: _Parsed, pb: _Parsed, settings: ResolveSettings, names: tuple[str, str]
) -> tuple[float, list[str]]:
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
        # "Lee" / "Lee Sang-min", "KCNA" / "Xinhua": one word alone names no one for sure.
        # Inside a run, entity resolution joins a surname to the full name the same article
        # (or story) gives; two names compared on their own cannot be joined that way.
        one = ta if len(ta) < 2 else tb
        return 0.0, [f"'{' '.join(one)}' is one word: a surname is joined to a full name only "
                     "within a story, by entity resolution (rashomon analyze)"]
    if ta[-1] == tb[-1] and lead_initials(ta) != lead_initials(tb):
        # "W. Mark Felt" / "Mark Felt", "J. Edgar Hoover" / "Edgar Hoover": a first initial
        # before the name the person goes by.
        sa, sb = ta[lead_initials(ta):], tb[lead_initials(tb):]
        if sa[0] == sb[0] and (sa == sb or _middles_agree(sa[1:-1], sb[1:-1])):
            initials = ta[: lead_initials(ta)] or tb[: lead_initials(tb)]
            why = f"same name the person goes by; first initial '{' '.join(initials)}' on one side only"
            return MIDDLE_NAME_SCORE, [why]
    if ta[-1] == tb[-1] and ta[0] == tb[0] and _middles_agree(ta[1:-1], tb[1:-1]):
        extra = " ".join(ta[1:-1] or tb[1:-1])
        why = f"same first and family name; middle name or initial '{extra}' on one side only"
        return MIDDLE_NAME_SCORE, [why]
    if ta[-1] == tb[-1] and is_nickname(ta[0], tb[0]) and (ta[1:-1] == tb[1:-1] or _middles_agree(ta[1:-1], tb[1:-1])):
        why = f"same family name {ta[-1]}; {ta[0]} and {tb[0]} are one given name and its short form"
        return MIDDLE_NAME_SCORE, [why]
    if ta[-1] == tb[-1] and _initials_stand_for(ta[:-1], tb[:-1]):
        # "V. A. Dranitsyn" / "Viktor Dranitsyn", "J. Smith" / "John Smith": a name written
        # with initials only, each the first letter of the other's given names. As likely one
        # person as a middle name on one side only; entity resolution keeps an initial that
        # could stand for two of a story's people apart (_person_links).
        short, full = names if initials_only(ta) else names[::-1]
        why = f"same family name; the initials of {short.strip()} stand for the given name of {full.strip()}"
        return MIDDLE_NAME_SCORE, [why]
    if ta[-1] == tb[-1] and (ta[0].startswith(tb[0]) or tb[0].startswith(ta[0])):
        short, full = (ta[0], tb[0]) if len(ta[0]) < len(tb[0]) else (tb[0], ta[0])
        return settings.near_syllable, [f"same family name {ta[-1]}; first name {short} could be short for {full}"]
    return 0.0, ["different names"]


@functools.cache
def _nicknames() -> NickNamer:
    return NickNamer()


def is_nickname(a: str, b: str) -> bool:
    """Whether one of two lower-case given names is a listed short form of the other ("fred" /
    "frederick", "bill" / "william"), from the pinned ``nicknames`` package's hand-curated
    table of English given names."""
    table = _nicknames()
    return a != b and (b in table.nicknames_of(a) or a in table.nicknames_of(b))


# "Richard Nixon" / "Richard M. Nixon", "Christopher Simpson" / "Christopher Kenyon Simpson":
# most often one person, but a father and son can differ by the middle name alone (George
# Bush / George W. Bush), so "possible" and not "same". Hand-set so that one story shared
# (+ story_bonus 0.05) reaches merge_score (0.8) inside resolve_entities; checked on ECB+'s
# person chains (rashomon eval ecbplus-entities: name-mention CoNLL F1 0.9275 with it, 0.9135
# when such pairs are left apart).
MIDDLE_NAME_SCORE = 0.75


_GENERATION = re.compile(r"\b(jr|sr|ii|iii|iv)\b\.?", re.IGNORECASE)


def _generation(name: str) -> str | None:
    found = _GENERATION.search(name)
    return found.group(1).lower() if found else None


def lead_initials(tokens: Sequence[str]) -> int:
    """How many single-letter initials open a name before a first name and a family name
    ("w mark felt": 1); 0 when fewer than two full words follow."""
    n = 0
    while n < len(tokens) and len(tokens[n]) == 1:
        n += 1
    return n if len(tokens) - n >= 2 and all(len(t) > 1 for t in (tokens[n], tokens[-1])) else 0


def initials_only(tokens: Sequence[str]) -> bool:
    """Whether a name's given names are all single-letter initials ("v a dranitsyn")."""
    return len(tokens) >= 2 and all(len(t) == 1 for t in tokens[:-1]) and len(tokens[-1]) > 1


def _initials_stand_for(ga: Sequence[str], gb: Sequence[str]) -> bool:
    """Given names of which one side is initials only, each the first letter of the other
    side's given name in order ("v a" / "viktor", "v a" / "viktor alexeyevich"); the initials
    may run past the written names (a patronymic or middle name not given), never the
    reverse."""
    if not ga or not gb:
        return False
    short, full = (ga, gb) if all(len(t) == 1 for t in ga) else (gb, ga)
    if not all(len(t) == 1 for t in short) or all(len(t) == 1 for t in full):
        return False
    if len(full) > len(short):
        return False
    return all(s == f[0] or s in _FOLDED_INITIALS.get(f[0], "") for s, f in zip(short, full))


# First letters that _plain_tokens' spelling folds may have changed in a full name but not in
# a lone initial: "John" is folded to "yohn", "Walter" to "valter", "Yevgeny" to "evgeny",
# "Khalid" to "halid", "Philip" to "filip", "Tschernyschenko" to "chernyshenko".
_FOLDED_INITIALS = {"y": "j", "v": "w", "e": "y", "h": "k", "f": "p", "c": "t"}


def _middles_agree(ma: Sequence[str], mb: Sequence[str]) -> bool:
    """Middle names known on one side only, or the same ones (a name or its initial)."""
    if not ma or not mb:
        return ma != mb
    return len(ma) == len(mb) and all(x[0] == y[0] and (len(x) == 1 or len(y) == 1 or x == y)
                                      for x, y in zip(ma, mb))


def display_key(key: str) -> str:
    """A key made readable: "kim yojong" → "Kim Yojong"."""
    return " ".join(_title_case(t) for t in key.split())
