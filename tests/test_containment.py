"""What privlint never does, whatever a manifest or a plugin holds.

- A check that raises becomes an ``internal-error`` finding naming the check;
  the other checks and files still run, and the exit code is 2. So does a bug
  in privlint itself.
- privlint never writes to a manifest; the files it writes survive an
  interrupted run (they are written to a temporary file and renamed).
- No network access, and nothing in a manifest makes privlint run code.

What privlint does is watched with a Python audit hook (PEP 578): every file
opened, socket created and process started is seen.
"""

from __future__ import annotations

import json
import shutil
import sys
import types
from contextlib import contextmanager
from pathlib import Path

import privlint.rules.registry
import pytest
from click.testing import CliRunner
from privlint.cli.main import main
from privlint.rules import RuleInfo
from privlint.rules.registry import load_rules

ROOT = Path(__file__).resolve().parent.parent
TODAY = "2026-11-23"
SEED = ROOT / "seeds" / "netoperator.privacy.yaml"

# -- the audit hook: installed once, recording only inside ``audited()`` -------

_recording: list[tuple[str, tuple]] | None = None
_WATCHED = ("open", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "subprocess.Popen", "ctypes.dlopen")


def _audit(event: str, args: tuple) -> None:
    if _recording is not None and (event in _WATCHED or event.startswith("socket.")):
        _recording.append((event, args))


sys.addaudithook(_audit)


@contextmanager
def audited():
    global _recording
    _recording = events = []
    try:
        yield events
    finally:
        _recording = None


def opened_for_writing(events) -> list[str]:
    import os

    write_flags = os.O_WRONLY | os.O_RDWR | os.O_CREAT | os.O_TRUNC | os.O_APPEND
    written = []
    for event, args in events:
        if event == "open":
            path, mode, flags = args
            if (mode and any(c in mode for c in "wax+")) or (flags or 0) & write_flags:
                written.append(os.fsdecode(path) if not isinstance(path, int) else f"fd {path}")
    return written


def run(*args: str):
    return CliRunner().invoke(main, ["--today", TODAY, *args], env={"GITHUB_ACTIONS": None})


# -- a check that raises ----------------------------------------------------------


def plugin(exception: BaseException, only_title: str | None = None) -> types.ModuleType:
    """A check module that raises ``exception`` (for every manifest, or only for one title)."""
    module = types.ModuleType("privlint_test_exploding_check")
    module.__doc__ = "## What it does\nRaises.\n\n## Why it matters\nTests.\n\n## Example\n```yaml\n{}\n```\n\n## Use instead\n```yaml\n{}\n```\n"
    module.RULE = RuleInfo(code="XT999", name="exploding-check", severity="warning", article="-", summary="Raises")

    def check(manifest, context):
        if only_title is None or manifest.statement.title == only_title:
            raise exception
        yield from ()

    module.check = check
    return module


@pytest.fixture
def two_manifests(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    seed = SEED.read_text(encoding="utf-8")
    assert "  title: " in seed
    (tmp_path / "boom.privacy.yaml").write_text(seed.replace("  title: ", "  title: boom # ", 1), encoding="utf-8")
    (tmp_path / "calm.privacy.yaml").write_text(seed.replace("  title: ", "  title: calm # ", 1), encoding="utf-8")
    return tmp_path


def use_plugin(monkeypatch, module) -> None:
    real = load_rules
    monkeypatch.setattr(
        privlint.rules.registry, "load_rules",
        lambda extra_modules=(), contain_failures=False: real([*extra_modules, module], contain_failures),
    )


def findings_by_file(output: str) -> dict[str, list[tuple]]:
    grouped: dict[str, list[tuple]] = {}
    for f in json.loads(output)["findings"]:
        grouped.setdefault(f["file"], []).append((f["rule"], f["line"], f["column"], f["message"]))
    return grouped


@pytest.mark.parametrize("exception", [KeyError("purpose"), RecursionError("maximum recursion depth exceeded"), ZeroDivisionError("division by zero")])
def test_a_check_that_raises_is_an_internal_error_and_the_rest_still_runs(two_manifests, monkeypatch, exception):
    use_plugin(monkeypatch, plugin(exception, only_title="boom"))
    result = run("--format", "json", "boom.privacy.yaml", "calm.privacy.yaml")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    found = findings_by_file(result.stdout)
    crashed = [f for f in found["boom.privacy.yaml"] if f[0] == "internal-error"]
    assert crashed == [("internal-error", 1, 1, f"check 'exploding-check' (plugin privlint_test_exploding_check) failed: {type(exception).__name__}: {exception}")]
    others = [f for f in found["boom.privacy.yaml"] if f[0] != "internal-error"]
    assert others == found["calm.privacy.yaml"] != []  # every other check ran on both files
    assert result.exit_code == 2


def test_a_check_that_raises_is_contained_with_exit_zero_too(two_manifests, monkeypatch):
    use_plugin(monkeypatch, plugin(RuntimeError("broken")))
    result = run("--exit-zero", "calm.privacy.yaml")
    assert "PL003 internal-error [error] check 'exploding-check' (plugin privlint_test_exploding_check) failed: RuntimeError: broken" in result.output
    assert result.exit_code == 2


def test_a_bug_in_privlint_itself_is_an_internal_error_for_that_file_only(two_manifests, monkeypatch):
    import privlint.parse.loader

    real = privlint.parse.loader.load_document

    def failing(text):
        if "title: boom" in text:
            raise MemoryError("out of memory")
        return real(text)

    monkeypatch.setattr(privlint.parse.loader, "load_document", failing)
    result = run("--format", "json", "boom.privacy.yaml", "calm.privacy.yaml")
    found = findings_by_file(result.stdout)
    assert found["boom.privacy.yaml"] == [("internal-error", 1, 1, "privlint failed on this file: MemoryError: out of memory")]
    assert found["calm.privacy.yaml"] and not any(f[0] == "internal-error" for f in found["calm.privacy.yaml"])
    assert result.exit_code == 2


# -- privlint never writes to a manifest, and writes its own files atomically -------


def test_privlint_never_writes_to_a_manifest(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "tests" / "bad_inputs", tmp_path / "bad_inputs")
    manifests = sorted(tmp_path.rglob("*.privacy.yaml"))
    before = {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in manifests}
    monkeypatch.chdir(tmp_path)
    with audited() as events:
        for args in ([], ["--format", "json"], ["--create-baseline", "baseline.json"], ["--baseline", "baseline.json"]):
            result = run(*args, ".")
            assert result.exception is None or isinstance(result.exception, SystemExit)
    assert {path: (path.read_bytes(), path.stat().st_mtime_ns) for path in manifests} == before
    written = opened_for_writing(events)
    assert not [path for path in written if path.endswith((".privacy.yaml", ".privacy.yml"))], written
    assert (tmp_path / "baseline.json").exists()


@pytest.mark.parametrize("step", ["fsync", "replace"])
def test_an_interrupted_baseline_write_leaves_the_old_baseline(two_manifests, monkeypatch, step):
    import os

    assert run("--create-baseline", "baseline.json", "calm.privacy.yaml").exit_code == 0
    old = (two_manifests / "baseline.json").read_bytes()

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, step, interrupt)
    result = run("--create-baseline", "baseline.json", "boom.privacy.yaml", "calm.privacy.yaml")
    monkeypatch.undo()
    assert (result.exit_code, result.output.strip()) == (1, "Aborted!")  # cut short where the file is written
    assert (two_manifests / "baseline.json").read_bytes() == old
    assert [path.name for path in two_manifests.iterdir() if "baseline" in path.name] == ["baseline.json"]  # no temporary file left


def test_an_interrupted_init_leaves_no_half_written_manifest(tmp_path, monkeypatch):
    import os

    def interrupt(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupt)
    result = CliRunner().invoke(main, ["init", str(tmp_path / "project")])
    monkeypatch.undo()
    assert (result.exit_code, result.output.strip()) == (1, "Aborted!")
    assert [path.name for path in (tmp_path / "project").iterdir()] == []


# -- no network, no code from a manifest --------------------------------------------


def test_no_network_access_while_linting(tmp_path, monkeypatch):
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    shutil.copytree(ROOT / "tests" / "bad_inputs", tmp_path / "bad_inputs")
    monkeypatch.chdir(tmp_path)
    with audited() as events:
        result = run("--format", "json", ".")
    assert result.exception is None or isinstance(result.exception, SystemExit)
    assert len(json.loads(result.stdout)["findings"]) > 50  # it did lint
    assert [event for event, _ in events if event.startswith("socket.")] == []


PAYLOADS = [
    "statement: !!python/object/apply:os.system ['touch {marker}']",
    "statement: !!python/object/apply:subprocess.call [['touch', '{marker}']]",
    "statement: !!python/object/new:os.system ['touch {marker}']",
    "statement: !!python/name:os.system\ncontroller: !!python/module:os",
    "statement: !!python/object:__main__.Anything {{a: 1}}",
    "%TAG !p! tag:yaml.org,2002:python/\n---\nstatement: !p!object/apply:os.system ['touch {marker}']",
    "statement: !<tag:yaml.org,2002:python/object/apply:os.system> ['touch {marker}']",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_nothing_in_a_manifest_runs_code(tmp_path, monkeypatch, payload):
    marker = tmp_path / "pwned"
    monkeypatch.chdir(tmp_path)
    (tmp_path / "evil.privacy.yaml").write_text("privlint: 1\n" * ("%TAG" not in payload) + payload.format(marker=marker) + "\n", encoding="utf-8")
    with audited() as events:
        result = run("evil.privacy.yaml")
    assert "PL001 yaml-syntax [error] unsupported YAML tag" in result.output
    assert result.exit_code == 1
    assert not marker.exists()
    ran = [(event, args) for event, args in events if event != "open" and not event.startswith("socket.")]
    assert not [entry for entry in ran if str(marker) in repr(entry) or "os.system" == entry[0]], ran
