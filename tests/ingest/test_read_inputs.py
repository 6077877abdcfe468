"""read_inputs: discovery, formats, bad input, duplicates, ids and order independence."""

from __future__ import annotations

import gzip
import json
import os
from pathlib import Path

import pytest

from rashomon.errors import InputError
from rashomon.ingest import read_inputs
from rashomon.records import Article, Skipped
from rashomon.settings import Settings

SETTINGS = Settings().ingest
TEXT = "Officials met in the capital on Monday to discuss the new trade agreement.\n"


def read(paths, **kwargs):
    return list(read_inputs(paths, settings=kwargs.pop("settings", SETTINGS), **kwargs))


def by_path(items):
    return {item.path: item for item in items}


def test_directory_is_read_recursively_in_path_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "two.txt").write_text(TEXT + "two")
    (tmp_path / "one.md").write_text(TEXT + "one")
    (tmp_path / "page.html").write_text("<html><body><p>" + TEXT + "</p></body></html>")
    (tmp_path / ".hidden.txt").write_text(TEXT)
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "x.txt").write_text(TEXT)
    items = read([tmp_path])
    assert [i.path for i in items] == [
        os.path.join(str(tmp_path), "b", "two.txt"),
        os.path.join(str(tmp_path), "one.md"),
        os.path.join(str(tmp_path), "page.html"),
    ]
    assert [i.raw_kind for i in items] == ["text", "text", "html"]
    assert all(isinstance(i, Article) and i.raw and i.text == "" for i in items)


def test_relative_paths_stay_relative_and_ids_do_not_depend_on_location(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "x").mkdir()
    (tmp_path / "x" / "a.txt").write_text(TEXT)
    monkeypatch.chdir(tmp_path)
    [relative] = read(["x"])
    [absolute] = read([tmp_path / "x" / "a.txt"])
    assert relative.path == os.path.join("x", "a.txt")
    assert relative.id == absolute.id and relative.id.startswith("a") and len(relative.id) == 11


def test_one_path_is_one_path_not_its_characters(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # A str is iterable; read character by character, "news" would be n, e, w, s (and an
    # absolute path would start with "/", the whole disk).
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a.txt").write_text(TEXT)
    (tmp_path / "news" / "b.md").write_text(TEXT + "b")
    monkeypatch.chdir(tmp_path)
    listed = [(i.id, i.path) for i in read(["news"])]
    assert [path for _, path in listed] == [os.path.join("news", "a.txt"), os.path.join("news", "b.md")]
    assert [(i.id, i.path) for i in read("news")] == listed
    assert [(i.id, i.path) for i in read(Path("news"))] == listed
    assert [(i.id, i.path) for i in read(p for p in ["news"])] == listed


def test_order_independent_and_file_named_twice_read_once(tmp_path: Path) -> None:
    for name in ("c.txt", "a.txt", "b.txt"):
        (tmp_path / name).write_text(TEXT + name)
    forward = read([tmp_path / "a.txt", tmp_path / "b.txt", tmp_path / "c.txt", tmp_path])
    backward = read([tmp_path, tmp_path / "c.txt", tmp_path / "b.txt", tmp_path / "a.txt"])
    assert [(i.id, i.path) for i in forward] == [(i.id, i.path) for i in backward]
    assert len(forward) == 3


def test_identical_content_carries_one_digest_and_is_left_to_the_duplicate_check(
    tmp_path: Path,
) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT)
    with gzip.open(tmp_path / "c.txt.gz", "wt") as f:
        f.write(TEXT)
    (tmp_path / "d.txt").write_text(TEXT + "d")
    a, b, c, d = read([tmp_path])
    assert all(isinstance(i, Article) for i in (a, b, c, d))
    assert a.raw_digest == b.raw_digest == c.raw_digest != d.raw_digest
    assert a.raw_digest.startswith("file:")


def test_identical_json_records_share_a_digest_whatever_their_key_order(tmp_path: Path) -> None:
    first = json.dumps({"outlet": "Example News", "text": TEXT})
    same = json.dumps({"text": TEXT, "outlet": "Example News"})
    other = json.dumps({"text": TEXT, "outlet": "Other News"})
    (tmp_path / "feed.jsonl").write_text("\n".join([first, same, other]))
    (tmp_path / "one.json").write_text(first)
    items = by_path(read([tmp_path]))
    feed = str(tmp_path / "feed.jsonl")
    digests = [items[f"{feed}#{n}"].raw_digest for n in (1, 2, 3)]
    assert digests[0] == digests[1] == items[str(tmp_path / "one.json")].raw_digest
    assert digests[2] != digests[0] and digests[0].startswith("record:")
    assert items[feed + "#1"].id != items[feed + "#2"].id


def test_gzip_text_and_html(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "a.txt.gz", "wt", encoding="utf-8") as f:
        f.write(TEXT + "gz")
    with gzip.open(tmp_path / "b.html.gz", "wt", encoding="utf-8") as f:
        f.write("<html><body><p>" + TEXT + "</p></body></html>")
    (tmp_path / "c.txt.gz").write_bytes(b"not gzip at all")
    a, b, c = read([tmp_path])
    assert a.raw == TEXT + "gz" and a.raw_kind == "text"
    assert b.raw_kind == "html" and "<p>" in b.raw
    assert isinstance(c, Skipped) and "not a valid gzip file" in c.reason


def test_json_and_jsonl_records_with_a_bad_line(tmp_path: Path) -> None:
    record = {"url": "https://example.org/a", "outlet": "Example News", "title": "T",
              "published": "20 February 2024", "language": "EN", "text": TEXT}
    (tmp_path / "one.json").write_text(json.dumps(record))
    (tmp_path / "many.json").write_text(json.dumps([record | {"text": TEXT + "1"},
                                                    {"html": "<p>" + TEXT + "</p>"}, 7]))
    lines = [json.dumps(record | {"text": TEXT + "x"}), "{broken", "",
             json.dumps({"title": "no body"}), json.dumps(record | {"published": "soon"})]
    (tmp_path / "feed.jsonl").write_text("\n".join(lines))
    items = by_path(read([tmp_path]))
    feed = str(tmp_path / "feed.jsonl")
    assert isinstance(items[feed + "#1"], Article)
    assert items[feed + "#1"].id.endswith("#1")
    assert "line 2 is not valid JSON" in items[feed + "#2"].reason
    assert "no non-empty 'text' or 'html'" in items[feed + "#4"].reason
    assert items[feed + "#5"].published is None  # bad date left unknown, record kept
    single = items[str(tmp_path / "one.json")]
    assert (single.outlet, single.published, single.language, single.url, single.title) == (
        "Example News", "2024-02-20", "en", "https://example.org/a", "T")
    many = str(tmp_path / "many.json")
    assert items[many + "#2"].raw_kind == "html"
    assert "not a JSON object" in items[many + "#3"].reason


def test_bad_files_are_skipped_with_reasons(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n")
    (tmp_path / "binary.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)
    (tmp_path / "noise.txt").write_bytes(bytes(range(1, 32)) * 10)
    (tmp_path / "big.txt").write_text("word " * 100)
    (tmp_path / "broken.json").write_text("{not json")
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    small = Settings().replace({"ingest": {"max_bytes": 400}}).ingest
    items = by_path(read([tmp_path], settings=small))
    reason = {Path(p).name: i.reason for p, i in items.items()}
    assert reason["empty.txt"] == "empty file"
    assert "binary" in reason["binary.txt"]
    assert "binary" in reason["noise.txt"] or "encoding" in reason["noise.txt"]
    assert "over the 400-byte limit" in reason["big.txt"]
    assert "not valid JSON" in reason["broken.json"]
    assert reason["image.png"].startswith("unsupported file type .png")


def test_a_named_path_that_does_not_exist_stops_the_call(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(TEXT)
    with pytest.raises(InputError) as error:
        read_inputs([tmp_path / "a.txt", tmp_path / "typo"], settings=SETTINGS)
    assert str(error.value) == (f"no such file or directory: {tmp_path / 'typo'}; check the path "
                                "(nothing was read)")


@pytest.mark.parametrize(
    "files, found",
    [
        ({}, "found no files at all"),
        ({"report.pdf": b"%PDF", "notes.docx": b"PK"},
         "found 2 file(s), none of them usable (DIR/notes.docx: unsupported file type .docx"),
        ({"manifest.csv": b"path,outlet\n"}, "found only the manifest or sources file"),
    ],
)
def test_paths_holding_no_article_file_stop_the_call(tmp_path: Path, files: dict, found: str) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, data in files.items():
        (folder / name).write_bytes(data)
    manifest = folder / "manifest.csv" if "manifest.csv" in files else None
    with pytest.raises(InputError) as error:
        read_inputs([folder], manifest=manifest, settings=SETTINGS)
    message = str(error.value)
    assert message.startswith(f"no article files in {folder}: {found.replace('DIR', str(folder))}")
    assert message.endswith("name files or folders that hold .txt, .md, .html, .htm, .json, .jsonl, "
                            ".warc, .rss, .atom, .xml, .urls (each optionally .gz) files, or "
                            "http(s) URLs")
    with pytest.raises(InputError, match="no input paths given"):
        read_inputs([], settings=SETTINGS)


def test_gzip_bomb_is_bounded(tmp_path: Path) -> None:
    with gzip.open(tmp_path / "bomb.txt.gz", "wb") as f:
        f.write(b"a" * 2_000_000)
    small = Settings().replace({"ingest": {"max_bytes": 100_000}}).ingest
    [item] = read([tmp_path], settings=small)
    assert isinstance(item, Skipped) and "decompresses to more than" in item.reason


def test_latin1_and_bom_files_are_decoded(tmp_path: Path) -> None:
    text = ("Le café de la gare à Genève a fermé ses portes après une longue période de "
            "difficultés économiques, selon le propriétaire. Über die Zukunft ist nichts bekannt.")
    (tmp_path / "latin.txt").write_bytes(text.encode("latin-1"))
    (tmp_path / "bom.txt").write_bytes("\ufeff".encode() + TEXT.encode())
    (tmp_path / "utf16.txt").write_bytes(TEXT.encode("utf-16"))
    items = by_path(read([tmp_path]))
    assert items[str(tmp_path / "latin.txt")].raw == text
    assert items[str(tmp_path / "bom.txt")].raw == TEXT
    assert items[str(tmp_path / "utf16.txt")].raw == TEXT


def test_excluded_metadata_files_among_inputs_are_not_articles(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("The talks resumed in the capital on Monday after a pause.", encoding="utf-8")
    registry = tmp_path / "sources.json"
    registry.write_text('{"sources": []}', encoding="utf-8")
    items = list(read_inputs([tmp_path], settings=Settings().ingest, exclude=[registry]))
    assert [i.path for i in items] == [str(tmp_path / "a.txt")]
    assert not any(isinstance(i, Skipped) for i in items)


def test_a_record_date_that_reads_two_ways_is_left_unknown_not_guessed(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    records = [{"published": "02/03/2024", "text": TEXT}, {"published": "13/03/2024", "text": TEXT + "2"}]
    (tmp_path / "feed.jsonl").write_text("\n".join(json.dumps(r) for r in records))
    with caplog.at_level("WARNING", logger="rashomon.ingest"):
        first, second = read([tmp_path])
    assert (first.published, second.published) == (None, "2024-03-13")
    assert "published '02/03/2024' is ambiguous (2 March 2024 or 3 February 2024); left unknown" in caplog.text


def test_json_files_without_usable_records_are_each_skipped_with_a_reason(tmp_path: Path) -> None:
    files = {
        "empty-array.json": "[]",
        "empty-object.json": "{}",
        "number.json": "5",
        "null.json": "null",
        "nested.json": "[[]]",
        "blank-text.json": json.dumps([{"text": "  ", "html": ""}, {"text": ["a", "list"]}]),
        "long-number.json": "1" * 5000,
        "deep.json": "[" * 100_000,
        "bad-lines.jsonl": "{broken\n\n[1, 2\n",
        "non-objects.jsonl": "7\n\"text\"\nnull\n",
        "blank-lines.jsonl": "\n  \n\t\n",
    }
    for name, content in files.items():
        (tmp_path / name).write_text(content)
    items = read([tmp_path])
    assert all(isinstance(i, Skipped) and i.reason for i in items)
    reason = {os.path.relpath(i.path, tmp_path): i.reason for i in items}
    assert reason == {
        "bad-lines.jsonl#1": "line 1 is not valid JSON (Expecting property name enclosed in "
                             "double quotes); record skipped",
        "bad-lines.jsonl#3": "line 3 is not valid JSON (Expecting ',' delimiter); record skipped",
        "blank-lines.jsonl": "empty file",
        "blank-text.json#1": "record has no non-empty 'text' or 'html' field",
        "blank-text.json#2": "record has no non-empty 'text' or 'html' field",
        "deep.json": "not valid JSON (nested too deeply to read)",
        "empty-array.json": "empty JSON array ([]): no records to read",
        "empty-object.json": "record has no non-empty 'text' or 'html' field",
        "long-number.json": reason["long-number.json"],
        "nested.json#1": "record is an array, not a JSON object with 'text' or 'html'",
        "non-objects.jsonl#1": "record is a number, not a JSON object with 'text' or 'html'",
        "non-objects.jsonl#2": "record is a string, not a JSON object with 'text' or 'html'",
        "non-objects.jsonl#3": "record is null, not a JSON object with 'text' or 'html'",
        "null.json": "record is null, not a JSON object with 'text' or 'html'",
        "number.json": "record is a number, not a JSON object with 'text' or 'html'",
    }
    assert reason["long-number.json"].startswith("not valid JSON (Exceeds the limit")


def test_gzip_that_decompresses_to_nothing_is_skipped(tmp_path: Path) -> None:
    for name, content in (("empty.txt.gz", b""), ("blank.jsonl.gz", b" \n\n ")):
        with gzip.open(tmp_path / name, "wb") as f:
            f.write(content)
    items = read([tmp_path])
    assert [(Path(i.path).name, i.reason) for i in items] == [
        ("blank.jsonl.gz", "gzip file that decompresses to nothing (or only whitespace)"),
        ("empty.txt.gz", "gzip file that decompresses to nothing (or only whitespace)"),
    ]


def test_a_named_folder_with_no_files_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    (tmp_path / "hidden").mkdir()
    (tmp_path / "hidden" / ".notes.txt").write_text(TEXT)
    (tmp_path / "hidden" / "sub").mkdir()  # an empty folder inside: still no files
    (tmp_path / "full").mkdir()
    (tmp_path / "full" / "a.txt").write_text(TEXT)
    items = read([tmp_path / "empty", tmp_path / "hidden", tmp_path / "full"])
    assert [(i.path, i.reason) for i in items if isinstance(i, Skipped)] == [
        (str(tmp_path / name), "directory holds no files (names starting with a dot are ignored)")
        for name in ("empty", "hidden")
    ]


def test_a_folder_that_cannot_be_listed_is_skipped(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "locked").mkdir()
    (tmp_path / "locked" / "a.txt").write_text(TEXT)
    (tmp_path / "b.txt").write_text(TEXT + "b")
    scandir = os.scandir

    def refuse(path):  # noqa: ANN001, ANN202 - root may read every folder; refuse one here
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refuse)
    items = by_path(read([tmp_path]))
    assert isinstance(items[str(tmp_path / "b.txt")], Article)
    locked = items[str(tmp_path / "locked")]
    assert locked == Skipped(str(tmp_path / "locked"), "cannot list directory: Permission denied")


def test_a_deeply_nested_record_that_json_reads_is_an_article(tmp_path: Path) -> None:
    (tmp_path / "deep.jsonl").write_text('{"text": "%s", "extra": %s%s}\n'
                                         % (TEXT.strip(), "[" * 900, "]" * 900))
    [item] = read([tmp_path])
    assert isinstance(item, Article) and item.raw_digest.startswith("record:")
