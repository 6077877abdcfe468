"""The ``rashomon`` command: a thin layer over the library (each command calls one function).

Each command imports the library function it calls inside its body, on purpose: ``rashomon
--help`` then answers in about 0.2 s, where importing the pipeline alone (numpy, the
embedding code) takes 0.3 s more, and the eval commands more still."""

from __future__ import annotations

import atexit
import datetime
import enum
import gc
import json
import logging
import sys
from pathlib import Path
from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated, Optional, TypeVar

import typer

from rashomon.errors import RashomonError
from rashomon.settings import Settings

if TYPE_CHECKING:
    from rashomon.records import Report
    from rashomon.sources import SourceRegistry

app = typer.Typer(
    help=(
        "Read news reports of the same events and report, claim by claim, what the sources "
        "corroborate, where they conflict, and what only one of them says.\n\n"
        "Start with:  rashomon analyze examples/ --manifest examples/manifest.csv "
        "--sources examples/sources.json --format md"
    ),
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
eval_app = typer.Typer(help="Score a stage against a gold data set.", no_args_is_help=True)
app.add_typer(eval_app, name="eval")

# Exit statuses (documented in README.md).
EXIT_OK = 0
EXIT_SKIPPED = 1  # the report was written, but some inputs were skipped
EXIT_ERROR = 2  # nothing was written: bad arguments, settings, manifest or data set
EXIT_INTERRUPTED = 130  # ingest stopped by Ctrl-C after a stored batch (128 + SIGINT)


class ReportFormat(str, enum.Enum):
    json = "json"
    md = "md"
    html = "html"


# Suffixes that name a report format besides the formats' own names.
REPORT_ALIASES = {"markdown": ReportFormat.md, "htm": ReportFormat.html}


def _render_report(report: Report, format: ReportFormat, *,
                   sources: Callable[[], SourceRegistry] | None = None) -> str:
    """The report in ``format``; ``sources`` (a source registry) names outlet kinds in HTML."""
    if format is ReportFormat.html:
        from rashomon.report.html import render_html

        return render_html(report, sources=sources() if sources else None)
    if format is ReportFormat.md:
        from rashomon.report.markdown import render_markdown

        return render_markdown(report)
    from rashomon.report.json import render_json

    return render_json(report)


class CleanFormat(str, enum.Enum):
    jsonl = "jsonl"
    txt = "txt"


FormatT = TypeVar("FormatT", ReportFormat, CleanFormat)


PathsArg = Annotated[
    list[str],
    typer.Argument(
        help="Article files or directories (searched recursively): .txt, .md, .html, .htm "
        "(each optionally .gz), .json and .jsonl records; web archives (.warc, .warc.gz: each "
        "HTML page record); RSS/Atom feeds (.rss, .atom, .xml: each entry, its content or its "
        "link fetched); URL lists (.urls: one URL a line, # comments); http(s) URLs (a page, "
        "or a feed's entries). Fetching obeys robots.txt, waits between requests to a host and "
        "caps time, size and redirects (the fetch settings).",
        show_default=False,
        metavar="PATH|URL",
    ),
]
AllowPrivateOpt = Annotated[
    bool,
    typer.Option(
        "--allow-private",
        help="Let URLs reach loopback, private and link-local addresses (this machine, its "
        "network). Off: such a URL, or a redirect to one, is skipped with the reason.",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="Only errors on stderr.")]
ManifestOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--manifest",
        "-m",
        help="CSV or JSON sidecar giving per file: path, outlet, published (YYYY-MM-DD or an "
        "ISO date-time), url, language.",
    ),
]
SettingsOpt = Annotated[
    Optional[Path],
    typer.Option("--settings", help="TOML file overriding packaged defaults (see README)."),
]
OutputOpt = Annotated[
    Optional[Path],
    typer.Option(
        "--output", "-o",
        help="Write here instead of standard output; the file's suffix sets the format unless "
        "--format is given.",
    ),
]


def _print_version(value: bool) -> None:
    if value:
        from importlib import metadata

        try:
            version = metadata.version("rashomon")
        except metadata.PackageNotFoundError:  # run from a source tree that is not installed
            from rashomon import __version__ as version
        typer.echo(f"rashomon {version}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _options(
    version: Annotated[
        bool,
        typer.Option("--version", callback=_print_version, is_eager=True,
                     help="Print the version and exit."),
    ] = False,
) -> None:
    # The options of ``rashomon`` itself, before the command; the help is the app's.
    pass


def _format_of(given: FormatT | None, output: Path | None, choices: type[FormatT], *,
               default: FormatT, aliases: dict[str, FormatT]) -> FormatT:
    """``--format`` when given, else the one the output file's suffix names, else ``default``
    (standard output, or a file without a suffix). A suffix that names no format, or an output
    folder that does not exist, is an error before any work, not after a long run."""
    if output is not None and not output.parent.is_dir():
        raise RashomonError(f"cannot write {output}: there is no folder {output.parent}")
    if given is not None:
        return given
    suffix = output.suffix.lower().lstrip(".") if output is not None else ""
    if not suffix:
        return default
    known = {c.value: c for c in choices} | aliases
    if suffix not in known:
        *most, last = sorted("." + k for k in known)
        raise RashomonError(
            f"cannot tell the format from the name {output.name}: end it in {', '.join(most)} "
            f"or {last}, or give --format {' or '.join(c.value for c in choices)}"
        )
    return known[suffix]


def _configure_logging(quiet: bool) -> None:
    logging.basicConfig(
        level=logging.ERROR if quiet else logging.WARNING,
        format="rashomon: %(levelname)s: %(message)s",
        stream=sys.stderr,
    )


def _write(text: str, output: Path | None) -> None:
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        output.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise RashomonError(f"cannot write {output}: {exc.strerror or exc}") from None


def _fail(exc: RashomonError) -> typer.Exit:
    typer.echo(f"rashomon: error: {exc}", err=True)
    return typer.Exit(EXIT_ERROR)


def _freeze_heap_at_exit() -> None:
    """Spare the interpreter's last garbage collection over the loaded models and the report:
    the process is about to end and give all its memory back (0.5 s of every run that loaded
    spaCy, measured on the seeds and on 300 ECB+ documents)."""
    if not getattr(_freeze_heap_at_exit, "registered", False):
        atexit.register(gc.freeze)
        _freeze_heap_at_exit.registered = True  # type: ignore[attr-defined]


def _end_process(code: int) -> None:
    """End the process now with ``code`` when this command is the whole process (not run
    inside another program, such as a test's CLI runner, which swaps the standard streams):
    the exit handlers run as at any exit, but the interpreter does not then take apart every
    module it loaded (spaCy, torch: 0.2-0.25 s of every run on 300 ECB+ documents, after the
    report was written). Otherwise it returns, and the command exits as usual."""
    import os
    import threading

    if sys.stdout is not sys.__stdout__ or sys.stderr is not sys.__stderr__:
        return
    if threading.current_thread() is not threading.main_thread():
        return
    sys.stdout.flush()
    sys.stderr.flush()
    atexit._run_exitfuncs()  # what registered to run at exit runs, as at any exit
    os._exit(code)


def _allowing_private(settings: Settings, allow: bool) -> Settings:
    """``settings`` with fetch.allow_private on when ``--allow-private`` is given."""
    return settings.replace({"fetch": {"allow_private": True}}, origin="--allow-private") if allow else settings


def _report_skipped(skipped: list) -> None:  # noqa: ANN001
    for item in skipped:
        typer.echo(f"rashomon: skipped {item.path}: {item.reason}", err=True)


@app.command()
def analyze(
    paths: PathsArg,
    manifest: ManifestOpt = None,
    format: Annotated[
        Optional[ReportFormat],
        typer.Option(
            "--format", "-f",
            help="json (schema rashomon.report/3), md or html (one self-contained page). "
            "Default: what the -o file's suffix names (.json; .md or .markdown; .html or "
            ".htm), else json. Given, it wins over the suffix.",
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
    settings: SettingsOpt = None,
    sources: Annotated[
        Optional[Path],
        typer.Option("--sources", help="JSON file of extra outlets/agencies for the registry."),
    ] = None,
    workers: Annotated[
        Optional[int],
        typer.Option(
            "--workers",
            min=0,
            help="Processes that analyze articles and compare stories: 0 one per core, 1 all in "
            "this one. Default: the setting run.workers (one per core). The report is the same "
            "whatever the number.",
            show_default=False,
        ),
    ] = None,
    progress: Annotated[
        Optional[bool],
        typer.Option(
            "--progress/--no-progress",
            help="Show each stage and how far it has got on stderr. Default: when stderr is a "
            "terminal.",
            show_default=False,
        ),
    ] = None,
    quiet: QuietOpt = False,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Group articles into stories and report corroborated, conflicting and unique claims.

    Exit status: 0 all inputs analyzed; 1 report written but some inputs skipped (listed in
    the report and on stderr); 2 nothing written (bad arguments, settings or manifest, a path
    that does not exist, no article file among the paths).
    """
    from rashomon.run.pipeline import analyze as run_analyze
    from rashomon.run.progress import Progress

    _configure_logging(quiet)
    _freeze_heap_at_exit()
    show = not quiet and (progress if progress is not None else sys.stderr.isatty())
    shown = Progress(sys.stderr if show else None)
    try:
        format = _format_of(format, output, ReportFormat, default=ReportFormat.json,
                            aliases=REPORT_ALIASES)
        loaded = _allowing_private(Settings.load(settings), allow_private)
        if workers is not None:
            loaded = loaded.replace({"run": {"workers": workers}}, origin="--workers")
        report = run_analyze(paths, manifest=manifest, settings=loaded, sources=sources, progress=shown)
        with shown.stage("writing the report", unit=None):
            from rashomon.sources import load_sources

            _write(_render_report(report, format, sources=lambda: load_sources(sources)), output)
    except RashomonError as exc:
        raise _fail(exc) from None
    if not quiet:
        _report_skipped(report.skipped)
    code = EXIT_SKIPPED if report.skipped else EXIT_OK
    _end_process(code)
    raise typer.Exit(code)


@app.command()
def clean(
    paths: PathsArg,
    manifest: ManifestOpt = None,
    format: Annotated[
        Optional[CleanFormat],
        typer.Option(
            "--format", "-f",
            help="jsonl: one record per article; txt: readable text. Default: what the -o "
            "file's suffix names (.jsonl or .ndjson; .txt), else jsonl. Given, it wins over "
            "the suffix.",
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
    settings: SettingsOpt = None,
    quiet: QuietOpt = False,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Extract and clean articles only: text, metadata and what was removed as debris.

    Exit status as for analyze: 0 all inputs cleaned; 1 written but some inputs skipped; 2
    nothing written.
    """
    from rashomon.run.pipeline import clean as run_clean

    _configure_logging(quiet)
    try:
        format = _format_of(format, output, CleanFormat, default=CleanFormat.jsonl,
                            aliases={"ndjson": CleanFormat.jsonl})
        articles, skipped = run_clean(paths, manifest=manifest,
                                      settings=_allowing_private(Settings.load(settings), allow_private))
        fields = ("id", "path", "outlet", "title", "published", "url", "language", "byline", "text")
        if format is CleanFormat.jsonl:
            lines = []
            for a in articles:
                record = {f: getattr(a, f) for f in fields}
                record["removed"] = [{"kind": r.kind, "text": r.text} for r in a.removed]
                if a.provenance:
                    record["provenance"] = a.provenance
                lines.append(json.dumps(record, ensure_ascii=False))
            text = "".join(line + "\n" for line in lines)
        else:
            blocks = []
            for a in articles:
                head = [f"# {a.title or a.path}", f"path: {a.path}"]
                head += [f"{f}: {getattr(a, f)}" for f in ("outlet", "published", "url", "byline") if getattr(a, f)]
                removed = [f"[removed {r.kind}] {r.text}" for r in a.removed]
                blocks.append("\n".join(head + ["", a.text, ""] + removed))
            text = "\n\n".join(blocks) + ("\n" if blocks else "")
        _write(text, output)
    except RashomonError as exc:
        raise _fail(exc) from None
    if not quiet:
        _report_skipped(skipped)
    raise typer.Exit(EXIT_SKIPPED if skipped else EXIT_OK)


@app.command("match-names")
def match_names_command(
    first: Annotated[str, typer.Argument(help="A name, e.g. 'Pak Jong Chon'.", show_default=False)],
    second: Annotated[str, typer.Argument(help="Another name, e.g. 'Park Chung Chol'.", show_default=False)],
    role: Annotated[
        Optional[list[str]],
        typer.Option("--role", help="A role both names hold in the same story (repeatable), "
                     "e.g. --role 'party secretary'."),
    ] = None,
) -> None:
    """Say whether two names are one person: same / possible / different, a score and why.

    Titles and honorifics are ignored; Korean romanisations (McCune-Reischauer, Revised,
    DPRK and Western spellings, Hangul) and Russian transliterations count as one name, and so
    do a body's name and its acronym ('USGS' / 'U.S. Geological Survey').
    """
    from rashomon.resolve.names import NameContext, match_names

    context = NameContext(roles=frozenset(r.lower() for r in role), story="cli") if role else None
    result = match_names(first, second, context_a=context, context_b=context)
    typer.echo(f"{result.verdict} (score {result.score:.2f})")
    for reason in result.reasons:
        typer.echo(f"- {reason}")


def _print_scores(evaluate, *, mistakes: bool = False) -> None:  # noqa: ANN001 - a no-argument evaluation
    """Run one evaluation and print its summary (and, with ``mistakes``, what it scored
    wrong); a data-set error is a clean exit 2."""
    _configure_logging(False)
    try:
        scores = evaluate()
    except RashomonError as exc:
        raise _fail(exc) from None
    typer.echo(scores.summary())
    if mistakes:
        typer.echo(scores.mistakes_text())


@eval_app.command("ecbplus")
def eval_ecbplus(
    root: Annotated[Path, typer.Argument(help="The ecbplus folder (holds ECB+/<topic>/…xml).")],
    settings: SettingsOpt = None,
) -> None:
    """Story clustering on ECB+: B-cubed and pairwise P/R/F1 against the 86 gold sub-topics."""
    from rashomon.eval.ecbplus import evaluate_ecbplus

    _print_scores(
        lambda: evaluate_ecbplus(root, settings=Settings.load(settings), progress=sys.stderr.isatty())
    )


@eval_app.command("aeb")
def eval_aeb(
    root: Annotated[Path, typer.Argument(help="The zyte-aeb folder (html/, ground-truth.json).")],
    settings: SettingsOpt = None,
) -> None:
    """Article-body extraction on the Zyte benchmark: word 4-gram P/R/F1 over its pages."""
    from rashomon.eval.aeb import evaluate_aeb

    _print_scores(
        lambda: evaluate_aeb(root, settings=Settings.load(settings), progress=sys.stderr.isatty())
    )


@eval_app.command("names")
def eval_names(
    root: Annotated[
        Path, typer.Argument(help="The korean-names folder (korean_names_comprehensive.json).")
    ],
) -> None:
    """Korean surname romanisation: variant recall and false-merge rate of the name keys."""
    from rashomon.eval.names import evaluate_names

    _print_scores(lambda: evaluate_names(root))


@eval_app.command("attribution")
def eval_attribution(
    path: Annotated[
        Optional[Path],
        typer.Argument(
            help="A JSONL gold file of passages (one article text per line, each sentence "
            "with its gold type and name; layout in rashomon.eval.attribution). Default: the "
            "packaged gold set.",
            show_default=False,
        ),
    ] = None,
    settings: SettingsOpt = None,
    mistakes: Annotated[
        bool, typer.Option("--mistakes", help="Also list every sentence scored wrong.")
    ] = False,
) -> None:
    """Claim attribution: precision, recall and F1 per type, type F1 and name F1.

    Each passage runs through the full analysis; each gold sentence takes the attribution of the claim covering it.

    Types: state_media, official, named_person, anonymous_source, news_outlet, document, self.

    A name counts only when its type is right. Example: rashomon eval attribution --mistakes
    """
    from rashomon.eval.attribution import evaluate_attribution

    _print_scores(lambda: evaluate_attribution(path, settings=Settings.load(settings)), mistakes=mistakes)


@eval_app.command("quotes")
def eval_quotes(
    path: Annotated[
        Optional[Path],
        typer.Argument(
            help="A JSONL gold file of passages with their quotes (layout in "
            "rashomon.eval.quotes). Default: the packaged gold set.",
            show_default=False,
        ),
    ] = None,
    settings: SettingsOpt = None,
    mistakes: Annotated[
        bool, typer.Option("--mistakes", help="Also list every missed, extra or misattributed quote.")
    ] = False,
) -> None:
    """Quotations: detection P/R/F1, exact-span and speaker accuracy, per kind.

    A predicted quote matches a gold one when their spans overlap by half their union; the
    speaker counts when it resolves to the gold person or body (anonymous: an anonymous
    attribution).

    Example: rashomon eval quotes --mistakes
    """
    from rashomon.eval.quotes import evaluate_quotes

    _print_scores(lambda: evaluate_quotes(path, settings=Settings.load(settings)), mistakes=mistakes)


@eval_app.command("findings")
def eval_findings(
    root: Annotated[Path, typer.Argument(help="The ecbplus folder (holds ECB+/<topic>/…xml).")],
    gold: Annotated[
        Path,
        typer.Option(
            "--gold",
            help="The gold folder: values.jsonl, pairs.jsonl, attribution.jsonl, split.json, and "
            "optionally judged.jsonl (layout in rashomon.eval.findings; README in the repository's "
            "gold/findings).",
        ),
    ] = Path("gold/findings"),
    settings: SettingsOpt = None,
    mistakes: Annotated[
        bool,
        typer.Option(
            "--mistakes",
            help="Also list what was scored wrong on the development split (missed and false "
            "conflicts, missed and false corroborations, attribution).",
        ),
    ] = False,
    held_out_mistakes: Annotated[
        bool,
        typer.Option(
            "--held-out-mistakes",
            help="List the held-out split's mistakes too. Read them only once the rules are "
            "final: rules tuned on them no longer measure anything.",
        ),
    ] = False,
    dev_only: Annotated[
        bool,
        typer.Option(
            "--dev-only",
            help="Print the development split's scores alone, while rules are being written: the "
            "held-out split (and the whole gold, which holds it) stays unseen until a batch of "
            "changes is done.",
        ),
    ] = False,
    unread: Annotated[
        list[str] | None,
        typer.Option(
            "--unread",
            metavar="PREFIX",
            help="Keep the gold items whose ids start with PREFIX out of the mistakes listed (they "
            "are still scored; only their count is given): a round labelled blind, such as the "
            "sixth attribution round h11-, stays unread while rules are written. Repeatable.",
        ),
    ] = None,
) -> None:
    """Findings on real news: conflict precision and recall, false conflicts on compatible
    differences and updates, corroboration precision and recall, attribution type accuracy.

    Every gold ECB+ sub-topic is analyzed as one run of the pipeline; scores are printed for
    the whole gold set, its development topics and its held-out topics.

    Example: rashomon eval findings ../shared/datasets/ecbplus --gold gold/findings --mistakes
    --dev-only --unread h11-
    """
    from rashomon.eval.findings import evaluate_findings

    if dev_only and held_out_mistakes:
        raise _fail(RashomonError("--dev-only hides the held-out split and --held-out-mistakes lists it: drop one"))
    _configure_logging(False)
    try:
        scores = evaluate_findings(
            root, gold=gold, settings=Settings.load(settings), progress=sys.stderr.isatty()
        )
    except RashomonError as exc:
        raise _fail(exc) from None
    typer.echo(scores.summary(dev_only=dev_only))
    if mistakes or held_out_mistakes:
        typer.echo(scores.mistakes_text(held_out=held_out_mistakes, unread=unread or ()))


@eval_app.command("ecbplus-entities")
def eval_ecbplus_entities(
    root: Annotated[Path, typer.Argument(help="The ecbplus folder (holds ECB+/<topic>/…xml).")],
    settings: SettingsOpt = None,
) -> None:
    """Cross-document person resolution on ECB+'s HUMAN_PART_PER chains: MUC, B3, CEAF-e and
    CoNLL F1 of the resolver and of a same-head-word baseline."""
    from rashomon.eval.ecbplus_entities import evaluate_ecbplus_entities

    _print_scores(
        lambda: evaluate_ecbplus_entities(
            root, settings=Settings.load(settings).resolve, progress=sys.stderr.isatty()
        )
    )


if __name__ == "__main__":  # python -m rashomon.cli; the console script is rashomon.cli:app
    app()


# Corpus mode (rashomon.store): ingest into a DuckDB store, list its stories, report one.

DbOpt = Annotated[
    Path,
    typer.Option("--db", help="The corpus store, a DuckDB file (created by ingest)."),
]
BatchSizeOpt = Annotated[
    int, typer.Option("--batch-size", min=1, help="Articles analyzed and committed together.")
]
StoreProgressOpt = Annotated[
    bool, typer.Option("--progress/--no-progress", help="Show a progress bar on stderr.")
]


@app.command("ingest")
def ingest_command(
    paths: PathsArg,
    db: DbOpt = Path("rashomon.duckdb"),
    manifest: ManifestOpt = None,
    sources: Annotated[
        Optional[Path],
        typer.Option("--sources", help="JSON file of extra outlets/agencies for the registry; "
                     "kept in the store, so later ingests and reports use it."),
    ] = None,
    settings: SettingsOpt = None,
    batch_size: BatchSizeOpt = 200,
    progress: StoreProgressOpt = True,
    quiet: QuietOpt = False,
    allow_private: AllowPrivateOpt = False,
) -> None:
    """Add articles to a corpus store (a DuckDB file) and rebuild the stories they join.

    New articles are analyzed and stored; articles already stored are left as they are.
    Prints how many articles were new, already stored and skipped, and how many stories were
    rebuilt. Exit status: 0 every input stored or already there; 1 some inputs skipped
    (listed on stderr); 2 nothing stored (bad arguments, settings, manifest or store).
    """
    from rashomon.store import ingest as run_ingest

    _configure_logging(quiet)
    try:
        result = run_ingest(
            paths,
            db=db,
            manifest=manifest,
            sources=sources,
            settings=_allowing_private(Settings.load(settings), allow_private),
            batch_size=batch_size,
            progress=progress and not quiet and sys.stderr.isatty(),
        )
    except RashomonError as exc:
        raise _fail(exc) from None
    if not quiet:
        _report_skipped(result.skipped)
    typer.echo(
        f"{len(result.new)} new, {len(result.already_stored)} already stored, "
        f"{len(result.skipped)} skipped; {len(result.stories_rebuilt)} stories rebuilt "
        f"({result.stories} stories in {db}, {result.seconds:.1f} s)"
    )
    if result.interrupted:
        typer.echo("rashomon: stopped by Ctrl-C after a stored batch; ingest the same paths again "
                   "to add the rest (what is stored is skipped)", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    raise typer.Exit(EXIT_SKIPPED if result.skipped else EXIT_OK)


@app.command("reanalyze")
def reanalyze_command(
    db: DbOpt = Path("rashomon.duckdb"),
    settings: SettingsOpt = None,
    batch_size: BatchSizeOpt = 200,
    progress: StoreProgressOpt = True,
    quiet: QuietOpt = False,
) -> None:
    """Analyze every article of a corpus store again under these settings, and rebuild its stories.

    For a store built under other settings (another --settings file, or an older rashomon),
    which ingest refuses. A stopped or failed run leaves the store as it was, under its old
    settings; run it again to resume. Exit status: 0 done (or nothing to do); 2 bad store or
    settings; 130 stopped by Ctrl-C.
    """
    from rashomon.store import reanalyze

    _configure_logging(quiet)
    try:
        result = reanalyze(db=db, settings=Settings.load(settings), batch_size=batch_size,
                           progress=progress and not quiet and sys.stderr.isatty())
    except RashomonError as exc:
        raise _fail(exc) from None
    if result.run is None:
        typer.echo(f"nothing to do: {db} holds no articles" if result.before is None else
                   f"nothing to do: {db} is analyzed under these settings ({result.fingerprint}); "
                   f"{result.stories} stories")
        raise typer.Exit(EXIT_OK)
    resumed = f" ({result.resumed} done by an earlier run)" if result.resumed else ""
    typer.echo(f"{result.analyzed} articles analyzed again{resumed}; "
               + (f"{result.stories} stories rebuilt under {result.fingerprint} ({result.seconds:.1f} s)"
                  if result.switched else f"store still under {result.before}"))
    if result.interrupted:
        typer.echo("rashomon: stopped by Ctrl-C after a stored batch; run rashomon reanalyze again "
                   "to resume", err=True)
        raise typer.Exit(EXIT_INTERRUPTED)
    raise typer.Exit(EXIT_OK)


@app.command("stories")
def stories_command(
    db: DbOpt = Path("rashomon.duckdb"),
    outlet: Annotated[
        Optional[str], typer.Option("--outlet", help="Only stories an outlet of this name reports.")
    ] = None,
    has_conflicts: Annotated[
        bool, typer.Option("--has-conflicts", help="Only stories with a conflict.")
    ] = False,
    search: Annotated[
        Optional[str],
        typer.Option("--search", help="Only stories whose title or an article's title or text "
                     "holds this (any letter case)."),
    ] = None,
    since: Annotated[
        Optional[datetime.datetime],
        typer.Option("--since", formats=["%Y-%m-%d"],
                     help="Only stories reported on or after this day (YYYY-MM-DD)."),
    ] = None,
    source_type: Annotated[
        Optional[str],
        typer.Option("--source-type", help="Only stories an outlet of this kind reports: state_media, "
                     "wire, national_paper, broadcaster, specialist, government (the store's registry)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="A JSON list instead of a table.")] = False,
) -> None:
    """List the stories of a corpus store, most articles first.

    Columns: id, first and last report date, articles, outlets, conflicts, title."""
    import dataclasses

    from rashomon.store import list_stories

    try:
        stories = list_stories(db=db, outlet=outlet, has_conflicts=has_conflicts, search=search,
                               since=since.date() if since else None, source_type=source_type)
    except RashomonError as exc:
        raise _fail(exc) from None
    if as_json:
        typer.echo(json.dumps([dataclasses.asdict(s) for s in stories], ensure_ascii=False, indent=2))
        return
    if not stories:
        filtered = outlet or has_conflicts or search or since or source_type
        typer.echo("no stories" + (" match" if filtered else f" in {db}"))
        return
    rows = [("STORY", "FIRST", "LAST", "ARTICLES", "OUTLETS", "CONFLICTS", "TITLE")]
    rows += [(s.id, s.first_report or "-", s.last_report or "-",
              f"{s.articles} ({s.superseded} old version{'s' * (s.superseded > 1)})" if s.superseded else str(s.articles),
              str(len(s.outlets)), str(s.conflicts), s.title) for s in stories]
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]) - 1)]
    for row in rows:
        typer.echo("  ".join(cell.ljust(w) for cell, w in zip(row, widths)) + "  " + row[-1])


@app.command("report")
def report_command(
    story: Annotated[str, typer.Argument(help="A story id, as rashomon stories lists it.",
                                         show_default=False)],
    db: DbOpt = Path("rashomon.duckdb"),
    format: Annotated[
        Optional[ReportFormat],
        typer.Option(
            "--format", "-f",
            help="json (schema rashomon.report/3, as analyze writes), md or html. Default: "
            "what the -o file's suffix names, else json.",
            show_default=False,
        ),
    ] = None,
    output: OutputOpt = None,
) -> None:
    """Report one story of a corpus store, as analyze reports it.

    The JSON, Markdown or HTML of analyze, with the story's articles only: conflicts,
    corroborated and unique claims, quotes and names. A story that has merged into another as
    the store grew is reported as that one, saying so on stderr."""
    from rashomon.store import current_story_id, story_report
    from rashomon.store.queries import stored_registry

    try:
        format = _format_of(format, output, ReportFormat, default=ReportFormat.json,
                            aliases=REPORT_ALIASES)
        now = current_story_id(story, db=db)
        if now != story:
            typer.echo(f"rashomon: story {story} has merged into story {now}; reporting {now}", err=True)
        report = story_report(now, db=db)
        _write(_render_report(report, format, sources=lambda: stored_registry(db=db)), output)
    except RashomonError as exc:
        raise _fail(exc) from None


class ExportFormat(str, enum.Enum):
    parquet = "parquet"
    jsonl = "jsonl"


@app.command("export")
def export_command(
    db: DbOpt = Path("rashomon.duckdb"),
    format: Annotated[
        ExportFormat, typer.Option("--format", "-f", help="parquet or jsonl (JSON Lines).")
    ] = ExportFormat.parquet,
    output: Annotated[
        Path, typer.Option("--output", "-o", help="Folder to write into (created if missing).",
                           show_default=False)
    ] = ...,  # type: ignore[assignment]
) -> None:
    """Write every table of a corpus store as one file each, for pandas, Spark or DuckDB.

    articles.parquet, stories.parquet, findings.parquet, … (or .jsonl); files of the same name
    in the folder are replaced."""
    from rashomon.store.export import export_tables

    try:
        written = export_tables(db=db, out=output, format=format.value)
    except RashomonError as exc:
        raise _fail(exc) from None
    typer.echo(f"{len(written)} tables written to {output}: " + ", ".join(p.name for p in written))


@app.command("serve")
def serve_command(
    db: DbOpt = Path("rashomon.duckdb"),
    host: Annotated[str, typer.Option("--host", help="Address to listen on; the default answers "
                                      "this machine only.")] = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Show a corpus store in a browser: its stories, searchable, and each story's report.

    Read-only; needs FastAPI and uvicorn, the web extra of rashomon. Also a JSON API under /api
    (described at /openapi.json). Stop it with Ctrl-C."""
    from rashomon.web import serve

    try:
        serve(db=db, host=host, port=port)
    except RashomonError as exc:
        raise _fail(exc) from None
