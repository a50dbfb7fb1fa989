"""Output that cannot be hijacked: what a manifest or a file name holds never steers the terminal,
a CI log or the parser of a report.

A catalogue of hostile values, each put where privlint prints it verbatim (a purpose's ``section``,
which findings quote) and, where a file system allows it, in a file name; every format is run
over all of them through the real command line, piped and on a terminal (a pseudo-terminal),
and what it prints is read the way its consumer reads it: a terminal, GitHub's runner (which
takes ``::command`` after leading white space, and ``##[command]`` anywhere in a line), an XML
parser, a strict UTF-8 decoder and a JSON parser. A property test then feeds the renderers any
text at all.
"""

from __future__ import annotations

import json
import os
import pty
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from privlint.report import github, junit, markdown, text
from privlint.report.escape import line_start, printable, undecodable
from privlint.rules import Finding, Severity
from privlint.run.linter import Summary

pytestmark = pytest.mark.timeout(300)
DATA = Path(__file__).parent / "data"

#: Each class of hostile value: a YAML double-quoted text (its escapes) for the manifest, and the
#: characters for a file name (None where no file system holds it).
HOSTILE = {
    "csi-clear-screen": ("\\e[2J\\e[H", "\x1b[2J\x1b[H"),
    "osc-8-hyperlink": ("\\e]8;;https://evil.example\\e\\\\click\\e]8;;\\e\\\\", "\x1b]8;;evil\x07click\x1b]8;;\x07"),
    "osc-52-clipboard": ("\\e]52;c;Y3VybCBldmlsIHwgc2g=\\a", "\x1b]52;c;Y3VybA==\x07"),
    "c0-controls": ("\\0\\a\\b\\x0b\\f\\x7f", "\x01\x07\x08\x0b\x0c\x7f"),
    "c1-controls": ("\\x9b31m\\x9d0;title\\x9c\\x85", "\x9b31m\x9d0;t\x9c\x85"),
    "carriage-return": ("hidden\\roverwritten", "hidden\roverwritten"),
    "line-feed-and-command": ("x\\n::error file=a.yaml::injected", "x\n::error file=a::injected"),
    "unicode-line-separators": ("x\\u2028::warning::a\\u2029::notice::b", "x\u2028::warning::a\u2029::notice::b"),
    "bidi-overrides": ("\\u202eexe.txt\\u202c \\u2066isolated\\u2069 \\u200f\\u061c", "\u202etxt.exe\u202c\u2066x\u2069"),
    "command-at-the-start": ("::stop-commands::token", "::error file=a::pwn"),
    "command-after-white-space": ("\\u00a0\\u3000::add-mask::privlint", "\u00a0\u3000::warning::nbsp"),
    "legacy-command-in-a-line": ("text ##[add-mask]privlint and ##[stop-commands]t", "x ##[set-output name=a]b"),
    "not-allowed-in-xml": ("\\0\\x01\\ufffe\\uffff", "\x01\ufffe\uffff"),
    "undecodable-file-name": (None, b"\xff\xfe\xc3"),
}
#: Characters no line of output may hold (the line's own end aside): what the escapes are for.
UNSAFE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]")
#: The colours privlint's own text report uses (SGR sequences), on a terminal.
OWN_COLOURS = re.compile("\x1b\\[[0-9;]*m")
OWN_GITHUB_COMMANDS = {"group", "endgroup", "error", "warning", "notice"}


def workflow_command(line: str) -> str | None:
    """The command GitHub's runner (ActionCommand.TryParseV2, then TryParse) reads in a log line, if any."""
    trimmed = line.lstrip()  # .NET TrimStart: every Unicode white-space character
    if trimmed.startswith("::") and "::" in trimmed[2:]:
        return trimmed[2 : trimmed.index("::", 2)].split(" ")[0]
    start = line.find("##[")
    if start >= 0 and "]" in line[start:]:
        return line[start + 3 : line.index("]", start)].split(" ")[0]
    return None


def manifest(section: str) -> str:
    return f'privlint: 1\npurposes:\n  - id: a\n    section: "{section}"\n'


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory) -> Path:
    """A manifest per class with the value in a finding, and a file per class with the value in its name."""
    directory = tmp_path_factory.mktemp("hostile")
    for name, (in_yaml, in_name) in HOSTILE.items():
        if in_yaml is not None:
            (directory / f"{name}.privacy.yaml").write_text(manifest(in_yaml), encoding="utf-8")
        raw = in_name if isinstance(in_name, bytes) else in_name.encode("utf-8")
        with open(os.path.join(os.fsencode(directory), raw + b".privacy.yaml"), "wb") as stream:
            stream.write(manifest("plain").encode("utf-8"))
    return directory


def privlint(directory: Path, *args: str, terminal: bool = False) -> bytes:
    """What privlint prints (standard output) over ``directory``, piped or on a pseudo-terminal."""
    command = [sys.executable, "-m", "privlint", "--today", "2026-11-23", "--no-cache", "--select", "missing-legal-basis", *args, "."]
    environment = {key: value for key, value in os.environ.items() if key not in ("GITHUB_ACTIONS", "NO_COLOR", "FORCE_COLOR")}
    if not terminal:
        done = subprocess.run(command, cwd=directory, capture_output=True, env=environment, timeout=240)
        assert b"Traceback" not in done.stderr, done.stderr.decode("utf-8", "replace")
        return done.stdout
    controller, terminal_end = pty.openpty()
    process = subprocess.Popen(command, cwd=directory, stdout=terminal_end, stderr=subprocess.DEVNULL, env=environment)
    os.close(terminal_end)
    received = b""
    while True:
        try:
            chunk = os.read(controller, 65536)
        except OSError:  # Linux: the other end is closed
            break
        if not chunk:
            break
        received += chunk
    os.close(controller)
    process.wait(timeout=240)
    return received.replace(b"\r\n", b"\n")  # the terminal's own line ends (onlcr)


def findings_in(report: str) -> int:
    return sum(" PL101 " in line for line in report.splitlines())


# -- text: piped and on a terminal --------------------------------------------------------------


@pytest.mark.parametrize("terminal", [False, True], ids=["piped", "terminal"])
def test_text_output_escapes_everything_a_manifest_or_file_name_holds(hostile_project, terminal):
    report = privlint(hostile_project, "--format", "text", terminal=terminal).decode("utf-8")  # strict: valid UTF-8
    if terminal:
        assert OWN_COLOURS.search(report), "no colour: the terminal was not detected"
        report = OWN_COLOURS.sub("", report)
    lines = report.splitlines()
    assert [line for line in lines if UNSAFE.search(line)] == []
    assert [line for line in lines if workflow_command(line)] == []
    assert findings_in(report) == len(HOSTILE) + sum(in_yaml is not None for in_yaml, _ in HOSTILE.values())
    assert "hidden\\x0doverwritten" in report and "\\x1b]52;c;" in report and "\\u202eexe.txt" in report
    assert "./::error file=a::pwn.privacy.yaml:3:5: PL101" in report  # the same file, named so it cannot be a command
    assert "\\xff\\xfe\\xc3.privacy.yaml:3:5: PL101" in report  # the bytes of a name that is not UTF-8


def test_the_list_of_files_escapes_their_names_too(hostile_project):
    listed = privlint(hostile_project, "--show-files").decode("utf-8").splitlines()
    assert len(listed) == len(list(hostile_project.iterdir()))
    assert [line for line in listed if UNSAFE.search(line) or workflow_command(line)] == []


# -- GitHub Actions ----------------------------------------------------------------------------------


def test_github_output_issues_only_privlints_own_commands(hostile_project):
    report = privlint(hostile_project, "--format", "github").decode("utf-8")
    lines = report.splitlines()
    commands = [workflow_command(line) for line in lines]
    assert set(commands) - {None} <= OWN_GITHUB_COMMANDS
    assert commands.count("group") == commands.count("endgroup") == len(list(hostile_project.iterdir()))
    assert sum(command in ("error", "warning", "notice") for command in commands) == github.ANNOTATIONS_PER_LEVEL + 1
    assert [line for line in lines if UNSAFE.search(line)] == []
    for line in lines:
        if workflow_command(line) in ("error", "warning", "notice"):  # properties end at the first '::'
            assert line.count("::") == 2, line


# -- machine-readable reports ------------------------------------------------------------------------


def test_junit_xml_is_well_formed_whatever_the_manifest_holds(hostile_project):
    report = privlint(hostile_project, "--format", "junit")
    root = ET.fromstring(report)  # expat refuses every character XML 1.0 does not allow
    suites = root.findall("testsuite")
    assert len(suites) == len(list(hostile_project.iterdir()))
    failures = [failure.get("message") for failure in root.iter("failure")]
    assert len(failures) == len(suites) and all(not UNSAFE.search(message) for message in failures)
    assert "\\xff\\xfe\\xc3.privacy.yaml" in {suite.get("file") for suite in suites}


@pytest.mark.parametrize("output_format", ["json", "sarif", "gitlab"])
def test_json_reports_are_valid_utf8_for_file_names_that_are_not(hostile_project, output_format):
    report = privlint(hostile_project, "--format", output_format)
    document = json.loads(report.decode("utf-8"))  # strict: no surrogate or stray byte got through
    if output_format == "json":
        files = {finding["file"] for finding in document["findings"]}
        messages = [finding["message"] for finding in document["findings"]]
    elif output_format == "gitlab":
        files = {issue["location"]["path"] for issue in document}
        messages = [issue["description"] for issue in document]
    else:
        schema = json.loads((DATA / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
        assert list(jsonschema.Draft4Validator(schema).iter_errors(document)) == []
        results = document["runs"][0]["results"]
        files = {result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for result in results}
        messages = [result["message"]["text"] for result in results]
        assert "%FF%FE%C3.privacy.yaml" in files  # the name's own bytes, percent-encoded
    assert len(messages) == len(HOSTILE) + sum(in_yaml is not None for in_yaml, _ in HOSTILE.values())
    if output_format != "sarif":
        assert "\\xff\\xfe\\xc3.privacy.yaml" in files
    # The values themselves are data here, kept as they are (JSON escapes the controls).
    assert any("\x1b]52;c;" in message for message in messages)


def test_markdown_output_escapes_controls_too(hostile_project):
    report = privlint(hostile_project, "--format", "markdown").decode("utf-8")
    assert [line for line in report.splitlines() if UNSAFE.search(line) or workflow_command(line)] == []


# -- the escapes themselves ------------------------------------------------------------------------


@pytest.mark.parametrize(("value", "shown"), [
    ("\x1b]8;;https://x\x07a\x1b]8;;\x07", "\\x1b]8;;https://x\\x07a\\x1b]8;;\\x07"),
    ("a\rb\nc\x85d\u2028e\u2029f", "a\\x0db\\x0ac\\x85d\\u2028e\\u2029f"),
    ("\u202eabc\u202c\u2066\u2069\u200e\u200f\u061c", "\\u202eabc\\u202c\\u2066\\u2069\\u200e\\u200f\\u061c"),
    ("\x00\x7f\x9b\ufffe", "\\x00\\x7f\\x9b\\ufffe"),
    ("\udcff\udc80 and \ud800", "\\xff\\x80 and \\ud800"),  # bytes of a file name that is not UTF-8; a lone surrogate
    ("##[add-mask]x ##", "#\\x23[add-mask]x ##"),
    ("café — ok % , : ü 🙂 \\ tab-free", "café — ok % , : ü 🙂 \\ tab-free"),  # what is safe is left alone
])
def test_printable_escapes_each_class_and_leaves_the_rest(value, shown):
    assert printable(value) == shown


def test_a_line_never_starts_with_a_workflow_command():
    assert line_start("::error::x.privacy.yaml") == "./::error::x.privacy.yaml"
    assert line_start("\u00a0 ::x") == "./\u00a0 ::x"
    assert line_start("a::b") == "a::b" and line_start("/abs/::x") == "/abs/::x"
    assert line_start(":") == "./:" and line_start(" :x") == "./ :x"  # ':' and the ':3:5' after it


def test_json_keeps_undecodable_bytes_as_text_and_stays_json():
    document = undecodable(json.dumps({"file": "\udcffa\\b"}, ensure_ascii=False))
    assert json.loads(document.encode("utf-8")) == {"file": "\\xffa\\b"}


#: Any character, and more often the pieces the escapes are about (lone surrogates included).
PIECES = ["::", "##[", "]", " ", "\u00a0", "\n", "\r", "\x1b", "\x07", "\x9b", "\x85", "\u2028", "\u202e", "\ud800", "\udcff", "\ufffe", "%", ",", "&"]
any_text = st.lists(st.one_of(st.characters(), st.sampled_from(PIECES)), max_size=30).map("".join)


@settings(max_examples=300, deadline=None)
@given(file=any_text, message=any_text, hint=any_text)
def test_no_text_at_all_can_steer_the_text_github_junit_or_markdown_reports(file, message, hint):
    findings = [Finding(file or "f", 3, 5, "PL101", "missing-legal-basis", severity, message, "/a", hint or None)
                for severity in [Severity.error] * 12 + [Severity.warning]]  # annotations and, past ten, log lines
    summary = Summary.of(findings, 1)
    for render in (text.render, github.render, markdown.render):
        lines = render(findings, summary, []).splitlines()
        assert [line for line in lines if UNSAFE.search(line)] == []
        assert {workflow_command(line) for line in lines} - {None} <= (OWN_GITHUB_COMMANDS if render is github.render else set())
    coloured = OWN_COLOURS.sub("", text.render(findings, summary, [], color=True))
    assert not UNSAFE.search(coloured.replace("\n", "")) and not any(map(workflow_command, coloured.splitlines()))
    ET.fromstring(junit.render(findings, summary, []).encode("utf-8"))
