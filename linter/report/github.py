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
from typing import TYPE_CHECKING

from privlint.report import Write, render_through
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
    return render_through(Stream, findings, summary, rules, color=color)


class Stream:
    """The commands written as findings arrive, annotating as ``annotated`` chooses.

    Whether the tenth notice keeps its annotation depends on whether any finding
    goes without one, which may be known only at the end: from that notice on,
    the lines wait (a few dozen at most: the next finding without an annotation
    settles it).
    """

    def __init__(self, write: Write, rules: Sequence[Rule], *, color: bool = False) -> None:
        self.write = write
        self.used = dict.fromkeys(Severity, 0)
        self.left_out = 0
        self.waiting: list[str] | None = None  # the lines from the tenth notice on, while it is unsettled
        self.tenth_notice: Finding | None = None
        self.wrote = False

    def add(self, findings: Sequence[Finding]) -> None:
        if not findings:
            return
        self.line(f"::group::{escape_data(printable(findings[0].file))}")
        for finding in findings:
            level = finding.severity
            if self.used[level] >= ANNOTATIONS_PER_LEVEL:
                self.left_out += 1
                self.settle(keep=False)
                self.line(log_line(finding))
                continue
            self.used[level] += 1
            if level is Severity.info and self.used[level] == ANNOTATIONS_PER_LEVEL:
                if self.left_out:  # it makes way for the notice that says so
                    self.left_out += 1
                    self.line(log_line(finding))
                else:
                    self.tenth_notice, self.waiting = finding, []
                continue
            self.line(annotation(finding))
        self.line("::endgroup::")

    def finish(self, summary: Summary) -> None:
        self.settle(keep=True)
        if self.left_out:
            self.line(command("notice", {"title": "privlint"}, (
                f"{self.left_out} more finding{'s' if self.left_out != 1 else ''} not annotated: GitHub shows "
                f"{ANNOTATIONS_PER_LEVEL} annotations of each level per step. All are in the log above and in the job summary."
            )))
        for line in summary_lines(summary):
            self.line(line)
        if not self.wrote:
            self.write("\n")

    def line(self, text: str) -> None:
        if self.waiting is not None:
            self.waiting.append(text)
        else:
            self.write(text + "\n")
            self.wrote = True

    def settle(self, keep: bool) -> None:
        """The tenth notice keeps its annotation only if no finding goes without one."""
        if self.waiting is None or self.tenth_notice is None:
            return
        waiting, notice = self.waiting, self.tenth_notice
        self.waiting = self.tenth_notice = None
        if not keep:
            self.left_out += 1
        self.line(annotation(notice) if keep else log_line(notice))
        for text in waiting:
            self.line(text)
