"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each rule that ran is described (id, name, short and full description, its
documentation as help, its GDPR article); each finding is a result with its
level, message, location and ``partialFingerprints`` (the line-independent
fingerprint, so an alert survives edits above it).
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from privlint import __version__
from privlint.report import JsonList, Write, render_through
from privlint.rules import Finding, Rule, Severity
from privlint.rules.docs import rule_page
from privlint.rules.engine import RUN_FAILURES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://privlint.dev"
FINGERPRINT_KEY = "privlint/v1"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
_FAILURES = RUN_FAILURES

if TYPE_CHECKING:
    from privlint.run.linter import Summary


def what_it_does(doc: str) -> str:
    """The text of a rule's "What it does" section, as one paragraph."""
    found = re.search(r"^## What it does\n(.*?)(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    return " ".join((found.group(1) if found else doc).split())


def rule_descriptor(rule: Rule) -> dict[str, Any]:
    page = rule_page(rule)
    return {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": rule.summary},
        "fullDescription": {"text": what_it_does(rule.doc)},
        "help": {"text": page, "markdown": page},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "properties": {"gdpr": rule.article, "tags": ["gdpr", "privacy"]},
    }


def artifact_location(file: str) -> dict[str, Any]:
    if file.startswith("/"):
        return {"uri": "file://" + quote(file, errors="surrogateescape")}
    return {"uri": quote(file, errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def result(finding: Finding, index: dict[str, int]) -> dict[str, Any]:
    record: dict[str, Any] = {"ruleId": finding.code}
    if finding.code in index:
        record["ruleIndex"] = index[finding.code]
    record.update({
        "level": LEVELS[finding.severity],
        "message": {"text": finding.message + (f"\nhint: {finding.hint}" if finding.hint else "")},
        "locations": [{
            "physicalLocation": {
                "artifactLocation": artifact_location(finding.file),
                "region": {"startLine": finding.line, "startColumn": finding.column},
            },
        }],
        "partialFingerprints": {FINGERPRINT_KEY: finding.fingerprint},
        "properties": {"jsonPointer": finding.pointer, "rule": finding.rule},
    })
    return record


def render(findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str:
    return render_through(Stream, findings, summary, rules, color=color)


class Stream:
    """The document written as findings arrive. Whether the run succeeded comes before the results in
    the document, and is known at the end: the results wait in a temporary file, not in memory."""

    def __init__(self, write: Write, rules: Sequence[Rule], *, color: bool = False) -> None:
        self.write, self.rules = write, list(rules)
        self.index = {rule.code: position for position, rule in enumerate(self.rules)}
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8", errors="surrogatepass")
        self.results = JsonList(self.spool.write, indent=8)
        self.succeeded = True

    def add(self, findings: Sequence[Finding]) -> None:
        if self.succeeded and any(finding.rule in _FAILURES for finding in findings):
            self.succeeded = False
        self.results.items(result(finding, self.index) for finding in findings)

    def finish(self, summary: Summary) -> None:
        document = _document(self.rules, self.succeeded)
        with self.spool:
            JsonList(self.write, indent=8).head(document)
            self.spool.seek(0)
            while chunk := self.spool.read(1 << 16):
                self.write(chunk)
            self.results.write = self.write  # the end of the list, after the results
            self.results.tail(document)


def _document(rules: Sequence[Rule], succeeded: bool) -> dict[str, Any]:
    return {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {
                "driver": {
                    "name": "privlint",
                    "version": __version__,
                    "semanticVersion": __version__,
                    "informationUri": INFORMATION_URI,
                    "rules": [rule_descriptor(rule) for rule in rules],
                },
            },
            "invocations": [{"executionSuccessful": succeeded}],
            "columnKind": "unicodeCodePoints",
            "results": JsonList.PLACE,
        }],
    }
