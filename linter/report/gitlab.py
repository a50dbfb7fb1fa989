"""GitLab Code Quality: a JSON list of issues, for ``artifacts:reports:codequality``.

GitLab compares reports between branches by ``fingerprint``, so an issue keeps
its identity when lines move.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from privlint.report.escape import undecodable
from privlint.rules import Finding, Rule, Severity

if TYPE_CHECKING:
    from privlint.run.linter import Summary

SEVERITIES = {Severity.error: "major", Severity.warning: "minor", Severity.info: "info"}


def issue(finding: Finding) -> dict[str, Any]:
    return {
        "description": f"{finding.code} {finding.rule}: {finding.message}",
        "check_name": finding.rule,
        "fingerprint": finding.fingerprint,
        "severity": SEVERITIES[finding.severity],
        "location": {"path": finding.file, "lines": {"begin": finding.line}},
    }


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    return undecodable(json.dumps([issue(finding) for finding in findings], indent=2, ensure_ascii=False)) + "\n"
