"""Reading and cleaning in a forked child while this process loads spaCy
(``rashomon.run.prepare``): the same stream as in one process, skipped inputs included; the
tables come back from the child; what fails on either side stops the run as it would in one
process, and leaves no reader behind."""

from __future__ import annotations

import gzip
import io
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


def _reader(root: Path, workers: int, pool_from: int = 64) -> prepare.ReadAhead:
    settings = Settings().replace({"run": {"workers": workers, "min_pool_articles": pool_from},
                                   "analysis": {"batch_size": 1}})
    items = read_inputs([root], settings=settings.ingest)
    return prepare.ReadAhead(items, settings=settings, progress=Progress(None), stage_times={})


def _read(root: Path, workers: int) -> list:
    with _reader(root, workers) as reader:
        stream = reader.cleaned()
        reader.finish()
    return stream


def _view(items: list) -> list[tuple]:
    return [(type(i).__name__, os.path.basename(i.path), i.reason if isinstance(i, Skipped) else (i.id, i.text))
            for i in items]


def test_one_process_reads_when_asked(tmp_path: Path) -> None:
    assert not prepare.reads_ahead(Settings().replace({"run": {"workers": 1}}))
    # A child could not show its progress on an in-memory stream.
    assert not prepare.reads_ahead(Settings().replace({"run": {"workers": 2}}), Progress(io.StringIO()))
    reader = _reader(_inputs(tmp_path), 1)
    with reader:
        assert reader._child is None
        items = reader.cleaned()
        reader.finish()
    assert [name for _, name, _ in _view(items)] == ["a.txt", "b.txt", "bad.json", "copy.txt.gz", "empty.txt"]
    assert "read+clean" in reader.stage_times


@needs_fork
def test_a_forked_reader_gives_the_same_stream_and_the_tables(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    monkeypatch.setattr(gazetteer, "_chains", None)
    monkeypatch.setattr(names, "_built", None)
    root = _inputs(tmp_path)
    assert prepare.reads_ahead(Settings().replace({"run": {"workers": 2}}))
    with _reader(root, 2, pool_from=2) as reader:  # two articles: analyzed by two workers
        assert reader._child is not None and reader._child.is_alive()
        ahead = reader.cleaned()
        # The stream and the places first; the name tables when asked for.
        assert gazetteer._chains is not None and "los angeles" in gazetteer._chains
        assert names._built is None
        reader.finish()
        assert names._built is not None
    assert _view(ahead) == _view(_read(root, 1))
    skipped = {name: reason for kind, name, reason in _view(ahead) if kind == "Skipped"}
    assert set(skipped) == {"bad.json", "copy.txt.gz", "empty.txt"}
    assert "identical to" in skipped["copy.txt.gz"]
    assert not multiprocessing.active_children()


@needs_fork
def test_a_run_in_one_process_gets_no_tables_from_the_reader(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    # Two articles stay in one process (below the pool threshold): the tables are built
    # where they are needed, if they are (the seeds look up no GeoNames place).
    monkeypatch.setattr(gazetteer, "_chains", None)
    monkeypatch.setattr(names, "_built", None)
    with _reader(_inputs(tmp_path), 2) as reader:
        assert len(reader.cleaned()) == 5
        reader.finish()
    assert gazetteer._chains is None and names._built is None


@needs_fork
def test_a_failure_in_the_reader_is_raised_here(tmp_path: Path, monkeypatch) -> None:  # noqa: ANN001
    def broken(items, *, settings):  # noqa: ANN001, ANN202
        raise ValueError("the cleaner broke")
        yield

    monkeypatch.setattr(prepare, "clean_articles", broken)  # the forked child inherits it
    with pytest.raises(ValueError, match="the cleaner broke"), _reader(_inputs(tmp_path), 2) as reader:
        reader.cleaned()
    assert not multiprocessing.active_children()


@needs_fork
def test_leaving_early_stops_the_reader(tmp_path: Path) -> None:
    # spaCy fails to load (or Ctrl-C) before the stream or the name tables are taken.
    for take_stream in (False, True):
        with pytest.raises(RuntimeError, match="no model"), _reader(_inputs(tmp_path), 2) as reader:
            if take_stream:
                reader.cleaned()
            raise RuntimeError("no model")
        assert not multiprocessing.active_children()
