"""Reports are written as the files' results arrive, to the same bytes as a report of all findings at once."""

from __future__ import annotations

import io
import json
import random
from itertools import groupby, pairwise
from types import SimpleNamespace

import pytest
from privlint.report import reporter
from privlint.report.github import (
    ANNOTATIONS_PER_LEVEL,
    annotated,
    annotation,
    command,
    log_line,
)
from privlint.report.text import summary_lines
from privlint.rules import Finding, Severity
from privlint.run.linter import FileResult, Summary
from privlint.run.session import LintOptions, Streams, report
from privlint.suppress import baseline

STREAMED = ("text", "json", "github", "sarif")


def findings_of(chooser: random.Random, files: int) -> list[Finding]:
    found = []
    for number in range(files):
        for line in range(chooser.randint(0, 6)):
            severity = chooser.choice(list(Severity))
            found.append(Finding(f"f{number}.privacy.yaml", line + 1, 1, "PL1", "rule", severity, f"m {line}", fingerprint=f"{number}-{line}"))
    return found


def github_at_once(findings: list[Finding], summary: Summary) -> str:
    """The GitHub report as ``annotated`` ranks all findings at once (the specification)."""
    chosen, left_out = annotated(findings)
    lines, position = [], 0
    for file, group in groupby(findings, key=lambda finding: finding.file):
        lines.append(f"::group::{file}")
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


@pytest.mark.parametrize("seed", range(300))
def test_github_annotations_streamed_are_those_ranked_over_all_findings(seed):
    chooser = random.Random(seed)
    findings = findings_of(chooser, chooser.randint(0, 12))
    summary = Summary.of(findings, 12, quiet=chooser.random() < 0.2)
    assert reporter("github")(findings, summary, []) == github_at_once(findings, summary)


@pytest.mark.parametrize("output_format", STREAMED)
def test_each_file_is_written_before_the_next_is_linted(output_format):
    """The run's results are a generator: by the time the next file is asked for, the last is in the report."""
    findings = findings_of(random.Random(7), 30)
    files = [[*group] for _, group in groupby(findings, key=lambda finding: finding.file)]
    written: list[str] = []
    seen_when_asked: list[int] = []

    def results():
        for group in files:
            seen_when_asked.append(sum(map(len, written)))
            yield FileResult(group)

    class Out(io.StringIO):
        def write(self, text: str) -> int:
            written.append(text)
            return len(text)

    streams = Streams(stdout=Out(), environ={})
    report(LintOptions(output_format=output_format), streams, SimpleNamespace(enabled=[]), [], results(), None)
    if output_format == "text":  # written in pieces of 64 KB: this report is one piece
        assert seen_when_asked[-1] == 0 and written
    elif output_format == "sarif":  # the results wait in a temporary file until the run's success is known
        assert seen_when_asked[-1] == 0 and json.loads("".join(written))["runs"][0]["results"]
    else:
        assert all(later > earlier for earlier, later in pairwise(seen_when_asked))


@pytest.mark.parametrize("output_format", ["json", "sarif"])
def test_a_report_with_no_findings_is_the_document_json_writes(output_format):
    summary = Summary.of([], 3)
    text = reporter(output_format)([], summary, [])
    assert text == json.dumps(json.loads(text), indent=2, ensure_ascii=False) + "\n"


def test_a_baseline_matched_file_by_file_gives_what_matching_all_at_once_gives():
    findings = findings_of(random.Random(3), 20)
    keys = {f.file: f.file for f in findings} | {"gone.privacy.yaml": "gone.privacy.yaml"}
    recorded = baseline.create(findings[::2] + [Finding("gone.privacy.yaml", 1, 1, "PL1", "rule", Severity.error, "m", fingerprint="x")], keys)
    at_once = baseline.apply(recorded, findings, keys)
    matcher = baseline.Matcher(recorded)
    new = [f for _, group in groupby(findings, key=lambda f: f.file) for f in matcher.new(list(group))]
    assert (new, matcher.baselined, matcher.gone(keys)) == (at_once.new, at_once.baselined, at_once.gone)
    assert at_once.gone == 1 and at_once.baselined == len(findings[::2])



def test_workers_are_handed_batches_a_few_at_a_time(rules, tmp_path, monkeypatch):
    """Results cannot pile up waiting for a slow report: at most IN_FLIGHT batches a worker are out at once."""
    from concurrent.futures import ProcessPoolExecutor

    from privlint.read.discovery import discover
    from privlint.run import parallel
    from privlint.run.linter import Linter, Settings

    for number in range(120):
        (tmp_path / f"m{number:03d}.privacy.yaml").write_text("privlint: 1\n", encoding="utf-8")
    settings = Settings(select=("missing-legal-basis",))
    targets = discover([str(tmp_path)], settings=settings)
    submitted = []
    submit = ProcessPoolExecutor.submit
    monkeypatch.setattr(ProcessPoolExecutor, "submit", lambda self, *args, **kwargs: submitted.append(1) or submit(self, *args, **kwargs))
    monkeypatch.setattr(parallel, "BATCH", 1)
    results = parallel.lint_files(Linter(rules, settings), targets, jobs=2)
    next(results)
    assert len(submitted) <= 2 * parallel.IN_FLIGHT < len(targets)
    assert len(list(results)) == len(targets) - 1
    assert len(submitted) == len(targets)
