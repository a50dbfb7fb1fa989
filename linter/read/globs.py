"""Gitignore patterns (``include``, ``exclude``, ``per-file-ignores``, ``.gitignore`` files), matched in linear time.

The patterns mean exactly what they mean in a ``.gitignore`` file (gitignore(5)):

- a pattern without a ``/`` (other than a trailing one) matches a name at any depth
  (``drafts``, ``*.privacy.yaml``); one with a ``/`` matches from the base directory
  (``legal/old/*.yaml``, ``/top.privacy.yaml``);
- ``*`` and ``?`` stay within one name, ``[a-z]``/``[!a-z]``/``[[:digit:]]`` are sets,
  ``**/`` spans any directories (``**/x``, ``a/**/b``), a trailing ``/**`` everything inside;
- a trailing ``/`` matches directories only (``build/``);
- ``!`` negates (``!keep.privacy.yaml``): the last pattern that matches decides;
- ``\\`` escapes the next character (``\\!``, ``\\#``, ``\\*``, a trailing ``\\ ``);
  blank lines and lines starting with ``#`` are nothing.

A path is matched if it, or a directory above it, is: nothing below a matching
directory can be brought back with ``!`` (as in git, ``build/`` then ``!build/keep``
leaves ``build/keep`` ignored; write ``build/*`` to allow it).

Matching is linear in the length of the path for every pattern. A glob translated
to a backtracking regular expression the usual way (fnmatch, pathspec) takes time
that grows with the path length to the power of the number of stars: pathspec
needs 1.1 s for ``*a*a*a*a*a*a*a*a*b`` against thirty ``a``, minutes for fifty
(benchmarks/globs.py). Here each piece between two stars is matched at its
leftmost occurrence and never tried again (an atomic group, written as a
lookahead and a back-reference, which Python matches without backtracking into):
for globs the leftmost occurrence is always the right one, because every piece
between stars matches a fixed number of characters (or, for ``**``, of whole
names). All the patterns of one list are compiled once into one expression.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

_POSIX_CLASSES = {
    "alnum": "a-zA-Z0-9", "alpha": "a-zA-Z", "blank": " \\t", "cntrl": "\\x00-\\x1f\\x7f",
    "digit": "0-9", "graph": "!-~", "lower": "a-z", "print": " -~", "punct": "!-/:-@\\[-`{-~",
    "space": " \\t\\n\\r\\f\\v", "upper": "A-Z", "xdigit": "0-9A-Fa-f",
}
_STAR = object()  # a token: any run of characters within a name
_GLOBSTAR = "**"  # a segment: any number of whole names
_NAME = "[^/]+"  # one whole name
_NAMES = "[^/]+(?:/[^/]+)*"  # one or more whole names


class _NeverMatches(ValueError):
    """A pattern git would never match (an unclosed or unknown ``[...]``)."""


@dataclass(frozen=True)
class Pattern:
    """One line of a pattern list, parsed."""

    text: str  # as written
    negated: bool
    directory_only: bool
    regex: str | None  # None: matches nothing (git discards a malformed bracket expression)
    first_name: str | None = None  # the literal first name of an anchored pattern (legal in legal/**)
    last_tail: str = ""  # literal text every matching path ends with (.privacy.yaml in **/*.privacy.yaml)


def parse(line: str) -> Pattern | None:
    """The pattern one line means, or None for a blank line or a comment."""
    text = line
    line = line.rstrip("\r\n")
    line = _strip_trailing_spaces(line)
    if not line or line.startswith("#"):
        return None
    negated = line.startswith("!")
    if negated:
        line = line[1:]
    directory_only = line.endswith("/") and not line.endswith("\\/")
    line = line.rstrip("/") if directory_only else line
    if not line:
        return None  # "/" or "!/" alone: git matches nothing with it
    anchored = "/" in line
    segments = [segment for segment in line.lstrip("/").split("/") if segment]
    if not anchored:
        segments.insert(0, _GLOBSTAR)
    segments = [s for i, s in enumerate(segments) if not (s == _GLOBSTAR and i and segments[i - 1] == _GLOBSTAR)]
    try:
        regex = _translate(segments) + ("/" if directory_only else "/?")
    except _NeverMatches:
        regex = None
    first_name = _literal(segments[0]) if segments[0] != _GLOBSTAR else None
    last_tail = _literal_tail(segments[-1]) if segments[-1] != _GLOBSTAR and not directory_only else ""
    return Pattern(text, negated, directory_only, regex, first_name, last_tail)


def _literal(glob: str) -> str | None:
    """The name ``glob`` matches if it has no wildcard, unescaped; else None."""
    if _WILDCARD.search(glob.replace("\\\\", "")):
        return None
    return re.sub(r"\\(.)", r"\1", glob)


def _literal_tail(glob: str) -> str:
    """The literal text after the last wildcard of ``glob`` (what every matching name ends with)."""
    tail = ""
    index = len(glob)
    while index > 0:
        char = glob[index - 1]
        escaped = index >= 2 and glob[index - 2] == "\\" and not (index >= 3 and glob[index - 3] == "\\")
        if char in "*?]" and not escaped:
            break
        if escaped:
            tail = char + tail
            index -= 2
        else:
            tail = char + tail
            index -= 1
    return tail


_WILDCARD = re.compile(r"(?<!\\)[*?[]")


def _strip_trailing_spaces(line: str) -> str:
    """Trailing spaces do not count, unless the last one is escaped with a backslash."""
    stripped = line.rstrip(" ")
    if stripped != line and stripped.endswith("\\") and not _escaped_backslash_at_end(stripped):
        return stripped + " "
    return stripped


def _escaped_backslash_at_end(text: str) -> bool:
    trailing = len(text) - len(text.rstrip("\\"))
    return trailing % 2 == 0


class _Names:
    """Unique names for the groups of one compiled list."""

    def __init__(self) -> None:
        self._counter = itertools.count()

    def __call__(self) -> str:
        return f"a{next(self._counter)}"


def _atomic(body: str, names: _Names) -> str:
    """``body`` matched once, at its first way of matching, never retried: ``(?>body)``, which
    Python before 3.11 lacks, as a lookahead (never backtracked into) and a back-reference."""
    name = names()
    return f"(?=(?P<{name}>{body}))(?P={name})"


def _translate(segments: Sequence[str]) -> str:
    """A regex, with ``{atomic}`` placeholders, matching the names ``segments`` match."""
    pieces: list[list[str]] = [[]]  # runs of segments between ** segments
    for segment in segments:
        if segment == _GLOBSTAR:
            pieces.append([])
        else:
            pieces[-1].append(_segment(segment))
    if len(pieces) == 1:
        return "/".join(pieces[0])
    first, *middle, last = ("/".join(piece) for piece in pieces)
    out = first + "/" if first else ""
    for piece in middle:
        if piece:  # the leftmost place the piece fits leaves the most for what follows
            out += "\x00" + f"(?:{_NAME}/)*?{piece}/" + "\x01"
    if last:
        out += f"(?:{_NAME}/)*{last}"
    elif out:
        out += _NAMES  # a trailing /**: one or more names inside
    else:
        out = _NAMES  # ** alone: everything
    return out


def _segment(glob: str) -> str:
    """One name: pieces of fixed length, separated by stars."""
    tokens = _tokens(glob)
    pieces: list[list[str]] = [[]]
    for token in tokens:
        if token is _STAR:
            if pieces[-1] or len(pieces) == 1:
                pieces.append([])
        else:
            assert isinstance(token, str)
            pieces[-1].append(token)
    if len(pieces) == 1:
        return "".join(pieces[0])
    first, *middle, last = ("".join(piece) for piece in pieces)
    out = first or "(?=[^/])"  # a name is never empty, even for "*"
    for piece in middle:
        out += "\x00" + f"[^/]*?{piece}" + "\x01"
    return out + f"[^/]*{last}(?![^/])"


def _tokens(glob: str) -> list[object]:
    """Literal characters and sets as regex text, and stars."""
    tokens: list[object] = []
    index = 0
    while index < len(glob):
        char = glob[index]
        if char == "\\":
            if index + 1 == len(glob):
                raise _NeverMatches(glob)  # a lone backslash at the end: git's wildmatch matches nothing
            tokens.append(re.escape(glob[index + 1]))
            index += 2
            continue
        if char == "*":
            if not tokens or tokens[-1] is not _STAR:
                tokens.append(_STAR)
        elif char == "?":
            tokens.append("[^/]")
        elif char == "[":
            token, index = _bracket(glob, index)
            tokens.append(token)
            continue
        else:
            tokens.append(re.escape(char))
        index += 1
    return tokens


def _bracket(glob: str, start: int) -> tuple[str, int]:
    """A ``[...]`` set starting at ``start``: its regex and the index after it (git's wildmatch rules)."""
    index = start + 1
    negate = index < len(glob) and glob[index] in "!^"
    index += negate
    members: list[str] = []
    first = True
    while index < len(glob) and (glob[index] != "]" or first):
        first = False
        if glob.startswith("[:", index):
            end = glob.find(":]", index + 2)
            if end < 0 or glob[index + 2 : end] not in _POSIX_CLASSES:
                raise _NeverMatches(glob)
            members.append(_POSIX_CLASSES[glob[index + 2 : end]])
            index = end + 2
            continue
        low, index = _bracket_char(glob, index)
        if glob.startswith("-", index) and index + 1 < len(glob) and glob[index + 1] != "]":
            high, index = _bracket_char(glob, index + 1)
            # a reversed range adds nothing but its first character, as in git's wildmatch
            members.append(f"{re.escape(low)}-{re.escape(high)}" if low <= high else re.escape(low))
            continue
        members.append(re.escape(low))
    if index >= len(glob):
        raise _NeverMatches(glob)  # no closing bracket
    body = "".join(members)
    if negate:
        return f"[^/{body}]", index + 1
    return (f"(?!/)[{body}]" if body else "(?!)"), index + 1  # a set never matches the '/' between names


def _bracket_char(glob: str, index: int) -> tuple[str, int]:
    if glob[index] == "\\" and index + 1 < len(glob):
        return glob[index + 1], index + 2
    return glob[index], index + 1


def _finish(regex: str, names: _Names) -> str:
    """Turn the marked atomic parts into lookahead-and-back-reference groups, innermost first."""
    while "\x00" in regex:
        start = regex.rindex("\x00")
        end = regex.index("\x01", start)
        regex = regex[:start] + _atomic(regex[start + 1 : end], names) + regex[end + 1 :]
    return regex


class PatternList:
    """A list of gitignore patterns, compiled once.

    ``decides(path, is_dir)`` is what the last matching pattern says about the path
    itself: True (matched), False (matched by a ``!`` pattern), None (no pattern).
    ``matches(path)`` applies that to the path and every directory above it.
    Paths are relative to the list's base directory, written with ``/``.

    Most patterns need not be tried on most paths: a plain name (``drafts``,
    ``node_modules/``) is a lookup; an anchored pattern is tried only on paths that
    start with its first name (``legal/**``), one whose last name ends in literal text
    only on paths that end with it (``*.privacy.yaml``). Each such bucket, and the
    patterns left over, is one regular expression; only when it matches are its
    patterns tried one by one, last first, to find the one that decides.
    """

    def __init__(self, lines: Iterable[str]):
        self.patterns = [pattern for pattern in map(parse, lines) if pattern is not None]
        names = _Names()
        self._names: dict[str, tuple[int, bool]] = {}  # a plain name at any depth -> (last index, negated)
        self._directory_names: dict[str, tuple[int, bool]] = {}  # the same, directories only
        by_first: dict[str, list[_Entry]] = {}
        by_tail: dict[tuple[int, str], list[_Entry]] = {}
        rest: list[_Entry] = []
        for index, pattern in enumerate(self.patterns):
            if pattern.regex is None:
                continue
            name = _plain_name(pattern)
            if name is not None:
                (self._directory_names if pattern.directory_only else self._names)[name] = (index, pattern.negated)
                continue
            entry = _Entry(index, pattern.negated, f"(?:{_finish(pattern.regex, names)})")
            if pattern.first_name is not None:
                by_first.setdefault(pattern.first_name, []).append(entry)
            elif len(pattern.last_tail) >= 2:
                by_tail.setdefault((len(pattern.last_tail), pattern.last_tail), []).append(entry)
            else:
                rest.append(entry)
        self._by_first = {key: _Bucket(entries) for key, entries in by_first.items()}
        self._by_tail = {key: _Bucket(entries) for key, entries in by_tail.items()}
        self._tail_lengths = sorted({length for length, _ in by_tail})
        self._rest = _Bucket(rest) if rest else None
        self._empty = not (self._names or self._directory_names or by_first or by_tail or rest)

    def __bool__(self) -> bool:
        return not self._empty

    def decides(self, path: str, is_dir: bool = False) -> bool | None:
        if self._empty:
            return None
        path = path.lstrip("/")  # a path outside the base (absolute): anchored patterns cannot match it
        name = path.rpartition("/")[2]
        found = [self._names.get(name)]
        if is_dir:
            found.append(self._directory_names.get(name))
        candidate = path + "/" if is_dir else path
        buckets = [self._by_first.get(path.partition("/")[0]), self._rest]
        buckets += [self._by_tail.get((length, path[-length:])) for length in self._tail_lengths]
        found += [bucket.last_match(candidate) for bucket in buckets if bucket is not None]
        decided = max((match for match in found if match is not None), default=None)
        return None if decided is None else not decided[1]

    def matches(self, path: str, is_dir: bool = False) -> bool:
        """Whether the path, or a directory above it, is matched (and not negated)."""
        if self._empty:
            return False
        parts = path.lstrip("/").split("/")
        for depth in range(1, len(parts)):
            if self.decides("/".join(parts[:depth]), is_dir=True):
                return True
        return bool(self.decides(path, is_dir))


@dataclass(frozen=True)
class _Entry:
    index: int
    negated: bool
    expression: str


class _Bucket:
    """Patterns tried together: one expression says whether any matches, then the last that does is found."""

    def __init__(self, entries: Sequence[_Entry]):
        self.entries = sorted(entries, key=lambda entry: -entry.index)
        self.any = re.compile("|".join(entry.expression for entry in self.entries), re.DOTALL)
        self._each: list[re.Pattern[str] | None] = [None] * len(self.entries)

    def last_match(self, candidate: str) -> tuple[int, bool] | None:
        if self.any.fullmatch(candidate) is None:
            return None
        if len(self.entries) == 1:
            return self.entries[0].index, self.entries[0].negated
        for position, entry in enumerate(self.entries):
            expression = self._each[position]
            if expression is None:
                expression = self._each[position] = re.compile(entry.expression, re.DOTALL)
            if expression.fullmatch(candidate):
                return entry.index, entry.negated
        return None  # pragma: no cover - the combined expression matched, so one of its parts does


def _plain_name(pattern: Pattern) -> str | None:
    """The name a pattern such as ``drafts`` or ``drafts/`` matches at any depth, if it is that simple."""
    text = _strip_trailing_spaces(pattern.text.rstrip("\r\n")).removeprefix("!").rstrip("/")
    if "/" in text or any(char in text for char in "*?[\\") or not text:
        return None
    return text


@lru_cache(maxsize=64)
def compiled(patterns: tuple[str, ...]) -> PatternList:
    """The compiled list for these patterns, compiled once per run however often it is asked for."""
    return PatternList(patterns)


def matches(path: str, pattern: str) -> bool:
    """Whether ``path`` (relative to the base, '/'-separated) or a directory above it matches one pattern."""
    return compiled((pattern,)).matches(path)


def matches_any(path: str, patterns: Sequence[str]) -> bool:
    """Whether the gitignore list ``patterns`` matches ``path`` or a directory above it."""
    return compiled(tuple(patterns)).matches(path)
