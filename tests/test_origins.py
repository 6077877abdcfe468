"""Independent origins on constructed story sets (written for these tests): wire copies are one
origin, two agencies are two, and claims resting only on anonymous sources are flagged."""

from __future__ import annotations

import pytest

from rashomon.sources import load_sources
from rashomon.origins import Origins
from rashomon.records import Article, Attribution, Claim, Evidence, Origin, Report
from rashomon.run.pipeline import run_pipeline
from rashomon.settings import Settings
from rashomon.report.wording import statement

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


@pytest.mark.models
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
        assert "not an independent confirmation" in statement(finding) or finding.outlets == 1
    assert not [f for f in story.findings if f.kind == "corroborated"]


@pytest.mark.models
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
    assert missiles, [statement(f) for f in result.stories[0].findings]
    finding = missiles[0]
    assert finding.outlets == 2 and finding.independent_origins == 2
    assert {o.name for o in finding.origins} >= {"Yonhap", "Kyodo News"} or len(finding.origins) == 2
    assert "2 outlets, 2 independent origins" in statement(finding)


@pytest.mark.models
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


# ---------------------------------------------------------------- chains: outlet → carrier → speaker


def _evidence(article: str, outlet: str, attribution: Attribution | None) -> Evidence:
    return Evidence(article=article, outlet=outlet, sentence="…", start=0, end=1, attribution=attribution)


def _origins(*outlets: str) -> Origins:
    articles = [Article(id=f"a{n}", path=f"a{n}.txt", outlet=o) for n, o in enumerate(outlets)]
    return Origins(articles, registry=load_sources())


def test_person_carried_by_state_media_shares_its_origin() -> None:
    origins = _origins("Seoul Daily", "Tokyo Evening News")
    carried = Attribution("named_person", "Kim Yo Jong", "The KCNA cited Kim Yo Jong as saying")
    found, independent, labels = origins.summarise([
        _evidence("a0", "Seoul Daily", carried),
        _evidence("a1", "Tokyo Evening News", Attribution("state_media", "KCNA", "KCNA reported")),
    ])
    # Her words reach both outlets through KCNA: one origin, not two confirmations.
    assert independent == 1
    assert labels == ["KCNA, quoting Kim Yo Jong"]
    assert Origin("Kim Yo Jong", "named_person", via=Origin("KCNA", "state_media")) in found


def test_person_quoted_directly_is_an_origin_of_their_own() -> None:
    origins = _origins("Seoul Daily", "Tokyo Evening News")
    _, independent, labels = origins.summarise([
        _evidence("a0", "Seoul Daily", Attribution("named_person", "Kim Yo Jong", "Kim Yo Jong said")),
        _evidence("a1", "Tokyo Evening News", Attribution("state_media", "KCNA", "KCNA reported")),
    ])
    assert independent == 2 and labels == ["KCNA", "Kim Yo Jong"]


def test_outlet_interviewing_a_person_is_no_carrier() -> None:
    # "told Daily NK" in Daily NK's own article: the outlet carries nothing worth saying.
    origins = _origins("Daily NK")
    origin, _ = origins.origin(
        Article(id="a0", path="a0.txt", outlet="Daily NK"),
        Attribution("official", "Ri Chol", "Ri Chol told Daily NK"),
    )
    assert origin.via is None


def test_unnamed_state_media_next_to_named_outlets() -> None:
    # "state media" is that of the one country whose state media the story cites (KCNA).
    kcna = Claim(id="c", article="a1", sentence=0, start=0, end=1, text="…",
                 attribution=Attribution("state_media", "KCNA", "KCNA reported"))
    articles = [
        Article(id="a0", path="a0.txt", outlet="Seoul Daily"),
        Article(id="a1", path="a1.txt", outlet="Tokyo Evening News", claims=[kcna]),
    ]
    origins = Origins(articles, registry=load_sources())
    _, independent, labels = origins.summarise([
        _evidence("a0", "Seoul Daily", Attribution("state_media", None, "State-run media reported")),
        _evidence("a1", "Tokyo Evening News", Attribution("state_media", "KCNA", "KCNA reported")),
    ])
    assert independent == 1
    assert labels == ["North Korean state media: KCNA and unnamed"]


def test_a_body_under_its_name_and_its_acronym_is_one_origin() -> None:
    from rashomon.records import Entity

    articles = [Article(id=f"a{n}", path=f"a{n}.txt", outlet=o) for n, o in enumerate(["Daily One", "Daily Two", "Daily Three"])]
    survey = Entity(id="e1", name="U.S. Geological Survey", type="ORG",
                    variants=["U.S. Geological Survey", "US Geological Survey", "USGS"], articles=["a0", "a1", "a2"])
    origins = Origins(articles, registry=load_sources(), entities=[survey])
    _, independent, _ = origins.summarise([
        _evidence("a0", "Daily One", Attribution("official", "USGS", "USGS indicates")),
        _evidence("a1", "Daily Two", Attribution("official", "U.S. Geological Survey", "the U.S. Geological Survey said")),
        _evidence("a2", "Daily Three", Attribution("named_person", "US Geological Survey", "according to the US Geological Survey")),
    ])
    assert independent == 1
