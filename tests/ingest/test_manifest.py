"""Sidecar manifests (CSV and JSON) give metadata that overrides what the files carry."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from rashomon.errors import ManifestError
from rashomon.ingest import read_inputs
from rashomon.settings import Settings

TEXT = "Officials met in the capital on Monday to discuss the new trade agreement.\n"


def setup_inputs(root: Path) -> Path:
    (root / "in" / "sub").mkdir(parents=True)
    (root / "in" / "a.txt").write_text(TEXT + "a")
    (root / "in" / "sub" / "b.txt").write_text(TEXT + "b")
    record = {"outlet": "Page Outlet", "published": "2024-01-01", "text": TEXT}
    (root / "in" / "c.jsonl").write_text(json.dumps(record) + "\n" + json.dumps(record | {
        "text": TEXT + "2"}))
    return root / "in"


def read(inputs: Path, manifest: Path) -> dict:
    items = read_inputs([inputs], manifest=manifest, settings=Settings().ingest)
    return {Path(i.path).name: i for i in items}


def test_csv_manifest(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    inputs = setup_inputs(tmp_path)
    manifest = tmp_path / "in" / "manifest.csv"
    manifest.write_text(
        "path,outlet,published,url,language,title,notes\n"
        "a.txt,Daily Example,Feb. 20 2024,https://ex.org/a,en,Headline A,x\n"
        "b.txt,Other Outlet,2024-02-21T08:00:00+09:00,,,,\n"
        "c.jsonl#2,Manifest Outlet,13/03/2024,,,,\n"
        "gone.txt,Nobody,,,,,\n"
    )
    with caplog.at_level(logging.WARNING, logger="rashomon.ingest"):
        items = read(inputs, manifest)
    assert "manifest.csv" not in items  # the manifest is not an input
    a, b = items["a.txt"], items["b.txt"]
    assert (a.outlet, a.published, a.url, a.language, a.title) == (
        "Daily Example", "2024-02-20", "https://ex.org/a", "en", "Headline A")
    assert (b.outlet, b.published) == ("Other Outlet", "2024-02-21T08:00:00+09:00")
    first, second = items["c.jsonl#1"], items["c.jsonl#2"]
    assert (first.outlet, first.published) == ("Page Outlet", "2024-01-01")
    # The manifest overrides the record; a numeric date that reads one way only is taken.
    assert (second.outlet, second.published) == ("Manifest Outlet", "2024-03-13")
    assert "unknown column(s) notes" in caplog.text
    assert "matched no input file" in caplog.text


def test_json_manifest_mapping_with_relative_and_absolute_paths(tmp_path: Path) -> None:
    inputs = setup_inputs(tmp_path)
    manifest = tmp_path / "meta.json"
    manifest.write_text(json.dumps({
        "in/a.txt": {"outlet": "Relative"},
        str(inputs / "sub" / "b.txt"): {"outlet": "Absolute", "published": "2024-02-20"},
    }))
    items = read(inputs, manifest)
    assert items["a.txt"].outlet == "Relative"
    assert (items["b.txt"].outlet, items["b.txt"].published) == ("Absolute", "2024-02-20")


def test_json_manifest_list_and_bare_names(tmp_path: Path) -> None:
    inputs = setup_inputs(tmp_path)
    manifest = tmp_path / "meta.json"
    manifest.write_text(json.dumps([{"path": "b.txt", "outlet": "By Name"}]))
    assert read(inputs, manifest)["b.txt"].outlet == "By Name"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("m.json", "[{broken", "not valid JSON"),
        ("m.json", '"just a string"', "wrong shape"),
        ("m.csv", "file,outlet\na.txt,X\n", "no 'path' column"),
        ("m.csv", None, "does not exist"),
    ],
)
def test_unreadable_manifest_raises(tmp_path: Path, name: str, content: str | None,
                                    message: str) -> None:
    manifest = tmp_path / name
    if content is not None:
        manifest.write_text(content)
    with pytest.raises(ManifestError, match=message):
        list(read_inputs([tmp_path], manifest=manifest, settings=Settings().ingest))


@pytest.mark.parametrize(
    "published, reason",
    [
        ("02/03/2024", "is ambiguous (2 March 2024 or 3 February 2024)"),
        ("03.02.2024 08:00", "is ambiguous (3 February 2024 or 2 March 2024)"),
        ("02/03/24", "has a two-digit year"),
        ("2024-02-30", "names a day that does not exist"),
        ("2024-02-30T08:00:00+09:00", "names a day that does not exist"),
        ("31/04/2024", "names a day that does not exist"),
        ("yesterday", "is not a full calendar date"),
    ],
)
def test_a_date_that_is_not_one_or_reads_two_ways_is_an_error(
    tmp_path: Path, published: str, reason: str
) -> None:
    inputs = setup_inputs(tmp_path)
    manifest = tmp_path / "meta.csv"
    manifest.write_text(f"path,published\na.txt,2024-02-20\nsub/b.txt,{published}\n")
    with pytest.raises(ManifestError) as error:
        read_inputs([inputs], manifest=manifest, settings=Settings().ingest)
    message = str(error.value)
    # The file, the row and its path, the value, why, and what to write instead.
    assert message.startswith(f"manifest {manifest}, row 3 (sub/b.txt): published {published!r} ")
    assert reason in message
    assert "write dates as YYYY-MM-DD or as an ISO date-time" in message


def test_json_manifest_date_that_is_not_text_is_an_error(tmp_path: Path) -> None:
    inputs = setup_inputs(tmp_path)
    manifest = tmp_path / "meta.json"
    manifest.write_text(json.dumps([{"path": "a.txt", "published": 20240220}]))
    with pytest.raises(ManifestError, match=r"entry 1 \(a.txt\): published 20240220 is not text"):
        read_inputs([inputs], manifest=manifest, settings=Settings().ingest)


def test_unambiguous_dates_in_any_common_form_are_read(tmp_path: Path) -> None:
    inputs = setup_inputs(tmp_path)
    manifest = tmp_path / "meta.json"
    manifest.write_text(json.dumps({
        "in/a.txt": {"published": "20 February 2024"},
        "in/sub/b.txt": {"published": "02/02/2024 08:30"},  # both readings are one day
        "in/c.jsonl#1": {"published": "2024/03/02"},  # year first: always year, month, day
        "in/c.jsonl#2": {"published": "  "},  # blank: the record's own date stays
    }))
    items = read(inputs, manifest)
    assert [items[n].published for n in ("a.txt", "b.txt", "c.jsonl#1", "c.jsonl#2")] == [
        "2024-02-20", "2024-02-02T08:30:00", "2024-03-02", "2024-01-01"]
