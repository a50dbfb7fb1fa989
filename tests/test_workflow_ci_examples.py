"""The CI examples in examples/ci run as written: their privlint steps produce the reports they upload.

The GitHub workflow uses the action at the root of this repository (run by tests/github_action.py).
"""

import json
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from github_action import run_action
from ruamel.yaml import YAML

CI = ROOT / "examples" / "ci"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BIN = Path(sys.executable).parent
BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"
# The complete example with one purpose's legal basis taken out: one error, annotated whatever the
# number of annotations GitHub shows per step.
ONE_ERROR = re.sub(r"^\s+legal_bases: .*\n", "", (ROOT / "examples" / "complete.privacy.yaml").read_text(encoding="utf-8"), count=1, flags=re.M)
INSTALLED = {"privlint": str(BIN / "privlint")}  # the action's install step would need the package index


def load(name):
    return YAML(typ="safe").load((CI / name).read_text(encoding="utf-8"))


def shell(command, cwd, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_", "GIT_"))}
    environment.update(PATH=f"{BIN}{os.pathsep}{environment.get('PATH', '')}", **env)
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


@pytest.fixture
def checkout(tmp_path):
    (tmp_path / "work" / "legal").mkdir(parents=True)
    (tmp_path / "work" / "legal" / "site.privacy.yaml").write_text(BAD, encoding="utf-8")
    return tmp_path / "work"


def github_action_step(workflow):
    """The step that uses privlint's action (``OWNER/privlint@REV``)."""
    [step] = [s for s in workflow["jobs"]["privlint"]["steps"] if re.fullmatch(r"[\w-]+/privlint@[\w.-]+", str(s.get("uses", "")))]
    return step


def run_github_job(checkout, event=None):
    """The workflow's privlint step: the action at the root of this repository, with the step's inputs."""
    step = github_action_step(load("github-actions.yml"))
    (checkout.parent / "runner").mkdir(exist_ok=True)
    return run_action(ROOT, checkout, checkout.parent / "runner", inputs=step.get("with"), event=event, installed=INSTALLED)


def test_github_workflow_annotates_and_writes_valid_sarif_for_the_upload(checkout):
    workflow = load("github-actions.yml")
    upload = next(s for s in workflow["jobs"]["privlint"]["steps"] if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert workflow["permissions"]["security-events"] == "write"
    assert upload["if"] == "${{ !cancelled() }}"  # the report is uploaded when privlint fails the step
    (checkout / "legal" / "site.privacy.yaml").write_text(ONE_ERROR, encoding="utf-8")
    done = run_github_job(checkout)  # a push: no pull-request base
    assert done.exit_code == 1, done.stdout + done.stderr
    assert re.search(r"^::error file=legal/site\.privacy\.yaml,line=\d+,col=5,title=PL101 missing-legal-basis::", done.stdout, re.M)
    assert "missing-legal-basis" in done.summary.replace("\\", "")
    report = json.loads((checkout / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(report))
    assert report["runs"][0]["results"]


def test_github_workflow_compares_with_the_pull_request_base(checkout):
    workflow = load("github-actions.yml")
    [checkout_step] = [s for s in workflow["jobs"]["privlint"]["steps"] if str(s.get("uses", "")).startswith("actions/checkout@")]
    assert checkout_step["with"]["fetch-depth"] == 0  # the base commit is there to compare with
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    (checkout / "legal" / "site.privacy.yaml").write_text(ONE_ERROR, encoding="utf-8")
    subprocess.run([*git, "init", "-q"], cwd=checkout, check=True)
    subprocess.run([*git, "add", "-A"], cwd=checkout, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=checkout, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, check=True, capture_output=True, text=True).stdout.strip()
    (checkout / "legal" / "site.privacy.yaml").write_text(ONE_ERROR.replace("performing", "carrying out", 1), encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "pull request"], cwd=checkout, check=True)
    done = run_github_job(checkout, event={"pull_request": {"base": {"sha": base}}})
    assert "unbumped-last-changed" in done.stdout, done.stdout + done.stderr


def test_gitlab_job_writes_the_code_quality_and_junit_reports_it_declares(checkout):
    job = load("gitlab-ci.yml")["privlint"]
    outcomes = [shell(line, checkout).returncode for line in job["script"]]
    assert outcomes == [0, 1]  # the JUnit run does not fail the job; the Code Quality run does
    reports = job["artifacts"]["reports"]
    issues = json.loads((checkout / reports["codequality"]).read_text(encoding="utf-8"))
    assert {"check_name": "missing-legal-basis", "path": "legal/site.privacy.yaml", "begin": 5} in [
        {"check_name": i["check_name"], "path": i["location"]["path"], "begin": i["location"]["lines"]["begin"]} for i in issues
    ]
    junit = ET.parse(checkout / reports["junit"]).getroot()
    assert junit.tag == "testsuites" and int(junit.get("failures")) >= 1
    assert job["artifacts"]["when"] == "always"
