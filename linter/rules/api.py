"""What a rule is, what a check yields, and what a finding reports.

A check is a module: its docstring is the rule's documentation, its identity is
one ``RuleInfo`` declared after the imports, and its logic is one generator::

    \"\"\"## What it does ... ## Why it matters ... ## Example ... ## Use instead ...\"\"\"

    from __future__ import annotations

    from collections.abc import Iterator
    from typing import TYPE_CHECKING

    from privlint.rules import Context, Problem, RuleInfo

    if TYPE_CHECKING:
        from privlint.model.manifest import Manifest

    RULE = RuleInfo(
        code="PL101",
        name="missing-legal-basis",
        severity="error",
        article="Art. 13(1)(c)",
        summary="A purpose has no legal basis",
        reads=("purposes[].legal_bases", "general_legal_bases"),
    )


    def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
        for index, purpose in enumerate(manifest.purposes):
            if not purpose.legal_bases:
                yield Problem(("purposes", index), "...", hint="...")

The docstring follows ruff's rule pages (*What it does*, *Why it matters*,
*Example*, *Use instead*); ``privlint explain``, ``docs/rules.md`` and the help
in CI annotations all print it.
"""

from __future__ import annotations

import datetime as dt
import enum
import inspect
import types
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Protocol

from privlint.model.types import Duration
from privlint.parse.pointers import NodePath, PathPart, pointer_to
from privlint.read.related import RelatedFileError

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest


class Severity(str, enum.Enum):
    error = "error"
    warning = "warning"
    info = "info"


@dataclass(frozen=True)
class Edit:
    """Replace the scalar at ``path`` with ``value``, written in the scalar's own quoting style."""

    path: NodePath
    value: str


@dataclass(frozen=True)
class Fix:
    """What ``privlint --fix`` may change for a problem without asking anyone: edits to the
    manifest's text, applied in place so that everything else stays byte for byte."""

    description: str
    edits: tuple[Edit, ...]


@dataclass(frozen=True)
class Problem:
    """What a check yields: the node it is about, as a path from the top, and what is wrong there.

    Point at the node that is wrong or, for something missing, at the mapping it belongs in:
    ``("purposes", 3)`` for a purpose without a legal basis, ``("statement",)`` for a missing
    ``last_changed``. The path becomes the finding's JSON Pointer and its fingerprint.
    """

    path: NodePath
    message: str
    hint: str | None = None
    fix: Fix | None = None  # only for a rule that declares fixable=True

    @property
    def pointer(self) -> str:
        return pointer_to(self.path)


def nearest(model: Any, *path: PathPart) -> NodePath:
    """The longest beginning of ``path`` that the manifest writes out, for pointing at what is missing.

    ``nearest(manifest, "statement", "last_changed")`` is ``("statement",)`` when the manifest has
    a ``statement`` without ``last_changed``, and ``()`` when it has no ``statement`` at all.
    """
    found: list[PathPart] = []
    node = model
    for part in path:
        if isinstance(part, int):
            if not isinstance(node, (list, tuple)) or not 0 <= part < len(node):
                break
            node = node[part]
        elif part in getattr(node, "model_fields_set", ()):
            node = getattr(node, part)
        else:
            break
        found.append(part)
    return tuple(found)


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


def _no_related_file(name: str) -> str:
    raise RelatedFileError(f"{name!r} cannot be read: the manifest was not read from a file")


@dataclass(frozen=True)
class Context:
    """What a check knows besides the manifest.

    ``options`` are the running rule's own options (parsed). ``previous_version()`` returns
    the plain data of the same manifest as it was in git (``HEAD``, or ``--diff-base``), or
    None: outside a repository, for a new file, or when that version cannot be read. It runs
    git only when called. ``related_file(name)`` returns the text of a file the manifest names
    (``statement.text``), relative to the manifest and inside the project, or raises
    ``RelatedFileError`` saying why it cannot be read.
    """

    today: dt.date
    options: Mapping[str, Any] = field(default_factory=dict)
    previous_version: Callable[[], Any] = _no_previous_version
    related_file: Callable[[str], str] = _no_related_file

    def option(self, name: str) -> Any:
        return self.options[name]


class Check(Protocol):
    def __call__(self, manifest: Manifest, context: Context, /) -> Iterator[Problem]: ...


@dataclass(frozen=True)
class RuleInfo:
    """A rule's identity, declared once in its check module as ``RULE``.

    ``reads`` lists the manifest fields the check reads (``purposes[].retention``), for its
    documentation; ``options`` the settings it takes, by name. ``fixable``: some of its
    problems carry a :class:`Fix` that ``privlint --fix`` applies.
    """

    code: str
    name: str
    severity: str
    article: str
    summary: str
    reads: tuple[str, ...] = ()
    options: Mapping[str, Option] = field(default_factory=dict)
    fixable: bool = False


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
    reads: tuple[str, ...] = ()
    fixable: bool = False

    @classmethod
    def from_module(cls, module: types.ModuleType) -> Rule:
        """The rule a check module declares: its ``RULE``, its docstring and its ``check``."""
        info = getattr(module, "RULE", None)
        if not isinstance(info, RuleInfo):
            raise TypeError(f"check module {module.__name__} declares no RULE = RuleInfo(...)")
        check = getattr(module, "check", None)
        if not callable(check):
            raise TypeError(f"check module {module.__name__} has no check(manifest, context) function")
        return cls(
            code=info.code,
            name=info.name,
            severity=Severity(info.severity),
            article=info.article,
            summary=info.summary,
            doc=inspect.cleandoc(module.__doc__ or ""),
            check=check,
            options=dict(info.options),
            origin=module.__name__,
            reads=tuple(info.reads),
            fixable=info.fixable,
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
        return replace(self, fingerprint=fingerprint)
