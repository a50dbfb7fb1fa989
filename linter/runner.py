"""Linting: from paths on the command line to sorted, located findings.

One file at a time: read, parse, validate against the schema, then run every
selected check on the typed manifest. A file that fails a step gets findings
for that step and the run goes on with the next file.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from privlint.engine_rules import INTERNAL_ERROR, INVALID_MANIFEST, IO_ERROR, YAML_SYNTAX
from privlint.loader import DEFAULT_MAX_FILE_SIZE, Document, FileTooLarge, LoadError, load_document, read_text
from privlint.manifest import Manifest
from privlint.rules import Context, Finding, Problem, Rule, Severity
from privlint.schema import schema_problems

MANIFEST_SUFFIXES = (".privacy.yaml", ".privacy.yml")
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", "site-packages"})
ENGINE_FAILURES = frozenset({IO_ERROR.name, INTERNAL_ERROR.name})


class SettingsError(ValueError):
    """A selector or option that names nothing, or a value of the wrong type."""


@dataclass(frozen=True)
class Settings:
    today: dt.date = field(default_factory=dt.date.today)
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    options: Mapping[str, Any] = field(default_factory=dict)
    max_file_size: int = DEFAULT_MAX_FILE_SIZE


@dataclass(frozen=True)
class Target:
    """A path to lint, as given or found, and how to show it."""

    path: Path
    display: str
    problem: str | None = None  # why it cannot be linted, when known up front


def display_path(path: Path) -> str:
    """The path relative to the working directory where it is below it, with '/'."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def is_manifest_name(name: str) -> bool:
    return name.endswith(MANIFEST_SUFFIXES)


def discover(paths: Sequence[str | Path]) -> list[Target]:
    """Files to lint: files as given, and every manifest below each directory, sorted."""
    targets: dict[str, Target] = {}
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                targets.setdefault(display_path(found), Target(found, display_path(found)))
        elif path.exists():
            targets.setdefault(display_path(path), Target(path, display_path(path)))
        else:
            shown = Path(given).as_posix()
            problem = "broken symbolic link" if path.is_symlink() else "path does not exist"
            targets.setdefault(shown, Target(path, shown, problem))
    return [targets[key] for key in sorted(targets)]


def _walk(root: Path) -> Iterator[Path]:
    # followlinks=False: a link to a parent directory cannot loop.
    for directory, subdirectories, filenames in os.walk(root, followlinks=False):
        subdirectories[:] = sorted(
            name for name in subdirectories if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
        )
        for name in sorted(filenames):
            if is_manifest_name(name):
                yield Path(directory, name)


class Linter:
    """Runs the selected rules over manifests."""

    def __init__(self, rules: Iterable[Rule], settings: Settings):
        self.rules = list(rules)
        self.settings = settings
        self.checks = [rule for rule in self.rules if rule.check is not None and self._selected(rule)]
        self.context = Context(today=settings.today, options=self._options())

    def _selected(self, rule: Rule) -> bool:
        chosen = not self.settings.select or any(rule.matches(s) for s in self.settings.select)
        return chosen and not any(rule.matches(s) for s in self.settings.ignore)

    def _options(self) -> dict[str, Any]:
        declared = {name: option for rule in self.rules for name, option in rule.options.items()}
        unknown = sorted(set(self.settings.options) - set(declared))
        if unknown:
            raise SettingsError(f"unknown option {unknown[0]!r}; known options: {', '.join(sorted(declared)) or 'none'}")
        values = {}
        for name, option in declared.items():
            raw = self.settings.options.get(name, option.default)
            try:
                values[name] = option.parse(raw)
            except (TypeError, ValueError) as error:
                raise SettingsError(f"option {name!r}: {error}") from None
        return values

    # -- one file ----------------------------------------------------------

    def lint(self, target: Target) -> list[Finding]:
        if target.problem:
            return [_finding(target.display, IO_ERROR, 1, 1, target.problem)]
        try:
            text = read_text(target.path, self.settings.max_file_size)
        except LoadError as error:
            rule = IO_ERROR if isinstance(error, FileTooLarge) else YAML_SYNTAX
            return [_finding(target.display, rule, p.line, p.column, p.message, hint=p.hint) for p in error.problems]
        except IsADirectoryError:
            return [_finding(target.display, IO_ERROR, 1, 1, "is a directory, not a file")]
        except OSError as error:
            return [_finding(target.display, IO_ERROR, 1, 1, f"cannot read file: {error.strerror or error}")]
        return self.lint_text(text, target.display)

    def lint_text(self, text: str, display: str) -> list[Finding]:
        try:
            document = load_document(text)
        except LoadError as error:
            return sorted(
                (_finding(display, YAML_SYNTAX, p.line, p.column, p.message, hint=p.hint) for p in error.problems),
                key=lambda finding: finding.sort_key,
            )
        findings = [self._locate(display, document, INVALID_MANIFEST, p) for p in schema_problems(document.data)]
        if not findings:
            findings = self._check(display, document)
        return sorted(findings, key=lambda finding: finding.sort_key)

    def _check(self, display: str, document: Document) -> list[Finding]:
        try:
            manifest = Manifest.model_validate(document.data)
        except ValidationError as error:  # the schema and the models disagree: still say where
            return [
                self._locate(display, document, INVALID_MANIFEST, Problem(_pointer(e["loc"]), e["msg"]))
                for e in error.errors()
            ]
        findings = []
        for rule in self.checks:
            try:
                findings.extend(self._locate(display, document, rule, p) for p in rule.check(manifest, self.context))
            except Exception as error:  # a failing check must not take the others down
                message = f"check {rule.name!r} failed: {type(error).__name__}: {error}"
                findings.append(_finding(display, INTERNAL_ERROR, 1, 1, message, hint="please report this with the manifest"))
        return findings

    @staticmethod
    def _locate(display: str, document: Document, rule: Rule, problem: Problem) -> Finding:
        line, column = document.locate(problem.pointer)
        return _finding(display, rule, line, column, problem.message, problem.pointer, problem.hint)


def _finding(
    file: str, rule: Rule, line: int, column: int, message: str, pointer: str = "", hint: str | None = None
) -> Finding:
    return Finding(file, line, column, rule.code, rule.name, rule.severity, message, pointer, hint)


def _pointer(location: Iterable[Any]) -> str:
    return "".join(f"/{part}" for part in location)


@dataclass(frozen=True)
class Summary:
    files: int
    counts: Mapping[Severity, int]

    @classmethod
    def of(cls, findings: Sequence[Finding], files: int) -> Summary:
        counts = {severity: 0 for severity in Severity}
        for finding in findings:
            counts[finding.severity] += 1
        return cls(files, counts)

    @property
    def total(self) -> int:
        return sum(self.counts.values())


def exit_code(findings: Iterable[Finding], exit_zero: bool = False) -> int:
    """0 clean, 1 findings at error or warning level, 2 when a file could not be read or a check failed."""
    findings = list(findings)
    if any(finding.rule in ENGINE_FAILURES for finding in findings):
        return 2
    if exit_zero:
        return 0
    return 1 if any(finding.severity is not Severity.info for finding in findings) else 0
