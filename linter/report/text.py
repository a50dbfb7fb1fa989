"""Text for a terminal: grouped by file, one line a finding, a hint where it helps."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from itertools import groupby
from typing import TYPE_CHECKING

import click
from privlint.report import Write, render_through
from privlint.report.escape import line_start, printable
from privlint.rules import Finding, Rule, Severity

if TYPE_CHECKING:
    from privlint.run.linter import Summary

_COLOURS = {Severity.error: "red", Severity.warning: "yellow", Severity.info: "blue"}


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_through(Stream, findings, summary, rules, color=color)


def render_chunks(
    findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False, size: int = 1 << 16
) -> Iterator[str]:
    """The report in pieces of about ``size`` characters."""
    pieces: list[str] = []
    stream = Stream(pieces.append, rules, color=color, size=size)
    for _, group in groupby(findings, key=lambda finding: finding.file):
        stream.add(list(group))
    stream.finish(summary)
    yield from pieces


class Stream:
    """Each file's findings as one piece of text and a blank line, written in pieces of about ``size`` characters."""

    def __init__(self, write: Write, rules: Sequence[Rule], *, color: bool = False, size: int = 1 << 16) -> None:
        self.write, self.size = write, size
        self.finding_text = _coloured if color else _plain
        self.pending: list[str] = []
        self.length = 0

    def add(self, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        block = "".join(map(self.finding_text, findings)) + "\n"
        self.pending.append(block)
        self.length += len(block)
        if self.length >= self.size:
            self.write("".join(self.pending))
            self.pending, self.length = [], 0

    def finish(self, summary: Summary) -> None:
        self.pending.extend(f"{line}\n" for line in summary_lines(summary))
        self.write("".join(self.pending))


def _plain(finding: Finding) -> str:
    """The lines of one finding: where and what, and a hint where there is one."""
    where_and_what = f"{line_start(finding.file)}:{finding.line}:{finding.column}: {finding.code} {finding.rule} [{finding.severity.value}] {printable(finding.message)}\n"
    return f"{where_and_what}    hint: {printable(finding.hint)}\n" if finding.hint else where_and_what


def _coloured(finding: Finding) -> str:
    """The lines of one finding, as above, in colour."""
    colour = _COLOURS[finding.severity]
    where = click.style(f"{line_start(finding.file)}:{finding.line}:{finding.column}:", bold=True)
    code = click.style(finding.code, fg=colour, bold=True)
    severity = click.style(f"[{finding.severity.value}]", fg=colour)
    where_and_what = f"{where} {code} {finding.rule} {severity} {printable(finding.message)}\n"
    return f"{where_and_what}    {click.style('hint:', fg='cyan')} {printable(finding.hint)}\n" if finding.hint else where_and_what


def summary_lines(summary: Summary) -> list[str]:
    """The counts, and what suppression comments and the baseline kept out of the report (none with -q)."""
    if summary.quiet:
        return []
    lines = [_summary_line(summary)]
    if summary.suppressed:
        lines.append(f"{_count(summary.suppressed, 'finding')} suppressed by comments in the manifests.")
    if summary.baselined:
        lines.append(f"{_count(summary.baselined, 'finding')} in the baseline not shown.")
    if summary.baseline_gone:
        lines.append(
            f"{_count(summary.baseline_gone, 'baselined finding')} no longer found: "
            "recreate the baseline with --create-baseline so they cannot come back unnoticed."
        )
    return lines


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' if number != 1 else ''}"


def _summary_line(summary: Summary) -> str:
    files = f"{summary.files} file{'s' if summary.files != 1 else ''}"
    if not summary.total:
        return f"All checks passed: no findings in {files}."
    parts = [
        f"{count} {severity.value}{'s' if count != 1 and severity is not Severity.info else ''}"
        for severity, count in summary.counts.items()
        if count
    ]
    total = f"{summary.total} finding{'s' if summary.total != 1 else ''}"
    return f"Found {total} ({', '.join(parts)}) in {files}."
