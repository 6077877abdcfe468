"""Pages read from the web (fetched or archived): their media types, text and article."""

from __future__ import annotations

import hashlib

from rashomon.ingest.decode import Unreadable, decode
from rashomon.records import Article

# Media types read as pages (with the raw kind they are read as) and as feeds.
PAGE_TYPES = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text",
              "text/markdown": "text"}
FEED_TYPES = {"application/rss+xml", "application/atom+xml", "application/rdf+xml",
              "application/x-rss+xml", "application/xml", "text/xml"}


def content_type(value: str) -> tuple[str, str | None]:
    """The media type (lower case, no parameters) and charset of a Content-Type header."""
    media, _, params = value.partition(";")
    charset = None
    for param in params.split(";"):
        name, _, given = param.partition("=")
        if name.strip().lower() == "charset" and given.strip():
            charset = given.strip().strip("'\"")
    return media.strip().lower(), charset


def text_of(data: bytes, charset: str | None) -> str:
    """A page's bytes as text: in the ``charset`` its headers name when that decodes them,
    else as a file is decoded (byte-order mark, UTF-8, then detection)."""
    if not data.strip():
        raise Unreadable("empty page")
    return decode(data, declared=charset)


def page_article(data: bytes, text: str, kind: str, *, path: str, url: str | None,
                 provenance: dict[str, str]) -> Article:
    """The article of a page read from the web: its id and digest come from its bytes, as a
    file's do, so the same page saved as a file, archived or fetched is one article."""
    digest = hashlib.sha256(data).hexdigest()
    return Article(id="a" + digest[:10], path=path, raw=text, raw_kind=kind,
                   raw_digest="file:" + digest, url=url, provenance=provenance)
