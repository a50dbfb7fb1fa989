"""What a rule is, what a check yields, and what a finding reports.

A check is a module with its identity in a few constants and one generator::

    CODE = "PL101"
    NAME = "missing-legal-basis"
    SEVERITY = "error"
    ARTICLE = "Art. 13(1)(c)"
    SUMMARY = "A purpose has no legal basis"
    OPTIONS = {}                       # optional: name -> Option

    def check(manifest, context):      # yields Problem
        ...

Its docstring is the rule's documentation, in the shape of ruff's: *What it
does*, *Why it matters*, *Example*, *Use instead*. ``privlint explain``, the
generated rule pages and the help in CI annotations all print that text.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any

from privlint.model.types import Duration


class Severity(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class Problem:
    """What a check yields: a JSON Pointer into the manifest and what is wrong there."""

    pointer: str
    message: str
    hint: str | None = None


_OPTION_PARSERS: dict[str, Callable[[Any], Any]] = {
    "duration": Duration.parse,
    "int": int,
    "str": str,
    "bool": bool,
}


@dataclass(frozen=True)
class Option:
    """A setting a check declares, with its type and default."""

    kind: str  # one of _OPTION_PARSERS
    default: Any
    help: str

    def parse(self, value: Any) -> Any:
        if self.kind == "int" and (isinstance(value, bool) or not isinstance(value, (int, str))):
            raise ValueError(f"expected a whole number, got {value!r}")
        if self.kind == "bool" and not isinstance(value, bool):
            raise ValueError(f"expected true or false, got {value!r}")
        return _OPTION_PARSERS[self.kind](value)


def _no_previous_version() -> Any:
    return None


@dataclass(frozen=True)
class Context:
    """What a check knows besides the manifest.

    ``previous_version()`` returns the plain data of the same manifest as it was
    in git (``HEAD``, or ``--diff-base``), or None: outside a repository, for a
    new file, or when that version cannot be read. It runs git only when called.
    """

    today: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)
    previous_version: Callable[[], Any] = _no_previous_version

    def option(self, name: str) -> Any:
        return self.options[name]


Check = Callable[[Any, Context], Iterator[Problem]]


@dataclass(frozen=True)
class Rule:
    """A rule's identity and documentation, and the check that enforces it, if any.

    Rules without a check are reported by the engine itself (``yaml-syntax``,
    ``invalid-manifest``, ...).
    """

    code: str
    name: str
    severity: Severity
    article: str
    summary: str
    doc: str
    check: Check | None = None
    options: Mapping[str, Option] = field(default_factory=dict)
    origin: str = "privlint"

    @classmethod
    def from_module(cls, module: types.ModuleType) -> Rule:
        """Build a rule from a check module's constants, docstring and ``check``."""
        missing = [name for name in ("CODE", "NAME", "SEVERITY", "ARTICLE", "SUMMARY", "check") if not hasattr(module, name)]
        if missing:
            raise TypeError(f"check module {module.__name__} lacks {', '.join(missing)}")
        return cls(
            code=module.CODE,
            name=module.NAME,
            severity=Severity(module.SEVERITY),
            article=module.ARTICLE,
            summary=module.SUMMARY,
            doc=inspect.cleandoc(module.__doc__ or ""),
            check=module.check,
            options=dict(getattr(module, "OPTIONS", {})),
            origin=module.__name__,
        )

    def matches(self, selector: str) -> bool:
        """Whether ``--select``/``--ignore`` text names this rule: by name, code or code prefix."""
        selector = selector.strip()
        return selector == self.name or self.code.startswith(selector.upper()) or selector.upper() == "ALL"


@dataclass(frozen=True)
class Finding:
    """One located problem in one file."""

    file: str
    line: int
    column: int
    code: str
    rule: str
    severity: Severity
    message: str
    pointer: str = ""
    hint: str | None = None
    fingerprint: str = ""  # stable across moved lines: see privlint.suppress.fingerprints

    @property
    def sort_key(self) -> tuple[Any, ...]:
        return (self.file, self.line, self.column, self.code, self.pointer, self.message)

    def with_fingerprint(self, fingerprint: str) -> Finding:
        """``dataclasses.replace(self, fingerprint=...)``: the fields copied straight into the new
        finding, five times as fast as the frozen dataclass's ``__init__`` (a large run makes a
        hundred thousand findings)."""
        finding = object.__new__(Finding)
        finding.__dict__.update(self.__dict__, fingerprint=fingerprint)
        return finding
