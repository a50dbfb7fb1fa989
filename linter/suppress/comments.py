"""Inline suppressions: ``# privlint: disable=RULE[,RULE] -- reason`` comments in a manifest.

* A comment after content on a line (``key: value  # privlint: disable=...``)
  applies to findings on that line.
* A comment on a line of its own applies to the next line with content, so it
  can stand just above the key or list item it is about.
* ``# privlint: disable-file=...`` applies to the whole file; it must come
  before the first line of content.

Rules are named by name, code or code prefix. Comments are found by a scanner
that follows quoted, block and flow scalars line by line, so a ``#`` inside a
quoted or block scalar is text, not a comment. A suppression without a reason
still takes effect, and is reported; a suppression that suppresses nothing is
reported too.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from privlint.read.files import split_lines
from privlint.rules import Finding, Rule

DIRECTIVE = re.compile(r"^#\s*privlint\s*:(?P<body>.*)$")  # the body stripped after: a lazy body before \s*$ is quadratic
_FORM = re.compile(r"^(?P<kind>disable|disable-file)\s*=\s*(?P<rules>\S.*)$")
_REASON = re.compile(r"(?<!\s)\s+--(?:\s+|$)")  # tried only where a run of white space starts: linear
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
    """Every comment in a YAML document that parses, in file order: one pass, one line at a time."""
    scanner = _Scanner()
    found = []
    for number, line in enumerate(split_lines(text), 1):
        index = scanner.line(line)
        if index >= 0:
            found.append(Comment(number, index + 1, line[index:], not line[:index].strip()))
    return found


_BLANK = " \t"
_PLAIN_END = re.compile(r":(?=[ \t]|$)|(?<=[ \t])#")  # block context: a key's ':' or a comment
_COMMENT = re.compile(r"(?<=[ \t])#")
_FLOW_STOP = re.compile(r"""[\[\]{},:?#'"]""")
_BLOCK_HEADER = re.compile(r"[|>](?:[1-9][+-]?|[+-][1-9]?)?(?=[ \t]|$)")
_DOUBLE_QUOTED = re.compile(r'[\\"]')


class _Scanner:
    """Finds the comment on each line of a YAML text that parses, in one pass (see ``comments``).

    A ``#`` starts a comment where it follows a blank or starts a line, outside quoted
    and block scalars. So the scanner follows what a line leaves open for the next: a
    quoted scalar, flow collections (``[...]``, ``{...}``), a block scalar (``|``, ``>``:
    its lines are those indented more than its parent), a plain scalar (its
    continuation lines start no quoted scalar).
    """

    def __init__(self) -> None:
        self.quote = ""  # the quote of an open quoted scalar
        self.quote_column = 0  # where it started (block context: its collection's column)
        self.depth = 0  # open flow collections
        self.flow_column = 0
        self.expect_node = True  # flow: only blanks, anchors and tags since the last indicator
        self.block: tuple[int, int | None] | None = None  # an open block scalar: parent's column, its lines' indentation
        self.plain: int | None = None  # a plain scalar continues on lines indented more than this

    def line(self, line: str) -> int:
        """The index of the '#' that starts this line's comment, or -1."""
        stripped = line.lstrip(" ")
        indent = len(line) - len(stripped)
        if self.block is not None:
            parent, indentation = self.block
            if not stripped.strip(_BLANK):
                return -1
            if indentation is None and indent > max(parent, 0):
                self.block = (parent, indent)
                return -1
            if indentation is not None and indent >= indentation:
                return -1
            self.block = None
        if self.quote:
            end = self._close(line, 0)
            if end < 0:
                return -1
            return self._flow(line, end) if self.depth else self._after(line, end, self.quote_column)
        if self.depth:
            return self._flow(line, 0)
        if self.plain is not None:
            continues = indent > self.plain and stripped[:1] not in ("", "#")
            self.plain = None
            if continues:
                return self._comment(line, indent)
        if line[:3] in ("---", "...") and line[3:4] in ("", " ", "\t"):
            return self._node(line, 3, -1)
        if line[:1] == "%":  # a directive such as %YAML 1.2
            return self._comment(line, 0)
        return self._node(line, indent, indent)

    @staticmethod
    def _comment(line: str, start: int) -> int:
        """A comment after ``start``: a '#' that follows a blank."""
        found = _COMMENT.search(line, start)
        return -1 if found is None else found.start()

    def _node(self, line: str, at: int, column: int) -> int:
        """Block context, where a node can start; ``column`` is the open collection's."""
        end = len(line)
        while True:
            while at < end and line[at] in _BLANK:
                at += 1
            if at >= end:
                return -1
            char = line[at]
            if char == "#":
                return at
            if char in "-?:" and line[at + 1 : at + 2] in ("", " ", "\t"):
                if char == "-":
                    column = at
                at += 1
                continue
            if char == "'" or char == '"':
                self.quote, self.quote_column = char, column
                close = self._close(line, at + 1)
                return -1 if close < 0 else self._after(line, close, at)
            if char == "[" or char == "{":
                self.depth, self.flow_column, self.expect_node = 1, at, True
                return self._flow(line, at + 1)
            if char == "|" or char == ">":
                header = _BLOCK_HEADER.match(line, at)
                if header is not None:
                    digits = [c for c in header.group() if c.isdigit()]
                    self.block = (column, max(column, 0) + int(digits[0]) if digits else None)
                    return self._comment(line, header.end())
            if char == "&" or char == "!":  # an anchor or a tag: the node follows
                while at < end and line[at] not in _BLANK:
                    at += 1
                continue
            stop = _PLAIN_END.search(line, at)
            if stop is None:
                self.plain = column
                return -1
            if stop.group() == "#":
                return stop.start()
            column, at = at, stop.end()  # a key: its value follows

    def _after(self, line: str, at: int, column: int) -> int:
        """Block context, after a quoted scalar or a flow collection that started at ``column``."""
        end = len(line)
        while at < end and line[at] in _BLANK:
            at += 1
        if line[at : at + 1] == ":" and line[at + 1 : at + 2] in ("", " ", "\t"):
            return self._node(line, at + 1, column)
        if line[at : at + 1] == "#" and line[at - 1] in _BLANK:
            return at
        return self._comment(line, at)

    def _close(self, line: str, at: int) -> int:
        """Where the open quoted scalar ends on this line (the index after its quote), or -1."""
        if self.quote == "'":
            while True:
                at = line.find("'", at)
                if at < 0:
                    return -1
                if line[at + 1 : at + 2] != "'":
                    self.quote, self.expect_node = "", False
                    return at + 1
                at += 2
        while True:
            found = _DOUBLE_QUOTED.search(line, at)
            if found is None:
                return -1
            at = found.start()
            if line[at] == "\\":
                at += 2
                continue
            self.quote, self.expect_node = "", False
            return at + 1

    def _flow(self, line: str, at: int) -> int:
        """Inside ``[...]`` or ``{...}``."""
        after_quote = at > 0 and line[at - 1] in "'\"" and not self.quote
        while True:
            stop = _FLOW_STOP.search(line, at)
            if stop is None:
                if line[at:].strip() and not _only_properties(line[at:]):
                    self.expect_node = False
                return -1
            index, char = stop.start(), stop.group()
            if self.expect_node and line[at:index].strip() and not _only_properties(line[at:index]):
                self.expect_node = False
            at = index + 1
            if char == "#":
                if index == 0 or line[index - 1] in _BLANK:
                    return index
            elif char in "[{":
                self.depth += 1
                self.expect_node = True
            elif char in "]}":
                self.depth -= 1
                self.expect_node = False
                if not self.depth:
                    return self._after(line, at, self.flow_column)
            elif char == ",":
                self.expect_node = True
            elif char in ":?":
                if after_quote or line[at : at + 1] in ("", " ", "\t", ",", "[", "]", "{", "}"):
                    self.expect_node = True
            elif self.expect_node:  # a quote that starts a quoted scalar
                self.quote = char
                close = self._close(line, at)
                if close < 0:
                    return -1
                at, after_quote, self.expect_node = close, True, False
                continue
            after_quote = False


def _only_properties(text: str) -> bool:
    return all(word[0] in "&!" for word in text.split())


def parse_directives(text: str) -> list[Directive]:
    if not _QUICK.search(text):
        return []
    all_comments = comments(text)
    comment_lines = {c.line for c in all_comments if c.own_line}
    lines = split_lines(text)
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
        head, *reason = _REASON.split(match.group("body").strip(), maxsplit=1)
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
    """Drop the findings that directives suppress, and record which selectors were used.

    One look-up a finding: the directives of its line, and those of the whole file
    (matched against each rule once).
    """
    by_name = {rule.name: rule for rule in rules}
    on_line: dict[int, list[Directive]] = {}
    whole_file = []
    for directive in directives:
        if directive.kind == "disable" and directive.target_line is not None:
            on_line.setdefault(directive.target_line, []).append(directive)
        elif directive.kind == "disable-file" and directive.at_top:
            whole_file.append(directive)
    file_wide: dict[str, bool] = {}  # rule name -> whether a disable-file directive suppresses it
    kept, suppressed = [], 0
    for finding in findings:
        rule = by_name.get(finding.rule)
        if rule is None:
            kept.append(finding)
            continue
        hit = file_wide.get(rule.name)
        if hit is None:
            hit = file_wide[rule.name] = _use(whole_file, rule)
        if _use(on_line.get(finding.line, ()), rule) or hit:
            suppressed += 1
        else:
            kept.append(finding)
    return Outcome(kept, suppressed, list(directives))


def _use(directives: Iterable[Directive], rule: Rule) -> bool:
    """Whether any of the directives names the rule; the selectors that do are marked used."""
    hit = False
    for directive in directives:
        for selector in directive.selectors:
            if rule.matches(selector):
                directive.used.add(selector)
                hit = True
    return hit


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
