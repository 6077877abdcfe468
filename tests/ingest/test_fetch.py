"""The fetcher's safety rules, against a site served from 127.0.0.1 in this process: private
addresses refused (and re-checked on redirects), robots.txt, size, time, redirects, content
types and the per-host rate. Each refusal is a FetchError whose words become a skip reason."""

from __future__ import annotations

import socket

import pytest
from web_builders import Answer, page, serve

from rashomon.ingest import fetch as fetch_module
from rashomon.ingest.fetch import FetchError, Fetcher, RefusedAddress, address_problem
from rashomon.settings import Settings

OPEN = {"allow_private": True, "min_interval": 0.0}


def fetcher(**overrides: object) -> Fetcher:
    return Fetcher(Settings().replace({"fetch": {**OPEN, **overrides}}).fetch)


def failure(url: str, **overrides: object) -> str:
    with fetcher(**overrides) as f, pytest.raises(FetchError) as error:
        f.get(url)
    return str(error.value)


@pytest.mark.parametrize(("address", "problem"), [
    ("127.0.0.1", "loopback"), ("127.8.9.10", "loopback"), ("::1", "loopback"),
    ("::ffff:127.0.0.1", "loopback"), ("10.1.2.3", "private"), ("192.168.0.10", "private"),
    ("172.16.5.4", "private"), ("fd00::1", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1", "link-local"), ("224.0.0.251", "multicast"), ("ff02::1", "multicast"),
    ("0.0.0.0", "unspecified"), ("::", "unspecified"), ("100.64.0.1", "non-public"),
    ("2002:0a00:0001::1", "private"),  # 6to4 wrapping 10.0.0.1
    ("93.184.216.34", None), ("2606:4700:4700::1111", None),
])
def test_address_kinds(address: str, problem: str | None) -> None:
    assert address_problem(address) == problem


def test_a_page_its_redirect_and_provenance() -> None:
    routes = {"/old": Answer(301, headers={"Location": "/new"}),
              "/new": Answer(200, page(), headers={"Last-Modified": "Tue, 20 Feb 2024 08:00:00 GMT"})}
    with serve(routes) as site, fetcher() as f:
        got = f.get(site.url("/old"))
    assert (got.url, got.final_url, got.media_type, got.charset) == (
        site.url("/old"), site.url("/new"), "text/html", "utf-8")
    assert got.body == page()
    assert got.provenance()["last_modified"] == "Tue, 20 Feb 2024 08:00:00 GMT"
    assert got.provenance()["fetched"].endswith("+00:00") and "http_date" in got.provenance()
    assert site.paths_hit() == ["/robots.txt", "/old", "/new"]
    assert all(agent.startswith("rashomon/") for _, _, agent in site.hits)


def test_loopback_is_refused_without_allow_private() -> None:
    with serve({"/a": Answer(200, page())}) as site:
        said = failure(site.url("/a"), allow_private=False)
        by_name = failure(site.url("/a").replace("127.0.0.1", "localhost"), allow_private=False)
        assert site.hits == []  # refused before connecting, robots.txt included
    assert said == ("127.0.0.1 is a loopback address: refused; pass --allow-private (setting "
                    "fetch.allow_private) to fetch from this machine or its network")
    assert by_name.startswith("localhost resolves to ") and "a loopback address: refused" in by_name


@pytest.fixture
def public_test_names(monkeypatch: pytest.MonkeyPatch):  # noqa: ANN201
    """DNS as a test wants it: public.test is 127.0.0.1 (taken for a public address),
    intranet.test is 10.0.0.7, mixed.test has both."""
    real = socket.getaddrinfo
    names = {"public.test": ["127.0.0.1"], "intranet.test": ["10.0.0.7"],
             "mixed.test": ["127.0.0.1", "10.0.0.7"]}

    def resolve(host, port, *args, **kwargs):  # noqa: ANN001, ANN202
        if host in names:
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in names[host]]
        return real(host, port, *args, **kwargs)

    judge = fetch_module.address_problem
    monkeypatch.setattr(fetch_module.socket, "getaddrinfo", resolve)
    monkeypatch.setattr(fetch_module, "address_problem", lambda a: None if a == "127.0.0.1" else judge(a))


def test_every_redirect_hop_is_checked_again(public_test_names: None) -> None:
    routes = {"/go": lambda: Answer(302, headers={"Location": f"http://intranet.test:{port}/secret"})}
    with serve(routes) as site:
        port = site.base.rsplit(":", 1)[1]
        start = site.url("/go").replace("127.0.0.1", "public.test")
        assert failure(start, allow_private=False) == (
            "intranet.test resolves to 10.0.0.7, a private address: refused; pass "
            "--allow-private (setting fetch.allow_private) to fetch from this machine or its network")
        assert site.paths_hit() == ["/robots.txt", "/go"]
        mixed = failure(site.url("/go").replace("127.0.0.1", "mixed.test"), allow_private=False)
        assert mixed.startswith("mixed.test resolves to 10.0.0.7, a private address: refused")


def test_robots_txt() -> None:
    robots = ("User-agent: *\nDisallow: /\nAllow: /news/\n\n"
              "User-agent: rashomon\nDisallow: /news/private\nAllow: /\n")
    routes = {"/robots.txt": Answer(200, robots.encode(), "text/plain"),
              "/news/a": Answer(200, page()), "/news/private/b": Answer(200, page()),
              "/other": Answer(200, page())}
    with serve(routes) as site, fetcher() as f:
        f.get(site.url("/news/a"))
        f.get(site.url("/other"))  # the rashomon group allows it, whatever * says
        with pytest.raises(FetchError) as error:
            f.get(site.url("/news/private/b"))
        assert str(error.value) == f"robots.txt of {site.base} disallows this URL for rashomon"
        assert site.paths_hit().count("/robots.txt") == 1  # read once per site
        assert "/news/private/b" not in site.paths_hit()
    with serve({"/robots.txt": Answer(200, b"User-agent: *\nDisallow: /\n", "text/plain"),
                "/a": Answer(200, page())}) as site, fetcher(obey_robots=False) as f:
        assert f.get(site.url("/a")).body == page()  # when told to, robots.txt is not read
        assert site.paths_hit() == ["/a"]


def test_robots_txt_that_is_missing_or_unreachable() -> None:
    with serve({"/a": Answer(200, page())}) as site:  # robots.txt 404: all allowed
        with fetcher() as f:
            assert f.get(site.url("/a")).body == page()
    with serve({"/robots.txt": Answer(503, b"busy"), "/a": Answer(200, page())}) as site:
        assert failure(site.url("/a")) == (
            f"robots.txt of {site.base} could not be read (HTTP 503 Service Unavailable); "
            "RFC 9309 then disallows the whole site")
        assert "/a" not in site.paths_hit()


def test_oversize_bodies() -> None:
    big = page(text="word " * 400)
    with serve({"/declared": Answer(200, big), "/streamed": Answer(200, big, length=False),
                "/small": Answer(200, page())}) as site:
        limit = {"max_bytes": 1000}
        assert failure(site.url("/declared"), **limit) == (
            f"body over the 1,000-byte limit (setting fetch.max_bytes); raise it to read this "
            f"page (Content-Length {len(big):,})")
        assert failure(site.url("/streamed"), **limit) == (
            "body over the 1,000-byte limit (setting fetch.max_bytes); raise it to read this page")
        with fetcher(**limit) as f:
            assert f.get(site.url("/small")).body == page()


def test_timeouts() -> None:
    with serve({"/slow": Answer(200, page(), delay=1.5),
                "/drip": Answer(200, b"<html>" + b" " * 60, drip=0.02)}) as site:
        assert failure(site.url("/slow"), timeout=0.4) == "timed out after 0.4 s (setting fetch.timeout)"
        said = failure(site.url("/drip"), timeout=0.4)
        assert said.startswith("timed out after 0.4 s")


def test_redirects_bounded_and_loops_said() -> None:
    routes = {f"/r{n}": Answer(302, headers={"Location": f"/r{n + 1}"}) for n in range(8)}
    routes |= {"/loop-a": Answer(301, headers={"Location": "/loop-b"}),
               "/loop-b": Answer(301, headers={"Location": "/loop-a"}),
               "/ftp": Answer(302, headers={"Location": "ftp://files.example/a.txt"}),
               "/r8": Answer(200, page())}
    with serve(routes) as site:
        said = failure(site.url("/r0"), max_redirects=5)
        assert said.startswith("more than 5 redirects (setting fetch.max_redirects): ")
        assert said.endswith(f"{site.url('/r5')} -> {site.url('/r6')}")
        assert "/r6" not in site.paths_hit()
        with fetcher(max_redirects=8) as f:
            assert f.get(site.url("/r0")).final_url == site.url("/r8")
        assert failure(site.url("/loop-a")) == (
            f"redirect loop: {site.url('/loop-a')} -> {site.url('/loop-b')} -> {site.url('/loop-a')}")
        assert failure(site.url("/ftp")) == (
            "redirects to ftp://files.example/a.txt, not an http or https URL")


def test_content_types_and_http_errors() -> None:
    routes = {"/doc.pdf": Answer(200, b"%PDF-1.7", "application/pdf"),
              "/err": Answer(500, b"oops"),
              "/gone": Answer(410, b"gone"),
              "/feed": Answer(200, b"<rss version='2.0'></rss>", "application/rss+xml"),
              "/plain": Answer(200, b"Some text.", "text/plain; charset=iso-8859-1"),
              "/untyped": Answer(200, page(), None)}
    with serve(routes) as site, fetcher() as f:
        with pytest.raises(FetchError, match="^content type application/pdf is not a web page or a "
                           r"feed \(rashomon reads HTML, plain text, RSS and Atom\)$"):
            f.get(site.url("/doc.pdf"))
        with pytest.raises(FetchError, match="^HTTP 500 Internal Server Error$"):
            f.get(site.url("/err"))
        with pytest.raises(FetchError, match="^HTTP 410 Gone$"):
            f.get(site.url("/gone"))
        assert f.get(site.url("/feed")).media_type == "application/rss+xml"
        assert (f.get(site.url("/plain")).media_type, f.get(site.url("/plain")).charset) == (
            "text/plain", "iso-8859-1")
        assert f.get(site.url("/untyped")).media_type == "text/html"  # sniffed


def test_connection_failures_and_bad_urls() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    # (nothing listens on the port now)
    assert failure(f"http://127.0.0.1:{port}/a").startswith("cannot connect to 127.0.0.1: ")
    assert failure("mailto:someone@example.org") == "not an http or https URL"
    assert failure("http:///no-host") in ("URL has no host", "not a valid URL (No host included in URL.)")
    with pytest.raises(RefusedAddress):
        fetcher(allow_private=False).get("http://[::1]:9/")


def test_requests_to_one_host_keep_the_minimum_interval() -> None:
    # The fetcher's own clock, advanced only by its waits: what it holds to is the interval
    # between the requests it starts, which the machine's load cannot blur.
    now = [1000.0]
    started: list[float] = []

    def sleep(seconds: float) -> None:
        now[0] += seconds

    def clock() -> float:
        return now[0]

    with serve({"/a": Answer(200, page()), "/b": Answer(200, page()), "/c": Answer(200, page())}) as site:
        settings = Settings().replace({"fetch": {**OPEN, "min_interval": 0.25}}).fetch
        with Fetcher(settings, sleep=sleep, clock=clock) as f:
            for path in ("/a", "/b", "/c"):
                f.get(site.url(path))
                started.append(now[0])
    assert [p for _, p, _ in site.hits] == ["/robots.txt", "/a", "/b", "/c"]
    # robots.txt at 1000.0, then /a, /b, /c each a full interval after the request before.
    assert started == [1000.25, 1000.5, 1000.75], started
