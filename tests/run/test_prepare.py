"""Reading and cleaning in a forked child while this process loads spaCy
(``rashomon.run.prepare``): the same stream as in one process, skipped inputs included; the
tables come back from the child; what fails on either side stops the run as it would in one
process, and leaves no reader behind."""

from __future__ import annotations

import gzip
import multiprocessing
import os
from pathlib import Path

import pytest

import rashomon.gazetteer as gazetteer
import rashomon.resolve.names as names
import rashomon.run.prepare as prepare
from rashomon.ingest import read_inputs
from rashomon.records import Skipped
from rashomon.run.executor import forks_workers
from rashomon.run.progress import Progress
from rashomon.settings import Settings

needs_fork = pytest.mark.skipif(
    not forks_workers() or (os.cpu_count() or 1) < 2, reason="reads ahead only where workers are forked"
)

ENGLISH = ("Officials met in the capital on Monday to discuss the new trade agreement with "
           "their neighbours, and said that talks would resume after the holiday.")
OTHER = ("The river burst its banks overnight and the mayor said that more than two hundred "
         "homes in the old town had been flooded by the morning.")


def _inputs(root: Path) -> Path:
    (root / "a.txt").write_text(ENGLISH)
    (root / "b.txt").write_text(OTHER)
    (root / "copy.txt.gz").write_bytes(gzip.compress(ENGLISH.encode()))  # a duplicate
    (root / "empty.txt").write_text("   \n")  # nothing to read
    (root / "bad.json").write_text("{not json")  # a record that cannot be read
    return root


def _read(root: Path, workers: int, meanwhile=lambda: None) -> list:  # noqa: ANN001
    settings = Settings().replace({"run": {"workers": workers}})
    items = read_inputs([root], settings=settings.ingest)
    return prepare.read_and_clean(items, settings=settings, progress=Progress(None), meanwhile=meanwhile)


def _view(items: list) -> list[tuple]:
    return [(type(i).__name__, os.path.basename(i.path), i.reason if isinstance(i, Skipped) else (i.id, i.text))
            for i in items]


def test_one_process_reads_then_runs_meanwhile(tmp_path: Path) -> None:
    assert not prepare.reads_ahead(Settings().replace({"run": {"workers": 1}}))
    order: list[str] = []
    items = _read(_inputs(tmp_path), 1, meanwhile=lambda: order.append("meanwhile"))
    assert order == ["meanwhile"]
    assert [name for _, name, _ in _view(items)] == ["a.txt", "b.txt", "bad.json", "copy.txt.gz", "empty.txt"]


@needs_fork
def test_a_forked_reader_gives_the_same_stream_and_the_tables(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(gazetteer, "_chains", None)
    monkeypatch.setattr(names, "_built", None)
    root = _inputs(tmp_path)
    here = os.getpid()
    ran_in: list[int] = []
    assert prepare.reads_ahead(Settings().replace({"run": {"workers": 2}}))
    ahead = _read(root, 2, meanwhile=lambda: ran_in.append(os.getpid()))
    assert ran_in == [here]  # meanwhile ran in this process
    assert _view(ahead) == _view(_read(root, 1))
    skipped = {name: reason for kind, name, reason in _view(ahead) if kind == "Skipped"}
    assert set(skipped) == {"bad.json", "copy.txt.gz", "empty.txt"}
    assert "identical to" in skipped["copy.txt.gz"]
    # The child built the tables; this process adopted them instead of building its own.
    assert gazetteer._chains is not None and "los angeles" in gazetteer._chains
    assert names._built is not None
    assert not multiprocessing.active_children()


@needs_fork
def test_a_failure_in_the_reader_is_raised_here(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    def broken(items, *, settings):  # noqa: ANN001, ANN202
        raise ValueError("the cleaner broke")
        yield

    monkeypatch.setattr(prepare, "clean_articles", broken)  # the forked child inherits it
    with pytest.raises(ValueError, match="the cleaner broke"):
        _read(_inputs(tmp_path), 2)
    assert not multiprocessing.active_children()


@needs_fork
def test_a_failure_meanwhile_stops_the_reader(tmp_path: Path) -> None:
    def meanwhile() -> None:
        raise RuntimeError("no model")

    with pytest.raises(RuntimeError, match="no model"):
        _read(_inputs(tmp_path), 2, meanwhile=meanwhile)
    assert not multiprocessing.active_children()
