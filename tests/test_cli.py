"""The command line through its real entry point: Typer's runner and real subprocesses."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from framecmp import __version__
from framecmp.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def _json(result_stdout: str) -> dict:  # type: ignore[type-arg]
    return json.loads(result_stdout)


def test_compare_same_event_exits_0_and_names_every_outlet(bishkek_paths: list[Path]) -> None:
    result = runner.invoke(app, ["compare", *map(str, bishkek_paths)])
    assert result.exit_code == 0, result.stderr
    for outlet in ("TASS", "CGTN", "unknown-outlet"):
        assert outlet in result.stdout
    assert "\x1b[" not in result.stdout  # not a terminal: no colour codes


def test_compare_different_events_exits_1_with_a_warning(cgtn: Path, rt: Path) -> None:
    result = runner.invoke(app, ["compare", str(cgtn), str(rt), "--format", "json"])
    assert result.exit_code == 1
    assert "do not look like reports of the same event" in result.stderr
    assert _json(result.stdout)["same_event"]["verdict"] is False


def test_allow_different_events_exits_0_but_still_warns(tass: Path, alaska: Path) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(alaska), "--allow-different-events"])
    assert result.exit_code == 0
    assert "same event" in result.stderr


def _same_story_records(tmp_path: Path) -> Path:
    """Two records whose text is one story and whose dates are three days apart."""
    text = "The orchestra opened its winter season with a Sibelius symphony. Critics praised it."
    path = tmp_path / "story.jsonl"
    path.write_text(
        "".join(
            json.dumps({"text": text, "outlet": outlet, "date": day}) + "\n"
            for outlet, day in (("A", "2025-03-04"), ("B", "2025-03-07"))
        ),
        encoding="utf-8",
    )
    return path


@pytest.fixture
def story_model(monkeypatch: pytest.MonkeyPatch) -> None:
    """A fixed model: the text says one event, a 3-day gap says not (isolates the exit codes)."""
    from framecmp.analysis import event

    zeros = dict.fromkeys(event.TEXT_FEATURES, 0.0)
    model = event._EventModel(
        text=event._Logistic(1.0, zeros),
        dated=event._Logistic(1.0, {**zeros, "date-gap": -1.0}),
    )
    monkeypatch.setattr(event, "_model", lambda: model)


@pytest.mark.usefixtures("story_model")
@pytest.mark.parametrize(
    ("options", "code"),
    [([], 1), (["--allow-same-story"], 0), (["--allow-different-events"], 0)],
)
def test_same_story_exits_1_unless_allowed(tmp_path: Path, options: list[str], code: int) -> None:
    records = _same_story_records(tmp_path)
    result = runner.invoke(app, ["compare", str(records), "--format", "json", *options])
    assert result.exit_code == code, result.stderr
    assert "same-story" in result.stderr
    assert _json(result.stdout)["same_event"]["verdict"] is False


def test_allow_same_story_does_not_let_different_events_pass(cgtn: Path, rt: Path) -> None:
    result = runner.invoke(app, ["compare", str(cgtn), str(rt), "--allow-same-story"])
    assert result.exit_code == 1
    assert "do not look like reports of the same event" in result.stderr


def test_json_report_follows_the_published_schema(bishkek_paths: list[Path]) -> None:
    import jsonschema

    from framecmp.report import json_schema

    result = runner.invoke(app, ["compare", *map(str, bishkek_paths), "--format", "json"])
    assert result.exit_code == 0, result.stderr
    report = _json(result.stdout)
    jsonschema.validate(report, json_schema())
    assert [d["outlet"] for d in report["documents"]] == ["TASS", "CGTN", "unknown-outlet"]
    assert report["same_event"]["verdict"] is True


@pytest.mark.parametrize("fmt", ["json", "markdown", "html"])
def test_reports_are_byte_identical_across_runs(bishkek_paths: list[Path], fmt: str) -> None:
    args = ["compare", *map(str, bishkek_paths), "--format", fmt]
    assert runner.invoke(app, args).stdout == runner.invoke(app, args).stdout


def test_report_bytes_do_not_depend_on_the_hash_seed(bishkek_paths: list[Path]) -> None:
    outputs = set()
    for hash_seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": hash_seed}
        completed = subprocess.run(
            [
                sys.executable,
                "-m",
                "framecmp",
                "compare",
                *map(str, bishkek_paths),
                "--format",
                "markdown",
            ],
            capture_output=True,
            env=env,
            check=False,
            cwd=ROOT,
        )
        assert completed.returncode == 0, completed.stderr
        outputs.add(completed.stdout)
    assert len(outputs) == 1


def test_real_subprocess_matches_the_runner(bishkek_paths: list[Path]) -> None:
    args = ["compare", *map(str, bishkek_paths), "--format", "json"]
    completed = subprocess.run(
        [sys.executable, "-m", "framecmp", *args], capture_output=True, check=False, cwd=ROOT
    )
    assert completed.returncode == 0
    assert completed.stdout.decode("utf-8") == runner.invoke(app, args).stdout


def test_output_file_format_follows_the_extension(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    target = tmp_path / "bishkek.json"
    result = runner.invoke(app, ["compare", *map(str, bishkek_paths), "-o", str(target)])
    assert result.exit_code == 0, result.stderr
    assert _json(target.read_text(encoding="utf-8"))["schema"].startswith("framecmp-report/")
    assert result.stdout == ""


def test_report_dir_writes_markdown_json_and_html(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    result = runner.invoke(
        app, ["compare", *map(str, bishkek_paths), "--report-dir", str(tmp_path)]
    )
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in tmp_path.iterdir())
    assert names == [
        "tass-vs-cgtn-vs-unknown-outlet.html",
        "tass-vs-cgtn-vs-unknown-outlet.json",
        "tass-vs-cgtn-vs-unknown-outlet.md",
    ]


def test_stdin_input_with_label(tass: Path, cgtn: Path) -> None:
    result = runner.invoke(
        app,
        ["compare", "-", str(cgtn), "--label", "a=Agency", "--format", "json"],
        input=tass.read_bytes(),
    )
    assert result.exit_code == 0, result.stderr
    documents = _json(result.stdout)["documents"]
    assert documents[0]["outlet"] == "Agency"
    assert documents[0]["path"] == "-"


def test_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"framecmp {__version__}"


def _assert_one_line_error(result, starts_with: str) -> None:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, (result.exit_code, result.stdout, result.stderr)
    assert result.stderr.startswith(f"framecmp: error: {starts_with}"), result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr + result.stdout


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("empty.txt", b""),
        ("blank.txt", b"   \n\n \t\n"),
        ("binary.txt", b"\x00\x01\x02PK\x03\x04" * 40),
        ("bom-only.txt", b"\xef\xbb\xbf"),
        ("garbage.html", b"<html><script>var x = 1;</script><div></div></html>"),
        ("bad.json", b'{"text": "unterminated'),
    ],
)
def test_bad_input_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, tass: Path, name: str, content: bytes
) -> None:
    bad = tmp_path / name
    bad.write_bytes(content)
    _assert_one_line_error(runner.invoke(app, ["compare", str(tass), str(bad)]), str(bad))


def test_missing_file_and_directory_exit_2(tmp_path: Path, tass: Path) -> None:
    missing = tmp_path / "nope.txt"
    _assert_one_line_error(runner.invoke(app, ["compare", str(tass), str(missing)]), str(missing))
    _assert_one_line_error(runner.invoke(app, ["compare", str(tass), str(tmp_path)]), str(tmp_path))


def test_huge_input_is_refused(tmp_path: Path, tass: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("The talks went on. " * 2000, encoding="utf-8")
    _assert_one_line_error(
        runner.invoke(app, ["compare", str(tass), str(big), "--max-bytes", "10000"]), str(big)
    )


def test_one_input_only_is_a_usage_error(tass: Path) -> None:
    _assert_one_line_error(runner.invoke(app, ["compare", str(tass)]), "compare needs at least two")


def test_unwritable_output_keeps_the_existing_report(
    tmp_path: Path, bishkek_paths: list[Path]
) -> None:
    target = tmp_path / "report.md"
    target.write_text("previous report\n", encoding="utf-8")
    blocked = tmp_path / "not-a-dir"
    blocked.write_text("a file where a directory should be", encoding="utf-8")
    result = runner.invoke(app, ["compare", *map(str, bishkek_paths), "-o", str(blocked / "r.md")])
    _assert_one_line_error(result, str(blocked / "r.md"))
    assert target.read_text(encoding="utf-8") == "previous report\n"


def test_bad_label_and_unknown_label_key(tass: Path, cgtn: Path) -> None:
    _assert_one_line_error(
        runner.invoke(app, ["compare", str(tass), str(cgtn), "--label", "TASS"]), "--label"
    )
    _assert_one_line_error(
        runner.invoke(app, ["compare", str(tass), str(cgtn), "--label", "zzz=X"]), "--label zzz"
    )


def test_unknown_lexicon_exits_2(tass: Path, cgtn: Path) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), "--lexicon", "no_such_lexicon"])
    _assert_one_line_error(result, "")
    assert "no_such_lexicon" in result.stderr


def test_every_command_has_help_and_is_documented() -> None:
    docs = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for command in (["compare"], ["lexicon", "list"], ["lexicon", "show"], ["lexicon", "check"]):
        result = runner.invoke(app, [*command, "--help"])
        assert result.exit_code == 0
        assert "Usage:" in result.stdout
        assert f"framecmp {' '.join(command)}" in docs
    compare_help = runner.invoke(app, ["compare", "--help"]).stdout
    for option in (
        "--label",
        "--format",
        "--output",
        "--report-dir",
        "--lexicon",
        "--min-score",
        "--aligner",
        "--seed",
        "--background",
        "--input-format",
        "--max-bytes",
        "--allow-different-events",
        "--allow-same-story",
    ):
        assert option in compare_help
        assert option in docs


def test_cli_import_is_light() -> None:
    code = "import sys, framecmp.cli; print('\\n'.join(sys.modules))"
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    heavy = {"sklearn", "nltk", "numpy", "scipy", "rich", "vaderSentiment"}
    assert not {m.split(".")[0] for m in out.split()} & heavy


def test_stem_terms_merges_inflections_and_is_recorded(bishkek_paths: list[Path]) -> None:
    args = ["compare", *map(str, bishkek_paths), "--format", "json"]
    plain = _json(runner.invoke(app, args).stdout)
    stemmed = _json(runner.invoke(app, [*args, "--stem-terms"]).stdout)
    assert plain["settings"]["stem_terms"] is False
    assert stemmed["settings"]["stem_terms"] is True
    assert plain["distinctive_terms"] != stemmed["distinctive_terms"]


def _outcome(coerce: Callable[[], object]) -> tuple[str, type, object]:
    try:
        result = coerce()
    except Exception as err:  # the error Typer shows must be the same too
        return ("error", type(err), str(err))
    return ("value", type(result), repr(result))  # repr: nan equals nan


def test_plain_option_values_coerce_as_typer_does() -> None:
    # cli._PlainValues takes plain values (none, strings, enum choices, defaults) without
    # Typer's pydantic validation: for every parameter of every command the value and the
    # error must be what Typer's own coercion gives.
    from typer._click import Context
    from typer._coercion import build_runtime_param
    from typer.main import get_command

    from framecmp.cli import _NOT_PLAIN, _plain_value, _PlainValues

    root = get_command(app)
    commands = [root]
    for command in list(commands):
        commands.extend(getattr(command, "commands", {}).values())
        for sub in list(getattr(command, "commands", {}).values()):
            commands.extend(getattr(sub, "commands", {}).values())
    candidates: list[object] = [None, [], (), "", "json", "JSON", "lexical", "text", "bogus"]
    candidates += ["a.txt", "-", ("a.txt", "b.txt"), ["x=y"], 0, 7, 0.25, -3, 1e300]
    candidates += ["3", "-1", "0", "-0", "007", "+4", " 5", "1_000", "3.", ".5", "1e3", "nan"]
    candidates += ["0.5", "-0.35", "0.1", "12345678901234567890", "2.50000000000000011102"]
    candidates += [True, False, Path("a.txt"), " ", "a\x00b", "~/x", "a//b/", ".", str(ROOT)]
    candidates += [str(ROOT / "README.md"), str(ROOT / "no-such-dir" / "x.json")]
    for command in commands:
        ctx = Context(command)
        for param in command.get_params(ctx):
            enum_members = list(getattr(param.type_descriptor.annotation, "__members__", {}))
            values = [*candidates, param.default, *enum_members]
            for value in values:
                typer_way = build_runtime_param(param.type_descriptor)
                expected = _outcome(lambda: typer_way.coerce(value, param=param, ctx=ctx))  # noqa: B023
                found = _outcome(lambda: _PlainValues().coerce(value, param, ctx))  # noqa: B023
                assert found == expected, (command.name, param.name, value)
    # Every option of compare left at its default takes the short path: it is not dead code.
    compare = next(command for command in commands if command.name == "compare")
    ctx = Context(compare)
    params = compare.get_params(ctx)
    slow = [p.name for p in params if _plain_value(p, p.default, ctx) is _NOT_PLAIN]
    assert slow == []


def test_compare_does_not_import_pydantic(bishkek_paths: list[Path], tmp_path: Path) -> None:
    # Typer validates options with pydantic, whose import was a third of compare's start-up.
    report = tmp_path / "report.json"
    code = (
        "import sys\n"
        "from framecmp.cli import main\n"
        f"sys.argv = ['framecmp', 'compare', *{[str(p) for p in bishkek_paths]!r},"
        f" '--seed', '0', '-l', '1=TASS', '-o', {str(report)!r}, '--min-score', '0.5']\n"
        "try:\n    main()\nexcept SystemExit as stop:\n    assert stop.code == 0, stop.code\n"
        "print(sorted({m.split('.')[0] for m in sys.modules} & {'pydantic', 'sklearn', 'scipy'}))"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    written = json.loads(report.read_text(encoding="utf-8"))
    assert written["settings"]["seed"] == 0
    assert written["settings"]["min_score"] == 0.5
    assert result.stdout.strip().splitlines()[-1] == "[]"


FIRE = (
    "A fire at a chemical plant in Ludwigshafen killed 12 workers on Tuesday, police said.",
    "The blaze broke out at 4 a.m. in the plant's storage hall.",
    "Firefighters brought it under control by noon.",
)
FIRE_CONTRADICTED = (
    "A fire at a chemical plant in Ludwigshafen killed 21 workers on Tuesday, police said.",
    "The blaze broke out at 6 a.m. in the plant's storage hall.",
    "Firefighters brought it under control by noon.",
)


def _fire_reports(tmp_path: Path) -> list[str]:
    """Two wire reports of one fire, the second with other figures."""
    paths = []
    for name, sentences in (("wire_a", FIRE), ("wire_b", FIRE_CONTRADICTED)):
        path = tmp_path / f"{name}.txt"
        path.write_text("\n\n".join(sentences) + "\n", encoding="utf-8")
        paths.append(str(path))
    return paths


def test_the_summary_names_conflicting_claims_first(tmp_path: Path) -> None:
    paths = _fire_reports(tmp_path)
    result = runner.invoke(app, ["compare", *paths, "--summary"])
    assert result.exit_code == 0, result.stderr
    lines = result.stdout.splitlines()
    assert "3 aligned sentence pairs (2 conflicting)" in lines[0]
    conflicts = [line for line in lines if "conflicting pair:" in line]
    assert len(conflicts) == 2
    assert "12 / 21" in conflicts[0]
    assert "4 / 6" in conflicts[1]


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (["--seed", "-1"], "--seed -1: must be 0 or more"),
        (["--label", "1=X", "--label", "tass=Y"], "--label is given twice"),
        (["--label", "1=X", "--label", "a=Y"], "--label is given twice"),
        (["--min-score", "0"], "must be above 0 and at most 1"),
    ],
)
def test_bad_option_values_are_one_line_errors(
    options: list[str], message: str, tass: Path, cgtn: Path
) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), *options])
    assert result.exit_code == 2
    assert message in result.stderr
    assert "internal error" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_the_tone_table_shows_own_words_and_quotes_apart(tass: Path, cgtn: Path) -> None:
    # The outlet's tone is its own words; the quoted speakers' tone is shown beside it.
    runs = {
        fmt: runner.invoke(app, ["compare", str(tass), str(cgtn), "-f", fmt])
        for fmt in ("json", "markdown")
    }
    assert all(r.exit_code == 0 for r in runs.values())
    tone = json.loads(runs["json"].stdout)["tone"]
    section = runs["markdown"].stdout.split("## Tone")[1].split("\n## ")[0]
    rows = [line for line in section.splitlines() if line.startswith("| ") and "---" not in line]
    assert rows[0].startswith("| outlet | own words | quoted | all words |")
    for line in rows[1:]:
        cells = [c.strip() for c in line.strip("|").split("|")]
        doc = next(d for d in tone if f"({d})" in cells[0] or cells[0] == d)
        assert float(cells[1]) == pytest.approx(tone[doc]["narration_compound"], abs=0.006)
        assert float(cells[2]) == pytest.approx(tone[doc]["quoted_compound"], abs=0.006)
        assert float(cells[3]) == pytest.approx(tone[doc]["mean_compound"], abs=0.006)


def test_detail_tables_keep_the_sentences_readable_at_100_columns(
    tmp_path: Path, tass: Path
) -> None:
    # A long "adds-detail" evidence line must wrap in its own cell, not squeeze the two
    # sentence columns (at 100 columns they were one character wide).
    short = tmp_path / "short.txt"
    short.write_text(
        "Putin said the divergence of opinions in the West remains the main obstacle to "
        "resolving the conflict in Ukraine.\n",
        encoding="utf-8",
    )
    result = runner.invoke(
        app, ["compare", str(tass), str(short), "--detail"], env={"COLUMNS": "100"}
    )
    assert result.exit_code in (0, 1), result.stderr
    lines = result.stdout.splitlines()
    start = next(i for i, line in enumerate(lines) if "Aligned:" in line)
    top = lines[start + 1]
    assert top.startswith("\u250f")
    widths = [len(part) for part in top.strip("\u250f\u2513").split("\u2533")]
    assert len(widths) == 3
    assert min(widths[:2]) >= 25, widths


def test_the_summary_says_how_many_more_conflicts_there_are(tmp_path: Path) -> None:
    districts = ("North", "South", "East", "West", "Central")
    paths = []
    for name, toll in (("one", 12), ("two", 21)):
        path = tmp_path / f"{name}.txt"
        path.write_text(
            "\n\n".join(
                f"The storm killed {toll} people in the {d} district on Monday, officials said."
                for d in districts
            )
            + "\n",
            encoding="utf-8",
        )
        paths.append(str(path))
    result = runner.invoke(app, ["compare", *paths, "--summary"])
    assert result.exit_code == 0, result.stderr
    assert "(5 conflicting)" in result.stdout
    assert result.stdout.count("conflicting pair:") == 3
    assert "2 more conflicting pairs" in result.stdout


def test_a_conflicting_claim_does_not_read_as_agreement_in_the_coverage(tmp_path: Path) -> None:
    paths = _fire_reports(tmp_path)
    markdown = runner.invoke(app, ["compare", *paths, "-f", "markdown"]).stdout
    coverage = markdown.split("## Coverage")[1].split("\n## ")[0]
    row = next(line for line in coverage.splitlines() if "killed 12 workers" in line)
    assert "CONFLICTING: 12 (wire-a) / 21 (wire-b)" in row  # who says what
    report = json.loads(runner.invoke(app, ["compare", *paths, "-f", "json"]).stdout)
    conflicts = {c["text"][:30]: c["conflicts"] for c in report["claims"]}
    assert ["12 / 21"] in conflicts.values()  # as since schema 1.4: one string a pair
    versions = {c["text"][:30]: c["versions"] for c in report["claims"]}
    assert ["12 (wire-a) / 21 (wire-b)"] in versions.values()
    assert [] in conflicts.values()  # the claim told the same way carries no conflict


def test_a_claim_carried_three_ways_names_who_holds_each_version(tmp_path: Path) -> None:
    third = (
        "A fire at a chemical plant in Ludwigshafen killed 12 workers on Tuesday, police said.",
        "The blaze broke out at 6 a.m. in the plant's storage hall.",
        "Firefighters brought it under control by noon.",
    )
    paths = [*_fire_reports(tmp_path), str(tmp_path / "wire_c.txt")]
    Path(paths[2]).write_text("\n\n".join(third) + "\n", encoding="utf-8")
    markdown = runner.invoke(app, ["compare", *paths, "-f", "markdown"]).stdout
    # two claims conflict, whatever the number of conflicting pairs behind them
    assert "3 shared claims (2 with conflicting facts)." in markdown.split("## Summary")[1]
    coverage = markdown.split("## Coverage")[1].split("\n## ")[0]
    assert "CONFLICTING: 12 (wire-a, wire-c) / 21 (wire-b)" in coverage
    assert "CONFLICTING: 4 (wire-a) / 6 (wire-b, wire-c)" in coverage


def test_coverage_marks_a_possibly_covered_claim_with_a_question_mark_not_a_dash(
    tmp_path: Path,
) -> None:
    # Found by a researcher's review: an outlet whose sentence carried the claim in other words
    # (left under the threshold, listed as possibly covered) was shown as lacking it.
    texts = {
        "a": "The river flooded 200 homes in the town of Ashby on Monday, officials said.\n\n"
        "Volunteers filled sandbags through the night near the old mill.\n",
        "b": "The river flooded 200 homes in Ashby on Monday, the council said.\n\n"
        "The mayor asked residents to boil drinking water for a week.\n",
        "c": "Water from the swollen river reached homes across Ashby after days of rain.\n\n"
        "Forecasters expect more storms on Thursday.\n",
    }
    paths = _as_files(tmp_path, texts)
    report = json.loads(runner.invoke(app, ["compare", *paths, "-f", "json"]).stdout)
    (claim,) = report["claims"]
    assert claim["outlets"] == ["a", "b"]
    (entry,) = report["possibly_covered"]["c"]  # c's flood sentence points into the claim
    assert {(x["doc"], x["sentence"]) for x in entry["candidates"]} == {("a", 0), ("b", 0)}
    markdown = runner.invoke(app, ["compare", *paths, "-f", "markdown"]).stdout
    coverage = markdown.split("## Coverage")[1].split("\n## ")[0]
    row = next(line for line in coverage.splitlines() if line.startswith("| c1 "))
    assert row.endswith("| ✓ | ✓ | ? |")
    html = runner.invoke(app, ["compare", *paths, "-f", "html"]).stdout
    assert "<td>✓</td><td>✓</td><td>?</td></tr>" in html
    terminal = runner.invoke(app, ["compare", *paths, "--detail"], env={"COLUMNS": "100"}).stdout
    line = next(x for x in terminal.splitlines() if x.startswith("│ c1 "))
    assert line.split("│")[-4:-1] == [" ✓ ", " ✓ ", " ? "]


def test_rates_name_their_denominator_and_unnamed_quotes_are_counted(tmp_path: Path) -> None:
    # Found by a researcher's review: a narration rate could not be traced (its denominator,
    # the tokens outside quotes, was printed nowhere), and a quote with no named speaker made
    # the quoted share add up to nobody in the speakers list.
    texts = {
        "notice": "The river flooded 200 homes in Ashby on Monday, officials said.\n\n"
        'A notice on the town hall door read: "Stay indoors until the water recedes and boil '
        'all drinking water."\n\n'
        '"We will rebuild every bridge," Mayor Ann Lee said.\n',
        "other": "The river flooded 200 homes in Ashby on Monday.\n",
    }
    args = ["compare", *_as_files(tmp_path, texts), "--allow-different-events"]
    report = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    document = next(d for d in report["documents"] if d["id"] == "notice")
    quoted = sum(len(q["text"].split()) for q in report["quotes"] if q["doc"] == "notice")
    assert document["n_narration_tokens"] == document["n_tokens"] - quoted
    for score in report["frames"]["notice"].values():
        expected = 1000 * score["narration_count"] / document["n_narration_tokens"]
        assert score["narration_per_1000_tokens"] == round(expected, 4)
    voices = report["voices"]["notice"]
    assert [s["name"] for s in voices["speakers"]] == ["Ann Lee"]
    assert (voices["unattributed_quotes"], voices["unattributed_tokens"]) == (1, 11)
    markdown = runner.invoke(app, [*args, "-f", "markdown"]).stdout
    assert "| own words |" in markdown.split("## Documents")[1].split("\n## ")[0]
    assert "no speaker named (1 quote, 11 tokens)" in markdown.split("## Voices")[1]


def test_a_conflict_between_reports_of_different_events_does_not_lead_the_summary(
    tmp_path: Path,
) -> None:
    # Found by a researcher's review: two reports of different events headlined "conflicting
    # pair ... differ on november / september"; their facts are other happenings', not a
    # contradiction.
    texts = {
        "quake": " date 2024-03-01\nQuake on Qeshm\n\nRescue teams searched collapsed houses "
        "in two villages on Qeshm island through the night.\n\nThe quake killed 10 people, state "
        "television said.\n\nThe island is home to about 120,000 people and a free trade zone.\n",
        "floods": " date 2025-07-15\nFloods in Mazandaran\n\nHeavy rain flooded roads and farms "
        "across Mazandaran province on Tuesday.\n\nThe quake killed 3 people, state television "
        "said.\n\nHospitals in Sari treated dozens of injured, and schools would stay closed "
        "for a week.\n",
    }
    paths = _as_files(tmp_path, texts)
    report = json.loads(runner.invoke(app, ["compare", *paths, "-f", "json"]).stdout)
    assert report["same_event"]["relation"] == "different-events"
    assert [p["claim_relation"] for p in report["alignment"]] == ["conflicting"]
    summary = runner.invoke(app, ["compare", *paths, "--summary"]).stdout
    bullets = [line for line in summary.splitlines() if line.startswith("- ")]
    assert not any(line.startswith("- conflicting pair:") for line in bullets)
    assert bullets[-1].startswith("- 1 conflicting pair between reports judged to be of different")


def test_a_publication_line_in_the_text_dates_the_report_in_the_documents_table(
    tmp_path: Path,
) -> None:
    # Found by a researcher's review: "Published: April 10, 2007" above a text dated the report
    # for the same-event check, while the Documents table said "—".
    texts = {
        "dated": "Published: April 10, 2007\n\n"
        "A gunman shot three people at an office in Troy on Monday, police said.\n\n"
        "The suspect was arrested after a chase.\n",
        "other": "A gunman shot three people in Troy, police said.\n",
    }
    args = ["compare", *_as_files(tmp_path, texts), "--allow-different-events"]
    markdown = runner.invoke(app, [*args, "-f", "markdown"]).stdout
    documents = markdown.split("## Documents")[1].split("\n## ")[0]
    assert "| dated | dated | 2007-04-10 (text) |" in documents
    assert "| other | other | — |" in documents
    report = json.loads(runner.invoke(app, [*args, "-f", "json"]).stdout)
    assert [d["date"] for d in report["documents"]] == [None, None]  # metadata only, as documented


def _as_files(folder: Path, texts: dict[str, str]) -> list[str]:
    """Each text written as ``<name>.txt`` in ``folder``; their paths, in order."""
    paths = []
    for name, text in texts.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
        paths.append(str(folder / f"{name}.txt"))
    return paths
