"""The library as a user meets it: ``import rashomon``, its names and ``analyze``'s signature."""

from __future__ import annotations

import pytest

import inspect
import os
import subprocess
import sys
import typing
from pathlib import Path

import rashomon
from rashomon.records import Report

from data_paths import EXAMPLES


def test_top_level_names() -> None:
    from rashomon import render_json, render_markdown
    from rashomon.report.json import render_json as json_module_render
    from rashomon.report.markdown import render_markdown as markdown_module_render

    assert render_json is json_module_render
    assert render_markdown is markdown_module_render
    assert set(rashomon.__all__) >= {"analyze", "render_json", "render_markdown", "Settings", "RashomonError"}
    assert all(hasattr(rashomon, name) for name in rashomon.__all__)


def test_analyze_signature_is_keyword_only_and_typed() -> None:
    from rashomon.run.pipeline import analyze as run_analyze

    params = inspect.signature(rashomon.analyze).parameters
    assert list(params) == list(inspect.signature(run_analyze).parameters)
    assert params["paths"].kind is inspect.Parameter.POSITIONAL_OR_KEYWORD
    rest = [p for name, p in params.items() if name != "paths"]
    assert rest and all(p.kind is inspect.Parameter.KEYWORD_ONLY for p in rest)
    assert all(p.default == inspect.signature(run_analyze).parameters[p.name].default for p in rest)
    hints = typing.get_type_hints(rashomon.analyze)
    assert hints["return"] is Report
    assert set(hints) == {*params, "return"}


def test_package_is_typed() -> None:
    assert (Path(rashomon.__file__).parent / "py.typed").is_file()


def test_import_does_not_load_the_pipeline() -> None:
    # `import rashomon` stays light: the pipeline (numpy, scipy, spaCy) loads on first analyze.
    code = "import sys, rashomon; print(sorted({'numpy', 'scipy', 'spacy', 'torch'} & set(sys.modules)))"
    env = {**os.environ, "PYTHONPATH": str(Path(rashomon.__file__).parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == "[]"


@pytest.mark.models
def test_analyze_takes_one_str_path_as_one_path() -> None:
    options = {"manifest": EXAMPLES / "manifest.csv", "sources": EXAMPLES / "sources.json"}
    one = rashomon.analyze(str(EXAMPLES), **options)
    listed = rashomon.analyze([EXAMPLES], **options)
    assert one.skipped == []
    assert len(one.articles) == len(list(EXAMPLES.glob("0*")))
    assert rashomon.render_json(one) == rashomon.render_json(listed)
    assert rashomon.render_markdown(one) == rashomon.render_markdown(listed)
