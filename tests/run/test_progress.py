"""Progress: every stage of a run is named on the stream asked for, and nothing is written
when none is."""

from __future__ import annotations

import io
from pathlib import Path

from rashomon.run.pipeline import analyze
from rashomon.run.progress import Progress, progress_for

STAGES = ("reading and cleaning", "analyzing", "finding copies", "grouping stories", "comparing story by story")
ARTICLE = (
    "The city council approved a new budget for public transport on Monday, officials said.\n"
    "The plan adds forty buses and extends the night service to every district of the city.\n"
)


def test_a_run_names_every_stage_on_the_stream(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    stream = io.StringIO()
    report = analyze([tmp_path], progress=Progress(stream))
    assert len(report.articles) == 1
    written = stream.getvalue()
    positions = [written.find(stage) for stage in STAGES]
    assert -1 not in positions and positions == sorted(positions), written
    assert "0/1" in written  # the analysis shows how many articles it has to do


def test_silent_progress_writes_nothing() -> None:
    silent = progress_for(False)
    assert not silent.enabled
    with silent.stage("analyzing", total=3) as advance:
        advance(3)
    assert list(silent.over("stories", [1, 2])) == [1, 2]
    stream = io.StringIO()
    assert progress_for(Progress(stream)).stream is stream
