"""Inline suppressions: ``# privlint: disable=RULE[,RULE] -- reason`` comments in a manifest.

* A comment after content on a line (``key: value  # privlint: disable=...``)
  applies to findings on that line.
* A comment on a line of its own applies to the next line with content, so it
  can stand just above the key or list item it is about.
* ``# privlint: disable-file=...`` applies to the whole file; it must come
  before the first line of content.

Rules are named by name, code or code prefix. Comments are found with
ruamel.yaml's scanner, so a ``#`` inside a quoted or block scalar is text, not
a comment. A suppression without a reason still takes effect, and is reported;
a suppression that suppresses nothing is reported too.
"""

from __future__ import annotations

import bisect
import difflib
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from privlint.rules import Finding, Rule

DIRECTIVE = re.compile(r"^#\s*privlint\s*:\s*(?P<body>.*?)\s*$")
_FORM = re.compile(r"^(?P<kind>disable|disable-file)\s*=\s*(?P<rules>\S.*)$")
_REASON = re.compile(r"\s+--(?:\s+|$)")
_QUICK = re.compile(r"#\s*privlint\s*:")


@dataclass
class Directive:
    line: int
    column: int
    text: str  # the comment, as written
    kind: str | None = None  # disable, disable-file, or None when not understood
    selectors: tuple[str, ...] = ()
    reason: str = ""
    target_line: int | None = None  # the line a 'disable' applies to
    at_top: bool = True  # for 'disable-file': before the first content line
    used: set[str] = field(default_factory=set)  # selectors that suppressed something


@dataclass(frozen=True)
class Comment:
    line: int  # 1-based
    column: int  # 1-based, of the '#'
    text: str
    own_line: bool


def comments(text: str) -> list[Comment]:
    """Every comment in a YAML document that parses, in file order."""
    from ruamel.yaml import YAML
    from ruamel.yaml.tokens import CommentToken

    lines = text.splitlines()
    found: dict[tuple[int, int], Comment] = {}

    def collect(node: object) -> Iterator[CommentToken]:
        if isinstance(node, CommentToken):
            yield node
        elif isinstance(node, list):
            for item in node:
                yield from collect(item)

    for token in YAML(typ="rt").scan(io.StringIO(text)):
        for comment in collect(getattr(token, "comment", None)):
            # One token may hold several comment lines; read each from the source.
            for offset in range(comment.value.count("\n") + 1):
                index = comment.start_mark.line + offset
                if index >= len(lines):
                    break
                source = lines[index]
                start = comment.start_mark.column if offset == 0 else source.find("#")
                if start < 0 or not source[start:].startswith("#"):
                    continue
                found[(index + 1, start + 1)] = Comment(index + 1, start + 1, source[start:], not source[:start].strip())
    return [found[key] for key in sorted(found)]


def parse_directives(text: str) -> list[Directive]:
    if not _QUICK.search(text):
        return []
    all_comments = comments(text)
    comment_lines = {c.line for c in all_comments if c.own_line}
    lines = text.splitlines()
    content_lines = [
        number for number, line in enumerate(lines, 1)
        if line.strip() and number not in comment_lines and line.strip() not in ("---", "...")
    ]
    first_content = content_lines[0] if content_lines else len(lines) + 1
    directives = []
    for comment in all_comments:
        match = DIRECTIVE.match(comment.text)
        if not match:
            continue
        directive = Directive(comment.line, comment.column, comment.text.strip())
        head, *reason = _REASON.split(match.group("body"), maxsplit=1)
        form = _FORM.match(head.strip())
        selectors = tuple(s.strip() for s in form.group("rules").split(",") if s.strip()) if form else ()
        if form and selectors:
            directive.kind = form.group("kind")
            directive.selectors = selectors
            directive.reason = reason[0].strip() if reason else ""
            if directive.kind == "disable":
                after = bisect.bisect_right(content_lines, comment.line)
                directive.target_line = (
                    comment.line if not comment.own_line else (content_lines[after] if after < len(content_lines) else None)
                )
            else:
                directive.at_top = comment.line < first_content
        directives.append(directive)
    return directives


@dataclass(frozen=True)
class Outcome:
    kept: list[Finding]
    suppressed: int
    directives: list[Directive]


def apply(findings: Sequence[Finding], directives: Sequence[Directive], rules: Sequence[Rule]) -> Outcome:
    """Drop the findings that directives suppress, and record which selectors were used."""
    by_name = {rule.name: rule for rule in rules}
    kept, suppressed = [], 0
    for finding in findings:
        rule = by_name.get(finding.rule)
        hit = False
        for directive in directives:
            if not _applies(directive, finding):
                continue
            for selector in directive.selectors:
                if rule is not None and rule.matches(selector):
                    directive.used.add(selector)
                    hit = True
        if hit:
            suppressed += 1
        else:
            kept.append(finding)
    return Outcome(kept, suppressed, list(directives))


def _applies(directive: Directive, finding: Finding) -> bool:
    if directive.kind == "disable":
        return directive.target_line == finding.line
    return directive.kind == "disable-file" and directive.at_top


@dataclass(frozen=True)
class Report:
    """A problem with a directive, reported by one of the suppression rules."""

    rule: Rule
    line: int
    column: int
    message: str
    hint: str


def reports(
    directives: Sequence[Directive], enabled: Sequence[Rule], known: Sequence[Rule],
    unused_rule: Rule, no_reason_rule: Rule, cannot_suppress: Sequence[Rule] = (),
) -> list[Report]:
    """Directives that suppress nothing, and directives without a reason.

    ``enabled`` are the rules that ran on the file: a suppression naming a rule
    switched off by the configuration is not unused, it is idle.
    """
    found = []

    def unused(directive: Directive, message: str, hint: str) -> None:
        found.append(Report(unused_rule, directive.line, directive.column, message, hint))

    for directive in directives:
        if directive.kind is None:
            unused(
                directive, f"{directive.text!r} is not a privlint directive",
                "write '# privlint: disable=RULE -- reason', or disable-file=RULE at the top of the file",
            )
            continue
        if not directive.reason:
            found.append(Report(
                no_reason_rule, directive.line, directive.column,
                f"suppression of {', '.join(directive.selectors)} gives no reason",
                "add why after ' -- ', such as '# privlint: disable=RULE -- reason'",
            ))
        if directive.kind == "disable-file" and not directive.at_top:
            unused(directive, "disable-file comes after the first line of content, so it suppresses nothing",
                   "move it to the top of the file, above 'privlint: 1'")
            continue
        if directive.kind == "disable" and directive.target_line is None:
            unused(directive, "the suppression is followed by no content, so it suppresses nothing", "remove it")
            continue
        for selector in directive.selectors:
            if selector in directive.used:
                continue
            if not any(rule.matches(selector) for rule in known):
                close = difflib.get_close_matches(selector, [rule.name for rule in known], n=1)
                unused(directive, f"suppression names no rule: {selector!r}",
                       f"did you mean {close[0]!r}?" if close else "see 'privlint rules' for names and codes")
            elif any(rule.matches(selector) for rule in cannot_suppress) and not any(
                rule.matches(selector) for rule in enabled if rule not in cannot_suppress
            ):
                unused(directive, f"{selector!r} cannot be suppressed", "fix the manifest instead")
            elif any(rule.matches(selector) for rule in enabled if rule not in cannot_suppress):
                unused(directive, f"suppression of {selector!r} suppresses nothing",
                       "remove it: the rule reports nothing here" if directive.kind == "disable-file"
                       else "remove it, or move it onto or just above the line of the finding")
    return found
