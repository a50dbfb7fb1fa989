"""What a repository a pull request controls cannot make privlint do: a catalogue by class.

privlint runs as root in CI on untrusted pull requests. Anything committed (a
symbolic link where privlint writes, a named pipe where it reads, a crafted
cache, a configuration with the wrong types) must end in a clear one-line error
or be ignored, never in a write outside what privlint created, a hang, a hidden
finding or a traceback. Each case runs the real command line in a fresh
directory and states its exit code and the message it must print.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from click.testing import CliRunner
from privlint.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "netoperator.privacy.yaml"
TODAY = "2026-11-23"
pytestmark = pytest.mark.timeout(120)  # a bound on hangs (a pipe read or written without a reader), not a speed target


def run(*args: str):
    return CliRunner().invoke(main, ["--today", TODAY, *args], env={"GITHUB_ACTIONS": None})


def assert_clean_error(result, exit_code: int, fragment: str) -> None:
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    assert fragment in result.output, result.output
    assert result.exit_code == exit_code, result.output


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A directory with one manifest, the working directory; ``outside`` beside it stands for the rest of the system."""
    (tmp_path / "project").mkdir()
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "precious").write_text("not privlint's\n", encoding="utf-8")
    (tmp_path / "project" / "statement.privacy.yaml").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(tmp_path / "project")
    return tmp_path / "project"


def untouched(project: Path) -> bool:
    outside = project.parent / "outside"
    return sorted(p.name for p in outside.iterdir()) == ["precious"] and (outside / "precious").read_text(encoding="utf-8") == "not privlint's\n"


# -- 1. what privlint writes: never through a link, never over a manifest ---------------


@dataclass(frozen=True)
class WriteCase:
    name: str
    make: Callable[[Path], None]  # plants something at project/"out.json"
    fragment: str


def _link_to_precious(project: Path) -> None:
    (project / "out.json").symlink_to(project.parent / "outside" / "precious")


def _dangling_link(project: Path) -> None:
    (project / "out.json").symlink_to(project.parent / "outside" / "planted")


def _directory(project: Path) -> None:
    (project / "out.json").mkdir()


WRITE_CASES = [
    WriteCase("symlink-to-a-file-outside", _link_to_precious, "a symbolic link; privlint writes only to the file itself"),
    WriteCase("dangling-symlink", _dangling_link, "a symbolic link to a file that does not exist"),
    WriteCase("directory", _directory, "is a directory"),
]


@pytest.mark.parametrize("flag", ["--output-file", "--create-baseline"])
@pytest.mark.parametrize("case", WRITE_CASES, ids=[case.name for case in WRITE_CASES])
def test_a_planted_output_path_is_a_clear_error_and_nothing_outside_changes(project, case, flag):
    case.make(project)
    result = run(flag, "out.json", "statement.privacy.yaml")
    assert_clean_error(result, 2, case.fragment)
    assert untouched(project)
    if case.name != "directory":  # a directory is click's own usage error, with its usage lines
        assert len(result.output.strip().splitlines()) == 1


def test_init_leaves_a_planted_link_alone_and_writes_nothing_through_it(project):
    _dangling_link(project)
    (project / "statement.privacy.yaml").unlink()
    (project / "statement.privacy.yaml").symlink_to(project.parent / "outside" / "planted-manifest")
    result = CliRunner().invoke(main, ["init", "."])
    assert "left statement.privacy.yaml alone" in result.output.replace(str(project) + "/", "").replace("./", "")
    assert result.exit_code == 0
    assert untouched(project)


@pytest.mark.parametrize("flag", ["--output-file", "--create-baseline"])
def test_an_output_file_that_is_a_manifest_being_linted_is_refused(project, flag):
    before = (project / "statement.privacy.yaml").read_bytes()
    result = run(flag, "./statement.privacy.yaml", ".")
    assert_clean_error(result, 2, "is a manifest being linted; privlint never writes to a manifest")
    assert (project / "statement.privacy.yaml").read_bytes() == before


def test_output_file_dev_stdout_writes_into_standard_output(project):
    """Through a real process: /dev/stdout is then a pipe, and must stay one (as root, a rename would replace it)."""
    done = subprocess.run(
        [sys.executable, "-m", "privlint", "--today", TODAY, "--format", "json", "--output-file", "/dev/stdout", "--quiet", "statement.privacy.yaml"],
        capture_output=True, cwd=project, timeout=100, env={k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
    )
    assert b'"findings"' in done.stdout and b"statement.privacy.yaml:" in done.stdout  # the JSON report and the text one
    assert done.returncode == 1, done.stderr
    assert os.path.islink("/dev/stdout") or not os.path.exists("/dev/stdout") or not stat.S_ISREG(os.lstat("/dev/stdout").st_mode)


def test_an_output_file_name_that_cannot_be_encoded_is_written(project):
    name = os.fsdecode(b"caf\xe9.privacy.yaml")
    (project / name).write_bytes(SEED.read_bytes())
    result = run("--output-file", "report.txt", name)
    assert result.exit_code == 1, result.output
    assert "caf\\udce9.privacy.yaml:" in (project / "report.txt").read_text(encoding="utf-8")
