"""Glob patterns for ``include``, ``exclude`` and ``per-file-ignores``, as .gitignore reads them.

Paths are relative to the project root (the configuration file's directory),
written with '/'. A pattern without a '/' matches a file or directory name at
any depth (``drafts``, ``*.privacy.yaml``); one with a '/' matches from the root
(``legal/old/*.yaml``). ``*`` and ``?`` stay within one name, ``**`` spans
directories, ``[abc]`` is a set. An exclude pattern that matches a directory
excludes everything below it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache


@lru_cache(maxsize=256)
def _compile(pattern: str, below: bool) -> re.Pattern[str]:
    anchored = "/" in pattern.rstrip("/")
    body = _translate(pattern.strip("/"))
    prefix = "" if anchored else "(?:.*/)?"
    suffix = "(?:/.*)?" if below else ""
    return re.compile(f"{prefix}{body}{suffix}", re.DOTALL)


def _translate(pattern: str) -> str:
    out, index = [], 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            out.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            out.append(".*")
            index += 2
            continue
        if char == "*":
            out.append("[^/]*")
        elif char == "?":
            out.append("[^/]")
        elif char == "[" and "]" in pattern[index + 2 :]:
            end = pattern.index("]", index + 2)
            members = pattern[index + 1 : end]
            negate = members[:1] in ("!", "^")
            members = members[1:] if negate else members
            out.append(f"[{'^' if negate else ''}{re.escape(members).replace(chr(92) + '-', '-')}]")
            index = end
        else:
            out.append(re.escape(char))
        index += 1
    return "".join(out)


def matches(path: str, pattern: str, *, below: bool = False) -> bool:
    """Whether ``path`` (root-relative, '/'-separated) matches ``pattern``.

    With ``below``, a path under a matching directory matches too.
    """
    return _compile(pattern, below).fullmatch(path) is not None


def matches_any(path: str, patterns: Iterable[str], *, below: bool = False) -> bool:
    return any(matches(path, pattern, below=below) for pattern in patterns)
