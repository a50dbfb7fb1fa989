"""The GitHub Action (action.yml at the repository's root), run here as a runner runs it.

Most tests hand the action the privlint of this test run in place of its install step, so that
no package index is needed; one runs the install step too, from a copy of the repository as the
action's checkout.
"""

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from github_action import load_action, run_action

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
# The complete example with one purpose's legal basis taken out: one error, annotated whatever the
# number of annotations GitHub shows per step.
BAD = re.sub(r"^\s+legal_bases: .*\n", "", (ROOT / "examples" / "complete.privacy.yaml").read_text(encoding="utf-8"), count=1, flags=re.M)
ANNOTATION = re.compile(r"^::error file=legal/site\.privacy\.yaml,line=\d+,col=5,title=PL101 missing-legal-basis::", re.M)
INSTALLED = {"privlint": str(Path(sys.executable).parent / "privlint")}
TODAY = "--today 2026-11-23"


@pytest.fixture
def workspace(tmp_path):
    (tmp_path / "work" / "legal").mkdir(parents=True)
    (tmp_path / "work" / "legal" / "site.privacy.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "runner").mkdir()
    return tmp_path / "work"


def run(workspace, **inputs):
    return run_action(ROOT, workspace, workspace.parent / "runner", inputs=inputs, installed=INSTALLED)


def shown(summary: str) -> str:
    """The summary's text as GitHub shows it (Markdown escapes removed)."""
    return summary.replace("\\", "")


def test_the_action_is_composite_installs_from_its_own_checkout_and_uploads_nothing():
    action = load_action(ROOT)
    steps = action["runs"]["steps"]
    assert action["runs"]["using"] == "composite"
    assert not [step for step in steps if "uses" in step]  # uploading is the workflow's choice
    assert '"$GITHUB_ACTION_PATH"' in steps[0]["run"] and steps[0]["id"] == "install"
    assert {"paths", "format", "output-file", "args", "diff-base"} <= set(action["inputs"])
    for step in steps:  # inputs reach the scripts through env:, never spliced into the script
        assert "${{" not in step["run"], step["name"]


def test_annotations_summary_and_a_failing_exit_code_on_findings(workspace):
    done = run(workspace, args=TODAY)
    assert done.exit_code == 1 and done.outputs["exit-code"] == "1", done.stderr
    assert ANNOTATION.search(done.stdout)
    assert "legal/site.privacy.yaml" in shown(done.summary) and "missing-legal-basis" in shown(done.summary)
    assert "Traceback" not in done.stderr
    assert sorted(path.name for path in workspace.iterdir()) == ["legal"]  # no report asked for, no cache left


def test_a_clean_manifest_passes_with_an_empty_summary_table(workspace):
    shutil.copy(ROOT / "examples" / "complete.privacy.yaml", workspace / "legal" / "site.privacy.yaml")
    done = run(workspace, args=f"{TODAY} --ignore unbumped-last-changed")
    assert done.exit_code == 0 and done.outputs["exit-code"] == "0", done.stdout + done.stderr
    assert "::error" not in done.stdout and "::warning" not in done.stdout
    assert "0 findings" in shown(done.summary) or "No findings" in shown(done.summary) or "no findings" in shown(done.summary)


def test_the_report_in_the_chosen_format_is_written_for_a_later_upload(workspace):
    done = run(workspace, args=TODAY, format="sarif", paths="legal")
    assert done.exit_code == 1
    assert done.outputs["report"] == "privlint.sarif"
    report = json.loads((workspace / "privlint.sarif").read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(report))
    assert report["runs"][0]["results"] and ANNOTATION.search(done.stdout)


def test_paths_and_arguments_are_words_never_code_or_globs(workspace):
    done = run(workspace, paths="legal/*.yaml", args=f"{TODAY} $(touch injected) `touch injected`")
    assert not (workspace / "injected").exists() and not (workspace.parent / "injected").exists()
    assert done.exit_code == 2  # privlint refuses the words it does not know
    done = run(workspace, paths="legal/*.yaml", args=TODAY)
    assert "legal/*.yaml" in done.stdout and "PL000" in done.stdout  # a path, read literally: no such file


def test_on_a_pull_request_manifests_are_compared_with_its_base(workspace):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=workspace, check=True)
    subprocess.run([*git, "add", "-A"], cwd=workspace, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=workspace, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=workspace, check=True, capture_output=True, text=True).stdout.strip()
    (workspace / "legal" / "site.privacy.yaml").write_text(BAD.replace("performing", "carrying out", 1), encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "pull request"], cwd=workspace, check=True)
    event = {"pull_request": {"base": {"sha": base}}}
    done = run_action(ROOT, workspace, workspace.parent / "runner", inputs={"args": TODAY}, event=event, installed=INSTALLED)
    assert "unbumped-last-changed" in done.stdout, done.stdout + done.stderr
    on_push = run_action(ROOT, workspace, workspace.parent / "runner", inputs={"args": TODAY}, installed=INSTALLED)
    assert "unbumped-last-changed" not in on_push.stdout


@pytest.mark.network
def test_the_action_installs_privlint_from_its_checkout_and_runs_it(workspace, tmp_path_factory):
    checkout = tmp_path_factory.mktemp("action") / "privlint"
    shutil.copytree(ROOT, checkout, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "build", "dist", "*.egg-info", "__pycache__", ".hypothesis", ".privlint_cache", ".corpus"))
    done = run_action(checkout, workspace, workspace.parent / "runner", inputs={"args": TODAY, "python": sys.executable})
    assert done.steps_run[0] == "Install privlint" and len(done.steps_run) == len(load_action(ROOT)["runs"]["steps"])
    assert done.exit_code == 1, done.stdout + done.stderr
    assert ANNOTATION.search(done.stdout)
    assert "missing-legal-basis" in shown(done.summary)
