"""Which rules run, the way ruff decides it: layers of select, extend-select and ignore.

A selector is a rule's name, its code, a code prefix (``PL3``) or ``ALL``. The
configuration file is one layer and the command line another. A layer that
sets ``select`` starts afresh from it; a layer that does not carries the rules
enabled so far. Within a layer the most specific selector that matches a rule
decides (an exact code or name beats a longer prefix beats a shorter one beats
``ALL``); on a tie, ignore wins.

The engine's own rules that report unreadable or invalid files are always on.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from privlint.rules import Rule
from privlint.rules.engine import ALWAYS_ON

EXACT = 1000
NO_MATCH = -1
T = TypeVar("T")


@dataclass(frozen=True)
class RuleSelection:
    """One layer: ``select`` None means "carry on from the layer before"."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()


def specificity(rule: Rule, selector: str) -> int:
    """How precisely ``selector`` names ``rule``, or NO_MATCH."""
    selector = selector.strip()
    if not selector or not rule.matches(selector):
        return NO_MATCH
    if selector == rule.name or selector.upper() == rule.code:
        return EXACT
    if selector.upper() == "ALL":
        return 0
    return len(selector)


def best_match(rule: Rule, selectors: Iterable[str]) -> int:
    return max((specificity(rule, selector) for selector in selectors), default=NO_MATCH)


def is_always_on(rule: Rule) -> bool:
    return any(rule.code == engine_rule.code for engine_rule in ALWAYS_ON)


def enabled_rules(rules: Sequence[Rule], layers: Iterable[RuleSelection]) -> list[Rule]:
    """The rules that run, in the order given: every always-on rule, and the selected others."""
    selectable = [rule for rule in rules if not is_always_on(rule)]
    enabled = {rule.code for rule in selectable}  # by default: ALL
    for layer in layers:
        positive = (*(layer.select or ()), *layer.extend_select)
        carried = set() if layer.select is not None else enabled
        now = set()
        for rule in selectable:
            chosen, dropped = best_match(rule, positive), best_match(rule, layer.ignore)
            if chosen > dropped or (dropped == NO_MATCH and rule.code in carried):
                now.add(rule.code)
        enabled = now
    return [rule for rule in rules if is_always_on(rule) or rule.code in enabled]


def most_specific(rule: Rule, table: Mapping[str, T]) -> T | None:
    """The value of the selector in ``table`` that names ``rule`` most precisely."""
    ranked = [(specificity(rule, selector), index, value) for index, (selector, value) in enumerate(table.items())]
    matching = [entry for entry in ranked if entry[0] != NO_MATCH]
    if not matching:
        return None
    return max(matching, key=lambda entry: (entry[0], entry[1]))[2]

