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


# -- 2 and 4. what privlint reads besides manifests: bounded, of the right kind, from the right place --


def _fifo(path: Path) -> None:
    os.mkfifo(path)


def _big(path: Path) -> None:
    path.write_text("# padding\n" * 7_000_000 if path.suffix == ".json" else "# padding\n" * 110_000, encoding="utf-8")


def _deep_toml(path: Path) -> None:
    path.write_text("a = " + "[" * 5_000 + "]" * 5_000 + "\n", encoding="utf-8")


def _deep_json(path: Path) -> None:
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")


def _parent_tool_is_a_number(path: Path) -> None:
    path.write_text("tool = 1\n", encoding="utf-8")


READ_CASES = [  # (name, flag, file name, make, message)
    ("config-fifo", "--config", "privlint.toml", _fifo, "not a regular file (a pipe, socket or device)"),
    ("config-over-the-size-limit", "--config", "privlint.toml", _big, "larger than the limit of 1,048,576 bytes"),
    ("config-nested-too-deeply", "--config", "privlint.toml", _deep_toml, "nested more than 16 levels deep"),
    ("pyproject-tool-is-a-number", "--config", "pyproject.toml", _parent_tool_is_a_number, "tool must be a table, not a number"),
    ("baseline-fifo", "--baseline", "baseline.json", _fifo, "not a regular file (a pipe, socket or device)"),
    ("baseline-over-the-size-limit", "--baseline", "baseline.json", _big, "larger than the limit of 67,108,864 bytes"),
    ("baseline-nested-too-deeply", "--baseline", "baseline.json", _deep_json, "nested too deeply"),
]


@pytest.mark.parametrize(("name", "flag", "file", "make", "fragment"), READ_CASES, ids=[case[0] for case in READ_CASES])
def test_a_planted_configuration_or_baseline_is_a_one_line_error(project, name, flag, file, make, fragment):
    make(project / file)
    result = run(flag, file, "statement.privacy.yaml")
    assert_clean_error(result, 2, fragment)
    assert len(result.output.strip().splitlines()) == 1


def test_a_wrong_type_in_a_parent_pyproject_found_by_the_search_is_no_traceback(project):
    _parent_tool_is_a_number(project / "pyproject.toml")
    result = run("statement.privacy.yaml")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert result.exit_code == 1  # not ours: ignored, the manifest linted


def test_the_configuration_search_stops_at_the_top_of_the_git_work_tree(tmp_path, monkeypatch):
    (tmp_path / "privlint.toml").write_text('ignore = ["ALL"]\n', encoding="utf-8")  # planted above the repository
    repository = tmp_path / "checkout"
    (repository / "legal").mkdir(parents=True)
    subprocess.run(["git", "init", "-q", str(repository)], check=True)
    (repository / "legal" / "statement.privacy.yaml").write_bytes(SEED.read_bytes())
    monkeypatch.chdir(repository / "legal")
    result = run("statement.privacy.yaml")
    assert result.exit_code == 1 and "statement.privacy.yaml:" in result.output  # the planted file switched nothing off
    monkeypatch.chdir(tmp_path)  # outside a work tree the search goes on up, as before
    assert run("checkout/legal/statement.privacy.yaml").exit_code == 0


# -- 1. the cache: a committed .privlint_cache can neither steer privlint nor reach outside ----------


@pytest.fixture
def default_cache(project, tmp_path, monkeypatch):
    """The cache where a repository can plant one (in the project), and this user's key where it cannot."""
    monkeypatch.delenv("PRIVLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "user-cache"))
    return project / ".privlint_cache"


def reference_output(project) -> tuple[int, str]:
    result = run("--no-cache", "statement.privacy.yaml")
    return result.exit_code, result.output


def cached_run(project) -> tuple[int, str]:
    result = run("statement.privacy.yaml")
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    return result.exit_code, result.output


def run_directory(cache: Path) -> Path:
    [directory] = [path for path in cache.glob("v*/*") if path.is_dir() and not path.is_symlink()]
    return directory


def test_the_cache_is_used_and_signed(project, default_cache):
    assert cached_run(project) == reference_output(project)
    [entry] = run_directory(default_cache).glob("*.json")
    mac, _, body = entry.read_bytes().partition(b"\n")
    assert len(mac) == 64 and b'"result"' in body
    assert cached_run(project) == reference_output(project)


def test_a_cache_directory_that_is_a_link_is_not_used(project, default_cache):
    default_cache.symlink_to(project.parent / "outside", target_is_directory=True)
    assert cached_run(project) == reference_output(project)
    assert untouched(project)


@pytest.mark.parametrize("level", ["versions", "run"])
def test_a_link_inside_the_cache_leads_nowhere(project, default_cache, level):
    cached_run(project)
    run = run_directory(default_cache)
    planted = run.parent if level == "versions" else run
    old = project.parent / "outside" / ("0" * 24)  # an old run directory, there for pruning to find
    old.mkdir()
    (old / ("a" * 64 + ".json")).write_text("theirs\n", encoding="utf-8")
    os.utime(old, (0, 0))
    os.rename(planted, project / "moved-away")
    planted.symlink_to(old if level == "run" else project.parent / "outside", target_is_directory=True)
    assert cached_run(project) == reference_output(project)
    assert sorted(p.name for p in (project.parent / "outside").iterdir()) == ["0" * 24, "precious"]
    assert [p.name for p in old.iterdir()] == ["a" * 64 + ".json"]


def _entry_link(entry: Path, project: Path) -> None:
    entry.symlink_to(project.parent / "outside" / "precious")


def _entry_dangling_link(entry: Path, project: Path) -> None:
    entry.symlink_to(project.parent / "outside" / "planted")


def _entry_fifo(entry: Path, project: Path) -> None:
    os.mkfifo(entry)


def _entry_directory(entry: Path, project: Path) -> None:
    entry.mkdir()
    (entry / "inside").write_text("x", encoding="utf-8")


def _entry_unsigned_hiding_findings(entry: Path, project: Path) -> None:
    import json

    entry.write_text(json.dumps({"key": entry.stem, "history": {}, "result": {"suppressed": 0, "finding_fields": [], "findings": []}}))


def _entry_signed_elsewhere(entry: Path, project: Path) -> None:
    """A well-formed entry saying 'no findings', signed by privlint with another user's key."""
    import json

    from privlint.run.cache import Cache

    cache = Cache(entry.parent, "", secret=b"f" * 64)
    record = {"key": entry.stem, "history": {}, "result": {"suppressed": 0, "finding_fields": [], "findings": []}}
    entry.write_bytes(cache.seal(json.dumps(record).encode("utf-8")))


ENTRY_CASES = [_entry_link, _entry_dangling_link, _entry_fifo, _entry_directory, _entry_unsigned_hiding_findings, _entry_signed_elsewhere]


@pytest.mark.parametrize("plant", ENTRY_CASES, ids=[plant.__name__[len("_entry_"):] for plant in ENTRY_CASES])
def test_a_planted_cache_entry_is_a_miss_and_changes_nothing_outside(project, default_cache, plant):
    cached_run(project)
    [entry] = run_directory(default_cache).glob("*.json")
    entry.unlink()
    plant(entry, project)
    assert cached_run(project) == reference_output(project)  # findings neither hidden nor changed, no hang
    assert untouched(project)
    assert cached_run(project) == reference_output(project)


@pytest.mark.parametrize("name", ["CACHEDIR.TAG", ".gitignore"])
def test_a_planted_link_among_the_cache_s_own_files_is_left_alone(project, default_cache, name):
    default_cache.mkdir()
    (default_cache / name).symlink_to(project.parent / "outside" / "planted")
    assert cached_run(project) == reference_output(project)
    assert untouched(project)


def test_pruning_removes_only_what_privlint_names_and_never_follows_a_link(project, default_cache):
    cached_run(project)
    versions = run_directory(default_cache).parent
    old = versions / ("1" * 24)
    old.mkdir()
    (old / ("b" * 64 + ".json")).write_text("an old entry", encoding="utf-8")
    (old / ("c" * 64 + ".json")).symlink_to(project.parent / "outside" / "precious")
    (old / "notes.txt").write_text("not privlint's", encoding="utf-8")
    os.utime(old, (0, 0))
    cached_run(project)
    assert sorted(p.name for p in old.iterdir()) == ["notes.txt"]  # entries gone, the link itself not its target
    assert untouched(project)
