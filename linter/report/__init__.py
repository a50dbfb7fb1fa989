"""Reporters turn findings into output; they never decide what is a finding.

Each reporter module ``privlint.report.<format>`` has
``render(findings, summary, rules, *, color=False) -> str``, where ``rules`` are
the rules that ran (with their effective severity) and ``summary`` is a
:class:`privlint.run.linter.Summary`.

A run writes its report as the files' results arrive, so that memory does not
grow with the number of files: :func:`open_stream` gives a :class:`ReportStream`
that takes each file's findings in turn (``add``) and then the summary
(``finish``). The text, JSON, GitHub and SARIF reporters write as they go (a
``Stream`` class in their module, on which their ``render`` is built); the
others are handed every finding at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from importlib import import_module
from itertools import groupby
from json import (
    dumps,  # (not `import json`: the submodule privlint.report.json takes that name)
)
from types import ModuleType
from typing import TYPE_CHECKING, Any, Protocol

from privlint.report.escape import undecodable

if TYPE_CHECKING:
    from privlint.rules import Finding, Rule
    from privlint.run.linter import Summary

FORMATS = ("text", "json", "github", "sarif", "gitlab", "junit", "markdown", "html")


class Reporter(Protocol):
    def __call__(self, findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str: ...


def _module(name: str) -> ModuleType:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return import_module(f"privlint.report.{name}")


def reporter(name: str) -> Reporter:
    render: Reporter = _module(name).render
    return render


Write = Callable[[str], object]


class ReportStream(Protocol):
    def add(self, findings: Sequence[Finding]) -> None:
        """One file's findings (in report order; files come in report order too)."""

    def finish(self, summary: Summary) -> None:
        """The end of the report."""


def open_stream(name: str, write: Write, rules: Sequence[Rule], *, color: bool = False) -> ReportStream:
    """A report in format ``name``, written through ``write`` as findings are added."""
    module = _module(name)
    stream: Callable[..., ReportStream] | None = getattr(module, "Stream", None)  # a class taking (write, rules, *, color)
    if stream is not None:
        return stream(write, rules, color=color)
    return _Collected(module.render, write, rules, color)


def render_through(
    stream: Callable[..., ReportStream], findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False
) -> str:
    """A streamed report as one string: ``render`` for the formats that stream."""
    pieces: list[str] = []
    writer = stream(pieces.append, rules, color=color)
    for _, group in groupby(findings, key=lambda finding: finding.file):
        writer.add(list(group))
    writer.finish(summary)
    return "".join(pieces)


class _Collected:
    """A format that needs every finding before it writes anything."""

    def __init__(self, render: Reporter, write: Write, rules: Sequence[Rule], color: bool) -> None:
        self.render, self.write, self.rules, self.color = render, write, rules, color
        self.findings: list[Finding] = []

    def add(self, findings: Sequence[Finding]) -> None:
        self.findings.extend(findings)

    def finish(self, summary: Summary) -> None:
        self.write(self.render(self.findings, summary, self.rules, color=self.color))


_ITEMS = "privlint: the list written in pieces"


def _dumps(value: Any) -> str:
    """``value`` as JSON in UTF-8 text; a lone surrogate (an undecodable byte of a file name) escaped."""
    return undecodable(dumps(value, indent=2, ensure_ascii=False))


class JsonList:
    """A JSON document, as ``dumps(document, indent=2, ensure_ascii=False)`` writes it, with one
    list in it written item by item: its place in the document is marked by ``JsonList.PLACE``."""

    PLACE = _ITEMS

    def __init__(self, write: Write, indent: int) -> None:
        self.write, self.pad, self.started = write, " " * indent, False

    def head(self, document: Any) -> None:
        """The document up to the list (the rest of it is not written)."""
        self.write(self._around(document)[0] + "[")

    def items(self, records: Iterable[Any]) -> None:
        pad = self.pad
        text = ",\n".join(pad + _dumps(record).replace("\n", "\n" + pad) for record in records)
        if text:
            self.write((",\n" if self.started else "\n") + text)
            self.started = True

    def tail(self, document: Any) -> None:
        """The document after the list (the part before it is not written)."""
        closing = f"\n{self.pad[2:]}]" if self.started else "]"
        self.write(closing + self._around(document)[1] + "\n")

    @staticmethod
    def _around(document: Any) -> tuple[str, str]:
        head, tail = _dumps(document).split(dumps(_ITEMS), 1)
        return head, tail
