"""JUnit XML, for CI systems that show test reports: a test case per manifest and rule.

Each file linted is a test suite; each rule that ran is a test case in it, which
fails with the rule's findings (info findings do not fail, as with the exit
code). An unreadable file or a failing check is an error. When a file is not a
well-formed manifest, the checks did not run on it: their test cases are skipped.
The document is valid against the Jenkins xUnit plugin's ``junit-10.xsd``; files are
named relative to the project root.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from privlint.report.escape import printable
from privlint.rules import Finding, Rule, Severity
from privlint.rules.engine import ALWAYS_ON, INTERNAL_ERROR, RUN_FAILURES

_ERRORS = RUN_FAILURES
_NOT_CHECKED = frozenset(rule.name for rule in ALWAYS_ON) - {INTERNAL_ERROR.name}

if TYPE_CHECKING:
    from privlint.run.linter import Summary


def _details(findings: Iterable[Finding]) -> str:
    return "\n".join(
        f"{printable(f.file)}:{f.line}:{f.column}: {f.code} {f.rule} [{f.severity.value}] {printable(f.message)}"
        + (f"\n    hint: {printable(f.hint)}" if f.hint else "")
        for f in findings
    )


def _case(suite: ET.Element, file: str, rule: Rule, findings: Sequence[Finding], checked: bool) -> str:
    case = ET.SubElement(suite, "testcase", {"classname": printable(file), "name": f"{rule.code} {rule.name}"})
    failing = [f for f in findings if f.severity is not Severity.info]
    if any(f.rule in _ERRORS for f in findings):
        element = ET.SubElement(case, "error", {"type": rule.name, "message": printable(findings[0].message)})
        element.text = _details(findings)
        return "errors"
    if failing:
        element = ET.SubElement(case, "failure", {"type": rule.name, "message": printable(failing[0].message)})
        element.text = _details(findings)
        return "failures"
    if findings:
        ET.SubElement(case, "system-out").text = _details(findings)
    if not checked and rule.check is not None:
        ET.SubElement(case, "skipped", {"message": "not checked: the file is not a well-formed manifest"})
        return "skipped"
    return "passed"


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    by_file: dict[str, dict[str, list[Finding]]] = defaultdict(lambda: defaultdict(list))
    for finding in findings:
        by_file[finding.file][finding.rule].append(finding)
    files = list(summary.paths) or sorted(by_file)
    totals = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
    root = ET.Element("testsuites", {"name": "privlint"})
    for file in files:
        found = by_file.get(file, {})
        checked = not any(name in _NOT_CHECKED for name in found)
        suite = ET.SubElement(root, "testsuite", {"name": printable(file), "file": printable(file)})
        counts = {"tests": 0, "failures": 0, "errors": 0, "skipped": 0}
        for rule in rules:
            outcome = _case(suite, file, rule, found.get(rule.name, []), checked)
            counts["tests"] += 1
            if outcome != "passed":
                counts[outcome] += 1
        for key, value in counts.items():
            suite.set(key, str(value))
            totals[key] += value
    for key, value in totals.items():
        if key != "skipped":  # junit-10.xsd (Jenkins xUnit) has no skipped count on testsuites
            root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
