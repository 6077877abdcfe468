"""The web UI (``rashomon.web``) on a small store, through FastAPI's TestClient: the story
list and its filters, story pages, the JSON API, the security headers, ids that are no story,
and a hostile article that must come out as text."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from web_ui_store import HOSTILE_TITLE

from rashomon.errors import RashomonError
from rashomon.report.json import render_json
from rashomon.store import list_stories, open_store, story_report

ANSWERS = ["/", "/?search=trawlers", "/stories/nothing", "/api/stories", "/api/stories/nothing",
           "/openapi.json", "/no/such/page"]


def _ids(db: Path) -> dict[str, str]:
    """Story id by the title of the story."""
    return {s.title: s.id for s in list_stories(db=db)}


def _rows(html: str) -> list[str]:
    """The story ids the list page links to, in order."""
    return [m for m in re.findall(r'<a href="/stories/([^"]+)"', html)]


def _story_url(story_id: str, prefix: str = "/stories") -> str:
    return f"{prefix}/{quote(story_id, safe='')}"


def test_the_list_shows_every_story_with_its_counts(client, web_db: Path) -> None:
    page = client.get("/")
    assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
    stored = list_stories(db=web_db)
    assert len(stored) == 3
    assert [quote(s.id, safe="") for s in stored] == _rows(page.text)
    assert "Fleet sails from Rajin" in page.text and "Daily, Wire" in page.text
    assert "3 stories" in page.text


@pytest.mark.parametrize(("query", "titles"), [
    ("search=pollock", {"Fleet sails from Rajin"}),
    ("search=POLLOCK", {"Fleet sails from Rajin"}),
    ("search=harvest+begins", {"Harvest begins"}),
    ("outlet=farm+weekly", {"Harvest begins"}),
    ("has_conflicts=1", {"Fleet sails from Rajin"}),
    ("since=2024-10-01", {"Fleet sails from Rajin", HOSTILE_TITLE}),
    ("since=2025-03-14&has_conflicts=1", {"Fleet sails from Rajin"}),
    ("search=nothing+like+this", set()),
])
def test_filters_and_search_narrow_the_list_as_the_store_does(client, web_db: Path, query: str,
                                                               titles: set[str]) -> None:
    ids = _ids(web_db)
    page = client.get("/?" + query)
    assert page.status_code == 200
    assert set(_rows(page.text)) == {quote(ids[t], safe="") for t in titles}
    if not titles:
        assert "No stories match these filters" in page.text
    api = client.get("/api/stories?" + query.replace("=1", "=true"))
    assert api.status_code == 200 and {s["title"] for s in api.json()} == titles


def test_the_form_keeps_the_filters_given(client) -> None:
    page = client.get("/?search=%3Cb%3Ex&since=2025-01-02&source_type=wire&has_conflicts=1").text
    assert 'name="search" value="&lt;b&gt;x"' in page
    assert 'name="since" value="2025-01-02"' in page
    assert '<option value="wire" selected>' in page
    assert 'name="has_conflicts" value="1" checked' in page


def test_a_bad_filter_is_answered_with_its_reason(client) -> None:
    page = client.get("/?since=last+week")
    assert page.status_code == 400 and "YYYY-MM-DD" in page.text
    assert client.get("/?source_type=tabloid").status_code == 400
    assert client.get("/api/stories?source_type=tabloid").status_code == 400
    assert client.get("/api/stories?since=yesterday").status_code == 422


def test_an_empty_store_says_how_to_ingest(tmp_path: Path) -> None:
    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    db = tmp_path / "empty.duckdb"
    open_store(db, create=True).close()
    with TestClient(create_app(db), base_url="http://127.0.0.1") as empty:
        page = empty.get("/")
        assert empty.get("/api/stories").json() == []
    assert page.status_code == 200
    assert "no stories yet" in page.text and f"rashomon ingest PATH... --db {db}" in page.text


def test_a_missing_store_is_refused_when_the_app_is_made(tmp_path: Path) -> None:
    from rashomon.errors import StoreError
    from rashomon.web import create_app

    with pytest.raises(StoreError, match="rashomon ingest"):
        create_app(tmp_path / "none.duckdb")


def test_the_story_page_is_the_report_with_both_sentences_of_its_conflict(client, web_db: Path) -> None:
    story = _ids(web_db)["Fleet sails from Rajin"]
    page = client.get(_story_url(story))
    assert page.status_code == 200
    text = page.text
    assert '<a href="/">← All stories</a>' in text
    assert f'data-story="{story}"' in text
    conflict = text[text.index('class="conflict'):]  # the conflicts section, side by side
    for sentence in ("A fleet of twelve fishing trawlers set sail from the port of Rajin on March 12",
                     "Twelve fishing trawlers of the Rajin fleet set sail from the port of Rajin on March 21"):
        assert sentence in conflict


def test_a_story_page_is_the_html_report_of_rashomon_report(client, web_db: Path) -> None:
    from rashomon.report.html import render_html
    from rashomon.store.queries import stored_registry

    story = _ids(web_db)["Harvest begins"]
    page = client.get(_story_url(story)).text
    report = render_html(story_report(story, db=web_db), sources=stored_registry(db=web_db))
    # The report, with one line before it: back to the list, and each article's page.
    lead = page[page.index('<p class="lead">'):page.index("</p>\n", page.index('<p class="lead">')) + 5]
    assert lead.startswith('<p class="lead"><a href="/">← All stories</a> · articles: <a href="/articles/')
    assert page.replace(lead, "", 1) == report


def test_an_article_page_shows_its_text_marked_by_finding(client, web_db: Path) -> None:
    story = _ids(web_db)["Fleet sails from Rajin"]
    page = client.get(_story_url(story)).text
    links = re.findall(r'<a href="/articles/([^"]+)">', page)
    assert len(links) == len(story_report(story, db=web_db).articles) >= 2
    article = client.get(f"/articles/{links[0]}")
    assert article.status_code == 200 and article.headers["content-security-policy"].startswith("default-src 'none'")
    text = article.text
    # The conflict's sentence is marked as such; the rest of the text stays plain.
    assert '<mark class="conflict" title="conflict">' in text
    marked = re.findall(r'<mark class="conflict" title="conflict">([^<]+)</mark>', text)
    assert any("set sail from the port of Rajin" in m for m in marked)
    assert f'href="/stories/{quote(story, safe="")}"' in text
    for bad in ("/articles/nothing", "/articles/..%2Fx", "/articles/a%2Fb"):
        assert client.get(bad).status_code == 404


def test_an_article_page_shows_a_hostile_article_as_text(client, web_db: Path) -> None:
    story = _ids(web_db)[HOSTILE_TITLE]
    (article,) = story_report(story, db=web_db).articles
    page = client.get(f"/articles/{quote(article.id, safe='')}").text
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert 'href="javascript:' not in page


@pytest.mark.parametrize("path", [
    "/stories/s0000000000", "/stories/..%2F..%2Fetc%2Fpasswd", "/stories/%2e%2e",
    "/stories/s1%00", "/stories/" + "s" * 300, "/stories/a%20b", "/stories/s1%2Fx",
])
def test_unknown_or_malformed_ids_are_a_404_page(client, path: str) -> None:
    page = client.get(path)
    assert page.status_code == 404
    assert page.headers["content-type"].startswith("text/html")
    assert "All stories" in page.text
    api = client.get(path.replace("/stories", "/api/stories", 1))
    assert api.status_code == 404 and "detail" in api.json()


def test_the_api_gives_the_report_schema_of_rashomon_report(client, web_db: Path) -> None:
    for story in _ids(web_db).values():
        answer = client.get(_story_url(story, "/api/stories"))
        assert answer.status_code == 200 and answer.headers["content-type"] == "application/json"
        data = answer.json()
        assert data == json.loads(render_json(story_report(story, db=web_db)))
        assert data["schema"] == "rashomon.report/3"
        assert [s["id"] for s in data["stories"]] == [story]
    listed = client.get("/api/stories").json()
    # The same fields as `rashomon stories --json`, superseded versions included.
    assert listed == [dataclasses.asdict(s) for s in list_stories(db=web_db)]
    assert all("superseded" in s for s in listed)


def test_the_api_is_described_and_the_docs_pages_are_off(client) -> None:
    schema = client.get("/openapi.json")
    assert schema.status_code == 200
    paths = schema.json()["paths"]
    assert set(paths) == {"/api/stories", "/api/stories/{story_id}"}
    params = {p["name"] for p in paths["/api/stories"]["get"]["parameters"]}
    assert params == {"search", "outlet", "since", "source_type", "has_conflicts"}
    assert "rashomon.report/3" in paths["/api/stories/{story_id}"]["get"]["description"]
    assert client.get("/docs").status_code == 404 and client.get("/redoc").status_code == 404


@pytest.mark.parametrize("path", ANSWERS)
def test_every_answer_carries_the_security_headers(client, path: str) -> None:
    answer = client.get(path)
    assert answer.headers["x-content-type-options"] == "nosniff"
    assert answer.headers["referrer-policy"] == "no-referrer"
    csp = answer.headers["content-security-policy"]
    directives = dict(d.strip().split(" ", 1) for d in csp.split(";"))
    assert directives["default-src"] == "'none'" and directives["frame-ancestors"] == "'none'"
    assert "'unsafe-inline'" not in csp and "http" not in csp and "*" not in csp
    for name in ("script-src", "style-src"):  # inline only by hash, or nothing
        assert all(v.startswith("'sha256-") for v in directives.get(name, "").split())


def test_the_csp_hashes_match_the_inline_style_and_script(client, web_db: Path) -> None:
    import base64
    import hashlib

    def sha(text: str) -> str:
        return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"

    for path in ("/", _story_url(_ids(web_db)["Fleet sails from Rajin"])):
        answer = client.get(path)
        csp = answer.headers["content-security-policy"]
        styles = re.findall(r"<style>(.*?)</style>", answer.text, re.S)
        scripts = re.findall(r"<script>(.*?)</script>", answer.text, re.S)
        assert styles and all(sha(s) in csp for s in styles)
        assert all(sha(s) in csp for s in scripts)


def test_another_host_name_is_refused(client) -> None:
    # a page of another site whose name was rebound to 127.0.0.1 sends its own Host
    assert client.get("/", headers={"host": "attacker.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost:8000"}).status_code == 200


def test_a_hostile_article_comes_out_as_text(client, web_db: Path) -> None:
    listed = client.get("/").text
    assert "<script>document.title" not in listed and "<b>bold</b>" not in listed
    assert "&lt;script&gt;document.title=&#39;x&#39;&lt;/script&gt;Bridge &amp; &lt;b&gt;bold&lt;/b&gt;" in listed
    story = _ids(web_db)[HOSTILE_TITLE]
    page = client.get(_story_url(story)).text
    assert "<script>document.title" not in page and "<b>bold</b>" not in page
    assert "<img" not in page and not re.search(r"<[^>]*\sonerror=", page)
    assert 'href="javascript:' not in page.lower() and "javascript:alert(3) (not a web address)" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
    assert len(re.findall(r"<script>", page)) == 1  # the report's own script only
    searched = client.get("/?search=" + quote("<script>")).text
    assert _rows(searched) == [quote(story, safe="")]
    assert 'value="&lt;script&gt;"' in searched
    assert client.get(_story_url(story, "/api/stories")).json()["articles"][0]["title"] == HOSTILE_TITLE


def test_a_missing_extra_names_it(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    from rashomon.web import create_app, serve

    monkeypatch.setitem(sys.modules, "fastapi", None)
    with pytest.raises(RashomonError, match=re.escape("pip install 'rashomon[web]'")):
        create_app(web_db)
    monkeypatch.setitem(sys.modules, "uvicorn", None)
    with pytest.raises(RashomonError, match=re.escape("pip install 'rashomon[web]'")):
        serve(db=web_db)


def test_serve_listens_on_loopback_unless_told(monkeypatch: pytest.MonkeyPatch, web_db: Path) -> None:
    import uvicorn

    from rashomon.web import allowed_hosts_for, serve

    seen: dict = {}
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: seen.update(kw, app=app))
    serve(db=web_db)
    assert (seen["host"], seen["port"]) == ("127.0.0.1", 8000)
    assert "*" not in allowed_hosts_for("127.0.0.1") and allowed_hosts_for("0.0.0.0") == ("*",)


def test_a_merged_story_redirects_to_the_story_that_holds_it(tmp_path: Path, web_db: Path) -> None:
    import shutil

    from fastapi.testclient import TestClient

    from rashomon.web import create_app

    db = tmp_path / "merged.duckdb"
    shutil.copy(web_db, db)
    story = _ids(db)["Fleet sails from Rajin"]
    with open_store(db) as store:  # as ingest records a story that merged into another
        store.con.execute("INSERT INTO story_redirects VALUES ('sold0000#1', ?, 1)", [story])
    with TestClient(create_app(db), base_url="http://127.0.0.1") as merged:
        for prefix in ("/stories", "/api/stories"):
            moved = merged.get(f"{prefix}/sold0000%231", follow_redirects=False)
            assert moved.status_code == 307 and moved.headers["location"] == _story_url(story, prefix)
        assert merged.get("/stories/sold0000%231").text == merged.get(_story_url(story)).text


def test_the_app_never_writes_the_store(client, web_db: Path) -> None:
    import duckdb

    def snapshot(db: Path) -> dict[str, list[tuple]]:
        con = duckdb.connect(str(db), read_only=True)
        try:
            tables = [t for (t,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall()]
            return {t: sorted(con.execute(f"SELECT * FROM {t}").fetchall(), key=repr) for t in tables}
        finally:
            con.close()

    before = snapshot(web_db), web_db.stat().st_mtime_ns
    for path in ANSWERS + [_story_url(s) for s in _ids(web_db).values()]:
        client.get(path)
    assert (snapshot(web_db), web_db.stat().st_mtime_ns) == before
