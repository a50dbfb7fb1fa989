"""Reporters turn findings into output; they never decide what is a finding.

Each reporter module ``privlint.report.<format>`` has
``render(findings, summary, rules, *, color=False) -> str``, where ``rules`` are
the rules that ran (with their effective severity) and ``summary`` is a
:class:`privlint.run.linter.Summary`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from importlib import import_module
from types import ModuleType
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from privlint.rules import Finding, Rule
    from privlint.run.linter import Summary

FORMATS = ("text", "json", "github", "sarif", "gitlab", "junit", "markdown", "html")


class Reporter(Protocol):
    def __call__(self, findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> str: ...


class ChunkedReporter(Protocol):
    def __call__(self, findings: Sequence[Finding], summary: Summary, rules: Sequence[Rule], *, color: bool = False) -> Iterable[str]: ...


def _module(name: str) -> ModuleType:
    if name not in FORMATS:
        raise ValueError(f"unknown format {name!r}")
    return import_module(f"privlint.report.{name}")


def reporter(name: str) -> Reporter:
    render: Reporter = _module(name).render
    return render


def chunked_reporter(name: str) -> ChunkedReporter:
    """The report in pieces, from reporters that can write it so (``render_chunks``); else in one piece."""
    module = _module(name)
    chunks: ChunkedReporter | None = getattr(module, "render_chunks", None)
    if chunks is not None:
        return chunks
    return lambda findings, summary, rules, *, color=False: [module.render(findings, summary, rules, color=color)]
