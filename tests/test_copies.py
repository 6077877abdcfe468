"""Copy detection: wire copies with light edits, cuts and added paragraphs are found; different
reports of one event are not copies; the result does not depend on input order."""

from __future__ import annotations

from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rashomon.copies import (
    _Permutations,
    copy_links,
    find_copies,
    shingle_hashes,
    window_signatures,
)
from rashomon.records import Article
from rashomon.settings import CopySettings

WIRE = (
    "Fishing crews from the northern port of Sinpo returned on Monday after three weeks at sea, "
    "bringing back a catch that local officials described as the largest of the decade.\n"
    "The harbour master said forty vessels had taken part and that none had been lost, despite "
    "two storms that forced the fleet to shelter near the coast for several days.\n"
    "Prices for squid in the town market fell by almost a third within hours of the landing, "
    "traders said, as families queued to buy fish for the winter.\n"
    "The regional fisheries office plans to send a second fleet in December if the weather allows."
)
OTHER = (
    "A new railway bridge across the river opened to freight traffic on Thursday, linking two "
    "industrial districts that had been separated since floods destroyed the old crossing.\n"
    "Engineers said the bridge could carry trains of up to sixty wagons and would cut the time "
    "needed to move coal to the power station by half."
)
SETTINGS = CopySettings()


def art(i: str, text: str, outlet: str | None = None, published: str | None = None) -> Article:
    return Article(id=i, path=f"{i}.txt", text=text, outlet=outlet, published=published)


def edited(text: str) -> str:
    return text.replace("largest", "biggest").replace("forty", "40").replace("traders said", "traders told us")


def test_light_edits_cuts_and_added_paragraphs_are_copies() -> None:
    original = art("w", WIRE, "Reuters", "2025-03-01")
    light = art("a", edited(WIRE), "Daily A", "2025-03-01")
    cut = art("b", WIRE.rsplit("\n", 1)[0], "Daily B", "2025-03-02")
    longer = art("c", WIRE + "\n" + OTHER, "Daily C", "2025-03-02")
    unrelated = art("d", OTHER, "Daily D", "2025-03-01")
    from rashomon.sources import load_sources

    relations = find_copies(
        [original, light, cut, longer, unrelated], settings=SETTINGS, registry=load_sources(None)
    )
    assert {(r.article, r.original) for r in relations} == {("a", "w"), ("b", "w"), ("c", "w")}
    links = copy_links(relations)
    assert "w" not in links and "d" not in links and links["a"] == links["b"] == links["c"] == "w"
    assert all(a.copy_of is None for a in (original, light, cut, longer, unrelated))  # left as they were
    assert all(0.5 <= r.share <= 1.0 for r in relations)


def test_different_reports_of_one_event_are_not_copies() -> None:
    own_words = art(
        "x",
        "Sinpo's fleet is back. Officials hailed a record haul of squid after a three-week trip, "
        "and market prices dropped sharply on Monday afternoon as residents stocked up. Storms had "
        "kept the boats near the shore for days, the port's chief said, but every crew came home.",
    )
    assert find_copies([art("w", WIRE), own_words], settings=SETTINGS) == []


def test_short_texts_are_never_copies() -> None:
    line = "The talks will resume next week in the capital, officials said."
    assert find_copies([art("a", line), art("b", line)], settings=SETTINGS) == []


def test_original_is_the_earliest_then_the_wire() -> None:
    from rashomon.sources import load_sources

    first = art("z", edited(WIRE), "Daily A", "2025-02-28")
    wire = art("w", WIRE, "Reuters", "2025-03-01")
    assert copy_links(find_copies([wire, first], settings=SETTINGS)) == {"w": "z"}
    undated = [art("z", edited(WIRE), "Daily A"), art("w", WIRE, "Reuters")]
    assert copy_links(find_copies(undated, settings=SETTINGS, registry=load_sources(None))) == {"z": "w"}


def test_window_signatures_cover_short_and_long_texts() -> None:
    perms = _Permutations(16)
    assert window_signatures(shingle_hashes("too short", 5), perms, 40).shape == (0, 16)
    hashes = shingle_hashes(WIRE, 5)
    signatures = window_signatures(hashes, perms, 40)
    assert signatures.shape[1] == 16 and len(signatures) >= 2


@hsettings(max_examples=15, deadline=None)
@given(st.permutations(range(5)))
def test_copy_groups_do_not_depend_on_input_order(order: list[int]) -> None:
    def corpus() -> list[Article]:
        return [
            art("w", WIRE, "Reuters"),
            art("a", edited(WIRE), "Daily A"),
            art("c", WIRE + "\n" + OTHER, "Daily C"),
            art("d", OTHER, "Daily D"),
            art("e", OTHER.replace("Thursday", "Friday"), "Daily E"),
        ]

    baseline = corpus()
    expected = find_copies(baseline, settings=SETTINGS)
    shuffled = corpus()
    got = find_copies([shuffled[i] for i in order], settings=SETTINGS)
    assert got == expected
