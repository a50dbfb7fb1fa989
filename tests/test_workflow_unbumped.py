"""unbumped-last-changed: a manifest that changed since git HEAD (or --diff-base) must move its date."""

import json
import subprocess

import pytest
from click.testing import CliRunner
from conftest import ROOT
from privlint.cli.main import main

EXAMPLES = ROOT / "examples" / "rules" / "unbumped-last-changed"
BEFORE = "privlint: 1\nstatement:\n  last_changed: 2025-10\npurposes:\n  - id: a\n    legal_bases: [contract]\n"


@pytest.fixture
def repo(tmp_path, monkeypatch):
    for variable in ("GIT_DIR", "GIT_WORK_TREE", "GIT_INDEX_FILE", "GIT_OBJECT_DIRECTORY"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.chdir(tmp_path)
    git(tmp_path, "init", "-q")
    return tmp_path


def git(where, *args):
    subprocess.run(
        ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false", *args],
        cwd=where, check=True, capture_output=True,
    )


def commit(repo, files, message="change"):
    for name, text in files.items():
        path = repo / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message)


def findings(*args):
    result = CliRunner().invoke(main, ["--today", "2026-11-23", "--select", "unbumped-last-changed", "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    return [(f["file"], f["line"], f["message"]) for f in json.loads(result.output)["findings"]]


def test_the_rule_examples_fail_and_pass_against_their_previous_version(repo):
    commit(repo, {"m.privacy.yaml": (EXAMPLES / "previous.privacy.yaml").read_text(encoding="utf-8")})
    (repo / "m.privacy.yaml").write_text((EXAMPLES / "fail.privacy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert findings("m.privacy.yaml") == [
        ("m.privacy.yaml", 4, "the manifest changed since the version in git (purposes) but last changed is still 2025-10"),
    ]
    result = CliRunner().invoke(main, ["--today", "2026-11-23", "--select", "unbumped-last-changed", "--format", "json", "m.privacy.yaml"])
    # the exact place, as tests/test_pinned_pointers.py has it for the other rules
    assert [(f["path"], f["line"], f["column"]) for f in json.loads(result.output)["findings"]] == [("/statement/last_changed", 4, 3)]
    (repo / "m.privacy.yaml").write_text((EXAMPLES / "pass.privacy.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    assert findings("m.privacy.yaml") == []


def test_formatting_comments_quoting_and_key_order_do_not_count(repo):
    commit(repo, {"m.privacy.yaml": BEFORE})
    (repo / "m.privacy.yaml").write_text(
        "# reformatted\nprivlint: 1\npurposes: [{legal_bases: [contract], id: 'a'}]\nstatement: {last_changed: \"2025-10\"}\n",
        encoding="utf-8",
    )
    assert findings("m.privacy.yaml") == []


def test_silent_outside_git_for_new_files_and_without_commits(tmp_path, repo):
    (repo / "new.privacy.yaml").write_text(BEFORE, encoding="utf-8")
    assert findings("new.privacy.yaml") == []  # a repository without commits
    commit(repo, {"other.privacy.yaml": BEFORE})
    assert findings("new.privacy.yaml") == []  # not in HEAD
    outside = tmp_path.parent / (tmp_path.name + "-outside")
    outside.mkdir()
    (outside / "m.privacy.yaml").write_text(BEFORE.replace("id: a", "id: b"), encoding="utf-8")
    assert findings(str(outside / "m.privacy.yaml")) == []


def test_a_previous_version_that_is_not_a_valid_manifest_is_not_compared(repo):
    commit(repo, {"m.privacy.yaml": "privlint: 1\nstatment: {}\n"})
    (repo / "m.privacy.yaml").write_text(BEFORE, encoding="utf-8")
    assert findings("m.privacy.yaml") == []


def test_files_in_subdirectories_from_any_working_directory(repo, monkeypatch):
    commit(repo, {"legal/nl/m.privacy.yaml": BEFORE})
    (repo / "legal" / "nl" / "m.privacy.yaml").write_text(BEFORE.replace("contract", "consent"), encoding="utf-8")
    assert [f[0] for f in findings("legal")] == ["legal/nl/m.privacy.yaml"]
    monkeypatch.chdir(repo / "legal" / "nl")
    assert [f[0] for f in findings()] == ["m.privacy.yaml"]


def test_diff_base_compares_with_another_revision(repo):
    commit(repo, {"m.privacy.yaml": BEFORE}, "first")
    commit(repo, {"m.privacy.yaml": BEFORE.replace("contract", "consent")}, "second: changed, date not moved")
    assert findings("m.privacy.yaml") == []  # the working tree is HEAD
    assert len(findings("--diff-base", "HEAD~1", "m.privacy.yaml")) == 1
    commit(repo, {"m.privacy.yaml": BEFORE.replace("contract", "consent").replace("2025-10", "2026-11-01")}, "third")
    assert findings("--diff-base", "HEAD~2", "m.privacy.yaml") == []


def test_an_unknown_diff_base_is_a_usage_error(repo):
    commit(repo, {"m.privacy.yaml": BEFORE})
    for ref in ("no-such-branch", "--output=x"):
        result = CliRunner().invoke(main, ["--diff-base", ref, "m.privacy.yaml"])
        assert result.exit_code == 2, ref
        assert "--diff-base" in result.output
    assert not (repo / "x").exists()


@pytest.mark.parametrize(
    ("committed", "reported"),
    [
        ("2026-11-23", False),  # a second edit on the day the date was moved (or git commit --amend)
        ("2026-11", False),  # a month-precision date that already names the current month
        ("2026-11-22", True),
        ("2026-10", True),
        ("2025-11", True),  # the same month of another year
    ],
)
def test_a_date_that_already_is_today_is_not_reported(repo, committed, reported):
    commit(repo, {"m.privacy.yaml": BEFORE.replace("2025-10", committed)})
    (repo / "m.privacy.yaml").write_text(BEFORE.replace("2025-10", committed).replace("id: a", "id: b"), encoding="utf-8")
    assert bool(findings("m.privacy.yaml")) is reported
