"""SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Each rule that ran is described (id, name, short and full description, its
documentation as help, its GDPR article); each finding is a result with its
level, message, location and ``partialFingerprints`` (the line-independent
fingerprint, so an alert survives edits above it).
"""

from __future__ import annotations

import json
import re
from urllib.parse import quote

from privlint import __version__
from privlint.report.escape import undecodable
from privlint.rules import Severity
from privlint.rules.docs import rule_page
from privlint.rules.engine import RUN_FAILURES

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFORMATION_URI = "https://privlint.dev"
FINGERPRINT_KEY = "privlint/v1"
LEVELS = {Severity.error: "error", Severity.warning: "warning", Severity.info: "note"}
_FAILURES = RUN_FAILURES


def what_it_does(doc: str) -> str:
    """The text of a rule's "What it does" section, as one paragraph."""
    found = re.search(r"^## What it does\n(.*?)(?=^## |\Z)", doc, re.MULTILINE | re.DOTALL)
    return " ".join((found.group(1) if found else doc).split())


def rule_descriptor(rule) -> dict:
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


def artifact_location(file: str) -> dict:
    """The file as a URI: a byte of its name that is not UTF-8 is percent-encoded as it is."""
    if file.startswith("/"):
        return {"uri": "file://" + quote(file, errors="surrogateescape")}
    return {"uri": quote(file, errors="surrogateescape"), "uriBaseId": "%SRCROOT%"}


def result(finding, index: dict[str, int]) -> dict:
    record = {"ruleId": finding.code}
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


def render(findings, summary, rules, *, color: bool = False) -> str:
    rules = list(rules)
    index = {rule.code: position for position, rule in enumerate(rules)}
    document = {
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
            "invocations": [{"executionSuccessful": not any(f.rule in _FAILURES for f in findings)}],
            "columnKind": "unicodeCodePoints",
            "results": [result(finding, index) for finding in findings],
        }],
    }
    return undecodable(json.dumps(document, indent=2, ensure_ascii=False)) + "\n"
