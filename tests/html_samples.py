"""Hand-built reports for the HTML report's tests: a conflict between two outlets, a quote in
two wordings, single-source claims, and an article whose text and metadata are hostile."""

from __future__ import annotations

from rashomon.records import (
    Article, Attribution, Claim, Coverage, Entity, Evidence, Finding, Origin, QuoteGroup,
    QuoteVariant, Removed, Report, Skipped, Slot, Story,
)

HOSTILE_TITLE = '<img src=x onerror="document.title=\'pwned-title\'">Hostile'
HOSTILE_TEXT = (
    "The fleet left port on March 21. "
    "<script>document.title='pwned-script'</script> "
    '<img src=x onerror="document.title=\'pwned-img\'"> '
    "Nothing else happened."
)


def sample_report() -> Report:
    wire_text = "The fleet of 12 trawlers left Rajin on March 12.\nIt was a fine day."
    daily_text = HOSTILE_TEXT
    wire = Article(
        id="a1", path="wire.txt", text=wire_text, outlet="Wire", published="2025-03-13",
        url="https://wire.example/fleet", title="Fleet sails",
        removed=[Removed("credit", "Edited by A. Editor.")],
        claims=[Claim("a1.c0", "a1", 0, 0, 48, wire_text[:48],
                      slots=[Slot("time", "March 12", 39, 47, "2025-03-12")])],
    )
    daily = Article(
        id="b1", path="daily.txt", text=daily_text, outlet='Daily <b onmouseover="x">',
        published="2025-03-15", url="javascript:document.title='pwned-link'", title=HOSTILE_TITLE,
        claims=[Claim("b1.c0", "b1", 0, 0, 32, daily_text[:32],
                      slots=[Slot("time", "March 21", 23, 31, "2025-03-21")])],
    )
    conflict = Finding(
        kind="conflict", slot="time", id="s1.f1", cause="day_digits_swapped",
        origins=[Origin("Wire", "outlet"), Origin("Daily", "outlet")], outlets=2,
        independent_origins=2, origin_labels=["Wire", "Daily"],
        evidence=[Evidence("a1", "Wire", wire_text[:48], 0, 48, "2025-03-12"),
                  Evidence("b1", daily.outlet, daily_text[:32], 0, 32, "2025-03-21")],
    )
    unique = Finding(
        kind="unique", slot=None, id="s1.f2", origins=[Origin("a source", "anonymous_source")],
        outlets=1, independent_origins=1, origin_labels=["a source"],
        evidence=[Evidence("b1", daily.outlet, daily_text[33:79], 33, 79,
                           attribution=Attribution("anonymous_source", "a source"))],
    )
    yearless = Finding(
        kind="update", slot="time", id="s1.f3", outlets=2, independent_origins=2,
        evidence=[Evidence("a1", "Wire", "It was a fine day.", 49, 67, "--01-18"),
                  Evidence("b1", daily.outlet, "Nothing else happened.", 118, 140, "--01-19")],
    )
    story = Story(
        id="s1", title="Fleet sails", articles=["a1", "b1"], findings=[conflict, yearless, unique],
        entities=[Entity("s1.e1", "Ri Chol Man", "PERSON", ["Lee Cheol-man", "Ri Chol Man"], ["a1", "b1"])],
        quotes=[QuoteGroup("Ri Chol Man", [QuoteVariant("a1", "a proud fruit of friendship", 0, 10),
                                           QuoteVariant("b1", "a glorious fruit of friendship", 0, 10)])],
        coverage=Coverage(claims=2, only_anonymous=["s1.f2"], single_outlet=["s1.f2"],
                          single_origin=["s1.f2"], by_origin_type={"anonymous_source": 1}),
    )
    lone = Article(id="c1", path="lone.txt", text="A lone report about something else.",
                   outlet="Herald", published="2025-03-18")
    lone_story = Story(id="s2", title="Lone", articles=["c1"])
    return Report(articles=[wire, daily, lone], skipped=[Skipped("x.bin", "binary file")],
                  stories=[story, lone_story])
