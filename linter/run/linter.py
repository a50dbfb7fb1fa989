"""Linting: from paths on the command line to sorted, located findings.

One file at a time: read, parse, validate (privlint.model.validation), then run every
selected check on the typed manifest, drop what the file's suppression comments
suppress, and give each finding its fingerprint. A file that fails a step gets
findings for that step and the run goes on with the next file. With a cache
(privlint.run.cache), ``cached_results`` gives the results it already holds, and
``lint_file`` stores each one it makes.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from privlint.parse.pointers import UnknownNode
from privlint.read.discovery import DEFAULT_INCLUDE, Target
from privlint.read.files import (
    DEFAULT_MAX_FILE_SIZE,
    LoadError,
    ReadError,
    decode,
    read_bytes,
)
from privlint.read.globs import PatternList, compiled
from privlint.read.history import History
from privlint.read.related import RelatedFiles
from privlint.rules import Context, Finding, Fix, Problem, Rule, Severity
from privlint.rules.containment import describe, is_contained
from privlint.rules.engine import (
    ALWAYS_ON,
    ENGINE_RULES,
    INTERNAL_ERROR,
    INVALID_MANIFEST,
    IO_ERROR,
    RUN_FAILURES,
    SUPPRESSION_WITHOUT_REASON,
    UNUSED_SUPPRESSION,
    YAML_SYNTAX,
)
from privlint.rules.registry import PluginNotLoaded
from privlint.rules.selection import (
    RuleSelection,
    enabled_rules,
    is_always_on,
    most_specific,
)
from privlint.suppress import comments as suppressions
from privlint.suppress.fingerprints import with_fingerprints

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest
    from privlint.parse.loader import Document
    from privlint.run.cache import Cache

_ENGINE_NAMES = frozenset(rule.name for rule in ENGINE_RULES)
_ALWAYS_ON_NAMES = frozenset(rule.name for rule in ALWAYS_ON)


class SettingsError(ValueError):
    """A selector or option that names nothing, or a value of the wrong type."""


@dataclass(frozen=True)
class Settings:
    """Everything a run is told. ``select``, ``extend_select`` and ``ignore`` are the
    command line's layer of rule selection; ``config_selection`` the configuration's."""

    today: dt.date = field(default_factory=dt.date.today)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE
    extend_select: tuple[str, ...] = ()
    config_selection: RuleSelection | None = None
    per_file_ignores: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    severity: Mapping[str, Severity] = field(default_factory=dict)
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    root: Path | None = None  # globs and fingerprints are relative to it; None: the working directory
    respect_gitignore: bool = True  # discovery skips what git ignores
    diff_base: str = "HEAD"
    strict_pointers: bool = False  # a problem's path that names no node is an error (privlint's own tests)

    def layers(self) -> list[RuleSelection]:
        command_line = RuleSelection(self.select or None, self.extend_select, self.ignore)
        return [layer for layer in (self.config_selection, command_line) if layer is not None]


_FINDING_FIELDS = tuple(field.name for field in dataclasses.fields(Finding))
_SEVERITIES = {severity.value: severity for severity in Severity}
_FIELD_KINDS = tuple(  # (index, the types a record's value may have) for every field but the severity
    (index, (int,) if name in ("line", "column") else (str, type(None)) if name == "hint" else (str,))
    for index, name in enumerate(_FINDING_FIELDS) if name != "severity"
)


@dataclass(frozen=True)
class FileResult:
    findings: list[Finding]
    suppressed: int = 0

    def to_record(self) -> dict[str, Any]:
        """The result as plain lists and values: for the cache (JSON) and from worker processes (pickle)."""
        return {
            "suppressed": self.suppressed,
            "finding_fields": _FINDING_FIELDS,
            "findings": [
                [finding.severity.value if name == "severity" else getattr(finding, name) for name in _FINDING_FIELDS]
                for finding in self.findings
            ],
        }

    @classmethod
    def from_record(cls, record: dict[str, Any]) -> FileResult:
        """The result ``to_record`` gave; ValueError if the record is damaged or of another layout."""
        if tuple(record["finding_fields"]) != _FINDING_FIELDS:
            raise ValueError("a record written for other findings")
        findings = []
        for row in record["findings"]:
            if len(row) != len(_FINDING_FIELDS):
                raise ValueError("a malformed record")
            finding = object.__new__(Finding)  # fields filled in: a warm run is 10% faster (benchmarks/RESULTS.md)
            values = finding.__dict__
            values.update(zip(_FINDING_FIELDS, row))
            values["severity"] = _SEVERITIES[values["severity"]]
            if not all(type(row[index]) in kinds for index, kinds in _FIELD_KINDS):
                raise ValueError("a malformed record")  # a damaged cache entry must not pass for findings
            findings.append(finding)
        if type(record["suppressed"]) is not int:
            raise ValueError("a malformed record")
        return cls(findings, record["suppressed"])


def scoped_options(rules: Iterable[Rule], given: Mapping[str, Any]) -> dict[str, Any]:
    """Option values keyed ``rule-name.option``; a bare ``option`` is accepted where one rule alone declares it.

    Options belong to rules: two rules may declare options of the same name, and then each
    must be set by its own name (ValueError otherwise, and for an option no rule declares).
    """
    owners: dict[str, list[str]] = {}
    scoped: set[str] = set()
    for rule in rules:
        for name in rule.options:
            owners.setdefault(name, []).append(rule.name)
            scoped.add(f"{rule.name}.{name}")
    values: dict[str, Any] = {}
    for key, value in given.items():
        if key in scoped:
            values[key] = value
        elif len(owners.get(key, ())) == 1:
            values[f"{owners[key][0]}.{key}"] = value
        elif key in owners:
            raise ValueError(
                f"option {key!r} is declared by {', '.join(owners[key])}: set it as "
                + " or ".join(f"{owner}.{key}" for owner in owners[key])
            )
        else:
            known = sorted(scoped | {name for name, names in owners.items() if len(names) == 1})
            raise ValueError(f"unknown option {key!r}; known options: {', '.join(known) or 'none'}")
    return values


class Linter:
    """Runs the selected rules over manifests."""

    def __init__(self, rules: Iterable[Rule], settings: Settings):
        self.settings = settings
        self.rules = [self._with_severity(rule) for rule in rules]
        self.enabled = enabled_rules(self.rules, settings.layers())
        self.rule_options = self._options()
        self.context = Context(today=settings.today)
        self._contexts = {name: Context(settings.today, options) for name, options in self.rule_options.items()}
        self.history = History(settings.diff_base, settings.max_file_size)
        self.related = RelatedFiles(settings.root, settings.max_file_size)
        self.cache: Cache | None = None  # when the command line opens one
        self.fixes: list[tuple[str, str, str, Fix]] | None = None  # (file, rule, pointer, fix), when --fix collects them
        self._per_file_ignores = _per_file_ignores(settings.per_file_ignores)
        self._active: dict[str, list[Rule]] = {}

    def _with_severity(self, rule: Rule) -> Rule:
        override = None if is_always_on(rule) else most_specific(rule, self.settings.severity)
        return dataclasses.replace(rule, severity=Severity(override)) if override else rule

    def _options(self) -> dict[str, dict[str, Any]]:
        """Each rule's own options, parsed: ``{rule name: {option: value}}``."""
        try:
            given = scoped_options(self.rules, self.settings.options)
        except ValueError as error:
            raise SettingsError(str(error)) from None
        values: dict[str, dict[str, Any]] = {}
        for rule in self.rules:
            for name, option in rule.options.items():
                raw = given.get(f"{rule.name}.{name}", option.default)
                try:
                    values.setdefault(rule.name, {})[name] = option.parse(raw)
                except (TypeError, ValueError) as error:
                    raise SettingsError(f"option {rule.name}.{name}: {error}") from None
        return values

    def active_rules(self, key: str) -> list[Rule]:
        """The enabled rules less those ``per-file-ignores`` switches off for this file."""
        active = self._active.get(key)
        if active is None:
            ignored = [
                selector
                for patterns, negated, selectors in self._per_file_ignores
                if patterns.matches(key) is not negated
                for selector in selectors
            ]
            active = [rule for rule in self.enabled if is_always_on(rule) or not any(rule.matches(s) for s in ignored)]
            self._active[key] = active
        return active

    # -- one file ----------------------------------------------------------

    def lint(self, target: Target) -> list[Finding]:
        return self.lint_file(target).findings

    def lint_file(self, target: Target) -> FileResult:
        try:
            return self._lint_file(target)
        except BaseException as error:  # a bug in privlint or a plugin must not hide the other files
            if not is_contained(error):
                raise
            return self._crashed(target.display, error)

    def _lint_file(self, target: Target) -> FileResult:
        key = target.key or target.display
        if target.problem:
            return self._done([_finding(target.display, IO_ERROR, 1, 1, target.problem, hint="check the path")], key)
        try:
            content = target.content if target.content is not None else read_bytes(target.path, self.settings.max_file_size)
            text = decode(content)
        except LoadError as error:
            rule = IO_ERROR if isinstance(error, ReadError) else YAML_SYNTAX
            return self._done([_finding(target.display, rule, p.line, p.column, p.message, hint=p.hint) for p in error.problems], key)
        except IsADirectoryError:
            return self._done([_finding(target.display, IO_ERROR, 1, 1, "is a directory, not a file", hint="pass a manifest file, or a directory not named like one")], key)
        except OSError as error:
            return self._done([_finding(target.display, IO_ERROR, 1, 1, f"cannot read file: {error.strerror or error}", hint="check that the file exists and that you may read it")], key)
        if self.cache is not None:
            return self.cache.remember(self, content, target.display, key, lambda: self._lint_text(text, target.display, key, (target.path, content)))
        return self._lint_text(text, target.display, key, (target.path, content))

    def cached_results(self, targets: Sequence[Target]) -> list[FileResult | None]:
        """The cache's result for each target, where it holds one."""
        if self.cache is None or self.cache.is_empty():  # no cache, or a first run: nothing to look up
            return [None] * len(targets)
        return [self._cached(target) for target in targets]

    def _cached(self, target: Target) -> FileResult | None:
        if target.problem or self.cache is None:
            return None
        try:
            content = read_bytes(target.path, self.settings.max_file_size)  # keyed on bytes: nothing to decode
        except (LoadError, OSError):
            return None
        return self.cache.lookup(self, content, target.display, target.key or target.display)

    def lint_text(self, text: str, display: str, key: str | None = None) -> list[Finding]:
        try:
            return self._lint_text(text, display, key or display, None).findings
        except BaseException as error:  # a bug in privlint or a plugin must not hide the other files
            if not is_contained(error):
                raise
            return self._crashed(display, error).findings

    def _crashed(self, display: str, error: BaseException) -> FileResult:
        self._refuse_unknown_node(error)
        message = f"privlint failed on this file: {describe(error)}"
        return FileResult([_finding(display, INTERNAL_ERROR, 1, 1, message, hint="please report this with the manifest")])

    def _lint_text(self, text: str, display: str, key: str, file: tuple[Path, bytes] | None) -> FileResult:
        """The result for ``text``; ``file`` is where it was read and its bytes, for comparing with git."""
        # The YAML parser and the models load with the first file linted, not on a run the cache answers.
        from privlint.model.validation import validate_document
        from privlint.parse.loader import load_document

        try:
            document = load_document(text)
        except LoadError as error:
            return self._done([_finding(display, YAML_SYNTAX, p.line, p.column, p.message, hint=p.hint) for p in error.problems], key)
        manifest, problems = validate_document(document)
        if manifest is None:
            return self._done(self._located(display, document, [(INVALID_MANIFEST, p) for p in problems]), key, document.data)
        document.forget_data()  # the manifest holds it now; findings are located by reading the text again
        active = self.active_rules(key)
        previous = self._previous_version(*file, lambda: load_document(text).data) if file is not None else None
        related = self._related_files(file[0]) if file is not None else None
        findings = self._check(display, document, manifest, active, previous, related)
        return self._suppress(findings, display, key, document, active)

    def _check(
        self,
        display: str,
        document: Document,
        manifest: Manifest,
        active: list[Rule],
        previous: Callable[[], Any] | None,
        related: Callable[[str], str] | None = None,
    ) -> list[Finding]:
        findings: list[Finding | tuple[Rule, Problem]] = []  # located once all checks have run
        for rule in active:
            check = rule.check
            if check is None:
                continue
            context = self._contexts.get(rule.name, self.context)
            if previous is not None and related is not None:
                context = Context(context.today, context.options, previous, related)
            elif previous is not None:
                context = Context(context.today, context.options, previous)
            left_out: list[Problem] = []  # the first problem past MAX_FINDINGS_PER_RULE, and how many
            count = 0
            try:
                for count, problem in enumerate(check(manifest, context), 1):
                    wrong = _wrong_type(problem) or (count > MAX_PROBLEMS_PER_CHECK and f"more than {MAX_PROBLEMS_PER_CHECK:,} problems")
                    if wrong:
                        raise CheckContractError(f"it yielded {wrong}")
                    if count > MAX_FINDINGS_PER_RULE:
                        left_out = left_out or [problem]
                        continue
                    findings.append((rule, problem))
                    if problem.fix is not None and self.fixes is not None and rule.fixable:
                        self.fixes.append((display, rule.name, problem.pointer, problem.fix))
                if left_out:
                    findings.append((rule, _more_of_the_same(left_out[0], count - MAX_FINDINGS_PER_RULE)))
            except BaseException as error:  # a failing check (even one raising SystemExit) must not take the others down
                if not is_contained(error):
                    raise
                self._refuse_unknown_node(error)
                findings.append(_finding(display, INTERNAL_ERROR, 1, 1, _check_failed(rule, error), hint=_report_hint(rule)))
        return self._located(display, document, findings)

    def _refuse_unknown_node(self, error: BaseException) -> None:
        """With ``strict_pointers`` (privlint's own tests), a check that points at no node fails the
        run instead of becoming an internal-error finding that a test might not look at."""
        if self.settings.strict_pointers and isinstance(error, UnknownNode):
            raise error

    def _suppress(self, findings: list[Finding], display: str, key: str, document: Document, active: list[Rule]) -> FileResult:
        if any(f.rule == INVALID_MANIFEST.name for f in findings):
            return self._done(findings, key, document.data)
        try:
            directives = suppressions.parse_directives(document.text)
        except Exception:  # the comment scanner disagrees with the parser: suppress nothing
            directives = []
        always = [f for f in findings if f.rule in _ALWAYS_ON_NAMES]
        outcome = suppressions.apply([f for f in findings if f.rule not in _ALWAYS_ON_NAMES], directives, self.rules)
        active_names = {rule.name for rule in active}
        reports = suppressions.reports(
            directives, active, self.rules, UNUSED_SUPPRESSION, SUPPRESSION_WITHOUT_REASON, ALWAYS_ON
        )
        about_comments = [
            _finding(display, self._effective(r.rule), r.line, r.column, r.message, hint=r.hint)
            for r in reports if r.rule.name in active_names
        ]
        return self._done([*always, *outcome.kept, *about_comments], key, document.data, outcome.suppressed)

    def _effective(self, rule: Rule) -> Rule:
        return next((r for r in self.rules if r.code == rule.code), rule)

    def _done(self, findings: list[Finding], key: str, data: Any = None, suppressed: int = 0) -> FileResult:
        ordered = sorted(findings, key=lambda finding: finding.sort_key)
        return FileResult(with_fingerprints(ordered, key, data, _ENGINE_NAMES), suppressed)

    def _previous_version(self, path: Path, content: bytes, data: Callable[[], Any]) -> Callable[[], Any]:
        """What ``Context.previous_version`` returns for this file; git runs only when it is called."""

        @functools.lru_cache(maxsize=1)
        def load() -> Any:
            version = self.history.version(path)
            if version is None:
                return None
            if version.has_content(content):
                return data()
            raw = self.history.read(version)
            from privlint.parse.loader import load_document

            try:
                return load_document(decode(raw)).data if raw is not None else None
            except LoadError:
                return None

        return load

    def _related_files(self, path: Path) -> Callable[[str], str]:
        """What ``Context.related_file`` does for this file: each named file read once, when first asked for."""

        @functools.lru_cache(maxsize=8)
        def read(name: str) -> str:
            return self.related.read(path, name)

        return read

    def _located(self, display: str, document: Document, found: Sequence[Finding | tuple[Rule, Problem]]) -> list[Finding]:
        """The findings, with each (rule, problem) located: the document reads the positions of all at once."""
        document.prepare(item[1].pointer for item in found if isinstance(item, tuple))
        return [self._locate(display, document, *item) if isinstance(item, tuple) else item for item in found]

    def _locate(self, display: str, document: Document, rule: Rule, problem: Problem) -> Finding:
        pointer = problem.pointer
        line, column = document.locate(pointer, strict=self.settings.strict_pointers)
        return _finding(display, rule, line, column, problem.message, pointer, problem.hint)


#: Findings of one rule reported for one file: past it, one finding says how many more there are. A
#: terse manifest of a hundred thousand bare purposes has that many of several rules; listing them
#: all would take gigabytes and help no one.
MAX_FINDINGS_PER_RULE = 1_000
#: Problems one check may yield for one file: more than a file under the limits has nodes
#: (privlint.parse.loader.MAX_NODES) means a runaway check, an internal error.
MAX_PROBLEMS_PER_CHECK = 2 * DEFAULT_MAX_FILE_SIZE // 4


def _more_of_the_same(first: Problem, more: int) -> Problem:
    """The finding that stands for the problems of a rule past MAX_FINDINGS_PER_RULE, at the first of them."""
    return Problem(
        first.path,
        f"{more:,} more findings of this rule in this file are not listed (only the first {MAX_FINDINGS_PER_RULE:,} are)",
        hint="fix the findings listed, or switch the rule off for this file, and run privlint again",
    )


class CheckContractError(TypeError):
    """A check yielded something other than problems, or without end."""


def _wrong_type(problem: Any) -> str | None:
    """What is wrong with what a check yielded, if it is not a well-formed Problem."""
    if not isinstance(problem, Problem):
        return f"a {type(problem).__name__} instead of a Problem"
    # Typed as what a plugin may really have put there, whatever Problem's annotations say.
    path: object = problem.path
    message: object = problem.message
    hint: object = problem.hint
    fix: object = problem.fix
    if not isinstance(path, tuple) or not all(type(part) in (str, int) for part in path):
        return "a problem whose path is not a tuple of keys and indexes"
    if type(message) is not str:  # exactly: a subclass could change how reports show it
        return "a problem whose message is not text"
    if hint is not None and type(hint) is not str:
        return "a problem whose hint is not text"
    if fix is not None and not isinstance(fix, Fix):
        return "a problem whose fix is not a Fix"
    return None


def _check_failed(rule: Rule, error: BaseException) -> str:
    if isinstance(error, PluginNotLoaded):
        return str(error)
    origin = "" if _is_built_in(rule) else f" (plugin {rule.origin})"
    return f"check {rule.name!r}{origin} failed: {describe(error)}"


def _is_built_in(rule: Rule) -> bool:
    return rule.origin == "privlint" or rule.origin.startswith("privlint.")


def _report_hint(rule: Rule) -> str:
    if _is_built_in(rule):
        return "please report this with the manifest"
    return f"report this to the authors of the plugin {rule.origin.partition('.')[0]!r}, or uninstall it"


def _per_file_ignores(table: Mapping[str, tuple[str, ...]]) -> list[tuple[PatternList, bool, tuple[str, ...]]]:
    """``per-file-ignores`` compiled: one pattern list per set of rules, and each ``!pattern``
    (the rules are ignored in every file the pattern does not match) on its own."""
    grouped: dict[tuple[str, ...], list[str]] = {}
    negated = []
    for pattern, selectors in table.items():
        if pattern.startswith("!"):
            negated.append((compiled((pattern[1:],)), True, tuple(selectors)))
        else:
            grouped.setdefault(tuple(selectors), []).append(pattern)
    return [(compiled(tuple(patterns)), False, selectors) for selectors, patterns in grouped.items()] + negated


def _finding(
    file: str, rule: Rule, line: int, column: int, message: str, pointer: str = "", hint: str | None = None
) -> Finding:
    return Finding(file, line, column, rule.code, rule.name, rule.severity, message, pointer, hint)


@dataclass(frozen=True)
class Summary:
    files: int
    counts: Mapping[Severity, int]
    paths: tuple[str, ...] = ()  # the files linted, as findings name them
    suppressed: int = 0  # by comments in the manifests
    baselined: int = 0  # findings in the baseline, not reported
    baseline_gone: int = 0  # baseline entries for the files linted that no longer occur
    quiet: bool = False  # -q: reports print the findings and nothing else

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int, **extra: Any) -> Summary:
        # Counted by list.count, which compares in C: hashing an enum member runs Python code, and
        # a large run has a hundred thousand findings.
        severities = [finding.severity for finding in findings]
        counts = {severity: severities.count(severity) for severity in Severity}
        return cls(files, counts, **extra)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def exit_code(findings: Iterable[Finding], exit_zero: bool = False) -> int:
    """0 clean, 1 findings at error or warning level, 2 when a file could not be read or a check failed."""
    findings = list(findings)
    if not RUN_FAILURES.isdisjoint(map(operator.attrgetter("rule"), findings)):  # (a pass in C)
        return 2
    if exit_zero:
        return 0
    return 1 if any(finding.severity is not Severity.info for finding in findings) else 0
