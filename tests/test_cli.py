"""The command line: help, exit statuses, errors without tracebacks, output files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rashomon.cli import EXIT_ERROR, EXIT_OK, EXIT_SKIPPED, app

runner = CliRunner()


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


ARTICLE = (
    "The city council approved a new budget for public transport on Monday, officials said.\n"
    "The plan adds forty buses and extends the night service to every district of the city.\n"
)


def test_help_teaches_the_commands() -> None:
    result = runner.invoke(app, ["--help"])
    assert result.exit_code == 0
    for command in ("analyze", "clean", "eval"):
        assert command in result.output
    result = runner.invoke(app, ["analyze", "--help"])
    assert "--manifest" in result.output and "Exit status" in result.output


def test_clean_jsonl_and_skipped_inputs_set_the_exit_status(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ARTICLE + "Leave a Reply\n")
    (tmp_path / "in" / "b.txt").write_bytes(b"\x00\x01\x02binary\x00")
    out = tmp_path / "out.jsonl"
    result = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(out)])
    assert result.exit_code == EXIT_SKIPPED
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(records) == 1
    assert "Leave a Reply" not in records[0]["text"]
    assert {"kind": "boilerplate", "text": "Leave a Reply"} in records[0]["removed"]
    assert "b.txt" in result.stderr


def test_every_skip_is_on_stderr_and_copies_name_the_input_kept(tmp_path: Path) -> None:
    for name in ("a.json", "b.json"):
        write(tmp_path / "in" / name, "[]")
    write(tmp_path / "in" / "c.txt", ARTICLE)
    write(tmp_path / "in" / "d.txt", ARTICLE)
    result = runner.invoke(app, ["clean", str(tmp_path / "in"), "-o", str(tmp_path / "out")])
    assert result.exit_code == EXIT_SKIPPED
    shown = tmp_path / "in"
    assert result.stderr.splitlines() == [
        f"rashomon: skipped {shown / 'a.json'}: empty JSON array ([]): no records to read",
        f"rashomon: skipped {shown / 'b.json'}: empty JSON array ([]): no records to read",
        f"rashomon: skipped {shown / 'd.txt'}: identical to {shown / 'c.txt'}",
    ]


def test_clean_all_good_exits_zero(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    result = runner.invoke(app, ["clean", str(tmp_path / "a.txt"), "--format", "txt"])
    assert result.exit_code == EXIT_OK
    assert "forty buses" in result.stdout


def test_bad_settings_file_is_an_error_without_traceback(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    settings = write(tmp_path / "s.toml", "[nope]\n")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "--settings", str(settings)])
    assert result.exit_code == EXIT_ERROR
    assert "unknown section [nope]" in result.stderr
    assert "Traceback" not in result.output + result.stderr


def test_version_prints_the_installed_package_version() -> None:
    from importlib.metadata import version

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == EXIT_OK
    assert result.stdout == f"rashomon {version('rashomon')}\n"


def test_python_dash_m_runs_the_command_line() -> None:
    import subprocess
    import sys
    from importlib.metadata import version

    result = subprocess.run([sys.executable, "-m", "rashomon", "--version"], capture_output=True, text=True,
                            check=False)
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout == f"rashomon {version('rashomon')}\n"


@pytest.mark.models
def test_analyze_as_its_own_process_ends_with_its_exit_status(tmp_path: Path) -> None:
    # As a process of its own, analyze ends without taking the interpreter apart
    # (cli._end_process): the report, the skipped input on stderr and the status are all there.
    write(tmp_path / "in" / "a.txt", ARTICLE)
    write(tmp_path / "in" / "empty.txt", "  \n")
    report = tmp_path / "report.json"
    result = subprocess.run([sys.executable, "-m", "rashomon", "analyze", str(tmp_path / "in"), "-o", str(report)],
                            capture_output=True, text=True, check=False)
    assert result.returncode == EXIT_SKIPPED, result.stderr
    assert "skipped" in result.stderr and "empty.txt" in result.stderr
    assert len(json.loads(report.read_text(encoding="utf-8"))["articles"]) == 1
    result = subprocess.run([sys.executable, "-m", "rashomon", "analyze", str(tmp_path / "in" / "a.txt"), "-f", "md"],
                            capture_output=True, text=True, check=False)
    assert result.returncode == EXIT_OK, result.stderr
    assert result.stdout.startswith("# Rashomon report\n")


@pytest.mark.models
def test_output_suffix_sets_the_format_and_format_wins(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    report = tmp_path / "report.md"
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "-o", str(report)])
    assert result.exit_code == EXIT_OK, result.output
    assert report.read_text(encoding="utf-8").startswith("# Rashomon report\n")
    result = runner.invoke(app, ["analyze", str(tmp_path / "a.txt"), "-o", str(report), "-f", "json"])
    assert result.exit_code == EXIT_OK
    assert json.loads(report.read_text(encoding="utf-8"))["schema"] == "rashomon.report/3"


def test_clean_output_suffix_sets_the_format_and_no_suffix_keeps_the_default(tmp_path: Path) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    text, plain, forced = tmp_path / "out.txt", tmp_path / "out", tmp_path / "forced.txt"
    assert runner.invoke(app, ["clean", str(tmp_path / "a.txt"), "-o", str(text)]).exit_code == EXIT_OK
    assert text.read_text(encoding="utf-8").startswith(f"# {tmp_path / 'a.txt'}\npath: ")
    assert runner.invoke(app, ["clean", str(tmp_path / "a.txt"), "-o", str(plain)]).exit_code == EXIT_OK
    assert "forty buses" in json.loads(plain.read_text(encoding="utf-8"))["text"]
    result = runner.invoke(app, ["clean", str(tmp_path / "a.txt"), "-o", str(forced), "--format", "jsonl"])
    assert result.exit_code == EXIT_OK
    assert json.loads(forced.read_text(encoding="utf-8"))["path"] == str(tmp_path / "a.txt")


@pytest.mark.parametrize("command, name, message", [
    ("analyze", "report.txt", "cannot tell the format from the name report.txt: end it in .htm, "
                              ".html, .json, .markdown or .md, or give --format json or md or html"),
    ("clean", "out.json", "cannot tell the format from the name out.json: end it in .jsonl, .ndjson "
                          "or .txt, or give --format jsonl or txt"),
    ("analyze", "no/such/folder/report.md", "cannot write {tmp}/no/such/folder/report.md: there is "
                                            "no folder {tmp}/no/such/folder"),
])
def test_an_output_that_cannot_be_written_as_asked_is_refused_before_any_work(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: str, name: str, message: str
) -> None:
    import rashomon.run.pipeline as pipeline

    def never(*args, **kwargs):  # noqa: ANN002, ANN003, ANN202
        raise AssertionError("the run started")

    monkeypatch.setattr(pipeline, "analyze", never)
    monkeypatch.setattr(pipeline, "clean", never)
    write(tmp_path / "a.txt", ARTICLE)
    result = runner.invoke(app, [command, str(tmp_path / "a.txt"), "-o", str(tmp_path / name)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == f"rashomon: error: {message.format(tmp=tmp_path)}\n"
    assert not (tmp_path / name).exists()


@pytest.mark.parametrize("command", ["analyze", "clean"])
def test_a_path_that_does_not_exist_writes_nothing(tmp_path: Path, command: str) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    out = tmp_path / "out"
    result = runner.invoke(app, [command, str(tmp_path / "a.txt"), str(tmp_path / "absent.txt"),
                                 "-o", str(out)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == (f"rashomon: error: no such file or directory: {tmp_path / 'absent.txt'}; "
                             "check the path (nothing was read)\n")
    assert not out.exists()


@pytest.mark.parametrize("command", ["analyze", "clean"])
@pytest.mark.parametrize("files", [{}, {"scan.pdf": "%PDF-1.7"}])
def test_paths_without_an_article_file_write_nothing(tmp_path: Path, command: str, files: dict) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    for name, text in files.items():
        write(folder / name, text)
    result = runner.invoke(app, [command, str(folder)])
    assert result.exit_code == EXIT_ERROR
    assert result.stdout == ""
    assert result.stderr.startswith(f"rashomon: error: no article files in {folder}: found ")
    assert "name files or folders that hold .txt, .md, .html" in result.stderr


@pytest.mark.parametrize("command", ["analyze", "clean"])
@pytest.mark.parametrize("published, why", [
    ("02/03/2024", "is ambiguous (2 March 2024 or 3 February 2024)"),
    ("2024-02-30", "names a day that does not exist"),
])
def test_a_bad_manifest_date_is_an_error_naming_file_row_and_value(
    tmp_path: Path, command: str, published: str, why: str
) -> None:
    write(tmp_path / "a.txt", ARTICLE)
    manifest = write(tmp_path / "meta.csv", f"path,outlet,published\na.txt,Daily Example,{published}\n")
    out = tmp_path / "out"
    result = runner.invoke(app, [command, str(tmp_path / "a.txt"), "-m", str(manifest), "-o", str(out)])
    assert result.exit_code == EXIT_ERROR
    assert result.stderr == (
        f"rashomon: error: manifest {manifest}, row 2 (a.txt): published {published!r} {why}; "
        "write dates as YYYY-MM-DD or as an ISO date-time such as 2024-02-20T08:00:00+09:00\n")
    assert "Traceback" not in result.output
    assert not out.exists()


def test_console_script_runs_as_a_module() -> None:
    result = subprocess.run(
        [sys.executable, "-c", "from rashomon.cli import app; app()", "--help"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0 and "analyze" in result.stdout


@pytest.mark.models
def test_an_article_whose_analysis_fails_is_counted_not_fatal(tmp_path: Path, monkeypatch) -> None:
    import rashomon.analysis.claims as claims
    from rashomon.run.pipeline import analyze

    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", ARTICLE.replace("forty", "fifty").replace("budget", "plan"))

    def broken(doc, *, article, registry):  # noqa: ANN001, ANN202
        if article.path.endswith("b.txt"):
            raise ValueError("parser produced no root")
        return []

    monkeypatch.setattr(claims, "extract_claims", broken)
    report = analyze([tmp_path])
    assert len(report.articles) == 2
    assert len(report.warnings) == 1
    warning = report.warnings[0]
    b = next(a for a in report.articles if a.path.endswith("b.txt"))
    assert (warning.stage, warning.subject) == ("analyze", b.id)
    assert "b.txt: analysis failed (ValueError" in warning.message


def test_match_names_prints_verdict_score_and_reasons() -> None:
    same = runner.invoke(app, ["match-names", "Comrade Kim Yo-jong", "Kim Yo Jong"])
    assert same.exit_code == 0 and same.stdout.startswith("same (score 1.00)")
    different = runner.invoke(app, ["match-names", "Kim Jong Un", "Kim Yo Jong"])
    assert different.stdout.startswith("different")
    possible = runner.invoke(app, ["match-names", "Pak Jong Chon", "Park Chung Chol", "--role", "party secretary"])
    assert possible.stdout.startswith("possible")
    assert "same role 'party secretary'" in possible.stdout


@pytest.mark.models
def test_eval_attribution_scores_a_gold_file_and_reports_a_bad_one(tmp_path: Path) -> None:
    record = {
        "id": "p", "outlet": "NK News",
        "text": "Yonhap reported that the launch had failed. The site was quiet on Friday.",
        "sentences": [
            {"text": "Yonhap reported that the launch had failed.", "type": "news_outlet", "name": "Yonhap"},
            {"text": "The site was quiet on Friday.", "type": "self", "name": None},
        ],
    }
    gold = write(tmp_path / "gold.jsonl", json.dumps(record) + "\n")
    result = runner.invoke(app, ["eval", "attribution", str(gold), "--mistakes"])
    assert result.exit_code == EXIT_OK, result.output
    assert "news_outlet" in result.stdout and "name: P 1.000 R 1.000 F1 1.000" in result.stdout
    assert "no mistakes" in result.stdout
    missing = runner.invoke(app, ["eval", "attribution", str(tmp_path / "absent.jsonl")])
    assert missing.exit_code == EXIT_ERROR and "does not exist" in missing.output
    help_text = runner.invoke(app, ["eval", "attribution", "--help"]).output
    assert "anonymous_source" in help_text and "--mistakes" in help_text


def test_progress_names_the_stages_on_stderr_when_asked_and_quiet_silences_it(tmp_path: Path) -> None:
    write(tmp_path / "in" / "a.txt", ARTICLE)
    shown = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--progress", "-o", str(tmp_path / "r.json")])
    assert shown.exit_code == EXIT_OK
    for stage in ("reading and cleaning", "analyzing", "grouping stories", "writing the report"):
        assert stage in shown.stderr
    quiet = runner.invoke(app, ["analyze", str(tmp_path / "in"), "--progress", "--quiet", "--workers", "2",
                                "-o", str(tmp_path / "q.json")])
    assert quiet.exit_code == EXIT_OK and quiet.stderr == ""
    assert (tmp_path / "q.json").read_bytes() == (tmp_path / "r.json").read_bytes()
    # Not a terminal and not asked: nothing.
    plain = runner.invoke(app, ["analyze", str(tmp_path / "in"), "-o", str(tmp_path / "p.json")])
    assert plain.exit_code == EXIT_OK and plain.stderr == ""
