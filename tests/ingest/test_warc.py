"""Web archives: page records become articles with their provenance; other records are
counted; failing page records and broken files are listed; nothing is lost."""

from __future__ import annotations

import gzip
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st
from web_builders import TEXT, http_response, page, warc_file, warc_record

from rashomon.ingest import read_inputs
from rashomon.records import Article, Skipped
from rashomon.run.pipeline import clean
from rashomon.settings import Settings

SETTINGS = Settings().ingest


def rid(n: int) -> str:
    return f"<urn:uuid:00000000-0000-0000-0000-{n:012d}>"


def crawl() -> list[bytes]:
    """A small crawl: warcinfo, a request, a page, an image, a 404 page, a redirect, a
    revisit, robots.txt, a plain-text page and a resource record of HTML."""
    return [
        warc_record("warcinfo", "", b"software: hand\r\n", record_id=rid(1),
                    content_type="application/warc-fields"),
        warc_record("request", "https://news.example/a", b"GET /a HTTP/1.1\r\nHost: news.example\r\n\r\n",
                    record_id=rid(2), content_type="application/http; msgtype=request"),
        warc_record("response", "https://news.example/a",
                    http_response("200 OK", "text/html; charset=utf-8", page("Trade talks resume")),
                    record_id=rid(3), date="2024-03-01T10:00:00Z"),
        warc_record("response", "https://news.example/logo.png",
                    http_response("200 OK", "image/png", b"\x89PNG\r\n\x1a\n...."), record_id=rid(4)),
        warc_record("response", "https://news.example/gone",
                    http_response("404 Not Found", "text/html", b"<html>gone</html>"), record_id=rid(5)),
        warc_record("response", "https://news.example/old",
                    http_response("301 Moved Permanently", "text/html", b"",
                                  headers="Location: https://news.example/a\r\n"), record_id=rid(6)),
        warc_record("revisit", "https://news.example/a", b"HTTP/1.1 200 OK\r\n\r\n", record_id=rid(7)),
        warc_record("response", "https://news.example/robots.txt",
                    http_response("200 OK", "text/plain", b"User-agent: *\nAllow: /\n"), record_id=rid(8)),
        warc_record("response", "https://news.example/wire.txt",
                    http_response("200 OK", "text/plain", TEXT.encode()), record_id=rid(9)),
        warc_record("resource", "file:///saved/page.html", page("Flood waters recede", TEXT.replace("trade", "flood")),
                    record_id=rid(10), content_type="text/html"),
    ]


@pytest.mark.parametrize("gz", [False, True])
def test_pages_become_articles_with_provenance_and_the_rest_is_counted(tmp_path: Path, gz: bool) -> None:
    name = "crawl.warc.gz" if gz else "crawl.warc"
    (tmp_path / name).write_bytes(warc_file(crawl(), gz=gz))
    items = list(read_inputs([tmp_path / name], settings=SETTINGS))
    shown = str(tmp_path / name)
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.path, a.url, a.raw_kind) for a in articles] == [
        (f"{shown}#3", "https://news.example/a", "html"),
        (f"{shown}#9", "https://news.example/wire.txt", "text"),
        (f"{shown}#10", "file:///saved/page.html", "html"),
    ]
    assert articles[0].provenance == {
        "warc_record_id": rid(3), "warc_target_uri": "https://news.example/a",
        "warc_date": "2024-03-01T10:00:00Z",
    }
    assert articles[0].published is None  # the crawl date is not the publication date
    assert "Trade talks resume" in articles[0].raw
    skipped = [(s.path, s.reason) for s in items if isinstance(s, Skipped)]
    assert skipped == [
        (f"{shown}#5", "https://news.example/gone: HTTP 404 in the archive, not a page"),
        (shown, "6 of its 10 records hold no page and were not read: 1 request, 1 response "
                "HTTP 301, 1 response image/png, 1 revisit, 1 robots.txt, 1 warcinfo"),
    ]


def test_a_page_identical_to_a_file_is_one_article_and_the_page_is_cleaned(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc.gz").write_bytes(warc_file(crawl()[2:3], gz=True))
    (tmp_path / "saved.html").write_bytes(page("Trade talks resume"))
    articles, skipped = clean([tmp_path], settings=Settings())
    assert [a.path for a in articles] == [str(tmp_path / "crawl.warc.gz#1")]
    assert articles[0].title == "Trade talks resume" and "trade agreement" in articles[0].text
    assert articles[0].url == "https://news.example/a"
    assert [(s.path, s.reason) for s in skipped] == [
        (str(tmp_path / "saved.html"), f"identical to {tmp_path / 'crawl.warc.gz#1'}")]


def test_encodings_of_the_payload(tmp_path: Path) -> None:
    latin = page("Caf\u00e9 owners protest", TEXT + " \u00a9 caf\u00e9").decode().encode("latin-1")
    body = b"".join(f"{len(part):x}\r\n".encode() + part + b"\r\n" for part in (
        gzip.compress(page("Chunked and gzipped"), mtime=0), b"")) 
    records = [
        warc_record("response", "https://a.example/latin",
                    http_response("200 OK", "text/html; charset=iso-8859-1", latin), record_id=rid(1)),
        warc_record("response", "https://a.example/chunked", (
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
            "Transfer-Encoding: chunked\r\n\r\n").encode() + body, record_id=rid(2)),
    ]
    (tmp_path / "a.warc").write_bytes(warc_file(records, gz=False))
    first, second = read_inputs([tmp_path / "a.warc"], settings=SETTINGS)
    assert "Caf\u00e9 owners protest" in first.raw
    assert "Chunked and gzipped" in second.raw


def test_failing_page_records_are_listed(tmp_path: Path) -> None:
    records = [
        warc_record("response", "https://a.example/big",
                    http_response("200 OK", "text/html", b"<p>" + b"x" * 500 + b"</p>"), record_id=rid(1)),
        warc_record("response", "https://a.example/empty",
                    http_response("200 OK", "text/html", b"   "), record_id=rid(2)),
        warc_record("response", "https://a.example/binary",
                    http_response("200 OK", "text/plain", bytes(range(256))), record_id=rid(3)),
    ]
    (tmp_path / "a.warc").write_bytes(warc_file(records, gz=False))
    items = list(read_inputs([tmp_path / "a.warc"], settings=Settings().replace({"ingest": {"max_bytes": 400}}).ingest))
    shown = str(tmp_path / "a.warc")
    assert [(s.path, s.reason) for s in items] == [
        (f"{shown}#1", "https://a.example/big: payload over the 400-byte limit (setting "
                       "ingest.max_bytes); raise it to read this page"),
        (f"{shown}#2", "https://a.example/empty: empty page"),
        (f"{shown}#3", "https://a.example/binary: binary file (contains NUL bytes), not text"),
    ]


def test_files_that_are_no_warc_or_break_off(tmp_path: Path) -> None:
    good = warc_file(crawl()[2:3] + crawl()[8:9], gz=False)
    (tmp_path / "not.warc").write_bytes(b"hello, this is not a web archive\n")
    (tmp_path / "empty.warc.gz").write_bytes(gzip.compress(b"", mtime=0))
    (tmp_path / "cut.warc").write_bytes(good + b"WARC/1.0\r\nWARC-Type: resp")
    (tmp_path / "bad.warc").write_bytes(good + b"this is no record\r\n\r\n")
    (tmp_path / "junk.warc.gz").write_bytes(warc_file(crawl()[2:3], gz=True) + b"\x1f\x8bjunk")
    items = {i.path: i for i in read_inputs([tmp_path], settings=SETTINGS)}
    reasons = {Path(p).name: getattr(i, "reason", "article") for p, i in items.items()}
    assert reasons["not.warc"].startswith("not a readable WARC file (")
    assert reasons["empty.warc.gz"] == "empty WARC file: no records"
    assert reasons["cut.warc#1"] == reasons["cut.warc#2"] == "article"
    assert reasons["cut.warc#3"] == ("incomplete WARC record (no WARC-Record-ID or "
                                     "Content-Length header); the file may be cut off here")
    assert reasons["bad.warc#3"].startswith(
        "the WARC file cannot be read from record 3 on (") and reasons["bad.warc#3"].endswith(
        "the 2 records before it were read")
    assert reasons["junk.warc.gz#1"] == "article"
    assert reasons["junk.warc.gz#2"].startswith("the WARC file cannot be read from record 2 on (")


def test_manifest_rows_address_records(tmp_path: Path) -> None:
    (tmp_path / "crawl.warc").write_bytes(warc_file(crawl(), gz=False))
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,outlet,published\ncrawl.warc#3,News Example,2024-02-29\n")
    articles = {Path(i.path).name: i for i in read_inputs([tmp_path / "crawl.warc"], manifest=manifest,
                                                         settings=SETTINGS) if isinstance(i, Article)}
    assert (articles["crawl.warc#3"].outlet, articles["crawl.warc#3"].published) == ("News Example", "2024-02-29")
    assert articles["crawl.warc#9"].outlet is None


# ---------------------------------------------------------------------------------------------
# Nothing is lost: every record is an article, a listed skip, or counted in the file's entry.

RECORDS = st.sampled_from(range(len(crawl())))


@hsettings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(RECORDS, min_size=1, max_size=12), st.booleans())
def test_every_record_ends_as_an_article_a_listed_skip_or_counted(picks: list[int], gz: bool) -> None:
    pool = crawl()
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "c.warc"
        path.write_bytes(warc_file([pool[n] for n in picks], gz=gz))
        items = list(read_inputs([path], settings=SETTINGS))
    shown = str(path)
    listed = {i.path for i in items if i.path != shown}
    assert len(listed) == len([i for i in items if i.path != shown])  # each record once
    summaries = [i for i in items if i.path == shown]
    counted = 0
    if summaries:
        (summary,) = summaries
        head = summary.reason.split(" of its ")
        counted = int(head[0])
        assert head[1].startswith(f"{len(picks)} records")
    assert len(listed) + counted == len(picks)
    assert listed == {f"{shown}#{n}" for n, pick in enumerate(picks, 1) if pick in (2, 4, 8, 9)}
