"""``--statistics``: how many findings each rule has, most first (as ruff prints them)."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from typing import Any


def counts(findings: Iterable[Any], rules: Sequence[Any]) -> list[tuple[int, Any]]:
    """(count, rule) for each rule with findings, most first, then by code."""
    return ranked(Counter(finding.rule for finding in findings), rules)


def ranked(counted: Counter[str], rules: Sequence[Any]) -> list[tuple[int, Any]]:
    """(count, rule) for each rule counted (by name), most first, then by code."""
    by_name = {rule.name: rule for rule in rules}
    known = [(count, by_name[name]) for name, count in counted.items() if name in by_name]
    return sorted(known, key=lambda item: (-item[0], item[1].code))


def render_statistics(findings: Iterable[Any], rules: Sequence[Any], output_format: str = "text") -> str:
    return render_counted(Counter(finding.rule for finding in findings), rules, output_format)


def render_counted(counted: Counter[str], rules: Sequence[Any], output_format: str = "text") -> str:
    """``render_statistics`` from the number of findings of each rule (by name)."""
    from privlint.rules.engine import ENGINE_RULES

    known = {rule.name: rule for rule in [*ENGINE_RULES, *rules]}
    rows = ranked(counted, list(known.values()))
    if output_format == "json":
        records = [
            {"code": rule.code, "name": rule.name, "severity": rule.severity.value, "count": count, "fixable": rule.fixable}
            for count, rule in rows
        ]
        return json.dumps(records, indent=2) + "\n"
    if not rows:
        return ""
    width = max(len(str(count)) for count, _ in rows)
    code_width = max(len(rule.code) for _, rule in rows)
    name_width = max(len(rule.name) for _, rule in rows)
    return "".join(
        f"{count:>{width}}  {rule.code:<{code_width}}  {'[*]' if rule.fixable else '   '} {rule.name:<{name_width}}  [{rule.severity.value}]\n"
        for count, rule in rows
    )
