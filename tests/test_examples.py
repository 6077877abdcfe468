"""Checks on the bundled example story set itself: files, manifest, and planted discrepancies.

These test the *files* (what docs/examples.md promises is there); pipeline behaviour on them
is tested elsewhere.
"""

from __future__ import annotations

import csv
import datetime as dt
import html
import re

import pytest

from data_paths import EXAMPLES

PCD, TNS, LEDGER, NORTHSTAR, STEPPE = (
    "01_pcd_fishing_fleet.txt",
    "02_tns_wire.txt",
    "03_ledger_daily.html",
    "04_northstar_specialist.txt",
    "05_steppe_herald_dzud.txt",
)
EVENT = (PCD, TNS, LEDGER, NORTHSTAR)


def _manifest() -> list[dict[str, str]]:
    with (EXAMPLES / "manifest.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def _raw(name: str) -> str:
    return (EXAMPLES / name).read_text(encoding="utf-8")


def _body(name: str) -> str:
    """Article text: the whole file for .txt, the article-body paragraphs for the HTML page."""
    raw = _raw(name)
    if not name.endswith(".html"):
        return raw
    match = re.search(r'<div class="article-body">(.*?)</div>', raw, re.S)
    assert match, "the HTML example lost its article-body div"
    return html.unescape(re.sub(r"<[^>]+>", " ", match.group(1)))


def _published(name: str) -> dt.datetime:
    row = next(r for r in _manifest() if r["path"] == name)
    return dt.datetime.fromisoformat(row["published"])


def _in(text: str, needle: str) -> bool:
    return " ".join(needle.split()) in " ".join(text.split())


def test_manifest_rows_match_files() -> None:
    rows = _manifest()
    assert list(rows[0]) == ["path", "outlet", "published", "url", "language"]
    files = {p.name for p in EXAMPLES.iterdir() if p.suffix in {".txt", ".html"}}
    assert [r["path"] for r in rows] == sorted(files) == sorted([*EVENT, STEPPE])
    assert len({r["outlet"] for r in rows}) == len(rows)
    for r in rows:
        assert r["language"] == "en"
        assert r["url"].startswith(("http://", "https://"))
        assert _published(r["path"]).tzinfo is not None
    # Several publication days, so relative dates ("on Wednesday") resolve differently.
    assert len({_published(r["path"]).date() for r in rows}) >= 4


@pytest.mark.parametrize("name", [*EVENT, STEPPE])
def test_article_length(name: str) -> None:
    assert 200 <= len(_body(name).split()) <= 450


def test_html_page_metadata_matches_manifest() -> None:
    raw = _raw(LEDGER)
    assert re.search(r"<title>[^<]+</title>", raw)
    assert '<meta name="author" content="Seo Min-ji">' in raw
    published = re.search(r'<meta property="article:published_time" content="([^"]+)"', raw)
    assert published and dt.datetime.fromisoformat(published.group(1)) == _published(LEDGER)


def _last_weekday(on_or_before: dt.date, weekday: str) -> dt.date:
    for back in range(7):
        day = on_or_before - dt.timedelta(days=back)
        if day.strftime("%A") == weekday:
            return day
    raise AssertionError(weekday)


def test_date_discrepancy_march_12_vs_21() -> None:
    assert _in(_body(PCD), "took place at Rajin Port on March 12")
    assert _in(_body(NORTHSTAR), "send-off ceremony held on March 21")
    for name in (TNS, LEDGER):  # "on Wednesday", relative to the publication date
        assert "on Wednesday" in _body(name)
        assert _last_weekday(_published(name).date(), "Wednesday") == dt.date(2025, 3, 12)
    assert "on Sunday" in _body(NORTHSTAR)
    assert _last_weekday(_published(NORTHSTAR).date(), "Sunday") == dt.date(2025, 3, 23)
    assert all("March 21" not in _body(n) for n in (PCD, TNS, LEDGER))


def test_number_discrepancies_count_the_same_thing() -> None:
    assert _in(_body(PCD), "A total of 12 large trawlers")
    assert _in(_body(TNS), "a fleet of 12 trawlers")
    assert _in(_body(LEDGER), "sent 21 trawlers") and _in(_body(LEDGER), "21 vessels")
    assert _in(_body(PCD), "120 fishermen")
    assert _in(_body(NORTHSTAR), "About 300 fishermen")


def test_name_variants_with_the_same_role() -> None:
    variants = {PCD: "Ri Chol Man", TNS: "Ri Chol Man", LEDGER: "Lee Cheol-man",
                NORTHSTAR: "Ri Chol Min"}
    for name, variant in variants.items():
        body = _body(name)
        assert variant in body
        assert re.search(r"vice[- ]?(fisheries )?minister", body, re.I), name
    assert "Ri Chol Man" not in _body(NORTHSTAR)
    assert "V. A. Dranitsyn" in _body(PCD) and "Viktor Dranitsyn" in _body(TNS)


def test_one_statement_in_two_translations() -> None:
    pcd = re.search(r'"(The departure of our fishing fleet[^"]+)"', _body(PCD))
    ledger = re.search(r"\u201c(Our fishing fleet setting out[^\u201d]+)\u201d", _body(LEDGER))
    assert pcd and ledger
    a, b = pcd.group(1), ledger.group(1)
    assert a != b
    for shared in ("fishing fleet", "Russian Far East", "fruit of the", "friendship between"):
        assert shared in a and shared in b
    assert "Ri Chol Man in his speech said" in _body(PCD)
    assert "Lee said, according to the Korean-language report" in _body(LEDGER)
    assert '"a proud fruit of the invincible friendship"' in _body(TNS)  # fragment of 01


@pytest.mark.parametrize(
    ("phrase", "files"),
    [
        ("Rajin", EVENT),
        ("pollock", EVENT),
        ("six months", (PCD, TNS, LEDGER)),
        ("Vladivostok", EVENT),
        ("November", (PCD, TNS, LEDGER)),
        ("seafood exports", (TNS, LEDGER)),
    ],
)
def test_corroborated_details_appear_in_several_outlets(phrase: str, files: tuple[str, ...]) -> None:
    assert all(phrase in _body(n) for n in files), phrase


@pytest.mark.parametrize(
    ("phrase", "only_in"),
    [
        ("every convenience", PCD),
        ("a fifth of their catch", TNS),
        ("30 million dollars", LEDGER),
        ("bribes of up to 500 US dollars", NORTHSTAR),
        ("security official to every vessel", NORTHSTAR),
    ],
)
def test_single_outlet_claims(phrase: str, only_in: str) -> None:
    assert [n for n in (*EVENT, STEPPE) if _in(_body(n), phrase)] == [only_in]


def test_attribution_kinds_present() -> None:
    assert "state media said on Thursday" in _body(TNS)
    assert "the official Pyongyang Central Dispatch (PCD) reported" in _body(TNS)
    assert "according to a copy of the fisheries agreement seen by TNS" in _body(TNS)
    assert "asking not to be named" in _body(LEDGER)
    assert "according to a report the Unification Ministry submitted" in _body(LEDGER)
    assert "on condition of anonymity" in _body(NORTHSTAR)
    assert "Another source in North Hamgyong Province" in _body(NORTHSTAR)
    assert "said Han Ji-soo, a researcher" in _body(TNS)


@pytest.mark.parametrize(
    ("name", "debris"),
    [
        (TNS, "Reporting by Daniel Okafor; Editing by Priya Raman"),
        (NORTHSTAR, "(Photo: North Star Report)"),
        (NORTHSTAR, "Read in Korean"),
        (NORTHSTAR, "Translated by Park Soo-yeon. Edited by Liam Carter."),
        (NORTHSTAR, "Contact us at tips@northstar-report.example"),
        (NORTHSTAR, "North Star Report is an independent online newspaper"),
        (NORTHSTAR, "Leave a Reply"),
        (NORTHSTAR, "Your email address will not be published."),
        (LEDGER, "Read in Korean"),
        (LEDGER, "(Korea Morning Ledger DB)"),
        (LEDGER, "Leave a comment"),
        (LEDGER, "Share on Facebook"),
        (LEDGER, "is an English-language daily newspaper"),
        (STEPPE, "Edited by Oyun Batsaikhan"),
        (STEPPE, "news@steppeherald.example"),
    ],
)
def test_web_debris_present(name: str, debris: str) -> None:
    assert debris in _raw(name)


def test_unrelated_article_shares_no_people_or_places() -> None:
    steppe = _body(STEPPE)
    for term in ("Rajin", "Rason", "Korea", "Russia", "trawler", "Ri Chol", "Dranitsyn"):
        assert term not in steppe
    assert "Mongolia" in steppe and all("Mongolia" not in _body(n) for n in EVENT)
