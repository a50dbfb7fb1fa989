"""The catalogue of bad input: each case with its exact outcome, through the real command line.

Committed cases live in ``tests/bad_inputs/`` (one file each); inputs that are
large, binary, in another encoding or not files at all are made here, in the
test's directory. Every case is run twice with the CLI: alone, where the engine
findings (rule, line, column, message) and the exit code must be exactly as
listed, and together with a companion manifest, which must still be checked.
No run may print a traceback or hang: each test has a time limit of
``HANG_SECONDS`` (minutes, so that a loaded machine never trips it: how fast
privlint is belongs to the benchmarks, not to a test).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner
from privlint.cli.main import main

BAD_INPUTS = Path(__file__).parent / "bad_inputs"
TODAY = "2026-11-23"
HANG_SECONDS = 300  # a bound on hangs, not a speed target: the slowest case takes about 2 s
pytestmark = pytest.mark.timeout(HANG_SECONDS)  # per test (pytest-timeout)
COMPANION = "companion.privacy.yaml"
COMPANION_TEXT = "privlint: 1\nstatement:\n  titel: Privacy statement\n"
COMPANION_LINE = "companion.privacy.yaml:3:3: PL002 invalid-manifest [error] unknown key 'titel' in statement"
NOT_IN_CI = {"GITHUB_ACTIONS": None}  # text output, not GitHub annotations, wherever the tests run
VALID_WITH_TYPO = "privlint: 1\nstatement: {title: Privacy statement, titel: y}\n"  # 'titel' at 2:39


@dataclass(frozen=True)
class Finding:
    rule: str
    line: int
    column: int
    fragment: str  # a part of the message
    file: str = ""  # default: the case's own file


@dataclass(frozen=True)
class Case:
    """One bad input. Committed cases are ``bad_inputs/<name>.privacy.yaml``; ``make`` builds the others.

    ``make(directory, file, monkeypatch)`` creates the input and returns the paths to pass.
    """

    name: str
    findings: tuple[Finding, ...]
    exit_code: int
    make: Callable[[Path, str, pytest.MonkeyPatch], list[str]] | None = None

    @property
    def file(self) -> str:
        return f"{self.name}.privacy.yaml"


def E(rule: str, line: int, column: int, fragment: str, file: str = "") -> Finding:
    return Finding(rule, line, column, fragment, file)


def syntax(line: int, column: int, fragment: str, file: str = "") -> Finding:
    return E("yaml-syntax", line, column, fragment, file)


def invalid(line: int, column: int, fragment: str, file: str = "") -> Finding:
    return E("invalid-manifest", line, column, fragment, file)


def io_error(fragment: str, file: str = "") -> Finding:
    return E("io-error", 1, 1, fragment, file)


# -- makers for inputs that are not committed --------------------------------


def writes(data: bytes | str, name: str = "") -> Callable[[Path, str, pytest.MonkeyPatch], list[str]]:
    """Write ``data`` (text as UTF-8, bytes as they are) to ``name``, by default the case's file."""

    def make(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
        path = directory / (name or file)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        return [name or file]

    return make


def fifty_megabytes(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    line = b"# " + b"padding " * 12 + b"\n"
    with (directory / file).open("wb") as stream:
        stream.write(b"privlint: 1\n")
        stream.write(line * (50 * 1024 * 1024 // len(line)))
    return [file]


def directory_named_like_a_manifest(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    (directory / file).mkdir()
    return [file]


def broken_symlink(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    (directory / file).symlink_to(directory / "gone.privacy.yaml")
    return [file]


def unreadable(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    path = directory / file
    path.write_text("privlint: 1\n", encoding="utf-8")
    path.chmod(0)
    if os.geteuid() == 0:  # root reads anything: refuse the open as the kernel would for anyone else
        real_open = os.open

        def refusing_open(file, flags, *args, **kwargs):
            if Path(file).name == path.name:
                raise PermissionError(13, "Permission denied", str(file))
            return real_open(file, flags, *args, **kwargs)

        monkeypatch.setattr(os, "open", refusing_open)
    return [path.name]


def symlink_loop_in_a_tree(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tree = directory / "tree"
    (tree / "sub").mkdir(parents=True)
    (tree / "sub" / "back-to-the-top").symlink_to(tree, target_is_directory=True)
    (tree / "loop-a.privacy.yaml").symlink_to(tree / "loop-b.privacy.yaml")
    (tree / "loop-b.privacy.yaml").symlink_to(tree / "loop-a.privacy.yaml")
    (tree / "sub" / "good.privacy.yaml").write_text(COMPANION_TEXT, encoding="utf-8")
    return ["tree"]


def unreadable_directory_in_a_tree(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    tree = directory / "tree"
    (tree / "locked").mkdir(parents=True)
    (tree / "locked" / "hidden.privacy.yaml").write_text(COMPANION_TEXT, encoding="utf-8")
    (tree / "good.privacy.yaml").write_text(COMPANION_TEXT, encoding="utf-8")
    (tree / "locked").chmod(0)
    monkeypatch.setattr(os, "scandir", _refusing(os.scandir, "locked"))  # root lists anything: refuse as the kernel would
    return ["tree"]


def _refusing(real, name: str):
    def scandir(path: str | os.PathLike[str] | int = ".") -> Any:
        if not isinstance(path, int) and Path(path).name == name:  # an int: a directory opened by descriptor
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real(path)

    return scandir


def file_in_an_unsearchable_directory(directory: Path, file: str, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    (directory / "locked").mkdir()
    (directory / "locked" / file).write_text(COMPANION_TEXT, encoding="utf-8")
    (directory / "locked").chmod(0o600)  # no search (x) permission: nothing in it can be looked at
    real_stat = Path.stat

    def refusing_stat(self, *args, **kwargs):  # root searches anything: refuse as the kernel would for anyone else
        if "locked" in self.parts[:-1]:
            raise PermissionError(13, "Permission denied", str(self))
        return real_stat(self, *args, **kwargs)

    monkeypatch.setattr(Path, "stat", refusing_stat)
    return [f"locked/{file}"]


SPACES_AND_ACCENTS = "map met spaties/privacyverklaring café ü.privacy.yaml"
OVERLONG_NAME = "x" * 300 + ".privacy.yaml"  # longer than any file system allows (255 bytes)


def nested_block_mappings(levels: int) -> str:
    return "privlint: 1\n" + "".join(f"{'  ' * level}level{level}:\n" for level in range(levels)) + "  " * levels + "end\n"


CASES = [
    # -- empty, or not a mapping
    Case("empty", (invalid(1, 1, "the file is empty"),), 1),
    Case("only-comments", (invalid(1, 1, "the file is empty"),), 1),
    Case("top-level-list", (invalid(1, 1, "the top level is a list, not a mapping"),), 1),
    Case("top-level-scalar", (invalid(1, 1, "the top level is the text 'Privacy statement of Example B.V.'"),), 1),
    Case("two-documents", (syntax(4, 1, "file holds more than one YAML document"),), 1),
    # -- syntax
    Case("tab-indentation", (syntax(3, 1, "a tab character where YAML allows only spaces"),), 1),
    Case("unclosed-quote", (syntax(3, 10, "a quoted text is never closed"),), 1),
    Case("unclosed-bracket", (syntax(4, 18, "a '[' list is never closed"),), 1),
    Case("unclosed-brace", (syntax(2, 12, "a '{' mapping is never closed"),), 1),
    Case("bracket-closed-too-late", (syntax(5, 11, "a '[' list opened on line 4, column 11 is not closed"),), 1),
    Case("question-mark-in-a-flow-mapping", (invalid(2, 55, "unknown key 'titel' in statement"),), 1,
         writes("privlint: 1\nstatement: {url: https://example.com/privacy?lang=nl, titel: x}\n")),  # libyaml 0.1 refused it
    Case("url-in-a-flow-mapping", (invalid(2, 47, "unknown key 'titel' in statement"),), 1,  # valid YAML 1.2; libyaml 0.1 refused it
         writes("privlint: 1\nstatement: {url: https://example.com/privacy, titel: x}\n")),
    Case("control-character", (syntax(3, 17, "the character U+0007 is not allowed in YAML"),), 1,
         writes("privlint: 1\nstatement:\n  title: Privacy\x07\n")),
    # -- keys
    Case("duplicate-keys", (
        syntax(4, 3, "duplicate key 'title' (first defined on line 3)"),
        syntax(5, 1, "duplicate key 'privlint' (first defined on line 1)"),
    ), 1),
    Case("non-string-keys", (
        invalid(2, 1, "unknown key '1' in the top level"),
        invalid(3, 1, "unknown key 'true' in the top level"),
        invalid(4, 1, "unknown key 'null' in the top level"),
    ), 1),
    Case("complex-key", (syntax(2, 3, "a mapping key must be plain text, not a list or mapping"),), 1),
    Case("alias-as-key", (syntax(3, 1, "an alias cannot be a mapping key"),), 1),
    Case("near-miss-keys", (
        invalid(2, 1, "unknown key 'statment' in the top level"),
        invalid(6, 5, "unknown key 'legal_basis' in purposes[0]"),
        invalid(7, 5, "unknown key 'retension' in purposes[0]"),
    ), 1),
    # -- anchors, aliases, merge keys, and the bombs built from them
    Case("anchors-aliases-merge", (invalid(13, 7, "unknown key 'perod' in purposes[1].retention"),), 1),
    Case("undefined-alias", (syntax(4, 16, "alias *two-years refers to no anchor defined before it"),), 1),
    Case("merge-of-a-scalar", (syntax(3, 7, "a merge key '<<' needs a mapping or a list of mappings"),), 1),
    Case("billion-laughs", (syntax(6, 8, "aliases expand to more than 10,000 nodes"),), 1),
    Case("quadratic-blowup", (syntax(3, 38, "aliases expand to more than 10,000 nodes"),), 1,
         writes("privlint: 1\nbase: &base [" + ", ".join(["lol"] * 2_000) + "]\ncopies: [" + ", ".join(["*base"] * 1_000) + "]\n")),
    # -- size and depth
    Case("deep-flow-nesting", (syntax(2, 111, "nesting deeper than 100 levels"),), 1,
         writes("privlint: 1\nstatement: " + "[" * 100_000 + "]" * 100_000 + "\n")),
    Case("deep-block-nesting", (syntax(102, 201, "nesting deeper than 100 levels"),), 1, writes(nested_block_mappings(150))),
    Case("too-many-values", (syntax(2, 3_932_157, "the file holds more than 1,310,720 keys and values"),), 1,
         writes("privlint: 1\npurposes: [" + ", ".join(["p"] * 1_400_000) + "]\n")),
    Case("fifty-megabytes", (io_error("file is 52,428,729 bytes, over the limit of 5,242,880 bytes"),), 2, fifty_megabytes),
    Case("ten-thousand-line-string", (invalid(10_004, 3, "unknown key 'titel' in statement"),), 1,
         writes("privlint: 1\nstatement:\n  title: |\n" + "".join(f"    line {n} of one long title\n" for n in range(10_000)) + "  titel: x\n")),
    Case("four-megabyte-line", (invalid(4, 3, "unknown key 'titel' in statement"),), 1,
         writes("privlint: 1\nstatement:\n  title: " + "x" * 4_000_000 + "\n  titel: x\n")),
    Case("huge-integer", (syntax(3, 10, "a whole number of 5,000 characters"),), 1,
         writes("privlint: 1\nstatement:\n  title: " + "7" * 5_000 + "\n")),
    # -- bytes that are not UTF-8 text, and text that is not UTF-8
    Case("binary-with-nul-bytes", (syntax(2, 1, "file contains NUL characters: it is binary, not YAML"),), 1,
         writes(b"privlint: 1\n" + bytes(range(256)))),
    Case("binary-without-nul-bytes", (syntax(1, 1, "file is not valid UTF-8: byte 0x89 at offset 0"),), 1,
         writes(b"\x89PNG\r\n\x1a\n\x01\x02\x03\xff\xfe\xfd")),
    Case("invalid-utf8", (syntax(3, 13, "file is not valid UTF-8: byte 0xe9 at offset 35"),), 1,
         writes(b"privlint: 1\nstatement:\n  title: Caf\xe9 de Flore\n")),
    Case("utf16-le-with-bom", (invalid(2, 39, "unknown key 'titel'"),), 1, writes(b"\xff\xfe" + VALID_WITH_TYPO.encode("utf-16-le"))),
    Case("utf16-be-with-bom", (invalid(2, 39, "unknown key 'titel'"),), 1, writes(b"\xfe\xff" + VALID_WITH_TYPO.encode("utf-16-be"))),
    Case("utf16-without-bom", (invalid(2, 39, "unknown key 'titel'"),), 1, writes(VALID_WITH_TYPO.encode("utf-16-le"))),
    Case("utf32-with-bom", (invalid(2, 39, "unknown key 'titel'"),), 1, writes(VALID_WITH_TYPO.encode("utf-32"))),
    Case("utf32-without-bom", (invalid(2, 39, "unknown key 'titel'"),), 1, writes(VALID_WITH_TYPO.encode("utf-32-be"))),
    Case("utf16-odd-length", (syntax(2, 1, "file is not valid UTF-16"),), 1, writes("privlint: 1\n".encode("utf-16") + b"x")),
    Case("utf8-with-bom", (invalid(1, 15, "unknown key 'statment'"),), 1, writes("\ufeff{privlint: 1, statment: {}}\n")),
    Case("crlf-line-endings", (invalid(4, 3, "unknown key 'titel'"),), 1, writes("privlint: 1\r\nstatement:\r\n  title: x\r\n  titel: y\r\n")),
    Case("cr-line-endings", (invalid(4, 3, "unknown key 'titel'"),), 1, writes("privlint: 1\rstatement:\r  title: x\r  titel: y\r")),
    # -- tags: refused, never constructed
    Case("python-tags", (
        syntax(2, 12, "unsupported YAML tag !!python/object/apply:os.system"),
        syntax(3, 13, "unsupported YAML tag !!python/object:subprocess.Popen"),
        syntax(5, 9, "unsupported YAML tag !!python/name:os.system"),
        syntax(6, 12, "unsupported YAML tag !local"),
    ), 1),
    # -- values of the wrong kind
    Case("impossible-day", (invalid(3, 3, "'2023-02-30' is not a real date"),), 1),
    Case("impossible-month", (invalid(3, 3, "'2023-13' is not a real date"),), 1),
    Case("day-month-year", (invalid(3, 3, "'00-00-0000' is not a real date"),), 1),
    Case("numbers-and-booleans", (
        invalid(3, 3, "statement.title: expected text, got the number 1000.0"),
        invalid(4, 3, "statement.version: expected text, got the number 16"),
        invalid(5, 3, "statement.url: expected text, got the number inf"),
        invalid(7, 3, "dpo.designated: expected true or false, got the text 'yes'"),
        invalid(9, 5, "data_categories[0].id: expected text, got the number 123"),
        invalid(10, 5, "data_categories[0].criminal: expected true or false, got the text 'no'"),
        invalid(11, 5, "data_categories[0].from_others: expected true or false, got the number 1"),
    ), 1),
    Case("empty-values", (invalid(3, 3, "statement.title has an empty value"),), 1),
    # -- the format version
    Case("wrong-version", (invalid(1, 1, "unsupported format version 2; this privlint reads version 1"),), 1),
    Case("version-as-text", (invalid(1, 1, "unsupported format version '1'; this privlint reads version 1"),), 1),
    Case("missing-version", (invalid(1, 1, "the format version is missing"),), 1),
    # -- paths that are not readable manifest files
    Case("directory-given-as-file", (io_error("is a directory, not a file"),), 2, directory_named_like_a_manifest),
    Case("missing-path", (io_error("path does not exist"),), 2, lambda directory, file, monkeypatch: [file]),
    Case("broken-symlink", (io_error("broken symbolic link"),), 2, broken_symlink),
    Case("unreadable-file", (io_error("cannot read file: Permission denied"),), 2, unreadable),
    Case("symlink-loop-in-a-tree", (
        io_error("cannot read file", "tree/loop-a.privacy.yaml"),
        io_error("cannot read file", "tree/loop-b.privacy.yaml"),
        invalid(3, 3, "unknown key 'titel' in statement", "tree/sub/good.privacy.yaml"),
    ), 2, symlink_loop_in_a_tree),
    Case("unreadable-directory-in-a-tree", (
        invalid(3, 3, "unknown key 'titel' in statement", "tree/good.privacy.yaml"),
        io_error("cannot read directory: Permission denied", "tree/locked"),
    ), 2, unreadable_directory_in_a_tree),
    Case("overlong-file-name", (io_error("cannot read path: File name too long", OVERLONG_NAME),), 2,
         lambda directory, file, monkeypatch: [OVERLONG_NAME]),
    Case("file-in-an-unsearchable-directory", (
        io_error("cannot read path: Permission denied", "locked/file-in-an-unsearchable-directory.privacy.yaml"),
    ), 2, file_in_an_unsearchable_directory),
    Case("spaces-and-non-ascii-in-the-path", (invalid(3, 3, "unknown key 'titel'", SPACES_AND_ACCENTS),), 1,
         writes(COMPANION_TEXT, SPACES_AND_ACCENTS)),
]


def run(args: list[str]):
    return CliRunner().invoke(main, ["--today", TODAY, *args], env=NOT_IN_CI)


def assert_no_traceback(result) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output


def prepare(case: Case, directory: Path, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    monkeypatch.chdir(directory)
    (directory / COMPANION).write_text(COMPANION_TEXT, encoding="utf-8")
    if case.make is not None:
        return case.make(directory, case.file, monkeypatch)
    shutil.copyfile(BAD_INPUTS / case.file, directory / case.file)
    return [case.file]


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_bad_input_gets_exactly_its_findings_and_exit_code(case, tmp_path, monkeypatch):
    args = prepare(case, tmp_path, monkeypatch)
    result = run(["--format", "json", *args])
    assert_no_traceback(result)
    engine = [f for f in json.loads(result.stdout)["findings"] if f["code"].startswith("PL0")]
    got = [(f["file"], f["rule"], f["line"], f["column"]) for f in engine]
    want = [(e.file or case.file, e.rule, e.line, e.column) for e in case.findings]
    assert got == want, [f["message"] for f in engine]
    for finding, expected in zip(engine, case.findings):
        assert expected.fragment in finding["message"]
        assert finding["hint"], finding
    assert result.exit_code == case.exit_code


@pytest.mark.parametrize("case", CASES, ids=[case.name for case in CASES])
def test_the_other_files_in_the_run_are_still_checked(case, tmp_path, monkeypatch):
    args = prepare(case, tmp_path, monkeypatch)
    result = run([*args, COMPANION])
    assert_no_traceback(result)
    assert COMPANION_LINE in result.output
    assert result.exit_code == max(case.exit_code, 1)


def test_every_committed_input_is_in_the_table():
    committed = {path.name for path in BAD_INPUTS.glob("*.privacy.yaml")}
    listed = {case.file for case in CASES if case.make is None}
    assert committed == listed


def test_more_than_a_hundred_problems_in_a_file_are_cut_short(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "typos.privacy.yaml").write_text("privlint: 1\n" + "".join(f"key{n}: x\n" for n in range(5_000)), encoding="utf-8")
    result = run(["--format", "json", "typos.privacy.yaml"])
    assert_no_traceback(result)
    messages = [f["message"] for f in json.loads(result.stdout)["findings"]]
    assert len(messages) == 101
    assert "more than 100 problems; only the first 100 are reported" in messages


LARGE_BUT_WITHIN_THE_LIMITS = {
    "many-purposes-and-categories": "privlint: 1\nstatement: {last_changed: 2026-01-01}\ndata_categories:\n"
    + "".join(f"  - id: d{n}\n    retention: {{period: P2Y}}\n" for n in range(6_000))
    + "purposes:\n" + "".join(f"  - id: p{n}\n    legal_bases: [contract]\n    data: [d{n}]\n" for n in range(6_000)),
    "many-misspelt-references": "privlint: 1\ndata_categories:\n" + "".join(f"  - id: category-{n}\n" for n in range(10_000))
    + "purposes:\n" + "".join(f"  - id: p{n}\n    data: [categry-{n}]\n" for n in range(10_000)),
    "many-suppression-comments": "privlint: 1\nstatement: {title: x}\n"
    + "# privlint: disable=missing-retention -- r\n" * 40_000,
}


@pytest.mark.parametrize("name", sorted(LARGE_BUT_WITHIN_THE_LIMITS))
def test_large_manifests_within_the_limits_lint_without_a_hang(tmp_path, monkeypatch, name):
    """Checks stay linear: a check comparing every purpose with every category took minutes here."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / f"{name}.privacy.yaml").write_text(LARGE_BUT_WITHIN_THE_LIMITS[name], encoding="utf-8")
    result = run(["--no-cache", "--format", "json", f"{name}.privacy.yaml"])
    assert_no_traceback(result)
    assert not [f for f in json.loads(result.stdout)["findings"] if f["code"].startswith("PL0") and f["code"] != "PL004"]
    assert result.exit_code == 1


@pytest.mark.parametrize("how", ["option", "configuration"])
def test_the_size_limit_can_be_raised(tmp_path, monkeypatch, how):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "large.privacy.yaml").write_bytes(b"# a comment line of padding\n" * 220_000)  # 6.2 MB
    refused = run(["large.privacy.yaml"])
    assert "over the limit of 5,242,880 bytes" in refused.output
    assert refused.exit_code == 2
    if how == "option":
        raised = run(["--max-file-size", "7000000", "large.privacy.yaml"])
    else:
        (tmp_path / "privlint.toml").write_text("max-file-size = 7000000\n", encoding="utf-8")
        raised = run(["large.privacy.yaml"])
    assert_no_traceback(raised)
    assert "large.privacy.yaml:1:1: PL002 invalid-manifest [error] the file is empty" in raised.output
    assert raised.exit_code == 1


# -- through a separate process: what could hang or eat memory if it regressed --


#: Runs privlint and writes its peak memory to a file. A process's peak (ru_maxrss) counts the
#: memory of the process it was forked from, here pytest's; a small parent in between keeps that out.
MEASURING_PARENT = """
import resource, subprocess, sys
code = subprocess.call(sys.argv[2:])
with open(sys.argv[1], "w") as out:
    out.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(code)
"""


def run_process(args: list[str], cwd: Path, timeout: float = HANG_SECONDS - 60) -> tuple[int, str, int]:
    """Run ``python -m privlint``; return its exit code, output, and peak memory in bytes."""
    peak_file = cwd / "peak.txt"
    with (cwd / "output.txt").open("w+b") as output:
        process = subprocess.Popen(
            [sys.executable, "-c", MEASURING_PARENT, str(peak_file), sys.executable, "-m", "privlint", "--today", TODAY, *args],
            cwd=cwd, stdout=output, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL, start_new_session=True,
            env={name: value for name, value in os.environ.items() if name != "GITHUB_ACTIONS"},
        )
        try:
            process.wait(timeout)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
            pytest.fail(f"privlint {' '.join(args)} ran longer than {timeout} s")
        output.seek(0)
        text = output.read().decode("utf-8", errors="replace")
    peak = int(peak_file.read_text()) * (1 if sys.platform == "darwin" else 1024)
    return process.returncode, text, peak


@pytest.mark.parametrize(
    ("name", "message"),
    [("billion-laughs", "aliases expand to more than 10,000 nodes"), ("quadratic-blowup", "aliases expand to more than 10,000 nodes")],
)
def test_alias_bombs_finish_fast_in_bounded_memory(tmp_path, monkeypatch, name, message):
    case = next(case for case in CASES if case.name == name)
    args = prepare(case, tmp_path, monkeypatch)
    exit_code, output, peak = run_process(args, tmp_path)
    assert message in output and "Traceback" not in output
    assert exit_code == 1
    assert peak < 150 * 1024 * 1024  # privlint loaded: about 40 MB; expanded, the bomb is 387 million nodes


def test_a_pipe_named_like_a_manifest_is_refused_without_waiting(tmp_path):
    os.mkfifo(tmp_path / "pipe.privacy.yaml")
    (tmp_path / COMPANION).write_text(COMPANION_TEXT, encoding="utf-8")
    exit_code, output, _ = run_process(["pipe.privacy.yaml", COMPANION], tmp_path)
    assert "pipe.privacy.yaml:1:1: PL000 io-error [error] not a regular file" in output
    assert COMPANION_LINE in output and "Traceback" not in output
    assert exit_code == 2


def test_the_documentation_counts_the_catalogue():
    documented = re.search(r"catalogue of (\d+) bad inputs", (Path(__file__).parent.parent / "docs" / "robustness.md").read_text(encoding="utf-8"))
    assert documented is not None and int(documented.group(1)) == len(CASES)
