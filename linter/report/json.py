"""JSON, a stable interface: ``findings`` and a ``summary`` with counts per severity.

Keys are only ever added, never renamed or removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from privlint import __version__
from privlint.report import JsonList, Write, render_through

if TYPE_CHECKING:
    from privlint.rules import Finding, Rule
    from privlint.run.linter import Summary


def finding_record(finding: Finding) -> dict[str, Any]:
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


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_through(Stream, findings, summary, rules, color=color)


class Stream:
    """The document written as findings arrive: the summary, which comes last, at the end."""

    def __init__(self, write: Write, rules: Sequence[Rule], *, color: bool = False) -> None:
        self.findings = JsonList(write, indent=4)
        self.findings.head(_document(None))

    def add(self, findings: Sequence[Finding]) -> None:
        self.findings.items(map(finding_record, findings))

    def finish(self, summary: Summary) -> None:
        self.findings.tail(_document(summary))


def _document(summary: Summary | None) -> dict[str, Any]:
    document: dict[str, Any] = {"version": __version__, "findings": JsonList.PLACE}
    if summary is not None:
        document["summary"] = {
            "files": summary.files,
            "findings": summary.total,
            **{severity.value: count for severity, count in summary.counts.items()},
            "suppressed": summary.suppressed,
            "baselined": summary.baselined,
            "baseline_gone": summary.baseline_gone,
        }
    return document
