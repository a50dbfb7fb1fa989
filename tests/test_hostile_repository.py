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
    assert "caf\\xe9.privacy.yaml:" in (project / "report.txt").read_text(encoding="utf-8")  # the byte, escaped as the text report shows it


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
    ("baseline-over-the-size-limit", "--baseline", "baseline.json", _big, "larger than the limit of 16,777,216 bytes"),
    ("baseline-nested-too-deeply", "--baseline", "baseline.json", _deep_json, "nested too deeply"),
]


@pytest.mark.parametrize(("name", "flag", "file", "make", "fragment"), READ_CASES, ids=[case[0] for case in READ_CASES])
def test_a_planted_configuration_or_baseline_is_a_one_line_error(project, name, flag, file, make, fragment):
    make(project / file)
    result = run(flag, file, "statement.privacy.yaml")
    assert_clean_error(result, 2, fragment)
    assert len(result.output.strip().splitlines()) == 1


def test_a_wrong_type_in_a_parent_pyproject_found_by_the_search_is_a_configuration_error(project):
    _parent_tool_is_a_number(project / "pyproject.toml")
    result = run("statement.privacy.yaml")
    assert_clean_error(result, 2, "tool")
    assert len(result.output.strip().splitlines()) == 1


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
    planted = os.lstat(entry)
    assert cached_run(project) == reference_output(project)  # findings neither hidden nor changed, no hang
    assert untouched(project)
    assert cached_run(project) == reference_output(project)
    if not stat.S_ISREG(planted.st_mode):  # a link, pipe or directory is left in place, not replaced
        assert (os.lstat(entry).st_ino, stat.S_IFMT(os.lstat(entry).st_mode)) == (planted.st_ino, stat.S_IFMT(planted.st_mode))


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


# -- 2 and 4. git: the manifest's own repository, offline, within the size limit ---------------------


def git(cwd: Path, *args: str) -> str:
    done = subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=cwd, check=True, capture_output=True, env={k: v for k, v in os.environ.items() if not k.startswith("GIT_")},
    )
    return done.stdout.decode().strip()


BEFORE = "privlint: 1\nstatement:\n  last_changed: 2025-10\n  title: Before\n"
AFTER = "privlint: 1\nstatement:\n  last_changed: 2025-10\n  title: After\n"
UNBUMPED = ("--select", "unbumped-last-changed", "--no-cache")


def repository_with_an_unbumped_change(directory: Path) -> Path:
    directory.mkdir()
    git(directory, "init", "-q")
    (directory / "a.privacy.yaml").write_text(BEFORE, encoding="utf-8")
    git(directory, "add", "-A")
    git(directory, "commit", "-q", "-m", "before")
    (directory / "a.privacy.yaml").write_text(AFTER, encoding="utf-8")
    return directory


def test_git_variables_in_the_environment_cannot_swap_the_version_compared_with(tmp_path, monkeypatch):
    ours = repository_with_an_unbumped_change(tmp_path / "ours")
    decoy = tmp_path / "decoy"  # holds the current text as committed: compared with it, the change would vanish
    decoy.mkdir()
    git(decoy, "init", "-q")
    (decoy / "a.privacy.yaml").write_text(AFTER, encoding="utf-8")
    git(decoy, "add", "-A")
    git(decoy, "commit", "-q", "-m", "decoy")
    monkeypatch.chdir(ours)
    for name, value in (("GIT_DIR", decoy / ".git"), ("GIT_WORK_TREE", decoy), ("GIT_INDEX_FILE", decoy / ".git" / "index"),
                        ("GIT_OBJECT_DIRECTORY", decoy / ".git" / "objects"), ("GIT_CONFIG_COUNT", "1"),
                        ("GIT_CONFIG_KEY_0", "core.worktree"), ("GIT_CONFIG_VALUE_0", str(decoy))):
        monkeypatch.setenv(name, str(value))
    result = run(*UNBUMPED, "a.privacy.yaml")
    assert "unbumped-last-changed" in result.output
    assert result.exit_code == 1


def test_a_partial_clone_never_fetches_the_previous_version(tmp_path, monkeypatch):
    origin = repository_with_an_unbumped_change(tmp_path / "origin")
    git(origin, "commit", "-q", "-am", "after")
    git(origin, "config", "uploadpack.allowFilter", "true")
    git(tmp_path, "clone", "-q", "--filter=blob:none", f"file://{origin}", "clone")
    clone = tmp_path / "clone"
    before = git(clone, "rev-parse", "HEAD~1:a.privacy.yaml")
    missing = ["git", "-c", "protocol.allow=never", "cat-file", "-e", before]
    assert subprocess.run(missing, cwd=clone, capture_output=True).returncode != 0  # not fetched by the clone
    monkeypatch.chdir(clone)
    result = run(*UNBUMPED, "--diff-base", "HEAD~1", "a.privacy.yaml")
    assert result.exit_code == 0, result.output  # the previous version is unknown: nothing to compare
    assert subprocess.run(missing, cwd=clone, capture_output=True).returncode != 0  # and still not fetched


def test_a_previous_version_over_the_size_limit_is_not_read(tmp_path, monkeypatch):
    from privlint.read import history as history_module

    repository = repository_with_an_unbumped_change(tmp_path / "repository")
    (repository / "a.privacy.yaml").write_text(BEFORE + "# padding\n" * 1_000, encoding="utf-8")
    git(repository, "commit", "-q", "-am", "large")
    (repository / "a.privacy.yaml").write_text(AFTER, encoding="utf-8")
    monkeypatch.chdir(repository)
    reads = []
    real = history_module._git
    monkeypatch.setattr(history_module, "_git", lambda directory, *args: reads.append(args[0]) or real(directory, *args))
    limited = history_module.History("HEAD", max_size=5_000)
    version = limited.version(repository / "a.privacy.yaml")
    assert version is not None and version.size > 5_000
    assert limited.read(version) is None
    assert "cat-file" not in reads
    assert run(*UNBUMPED, "--max-file-size", "5000", "a.privacy.yaml").exit_code == 0  # too large to compare with
    assert "unbumped-last-changed" in run(*UNBUMPED, "a.privacy.yaml").output


# -- 4. plugins: whatever a check does at import or on a file, the run reports it and exits 2 ----------

PLUGIN_HEADER = '''
"""A hostile check.

## What it does
Misbehaves.
"""
from privlint.rules import Problem, RuleInfo

class Evil(BaseException):
    pass

class Unprintable(Exception):
    def __str__(self):
        raise SystemExit(0)

RULE = RuleInfo(code="XH001", name="hostile-check", severity="warning", article="-", summary="Misbehaves")
'''

AT_IMPORT = {  # what the module does when it is imported
    "system-exit-0": "raise SystemExit(0)",
    "sys-exit-text": "import sys; sys.exit('bye')",
    "keyboard-interrupt": "raise KeyboardInterrupt",
    "base-exception": "raise Evil('at import')",
    "no-rule": "del RULE",
}
IN_CHECK = {  # the body of check(manifest, context)
    "system-exit-0": "raise SystemExit(0)",
    "keyboard-interrupt": "raise KeyboardInterrupt",
    "generator-exit": "raise GeneratorExit",
    "base-exception": "raise Evil('in a check')",
    "unprintable-exception": "raise Unprintable()",
    "yields-text": "yield 'not a problem'",
    "message-not-text": "yield Problem(('statement',), 42)",
    "path-not-a-tuple": "yield Problem('statement', 'a message')",
    "hint-not-text": "yield Problem(('statement',), 'a message', hint=['x'])",
    "returns-a-number": "return 42",
}
EXPECTED_IN_CHECK = {
    "system-exit-0": "failed: SystemExit: 0",
    "keyboard-interrupt": "failed: KeyboardInterrupt",
    "generator-exit": "failed: GeneratorExit",
    "base-exception": "failed: Evil: in a check",
    "unprintable-exception": "failed: Unprintable: (its message cannot be shown)",
    "yields-text": "failed: CheckContractError: it yielded a str instead of a Problem",
    "message-not-text": "failed: CheckContractError: it yielded a problem whose message is not text",
    "path-not-a-tuple": "failed: CheckContractError: it yielded a problem whose path is not a tuple of keys and indexes",
    "hint-not-text": "failed: CheckContractError: it yielded a problem whose hint is not text",
    "returns-a-number": "failed: TypeError",
}


def install_plugin(site: Path, source: str) -> None:
    site.mkdir(exist_ok=True)
    (site / "privlint_hostile.py").write_text(source, encoding="utf-8")
    dist_info = site / "privlint_hostile-0.1.dist-info"
    dist_info.mkdir(exist_ok=True)
    (dist_info / "METADATA").write_text("Metadata-Version: 2.1\nName: privlint-hostile\nVersion: 0.1\n", encoding="utf-8")
    (dist_info / "entry_points.txt").write_text("[privlint.checks]\nhostile-check = privlint_hostile\n", encoding="utf-8")


def plugin_source(at_import: str = "", in_check: str = "yield from ()") -> str:
    body = "\n".join("    " + line for line in in_check.splitlines())
    tail = "" if in_check.startswith("return") else "    yield from ()\n"  # a generator, unless it returns a value
    return f"{PLUGIN_HEADER}\n{at_import}\n\ndef check(manifest, context):\n{body}\n{tail}"


def run_with_plugin(tmp_path: Path, source: str, *args: str, files: int = 1) -> subprocess.CompletedProcess:
    install_plugin(tmp_path / "site", source)
    for number in range(files):
        (tmp_path / f"m{number}.privacy.yaml").write_bytes(SEED.read_bytes())
    environment = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"} | {"PYTHONPATH": str(tmp_path / "site")}
    return subprocess.run(
        [sys.executable, "-m", "privlint", "--today", TODAY, "--no-cache", *args, *(f"m{n}.privacy.yaml" for n in range(files))],
        capture_output=True, cwd=tmp_path, env=environment, timeout=100,
    )


def internal_errors(output: bytes) -> list[str]:
    import json

    return [f["message"] for f in json.loads(output)["findings"] if f["rule"] == "internal-error"]


@pytest.mark.parametrize("behaviour", sorted(AT_IMPORT))
def test_a_plugin_that_fails_at_import_is_an_internal_error_naming_it(tmp_path, behaviour):
    done = run_with_plugin(tmp_path, plugin_source(at_import=AT_IMPORT[behaviour]), "--format", "json")
    [message] = internal_errors(done.stdout)
    assert message.startswith("cannot load check 'hostile-check' (privlint_hostile): "), message
    assert b"Traceback" not in done.stderr
    assert done.returncode == 2


@pytest.mark.parametrize("behaviour", sorted(IN_CHECK))
def test_a_plugin_check_that_misbehaves_is_an_internal_error_naming_it(tmp_path, behaviour):
    done = run_with_plugin(tmp_path, plugin_source(in_check=IN_CHECK[behaviour]), "--format", "json")
    [message] = internal_errors(done.stdout)
    assert message.startswith("check 'hostile-check' (plugin privlint_hostile) " + EXPECTED_IN_CHECK[behaviour]), message
    assert b"Traceback" not in done.stderr
    assert done.returncode == 2


@pytest.mark.parametrize("behaviour", ["system-exit-0", "keyboard-interrupt", "base-exception"])
def test_a_plugin_check_that_misbehaves_in_worker_processes_is_contained_there(tmp_path, behaviour):
    done = run_with_plugin(tmp_path, plugin_source(in_check=IN_CHECK[behaviour]), "--format", "json", "--jobs", "2", files=4)
    messages = internal_errors(done.stdout)
    assert len(messages) == 4 and all(EXPECTED_IN_CHECK[behaviour] in message for message in messages), messages
    assert b"Traceback" not in done.stderr
    assert done.returncode == 2


@pytest.mark.parametrize("output_format", ["text", "json", "github", "sarif", "gitlab", "junit", "markdown", "html"])
@pytest.mark.parametrize("where", ["at-import", "in-check"])
def test_every_report_format_renders_a_misbehaving_plugin(tmp_path, output_format, where):
    source = plugin_source(at_import="raise SystemExit(0)") if where == "at-import" else plugin_source(in_check="raise Unprintable()")
    done = run_with_plugin(tmp_path, source, "--format", output_format, "--quiet")
    assert b"hostile" in done.stdout and b"internal" in done.stdout, done.stdout[-500:]  # markdown escapes the hyphens
    assert b"Traceback" not in done.stderr, done.stderr
    assert done.returncode == 2


# -- 4. where privlint writes and reads cannot take it down: one line, exit 2 ------------------------


@pytest.mark.parametrize("how", ["full", "closed"])
@pytest.mark.parametrize("command", [["statement.privacy.yaml"], ["rules"]])
def test_standard_output_full_or_closed_is_a_one_line_error(project, how, command):
    redirect = "> /dev/full" if how == "full" else ">&-"
    if how == "full" and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    line = " ".join([sys.executable, "-m", "privlint", "--today", TODAY, "--no-cache", *command]) + f" {redirect}"
    done = subprocess.run(["sh", "-c", line], capture_output=True, cwd=project, timeout=100)
    message = "No space left on device" if how == "full" else "standard output is closed"
    assert done.stderr.decode().splitlines() == [
        f"privlint: error: cannot write to standard output: {message}" if how == "full" else f"privlint: error: {message}; nothing could be reported"
    ]
    assert done.returncode == 2


OVERLONG = "x" * 300


@pytest.mark.parametrize(("flag", "fragment"), [
    ("--config", "cannot read configuration file"),
    ("--baseline", "cannot read baseline"),
    ("--create-baseline", "cannot write baseline"),
    ("--output-file", "cannot write"),
])
def test_an_overlong_file_name_given_to_an_option_is_a_one_line_error(project, flag, fragment):
    result = run(flag, OVERLONG, "statement.privacy.yaml")
    assert_clean_error(result, 2, "File name too long")
    assert fragment in result.output and len(result.output.strip().splitlines()) == 1


def test_an_overlong_cache_directory_only_turns_the_cache_off(project):
    assert cached_run(project) == reference_output(project) == (
        run("--cache-dir", OVERLONG, "statement.privacy.yaml").exit_code, run("--cache-dir", OVERLONG, "statement.privacy.yaml").output
    )


def test_init_in_an_overlong_directory_is_a_one_line_error(project):
    result = CliRunner().invoke(main, ["init", OVERLONG])
    assert_clean_error(result, 2, "File name too long")


def test_init_writes_nothing_through_a_planted_schema_folder_link(project):
    (project / ".privlint").symlink_to(project.parent / "outside", target_is_directory=True)
    result = CliRunner().invoke(main, ["init", "."], catch_exceptions=False)
    assert ".privlint is a link or a file, not a folder: nothing is written through it" in result.output
    assert result.exit_code == 0
    assert untouched(project)


def test_an_output_file_that_is_the_file_standard_input_stands_for_is_refused(project):
    before = (project / "statement.privacy.yaml").read_bytes()
    result = CliRunner().invoke(
        main, ["--today", TODAY, "--stdin-filename", "statement.privacy.yaml", "--output-file", "statement.privacy.yaml", "-"],
        input=before, env={"GITHUB_ACTIONS": None},
    )
    assert_clean_error(result, 2, "is a manifest being linted; privlint never writes to a manifest")
    assert (project / "statement.privacy.yaml").read_bytes() == before


def test_a_key_file_others_may_read_is_not_trusted(project, default_cache, tmp_path):
    """A key a repository could hold (git checks files out 0644) never signs: with it, no cache at all."""
    key = tmp_path / "user-cache" / "privlint" / "key"
    key.parent.mkdir(parents=True)
    key.write_text("0" * 64 + "\n", encoding="utf-8")
    key.chmod(0o644)
    assert cached_run(project) == reference_output(project)
    assert not list(default_cache.glob("v*/*/*.json"))
    assert key.read_text(encoding="utf-8") == "0" * 64 + "\n"


def test_a_cache_directory_below_a_planted_folder_link_is_not_used(project, tmp_path):
    (project / ".cache").symlink_to(project.parent / "outside", target_is_directory=True)
    result = run("--cache-dir", ".cache/privlint", "statement.privacy.yaml")
    assert (result.exit_code, result.output) == reference_output(project)
    assert untouched(project)


def test_schema_output_makes_no_folder_through_a_planted_link(project):
    (project / ".privlint").symlink_to(project.parent / "outside", target_is_directory=True)
    result = CliRunner().invoke(main, ["schema", "--output", ".privlint/new/privacy-statement.schema.json"])
    assert_clean_error(result, 2, ".privlint is a symbolic link; privlint writes nothing through links")
    assert untouched(project)


def test_init_makes_no_folder_through_a_planted_link(project):
    (project / "legal").symlink_to(project.parent / "outside", target_is_directory=True)
    result = CliRunner().invoke(main, ["init", "legal/new"])
    assert_clean_error(result, 2, "legal is a symbolic link; privlint writes nothing through links")
    assert untouched(project)


@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_standard_error_closed_or_full_does_not_stop_the_run(project, redirect):
    if "full" in redirect and not os.path.exists("/dev/full"):
        pytest.skip("no /dev/full here")
    line = " ".join([sys.executable, "-m", "privlint", "--today", TODAY, "--no-cache", "--create-baseline", "b.json", "statement.privacy.yaml"])
    normal = subprocess.run(["sh", "-c", line], capture_output=True, cwd=project, timeout=100)
    assert b"findings in baseline b.json" in normal.stderr  # a note to lose
    muted = subprocess.run(["sh", "-c", f"{line} {redirect}"], capture_output=True, cwd=project, timeout=100)
    assert (muted.returncode, muted.stdout) == (normal.returncode, normal.stdout) and normal.returncode == 0


def test_run_directories_of_an_older_cache_layout_are_pruned_too(project, default_cache):
    old_run = default_cache / "v1" / ("2" * 24)
    old_run.mkdir(parents=True)
    (old_run / ("d" * 64 + ".json")).write_text("{}", encoding="utf-8")
    (default_cache / "v1" / ("3" * 24)).symlink_to(project.parent / "outside", target_is_directory=True)
    os.utime(old_run, (0, 0))
    cached_run(project)
    assert [path.name for path in (default_cache / "v1").iterdir()] == ["3" * 24]  # the link itself is not a run directory
    assert untouched(project)
