"""Command-line conventions users expect: help, colour, quiet, statistics, stdin, show-files, rules as JSON,
completion; and the library call behind the check command."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from privlint.run.session import LintOptions, Streams, UsageError, run_lint, use_color

BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"
DAY = "2026-11-23"
TWO = "missing-legal-basis,missing-retention"


def write(directory: Path, name: str, text: str = BAD) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_help_shows_the_lint_options_and_the_commands(cli):
    output = cli("--help").output
    assert output.splitlines()[0].endswith(" [OPTIONS] [PATHS]...")  # (CliRunner calls the program "main")
    for option in ("--select", "--format", "--fix", "--diff", "--statistics", "--quiet", "--color", "--stdin-filename",
                   "--show-files", "--no-respect-gitignore"):
        assert option in output, option
    for command in ("rules", "explain", "schema", "config", "init"):
        assert f"\n  {command} " in output, command
    assert "_PRIVLINT_COMPLETE=bash_source privlint" in output
    assert cli("-h").output == output


@pytest.mark.parametrize(
    ("choice", "environ", "tty", "expected"),
    [
        ("always", {"NO_COLOR": "1"}, False, True),
        ("never", {"FORCE_COLOR": "1"}, True, False),
        ("auto", {}, True, True),
        ("auto", {}, False, False),
        ("auto", {"NO_COLOR": "1"}, True, False),
        ("auto", {"NO_COLOR": ""}, True, True),  # NO_COLOR counts only when non-empty
        ("auto", {"FORCE_COLOR": "1"}, False, True),
        ("auto", {"FORCE_COLOR": ""}, False, False),
        ("auto", {"FORCE_COLOR": "1", "NO_COLOR": "1"}, False, False),  # NO_COLOR wins, as in Python itself
    ],
)
def test_when_the_text_report_is_coloured(choice, environ, tty, expected):
    stream = io.StringIO()
    stream.isatty = lambda: tty  # type: ignore[method-assign]
    assert use_color(choice, stream, environ) is expected


def test_color_flag_and_environment_reach_the_report(cli, tmp_path, monkeypatch):
    write(tmp_path, "a.privacy.yaml")
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    assert "\x1b[" in cli("--today", DAY, "--select", TWO, "--color", "always", cwd=tmp_path).output
    assert "\x1b[" not in cli("--today", DAY, "--select", TWO, cwd=tmp_path).output
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[" in cli("--today", DAY, "--select", TWO, cwd=tmp_path).output
    assert "\x1b[" not in cli("--today", DAY, "--select", TWO, "--color", "never", cwd=tmp_path).output


def test_quiet_prints_the_findings_and_nothing_else(cli, tmp_path):
    write(tmp_path, "a.privacy.yaml")
    loud = cli("--today", DAY, "--select", TWO, cwd=tmp_path)
    quiet = cli("--today", DAY, "--select", TWO, "-q", cwd=tmp_path)
    assert quiet.exit_code == loud.exit_code == 1
    assert "Found 2 findings" in loud.output and "Found" not in quiet.output
    assert quiet.output.splitlines()[0] == "a.privacy.yaml:5:5: PL101 missing-legal-basis [error] purpose 'a' has no legal basis"
    empty = tmp_path / "empty"
    empty.mkdir()
    assert cli("-q", cwd=empty).output == ""  # not even "no manifests found"


def test_statistics_counts_findings_per_rule(cli, tmp_path):
    write(tmp_path, "a.privacy.yaml")
    write(tmp_path, "b.privacy.yaml", BAD.replace("  - id: a\n", "  - id: a\n  - id: b\n"))
    result = cli("--today", DAY, "--select", "missing-legal-basis,missing-retention,missing-right", "--statistics", cwd=tmp_path)
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert lines[0].split() == ["12", "PL411", "missing-right", "[error]"]
    assert [line.split()[:2] for line in lines[1:]] == [["3", "PL101"], ["3", "PL201"]]
    as_json = json.loads(cli("--today", DAY, "--select", TWO, "--statistics", "--format", "json", cwd=tmp_path).output)
    assert as_json == [
        {"code": "PL101", "name": "missing-legal-basis", "severity": "error", "count": 3, "fixable": False},
        {"code": "PL201", "name": "missing-retention", "severity": "error", "count": 3, "fixable": False},
    ]
    assert cli("--statistics", "--format", "sarif", cwd=tmp_path).exit_code == 2


def test_statistics_mark_fixable_rules(cli, tmp_path):
    write(tmp_path, "a.privacy.yaml")
    output = cli("rules", "--format", "json").output
    fixable = {rule["name"] for rule in json.loads(output) if rule["fixable"]}
    assert fixable == {"unbumped-last-changed"}


def test_rules_as_json(cli, rules):
    records = json.loads(cli("rules", "--format", "json").output)
    assert [record["code"] for record in records] == [rule.code for rule in rules]
    first = records[0]
    assert set(first) == {"code", "name", "severity", "article", "summary", "fixable", "origin", "reads", "options"}
    stale = next(record for record in records if record["name"] == "stale-last-changed")
    assert stale["options"]["max-age"]["kind"] == "duration"


def test_show_files_lists_what_would_be_linted(cli, tmp_path):
    write(tmp_path, "b.privacy.yaml")
    write(tmp_path, "legal/a.privacy.yml")
    write(tmp_path, "legal/notes.yaml")
    write(tmp_path, "drafts/c.privacy.yaml")
    (tmp_path / "privlint.toml").write_text('exclude = ["drafts/"]\n', encoding="utf-8")
    result = cli("--show-files", cwd=tmp_path)
    assert (result.exit_code, result.output) == (0, "b.privacy.yaml\nlegal/a.privacy.yml\n")


def test_a_manifest_from_standard_input(tmp_path, monkeypatch):
    write(tmp_path, "legal/site.privacy.yaml", "privlint: 1\n")  # on disk: not what is linted
    (tmp_path / "privlint.toml").write_text('per-file-ignores = { "legal/**" = ["missing-retention"] }\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def lint(*paths: str, **options) -> tuple[int, list]:
        out = io.StringIO()
        streams = Streams(stdout=out, stderr=io.StringIO(), stdin=io.BytesIO(BAD.encode()), environ={})
        status = run_lint(LintOptions(paths=paths, today=DAY, select=(TWO,), output_format="json", **options), streams)
        return status, [(f["file"], f["rule"]) for f in json.loads(out.getvalue())["findings"]]

    assert lint("-") == (1, [("-", "missing-legal-basis"), ("-", "missing-retention")])
    named = lint("-", stdin_filename="legal/site.privacy.yaml")  # shown as, and per-file-ignores for, that name
    assert named == (1, [("legal/site.privacy.yaml", "missing-legal-basis")])
    assert lint(stdin_filename="legal/site.privacy.yaml") == named  # --stdin-filename alone reads standard input too
    with pytest.raises(UsageError):
        lint("-", "legal")
    status, found = lint("-", max_file_size=10)
    assert (status, found) == (2, [("-", "io-error")])  # over the size limit: refused, as a file would be


def test_standard_input_through_the_command_line(tmp_path):
    done = subprocess.run(
        [sys.executable, "-m", "privlint", "--today", DAY, "--select", TWO, "-", "--stdin-filename", "x/m.privacy.yaml"],
        input=BAD, capture_output=True, text=True, cwd=tmp_path, timeout=120,
    )
    assert done.returncode == 1, done.stderr
    assert done.stdout.startswith("x/m.privacy.yaml:5:5: PL101 missing-legal-basis")


def test_stdin_excluded_by_the_configuration_with_force_exclude_is_not_linted(tmp_path, monkeypatch):
    (tmp_path / "privlint.toml").write_text('exclude = ["drafts"]\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    streams = Streams(stdout=out, stderr=io.StringIO(), stdin=io.BytesIO(BAD.encode()), environ={})
    options = LintOptions(paths=("-",), stdin_filename="drafts/m.privacy.yaml", force_exclude=True, output_format="json")
    assert run_lint(options, streams) == 0
    assert json.loads(out.getvalue())["findings"] == []


def test_the_library_call_needs_no_click(tmp_path, monkeypatch):
    """check-jsonschema style: the command line only builds LintOptions; the run is a library function."""
    write(tmp_path, "a.privacy.yaml")
    monkeypatch.chdir(tmp_path)
    out = io.StringIO()
    status = run_lint(LintOptions(today=DAY, select=(TWO,), quiet=True), Streams(stdout=out, stderr=io.StringIO(), environ={}))
    assert status == 1
    assert out.getvalue().count("\n") == 5  # two findings with a hint each and a blank line after the file; no summary
    with pytest.raises(UsageError, match="--baseline and --create-baseline"):
        run_lint(LintOptions(baseline=Path("a"), create_baseline=Path("b")))
    assert "import click" not in Path(run_lint.__code__.co_filename).read_text(encoding="utf-8")


def test_shell_completion_script(tmp_path):
    script = Path(sys.executable).with_name("privlint")
    if not script.exists():
        pytest.skip("privlint is not installed as a script in this environment")
    environment = {**os.environ, "_PRIVLINT_COMPLETE": "bash_source"}
    done = subprocess.run([str(script)], env=environment, capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert done.returncode == 0
    assert "_privlint_completion" in done.stdout and "complete " in done.stdout
