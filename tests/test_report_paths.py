"""Reports for tools that know the repository: SARIF, GitLab and JUnit name files relative to the
project root from any working directory; JUnit is valid against junit-10.xsd; GitHub's annotation
limit and job summary; discovery honours .gitignore."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from conftest import ROOT

BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"
DAY = "2026-11-23"
TWO = "missing-legal-basis,missing-retention"


def write(directory: Path, name: str, text: str = BAD) -> Path:
    path = directory / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def report_files(cli, cwd: Path, output_format: str, *paths: str) -> set[str]:
    result = cli("--today", DAY, "--select", TWO, "--format", output_format, "--no-cache", *paths, cwd=cwd)
    assert result.exit_code == 1, result.output
    if output_format == "sarif":
        results = json.loads(result.output)["runs"][0]["results"]
        return {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results}
    if output_format == "gitlab":
        return {issue["location"]["path"] for issue in json.loads(result.output)}
    return {suite.get("name") for suite in ET.fromstring(result.output).iter("testsuite")}


@pytest.mark.parametrize("output_format", ["sarif", "gitlab", "junit"])
def test_paths_are_relative_to_the_configuration_file_from_any_directory(cli, tmp_path, output_format):
    (tmp_path / "privlint.toml").write_text("", encoding="utf-8")
    write(tmp_path, "legal/nl/site.privacy.yaml")
    expected = {"legal/nl/site.privacy.yaml"}
    assert report_files(cli, tmp_path, output_format) == expected
    assert report_files(cli, tmp_path / "legal", output_format) == expected
    assert report_files(cli, tmp_path / "legal" / "nl", output_format, "site.privacy.yaml") == expected
    text = cli("--today", DAY, "--select", TWO, "--no-cache", cwd=tmp_path / "legal" / "nl").output
    assert text.startswith("site.privacy.yaml:5:5:")  # text stays relative to the working directory


def test_without_a_configuration_paths_are_relative_to_the_git_work_tree(cli, tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    write(tmp_path, "legal/site.privacy.yaml")
    assert report_files(cli, tmp_path / "legal", "sarif") == {"legal/site.privacy.yaml"}
    assert report_files(cli, tmp_path / "legal", "gitlab") == {"legal/site.privacy.yaml"}


def test_the_output_file_gets_root_relative_paths_too(cli, tmp_path):
    (tmp_path / "privlint.toml").write_text("", encoding="utf-8")
    write(tmp_path, "legal/site.privacy.yaml")
    result = cli("--today", DAY, "--select", TWO, "--format", "gitlab", "--output-file", str(tmp_path / "cq.json"),
                 cwd=tmp_path / "legal")
    assert result.output.startswith("site.privacy.yaml:5:5:")
    assert {i["location"]["path"] for i in json.loads((tmp_path / "cq.json").read_text(encoding="utf-8"))} == {
        "legal/site.privacy.yaml"
    }


def test_junit_is_valid_against_the_jenkins_xunit_schema(cli, tmp_path):
    etree = pytest.importorskip("lxml.etree")
    schema = etree.XMLSchema(etree.parse(str(ROOT / "tests" / "data" / "junit-10.xsd")))
    write(tmp_path, "a.privacy.yaml")
    write(tmp_path, "broken.privacy.yaml", "privlint: 1\nstatement: [\n")
    write(tmp_path, "clean.privacy.yaml", "privlint: 1\n")
    result = cli("--today", DAY, "--format", "junit", "--no-cache", "a.privacy.yaml", "broken.privacy.yaml",
                 "clean.privacy.yaml", "missing.privacy.yaml", cwd=tmp_path)
    document = etree.fromstring(result.output.encode("utf-8"))
    assert schema.validate(document), schema.error_log
    seeds = cli("--today", DAY, "--format", "junit", "--no-cache", str(ROOT / "seeds")).output
    assert schema.validate(etree.fromstring(seeds.encode("utf-8"))), schema.error_log


# -- GitHub Actions ------------------------------------------------------------------


def many_findings(tmp_path: Path) -> None:
    """25 errors (missing-legal-basis, missing-retention) and 13 warnings-or-less over two files."""
    purposes = "".join(f"  - id: p{index}\n" for index in range(12))
    write(tmp_path, "a.privacy.yaml", "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n" + purposes)
    write(tmp_path, "b.privacy.yaml", BAD)


def test_github_annotates_ten_of_each_level_most_severe_first(cli, tmp_path, monkeypatch):
    many_findings(tmp_path)
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    result = cli("--today", DAY, "--select", "missing-legal-basis,missing-retention,missing-recipients,missing-requirement-notice",
                 "--no-cache", cwd=tmp_path)
    lines = result.output.splitlines()
    errors = [line for line in lines if line.startswith("::error ")]
    warnings = [line for line in lines if line.startswith("::warning ")]
    notices = [line for line in lines if line.startswith("::notice ")]
    assert len(errors) == 10 and len(warnings) == 2 and len(notices) == 3  # 2 info findings and the note
    assert notices[-1].startswith("::notice title=privlint::16 more findings not annotated")
    plain = [line for line in lines if line.startswith(("a.privacy.yaml:", "b.privacy.yaml:"))]
    assert len(plain) == 16 and all("[error]" in line for line in plain)  # every finding is in the log
    assert lines[-1] == "Found 30 findings (26 errors, 2 warnings, 2 info) in 2 files."


def test_github_keeps_a_notice_for_saying_how_many_are_left_out(tmp_path):
    from privlint.report.github import annotated
    from privlint.rules import Finding, Severity

    infos = [Finding("a", index, 1, "PL1", "r", Severity.info, "m") for index in range(1, 13)]
    chosen, left_out = annotated(infos)
    assert (len(chosen), left_out) == (9, 3)
    assert annotated(infos[:10]) == (set(range(10)), 0)


def test_the_job_summary_is_written_whenever_github_names_it(cli, tmp_path, monkeypatch):
    many_findings(tmp_path)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    cli("--today", DAY, "--select", TWO, "--format", "sarif", "--output-file", "x.sarif", "--no-cache", cwd=tmp_path)
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("earlier step\n## privlint\n\nFound 26 findings (26 errors) in 2 files.\n")
    assert "| `missing-legal-basis` | PL101 | error | 13 |" in text
    assert "### a\\.privacy\\.yaml" in text and "### b\\.privacy\\.yaml" in text
    assert text.count("\n- **error** line ") == 26


def test_manifest_text_cannot_add_markup_to_the_job_summary():
    from privlint.report.markdown import escape

    assert escape("[x](https://evil.example) <img src=x> | cell\nrow") == (
        "\\[x\\]\\(https://evil\\.example\\) &lt;img src=x&gt; \\| cell row"
    )


# -- .gitignore ----------------------------------------------------------------------


@pytest.fixture
def work_tree(tmp_path):
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    for name in ("a.privacy.yaml", "build/b.privacy.yaml", "legal/c.privacy.yaml", "legal/old/d.privacy.yaml",
                 "legal/tmp.privacy.yaml", "local/e.privacy.yaml", "legal/keep/f.privacy.yaml"):
        write(tmp_path, name)
    (tmp_path / ".gitignore").write_text("build/\n*tmp*\n", encoding="utf-8")
    (tmp_path / "legal" / ".gitignore").write_text("old/\nkeep/*\n!keep/f.privacy.yaml\n", encoding="utf-8")
    (tmp_path / ".git" / "info").mkdir(exist_ok=True)
    (tmp_path / ".git" / "info" / "exclude").write_text("local/\n", encoding="utf-8")
    return tmp_path


def test_discovery_skips_what_git_ignores(cli, work_tree):
    shown = cli("--show-files", cwd=work_tree).output.splitlines()
    assert shown == ["a.privacy.yaml", "legal/c.privacy.yaml", "legal/keep/f.privacy.yaml"]
    listed = subprocess.run(["git", "-C", str(work_tree), "ls-files", "--others", "--exclude-standard"],
                            capture_output=True, text=True, check=True).stdout.split()
    assert sorted(name for name in listed if name.endswith(".privacy.yaml")) == shown  # as git sees it
    assert cli("--show-files", "legal", cwd=work_tree).output.splitlines() == ["legal/c.privacy.yaml", "legal/keep/f.privacy.yaml"]
    assert cli("--show-files", cwd=work_tree / "legal").output.splitlines() == ["c.privacy.yaml", "keep/f.privacy.yaml"]


def test_ignored_files_named_on_the_command_line_are_linted(cli, work_tree):
    assert cli("--show-files", "build/b.privacy.yaml", cwd=work_tree).output == "build/b.privacy.yaml\n"


def test_respect_gitignore_can_be_switched_off(cli, work_tree):
    everything = ["a.privacy.yaml", "build/b.privacy.yaml", "legal/c.privacy.yaml", "legal/keep/f.privacy.yaml",
                  "legal/old/d.privacy.yaml", "legal/tmp.privacy.yaml", "local/e.privacy.yaml"]
    assert cli("--show-files", "--no-respect-gitignore", cwd=work_tree).output.splitlines() == everything
    (work_tree / "privlint.toml").write_text("respect-gitignore = false\n", encoding="utf-8")
    assert cli("--show-files", cwd=work_tree).output.splitlines() == everything
    assert len(cli("--show-files", "--respect-gitignore", cwd=work_tree).output.splitlines()) == 3
    (work_tree / "privlint.toml").write_text('respect-gitignore = "no"\n', encoding="utf-8")
    assert cli("--show-files", cwd=work_tree).exit_code == 2


def test_a_gitignore_that_is_a_fifo_or_a_link_is_not_read(cli, work_tree):
    import os

    (work_tree / "legal" / ".gitignore").unlink()
    os.mkfifo(work_tree / "legal" / ".gitignore")  # reading it would block for ever
    os.symlink(work_tree / ".gitignore", work_tree / "local" / ".gitignore")
    shown = cli("--show-files", cwd=work_tree).output.splitlines()
    assert "legal/old/d.privacy.yaml" in shown


def test_config_globs_follow_gitignore_semantics(cli, tmp_path):
    for name in ("a.privacy.yaml", "drafts/b.privacy.yaml", "drafts/keep.privacy.yaml", "x/drafts/c.privacy.yaml",
                 "legal/d.privacy.yaml"):
        write(tmp_path, name)
    (tmp_path / "privlint.toml").write_text('exclude = ["drafts/*", "!drafts/keep.privacy.yaml", "/legal"]\n', encoding="utf-8")
    assert cli("--show-files", cwd=tmp_path).output.splitlines() == [
        "a.privacy.yaml", "drafts/keep.privacy.yaml", "x/drafts/c.privacy.yaml",
    ]
