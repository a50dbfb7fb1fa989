"""Fingerprints: a finding's identity that survives edits elsewhere in the file.

A fingerprint is built from the file (relative to the project root), the rule,
and where in the manifest the finding is, never from a line number:

* the JSON Pointer, with each index into a list of items that have an ``id``
  replaced by that id, so ``/purposes/3`` reads ``/purposes/[newsletter]`` and
  inserting a purpose above it changes nothing;
* the value there, when it is a scalar, normalised (case and white space), so a
  finding about one value is not mistaken for one about the value that replaced it;
* for the engine's own rules, which mostly point at the top of the file, their
  message with numbers blanked (``duplicate key 'x' (first defined on line 3)``).

Findings that still come out identical in one file are numbered in file order.
The messages of checks are left out: they may mention today's date.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from typing import Any

from privlint.rules import Finding

SEPARATOR = "\x1f"
_DIGITS = re.compile(r"\d+")


def stable_pointer(data: Any, pointer: str) -> str:
    """The pointer, with list indices replaced by the item's id where it has one."""
    return _walk(data, pointer)[0]


def _walk(data: Any, pointer: str) -> tuple[str, Any]:
    """The stable pointer, and the value the pointer points at (None where there is none)."""
    if not pointer:
        return "", data
    node, parts = data, []
    for token in pointer[1:].split("/"):
        if isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
            identity = node.get("id") if isinstance(node, dict) else None
            parts.append(f"[{identity}]" if isinstance(identity, str) else token)
            continue
        parts.append(token)
        key = token.replace("~1", "/").replace("~0", "~")
        node = node.get(key) if isinstance(node, dict) else None
    return "/" + "/".join(parts), node


def normalise(value: Any) -> str:
    if isinstance(value, (dict, list)) or value is None:
        return ""
    return " ".join(str(value).split()).casefold()  # str.split and re's \s agree on what white space is


def _material(finding: Finding, key: str, data: Any, engine_rule: bool) -> str:
    pointer, value = _walk(data, finding.pointer)
    parts = [key, finding.rule, pointer, normalise(value)]
    if engine_rule:
        parts.append(_DIGITS.sub("#", finding.message))
    return SEPARATOR.join(parts)


def with_fingerprints(
    findings: Iterable[Finding], key: str, data: Any = None, engine_rules: frozenset[str] = frozenset()
) -> list[Finding]:
    """The findings of one file (in file order), each with its fingerprint.

    ``key`` is the file's path relative to the project root; ``data`` the parsed
    manifest, where there is one; ``engine_rules`` the names of rules whose
    message is part of the identity.
    """
    seen: Counter[str] = Counter()
    result = []
    for finding in findings:
        material = _material(finding, key, data, finding.rule in engine_rules)
        occurrence = seen[material]
        seen[material] += 1
        digest = hashlib.sha256(f"{material}{SEPARATOR}{occurrence}".encode("utf-8", "surrogateescape")).hexdigest()[:32]
        result.append(finding.with_fingerprint(digest))
    return result
