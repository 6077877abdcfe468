"""Reading web inputs: WARC records per second, and pages fetched per second from 127.0.0.1.

    python bench/bench_web_inputs.py [--records 2000] [--pages 200]

Reading only (``rashomon.ingest.read_inputs``, no cleaning): a WARC.gz of page records built
here (the bundled HTML example with a record number in it, 4.8 KB a page, plus one request
record a page), and a URL list of pages served by an in-process server on 127.0.0.1
(``--allow-private``, ``min_interval`` 0, robots.txt read once). Prints wall seconds, medians
of three runs."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from web_builders import Answer, http_response, serve, warc_file, warc_record  # noqa: E402

from rashomon.ingest import read_inputs  # noqa: E402
from rashomon.records import Article  # noqa: E402
from rashomon.settings import Settings  # noqa: E402

PAGE = (ROOT / "examples" / "03_ledger_daily.html").read_text(encoding="utf-8")


def median_seconds(run, times: int = 3) -> tuple[float, int]:  # noqa: ANN001
    seconds, count = [], 0
    for _ in range(times):
        started = time.perf_counter()
        count = run()
        seconds.append(time.perf_counter() - started)
    return statistics.median(seconds), count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--pages", type=int, default=200)
    args = parser.parse_args()
    settings = Settings().replace({"fetch": {"allow_private": True, "min_interval": 0.0}})

    with tempfile.TemporaryDirectory() as folder:
        records = []
        for n in range(args.records):
            uri = f"https://news.example/{n}"
            records.append(warc_record("request", uri, b"GET / HTTP/1.1\r\n\r\n", record_id=f"<urn:q:{n}>",
                                       content_type="application/http; msgtype=request"))
            body = PAGE.replace("</body>", f"<p>record {n}</p></body>").encode()
            records.append(warc_record("response", uri, http_response("200 OK", "text/html", body),
                                       record_id=f"<urn:r:{n}>"))
        path = Path(folder) / "crawl.warc.gz"
        path.write_bytes(warc_file(records, gz=True))
        size = path.stat().st_size

        def read_warc() -> int:
            return sum(isinstance(i, Article) for i in read_inputs([path], settings=settings.ingest))

        seconds, pages = median_seconds(read_warc)
        print(f"WARC: {pages:,} pages of {len(records):,} records ({size / 1e6:.1f} MB gzipped) "
              f"in {seconds:.2f} s: {pages / seconds:,.0f} pages/s")

        routes = {f"/p{n}": Answer(200, PAGE.replace("</body>", f"<p>{n}</p></body>").encode())
                  for n in range(args.pages)}
        with serve(routes) as site:
            listing = Path(folder) / "pages.urls"
            listing.write_text("".join(site.url(p) + "\n" for p in routes))

            def fetch() -> int:
                items = read_inputs([listing], settings=settings.ingest, fetch=settings.fetch)
                return sum(isinstance(i, Article) for i in items)

            seconds, pages = median_seconds(fetch)
        print(f"URLs: {pages:,} pages fetched from 127.0.0.1 in {seconds:.2f} s: "
              f"{pages / seconds:,.0f} pages/s (min_interval 0; the default 1 s per host "
              "bounds one site to 1 page/s)")


if __name__ == "__main__":
    main()
