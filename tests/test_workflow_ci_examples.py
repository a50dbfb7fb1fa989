"""The CI examples in examples/ci run as written: their privlint commands produce the reports they upload."""

import json
import os
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from conftest import ROOT
from ruamel.yaml import YAML

CI = ROOT / "examples" / "ci"
SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BIN = Path(sys.executable).parent
BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"


def load(name):
    return YAML(typ="safe").load((CI / name).read_text(encoding="utf-8"))


def shell(command, cwd, **env):
    environment = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "CI_", "GIT_"))}
    environment.update(PATH=f"{BIN}{os.pathsep}{environment.get('PATH', '')}", **env)
    return subprocess.run(["sh", "-c", command], cwd=cwd, env=environment, capture_output=True, text=True, timeout=120)


@pytest.fixture
def checkout(tmp_path):
    (tmp_path / "legal").mkdir()
    (tmp_path / "legal" / "site.privacy.yaml").write_text(BAD, encoding="utf-8")
    return tmp_path


def test_github_workflow_annotates_and_writes_valid_sarif_for_the_upload(checkout):
    workflow = load("github-actions.yml")
    steps = workflow["jobs"]["privlint"]["steps"]
    step = next(s for s in steps if s.get("name") == "privlint")
    upload = next(s for s in steps if str(s.get("uses", "")).startswith("github/codeql-action/upload-sarif"))
    assert workflow["permissions"]["security-events"] == "write"
    done = shell(step["run"], checkout, GITHUB_ACTIONS="true", BASE="")  # a push: no pull-request base
    assert done.returncode == 1, done.stderr
    assert "::error file=legal/site.privacy.yaml,line=1,col=1,title=PL404 missing-complaint-right::" in done.stdout
    # GitHub shows ten annotations of each level: the eleventh error is a line in the log
    assert "\nlegal/site.privacy.yaml:5:5: PL101 missing-legal-basis [error] purpose 'a' has no legal basis\n" in done.stdout
    report = json.loads((checkout / upload["with"]["sarif_file"]).read_text(encoding="utf-8"))
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    assert not list(jsonschema.Draft4Validator(schema).iter_errors(report))
    assert report["runs"][0]["results"]


def test_github_workflow_compares_with_the_pull_request_base(checkout):
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.com", "-c", "commit.gpgsign=false"]
    subprocess.run([*git, "init", "-q"], cwd=checkout, check=True)
    subprocess.run([*git, "add", "-A"], cwd=checkout, check=True)
    subprocess.run([*git, "commit", "-qm", "base"], cwd=checkout, check=True)
    base = subprocess.run(["git", "rev-parse", "HEAD"], cwd=checkout, check=True, capture_output=True, text=True).stdout.strip()
    (checkout / "legal" / "site.privacy.yaml").write_text(BAD + "    legal_bases: [consent]\n", encoding="utf-8")
    subprocess.run([*git, "commit", "-qam", "pull request"], cwd=checkout, check=True)
    step = next(s for s in load("github-actions.yml")["jobs"]["privlint"]["steps"] if s.get("name") == "privlint")
    done = shell(step["run"], checkout, GITHUB_ACTIONS="true", BASE=base)
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
