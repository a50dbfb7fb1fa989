"""HTML: one self-contained page for a privacy officer, over any number of statements.

A matrix of statements against the elements Art. 13 and 14 require (present,
missing, there with findings, or not applicable: colour and symbol both, so it
reads in print and without colour vision), the findings per statement with the
rule's explanation and the words they are about, and totals per rule. Tables
sort by any column with a small inline script; nothing is loaded from elsewhere.

The matrix needs what each manifest says, not only what was found, so this
reporter reads the linted manifests again (``summary.paths``); a file that cannot
be read or is not a valid manifest gets a row that says so.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from privlint import __version__
from privlint.model.elements import (
    ELEMENTS,
    FINDING,
    MISSING,
    NOT_APPLICABLE,
    PRESENT,
    status,
)
from privlint.model.types import LANGUAGE_PATTERN

UNKNOWN = "unknown"  # the manifest could not be read as one

#: How each status shows: symbol, words, and its rank when a column is sorted.
STATUSES = {
    PRESENT: ("✓", "present", 3),
    FINDING: ("!", "present, with findings", 2),
    MISSING: ("✗", "missing", 1),
    NOT_APPLICABLE: ("–", "not applicable", 4),
    UNKNOWN: ("?", "not a valid manifest", 0),
}


@dataclass
class Statement:
    path: str
    findings: list[Any]
    cells: list[str] = field(default_factory=list)  # a status per element
    quotes: dict[str, str] = field(default_factory=dict)  # pointer -> the words a finding is about


def render(findings: list[Any], summary: Any, rules: list[Any], *, color: bool = False) -> str:
    import jinja2

    by_file: dict[str, list[Any]] = {path: [] for path in summary.paths}
    for finding in findings:
        by_file.setdefault(finding.file, []).append(finding)
    statements = [_statement(path, by_file[path]) for path in sorted(by_file)]
    known = {rule.name: rule for rule in rules}
    counts = Counter(finding.rule for finding in findings)
    files_per_rule = Counter(rule for statement in statements for rule in {f.rule for f in statement.findings})
    totals = [
        {"rule": known.get(name), "name": name, "count": count, "files": files_per_rule[name]}
        for name, count in sorted(counts.items(), key=lambda item: (-item[1], item[0]))
    ]
    explained = {name: _explanation(known[name]) for name in counts if name in known}
    environment = jinja2.Environment(
        loader=jinja2.PackageLoader("privlint.report", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    page = environment.get_template("report.html.j2").render(
        version=__version__,
        summary=summary,
        statements=statements,
        elements=ELEMENTS,
        statuses=STATUSES,
        totals=totals,
        rules=known,
        explained=explained,
        severities=[(severity.value, count) for severity, count in summary.counts.items()],
    )
    return "\n".join(line.rstrip() for line in page.splitlines() if line.strip()) + "\n"


def _statement(path: str, findings: list[Any]) -> Statement:
    statement = Statement(path, findings)
    document, manifest = _load(path)
    if manifest is None:
        statement.cells = [UNKNOWN] * len(ELEMENTS)
        return statement
    found = {finding.rule for finding in findings}
    statement.cells = [status(element, manifest, found) for element in ELEMENTS]
    for finding in findings:
        words = _words_at(document.data, finding.pointer)
        if words:
            statement.quotes[finding.pointer] = words
    return statement


def _load(path: str) -> tuple[Any, Any]:
    """The document and manifest at ``path``, or (None, None) if it is not one."""
    from privlint.model.validation import validate
    from privlint.parse.loader import load_document
    from privlint.read.files import read_text

    try:
        document = load_document(read_text(Path(path)))
    except Exception:  # unreadable, not YAML: its findings say why
        return None, None
    manifest, _ = validate(document.data)
    return document, manifest


def _words_at(data: Any, pointer: str) -> str | None:
    """The text a finding is about: the value at its node, or that node's quote."""
    from privlint.parse.pointers import pointer_tokens

    node = data
    for token in pointer_tokens(pointer):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        elif isinstance(node, dict) and token in node:
            node = node[token]
        else:
            return None
    if isinstance(node, dict) and "quote" in node:
        node = node["quote"]
    if isinstance(node, list) and node and all(isinstance(item, str) or _per_language(item) for item in node):
        node = " … ".join(_text(item) for item in node)
    return _text(node) if isinstance(node, str) or _per_language(node) else None


def _per_language(value: Any) -> bool:
    return isinstance(value, dict) and bool(value) and all(
        isinstance(key, str) and re.fullmatch(LANGUAGE_PATTERN, key) and isinstance(text, str) for key, text in value.items()
    )


def _text(value: Any) -> str:
    if isinstance(value, dict):  # text per language
        return " / ".join(f"{language}: {text}" for language, text in value.items())
    return " ".join(str(value).split())


@lru_cache(maxsize=256)
def _sections(doc: str) -> dict[str, str]:
    parts = re.split(r"^## (.+)$", doc, flags=re.M)
    return {title.strip(): body.strip() for title, body in zip(parts[1::2], parts[2::2])}


def _explanation(rule: Any) -> dict[str, list[str]]:
    """The rule's "What it does" and "Why it matters", as paragraphs of plain text (inline code marks dropped)."""
    sections = _sections(rule.doc)
    return {
        key: [" ".join(paragraph.replace("`", "").split()) for paragraph in sections.get(title, "").split("\n\n") if paragraph.strip()]
        for key, title in (("what", "What it does"), ("why", "Why it matters"))
    }
