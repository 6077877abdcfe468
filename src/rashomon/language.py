"""Is a text English? A function-word ratio backed by py3langid.

Only English is analyzed. Short English texts (a headline and two sentences) are where
statistical identifiers slip, so a text whose words are at least ``min_english_ratio`` English
function words counts as English whatever py3langid says; otherwise py3langid decides.
Both parts are deterministic.
"""

from __future__ import annotations

import re

# Common English function words. Words that are equally common in other Latin-script languages
# ("a", "in", "is", "was", "an", "die", "on") are left out so that German, Dutch, French,
# Spanish, Portuguese and Italian texts stay near zero.
_FUNCTION_WORDS = frozenset(
    """the of and to that for with as by at he she it its his her hers from be been being have
    has had this these those are were not but or they them their theirs which who whom whose
    will would said says could should can may might must shall we our you your my me him us i
    there after than about into more also what when where while because over only other some
    such if then do does did just any up out very most all before between during through
    under against without within upon""".split()
)
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_SAMPLE_WORDS = 400
_SAMPLE_CHARS = 4000


def _words(text: str) -> list[str]:
    return [w.lower() for w in _WORD.findall(text[: _SAMPLE_CHARS * 2])][:_SAMPLE_WORDS]


def english_ratio(text: str) -> float:
    """Share of English function words among the first 400 words of ``text`` (0 if none)."""
    words = _words(text)
    if not words:
        return 0.0
    return sum(w in _FUNCTION_WORDS for w in words) / len(words)


def detect_language(text: str, *, min_english_ratio: float = 0.12) -> str | None:
    """The ISO 639-1 code of the language of ``text``, or None when there is too little text.

    English when the function-word ratio reaches ``min_english_ratio``; else py3langid's label.
    """
    words = _words(text)
    letters = sum(len(w) for w in words)
    if letters < 12:  # scripts without spaces (Japanese) give few "words" but many letters
        return None
    if english_ratio(text) >= min_english_ratio:
        return "en"
    import py3langid

    lang, _ = py3langid.classify(text[:_SAMPLE_CHARS])
    return str(lang)
