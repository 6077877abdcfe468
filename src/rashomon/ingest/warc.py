"""Web archives: the pages in a WARC file (plain or gzipped, read with warcio).

A response record (or a resource record) whose payload is HTML or plain text, with an HTTP
status of 2xx, is one article: path ``crawl.warc.gz#N`` (N: the record's place in the file,
from 1), url its WARC-Target-URI, and provenance its WARC-Record-ID, WARC-Target-URI and
WARC-Date. The WARC-Date is when the page was crawled: kept as provenance, never taken for the
publication date, which comes from the page itself, as for an HTML file.

Records that hold no page (requests, metadata, warcinfo, revisits, redirects, robots.txt,
images, scripts, style sheets …) are counted, not listed one by one: one ``Skipped`` entry for
the file says how many of each kind. A page record that fails (an HTTP error, an oversize or
undecodable payload) is listed with its reason, and so is a file that is no WARC or breaks off.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterator
from typing import Any

from rashomon.ingest.decode import Unreadable
from rashomon.ingest.discover import Source
from rashomon.ingest.pages import PAGE_TYPES, content_type, page_article, text_of
from rashomon.records import Article, Skipped

Annotate = Callable[[Article, int], None]


def read_warc(source: Source, *, max_bytes: int, annotate: Annotate | None = None) -> Iterator[Article | Skipped]:
    """The articles of the WARC file ``source`` (see the module); ``max_bytes`` caps each
    record's payload, not the file. ``annotate(article, N)`` adds metadata (a manifest row
    for ``file#N``)."""
    from warcio.archiveiterator import WARCIterator

    counts: Counter[str] = Counter()
    number = 0
    try:
        with open(source.path, "rb") as stream:
            for number, record in enumerate(WARCIterator(stream), 1):  # noqa: B007
                outcome = _record(record, f"{source.display}#{number}", max_bytes=max_bytes)
                if isinstance(outcome, str):
                    counts[outcome] += 1
                    continue
                if isinstance(outcome, Article) and annotate is not None:
                    annotate(outcome, number)
                yield outcome
    except OSError as exc:
        if number == 0 and getattr(exc, "filename", None):
            yield Skipped(source.display, f"cannot read file: {exc.strerror or exc}")
        else:
            yield _broken(source.display, number, exc)
        broken = True
    except Exception as exc:  # warcio's own, zlib, EOF …: bad input never stops the run
        yield _broken(source.display, number, exc)
        broken = True
    else:
        broken = False
    if number == 0 and not broken:
        yield Skipped(source.display, "empty WARC file: no records")
    if counts:
        listed = ", ".join(f"{n:,} {what}" for what, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
        yield Skipped(source.display, f"{sum(counts.values()):,} of its {number:,} records hold "
                                      f"no page and were not read: {listed}")


def _broken(display: str, number: int, exc: BaseException) -> Skipped:
    """The Skipped entry of a file that is no WARC (nothing read) or breaks off after
    ``number`` records."""
    from warcio.exceptions import ArchiveLoadFailed

    what = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if not isinstance(exc, ArchiveLoadFailed):
        what = f"{type(exc).__name__}: {what}" if what else type(exc).__name__
    if number == 0:
        return Skipped(display, f"not a readable WARC file ({what})")
    return Skipped(f"{display}#{number + 1}",
                   f"the WARC file cannot be read from record {number + 1} on ({what}); the "
                   f"{number:,} records before it were read")


def _record(record: Any, where: str, *, max_bytes: int) -> Article | Skipped | str:
    """One record: an article, a listed failure, or the kind under which it is counted."""
    headers = record.rec_headers
    if not headers.get_header("WARC-Record-ID") or headers.get_header("Content-Length") is None:
        return Skipped(where, "incomplete WARC record (no WARC-Record-ID or Content-Length "
                              "header); the file may be cut off here")
    kind = record.rec_type or "untyped"
    if kind not in ("response", "resource"):
        return kind
    target = headers.get_header("WARC-Target-URI") or ""
    if kind == "response":
        http = record.http_headers
        if http is None:
            return "response without HTTP headers"
        status = http.get_statuscode() or ""
        media, charset = content_type(http.get_header("Content-Type") or "")
    else:
        status = ""
        media, charset = content_type(headers.get_header("Content-Type") or "")
    if target.split("?", 1)[0].endswith("/robots.txt"):
        return "robots.txt"
    if status.startswith("3") or status == "204":
        return f"{kind} HTTP {status}"
    page_kind = PAGE_TYPES.get(media)
    if page_kind is None:
        return f"{kind} {media or 'without content type'}"
    if status and not status.startswith("2"):
        return Skipped(where, f"{target}: HTTP {status} in the archive, not a page")
    data = record.content_stream().read(max_bytes + 1)
    if len(data) > max_bytes:
        return Skipped(where, f"{target}: payload over the {max_bytes:,}-byte limit (setting "
                              "ingest.max_bytes); raise it to read this page")
    try:
        text = text_of(data, charset)
    except Unreadable as exc:
        return Skipped(where, f"{target}: {exc}")
    provenance = {"warc_record_id": headers.get_header("WARC-Record-ID") or "",
                  "warc_target_uri": target, "warc_date": headers.get_header("WARC-Date") or ""}
    return page_article(data, text, page_kind, path=where, url=target or None,
                        provenance={k: v for k, v in provenance.items() if v})
