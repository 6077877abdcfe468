"""Feeds, URL lists and URLs as inputs (rashomon.ingest.web), served from 127.0.0.1: every
entry and every listed URL ends as an article or a skip with its reason."""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from web_builders import TEXT, Answer, page, serve

from rashomon.errors import InputError
from rashomon.ingest import read_inputs
from rashomon.records import Article, Skipped
from rashomon.run.pipeline import clean
from rashomon.settings import Settings

OPEN = Settings().replace({"fetch": {"allow_private": True, "min_interval": 0.0}})

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel><title>River  Times</title><link>{base}/</link>
<item><title>Flood waters recede</title><link>{base}/flood</link><guid>flood-1</guid>
  <pubDate>Tue, 20 Feb 2024 08:00:00 +0100</pubDate>
  <description>A teaser that is never the article.</description></item>
<item><title>Talks resume</title><link>{base}/talks</link>
  <content:encoded><![CDATA[<p>{text}</p><p>Talks resume on Friday.</p>]]></content:encoded></item>
<item><title>No way to read it</title><description>only a teaser</description></item>
<item><title>Members only</title><link>{base}/private/story</link></item>
<item><title>Gone</title><link>{base}/gone</link></item>
</channel></rss>"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire Service</title>
<entry><title>Harbour reopens</title><id>urn:x:1</id><updated>2024-03-02T09:30:00Z</updated>
  <link href="https://wire.example/harbour"/>
  <content type="html">&lt;p&gt;{text}&lt;/p&gt;</content></entry>
<entry><title>Plain words</title><id>urn:x:2</id><updated>2024-03-03T00:00:00Z</updated>
  <content type="text">{text}</content></entry>
</feed>"""


def site_routes() -> dict:
    return {
        "/robots.txt": Answer(200, b"User-agent: *\nDisallow: /private/\n", "text/plain"),
        "/flood": Answer(200, page("Flood waters recede at last")),
        "/moved": Answer(301, headers={"Location": "/flood"}),
        "/doc.pdf": Answer(200, b"%PDF-1.7", "application/pdf"),
        "/loop": Answer(302, headers={"Location": "/loop2"}),
        "/loop2": Answer(302, headers={"Location": "/loop"}),
        "/latin": Answer(200, page("Caf\u00e9 news").decode().encode("latin-1"),
                         "text/html; charset=iso-8859-1"),
    }


def by_path(items) -> dict:  # noqa: ANN001
    return {item.path: item for item in items}


def test_rss_file_entries_content_links_and_failures(tmp_path: Path) -> None:
    with serve(site_routes()) as site:
        feed = tmp_path / "river.rss"
        feed.write_text(RSS.format(base=site.base, text=TEXT))
        items = by_path(read_inputs([feed], settings=OPEN.ingest, fetch=OPEN.fetch))
        hits = site.paths_hit()
    shown = str(feed)
    fetched, content = items[f"{shown}#1"], items[f"{shown}#2"]
    # Entry 1 has no content: its link is fetched; its date and title are the entry's.
    assert isinstance(fetched, Article) and fetched.raw_kind == "html"
    assert "Flood waters recede at last" in fetched.raw
    assert (fetched.url, fetched.title, fetched.published, fetched.outlet) == (
        site.url("/flood"), "Flood waters recede", "2024-02-20T07:00:00+00:00", None)
    assert fetched.provenance["feed"] == shown and fetched.provenance["entry_id"] == "flood-1"
    assert fetched.provenance["requested_url"] == site.url("/flood")
    # Entry 2 carries its full content: read from the feed, nothing fetched; the feed is its outlet.
    assert isinstance(content, Article) and content.raw_kind == "html" and TEXT in content.raw
    assert (content.url, content.title, content.outlet) == (site.url("/talks"), "Talks resume", "River Times")
    assert content.provenance == {"feed": shown}
    assert "/talks" not in hits
    assert [(p, i.reason) for p, i in items.items() if isinstance(i, Skipped)] == [
        (f"{shown}#3", "feed entry has neither content nor a link"),
        (f"{shown}#4", f"{site.url('/private/story')}: robots.txt of {site.base} disallows "
                       "this URL for rashomon"),
        (f"{shown}#5", f"{site.url('/gone')}: HTTP 404 Not Found"),
    ]


def test_atom_file_and_cleaning(tmp_path: Path) -> None:
    (tmp_path / "wire.atom").write_text(ATOM.format(text=TEXT))
    articles, skipped = clean([tmp_path / "wire.atom"], settings=OPEN)
    assert skipped == []
    first, second = articles
    assert (first.title, first.published, first.url, first.outlet) == (
        "Harbour reopens", "2024-03-02T09:30:00+00:00", "https://wire.example/harbour", "Wire Service")
    assert first.text.startswith("Officials met in the capital")
    assert second.url is None and second.provenance == {"feed": str(tmp_path / "wire.atom"), "entry_id": "urn:x:2"}


def test_xml_files_that_are_no_feed_and_broken_feeds(tmp_path: Path) -> None:
    (tmp_path / "sitemap.xml").write_text('<?xml version="1.0"?><urlset><url><loc>x</loc></url></urlset>')
    (tmp_path / "broken.rss").write_text("this is not xml at all")
    (tmp_path / "empty.atom").write_text('<feed xmlns="http://www.w3.org/2005/Atom"><title>t</title></feed>')
    (tmp_path / "blank.rss").write_text("   ")
    reasons = {Path(p).name: i.reason for p, i in by_path(read_inputs([tmp_path], settings=OPEN.ingest)).items()}
    assert reasons["sitemap.xml"] == "XML file that is not an RSS or Atom feed; .xml files are read as feeds only"
    assert reasons["broken.rss"].startswith("not an RSS or Atom feed")
    assert reasons["empty.atom"] == "feed has no entries"
    assert reasons["blank.rss"] == "empty file"


def test_url_list_rules(tmp_path: Path) -> None:
    with serve(site_routes()) as site:
        listing = tmp_path / "today.urls"
        listing.write_text(
            f"# morning list\n\n{site.url('/flood')}\n   {site.url('/moved')}   # same page, moved\n"
            f"{site.url('/flood')}\nnews.example/no-scheme\n{site.url('/doc.pdf')}\n"
            f"{site.url('/loop')}\n{site.url('/flood')} {site.url('/latin')}\n{site.url('/latin')}\n")
        items = by_path(read_inputs([listing], settings=OPEN.ingest, fetch=OPEN.fetch))
    shown = str(listing)
    first, moved, latin = items[f"{shown}#3"], items[f"{shown}#4"], items[f"{shown}#10"]
    assert first.url == site.url("/flood") and first.provenance["final_url"] == site.url("/flood")
    assert moved.url == site.url("/flood") and moved.provenance["requested_url"] == site.url("/moved")
    assert moved.id == first.id  # the same bytes: drop_duplicates keeps one
    assert "Caf\u00e9 news" in latin.raw
    assert {p: i.reason for p, i in items.items() if isinstance(i, Skipped)} == {
        f"{shown}#5": f"{site.url('/flood')}: listed already on line 3",
        f"{shown}#6": "line 6 is not an http or https URL: 'news.example/no-scheme'",
        f"{shown}#7": f"{site.url('/doc.pdf')}: content type application/pdf is not a web page or "
                      "a feed (rashomon reads HTML, plain text, RSS and Atom)",
        f"{shown}#8": f"{site.url('/loop')}: redirect loop: {site.url('/loop')} -> "
                      f"{site.url('/loop2')} -> {site.url('/loop')}",
        f"{shown}#9": f"line 9 holds more than a URL ('{site.url('/flood')} {site.url('/latin')}'); "
                      "write one URL a line, a comment after it starting with #",
    }
    (tmp_path / "none.urls").write_text("# nothing yet\n\n")
    [empty] = read_inputs([tmp_path / "none.urls"], settings=OPEN.ingest)
    assert empty.reason == ("URL list holds no URLs (one http or https URL a line; lines starting "
                            "with # are comments)")


def test_urls_on_the_command_line_and_the_private_rule(tmp_path: Path) -> None:
    routes = site_routes()
    with serve(routes) as site:
        routes["/feed"] = Answer(200, RSS.format(base=site.base, text=TEXT).encode(), "application/rss+xml")
        routes["/feed-in-feed"] = Answer(200, (
            f'<rss version="2.0"><channel><title>x</title><item><link>{site.url("/feed")}</link>'
            "</item></channel></rss>").encode(), "application/rss+xml")
        page_url, feed_url = site.url("/moved"), site.url("/feed")
        items = by_path(read_inputs([page_url, feed_url, site.url("/feed-in-feed")],
                                    settings=OPEN.ingest, fetch=OPEN.fetch))
        before = len(site.hits)
        refused = list(read_inputs([page_url], settings=OPEN.ingest))  # default fetch settings
        assert len(site.hits) == before  # refused before connecting
    assert items[page_url].url == site.url("/flood")
    assert items[f"{feed_url}#1"].url == site.url("/flood")
    assert items[f"{feed_url}#2"].outlet == "River Times"
    assert items[f"{site.url('/feed-in-feed')}#1"].reason == (
        f"{feed_url}: a feed (application/rss+xml), not a page; a feed named by a feed entry is "
        "not followed")
    assert [(s.path, s.reason) for s in refused] == [(page_url, (
        "127.0.0.1 is a loopback address: refused; pass --allow-private (setting "
        "fetch.allow_private) to fetch from this machine or its network"))]


def test_urls_of_other_schemes_stop_the_call() -> None:
    with pytest.raises(InputError, match="only http:// and https:// URLs are fetched"):
        read_inputs(["ftp://files.example/a.txt"], settings=OPEN.ingest)


def test_manifest_rows_address_lines_of_a_url_list(tmp_path: Path) -> None:
    with serve(site_routes()) as site:
        (tmp_path / "a.urls").write_text(f"{site.url('/flood')}\n")
        (tmp_path / "m.csv").write_text("path,outlet\na.urls#1,River Times\n")
        [article] = read_inputs([tmp_path / "a.urls"], manifest=tmp_path / "m.csv",
                                settings=OPEN.ingest, fetch=OPEN.fetch)
    assert article.outlet == "River Times"


# ---------------------------------------------------------------------------------------------
# Nothing is lost: every URL line and every feed entry ends as an article or a skip.

TARGETS = ["/flood", "/moved", "/doc.pdf", "/loop", "/gone", "/private/x", "/latin", "/feed"]
LINES = st.one_of(st.sampled_from(TARGETS).map(lambda p: "URL" + p),
                  st.sampled_from(["", "# note", "not a url", "ftp://x.example/a", "URL/flood # c"]))
ENTRIES = st.lists(st.tuples(st.sampled_from(TARGETS + [None]), st.booleans()), max_size=5)


@hsettings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(LINES, min_size=1, max_size=8), ENTRIES)
def test_every_line_and_entry_ends_as_an_article_or_a_skip(lines: list[str], entries: list) -> None:
    routes = site_routes()
    with serve(routes) as site, tempfile.TemporaryDirectory() as folder:
        items = "".join(
            "<item><title>t</title>" + (f"<link>{site.base}{link}</link>" if link else "")
            + (f"<content:encoded><![CDATA[<p>{TEXT} {n}</p>]]></content:encoded>" if full else "")
            + "</item>" for n, (link, full) in enumerate(entries))
        routes["/feed"] = Answer(200, (
            '<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">'
            f"<channel><title>F</title>{items}</channel></rss>").encode(), "application/rss+xml")
        root = Path(folder)
        (root / "l.urls").write_text("\n".join(line.replace("URL", site.base) for line in lines))
        (root / "f.rss").write_bytes(routes["/feed"].body)
        articles, skipped = clean([root], settings=OPEN)
    ends = [a.path for a in articles] + [s.path for s in skipped]
    assert len(ends) == len(set(ends))  # each input ends one way only
    assert all(s.reason.strip() for s in skipped)
    kept = {a.path for a in articles}
    for s in skipped:
        if s.reason.startswith("identical to "):
            assert s.reason.removeprefix("identical to ") in kept
    listing, feed = str(root / "l.urls"), str(root / "f.rss")
    named = [n for n, line in enumerate(lines, 1) if line.split() and not line.startswith("#")]
    for n in named:
        assert any(p == f"{listing}#{n}" or p.startswith(f"{listing}#{n}#") for p in ends), (n, lines)
    if not named:
        assert listing in ends
    if entries:
        assert {f"{feed}#{n}" for n in range(1, len(entries) + 1)} <= set(ends)
    else:
        assert feed in ends
