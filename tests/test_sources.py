from __future__ import annotations

from rashomon import sources
from rashomon.sources import load_sources


def test_find_gives_the_same_hits_again_each_in_a_list_of_its_own() -> None:
    registry = load_sources()
    text = "KCNA and Yonhap reported, as did the Associated Press."
    first = registry.find(text)
    assert [text[s:e] for s, e, _ in first] == ["KCNA", "Yonhap", "the Associated Press"]
    first.clear()  # a caller may sort or change its list (best() sorts it)
    assert registry.find(text) == registry.find(text) and len(registry.find(text)) == 3
    assert registry.best(text) is not None and registry.find(text)[0][0] == 0


def test_find_remembers_short_texts_only_and_a_bounded_number_of_them(monkeypatch) -> None:
    registry = load_sources()
    long_text = "Reuters said so. " * 20
    assert len(registry.find(long_text)) == 20
    assert long_text not in registry._found
    monkeypatch.setattr(sources, "_REMEMBERED_TEXTS", 3)
    for n in range(5):
        registry.find(f"Reuters, {n} times")
    assert len(registry._found) <= 3
    assert [h[:2] for h in registry.find("Reuters, 0 times")] == [(0, 7)]


def _capitals_kept(alias: str, matched: str) -> bool:
    """A word the alias capitalises is capitalised in the text, but for function words."""
    return all(
        not a[:1].isupper() or a.lower() in {"the", "a", "an", "of", "and", "for", "in", "on", "de", "la", "le", "el", "der", "die", "das"}
        or m[:1].isupper()
        for a, m in zip(alias.split(" "), matched.split(" "), strict=True)
    )


def _leftmost_longest(registry, text: str) -> list[tuple[int, int, str]]:  # noqa: ANN001
    """The same search, alias by alias: at each position the longest alias that matches
    there between word boundaries (short or all-capital ones as written), then on after it."""
    import re

    aliases = [(a, len(a) <= 5 or a.isupper()) for s in registry.sources for a in (s.name, *s.aliases) if a]
    hits, pos = [], 0
    while pos <= len(text):
        best = None
        for alias, exact in aliases:
            pattern = r"\b" + re.sub("['’]", "['’]", re.escape(alias)) + r"\b"
            m = re.compile(pattern, 0 if exact else re.I).match(text, pos)
            if m and not exact and not _capitals_kept(alias, m.group(0)):
                m = None
            if m and (best is None or m.end() > best.end()):
                best = m
        if best is not None and registry.lookup(best.group(0)) is not None:
            hits.append((best.start(), best.end(), registry.lookup(best.group(0)).name))
            pos = best.end()
        else:
            pos += 1
    return hits


def test_the_grouped_search_finds_the_leftmost_longest_alias() -> None:
    # Aliases are searched in groups by first letter (one alternation per group): the
    # longest alias at the leftmost position still wins, as written, in capitals or in any case
    # that keeps the capitals of the alias's words.
    registry = load_sources(text='{"sources": [{"name": "Daily Star", "kind": "outlet"}, '
                                 '{"name": "Daily Star Sunday", "kind": "outlet"}, '
                                 '{"name": "DS", "kind": "outlet"}, {"name": "Dawn", "kind": "outlet"}]}')
    for text in ("the DAILY STAR SUNDAY said", "daily star sunday's edition and Dawn", "ds and DS",
                 "Daily Star Sundays", "KCNA’s report, Yonhap and the Associated Press", "Dawnline"):
        assert [(s, e, src.name) for s, e, src in registry.find(text)] == _leftmost_longest(registry, text), text


def test_a_long_alias_keeps_its_capitals_in_any_case() -> None:
    # A word the alias capitalises must be capitalised in the text (function words aside):
    # common words are not outlets ("a variety of reasons", "on the verge of").
    registry = load_sources(text='{"sources": [{"name": "Variety", "kind": "outlet"}, '
                                 '{"name": "The Verge", "kind": "outlet"}, '
                                 '{"name": "AP", "kind": "wire", "aliases": ["The Associated Press"]}]}')
    found = lambda text: [text[s:e] for s, e, _ in registry.find(text)]  # noqa: E731
    assert found("for a variety of reasons, on the verge of a deal") == []
    assert found("Variety and The Verge reported, as did the Associated Press") == [
        "Variety", "The Verge", "the Associated Press"
    ]
    assert found("VARIETY REPORTED IT") == ["VARIETY"]


def test_the_packaged_outlets_named_by_common_words_need_their_full_names() -> None:
    # Outlets whose one-word names are common words ("People", "Time", "Fortune", "Dawn") are
    # known by their full names only: a sentence that opens on the word names no outlet.
    registry = load_sources()
    for text in ("People who live nearby said", "Time is running out", "Dawn broke over the city",
                 "Fortune favors the bold", "Deadline for filing is Monday", "for a variety of reasons"):
        assert registry.find(text) == [], text
    assert [s.name for _, _, s in registry.find("People magazine and Variety reported")] == ["People magazine", "Variety"]

