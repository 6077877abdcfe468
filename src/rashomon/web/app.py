"""The FastAPI application of ``rashomon serve``: server-rendered pages and a JSON API over a
corpus store, read-only.

Every answer is built from ``rashomon.store``'s read functions, each opening the store for
reading only. Pages are Jinja2 templates with autoescaping on (article text and titles are
untrusted and always shown as text); the story page is ``rashomon.report.html``'s report.
Every response carries a strict Content-Security-Policy (nothing external loads; a page's own
inline style and script run only by their hashes), ``X-Content-Type-Options: nosniff`` and
``Referrer-Policy: no-referrer``; story ids are checked against the shape of an id before
the store is asked.
"""

from __future__ import annotations

import base64
from html import escape as html_escape
import dataclasses
import datetime as dt
import hashlib
import re
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2
from markupsafe import Markup
from fastapi import FastAPI, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from rashomon.errors import NoSuchStoryError, RashomonError, StoreError
from rashomon.report.html import render_html, report_csp
from rashomon.report.json import report_dict
from rashomon.store import current_story_id, list_stories, open_store, story_report
from rashomon.records import Article, Report, Story
from rashomon.report.wording import article_title, published_text
from rashomon.store.queries import StorySummary, story_of_article, stored_registry

# A story id as rashomon makes them ("s" and hex digits, "#" and a record number for a record
# of a JSON Lines or WARC file); anything else (a slash, dots, a percent sign) is answered 404
# before the store is asked.
STORY_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9_#-]{0,127}")
SOURCE_TYPES = ("state_media", "wire", "national_paper", "broadcaster", "specialist", "government")
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
# Answers that are no page (JSON, the OpenAPI schema, redirects): nothing may load or run.
NOTHING_CSP = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"


@cache
def _asset(name: str) -> str:
    return resources.files("rashomon.web").joinpath("templates", name).read_text("utf-8")


def _hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode() + "'"


def page_csp() -> str:
    """The CSP of the app's own pages: only their inline style (by hash), no script, forms
    only to this server."""
    return (f"default-src 'none'; style-src {_hash(_asset('web.css'))}; img-src 'none'; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")


@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FunctionLoader(lambda name: _asset(name)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


class StoryListItem(BaseModel):
    """One story of the store, as ``rashomon stories --json`` lists it."""

    id: str
    title: str
    articles: int
    outlets: list[str]
    first_report: str | None
    last_report: str | None
    conflicts: int
    # Members that are older versions of a changed article (each a copy of its newest).
    superseded: int = 0


@dataclasses.dataclass
class _Filters:
    search: str = ""
    outlet: str = ""
    since: str = ""
    source_type: str = ""
    has_conflicts: bool = False

    @property
    def any(self) -> bool:
        return bool(self.search or self.outlet or self.since or self.source_type or self.has_conflicts)


def _stories(db: Path, f: _Filters) -> list[StorySummary]:
    since = None
    if f.since:
        try:
            since = dt.date.fromisoformat(f.since)
        except ValueError:
            raise _BadFilter(f"since must be a day as YYYY-MM-DD, not {f.since!r}") from None
    if f.source_type and f.source_type not in SOURCE_TYPES:
        raise _BadFilter(f"unknown source type {f.source_type!r}; known: {', '.join(SOURCE_TYPES)}")
    try:
        return list_stories(db=db, outlet=f.outlet or None, has_conflicts=f.has_conflicts,
                            search=f.search or None, since=since, source_type=f.source_type or None)
    except StoreError as exc:
        if "unknown source type" in str(exc):
            raise _BadFilter(str(exc)) from None
        raise


class _BadFilter(Exception):
    pass


# Which kind of finding marks a sentence when several rest on it: the one an analyst must see.
_KIND_ORDER = ("conflict", "update", "corroborated", "unique")


def _marked_parts(article: Article, story: Story | None) -> list[dict[str, str | None]]:
    """The article's text in pieces, each sentence a finding of ``story`` rests on marked by
    that finding's kind (a conflict over a corroboration over a single source's claim)."""
    spans: dict[tuple[int, int], str] = {}
    for finding in story.findings if story is not None else []:
        for e in finding.evidence:
            if e.article == article.id and 0 <= e.start < e.end <= len(article.text):
                known = spans.get((e.start, e.end))
                if known is None or _KIND_ORDER.index(finding.kind) < _KIND_ORDER.index(known):
                    spans[(e.start, e.end)] = finding.kind
    parts: list[dict[str, str | None]] = []
    at = 0
    for (start, end), kind in sorted(spans.items()):
        if start < at:
            continue  # overlapping evidence: the first span shown keeps its mark
        parts += [{"text": article.text[at:start], "kind": None}, {"text": article.text[start:end], "kind": kind}]
        at = end
    parts.append({"text": article.text[at:], "kind": None})
    return [p for p in parts if p["text"]]


def _html(body: str, status: int = 200, csp: str | None = None) -> HTMLResponse:
    response = HTMLResponse(body, status_code=status)
    response.headers["Content-Security-Policy"] = csp or page_csp()
    return response


def _error_page(status: int, title: str, message: str) -> HTMLResponse:
    css = _asset("web.css")
    return _html(_templates().get_template("error.html.j2").render(
        css=Markup(css), title=title, message=message, status=status), status)


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(db: Path, *, allowed_hosts: tuple[str, ...] = ("127.0.0.1", "localhost")) -> FastAPI:
    """The web application over the store ``db``. Opens it once for reading to check it is a
    store (``StoreError`` otherwise); each request opens it again for reading only, so an
    ``ingest`` between requests is seen by the next one (while an ingest writes, requests are
    answered 503 with what to do)."""
    open_store(db, read_only=True).close()
    app = FastAPI(
        title="Rashomon",
        summary="The stories of a rashomon corpus store, and each story's report.",
        description="Read-only. Story reports are the JSON of `rashomon report STORY --format json` "
                    "(schema `rashomon.report/3`, documented in the project README).",
        docs_url=None,
        redoc_url=None,
    )
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts))

    @app.middleware("http")
    async def security_headers(request: Request, call_next: Any) -> Response:
        response = await call_next(request)
        response.headers.setdefault("Content-Security-Policy", NOTHING_CSP)
        for name, value in SECURITY_HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        if exc.status_code == 404:
            return _error_page(404, "Not found", "There is no page at this address.")
        return _error_page(exc.status_code, "Error", str(exc.detail))

    @app.exception_handler(RashomonError)
    async def store_error(request: Request, exc: RashomonError) -> Response:
        # A store that cannot be read now (an ingest holds it, it was removed): say so.
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=503)
        return _error_page(503, "The store cannot be read", str(exc))

    @app.exception_handler(_BadFilter)
    async def bad_filter(request: Request, exc: _BadFilter) -> Response:
        if _is_api(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return _error_page(400, "Bad filter", str(exc))

    def no_story(request: Request, story_id: str) -> Response:
        message = f"There is no story {story_id!r} in this store."
        if _is_api(request):
            return JSONResponse({"detail": message}, status_code=404)
        return _error_page(404, "No such story", message)

    def resolved(request: Request, story_id: str, prefix: str) -> str | Response:
        """The story's id now, or the answer to give instead (404, or a redirect to the story
        it merged into)."""
        if not STORY_ID.fullmatch(story_id):
            return no_story(request, story_id)
        now = current_story_id(story_id, db=db)
        if now != story_id:
            return RedirectResponse(f"{prefix}/{quote(now, safe='')}", status_code=307)
        return now

    def report_of(request: Request, story_id: str, prefix: str) -> Report | Response:
        """The story's report, or the answer to give instead (404, or a redirect)."""
        now = resolved(request, story_id, prefix)
        if not isinstance(now, str):
            return now
        try:
            return story_report(now, db=db)
        except NoSuchStoryError:
            return no_story(request, story_id)

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index(search: str = "", outlet: str = "", since: str = "", source_type: str = "",
              has_conflicts: str = "") -> Response:
        filters = _Filters(search.strip(), outlet.strip(), since.strip(), source_type.strip(),
                           has_conflicts not in {"", "0", "false"})
        stories = _stories(db, filters)
        total = len(stories) if not filters.any else len(list_stories(db=db))
        css = _asset("web.css")
        return _html(_templates().get_template("stories.html.j2").render(
            css=Markup(css), stories=stories, filters=filters, total=total,
            source_types=SOURCE_TYPES, db=str(db),
        ))

    @app.get("/stories/{story_id}", response_class=HTMLResponse, include_in_schema=False)
    def story_page(request: Request, story_id: str) -> Response:
        report = report_of(request, story_id, "/stories")
        if not isinstance(report, Report):
            return report
        page = render_html(report, sources=stored_registry(db=db))
        # The report is a page of its own; a link back to the list goes first in its body.
        links = " · ".join(
            f'<a href="/articles/{quote(a.id, safe="")}">{html_escape(a.source_name)}</a>' for a in report.articles
        )
        page = page.replace(
            "<body>\n", f'<body>\n<p class="lead"><a href="/">← All stories</a> · articles: {links}</p>\n', 1
        )
        return _html(page, csp=report_csp() + "; frame-ancestors 'none'")

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(request: Request, article_id: str) -> Response:
        """One stored article: its clean text, the sentences its story's findings rest on
        marked by kind, and what was removed as debris."""
        missing = _error_page(404, "No such article", f"There is no article {article_id!r} in this store.")
        if not STORY_ID.fullmatch(article_id):
            return missing
        story_id = story_of_article(article_id, db=db)
        if story_id is None:
            return missing
        report = story_report(story_id, db=db)
        article = next((a for a in report.articles if a.id == article_id), None)
        if article is None:
            return missing
        story = report.stories[0] if report.stories else None
        css = _asset("web.css")
        return _html(_templates().get_template("article.html.j2").render(
            css=Markup(css), outlet=article.source_name, title=article_title(article),
            published=published_text(article), url=article.url, path=article.path,
            copy_of=article.copy_of, story=story_id, story_href=quote(story_id, safe=""),
            parts=_marked_parts(article, story), removed=article.removed,
        ))

    @app.get("/api/stories", response_model=list[StoryListItem], summary="List the stories",
             description="The stories of the store, most articles first (as `rashomon stories --json`), "
                         "filtered as the options of `rashomon stories` filter them.")
    def api_stories(
        search: str | None = Query(None, description="Only stories whose title or an article's title or text holds this (any letter case)."),
        outlet: str | None = Query(None, description="Only stories an outlet of this name reports."),
        since: dt.date | None = Query(None, description="Only stories reported on or after this day."),
        source_type: str | None = Query(None, description="Only stories an outlet of this kind reports: " + ", ".join(SOURCE_TYPES) + "."),
        has_conflicts: bool = Query(False, description="Only stories with a conflict."),
    ) -> list[StoryListItem]:
        filters = _Filters(search or "", outlet or "", since.isoformat() if since else "",
                           source_type or "", has_conflicts)
        return [StoryListItem(**dataclasses.asdict(s)) for s in _stories(db, filters)]

    @app.get("/api/stories/{story_id}", summary="One story's report",
             description="The report of one story: the JSON of `rashomon report STORY --format json` "
                         "(schema `rashomon.report/3`). A story that merged into another as the store "
                         "grew redirects (307) to that one.",
             responses={200: {"description": "The report (schema rashomon.report/3)",
                              "content": {"application/json": {"schema": {"type": "object"}}}},
                        307: {"description": "The story merged into another; Location names it"},
                        404: {"description": "No story of this id"}},
             response_class=JSONResponse)
    def api_story(request: Request, story_id: str) -> Response:
        report = report_of(request, story_id, "/api/stories")
        if not isinstance(report, Report):
            return report
        return JSONResponse(report_dict(report))

    return app
