"""privlint --fix and --diff: move statement.last_changed to today when the content changed, nothing else."""

from __future__ import annotations

import os
import subprocess

import pytest
from click.testing import CliRunner
from privlint.cli.main import main
from privlint.rules import Edit
from privlint.run.fixes import CannotFix, apply_edits

DAY = "2026-11-23"

# Comments, odd quoting, a flow mapping, CRLF-free but unusual spacing: all must survive byte for byte.
BEFORE = """\
# yaml-language-server: $schema=../schemas/privacy-statement.schema.json
privlint: 1   # format version
statement: {title: 'Privacy "statement"', last_changed: 2025-10, url: "https://example.com/privacy"}
controller:
  name:    'Example B.V.'     # aligned on purpose
  country: NL
purposes:
  - {id: a, legal_bases: [contract], retention: {period: P1Y}}   # one line
  - id: "b"
    legal_bases: [ consent ]
    retention:
      period: P2Y
"""


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


def committed_then_changed(repo, before=BEFORE, name="m.privacy.yaml"):
    path = repo / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(before, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    changed = before.replace("period: P2Y", "period: P3Y")
    path.write_text(changed, encoding="utf-8")
    return path, changed


def privlint(*args):
    return CliRunner().invoke(main, ["--today", DAY, "--select", "unbumped-last-changed", *args], catch_exceptions=False)


def test_fix_changes_only_the_date_keeping_the_month_precision(repo):
    path, changed = committed_then_changed(repo)
    result = privlint("--fix", "m.privacy.yaml")
    assert result.exit_code == 0, result.output
    assert path.read_text(encoding="utf-8") == changed.replace("last_changed: 2025-10,", "last_changed: 2026-11,")
    assert "fixed 1 finding in 1 file" in result.output
    assert "All checks passed" in result.output
    again = privlint("--fix", "m.privacy.yaml")  # nothing left to do: a second edit the same month is fine
    assert path.read_text(encoding="utf-8") == changed.replace("last_changed: 2025-10,", "last_changed: 2026-11,")
    assert "fixed 0 findings in 0 files" in again.output


@pytest.mark.parametrize(
    ("written", "fixed"),
    [
        ("last_changed: 2025-10-01", "last_changed: 2026-11-23"),
        ("last_changed: '2025-10-01'", "last_changed: '2026-11-23'"),
        ('last_changed: "2025-10"', 'last_changed: "2026-11"'),
        ("last_changed: 2025-10-01   # as printed", "last_changed: 2026-11-23   # as printed"),
    ],
)
def test_the_quoting_style_and_comments_are_kept(repo, written, fixed):
    before = f"privlint: 1\nstatement:\n  {written}\npurposes:\n  - id: a\n    retention:\n      period: P2Y\n"
    path, changed = committed_then_changed(repo, before)
    assert privlint("--fix", "m.privacy.yaml").exit_code == 0
    assert path.read_text(encoding="utf-8") == changed.replace(written, fixed)


def test_diff_shows_the_change_writes_nothing_and_exits_1(repo):
    path, changed = committed_then_changed(repo)
    result = privlint("--diff", "m.privacy.yaml")
    assert result.exit_code == 1
    assert path.read_text(encoding="utf-8") == changed
    assert result.output.splitlines()[:4] == [
        "--- m.privacy.yaml",
        "+++ m.privacy.yaml",
        "@@ -1,6 +1,6 @@",
        " # yaml-language-server: $schema=../schemas/privacy-statement.schema.json",
    ]
    assert "-statement: {title: 'Privacy \"statement\"', last_changed: 2025-10, url: \"https://example.com/privacy\"}" in result.output
    assert "+statement: {title: 'Privacy \"statement\"', last_changed: 2026-11, url: \"https://example.com/privacy\"}" in result.output
    assert "would fix 1 finding in 1 file" in result.output
    path.write_text(changed.replace("2025-10", "2026-11"), encoding="utf-8")
    clean = privlint("--diff", "m.privacy.yaml")
    assert (clean.exit_code, clean.output.startswith("---")) == (0, False)


def test_crlf_line_endings_and_a_byte_order_mark_survive(repo):
    before = "\ufeffprivlint: 1\r\nstatement:\r\n  last_changed: 2025-10-01\r\npurposes:\r\n  - id: a  # x\r\n"
    path = repo / "m.privacy.yaml"
    path.write_bytes(before.encode("utf-8"))
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", "first")
    path.write_bytes(before.replace("id: a", "id: b").encode("utf-8"))
    assert privlint("--fix", "m.privacy.yaml").exit_code == 0
    assert path.read_bytes() == before.replace("id: a", "id: b").replace("2025-10-01", "2026-11-23").encode("utf-8")


def test_suppressed_findings_and_files_with_errors_are_not_fixed(repo):
    suppressed = BEFORE.replace("privlint: 1   # format version", "# privlint: disable-file=unbumped-last-changed -- not yet\nprivlint: 1")
    path, changed = committed_then_changed(repo, suppressed)
    privlint("--fix", "m.privacy.yaml")
    assert path.read_text(encoding="utf-8") == changed
    broken = repo / "broken.privacy.yaml"
    broken.write_text("privlint: 1\nstatement: {last_changed: 2025-10\n", encoding="utf-8")
    result = privlint("--fix", "broken.privacy.yaml")
    assert broken.read_text(encoding="utf-8") == "privlint: 1\nstatement: {last_changed: 2025-10\n"
    assert result.exit_code == 1


def test_a_symbolic_link_is_never_replaced_nor_written_through(repo):
    real, changed = committed_then_changed(repo, name="real/m.privacy.yaml")
    os.symlink(real, repo / "link.privacy.yaml")
    result = privlint("--fix", "link.privacy.yaml")
    assert (repo / "link.privacy.yaml").is_symlink()
    assert real.read_text(encoding="utf-8") == changed
    assert "m.privacy.yaml: not fixed: it is a symbolic link" in result.output  # (shown by its real path)


def test_the_fixed_file_keeps_its_permissions_and_no_temporary_file_is_left(repo):
    path, _ = committed_then_changed(repo)
    path.chmod(0o640)
    privlint("--fix", "m.privacy.yaml")
    assert path.stat().st_mode & 0o777 == 0o640
    assert sorted(p.name for p in repo.iterdir() if p.name != ".git") == ["m.privacy.yaml"]


def test_a_value_shared_through_an_anchor_or_a_merge_key_is_left_alone():
    anchored = "privlint: 1\nx: &day 2025-10-01\nstatement:\n  last_changed: *day\n"
    with pytest.raises(CannotFix):
        apply_edits(anchored, [Edit(("statement", "last_changed"), "2026-11-23")])
    merged = "privlint: 1\nbase: &base {last_changed: 2025-10-01}\nstatement:\n  <<: *base\n"
    with pytest.raises(CannotFix):
        apply_edits(merged, [Edit(("statement", "last_changed"), "2026-11-23")])


def test_standard_input_can_be_diffed_but_not_fixed(repo):
    committed_then_changed(repo)
    runner = CliRunner()
    changed = (repo / "m.privacy.yaml").read_text(encoding="utf-8")
    args = ["--today", DAY, "--select", "unbumped-last-changed", "--stdin-filename", "m.privacy.yaml"]
    diff = runner.invoke(main, [*args, "--diff", "-"], input=changed, catch_exceptions=False)
    assert diff.exit_code == 1 and "+statement: {title: 'Privacy" in diff.output
    assert runner.invoke(main, [*args, "--fix", "-"], input=changed).exit_code == 2
