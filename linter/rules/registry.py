"""Finding every rule: the engine's own and the checks registered as entry points.

Built-in checks are registered in privlint's own ``pyproject.toml`` under the
entry-point group ``privlint.checks``, exactly as a third-party package adds
its checks: each entry point names a check module.

A plugin that cannot be loaded (it raises anything at import, even ``SystemExit``,
or declares no rule) is a :class:`RegistryError` for the commands that describe
rules. For linting, ``contain_failures=True`` turns it into a stand-in rule whose
check fails on every file, so that the run reports an ``internal-error`` naming
the plugin in every format and exits with 2.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points
from types import ModuleType
from typing import Any

from privlint.rules import Rule, Severity
from privlint.rules.containment import describe, is_contained
from privlint.rules.engine import ENGINE_RULES

ENTRY_POINT_GROUP = "privlint.checks"


class RegistryError(Exception):
    """A check could not be loaded, or two rules claim the same identity."""


class PluginNotLoaded(Exception):
    """What a stand-in for a plugin that could not be loaded raises on every file."""


class _NotLoaded:
    """The check of a plugin that could not be loaded (a class, not a closure: worker processes pickle it)."""

    def __init__(self, message: str):
        self.message = message

    def __call__(self, manifest: Any, context: Any) -> Any:
        raise PluginNotLoaded(self.message)


def load_rules(extra_modules: Iterable[ModuleType] = (), contain_failures: bool = False) -> list[Rule]:
    """All rules, sorted by code: engine rules, then every registered check."""
    rules = list(ENGINE_RULES)
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        try:
            module = entry_point.load()
            rules.append(Rule.from_module(module))
        except BaseException as error:  # a broken plugin must not end the run nor hide the reason
            if not is_contained(error):
                raise
            message = f"cannot load check {entry_point.name!r} ({entry_point.value}): {describe(error)}"
            if not contain_failures:
                raise RegistryError(message) from None
            rules.append(_stand_in(entry_point.name, entry_point.value, message))
    rules.extend(Rule.from_module(module) for module in extra_modules)
    _ensure_unique(rules)
    return sorted(rules, key=lambda rule: rule.code)


def _stand_in(name: str, value: str, message: str) -> Rule:
    return Rule(
        code=f"X-NOT-LOADED-{name.upper()}", name=name, severity=Severity.error, article="-",
        summary=f"The plugin check {name!r} could not be loaded", doc=message, check=_NotLoaded(message), origin=value,
    )


def _ensure_unique(rules: list[Rule]) -> None:
    seen: dict[str, Rule] = {}
    for rule in rules:
        for identity in (rule.code, rule.name):
            if identity in seen and seen[identity] is not rule:
                raise RegistryError(
                    f"{identity!r} is claimed by both {seen[identity].origin} and {rule.origin}"
                )
            seen[identity] = rule


def find_rule(rules: Iterable[Rule], name_or_code: str) -> Rule | None:
    wanted = name_or_code.strip()
    for rule in rules:
        if rule.name == wanted or rule.code == wanted.upper():
            return rule
    return None
