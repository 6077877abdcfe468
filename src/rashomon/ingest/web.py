"""Inputs read from the web: URLs, URL lists and RSS/Atom feeds.

- A URL (named on the command line, or a line of a URL list) is fetched
  (``rashomon.ingest.fetch``): an HTML or plain-text page is one article (url: the final URL
  after redirects; provenance: the URL asked for, the final URL, when it was fetched and the
  server's Date and Last-Modified); a feed yields its entries.
- A URL list is a file ending in ``.urls``: one http(s) URL a line; blank lines and lines
  starting with ``#`` are skipped, and so is text after the URL that starts with ``#``. Line
  N is the input ``list.urls#N``; a URL listed twice is fetched once.
- A feed (a .rss or .atom file, an .xml file that parses as a feed, or a fetched feed) yields
  one input per entry, ``feed.rss#N`` for entry N: the entry's full content (Atom
  ``<content>``, RSS ``<content:encoded>``) when it has one, else the page its link names,
  fetched. A summary or description is never taken for the article (it is a teaser). The
  entry's title and date (published, else updated) become the article's; its link is the url;
  the feed's title is the outlet of an entry read from the feed itself (a fetched page names
  its own). Links of entries are fetched as pages: a feed found there is not followed.

Every failure is a ``Skipped`` with the reason; a run goes on past it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from typing import Any
from urllib.parse import urljoin

from rashomon.ingest.decode import Unreadable
from rashomon.ingest.discover import is_url
from rashomon.ingest.metadata import apply_fields
from rashomon.ingest.pages import FEED_TYPES, PAGE_TYPES, page_article, text_of
from rashomon.records import Article, Skipped
from rashomon.settings import FetchSettings

Annotate = Callable[[Article, int], None]
# Feed content types whose value is HTML (feedparser's own names), the rest read as text.
_HTML_CONTENT = {"text/html", "application/xhtml+xml"}


class WebReader:
    """Reads URLs, URL lists and feeds; the fetcher is made on first use and closed by
    ``close``."""

    def __init__(self, settings: FetchSettings, *, fetcher_factory: Callable[[FetchSettings], Any] | None = None) -> None:
        self.settings = settings
        self._factory = fetcher_factory
        self._fetcher: Any = None

    def close(self) -> None:
        if self._fetcher is not None:
            self._fetcher.close()
            self._fetcher = None

    def _get(self, url: str) -> Any:
        if self._fetcher is None:
            if self._factory is not None:
                self._fetcher = self._factory(self.settings)
            else:
                from rashomon.ingest.fetch import Fetcher

                self._fetcher = Fetcher(self.settings)
        return self._fetcher.get(url)

    def url(self, url: str, *, path: str, feeds: bool = True) -> Iterator[Article | Skipped]:
        """The article at ``url`` (or a feed's entries, when ``feeds``), input ``path``."""
        from rashomon.ingest.fetch import FetchError

        said = "" if path == url else f"{url}: "
        try:
            page = self._get(url)
        except FetchError as exc:
            yield Skipped(path, f"{said}{exc}")
            return
        if page.media_type in FEED_TYPES:
            if feeds:
                yield from self.feed(page.body, path=path, source=url, base=page.final_url)
            else:
                yield Skipped(path, f"{said}a feed ({page.media_type}), not a page; a feed "
                                    "named by a feed entry is not followed")
            return
        kind = PAGE_TYPES.get(page.media_type)
        if kind is None:
            yield Skipped(path, f"{said}content type {page.media_type} is not a web page or a "
                                "feed (rashomon reads HTML, plain text, RSS and Atom)")
            return
        try:
            text = text_of(page.body, page.charset)
        except Unreadable as exc:
            yield Skipped(path, f"{said}{exc}")
            return
        yield page_article(page.body, text, kind, path=path, url=page.final_url,
                           provenance=page.provenance())

    def url_list(self, text: str, *, path: str, annotate: Annotate | None = None) -> Iterator[Article | Skipped]:
        """The inputs of a URL list (see the module); ``annotate(article, line)``."""
        first_line: dict[str, int] = {}
        named = False
        for number, line in enumerate(text.splitlines(), 1):
            words = line.split()
            if not words or words[0].startswith("#"):
                continue
            named = True
            where = f"{path}#{number}"
            url = words[0]
            if len(words) > 1 and not words[1].startswith("#"):
                yield Skipped(where, f"line {number} holds more than a URL ({line.strip()[:80]!r}); "
                                     "write one URL a line, a comment after it starting with #")
            elif not is_url(url):
                yield Skipped(where, f"line {number} is not an http or https URL: {url[:80]!r}")
            elif url in first_line:
                yield Skipped(where, f"{url}: listed already on line {first_line[url]}")
            else:
                first_line[url] = number
                for item in self.url(url, path=where):
                    if isinstance(item, Article) and annotate is not None and item.path == where:
                        annotate(item, number)
                    yield item
        if not named:
            yield Skipped(path, "URL list holds no URLs (one http or https URL a line; lines "
                                "starting with # are comments)")

    def feed(self, data: bytes, *, path: str, source: str, base: str | None = None,
             annotate: Annotate | None = None, xml_file: bool = False) -> Iterator[Article | Skipped]:
        """The entries of the feed ``data`` read from ``source`` (a file or URL), input
        ``path``; ``base`` resolves relative links; ``annotate(article, entry number)``;
        ``xml_file``: an .xml file, which is read only if it is a feed."""
        import feedparser

        parsed = feedparser.parse(data)  # bytes: feedparser never fetches anything itself
        if not parsed.get("version"):
            problem = parsed.get("bozo_exception")
            detail = f" ({str(problem).strip() or type(problem).__name__})" if problem else ""
            if xml_file:
                yield Skipped(path, f"XML file that is not an RSS or Atom feed{detail}; .xml "
                                    "files are read as feeds only")
            else:
                yield Skipped(path, f"not an RSS or Atom feed{detail}")
            return
        if not parsed.entries:
            yield Skipped(path, "feed has no entries")
            return
        title = parsed.feed.get("title")
        outlet = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
        for number, entry in enumerate(parsed.entries, 1):
            where = f"{path}#{number}"
            link = entry.get("link") or None
            if link is not None and base is not None:
                link = urljoin(base, link)  # a relative link, against the feed's own URL
            fields = {"title": entry.get("title"), "published": _entry_date(entry)}
            provenance = {"feed": source}
            if entry.get("id"):
                provenance["entry_id"] = str(entry["id"])
            body, kind = _entry_content(entry)
            if body is not None:
                raw = body
                if kind == "html" and "<html" not in body[:1000].lower():
                    # a fragment (paragraphs): the HTML extractor reads whole documents
                    raw = f"<html><body><article>{body}</article></body></html>"
                article = page_article(body.encode("utf-8"), raw, kind, path=where,
                                       url=link if is_url(link) else None, provenance=provenance)
                article.outlet = outlet
                items: Iterator[Article | Skipped] = iter([article])
            elif link is not None:
                items = self.url(link, path=where, feeds=False)
            else:
                yield Skipped(where, "feed entry has neither content nor a link")
                continue
            for item in items:
                if isinstance(item, Article):
                    item.provenance = {**provenance, **item.provenance}
                    apply_fields(item, fields, origin=where)
                    if annotate is not None:
                        annotate(item, number)
                yield item


def _entry_content(entry: Any) -> tuple[str | None, str]:
    """An entry's full content and its raw kind (html or text); None when it has none."""
    for content in entry.get("content") or []:
        value = content.get("value")
        if isinstance(value, str) and value.strip():
            return value, "html" if content.get("type", "text/html") in _HTML_CONTENT else "text"
    return None, "text"


def _entry_date(entry: Any) -> str | None:
    """An entry's publication date (else its update date) as an ISO date-time in UTC."""
    for name in ("published_parsed", "updated_parsed"):
        value = entry.get(name)
        if value:
            try:
                return dt.datetime(*value[:6], tzinfo=dt.UTC).isoformat()
            except (TypeError, ValueError):
                continue
    return None
