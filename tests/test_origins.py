"""Independent origins on constructed story sets (written for these tests): wire copies are one
origin, two agencies are two, and claims resting only on anonymous sources are flagged."""

from __future__ import annotations

import pytest

from rashomon.records import Article, Report
from rashomon.run.pipeline import run_pipeline
from rashomon.settings import Settings

WIRE = (
    "SEOUL, May 4 (Reuters) - North Korea launched a new reconnaissance satellite from its west "
    "coast on Sunday, the South Korean military said.\n"
    "The rocket lifted off from the Sohae launch site shortly after 10 a.m. and flew south over "
    "the Yellow Sea, the Joint Chiefs of Staff said in a statement.\n"
    "It was not immediately clear whether the satellite had reached orbit.\n"
    "Pyongyang has said it plans to put three more satellites into orbit this year."
)


def raw(i: str, outlet: str, text: str, published: str = "2025-05-04") -> Article:
    return Article(id=i, path=f"{i}.txt", outlet=outlet, published=published, raw=text, raw_kind="text")


def report(articles: list[Article]) -> Report:
    return run_pipeline(articles, settings=Settings())


@pytest.fixture(scope="module")
def wire_copies() -> Report:
    light = WIRE.replace("(Reuters)", "").replace("shortly after", "just after").replace("flew south", "headed south")
    cut = WIRE.rsplit("\n", 1)[0].replace("(Reuters)", "")
    added = WIRE.replace("(Reuters)", "") + (
        "\nLocal fishermen in Incheon said they had been warned to stay in port on Sunday morning."
    )
    return report([
        raw("w", "Reuters", WIRE),
        raw("a", "Seoul Daily", light),
        raw("b", "Busan Post", cut, "2025-05-05"),
        raw("c", "Incheon Times", added, "2025-05-05"),
    ])


def test_wire_printed_by_three_outlets_is_one_origin(wire_copies: Report) -> None:
    copies = {a.outlet: a.copy_of for a in wire_copies.articles}
    wire_id = next(a.id for a in wire_copies.articles if a.outlet == "Reuters")
    assert copies == {"Reuters": None, "Seoul Daily": wire_id, "Busan Post": wire_id, "Incheon Times": wire_id}
    story = wire_copies.stories[0]
    assert len(story.articles) == 4
    launch = [f for f in story.findings if any("Sohae" in e.sentence for e in f.evidence)]
    assert launch
    for finding in launch:
        # Copies of one article are not corroboration: one origin, reported as unique.
        assert finding.kind == "unique"
        assert finding.independent_origins == 1
        assert "not an independent confirmation" in finding.statement or finding.outlets == 1
    assert not [f for f in story.findings if f.kind == "corroborated"]


def test_two_outlets_citing_two_agencies_are_two_origins() -> None:
    a = raw("y", "Korea Morning Ledger",
            "North Korea fired two short-range ballistic missiles into the sea on Tuesday, "
            "Yonhap news agency reported, citing the South Korean military.\n"
            "The missiles flew about 300 km before landing off the east coast.")
    b = raw("k", "Tokyo Evening News",
            "North Korea fired two short-range ballistic missiles into the sea off its east coast "
            "on Tuesday, Kyodo News reported.\n"
            "Japan's prime minister called the launch a threat to regional peace.")
    result = report([a, b])
    corroborated = [f for f in result.stories[0].findings if f.kind == "corroborated"]
    missiles = [f for f in corroborated if all("missiles" in e.sentence for e in f.evidence)]
    assert missiles, [f.statement for f in result.stories[0].findings]
    finding = missiles[0]
    assert finding.outlets == 2 and finding.independent_origins == 2
    assert {o.name for o in finding.origins} >= {"Yonhap", "Kyodo News"} or len(finding.origins) == 2
    assert "2 outlets, 2 independent origins" in finding.statement


def test_claims_resting_only_on_anonymous_sources_are_flagged() -> None:
    a = raw("p", "North Star Report",
            "Rice prices in Hyesan doubled last month, a source in Ryanggang Province told North "
            "Star Report on Monday.\n"
            "Several families in the city have begun selling furniture to buy food, the source said.")
    b = raw("q", "Seoul Daily",
            "Rice prices in the border city of Hyesan doubled last month, according to a source "
            "in the province.\n"
            "The unification ministry said it could not confirm the report.")
    result = report([a, b])
    story = result.stories[0]
    flagged = {f.id for f in story.findings if f.id in story.coverage.only_anonymous}
    assert flagged
    rice = [f for f in story.findings if f.id in flagged and any("Rice" in e.sentence for e in f.evidence)]
    assert rice
    assert all(o.type == "anonymous_source" for o in rice[0].origins)
