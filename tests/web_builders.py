"""Web inputs built by hand for tests: WARC records, and a site served from 127.0.0.1 in this
process (pages, feeds, robots.txt, redirects, slow and oversize answers). No network."""

from __future__ import annotations

import gzip
import http.server
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

PAGE = ("<html><head><title>{title}</title></head><body><nav>Home | World | Sport</nav>"
        "<article><h1>{title}</h1><p>{text}</p></article></body></html>")
TEXT = ("Officials met in the capital on Monday to discuss the new trade agreement between the "
        "two countries, which had been delayed for months.")


def page(title: str = "Trade talks resume", text: str = TEXT) -> bytes:
    return PAGE.format(title=title, text=text).encode("utf-8")


# ---------------------------------------------------------------------------------------------
# WARC records (WARC 1.0, ISO 28500), written byte by byte as the standard lays them out.

def warc_record(kind: str, uri: str, block: bytes, *, record_id: str, date: str = "2024-02-20T08:00:00Z",
                content_type: str = "application/http; msgtype=response") -> bytes:
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: {record_id}\r\n"
            f"WARC-Date: {date}\r\n" + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


def http_response(status: str, content_type: str | None, body: bytes, *, headers: str = "") -> bytes:
    typed = f"Content-Type: {content_type}\r\n" if content_type else ""
    return (f"HTTP/1.1 {status}\r\n{typed}{headers}Content-Length: {len(body)}\r\n\r\n").encode() + body


def warc_file(records: list[bytes], *, gz: bool) -> bytes:
    """A WARC file of ``records``; gzipped as crawlers write them, one member per record."""
    return b"".join(gzip.compress(r, mtime=0) for r in records) if gz else b"".join(records)


# ---------------------------------------------------------------------------------------------
# A site on 127.0.0.1.

@dataclass
class Answer:
    """What the site answers on a path: status, headers, body, and a delay before the body
    (``drip``: seconds between bytes of the body, for a slow server)."""

    status: int = 200
    body: bytes = b""
    content_type: str | None = "text/html; charset=utf-8"
    headers: dict[str, str] = field(default_factory=dict)
    delay: float = 0.0
    drip: float = 0.0
    length: bool = True  # send Content-Length; without it the body ends when the connection closes


@dataclass
class Site:
    base: str
    routes: dict[str, Answer | Callable[[], Answer]]
    hits: list[tuple[float, str, str]]  # (time, path, user agent)

    def url(self, path: str) -> str:
        return self.base + path

    def paths_hit(self) -> list[str]:
        return [path for _, path, _ in self.hits]


@contextmanager
def serve(routes: dict[str, Answer | Callable[[], Answer]]) -> Iterator[Site]:
    """Serve ``routes`` (path with query -> answer; others 404) on 127.0.0.1, any free port."""
    hits: list[tuple[float, str, str]] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"
        disable_nagle_algorithm = True  # headers and body are two writes: no 40 ms ACK stall

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:  # noqa: N802 - the name http.server calls
            hits.append((time.monotonic(), self.path, self.headers.get("User-Agent", "")))
            answer = routes.get(self.path)
            if callable(answer):
                answer = answer()
            if answer is None:
                answer = Answer(404, b"<html><body>not found</body></html>")
            if answer.delay:
                time.sleep(answer.delay)
            try:
                self.send_response(answer.status)
                if answer.content_type:
                    self.send_header("Content-Type", answer.content_type)
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                if answer.length:
                    self.send_header("Content-Length", str(len(answer.body)))
                else:
                    self.send_header("Connection", "close")
                    self.close_connection = True
                self.end_headers()
                if answer.drip:
                    for byte in answer.body:
                        self.wfile.write(bytes([byte]))
                        self.wfile.flush()
                        time.sleep(answer.drip)
                else:
                    self.wfile.write(answer.body)
            except (BrokenPipeError, ConnectionResetError):
                pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Site(f"http://127.0.0.1:{server.server_address[1]}", routes, hits)
    finally:
        server.shutdown()
        server.server_close()
