"""The command line: parse options, call ``framecmp.api``, map errors to exit codes.

Exit codes: 0 compared, one event; 1 compared, but the inputs are not one event (different
events, or one story's different developments: same-story); 2 usage error, bad input, bad
lexicon, unwritable output or internal error. --allow-same-story lets same-story exit 0,
--allow-different-events lets both exit 0.
"""

from __future__ import annotations

import contextlib
import math
import os
import re
import signal
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from enum import Enum, StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, get_args, get_origin

import typer
from typer.core import TyperCommand, TyperGroup

from framecmp import __version__
from framecmp.errors import FramecmpError, OutputError

if TYPE_CHECKING:
    from framecmp.corpus.batch import FailRule as FailRuleT
    from framecmp.model import Comparison

EXIT_OK = 0
EXIT_DIFFERENT_EVENTS = 1
EXIT_SAME_STORY = 1  # not one event either; --allow-same-story accepts it
EXIT_ERROR = 2


def _quiet_broken_pipe() -> None:
    """The reader of stdout went away (``| head -1``): stop quietly, as cat and grep do."""
    # Point stdout at devnull so the interpreter's final flush cannot fail again.
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _terminate_as_interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


_NOT_PLAIN = object()
# Numbers as people type them ("3", "-1", "0.35"), which pydantic and int()/float() read alike.
_PLAIN_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?")


def _plain_value(param: Any, value: Any, ctx: Any) -> Any:
    """What Typer's coercion makes of ``value`` when that is certain without pydantic, else
    ``_NOT_PLAIN``: none, strings, an enum choice, a plain number, a path, a value of its own
    type."""
    annotation = param.type_descriptor.annotation
    info = param.type_descriptor.parameter_info
    if info.parser is not None:
        return _NOT_PLAIN
    if param.multiple or param.nargs == -1:
        if value is None:
            return ()
        strings = get_origin(annotation) is list and get_args(annotation) == (str,)
        if strings and isinstance(value, list | tuple) and all(type(v) is str for v in value):
            return list(value)
        return _NOT_PLAIN
    if value is None:
        return None
    if info.min is not None or info.max is not None:
        return _NOT_PLAIN
    if annotation in (str, int, float, bool) and type(value) is annotation:
        return value
    if annotation in (int, float) and type(value) is str and _PLAIN_NUMBER.fullmatch(value):
        return annotation(value) if annotation is float or "." not in value else _NOT_PLAIN
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        if isinstance(value, annotation):
            return value
        if type(value) is str:
            from typer._param_types import coerce_cli_choice

            try:
                choices = list(annotation)
                return coerce_cli_choice(
                    value, choices=choices, case_sensitive=info.case_sensitive, ctx=ctx
                )
            except ValueError:  # Typer's own coercion words the error
                return _NOT_PLAIN
    if annotation is Path and info.path_type is None and type(value) is str:
        # Typer makes the Path with pydantic (which gives Path(value)), then checks it.
        from typer._param_types import coerce_cli_path

        try:
            return coerce_cli_path(Path(value), info, path_type=Path, param=param, ctx=ctx)
        except Exception:  # a refused path: Typer's own coercion decides and words it
            return _NOT_PLAIN
    return _NOT_PLAIN


class _PlainValues:
    """Typer's coercion of one parameter, without pydantic for the values that need none."""

    def __init__(self) -> None:
        self._typer: Any = None

    def coerce(self, value: Any, param: Any, ctx: Any) -> Any:
        plain = _plain_value(param, value, ctx)
        if plain is not _NOT_PLAIN:
            return plain
        if self._typer is None:
            from typer._coercion import build_runtime_param

            self._typer = build_runtime_param(param.type_descriptor)
        return self._typer.coerce(value, param=param, ctx=ctx)


def _plain_values(params: list[Any]) -> None:
    """Let ``params`` skip Typer's pydantic validation of plain values.

    Typer 0.2x builds a pydantic TypeAdapter for every parameter whose value is not already a
    bool, even one left at its default: importing pydantic was 0.15-0.2 s of CPU of every
    ``compare``, a third of its start-up. Values whose result is certain (``_plain_value``)
    are taken as they are; every other value, and every error message, comes from Typer's own
    coercion. ``tests/test_cli.py`` checks both agree on every parameter of every command. A
    Typer without this lazily built ``_runtime_param`` is left as it is.
    """
    for param in params:
        if getattr(param, "_runtime_param", False) is None:
            param._runtime_param = _PlainValues()


class _Command(TyperCommand):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_values(self.get_params(ctx))
        return super().parse_args(ctx, args)


class _Group(TyperGroup):
    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        _plain_values(self.get_params(ctx))
        return super().parse_args(ctx, args)


app = typer.Typer(
    name="framecmp",
    cls=_Group,
    help="Compare how news outlets frame the same event: aligned claims, wording, frames, voices.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    rich_markup_mode=None,
)
lexicon_app = typer.Typer(
    help="List, show and check keyword lexicons.", no_args_is_help=True, cls=_Group
)
app.add_typer(lexicon_app, name="lexicon")


class OutputFormat(StrEnum):
    terminal = "terminal"
    text = "text"
    markdown = "markdown"
    json = "json"
    html = "html"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    feed = "feed"
    json = "json"
    jsonl = "jsonl"


class Aligner(StrEnum):
    # The choices of --aligner; api turns the value into model.Aligner (importing model here
    # would cost `framecmp --help` its start-up budget).
    lexical = "lexical"
    semantic = "semantic"


def _fields(items: list[str]) -> dict[str, str]:
    """--field ROLE=FIELD options as {role: field}; a bad one is an InputError."""
    from framecmp.ingest.records import parse_field_options

    return parse_field_options(items)


def _printable(text: str) -> str:
    """Text for one terminal line: control and format characters (escape sequences, bidi
    overrides, newlines) written as escapes, so a file name or an article cannot drive the
    terminal or break the line."""
    return "".join(
        c if c.isprintable() else c.encode("unicode_escape").decode("ascii") for c in text
    )


def _as_paths(inputs: list[str]) -> list[str | Path]:
    """Command-line inputs as the library reads them: a name holding a newline is still a file
    name here (the library reads a string with a newline as article text)."""
    return [Path(item) if "\n" in item else item for item in inputs]


def _echo(message: str = "", *, err: bool = False) -> None:
    """typer.echo; what goes to stderr is made printable: it names files and quotes input."""
    typer.echo(_printable(message) if err else message, err=err)


_INTERRUPTED_COMPARE = "interrupted; no report was written"
# ingest and batch commit as they go: what is stored and written stays, and the next run
# carries on (an event whose report this run wrote is reported again: its rules were never
# checked)
_INTERRUPTED_RUN = (
    "interrupted; what was stored and written is kept, and the next run carries on from there"
)


@contextmanager
def _exit_codes(interrupted: str = _INTERRUPTED_COMPARE) -> Iterator[None]:
    """Turn library errors into one line on stderr and exit code 2, never a traceback."""
    try:
        yield
    except FramecmpError as err:
        _echo(f"framecmp: error: {err}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except KeyboardInterrupt:
        _echo(f"framecmp: {interrupted}", err=True)
        raise typer.Exit(EXIT_ERROR) from None
    except BrokenPipeError:
        _quiet_broken_pipe()
        raise typer.Exit(EXIT_OK) from None
    except Exception as err:  # a bug must never read as verdict 1 in CI
        if os.environ.get("FRAMECMP_DEBUG"):
            raise
        import sqlite3  # here: `framecmp --help` does not pay for it

        if isinstance(err, sqlite3.IntegrityError):
            _echo(
                f"framecmp: error: the corpus store changed under this run ({err}): another "
                "run may be writing to it; run again when it has finished",
                err=True,
            )
            raise typer.Exit(EXIT_ERROR) from None
        if isinstance(err, sqlite3.DatabaseError):
            _echo(
                f"framecmp: error: the corpus store could not be read ({err}); if it is "
                "damaged, restore it from a copy or start a new one with another --db",
                err=True,
            )
            raise typer.Exit(EXIT_ERROR) from None
        _echo(
            f"framecmp: internal error: {type(err).__name__}: {err} "
            "(FRAMECMP_DEBUG=1 shows the traceback)",
            err=True,
        )
        raise typer.Exit(EXIT_ERROR) from None


def _version(value: bool) -> None:
    if value:
        _echo(f"framecmp {__version__}")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _main(
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Show the version and exit."
        ),
    ] = False,
) -> None:
    """Compare how news outlets frame the same event."""
    _one_blas_thread()


def _one_blas_thread() -> None:
    """numpy's BLAS runs one thread unless the user chose otherwise: framecmp's matrix work is
    small, more threads than cores only compete with compare's second process and batch's
    workers, and a process running another thread is never forked (``api._framing_beside``;
    OpenBLAS starts one as numpy loads, before any command here imports numpy)."""
    os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")


def _parse_labels(labels: list[str]) -> dict[str, str]:
    from framecmp.ingest.load import printable_path

    parsed: dict[str, str] = {}
    for item in labels:
        # bytes that are no UTF-8 (a Latin-1 terminal) as escapes, as in file names
        key, sep, value = printable_path(item).partition("=")
        if not sep or not key.strip() or not value.strip():
            raise FramecmpError(f"--label {item!r}: write it as INPUT=OUTLET, e.g. --label a=TASS")
        if key.strip() in parsed:
            raise FramecmpError(f"--label {key.strip()}=...: given twice for one input")
        parsed[key.strip()] = value.strip()
    return parsed


@app.command(cls=_Command)
def compare(
    inputs: Annotated[
        list[str],
        typer.Argument(
            help="Two or more inputs: article files (.txt, .html, RSS/Atom feeds, .json, "
            ".jsonl) or http(s) URLs; '-' reads stdin.",
            metavar="FILE",
            show_default=False,
        ),
    ],
    label: Annotated[
        list[str],
        typer.Option(
            "--label",
            "-l",
            metavar="INPUT=OUTLET",
            help="Outlet label for an input: INPUT=OUTLET, where INPUT is the path, its file "
            "name without extension, its position (1, 2, ...) or letter (a, b, ...). Repeatable.",
        ),
    ] = [],  # noqa: B006 - typer reads the default; it is never mutated
    fmt: Annotated[
        OutputFormat | None,
        typer.Option(
            "--format",
            "-f",
            help="Output format. Default: the terminal view on stdout, or the format -o's "
            "extension names.",
            show_default=False,
        ),
    ] = None,
    output: Annotated[
        Path | None,
        typer.Option(
            "--output", "-o", help="Write the report to this file (atomically).", show_default=False
        ),
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option(
            "--report-dir",
            help="Write Markdown, JSON and HTML reports, named after the documents, here.",
            show_default=False,
        ),
    ] = None,
    plot: Annotated[
        Path | None,
        typer.Option(
            "--plot",
            metavar="DIR",
            help="Write the charts (frame profile, frame differences, similarity) as SVG and "
            "PNG files here.",
            show_default=False,
        ),
    ] = None,
    lexicon: Annotated[
        list[str],
        typer.Option(
            "--lexicon",
            metavar="NAME|FILE",
            help="A lexicon to add: a bundled name or a TOML file; a file whose name matches a "
            "bundled lexicon replaces it. Repeatable.",
        ),
    ] = [],  # noqa: B006
    only_lexicons: Annotated[
        bool,
        typer.Option("--only-lexicons", help="Use only the --lexicon ones, not the bundled set."),
    ] = False,
    min_score: Annotated[
        float | None,
        typer.Option(
            "--min-score",
            help="Alignment score (0..1) a sentence pair needs to count as the same claim. "
            "Default: the aligner's calibrated threshold.",
            show_default=False,
        ),
    ] = None,
    aligner: Annotated[
        Aligner,
        typer.Option(
            "--aligner", help="lexical (default, fast) or semantic (needs framecmp[semantic])."
        ),
    ] = Aligner.lexical,
    seed: Annotated[
        int, typer.Option("--seed", help="Seed for the bootstrap intervals (0 or more).")
    ] = 0,
    stem_terms: Annotated[
        bool,
        typer.Option(
            "--stem-terms",
            help="Count distinctive terms by stem, merging inflections (negotiate, negotiating).",
        ),
    ] = False,
    background: Annotated[
        Path | None,
        typer.Option(
            "--background",
            help="Directory of articles to use as the log-odds prior, not the bundled corpus.",
            show_default=False,
        ),
    ] = None,
    input_format: Annotated[
        InputFormat, typer.Option("--input-format", help="How to read the inputs.")
    ] = InputFormat.auto,
    max_bytes: Annotated[
        int, typer.Option("--max-bytes", help="Refuse inputs larger than this many bytes.")
    ] = 5_000_000,
    encoding: Annotated[str | None, _ENCODING_OPTION] = None,
    field: Annotated[list[str], _FIELD_OPTION] = [],  # noqa: B006
    skip_bad: Annotated[bool, _SKIP_BAD_OPTION] = False,
    fetch_links: Annotated[bool, _FETCH_LINKS_OPTION] = False,
    cache_dir: Annotated[
        Path | None,
        typer.Option(
            "--cache-dir", help="Keep fetched URLs here and reuse them.", show_default=False
        ),
    ] = None,
    allow_different_events: Annotated[
        bool,
        typer.Option(
            "--allow-different-events",
            help="Exit 0 even when the inputs do not look like the same event (still warns).",
        ),
    ] = False,
    detail: Annotated[
        bool,
        typer.Option("--detail", help="Terminal view: every section, not the concise summary."),
    ] = False,
    quiet: Annotated[
        bool,
        typer.Option(
            "--quiet", "-q", help="Print no report on stdout (with --report-dir or --output)."
        ),
    ] = False,
    summary: Annotated[
        bool,
        typer.Option(
            "--summary",
            help="Print only the short summary (verdict, statistics, largest differences); "
            "Markdown with --format markdown, plain text otherwise.",
        ),
    ] = False,
    allow_same_story: Annotated[
        bool,
        typer.Option(
            "--allow-same-story",
            help="Exit 0 when the inputs are one story's developments days apart (still warns).",
        ),
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            help="Processes for this comparison: with 2 (the default where two cores are usable), "
            "long inputs (6,000 words or more) get their framing statistics computed in a "
            "second process while the first aligns (Linux); the result is the same. 1: one "
            "process; more than 2 uses 2.",
            show_default=False,
        ),
    ] = None,
) -> None:
    """Align reports of one event and show how their wording and framing differ.

    Exit codes: 0 compared, one event; 1 not one event (different events, or same-story:
    one story's developments days apart); 2 error.
    """
    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    with _exit_codes():
        from framecmp import api  # lazy: keeps `framecmp --help` instant
        from framecmp.ingest.records import parse_field_options

        if len(inputs) < 2 and not any(
            Path(p).suffix.lower() in (".json", ".jsonl", ".rss", ".atom", ".xml") or p == "-"
            for p in inputs
        ):
            raise FramecmpError(
                "compare needs at least two inputs, e.g. framecmp compare a.txt b.txt"
            )
        if inputs.count("-") > 1:
            raise FramecmpError("'-' (standard input) can be given only once")
        if workers is not None and workers < 1:  # before any input is read
            raise FramecmpError(f"--workers {workers}: give 1 or more")
        chosen = fmt.value if fmt else (api.format_for_path(output) if output else "terminal")
        if chosen == "terminal" and output:
            chosen = "text"
        # files the run reads besides the articles: a report must not replace them
        reads: list[str | Path] = [spec for spec in lexicon if Path(spec).suffix == ".toml"]
        reads += [background] if background else []
        if output is not None:
            api.check_output_path(output, inputs, reads)
        specs = tuple(lexicon) if only_lexicons else (*api.DEFAULT_LEXICONS, *lexicon)
        comparison = api.compare(
            _as_paths(inputs),
            labels=_parse_labels(label),
            lexicons=specs,
            min_score=min_score,
            aligner=aligner.value,
            seed=seed,
            stem_terms=stem_terms,
            background=background,
            input_format=input_format.value,
            max_bytes=max_bytes,
            encoding=encoding,
            fields=parse_field_options(field),
            skip_bad=skip_bad,
            fetch_links=fetch_links,
            cache_dir=cache_dir,
            workers=workers if workers is not None else min(2, api.usable_cores()),
        )
        # Only the detailed terminal view has a warnings section of its own; in every other
        # mode (reports, the concise view, --summary, --quiet) stderr carries them.
        shown_in_view = chosen == "terminal" and detail and output is None
        if not (shown_in_view and not summary and not quiet):
            from framecmp.model import SAME_EVENT_WARNINGS

            # the same-event warning has its own line, printed after the report
            for warning in comparison.warnings:
                if not warning.startswith(SAME_EVENT_WARNINGS):
                    _echo(f"framecmp: warning: {warning}", err=True)
        if report_dir is not None:
            for path in api.write_report_dir(comparison, report_dir, reads=reads):
                _echo(f"framecmp: wrote {path}", err=True)
        if plot is not None:
            for path in api.write_plots(comparison, plot):
                _echo(f"framecmp: wrote {path}", err=True)
        if output is not None:
            api.write_report(comparison, output, chosen)
            _echo(f"framecmp: wrote {output}", err=True)
        elif quiet:
            pass
        elif summary:
            sys.stdout.write(api.render_summary(comparison, chosen))
        elif chosen == "terminal":
            _print_terminal(comparison, detail=detail)
        else:
            sys.stdout.write(api.render(comparison, chosen))
    verdict = comparison.same_event
    from framecmp.model import EventRelation

    if verdict.relation is EventRelation.UNDETERMINED:
        # not evidence of different events: compared, with the warning (exit 0, documented)
        _echo(
            "framecmp: warning: cannot tell whether the inputs report one event: some are "
            "written in different languages",
            err=True,
        )
    elif not verdict.verdict:
        same_story = verdict.relation is EventRelation.SAME_STORY
        said = (
            "one story's different developments (same-story), not one event"
            if same_story
            else "the inputs do not look like reports of the same event"
        )
        _echo(
            f"framecmp: warning: {said} (lowest pair score {verdict.score:.2f} "
            f"< threshold {verdict.threshold})",
            err=True,
        )
        if not (allow_different_events or (same_story and allow_same_story)):
            raise typer.Exit(EXIT_SAME_STORY if same_story else EXIT_DIFFERENT_EVENTS)


def _print_terminal(comparison: Comparison, *, detail: bool) -> None:
    from rich.console import Console

    from framecmp.report import terminal

    class _PipeConsole(Console):
        # rich exits 1 on a closed pipe, which reads as "not one event": let _exit_codes end
        # quietly with 0, as every other format does (`framecmp compare a b | head -1`)
        def on_broken_pipe(self) -> None:
            raise BrokenPipeError

    terminal.print_comparison(comparison, _PipeConsole(highlight=False), detail=detail)


class EventsFormat(StrEnum):
    text = "text"
    json = "json"


class SummaryFormat(StrEnum):
    text = "text"
    jsonl = "jsonl"


_ENCODING_OPTION = typer.Option(
    "--encoding",
    help="Read every input with this encoding (e.g. cp1251) instead of detecting it.",
    show_default=False,
)
_FIELD_OPTION = typer.Option(
    "--field",
    metavar="ROLE=FIELD",
    help="JSON/JSONL records: the field holding a role (text, title, outlet, date, url), "
    "e.g. --field text=body --field outlet=source.name. Repeatable.",
)
_SKIP_BAD_OPTION = typer.Option(
    "--skip-bad", help="Skip bad JSON/JSONL records (counted in a warning)."
)
_SKIP_BAD_INPUTS_OPTION = typer.Option(
    "--skip-bad",
    help="Skip bad JSON/JSONL records, and inputs that cannot be read (an empty or binary "
    "file, a failed URL), each named in a warning; they are tried again next run.",
)
_FETCH_LINKS_OPTION = typer.Option(
    "--fetch-links", help="Feeds: fetch the page of entries that carry no text."
)


_DB_OPTION = typer.Option("--db", help="The corpus store (a SQLite file; created if missing).")
_EXISTING_DB_OPTION = typer.Option("--db", help="The corpus store (a SQLite file) to read.")
_WORKERS_OPTION = typer.Option(
    "--workers",
    help="Processes for preparation and comparisons (default: one per usable core).",
    show_default=False,
)
_SCHEDULER_OPTION = typer.Option(
    "--scheduler",
    metavar="tcp://HOST:PORT",
    help="Run preparation and comparisons on this Dask scheduler (needs framecmp[dask]); "
    "the store stays on this machine.",
    show_default=False,
)
_INPUTS_ARGUMENT = typer.Argument(
    help="Article files, folders (read recursively), JSON/JSONL record files.",
    metavar="PATH",
    show_default=False,
)
_REHASH_OPTION = typer.Option(
    "--rehash",
    help="Read and hash every input file, even one the store recorded with the same size "
    "and modification time (by default such a file is trusted to be unchanged).",
)


class _ProgressBar:
    """A progress bar on stderr, shown only on a terminal."""

    def __init__(self, enabled: bool) -> None:
        self._progress: Any = None
        self._tasks: dict[str, Any] = {}
        if enabled and sys.stderr.isatty():
            from rich.console import Console
            from rich.progress import Progress

            self._progress = Progress(console=Console(stderr=True), transient=True)
            self._progress.start()

    def __call__(self, stage: str, done: int, total: int) -> None:
        if self._progress is None:
            return
        if stage not in self._tasks:
            self._tasks[stage] = self._progress.add_task(stage, total=total)
        self._progress.update(self._tasks[stage], completed=done, total=total)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()


@app.command(cls=_Command)
def ingest(
    inputs: Annotated[list[str], _INPUTS_ARGUMENT],
    db: Annotated[Path, _DB_OPTION] = Path("framecmp.db"),
    input_format: Annotated[
        InputFormat, typer.Option("--input-format", help="How to read the inputs.")
    ] = InputFormat.auto,
    workers: Annotated[int | None, _WORKERS_OPTION] = None,
    rehash: Annotated[bool, _REHASH_OPTION] = False,
    encoding: Annotated[str | None, _ENCODING_OPTION] = None,
    field: Annotated[list[str], _FIELD_OPTION] = [],  # noqa: B006
    skip_bad: Annotated[bool, _SKIP_BAD_INPUTS_OPTION] = False,
    fetch_links: Annotated[bool, _FETCH_LINKS_OPTION] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress, no messages.")] = False,
) -> None:
    """Add articles to the corpus store and assign them to events.

    An article already stored (same content) is recognised, not added twice; a changed
    article at the same URL or path is stored as a new version. Exit codes: 0 done; 2 error.
    """
    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    with _exit_codes(_INTERRUPTED_RUN):
        from framecmp import api

        bar = _ProgressBar(not quiet)
        try:
            summary = api.ingest(
                _as_paths(inputs),
                db=db,
                input_format=input_format.value,
                workers=workers,
                progress=bar,
                rehash=rehash,
                encoding=encoding,
                fields=_fields(field),
                skip_bad=skip_bad,
                fetch_links=fetch_links,
            )
        finally:
            bar.close()
        if not quiet:
            for path, reason in summary.skipped:
                _echo(f"framecmp: skipped {path}: {reason}", err=True)
            for note in summary.notes:
                _echo(f"framecmp: warning: {note}", err=True)
            _echo(
                f"framecmp: {summary.added} added, {summary.new_versions} new versions, "
                f"{summary.unchanged} already stored; {summary.assigned} assigned, "
                f"{summary.new_events} new events ({db})",
                err=True,
            )


@app.command(cls=_Command)
def events(
    db: Annotated[Path, _EXISTING_DB_OPTION] = Path("framecmp.db"),
    since: Annotated[
        str | None,
        typer.Option(
            "--since",
            metavar="YYYY-MM-DD",
            help="Only events with an article on or after this date.",
            show_default=False,
        ),
    ] = None,
    fmt: Annotated[EventsFormat, typer.Option("--format", "-f", help="Output format.")] = (
        EventsFormat.text
    ),
) -> None:
    """List the stored corpus grouped into events, with why each article belongs.

    JSON: {"events": [{"id", "label", "articles": [{"id", "path", "url", "outlet", "date",
    "probability"}]}]}; see docs/cli.md. Exit codes: 0 listed; 2 error.
    """
    with _exit_codes():
        from framecmp import api
        from framecmp.corpus import batch as batch_stage

        listed = api.events(db, since=since)
        if fmt is EventsFormat.json:
            sys.stdout.write(batch_stage.events_json(listed))
        else:
            sys.stdout.write(batch_stage.events_text(listed))


@app.command(cls=_Command)
def batch(
    inputs: Annotated[list[str], _INPUTS_ARGUMENT],
    db: Annotated[Path, _DB_OPTION] = Path("framecmp.db"),
    report_dir: Annotated[
        Path, typer.Option("--report-dir", help="Where per-event reports and the index go.")
    ] = Path("reports"),
    fail_on: Annotated[
        list[str],
        typer.Option(
            "--fail-on",
            metavar="RULE",
            help="Exit non-zero when a reported event breaks RULE: conflicting-claims (exit 3), "
            "frame-difference[=N] (exit 4; a significant frame difference of N or more per "
            "1,000 tokens, default 10), terminology (exit 5). Repeatable; the lowest code wins.",
        ),
    ] = [],  # noqa: B006
    summary: Annotated[
        Path | None,
        typer.Option(
            "--summary",
            help="Write a Markdown run summary here (for a CI job summary).",
            show_default=False,
        ),
    ] = None,
    summary_format: Annotated[
        SummaryFormat,
        typer.Option(
            "--format",
            "-f",
            help="Run summary on stdout: text, or jsonl (one JSON line per reported event, "
            "then one for the run).",
        ),
    ] = SummaryFormat.text,
    input_format: Annotated[
        InputFormat, typer.Option("--input-format", help="How to read the inputs.")
    ] = InputFormat.auto,
    workers: Annotated[int | None, _WORKERS_OPTION] = None,
    scheduler: Annotated[str | None, _SCHEDULER_OPTION] = None,
    rehash: Annotated[bool, _REHASH_OPTION] = False,
    encoding: Annotated[str | None, _ENCODING_OPTION] = None,
    field: Annotated[list[str], _FIELD_OPTION] = [],  # noqa: B006
    skip_bad: Annotated[bool, _SKIP_BAD_INPUTS_OPTION] = False,
    fetch_links: Annotated[bool, _FETCH_LINKS_OPTION] = False,
    max_report_articles: Annotated[
        int | None,
        typer.Option(
            "--max-report-articles",
            metavar="N",
            help="Compare at most N articles per event report (default 12): the most recent "
            "of a bigger event, and the report says so.",
            show_default=False,
        ),
    ] = None,
    quiet: Annotated[
        bool, typer.Option("--quiet", "-q", help="No progress bar and no messages on stderr.")
    ] = False,
) -> None:
    """Ingest, assign to events, and write a report for every event that gained articles.

    Reports (Markdown, JSON, HTML) are named after the event id; index.md and index.html list
    every event. A run with nothing new writes nothing. Exit codes: 0 done; 2 error;
    3 conflicting claims; 4 frame difference; 5 terminology divergence (with --fail-on).
    """
    signal.signal(signal.SIGTERM, _terminate_as_interrupt)
    with _exit_codes(_INTERRUPTED_RUN):
        from framecmp import api
        from framecmp.corpus import batch as batch_stage

        rules, threshold = _parse_fail_on(fail_on)
        if summary is not None:
            # before any work: a summary that cannot be written after the reports would leave
            # their events recorded as reported with nobody told of their findings
            # nor the corpus store, an article or a report the run writes
            if Path(summary).resolve() == Path(db).resolve():
                raise OutputError(
                    f"{summary}: is the corpus store (--db); write the summary elsewhere"
                )
            if Path(summary).resolve().is_relative_to(Path(report_dir).resolve()):
                raise OutputError(
                    f"{summary}: is inside --report-dir, where batch writes its reports; "
                    "write the summary elsewhere"
                )
            api.check_output_path(summary, inputs)
        bar = _ProgressBar(not quiet)
        try:
            result = api.batch(
                _as_paths(inputs),
                db=db,
                report_dir=report_dir,
                fail_on=rules,
                frame_threshold=threshold,
                input_format=input_format.value,
                workers=workers,
                scheduler=scheduler,
                progress=bar,
                rehash=rehash,
                encoding=encoding,
                fields=_fields(field),
                skip_bad=skip_bad,
                fetch_links=fetch_links,
                max_report_articles=(
                    api.DEFAULT_REPORT_ARTICLES
                    if max_report_articles is None
                    else max_report_articles
                ),
            )
        finally:
            bar.close()
        if summary is not None:
            from framecmp.report import write_report_atomically

            write_report_atomically(summary, batch_stage.summary_markdown(result, report_dir))
        ingested = result.ingest
        if not quiet:  # stderr in either format: a CI log shows why a step failed
            for path, reason in ingested.skipped:
                _echo(f"framecmp: skipped {path}: {reason}", err=True)
            for note in ingested.notes:
                _echo(f"framecmp: warning: {note}", err=True)
        if summary_format is SummaryFormat.jsonl:
            sys.stdout.write(batch_stage.summary_lines(result))
        elif not quiet:
            if result.did_nothing and not ingested.skipped:
                _echo("framecmp: nothing new: every input is already stored and reported")
            else:
                _echo(
                    f"framecmp: {ingested.added} added, {ingested.new_versions} new versions, "
                    f"{ingested.unchanged} already stored, {len(ingested.skipped)} skipped; "
                    f"{ingested.new_events} new events; {len(result.reports)} reports in "
                    f"{report_dir}"
                )
        if not quiet:
            for rule in result.fired:
                _echo(f"framecmp: --fail-on {rule.value}: broken", err=True)
    if result.exit_code:
        raise typer.Exit(int(result.exit_code))


def _parse_fail_on(values: list[str]) -> tuple[list[FailRuleT], float]:
    from framecmp.corpus.batch import DEFAULT_FRAME_DIFFERENCE, FailRule

    rules: list[FailRuleT] = []
    threshold = DEFAULT_FRAME_DIFFERENCE
    given: float | None = None  # the threshold a --fail-on named, to refuse a second one
    for value in values:
        name, sep, number = value.partition("=")
        try:
            rule = FailRule(name)
        except ValueError:
            raise FramecmpError(
                f"--fail-on {value!r}: choose conflicting-claims, frame-difference[=N] or "
                "terminology"
            ) from None
        if sep:
            if rule is not FailRule.FRAME_DIFFERENCE:
                raise FramecmpError(f"--fail-on {value!r}: only frame-difference takes =N")
            try:
                threshold = float(number)
            except ValueError:
                raise FramecmpError(f"--fail-on {value!r}: N must be a number") from None
            # 0 would fail every event (an event with no significant difference has 0), nan none
            if not math.isfinite(threshold) or threshold <= 0:
                raise FramecmpError(
                    f"--fail-on {value!r}: N must be a number above 0 (per 1,000 tokens)"
                )
            if given is not None and given != threshold:
                raise FramecmpError(
                    f"--fail-on {value!r}: frame-difference is given twice with different N"
                )
            given = threshold
        if rule not in rules:
            rules.append(rule)
    return rules, threshold


@lexicon_app.command("list", cls=_Command)
def lexicon_list() -> None:
    """List the bundled lexicons with their kind, version and source."""
    with _exit_codes():
        from framecmp import api

        for lex in api.list_lexicons():
            _echo(
                f"{lex.name}\t{lex.kind}\t{lex.version}\t"
                f"{len(lex.categories)} categories\t{lex.source}"
            )


@lexicon_app.command("show", cls=_Command)
def lexicon_show(
    name: Annotated[str, typer.Argument(help="A bundled lexicon name or a lexicon TOML file.")],
) -> None:
    """Show a lexicon's categories and terms."""
    with _exit_codes():
        from framecmp import api

        lex = api.show_lexicon(name)
        _echo(f"{lex.name} ({lex.kind}, version {lex.version})")
        _echo(f"  {lex.description}")
        _echo(f"  source: {lex.source}; licence: {lex.licence}")
        for category in lex.categories:
            grade = f" [{category.grade}]" if category.grade else ""
            _echo(f"\n{category.id}{grade}: {category.label}")
            for term in category.terms:
                _echo(f"  {term.label}: {', '.join(term.patterns)}")
            if category.exclude:
                _echo(f"  (excluding {', '.join(category.exclude)})")


@lexicon_app.command("check", cls=_Command)
def lexicon_check(
    path: Annotated[Path, typer.Argument(help="The lexicon TOML file to validate.")],
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="Articles to show the lexicon's matches in.",
            show_default=False,
            metavar="[FILE]...",
        ),
    ] = None,
) -> None:
    """Validate a lexicon file and show what it matches in the given articles."""
    with _exit_codes():
        from framecmp import api

        lex, documents, scores = api.check_lexicon(path, inputs or ())
        _echo(f"{path}: valid {lex.kind} lexicon {lex.name!r}, {len(lex.categories)} categories")
        by_doc = {d.doc_id: d for d in documents}
        for score in scores:
            if not score.count:
                continue
            _echo(
                f"{score.doc}\t{score.category}\t{score.count} hits\t"
                f"{score.per_1000_tokens:.1f} per 1,000 tokens"
            )
            for hit in score.hits:
                sentence = by_doc[score.doc].sentences[hit.sentence].text
                _echo(_printable(f"    [{hit.sentence}] {hit.matched}: {sentence}"))


def main() -> None:
    """Console-script entry point."""
    try:
        app()
    except BrokenPipeError:
        _quiet_broken_pipe()
        sys.exit(EXIT_OK)
