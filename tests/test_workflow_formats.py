"""Output formats for CI: GitHub annotations, SARIF, GitLab Code Quality, JUnit, and --output-file."""

import json
import xml.etree.ElementTree as ET
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner
from privlint.cli.main import main
from privlint.report.github import annotation, escape_data, escape_property
from privlint.rules import Finding, Severity
from privlint.rules.registry import load_rules
from privlint.run.linter import Summary

SARIF_SCHEMA = Path(__file__).parent / "data" / "sarif-schema-2.1.0.json"
BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n  - id: b\n    legal_bases: [contract]\n"
BROKEN = "privlint: 1\nstatement:\n\ttitle: x\n"
TODAY = ("--today", "2026-11-23")
SELECT = ("--select", "missing-legal-basis,missing-retention,missing-last-changed")


@pytest.fixture
def project(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "m").mkdir()
    (tmp_path / "m" / "a.privacy.yaml").write_text(BAD, encoding="utf-8")
    (tmp_path / "m" / "broken.privacy.yaml").write_text(BROKEN, encoding="utf-8")
    return tmp_path


def run(*args, github=False):
    env = {"GITHUB_ACTIONS": "true" if github else None, "NO_COLOR": "1"}
    return CliRunner().invoke(main, [*TODAY, *SELECT, *args], env=env, catch_exceptions=False)


# -- GitHub Actions -------------------------------------------------------------------


def test_github_escaping_is_the_toolkits():
    # @actions/core: escapeData replaces % CR LF; escapeProperty also : and , (in that order).
    assert escape_data("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext: a,b"
    assert escape_property("100% done\r\nnext: a,b") == "100%25 done%0D%0Anext%3A a%2Cb"
    assert escape_data("%0A") == "%250A"  # no double decoding on GitHub's side


def test_github_annotation_shape_and_severity_commands():
    finding = Finding("dir,x/a:b.privacy.yaml", 3, 5, "PL101", "missing-legal-basis", Severity.error,
                      "purpose 'a' has no legal basis", "/purposes/0", "add legal_bases: 50% of it")
    assert annotation(finding) == (
        "::error file=dir%2Cx/a%3Ab.privacy.yaml,line=3,col=5,title=PL101 missing-legal-basis"
        "::purpose 'a' has no legal basis%0Ahint: add legal_bases: 50%25 of it"
    )
    notice = Finding("a.privacy.yaml", 1, 1, "PL505", "missing-requirement-notice", Severity.info, "m")
    assert annotation(notice).startswith("::notice file=a.privacy.yaml,line=1,col=1,")
    warning = Finding("a.privacy.yaml", 1, 1, "PL301", "missing-last-changed", Severity.warning, "m")
    assert annotation(warning).startswith("::warning ")


def test_github_output_is_grouped_per_file_and_chosen_automatically_in_actions(project):
    automatic = run("m", github=True)
    assert automatic.output == run("--format", "github", "m").output
    lines = automatic.output.splitlines()
    assert lines[0] == "::group::m/a.privacy.yaml"
    assert lines[1].startswith("::error file=m/a.privacy.yaml,line=5,col=5,title=PL101 missing-legal-basis::")
    assert lines.index("::endgroup::") < lines.index("::group::m/broken.privacy.yaml")
    assert lines[-1].startswith("Found ")
    assert automatic.exit_code == 1
    assert not run("m").output.startswith("::")  # outside Actions: text


# -- SARIF ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def sarif_validator():
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    return jsonschema.Draft4Validator(schema, format_checker=jsonschema.Draft4Validator.FORMAT_CHECKER)


def test_sarif_output_is_valid_against_the_official_schema(project, sarif_validator):
    result = run("--format", "sarif", "m")
    document = json.loads(result.output)
    errors = [f"{list(e.absolute_path)}: {e.message}" for e in sarif_validator.iter_errors(document)]
    assert errors == []
    assert document["version"] == "2.1.0"
    assert len(document["runs"][0]["results"]) == 4


def test_sarif_rules_carry_documentation_and_the_gdpr_article(project):
    driver = json.loads(run("--format", "sarif", "m").output)["runs"][0]["tool"]["driver"]
    rule = next(r for r in driver["rules"] if r["id"] == "PL101")
    assert rule["name"] == "missing-legal-basis"
    assert rule["shortDescription"]["text"] == "A purpose has no legal basis"
    assert rule["fullDescription"]["text"].startswith("Reports a purpose that has no legal basis.")
    assert rule["help"]["markdown"].startswith("# missing-legal-basis (PL101)")
    assert "## Why it matters" in rule["help"]["text"]
    assert rule["properties"]["gdpr"] == "Art. 13(1)(c), 6(1)"
    assert rule["defaultConfiguration"]["level"] == "error"
    assert {r["id"] for r in driver["rules"]} == {"PL000", "PL001", "PL002", "PL003", "PL101", "PL201", "PL301"}


def test_sarif_results_have_level_location_and_line_independent_fingerprints(project):
    results = json.loads(run("--format", "sarif", "m").output)["runs"][0]["results"]
    first = results[0]
    assert first["ruleId"] == "PL101" and first["level"] == "error"
    assert first["message"]["text"].startswith("purpose 'a' has no legal basis\nhint: ")
    location = first["locations"][0]["physicalLocation"]
    assert location["artifactLocation"] == {"uri": "m/a.privacy.yaml", "uriBaseId": "%SRCROOT%"}
    assert location["region"] == {"startLine": 5, "startColumn": 5}
    (project / "m" / "a.privacy.yaml").write_text("# moved down\n\n" + BAD, encoding="utf-8")
    moved = json.loads(run("--format", "sarif", "m").output)["runs"][0]["results"]
    assert moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 7
    assert [r["partialFingerprints"] for r in moved] == [r["partialFingerprints"] for r in results]


def test_sarif_file_names_are_uri_encoded(tmp_path, monkeypatch, sarif_validator):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "my statement#1.privacy.yaml").write_text(BAD, encoding="utf-8")
    document = json.loads(run("--format", "sarif", ".").output)
    uri = document["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri == "my%20statement%231.privacy.yaml"
    assert not list(sarif_validator.iter_errors(document))


# -- GitLab Code Quality ---------------------------------------------------------------


def test_gitlab_code_quality_report(project):
    issues = json.loads(run("--format", "gitlab", "m").output)
    assert len(issues) == 4
    first = issues[0]
    assert set(first) == {"description", "check_name", "fingerprint", "severity", "location"}
    assert first["check_name"] == "missing-legal-basis"
    assert first["description"] == "PL101 missing-legal-basis: purpose 'a' has no legal basis"
    assert first["severity"] == "major"
    assert first["location"] == {"path": "m/a.privacy.yaml", "lines": {"begin": 5}}
    assert {issue["severity"] for issue in issues} <= {"info", "minor", "major", "critical", "blocker"}
    assert len({issue["fingerprint"] for issue in issues}) == len(issues)


# -- JUnit ----------------------------------------------------------------------------


def test_junit_has_a_test_case_per_manifest_and_rule(project):
    root = ET.fromstring(run("--format", "junit", "m").output)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    assert list(suites) == ["m/a.privacy.yaml", "m/broken.privacy.yaml"]
    names = [case.get("name") for case in suites["m/a.privacy.yaml"].iter("testcase")]
    assert names == ["PL000 io-error", "PL001 yaml-syntax", "PL002 invalid-manifest", "PL003 internal-error",
                     "PL101 missing-legal-basis", "PL201 missing-retention", "PL301 missing-last-changed"]
    cases = {case.get("name"): case for case in suites["m/a.privacy.yaml"].iter("testcase")}
    failure = cases["PL201 missing-retention"].find("failure")
    assert failure.get("message") == "purpose 'a' has no retention period or criteria"
    assert "m/a.privacy.yaml:6:5: PL201" in failure.text
    assert list(cases["PL301 missing-last-changed"]) == []  # passed
    assert suites["m/a.privacy.yaml"].get("failures") == "2"
    assert root.get("tests") == "14" and root.get("failures") == "3"
    assert sum(int(suite.get("skipped")) for suite in suites.values()) == 3  # (junit-10.xsd counts skips per suite)


def test_junit_skips_checks_on_a_file_that_is_not_a_manifest_and_errors_on_unreadable_ones(project):
    root = ET.fromstring(run("--format", "junit", "m", "m/missing.privacy.yaml").output)
    suites = {suite.get("name"): suite for suite in root.iter("testsuite")}
    broken = {case.get("name"): case for case in suites["m/broken.privacy.yaml"].iter("testcase")}
    assert broken["PL001 yaml-syntax"].find("failure") is not None
    assert broken["PL101 missing-legal-basis"].find("skipped") is not None
    missing = {case.get("name"): case for case in suites["m/missing.privacy.yaml"].iter("testcase")}
    assert missing["PL000 io-error"].find("error").get("message") == "path does not exist"
    assert root.get("errors") == "1"


def test_junit_info_findings_do_not_fail():
    from privlint.report.junit import render

    rules = [rule for rule in load_rules() if rule.name == "missing-requirement-notice"]
    finding = Finding("a.privacy.yaml", 1, 1, "PL505", "missing-requirement-notice", Severity.info, "no notice")
    summary = Summary.of([finding], 1, paths=("a.privacy.yaml",))
    case = ET.fromstring(render([finding], summary, rules)).find(".//testcase")
    assert case.find("failure") is None and "no notice" in case.find("system-out").text


# -- JSON stays stable, and gains fingerprints ---------------------------------------


def test_json_keeps_its_keys_and_adds_the_fingerprint(project):
    report = json.loads(run("--format", "json", "m").output)
    first = report["findings"][0]
    assert list(first) == ["file", "line", "column", "code", "rule", "severity", "message", "path", "hint", "fingerprint"]
    assert len(first["fingerprint"]) == 32 and int(first["fingerprint"], 16) >= 0
    assert {"files", "findings", "error", "warning", "info", "suppressed", "baselined", "baseline_gone"} <= set(report["summary"])


# -- --output-file ----------------------------------------------------------------------


def test_output_file_gets_the_format_and_the_terminal_gets_text(project):
    (project / "out").mkdir()
    result = run("--format", "sarif", "--output-file", "out/privlint.sarif", "m")
    assert result.output.startswith("m/a.privacy.yaml:5:5: PL101 missing-legal-basis [error]")
    assert json.loads((project / "out" / "privlint.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert [p.name for p in (project / "out").iterdir() if p.name != ".privlint_cache"] == ["privlint.sarif"]  # no temporary file
    assert result.exit_code == 1


def test_output_file_in_github_actions_keeps_the_annotations(project):
    result = run("--format", "gitlab", "--output-file", "report.json", "m", github=True)
    assert result.output.startswith("::group::m/a.privacy.yaml\n::error ")
    assert json.loads((project / "report.json").read_text(encoding="utf-8"))[0]["check_name"] == "missing-legal-basis"


def test_output_file_replaces_an_existing_report_whole(project):
    (project / "report.json").write_text("old and much longer than the new report " * 1000, encoding="utf-8")
    run("--format", "json", "--output-file", "report.json", "m")
    assert json.loads((project / "report.json").read_text(encoding="utf-8"))["summary"]["files"] == 2


def test_an_output_file_that_cannot_be_written_is_exit_code_2(project):
    result = CliRunner().invoke(main, [*TODAY, "--format", "json", "--output-file", "no/such/dir/r.json", "m"])
    assert result.exit_code == 2
    assert "cannot write 'no/such/dir/r.json'" in result.output
