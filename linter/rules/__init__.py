"""Rules: what a check is (privlint.rules.api, re-exported here for check authors), the engine's own
rules, the registry of every rule, rule selection, rule documentation, and the phrase and retention
helpers that checks share."""

from privlint.read.related import RelatedFileError
from privlint.rules.api import (
    Check,
    Context,
    Edit,
    Finding,
    Fix,
    Option,
    Problem,
    Rule,
    RuleInfo,
    Severity,
    nearest,
)

__all__ = [
    "Check", "Context", "Edit", "Finding", "Fix", "Option", "Problem", "RelatedFileError", "Rule", "RuleInfo", "Severity", "nearest",
]
