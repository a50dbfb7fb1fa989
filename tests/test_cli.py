"""The command line: exit codes, selection, formats, and the describing commands."""

import json
import re
import subprocess
import sys

from conftest import ROOT

BAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\npurposes:\n  - id: a\n"
GOOD = (
    "privlint: 1\nstatement:\n  last_changed: 2026-01-01\ncontroller: {country: NL}\n"
    "supervisory_authority: {name: AP}\n"
    "purposes:\n  - id: a\n    legal_bases: [contract]\n    retention: {period: P1Y}\n"
)
CORE = "--select=PL1,PL2,PL3,PL4"  # the rules of the core; the catalogue has more


def write(tmp_path, name, text):
    path = tmp_path / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_exit_codes(cli, tmp_path):
    write(tmp_path, "bad.privacy.yaml", BAD)
    write(tmp_path, "good.privacy.yaml", GOOD)
    assert cli("--today", "2026-11-23", "--select", "PL101,PL201", "good.privacy.yaml", cwd=tmp_path).exit_code == 0
    assert cli("--today", "2026-11-23", "bad.privacy.yaml", cwd=tmp_path).exit_code == 1
    assert cli("--today", "2026-11-23", "--exit-zero", "bad.privacy.yaml", cwd=tmp_path).exit_code == 0
    assert cli("--today", "2026-11-23", "missing.privacy.yaml", cwd=tmp_path).exit_code == 2
    assert cli("--today", "yesterday", cwd=tmp_path).exit_code == 2
    assert cli("--select", "no-such-rule", cwd=tmp_path).exit_code == 2


def test_info_findings_alone_do_not_fail(cli, tmp_path, rules):
    infos = [rule.name for rule in rules if rule.severity.value == "info" and rule.check]
    if not infos:
        return
    write(tmp_path, "a.privacy.yaml", "privlint: 1\n")
    result = cli("--today", "2026-11-23", "--select", ",".join(infos), "--format", "json", cwd=tmp_path)
    assert result.exit_code == 0


def test_text_output_is_grouped_by_file_with_hints_and_a_summary(cli, tmp_path):
    write(tmp_path, "b.privacy.yaml", BAD)
    write(tmp_path, "sub/a.privacy.yaml", BAD)
    result = cli("--today", "2026-11-23", "--select", "missing-legal-basis,missing-retention", cwd=tmp_path)
    lines = result.output.splitlines()
    assert lines[0] == "b.privacy.yaml:5:5: PL101 missing-legal-basis [error] purpose 'a' has no legal basis"
    assert lines[1].startswith("    hint: ")
    assert "" in lines and any(line.startswith("sub/a.privacy.yaml:5:5: PL101") for line in lines)
    assert lines[-1] == "Found 4 findings (4 errors) in 2 files."
    assert "\x1b[" not in result.output  # no colour when not on a terminal


def test_every_finding_line_has_the_documented_shape(cli):
    result = cli("--today", "2026-11-23", str(ROOT / "seeds"))
    shape = re.compile(r"^\S+:\d+:\d+: PL\d{3} [a-z-]+ \[(error|warning|info)\] .+$")
    findings = [line for line in result.output.splitlines() if line and not line.startswith(("    ", "Found", "All checks"))]
    assert findings and all(shape.match(line) for line in findings)


def test_select_and_ignore_by_name_code_and_prefix(cli, tmp_path):
    write(tmp_path, "a.privacy.yaml", BAD)

    def rules_reported(*args):
        result = cli("--today", "2026-11-23", "--format", "json", *args, "a.privacy.yaml", cwd=tmp_path)
        return sorted({f["rule"] for f in json.loads(result.output)["findings"]})

    assert rules_reported("--select", "missing-retention") == ["missing-retention"]
    assert rules_reported("--select", "PL101") == ["missing-legal-basis"]
    assert rules_reported("--select", "PL2") == ["missing-retention"]
    assert "missing-legal-basis" not in rules_reported("--ignore", "PL1")


def test_json_output_is_the_stable_interface(cli, tmp_path):
    write(tmp_path, "m/a.privacy.yaml", BAD)
    result = cli("--today", "2026-11-23", "--format", "json", CORE, "m", cwd=tmp_path)
    report = json.loads(result.output)
    first = report["findings"][0]
    assert {"file", "line", "column", "code", "rule", "severity", "message", "path"} <= set(first)
    assert first["file"] == "m/a.privacy.yaml"
    assert all(f["path"] == "" or f["path"].startswith("/") for f in report["findings"])
    summary = report["summary"]
    assert summary["error"] + summary["warning"] + summary["info"] == len(report["findings"])


def test_output_is_deterministic(cli):
    first = cli("--today", "2026-11-23", "--format", "json", str(ROOT / "seeds")).output
    second = cli("--today", "2026-11-23", "--format", "json", str(ROOT / "seeds")).output
    assert first == second


def test_a_broken_file_does_not_stop_the_others(cli, tmp_path):
    write(tmp_path, "a.privacy.yaml", "privlint: 1\nstatement:\n\ttitle: x\n")
    write(tmp_path, "b.privacy.yaml", BAD)
    result = cli("--today", "2026-11-23", "--format", "json", CORE, cwd=tmp_path)
    rules_by_file = {(f["file"], f["rule"]) for f in json.loads(result.output)["findings"]}
    assert ("a.privacy.yaml", "yaml-syntax") in rules_by_file
    assert ("b.privacy.yaml", "missing-legal-basis") in rules_by_file
    assert result.exit_code == 1


def test_directories_are_searched_for_manifests_only(cli, tmp_path):
    write(tmp_path, "x/a.privacy.yml", BAD)
    write(tmp_path, "x/other.yaml", "not: a manifest\n")
    write(tmp_path, "x/.hidden/b.privacy.yaml", BAD)
    result = cli("--today", "2026-11-23", "--format", "json", CORE, cwd=tmp_path)
    assert {f["file"] for f in json.loads(result.output)["findings"]} == {"x/a.privacy.yml"}


def test_rules_lists_every_rule(cli, rules):
    output = cli("rules").output
    for rule in rules:
        assert re.search(rf"^{rule.code}\s+{rule.name}\s+{rule.severity.value}\s", output, re.MULTILINE)


def test_explain_by_name_or_code(cli):
    by_name = cli("explain", "missing-retention")
    assert by_name.exit_code == 0
    assert by_name.output.startswith("# missing-retention (PL201)")
    for section in ("## What it does", "## Why it matters", "## Example", "## Use instead"):
        assert section in by_name.output
    assert cli("explain", "pl201").output == by_name.output


def test_explain_unknown_rule_suggests(cli):
    result = cli("explain", "missing-retenton")
    assert result.exit_code == 2
    assert "did you mean 'missing-retention'?" in result.output


def test_module_entry_point_and_version():
    result = subprocess.run([sys.executable, "-m", "privlint", "--version"], capture_output=True, text=True, check=True)
    assert re.fullmatch(r"privlint \d+\.\d+\.\d+\n", result.stdout)
