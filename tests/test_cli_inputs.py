"""Every input kind through the real entry point: pages, URLs, feeds, records, encodings, edges."""

from __future__ import annotations

import html
import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import jsonschema
import pytest
from typer.testing import CliRunner

from framecmp import __version__
from framecmp.cli import app

runner = CliRunner()
ROOT = Path(__file__).resolve().parent.parent


def _page(article: Path, outlet: str) -> bytes:
    """A news page around a sample article: navigation, share widget, footer, JSON-LD."""
    paragraphs = article.read_text(encoding="utf-8").split("\n")[1:]
    body = "".join(f"<p>{html.escape(p)}</p>" for p in paragraphs if p.strip())
    return (
        "<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'><title>Story</title>"
        '<script type="application/ld+json">{"@type": "NewsArticle", '
        f'"datePublished": "2025-11-27", "publisher": {{"@type": "Organization", '
        f'"name": "{outlet}"}}}}</script>'
        "</head><body><nav><a href='/'>Home</a><a href='/c'>Conflict Zone</a></nav>"
        "<div>Share on Facebook</div><main><article>"
        f"{body}</article></main><footer>Reuse this content</footer></body></html>"
    ).encode()


def _json_out(result_stdout: str) -> dict:  # type: ignore[type-arg]
    return json.loads(result_stdout)


# --- HTML files ------------------------------------------------------------------------------


def test_two_saved_pages_compare_with_outlets_from_metadata(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    (tmp_path / "a.html").write_bytes(_page(tass, "Wire One"))
    (tmp_path / "b.html").write_bytes(_page(cgtn, "Wire Two"))
    result = runner.invoke(
        app, ["compare", str(tmp_path / "a.html"), str(tmp_path / "b.html"), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    assert [d["outlet"] for d in report["documents"]] == ["Wire One", "Wire Two"]
    assert [d["date"] for d in report["documents"]] == ["2025-11-27", "2025-11-27"]
    sentences = " ".join(s["text"] for doc in report["sentences"].values() for s in doc)
    assert "Conflict Zone" not in sentences
    assert "Share on Facebook" not in sentences
    removed = [r["text"] for r in report["documents"][0]["removed"]]
    assert "Conflict Zone" in removed


# --- URLs ------------------------------------------------------------------------------------


class _Server:
    def __init__(self, routes: dict[str, tuple[int, dict[str, str], bytes]]) -> None:
        self.routes = routes
        self.user_agents: list[str] = []
        outer = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                outer.user_agents.append(self.headers.get("User-Agent", ""))
                if self.path == "/slow":
                    import time

                    time.sleep(3)
                status, headers, body = outer.routes.get(self.path, (404, {}, b"missing"))
                self.send_response(status)
                for key, value in headers.items():
                    self.send_header(key, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args: object) -> None:
                pass

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                pass  # a client that gave up (timeout, size cap) is what some tests do

        self.httpd = QuietServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server(tass: Path, cgtn: Path) -> Iterator[_Server]:
    html_type = {"Content-Type": "text/html; charset=utf-8"}
    routes = {
        "/a": (200, html_type, _page(tass, "Wire One")),
        "/b": (200, html_type, _page(cgtn, "Wire Two")),
        "/moved": (302, {"Location": "/a"}, b""),
        "/loop": (302, {"Location": "/loop"}, b""),
        "/to-file": (302, {"Location": "file:///etc/passwd"}, b""),
        "/big": (200, html_type, b"<p>" + b"x" * 3000 + b"</p>"),
    }
    running = _Server(routes)
    yield running
    running.close()


def test_compare_two_urls(server: _Server) -> None:
    result = runner.invoke(
        app,
        [
            "compare",
            f"{server.base}/a",
            f"{server.base}/moved",
            "-f",
            "json",
            "--allow-different-events",
        ],
    )
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    assert [d["outlet"] for d in report["documents"]] == ["Wire One", "Wire One"]
    assert all(
        ua == f"framecmp/{__version__} (+https://pypi.org/project/framecmp/)"
        for ua in server.user_agents
    )


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/nothing", "HTTP 404"),
        ("/loop", "more than 5 redirects"),
        ("/big", "limit"),
        # an adversarial review: it said "more than 5 redirects"
        ("/to-file", "redirected to file:///etc/passwd, not an http(s) URL; not followed"),
    ],
)
def test_failed_url_is_one_line_and_exit_2(server: _Server, path: str, message: str) -> None:
    url = f"{server.base}{path}"
    result = runner.invoke(app, ["compare", url, f"{server.base}/a", "--max-bytes", "2500"])
    assert result.exit_code == 2
    assert result.stderr.startswith(f"framecmp: error: {url}: ")
    assert message in result.stderr
    assert result.stderr.count("\n") == 1


def test_cache_dir_serves_a_rerun_without_the_network(server: _Server, tmp_path: Path) -> None:
    urls = [f"{server.base}/a", f"{server.base}/b"]
    cache = ["--cache-dir", str(tmp_path / "cache"), "-f", "json"]
    first = runner.invoke(app, ["compare", *urls, *cache])
    server.close()
    second = runner.invoke(app, ["compare", *urls, *cache])
    assert first.exit_code == second.exit_code == 0, second.stderr
    assert first.stdout == second.stdout


# --- feeds -----------------------------------------------------------------------------------


def _rss(items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(
        f"<item><title>{title}</title><link>{link}</link>"
        f"<pubDate>Thu, 27 Nov 2025 10:00:00 GMT</pubDate>"
        f"<description>{html.escape(body)}</description></item>"
        for title, link, body in items
    )
    return (
        '<?xml version="1.0"?><rss version="2.0"><channel><title>Example Feed</title>'
        f"{entries}</channel></rss>"
    ).encode()


def test_feed_entries_become_articles_with_title_date_and_source(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    feed = tmp_path / "news.xml"
    feed.write_bytes(
        _rss(
            [
                ("First", "https://example.org/1", tass.read_text(encoding="utf-8")),
                ("Second", "https://example.org/2", cgtn.read_text(encoding="utf-8")),
            ]
        )
    )
    result = runner.invoke(app, ["compare", str(feed), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    documents = _json_out(result.stdout)["documents"]
    assert [(d["title"], d["url"], d["date"]) for d in documents] == [
        ("First", "https://example.org/1", "2025-11-27"),
        ("Second", "https://example.org/2", "2025-11-27"),
    ]
    assert documents[1]["outlet"] == "Example Feed"
    sentences = _json_out(result.stdout)["sentences"]
    assert "rss" not in " ".join(s["text"] for doc in sentences.values() for s in doc)


def test_feed_entries_without_text_fetch_their_links(server: _Server, tmp_path: Path) -> None:
    feed = tmp_path / "teasers.rss"
    feed.write_bytes(
        _rss([("One", f"{server.base}/a", "Teaser."), ("Two", f"{server.base}/b", "Teaser.")])
    )
    without = runner.invoke(app, ["compare", str(feed)])
    assert without.exit_code == 2
    assert "--fetch-links" in without.stderr
    result = runner.invoke(app, ["compare", str(feed), "--fetch-links", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert [d["outlet"] for d in _json_out(result.stdout)["documents"]] == ["Wire One", "Wire Two"]


# --- records ---------------------------------------------------------------------------------


def _records(tass: Path, cgtn: Path) -> list[dict[str, object]]:
    return [
        {
            "body": tass.read_text(encoding="utf-8"),
            "source": {"name": "TASS"},
            "published": "2025-11-27T08:00:00Z",
        },
        {
            "body": cgtn.read_text(encoding="utf-8"),
            "source": {"name": "CGTN"},
            "published": "2025-11-27T09:00:00Z",
        },
    ]


def test_jsonl_on_stdin_with_named_fields(tass: Path, cgtn: Path) -> None:
    lines = "\n".join(json.dumps(r) for r in _records(tass, cgtn)) + "\n"
    result = runner.invoke(
        app,
        [
            "compare",
            "-",
            "--field",
            "text=body",
            "--field",
            "outlet=source",
            "--field",
            "date=published",
            "-f",
            "json",
        ],
        input=lines,
    )
    assert result.exit_code == 0, result.stderr
    documents = _json_out(result.stdout)["documents"]
    assert [(d["outlet"], d["date"]) for d in documents] == [
        ("TASS", "2025-11-27"),
        ("CGTN", "2025-11-27"),
    ]
    # The capture header inside the record text is cleaned as for a .txt file.
    sentences = _json_out(result.stdout)["sentences"]
    assert all(not s["text"].startswith("date ") for doc in sentences.values() for s in doc)


@pytest.mark.parametrize(
    ("bad", "problem"),
    [
        ("{oops", "invalid JSON at column 2: Expecting property name enclosed in double quotes"),
        # a user's black-box review: this was an internal error, which --skip-bad did not skip
        ("[" * 100_000 + "]" * 100_000, "JSON nested too deeply to read"),
    ],
)
def test_bad_jsonl_line_is_named_and_skip_bad_counts(
    tmp_path: Path, tass: Path, cgtn: Path, bad: str, problem: str
) -> None:
    good = [json.dumps(r) for r in _records(tass, cgtn)]
    path = tmp_path / "feed.jsonl"
    path.write_text(f"{good[0]}\n{bad}\n{good[1]}\n", encoding="utf-8")
    fields = ["--field", "text=body"]
    result = runner.invoke(app, ["compare", str(path), *fields])
    assert result.exit_code == 2
    assert result.stderr == f"framecmp: error: {path}: line 2: {problem}\n"
    result = runner.invoke(app, ["compare", str(path), *fields, "--skip-bad", "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert f"{path}: skipped 1 bad record(s)" in result.stderr
    assert len(_json_out(result.stdout)["documents"]) == 2


def test_unknown_field_role_is_an_error(tass: Path, cgtn: Path) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), "--field", "body=text"])
    assert result.exit_code == 2
    assert result.stderr.startswith("framecmp: error: --field 'body=text': role must be one of")


# --- encodings -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("codec", "prefix", "expected"),
    [
        ("utf-8", b"\xef\xbb\xbf", "utf-8-sig"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
        ("utf-32-le", b"\xff\xfe\x00\x00", "utf-32-le"),
        ("utf-16-le", b"", "utf-16-le"),
        ("cp1252", b"", "cp1252"),
    ],
)
def test_encodings_are_read_and_recorded(
    tmp_path: Path, tass: Path, cgtn: Path, codec: str, prefix: bytes, expected: str
) -> None:
    text = cgtn.read_text(encoding="utf-8")
    if codec == "cp1252":
        text = text.replace("\u2019", "'").replace("\u201c", '"').replace("\u201d", '"')
        text += "\nThe caf\u00e9 owners in the capital said their r\u00e9sum\u00e9s were ready."
    path = tmp_path / "b.txt"
    path.write_bytes(prefix + text.encode(codec, errors="replace"))
    result = runner.invoke(app, ["compare", str(tass), str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    documents = _json_out(result.stdout)["documents"]
    assert [d["encoding"] for d in documents] == ["utf-8", expected]
    assert documents[1]["outlet"] == "CGTN"


RUSSIAN_REPORT = (
    "МОСКВА, 27 ноября. /ТАСС/. Министры иностранных дел двух стран провели переговоры "
    "в столице и договорились продолжить консультации в следующем месяце.\n"
    "По словам министра, стороны обсудили торговлю, транспорт и вопросы безопасности, "
    "а также подготовку визита президента.\n"
)


def test_a_report_in_another_language_gets_cannot_tell_not_different_events(
    tmp_path: Path, tass: Path
) -> None:
    path = tmp_path / "ru.txt"
    path.write_text(RUSSIAN_REPORT, encoding="utf-8")
    # no --allow-different-events: "cannot tell" is not "different events" (exit 0)
    result = runner.invoke(app, ["compare", str(tass), str(path), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert "cannot tell whether the inputs report one event" in result.stderr
    report = _json_out(result.stdout)
    schema = json.loads((ROOT / "framecmp" / "report" / "schema.json").read_text("utf-8"))
    jsonschema.validate(report, schema)
    assert report["same_event"]["relation"] == "undetermined"
    assert report["same_event"]["pairs"][0]["relation"] == "undetermined"
    assert not any("do not look like reports of the same event" in w for w in report["warnings"])
    markdown = runner.invoke(app, ["compare", str(tass), str(path), "-f", "markdown"])
    assert markdown.exit_code == 0, markdown.stderr
    assert "cannot tell whether they are one event" in markdown.stdout
    assert "**not** the same event" not in markdown.stdout


def test_cyrillic_cp1251_is_detected_and_russian_gets_no_english_analysis(
    tmp_path: Path, tass: Path
) -> None:
    russian = (
        "МОСКВА, 27 ноября. /ТАСС/. Министры иностранных дел двух стран провели переговоры "
        "в столице и договорились продолжить консультации в следующем месяце.\n"
        "По словам министра, стороны обсудили торговлю, транспорт и вопросы безопасности, "
        "а также подготовку визита президента.\n"
        "Он добавил, что следующая встреча пройдет в начале декабря, и что делегации "
        "подготовят проект совместного заявления.\n"
    )
    path = tmp_path / "ru.txt"
    path.write_bytes(russian.encode("cp1251"))
    result = runner.invoke(
        app, ["compare", str(tass), str(path), "-f", "json", "--allow-different-events"]
    )
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    ru = report["documents"][1]
    assert (ru["encoding"], ru["language"]) == ("cp1251", "ru")
    assert ru["outlet"] == "ТАСС"
    assert ru["place"] == "Москва"
    assert any("English-only" in w and ru["id"] in w for w in report["warnings"])
    assert not report["distinctive_terms"].get(ru["id"])
    assert not report["frames"].get(ru["id"])


def test_encoding_option_overrides_detection(tmp_path: Path, tass: Path, cgtn: Path) -> None:
    path = tmp_path / "b.txt"
    text = cgtn.read_text(encoding="utf-8").replace("\u2019", "'").replace("\u201c", '"')
    path.write_bytes(
        text.replace("\u201d", '"').encode("cp1252")
        + b"\nCaf\xe9 owners said the talks went well.\n"
    )
    bad = runner.invoke(app, ["compare", str(tass), str(path), "--encoding", "utf-8"])
    assert bad.exit_code == 2
    assert bad.stderr.count("\n") == 1
    assert "check --encoding" in bad.stderr
    good = runner.invoke(app, ["compare", str(tass), str(path), "--encoding", "latin-1"])
    assert good.exit_code == 0, good.stderr


# --- edges -----------------------------------------------------------------------------------


def test_fifo_is_refused_at_once(tmp_path: Path, tass: Path) -> None:
    fifo = tmp_path / "fifo.txt"
    os.mkfifo(fifo)
    result = subprocess.run(
        [sys.executable, "-m", "framecmp", "compare", str(fifo), str(tass)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert result.returncode == 2
    assert (
        result.stderr
        == f"framecmp: error: {fifo}: not a regular file (a pipe or device); give a file\n"
    )


def test_symlink_loop_is_one_line(tmp_path: Path, tass: Path) -> None:
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    result = runner.invoke(app, ["compare", str(loop), str(tass)])
    assert result.exit_code == 2
    assert result.stderr == f"framecmp: error: {loop}: symbolic link loop\n"


def test_same_file_twice_warns(tass: Path) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(tass), "-f", "json"])
    assert "given twice" in result.stderr
    assert any("given twice" in w for w in _json_out(result.stdout)["warnings"])


def test_repeated_label_for_one_input_is_an_error(tass: Path, cgtn: Path) -> None:
    result = runner.invoke(
        app, ["compare", str(tass), str(cgtn), "--label", "1=A", "--label", "1=B"]
    )
    assert result.exit_code == 2
    assert result.stderr == "framecmp: error: --label 1=...: given twice for one input\n"


def test_output_into_a_missing_directory_is_an_error(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    target = tmp_path / "missing" / "r.json"
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), "-o", str(target)])
    assert result.exit_code == 2
    assert "does not exist" in result.stderr
    assert not target.parent.exists()


def test_report_dir_names_stay_short_with_many_inputs(tmp_path: Path, tass: Path) -> None:
    inputs = []
    for number in range(12):
        path = tmp_path / f"a-rather-long-outlet-name-number-{number}.txt"
        path.write_text(tass.read_text(encoding="utf-8"), encoding="utf-8")
        inputs.append(str(path))
    result = runner.invoke(app, ["compare", *inputs, "--report-dir", str(tmp_path / "out")])
    assert result.exit_code == 0, result.stderr
    names = sorted(p.name for p in (tmp_path / "out").iterdir())
    assert len(names) == 3
    assert all(len(n) < 120 for n in names)
    assert names[0].startswith("tass-vs-tass-2-and-10-more-")


def test_undecodable_file_in_background_is_skipped_with_a_warning(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    folder = tmp_path / "bg"
    folder.mkdir()
    (folder / "good.txt").write_text(cgtn.read_text(encoding="utf-8"), encoding="utf-8")
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02\x03" * 50)
    result = runner.invoke(
        app, ["compare", str(tass), str(cgtn), "--background", str(folder), "-f", "json"]
    )
    assert result.exit_code == 0, result.stderr
    assert f"--background: skipped {folder / 'binary.txt'}: looks like a binary" in result.stderr


def test_closed_pipe_exits_0_quietly(tass: Path, cgtn: Path) -> None:
    command = (
        f"{sys.executable} -m framecmp compare {tass} {cgtn} --format markdown | head -1; "
        'echo "status=${PIPESTATUS[0]}"'
    )
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, timeout=120, check=False
    )
    assert result.stdout.strip().endswith("status=0")
    assert "Error" not in result.stderr
    assert "BrokenPipe" not in result.stderr


def test_plain_text_compare_loads_no_input_library(tass: Path, cgtn: Path) -> None:
    code = (
        "import sys; from framecmp import api; "
        f"api.compare([{str(tass)!r}, {str(cgtn)!r}]); print('\\n'.join(sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=300
    ).stdout
    loaded = set(out.split())
    # charset_normalizer is left out: numpy.f2py, which the analysis stages load, imports it.
    heavy = {"trafilatura", "lxml", "feedparser", "py3langid", "htmldate", "justext"}
    assert not {name.split(".")[0] for name in loaded} & heavy
    ingest = {"framecmp.ingest.html", "framecmp.ingest.feeds", "framecmp.ingest.records"}
    assert not loaded & (ingest | {"framecmp.ingest.fetch"})


def test_sigterm_stops_with_a_message_and_no_report(tmp_path: Path, tass: Path) -> None:
    import signal
    import time

    target = tmp_path / "r.json"
    process = subprocess.Popen(
        [sys.executable, "-m", "framecmp", "compare", "-", str(tass), "-o", str(target)],
        stdin=subprocess.PIPE,
        stderr=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    time.sleep(5)  # the command is now waiting for standard input that never ends
    process.send_signal(signal.SIGTERM)
    _, stderr = process.communicate(timeout=60)
    assert process.returncode == 2
    assert stderr.decode() == "framecmp: interrupted; no report was written\n"
    assert list(tmp_path.iterdir()) == []


def test_a_dump_longer_than_an_article_is_cut_with_a_warning(tmp_path: Path, tass: Path) -> None:
    from framecmp.api import MAX_ANALYSED_CHARS

    lines = [line for line in tass.read_text(encoding="utf-8").split("\n")[1:] if line.strip()]
    paragraphs: list[str] = []
    while sum(len(p) + 1 for p in paragraphs) <= MAX_ANALYSED_CHARS * 1.2:
        paragraphs.append(f"Part {len(paragraphs)}: {lines[len(paragraphs) % len(lines)]}")
    big = tmp_path / "dump.txt"
    big.write_text("\n".join(paragraphs) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(big), str(tass), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    dump = report["documents"][0]
    assert [r["kind"] for r in dump["removed"]][-1] == "over-length"
    assert any(w.startswith(f"{dump['id']}: too long to analyse whole") for w in report["warnings"])
    analysed = " ".join(s["text"] for s in report["sentences"][dump["id"]])
    assert "Part 0:" in analysed
    assert f"Part {len(paragraphs) - 1}:" not in analysed


def test_outlet_of_a_text_capture_falls_back_to_its_url_host(tmp_path: Path, tass: Path) -> None:
    body = tass.read_text(encoding="utf-8").split("\n", 1)[1]
    capture = tmp_path / "page.txt"
    capture.write_text(f"URL: https://www.example-news.org/world/1\n{body}", encoding="utf-8")
    result = runner.invoke(app, ["compare", str(capture), str(tass), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    assert _json_out(result.stdout)["documents"][0]["outlet"] == "example-news.org"


def test_a_url_that_does_not_answer_in_time_is_one_error(server: _Server) -> None:
    from framecmp.api import load_inputs
    from framecmp.errors import InputError
    from framecmp.ingest.load import LoadOptions

    url = f"{server.base}/slow"
    with pytest.raises(InputError) as err:
        load_inputs([url], options=LoadOptions(timeout_seconds=0.5))
    assert str(err.value) == f"{url}: no answer within 0.5 s"


def test_characters_lost_before_reading_are_reported(tmp_path: Path, tass: Path) -> None:
    damaged = tmp_path / "damaged.txt"
    text = tass.read_text(encoding="utf-8")
    damaged.write_text(text.replace(" the ", " the \ufffd\ufffd ", 1), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(damaged), str(tass), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    doc = report["documents"][0]["id"]
    lost = [w for w in report["warnings"] if "could not be read" in w]
    assert len(lost) == 1
    assert lost[0].startswith(f"{doc}: 2 characters")  # the damaged input, with the count


def test_windows_1252_smart_quotes_are_read_as_windows_1252(tmp_path: Path, tass: Path) -> None:
    # English from Word or an old CMS (a real report, ECB+ 8_1ecbplus, CC BY 3.0): curly
    # apostrophes and quotes are its only bytes above ASCII, too few for a detector, which
    # read "don't" as Chinese and lost the negation
    report_text = (
        Path(__file__).parent.parent / "eval" / "data" / "ecbplus" / "8" / "8_1ecbplus.txt"
    )
    text = report_text.read_text(encoding="utf-8").replace("'", "\u2019")
    path = tmp_path / "word-export.txt"
    path.write_bytes(text.encode("cp1252"))
    result = runner.invoke(
        app, ["compare", str(tass), str(path), "-f", "json", "--allow-different-events"]
    )
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    assert report["documents"][1]["encoding"] == "cp1252"
    sentences = " ".join(s["text"] for s in report["sentences"][report["documents"][1]["id"]])
    assert "don\u2019t know" in sentences  # the report's own "I don't know how..."


def test_the_same_text_under_two_names_is_noted(tmp_path: Path, tass: Path, cgtn: Path) -> None:
    copy = tmp_path / "syndicated.txt"
    copy.write_text(cgtn.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), str(copy), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    report = _json_out(result.stdout)
    same = [w for w in report["warnings"] if "the same text as" in w]
    assert len(same) == 1
    assert same[0].startswith(report["documents"][2]["id"])


# --- untrusted names and paths (a user's black-box review, 7 Dec, tenth session) -------------


def test_control_characters_in_an_outlet_name_reach_no_report_or_chart(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    import xml.etree.ElementTree as ElementTree

    records = _records(tass, cgtn)
    records[0]["source"] = {"name": "TA\x1b]0;PWNED\x07SS\x1b[31m"}
    path = tmp_path / "feed.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in records) + "\n", encoding="utf-8")
    report, plots = tmp_path / "r.html", tmp_path / "plots"
    result = runner.invoke(
        app, ["compare", str(path), "--field", "text=body", "-o", str(report), "--plot", str(plots)]
    )
    assert result.exit_code == 0, result.stderr
    page = report.read_text(encoding="utf-8")
    assert "\x1b" not in page
    assert "\x07" not in page
    assert "TASS" in page  # the name, without what could drive a terminal
    charts = sorted(plots.glob("*.svg"))
    assert charts
    for chart in charts:
        ElementTree.parse(chart)  # well-formed XML: a browser opens it


def test_an_output_that_is_one_of_the_inputs_is_refused(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    article = tmp_path / "tass.md"
    article.write_text(tass.read_text(encoding="utf-8"), encoding="utf-8")
    before = article.read_bytes()
    result = runner.invoke(app, ["compare", str(article), str(cgtn), "-o", str(article)])
    assert result.exit_code == 2
    assert result.stderr == (
        f"framecmp: error: {article}: is one of the inputs; write the report to another file\n"
    )
    assert article.read_bytes() == before


def test_a_file_name_cannot_drive_the_terminal(tmp_path: Path, tass: Path) -> None:
    name = tmp_path / "miss\x1b]0;PWNED\x07ing.txt"
    result = runner.invoke(app, ["compare", str(tass), str(name)])
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "\x07" not in result.stderr
    assert result.stderr.endswith("miss\\x1b]0;PWNED\\x07ing.txt: no such file\n")


@pytest.mark.parametrize("limit", ["0", "-1"])
def test_max_bytes_must_allow_a_byte(tass: Path, cgtn: Path, limit: str) -> None:
    result = runner.invoke(app, ["compare", str(tass), str(cgtn), "--max-bytes", limit])
    assert result.exit_code == 2
    assert result.stderr == f"framecmp: error: --max-bytes {limit}: must be at least 1\n"


def test_a_file_name_holding_a_newline_is_a_file_not_text(
    tmp_path: Path, tass: Path, cgtn: Path
) -> None:
    named = tmp_path / "nl\nname.txt"
    named.write_text(cgtn.read_text(encoding="utf-8"), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(tass), str(named), "-f", "json"])
    assert result.exit_code == 0, result.stderr
    documents = _json_out(result.stdout)["documents"]
    assert [d["path"] for d in documents] == [str(tass), str(named)]
    missing = runner.invoke(app, ["compare", str(tass), str(tmp_path / "no\nsuch.txt")])
    assert missing.exit_code == 2
    assert missing.stderr.endswith("no\\nsuch.txt: no such file\n")


def test_an_interrupt_while_reports_render_leaves_the_report_folder_as_it_was(
    tmp_path: Path, tass: Path, cgtn: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from framecmp import api

    folder = tmp_path / "reports"
    runner.invoke(app, ["compare", str(tass), str(cgtn), "--report-dir", str(folder), "-q"])
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert len(before) == 3
    render = api.render

    def interrupted_at_html(comparison: object, fmt: str) -> str:
        if fmt == "html":  # the last format: Markdown and JSON are already rendered
            raise KeyboardInterrupt
        return render(comparison, fmt)  # type: ignore[arg-type]

    monkeypatch.setattr(api, "render", interrupted_at_html)
    result = runner.invoke(
        app, ["compare", str(tass), str(cgtn), "--report-dir", str(folder), "-q", "--seed", "7"]
    )
    assert result.exit_code == 2
    assert result.stderr == "framecmp: interrupted; no report was written\n"
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before


@pytest.mark.parametrize("fmt", ["markdown", "html", "json"])
def test_bidi_overrides_in_an_article_cannot_reorder_what_a_report_shows(
    tmp_path: Path, tass: Path, cgtn: Path, fmt: str
) -> None:
    spoofed = tmp_path / "spoofed.txt"
    text = tass.read_text(encoding="utf-8")
    spoofed.write_text(text.replace(" the ", " the \u202edias ton\u202c ", 1), encoding="utf-8")
    result = runner.invoke(app, ["compare", str(spoofed), str(cgtn), "-f", fmt])
    assert result.exit_code == 0, result.stderr
    controls = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
    assert not any(c in result.stdout for c in controls)
    assert "dias ton" in result.stdout  # the words stay, in the order they are stored
