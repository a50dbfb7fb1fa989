"""Finding every rule: the engine's own and the checks registered as entry points.

Built-in checks are registered in privlint's own ``pyproject.toml`` under the
entry-point group ``privlint.checks``, exactly as a third-party package adds
its checks: each entry point names a check module.
"""

from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import entry_points
from types import ModuleType

from privlint.rules import Rule
from privlint.rules.engine import ENGINE_RULES

ENTRY_POINT_GROUP = "privlint.checks"


class RegistryError(Exception):
    """A check could not be loaded, or two rules claim the same identity."""


def load_rules(extra_modules: Iterable[ModuleType] = ()) -> list[Rule]:
    """All rules, sorted by code: engine rules, then every registered check."""
    rules = list(ENGINE_RULES)
    for entry_point in sorted(entry_points(group=ENTRY_POINT_GROUP), key=lambda ep: ep.name):
        try:
            module = entry_point.load()
            rules.append(Rule.from_module(module))
        except Exception as error:  # a broken plugin must not hide the reason
            raise RegistryError(f"cannot load check {entry_point.name!r} ({entry_point.value}): {error}") from error
    rules.extend(Rule.from_module(module) for module in extra_modules)
    _ensure_unique(rules)
    return sorted(rules, key=lambda rule: rule.code)


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
