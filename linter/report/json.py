"""JSON, a stable interface: ``findings`` and a ``summary`` with counts per severity.

Keys are only ever added, never renamed or removed.
"""

from __future__ import annotations

import json

from privlint import __version__
from privlint.report.escape import undecodable


def finding_record(finding) -> dict:
    return {
        "file": finding.file,
        "line": finding.line,
        "column": finding.column,
        "code": finding.code,
        "rule": finding.rule,
        "severity": finding.severity.value,
        "message": finding.message,
        "path": finding.pointer,
        "hint": finding.hint,
        "fingerprint": finding.fingerprint,
    }


def render(findings, summary, rules, *, color: bool = False) -> str:
    document = {
        "version": __version__,
        "findings": [finding_record(finding) for finding in findings],
        "summary": {
            "files": summary.files,
            "findings": summary.total,
            **{severity.value: count for severity, count in summary.counts.items()},
            "suppressed": summary.suppressed,
            "baselined": summary.baselined,
            "baseline_gone": summary.baseline_gone,
        },
    }
    return undecodable(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
