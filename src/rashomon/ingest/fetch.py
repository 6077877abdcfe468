"""Fetching pages and feeds over HTTP, within the safety rules of ``FetchSettings``.

``Fetcher.get(url)`` returns the ``Page`` at ``url`` or raises ``FetchError`` with the reason,
in words, that becomes the input's ``Skipped`` reason. The rules, each checked on every request
and every redirect hop:

- only http and https; at most ``max_redirects`` redirects, a redirect loop said as such;
- the host's addresses after DNS resolution: loopback, private, link-local, multicast,
  unspecified and other non-public addresses are refused unless ``allow_private``. The check
  runs where the connection is made (the network backend connects only to an address it has
  checked), so a name that resolves to another address on a second lookup gains nothing;
- robots.txt (RFC 9309, fetched once per origin, under the same rules) when ``obey_robots``;
- at least ``min_interval`` seconds between two requests to one host;
- ``timeout`` seconds to connect, between two reads, and in all for a response;
- a body of at most ``max_bytes`` (after content decoding), and a content type that is a page
  (HTML, plain text) or a feed (RSS, Atom, XML).
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import socket
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpcore
import httpx

from rashomon.errors import InputError
from rashomon.ingest.pages import FEED_TYPES, PAGE_TYPES, content_type
from rashomon.settings import FetchSettings

_ACCEPT = ("text/html,application/xhtml+xml,application/rss+xml,application/atom+xml,"
           "application/xml;q=0.9,text/xml;q=0.9,text/plain;q=0.8")
# RFC 9309 asks crawlers to read at least 500 KiB of a robots.txt; the rest is ignored.
_ROBOTS_BYTES = 512_000
_ALLOW_HINT = ("pass --allow-private (setting fetch.allow_private) to fetch from this machine "
               "or its network")


class FetchError(InputError):
    """A URL that could not be fetched; the message is the reason shown in ``Skipped``."""


class Unreachable(FetchError):
    """The host's name does not resolve or nothing answers there."""


class RefusedAddress(FetchError):
    """The host resolves to an address that is not public, and private ones are not allowed."""


@dataclass(frozen=True)
class Page:
    """A fetched response: ``url`` as requested, ``final_url`` after redirects, ``media_type``
    without parameters, ``fetched`` the UTC time of the response, ``http_date`` and
    ``last_modified`` the server's headers as given."""

    url: str
    final_url: str
    media_type: str
    charset: str | None
    body: bytes
    fetched: str
    http_date: str | None = None
    last_modified: str | None = None

    def provenance(self) -> dict[str, str]:
        out = {"requested_url": self.url, "final_url": self.final_url, "fetched": self.fetched}
        if self.http_date:
            out["http_date"] = self.http_date
        if self.last_modified:
            out["last_modified"] = self.last_modified
        return out


def address_problem(address: str) -> str | None:
    """What kind of non-public address ``address`` is ("loopback", "private" …), or None for a
    public one. An IPv4 address inside an IPv6 one (mapped, 6to4, Teredo) is judged as IPv4."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return "unparsable"
    if isinstance(ip, ipaddress.IPv6Address):
        inner = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if inner is not None:
            return address_problem(str(inner))
    for test, word in (("is_loopback", "loopback"), ("is_link_local", "link-local"),
                       ("is_multicast", "multicast"), ("is_unspecified", "unspecified"),
                       ("is_private", "private"), ("is_reserved", "reserved")):
        if getattr(ip, test):
            return word
    return None if ip.is_global else "non-public"


class _GuardedBackend(httpcore.SyncBackend):
    """Connects only to addresses that pass ``address_problem`` (unless private ones are
    allowed), resolving the host itself so that the address checked is the one used."""

    def __init__(self, *, allow_private: bool) -> None:
        self.allow_private = allow_private

    def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):  # type: ignore[no-untyped-def]
        try:
            infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
        except (socket.gaierror, UnicodeError) as exc:
            raise Unreachable(f"cannot resolve host {host} ({getattr(exc, 'strerror', None) or exc})") from None
        addresses = list(dict.fromkeys(str(info[4][0]) for info in infos))
        if not self.allow_private:
            for address in addresses:
                problem = address_problem(address)
                if problem is not None:
                    what = f"{host} is" if address == host.strip("[]") else f"{host} resolves to {address},"
                    raise RefusedAddress(f"{what} a {problem} address: refused; {_ALLOW_HINT}")
        failure: Exception | None = None
        for address in addresses:
            try:
                return super().connect_tcp(address, port, timeout, local_address, socket_options)
            except httpcore.ConnectError as exc:
                failure = exc
        raise failure or FetchError(f"host {host} has no address")


class _GuardedTransport(httpx.HTTPTransport):
    """httpx's transport with its connection pool on ``_GuardedBackend``. (httpx has no public
    way to set the network backend; the pool is rebuilt as httpx builds it. httpx and httpcore
    are pinned, and the refusal tests fail if this stops taking effect.)"""

    def __init__(self, *, allow_private: bool) -> None:
        super().__init__(retries=0, trust_env=False)
        if not isinstance(getattr(self, "_pool", None), httpcore.ConnectionPool):
            raise RuntimeError("this httpx keeps its connection pool elsewhere; install the "
                               "pinned httpx (see pyproject.toml)")
        self._pool = httpcore.ConnectionPool(
            ssl_context=httpx.create_ssl_context(trust_env=False),
            max_connections=10, max_keepalive_connections=10, keepalive_expiry=5.0,
            http1=True, http2=False, retries=0,
            network_backend=_GuardedBackend(allow_private=allow_private),
        )


@dataclass
class _Redirect:
    location: str


class Fetcher:
    """Fetches URLs one at a time within the fetch settings (see the module); keeps robots.txt
    and the time of the last request per host for its lifetime. Close it when done."""

    def __init__(self, settings: FetchSettings, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.settings = settings
        self._sleep, self._clock = sleep, clock
        self._client = httpx.Client(
            transport=_GuardedTransport(allow_private=settings.allow_private),
            follow_redirects=False, trust_env=False, timeout=httpx.Timeout(settings.timeout),
            headers={"User-Agent": settings.user_agent, "Accept": _ACCEPT},
        )
        self._last: dict[str, float] = {}  # host -> when its last request started
        self._robots: dict[tuple[str, str, int], object] = {}

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(self, url: str) -> Page:
        """The page or feed at ``url``, redirects followed; ``FetchError`` says why not."""
        chain = [url]
        current = url
        for _ in range(self.settings.max_redirects + 1):
            target = _http_url(current, first=current == url)
            if self.settings.obey_robots:
                self._check_robots(target)
            result = self._request(target, accept=True, max_bytes=self.settings.max_bytes)
            if isinstance(result, _Redirect):
                following = urljoin(current, result.location)
                if following in chain:
                    raise FetchError("redirect loop: " + " -> ".join([*chain, following]))
                chain.append(following)
                current = following
                continue
            return Page(url, current, *result)
        raise FetchError(f"more than {self.settings.max_redirects} redirects (setting "
                         f"fetch.max_redirects): {' -> '.join(chain)}")

    # -- one request ----------------------------------------------------------------------

    def _request(self, url: httpx.URL, *, accept: bool, max_bytes: int, truncate: bool = False):  # type: ignore[no-untyped-def]
        """One GET: a ``_Redirect``, or (media type, charset, body, fetched, date, last
        modified) of a 2xx response. ``accept``: refuse media types that are no page or feed;
        ``truncate``: keep the first ``max_bytes`` of a longer body instead of failing."""
        self._wait_turn(url.host)
        timeout = self.settings.timeout
        started = self._clock()
        try:
            with self._client.stream("GET", url) as response:
                if response.is_redirect:
                    return _Redirect(response.headers["location"])
                if not 200 <= response.status_code < 300:
                    raise FetchError(f"HTTP {response.status_code} {response.reason_phrase}".rstrip())
                media, charset = content_type(response.headers.get("content-type", ""))
                if accept and media and media not in PAGE_TYPES and media not in FEED_TYPES:
                    raise FetchError(f"content type {media} is not a web page or a feed "
                                     "(rashomon reads HTML, plain text, RSS and Atom)")
                length = response.headers.get("content-length", "")
                too_big = (f"body over the {max_bytes:,}-byte limit (setting fetch.max_bytes); "
                           "raise it to read this page")
                if length.isdigit() and int(length) > max_bytes and not truncate:
                    raise FetchError(f"{too_big} (Content-Length {int(length):,})")
                body = bytearray()
                for chunk in response.iter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        if truncate:
                            del body[max_bytes:]
                            break
                        raise FetchError(too_big)
                    if self._clock() - started > timeout:
                        raise FetchError(f"timed out after {timeout:g} s reading the body "
                                         "(setting fetch.timeout)")
                fetched = dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat()
                return (media or _sniff(bytes(body)), charset, bytes(body), fetched,
                        response.headers.get("date"), response.headers.get("last-modified"))
        except httpx.TimeoutException:
            raise FetchError(f"timed out after {timeout:g} s (setting fetch.timeout)") from None
        except httpx.ConnectError as exc:
            raise Unreachable(f"cannot connect to {url.host}: {_cause(exc)}") from None
        except httpx.HTTPError as exc:
            raise FetchError(f"request failed: {_cause(exc)}") from None
        except httpx.InvalidURL as exc:
            raise FetchError(f"not a valid URL ({exc})") from None

    def _wait_turn(self, host: str) -> None:
        """Sleep until ``min_interval`` has passed since the last request to ``host``."""
        last = self._last.get(host)
        if last is not None:
            wait = last + self.settings.min_interval - self._clock()
            if wait > 0:
                self._sleep(wait)
        self._last[host] = self._clock()

    # -- robots.txt -----------------------------------------------------------------------

    def _check_robots(self, url: httpx.URL) -> None:
        key = (url.scheme, url.host, url.port or (443 if url.scheme == "https" else 80))
        if key not in self._robots:
            self._robots[key] = self._read_robots(url)
        rules = self._robots[key]
        origin = f"{url.scheme}://{url.netloc.decode('ascii')}"
        if isinstance(rules, str):
            raise FetchError(f"robots.txt of {origin} could not be read ({rules}); RFC 9309 "
                             "then disallows the whole site")
        if rules is not None and not rules.can_fetch(str(url), self.settings.user_agent):  # type: ignore[attr-defined]
            raise FetchError(f"robots.txt of {origin} disallows this URL for "
                             f"{self.settings.user_agent.split('/')[0]}")

    def _read_robots(self, url: httpx.URL) -> object:
        """The parsed robots.txt of ``url``'s origin; None when there is none (4xx, or more
        redirects than allowed: all allowed); the reason, as text, when it is unreachable
        (5xx, a timeout: all disallowed). A refused address, a name that does not resolve
        and a host where nothing answers are raised: the page itself would fail so."""
        from protego import Protego

        current = str(url.copy_with(path="/robots.txt", query=None, fragment=None))
        for _ in range(self.settings.max_redirects + 1):
            try:
                result = self._request(_http_url(current, first=True), accept=False,
                                       max_bytes=_ROBOTS_BYTES, truncate=True)
            except (RefusedAddress, Unreachable):
                raise
            except FetchError as exc:
                reason = str(exc)
                if reason.startswith("HTTP 4") and not reason.startswith("HTTP 429"):
                    return None
                return reason
            if isinstance(result, _Redirect):
                current = urljoin(current, result.location)
                continue
            text = result[2].decode("utf-8", errors="replace")
            return Protego.parse(text)
        return None


def _http_url(url: str, *, first: bool) -> httpx.URL:
    """``url`` as an ``httpx.URL`` if it is an absolute http(s) URL, else ``FetchError``."""
    scheme = urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        said = "not an http or https URL" if first else f"redirects to {url}, not an http or https URL"
        raise FetchError(said)
    try:
        parsed = httpx.URL(url)
    except httpx.InvalidURL as exc:
        raise FetchError(f"not a valid URL ({exc})") from None
    if not parsed.host:
        raise FetchError("URL has no host")
    return parsed


def _sniff(body: bytes) -> str:
    """The media type of a body sent without one: a feed, an HTML page, or unknown."""
    head = body[:2048].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if head.startswith(b"<?xml") and any(tag in head for tag in (b"<rss", b"<feed", b"<rdf:rdf")):
        return "application/xml"
    if head.startswith((b"<!doctype html", b"<html")) or b"<body" in head:
        return "text/html"
    return "application/octet-stream"


def _cause(exc: Exception) -> str:
    """The innermost useful message of a transport error."""
    text = str(exc) or type(exc).__name__
    return text.split("] ", 1)[1] if text.startswith("[Errno") and "] " in text else text
