"""Markdown: a summary table per rule and the findings per file, for GitHub's job summary.

``privlint --format markdown`` prints it; in GitHub Actions it is appended to the
file named by ``$GITHUB_STEP_SUMMARY`` on every run, whatever the format, so the job
page shows every finding even where the annotations stop (GitHub shows ten of each
level per step). Text from manifests is escaped: it cannot add links, images, HTML
or table cells.
"""

from __future__ import annotations

import dataclasses
import os
import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from itertools import groupby
from typing import TYPE_CHECKING, Any

from privlint.report.escape import printable
from privlint.report.statistics import counts, ranked
from privlint.report.text import summary_lines
from privlint.rules import Finding, Rule

MAX_SUMMARY_BYTES = 1024 * 1024  # GitHub refuses a step summary over 1 MiB
_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")

if TYPE_CHECKING:
    from privlint.run.linter import Summary


def escape(text: str) -> str:
    """Plain text for Markdown and the HTML it may hold: no markup, links or cells survive."""
    text = printable(" ".join(text.split()))  # one line: a newline could end a table row or list item
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _SPECIAL.sub(r"\\\1", text)


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    return "".join(render_chunks(findings, summary, rules))


def render_chunks(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> Iterator[str]:
    yield from _head(summary, counts(findings, list(rules) + _engine_rules()))
    for _, group in groupby(findings, key=lambda finding: finding.file):
        yield _section(list(group))


def _head(summary: Summary, rows: list[tuple[int, Rule]]) -> Iterator[str]:
    """The title, the counts and the table of rules with findings."""
    yield "## privlint\n\n"
    yield "".join(f"{line}\n" for line in summary_lines(dataclasses.replace(summary, quiet=False))) + "\n"
    if rows:
        yield "| Rule | Code | Severity | Findings |\n|---|---|---|---:|\n"
        yield "".join(f"| `{rule.name}` | {rule.code} | {rule.severity.value} | {count} |\n" for count, rule in rows)
        yield "\n"


def _section(findings: Sequence[Finding]) -> str:
    """One file's findings."""
    lines = [f"### {escape(findings[0].file)}\n\n"]
    for finding in findings:
        hint = f" — hint: {escape(finding.hint)}" if finding.hint else ""
        lines.append(
            f"- **{finding.severity.value}** line {finding.line}, column {finding.column}: "
            f"`{finding.code}` {finding.rule}: {escape(finding.message)}{hint}\n"
        )
    return "".join(lines) + "\n"


class StepSummary:
    """The job summary, gathered as findings arrive: the counts per rule, and the files' sections
    while they fit in a job summary (the rest would be cut anyway)."""

    def __init__(self, path: str, rules: Sequence[Rule]) -> None:
        self.path, self.rules = path, rules
        self.counted: Counter[str] = Counter()
        self.sections: list[str] = []
        self.size = 0

    def add(self, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        self.counted.update(finding.rule for finding in findings)
        if self.size <= MAX_SUMMARY_BYTES:
            section = _section(findings)
            self.sections.append(section)
            self.size += len(section.encode("utf-8"))

    def finish(self, summary: Summary) -> str | None:
        """Append it to the job summary file; a note if it cannot be written, else None."""
        rows = ranked(self.counted, list(self.rules) + _engine_rules())
        return _append(self.path, [*_head(summary, rows), *self.sections])


def _engine_rules() -> list[Any]:
    from privlint.rules.engine import ENGINE_RULES

    return list(ENGINE_RULES)


def append_step_summary(path: str, findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule]) -> str | None:
    """Append the report to GitHub's job summary file; a note if it cannot be written, else None."""
    return _append(path, render_chunks(findings, summary, rules))


def _append(path: str, chunks: Iterable[str]) -> str | None:
    budget = MAX_SUMMARY_BYTES
    parts = []
    for chunk in chunks:
        size = len(chunk.encode("utf-8"))
        if size > budget - 200:
            parts.append("\n_The report is longer than a job summary may be: the rest is in the log._\n")
            break
        parts.append(chunk)
        budget -= size
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_APPEND | os.O_CREAT | getattr(os, "O_NONBLOCK", 0), 0o644)
        with os.fdopen(descriptor, "w", encoding="utf-8", errors="replace") as stream:
            stream.write("".join(parts))
    except OSError as error:
        return f"cannot write the job summary to {path!r}: {error.strerror or error}"
    return None
