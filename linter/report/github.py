"""GitHub Actions workflow commands: annotations on the files, and every finding in the log.

``::error file=F,line=L,col=C,title=T::message`` (``warning`` and ``notice`` for
the other severities), escaped exactly as GitHub's toolkit (@actions/core)
escapes them, so that a message with a newline, '%', ':' or ',' arrives whole.

GitHub shows at most ten annotations of each level per step and drops the rest
silently. So the most severe findings are annotated first, ten of each level at
most (nine notices when one is needed to say so), and one notice says how many
findings are not annotated; every finding is also printed as a text line in the
log, grouped per file, and the job summary (``$GITHUB_STEP_SUMMARY``) has them all.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import groupby
from typing import TYPE_CHECKING

from privlint.report.escape import line_start, printable
from privlint.report.text import summary_lines
from privlint.rules import Finding, Rule, Severity

COMMANDS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "notice"}
ANNOTATIONS_PER_LEVEL = 10  # what GitHub shows of each level in one step
_ORDER = {Severity.error: 0, Severity.warning: 1, Severity.info: 2}

if TYPE_CHECKING:
    from privlint.run.linter import Summary


def escape_data(text: str) -> str:
    """@actions/core ``escapeData``: for the message after ``::``."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """@actions/core ``escapeProperty``: for ``key=value`` properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, properties: dict[str, object], message: str) -> str:
    rendered = ",".join(f"{key}={escape_property(str(value))}" for key, value in properties.items() if value != "")
    return f"::{name}{' ' + rendered if rendered else ''}::{escape_data(message)}"


def annotation(finding: Finding) -> str:
    message = printable(finding.message) + (f"\nhint: {printable(finding.hint)}" if finding.hint else "")
    properties = {
        "file": printable(finding.file),
        "line": finding.line,
        "col": finding.column,
        "title": f"{finding.code} {finding.rule}",
    }
    return command(COMMANDS[finding.severity], properties, message)


def annotated(findings: Sequence[Finding]) -> tuple[set[int], int]:
    """Which findings (by position) get an annotation, most severe first, and how many do not."""
    ranked = sorted(range(len(findings)), key=lambda index: (_ORDER[findings[index].severity], index))
    chosen: set[int] = set()
    used = dict.fromkeys(Severity, 0)
    for index in ranked:
        level = findings[index].severity
        if used[level] < ANNOTATIONS_PER_LEVEL:
            used[level] += 1
            chosen.add(index)
    left_out = len(findings) - len(chosen)
    if left_out and used[Severity.info] == ANNOTATIONS_PER_LEVEL:  # keep a notice for saying so
        last_notice = max(index for index in chosen if findings[index].severity is Severity.info)
        chosen.discard(last_notice)
        left_out += 1
    return chosen, left_out


def log_line(finding: Finding) -> str:
    """A finding as a plain log line (as the text format has it), never read as a workflow command."""
    line = f"{line_start(finding.file)}:{finding.line}:{finding.column}: {finding.code} {finding.rule} [{finding.severity.value}] {printable(finding.message)}"
    return escape_data(line)


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    findings = list(findings)
    chosen, left_out = annotated(findings)
    lines = []
    position = 0
    for file, group in groupby(findings, key=lambda finding: finding.file):
        lines.append(f"::group::{escape_data(printable(file))}")
        for finding in group:
            lines.append(annotation(finding) if position in chosen else log_line(finding))
            position += 1
        lines.append("::endgroup::")
    if left_out:
        lines.append(command("notice", {"title": "privlint"}, (
            f"{left_out} more finding{'s' if left_out != 1 else ''} not annotated: GitHub shows "
            f"{ANNOTATIONS_PER_LEVEL} annotations of each level per step. All are in the log above and in the job summary."
        )))
    lines.extend(summary_lines(summary))
    return "\n".join(lines) + "\n"
