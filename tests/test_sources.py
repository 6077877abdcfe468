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
