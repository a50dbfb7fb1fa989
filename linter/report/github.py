"""GitHub Actions workflow commands: one annotation a finding, grouped per file.

``::error file=F,line=L,col=C,title=T::message`` (``warning`` and ``notice`` for
the other severities), escaped exactly as GitHub's toolkit (@actions/core)
escapes them, so that a message with a newline, '%', ':' or ',' arrives whole.
"""

from __future__ import annotations

from itertools import groupby

from privlint.report.text import summary_lines
from privlint.rules import Severity

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}


def escape_data(text: str) -> str:
    """@actions/core ``escapeData``: for the message after ``::``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """@actions/core ``escapeProperty``: for ``key=value`` properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value != "")
    return f"::{name}{' ' + rendered if rendered else ''}::{escape_data(message)}"


def annotation(finding) -> str:
    message = finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")
    properties = {
        "file": finding.file,
        "line": finding.line,
        "col": finding.column,
        "title": f"{finding.code} {finding.rule}",
    }
    return command(COMMANDS[finding.severity], properties, message)


def render(findings, summary, rules, *, color: bool = False) -> str:
    lines = []
    for file, group in groupby(findings, key=lambda finding: finding.file):
        lines.append(f"::group::{escape_data(file)}")
        lines.extend(annotation(finding) for finding in group)
        lines.append("::endgroup::")
    lines.extend(summary_lines(summary))
    return "\n".join(lines) + "\n"
