"""Reading and cleaning (``rashomon.run.pipeline.clean``) loses no input: every file ends as
articles or as skipped entries with a reason, and a duplicate names an input that was kept."""

from __future__ import annotations

import gzip
import json
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from rashomon.errors import InputError
from rashomon.ingest.discover import JSON_SUFFIXES, TEXT_SUFFIXES
from rashomon.records import Article, Skipped
from rashomon.run.pipeline import clean
from rashomon.settings import Settings

SUPPORTED_SUFFIXES = tuple(s + gz for s in (*TEXT_SUFFIXES, *JSON_SUFFIXES) for gz in ("", ".gz"))

ENGLISH = ("Officials met in the capital on Monday to discuss the new trade agreement with "
           "their neighbours, and said that talks would resume after the holiday.")
OTHER_ENGLISH = ("The river burst its banks overnight and the mayor said that more than two "
                 "hundred homes in the old town had been flooded by the morning.")
GERMAN = ("Der Minister sagte am Dienstag, dass die Regierung in diesem Jahr die Steuern nicht "
          "erhöhen werde, trotz des Drucks der Koalitionspartner.")


def outcome(root: Path) -> tuple[dict[str, Article], dict[str, str]]:
    articles, skipped = clean([root])
    rel = lambda p: os.path.relpath(p, root)  # noqa: E731
    return {rel(a.path): a for a in articles}, {rel(s.path): s.reason for s in skipped}


def test_an_empty_json_array_and_its_copies_are_each_skipped_for_being_empty(
    tmp_path: Path,
) -> None:
    # The fuzzing case of issue 10: `[]` was neither analyzed nor skipped, and its copies were
    # skipped as "identical to" it.
    for name in ("a.json", "b.json", "c.json.gz"):
        data = b"[]"
        (tmp_path / name).write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
    articles, skipped = outcome(tmp_path)
    assert not articles
    assert skipped == dict.fromkeys(("a.json", "b.json", "c.json.gz"),
                                    "empty JSON array ([]): no records to read")


def test_identical_files_and_records_name_the_one_kept(tmp_path: Path) -> None:
    record = json.dumps({"outlet": "Example News", "text": ENGLISH})
    (tmp_path / "a.txt").write_text(ENGLISH)
    (tmp_path / "b.txt").write_text(ENGLISH)
    (tmp_path / "c.txt.gz").write_bytes(gzip.compress(ENGLISH.encode()))
    (tmp_path / "feed.jsonl").write_text("\n".join([record, record, json.dumps(
        {"outlet": "Other News", "text": ENGLISH})]))
    articles, skipped = outcome(tmp_path)
    assert sorted(articles) == ["a.txt", "feed.jsonl#1", "feed.jsonl#3"]
    assert skipped == {"b.txt": f"identical to {tmp_path / 'a.txt'}",
                       "c.txt.gz": f"identical to {tmp_path / 'a.txt'}",
                       "feed.jsonl#2": f"identical to {tmp_path / 'feed.jsonl#1'}"}


def test_copies_of_an_input_dropped_by_cleaning_are_skipped_for_their_own_reason(
    tmp_path: Path,
) -> None:
    german = json.dumps({"text": GERMAN})
    (tmp_path / "feed.jsonl").write_text("\n".join([german, german, json.dumps(
        {"text": ENGLISH}), json.dumps({"text": "Too short."})]))
    (tmp_path / "x.txt").write_text(GERMAN)
    (tmp_path / "y.txt").write_text(GERMAN)
    (tmp_path / "page.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    (tmp_path / "page2.html").write_text("<html><body><script>var x = 1;</script></body></html>")
    articles, skipped = outcome(tmp_path)
    assert sorted(articles) == ["feed.jsonl#3"]
    not_english = "not English (detected: de); only English is supported"
    assert skipped == {
        "feed.jsonl#1": not_english, "feed.jsonl#2": not_english,
        "feed.jsonl#4": "too short after cleaning: 10 characters left (minimum 40, setting "
                        "clean.min_chars); removed: nothing",
        "x.txt": not_english, "y.txt": not_english,
        "page.html": "no article text found in this HTML page",
        "page2.html": "no article text found in this HTML page",
    }


def test_a_copy_kept_when_the_first_is_skipped_for_its_manifest_language(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(ENGLISH)
    (tmp_path / "in" / "b.txt").write_text(ENGLISH)
    (tmp_path / "in" / "c.txt").write_text(ENGLISH)
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("path,language\nin/a.txt,de\n")
    articles, skipped = clean([tmp_path / "in"], manifest=manifest)
    assert [a.path for a in articles] == [str(tmp_path / "in" / "b.txt")]
    assert [(s.path, s.reason) for s in skipped] == [
        (str(tmp_path / "in" / "a.txt"), "not English (declared: de); only English is supported"),
        (str(tmp_path / "in" / "c.txt"), f"identical to {tmp_path / 'in' / 'b.txt'}"),
    ]


# ---------------------------------------------------------------------------------------------
# The invariant over random inputs.

TEXTS = st.one_of(
    st.sampled_from([ENGLISH, OTHER_ENGLISH, GERMAN, "Too short.", "", "   ",
                     "Leave a Reply\n\nShare this article",
                     f"<html><body><p>{ENGLISH}</p></body></html>",
                     "<html><body></body></html>"]),
    st.text(max_size=60),
)
JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=10),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner,
                                                                max_size=3),
    max_leaves=6,
)
RECORDS = st.one_of(
    st.fixed_dictionaries({"text": TEXTS}, optional={
        "outlet": st.sampled_from(["Example News", "Other News", ""]) | JSON_VALUES,
        "language": st.sampled_from(["en", "de", "EN", ""]) | JSON_VALUES,
        "published": st.sampled_from(["2024-02-20", "yesterday", "20 February 2024"]) | JSON_VALUES,
        "url": JSON_VALUES,
    }),
    st.fixed_dictionaries({"html": TEXTS}),
    JSON_VALUES,  # includes [], {}, numbers, null
)
# JSON Lines drawn from a small pool, so that identical lines (duplicate records) are common.
LINES = st.lists(st.one_of(RECORDS.map(json.dumps), st.sampled_from(["{broken", "", "  ", "["])),
                 min_size=1, max_size=4)
CONTENTS = st.one_of(
    st.binary(max_size=120),
    TEXTS.map(str.encode),
    JSON_VALUES.map(lambda v: json.dumps(v).encode()),
    st.lists(RECORDS, max_size=3).map(lambda v: json.dumps(v).encode()),
    RECORDS.map(lambda v: json.dumps(v).encode()),
    st.lists(LINES, min_size=1, max_size=2).map(lambda pool: "\n".join(pool[0] + pool[-1]).encode()),
)
SUFFIXES = [".txt", ".md", ".html", ".json", ".jsonl", ".txt.gz", ".json.gz", ".jsonl.gz", ".xyz"]


@st.composite
def folders(draw: st.DrawFn) -> dict[str, bytes]:
    """File name -> bytes; a few contents shared between files, so that copies are common."""
    contents = draw(st.lists(CONTENTS, min_size=1, max_size=4))
    files = draw(st.lists(st.tuples(st.sampled_from(SUFFIXES),
                                    st.integers(0, len(contents) - 1),
                                    st.booleans()), min_size=1, max_size=7))
    out = {}
    for n, (suffix, which, compress) in enumerate(files):
        data = contents[which]
        # A .gz name holds gzip data, except now and then (then it is a broken gzip file).
        out[f"f{n}{suffix}"] = gzip.compress(data, mtime=0) if suffix.endswith(".gz") and \
            compress else data
    return out


@hsettings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(folders())
def test_every_input_ends_as_articles_or_skipped_and_copies_name_a_kept_input(
    files: dict[str, bytes],
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        for name, data in files.items():
            (root / name).write_bytes(data)
        if not any(name.endswith(SUPPORTED_SUFFIXES) for name in files):
            # No file of a supported type at all: a bad command line, said before reading.
            with pytest.raises(InputError, match="no article files in"):
                clean([root], settings=Settings())
            return
        articles, skipped = clean([root], settings=Settings())
    kept = {a.path for a in articles}
    assert len(kept) == len(articles) and len({a.id for a in articles}) == len(articles)
    assert all(isinstance(s, Skipped) and s.reason.strip() for s in skipped)
    assert not kept & {s.path for s in skipped}  # each input or record ends one way only
    for name in files:
        path = str(root / name)
        ends = [p for p in (*kept, *(s.path for s in skipped))
                if p == path or p.startswith(path + "#")]
        assert ends, f"{name} ({files[name][:60]!r}) vanished"
    for s in skipped:
        if s.reason.startswith("identical to "):
            assert s.reason.removeprefix("identical to ") in kept, s
