"""``privlint --fix`` and ``--diff``: apply the fixes that checks attach to their problems.

A check whose ``RuleInfo`` says ``fixable=True`` may give a problem a
:class:`privlint.rules.Fix`: edits that replace a scalar at a node path (for now,
``unbumped-last-changed`` moving ``statement.last_changed`` to today). A new fix is
a new ``Fix`` yielded by a check; nothing here changes.

An edit is applied to the file's text, not to a re-dumped document: ruamel.yaml
composes the text (round-trip mode) to find where the scalar starts and ends, and only
those characters are replaced, in the scalar's own quoting style. Comments, key order,
quoting, flow mappings, line endings and everything else stay byte for byte. The result
is parsed again and must hold the same data but for the edited values, or the file is
left alone.

A file is fixed only when: it was linted without a YAML or manifest error (no check ran
otherwise, so nothing to fix); it is a regular file, not a symbolic link (a link is
never replaced, nor its target written through it); it is UTF-8; the value is written
where the path says (not reached through a merge key ``<<`` or shared with an anchor).
Only findings that are reported are fixed: not those suppressed by a comment or in the
baseline. The new text is written atomically beside the file and renamed over it, with
the file's permissions; a file that changed while privlint looked at it is left alone.
"""

from __future__ import annotations

import contextlib
import copy
import difflib
import json
import os
import secrets
import stat
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any

from privlint.read.discovery import Target
from privlint.rules import Edit, Fix
from privlint.rules.engine import ALWAYS_ON

_NOT_CHECKED = frozenset(rule.name for rule in ALWAYS_ON)
_UTF8_BOM = b"\xef\xbb\xbf"


class CannotFix(Exception):
    """Why a file is left as it is."""


@dataclass
class FixOutcome:
    """What --fix did, or --diff would do."""

    fixed: int = 0  # findings fixed
    files: list[str] = field(default_factory=list)  # files changed
    notes: list[str] = field(default_factory=list)  # files with fixes that were left alone, and why
    diff: str = ""

    @property
    def changed(self) -> bool:
        return bool(self.files)

    def describe(self, would: bool) -> str:
        verb = "would fix" if would else "fixed"
        files = f"{len(self.files)} file{'s' if len(self.files) != 1 else ''}"
        lines = [f"{verb} {self.fixed} finding{'s' if self.fixed != 1 else ''} in {files}"]
        lines += self.notes
        return "\nprivlint: ".join(lines)


def fix_files(linter: Any, targets: Sequence[Target], *, write: bool, baseline: Path | None = None) -> FixOutcome:
    """Lint ``targets`` collecting fixes, and apply those of reported findings (``write``) or show them."""
    linter.fixes, cache = [], linter.cache
    linter.cache = None  # the fixes come from the checks themselves, which a cached result skips
    try:
        results = [linter.lint_file(target) for target in targets]
        collected = list(linter.fixes)
    finally:
        linter.fixes, linter.cache = None, cache
    reported = _reported(targets, [finding for result in results for finding in result.findings], baseline)
    by_file: dict[str, list[Fix]] = {}
    for file, rule, pointer, fix in collected:
        if (file, rule, pointer) in reported:
            by_file.setdefault(file, []).append(fix)
    broken = {f.file for result in results for f in result.findings if f.rule in _NOT_CHECKED}
    outcome = FixOutcome()
    diffs = []
    for target in targets:
        fixes = by_file.get(target.display)
        if not fixes:
            continue
        if target.display in broken:
            outcome.notes.append(f"{target.display}: not fixed: it has YAML or manifest errors")
            continue
        try:
            before, after, original = _fixed_text(target, fixes)
            if after == before:
                continue
            if write:
                _replace(target.path, original, _encode(after, original))
        except CannotFix as reason:
            outcome.notes.append(f"{target.display}: not fixed: {reason}")
            continue
        except OSError as error:
            outcome.notes.append(f"{target.display}: not fixed: cannot write it: {error.strerror or error}")
            continue
        outcome.fixed += len(fixes)
        outcome.files.append(target.display)
        diffs.append(unified_diff(before, after, target.display))
    outcome.diff = "".join(diffs)
    return outcome


def _reported(targets: Sequence[Target], findings: list[Any], baseline: Path | None) -> set[tuple[str, str, str]]:
    """(file, rule, pointer) of each finding that would be reported: not in the baseline."""
    if baseline is not None:
        from privlint.suppress import baseline as baselines

        keys = {target.display: target.key or target.display for target in targets}
        try:
            findings = baselines.apply(baselines.read(baseline), findings, keys).new
        except baselines.BaselineError:
            pass  # the lint that follows reports the broken baseline
    return {(finding.file, finding.rule, finding.pointer) for finding in findings}


def unified_diff(before: str, after: str, name: str) -> str:
    lines = difflib.unified_diff(before.splitlines(keepends=True), after.splitlines(keepends=True), name, name)
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)


def _fixed_text(target: Target, fixes: Sequence[Fix]) -> tuple[str, str, bytes]:
    """The text as it is, as the fixes make it, and the bytes it was read from."""
    original = target.content if target.content is not None else _read_regular_file(target.path)
    body = original[len(_UTF8_BOM) :] if original.startswith(_UTF8_BOM) else original
    try:
        text = body.decode("utf-8")
    except UnicodeDecodeError:
        raise CannotFix("only UTF-8 manifests are fixed") from None
    edits = [edit for fix in fixes for edit in fix.edits]
    return text, apply_edits(text, edits), original


def apply_edits(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with each edit's scalar replaced in place; CannotFix if an edit cannot be made safely."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        root = YAML(typ="rt").compose(text)
    except YAMLError as error:
        raise CannotFix(f"ruamel.yaml cannot read it: {error}") from None
    spans: dict[tuple[int, int], str] = {}
    for edit in edits:
        node = _node_at(root, edit.path)
        spans[(node.start_mark.index, node.end_mark.index)] = _written_like(node, edit.value)
    if not spans:
        return text
    ordered = sorted(spans.items())
    if any(end > next_start for ((_, end), _), ((next_start, _), _) in pairwise(ordered)):
        raise CannotFix("two fixes change the same text")
    fixed = text
    for (start, end), replacement in reversed(ordered):
        fixed = fixed[:start] + replacement + fixed[end:]
    _require_only_edits_changed(text, fixed, edits)
    return fixed


def _node_at(root: Any, path: Sequence[str | int]) -> Any:
    from ruamel.yaml.nodes import MappingNode, ScalarNode, SequenceNode

    node = root
    for part in path:
        if getattr(node, "anchor", None):
            raise CannotFix("the value is shared through an anchor (&); change it by hand")
        if isinstance(node, MappingNode) and isinstance(part, str):
            found = [value for key, value in node.value if isinstance(key, ScalarNode) and key.value == part]
            if len(found) != 1:
                raise CannotFix(f"{part!r} is not written out where the fix expects it (a merge key?)")
            node = found[0]
        elif isinstance(node, SequenceNode) and isinstance(part, int) and 0 <= part < len(node.value):
            node = node.value[part]
        else:
            raise CannotFix(f"no value at {'/'.join(map(str, path))}")
    if not isinstance(node, ScalarNode) or getattr(node, "anchor", None):
        raise CannotFix(f"the value at {'/'.join(map(str, path))} is not a plain scalar")
    return node


def _written_like(node: Any, value: str) -> str:
    """``value`` in the quoting style of the scalar it replaces."""
    if node.style is None:
        return value
    if node.style == "'":
        return "'" + value.replace("'", "''") + "'"
    if node.style == '"':
        return json.dumps(value, ensure_ascii=False)
    raise CannotFix("the value is a block scalar")


def _require_only_edits_changed(before: str, after: str, edits: Sequence[Edit]) -> None:
    from privlint.parse.loader import load_document
    from privlint.read.files import LoadError

    try:
        old, new = load_document(before).data, load_document(after).data
    except LoadError:
        raise CannotFix("the fixed text would not be valid YAML") from None
    for edit in edits:
        if str(_value_at(new, edit.path)) != edit.value:
            raise CannotFix("the fixed value does not read back as written")
    if _blanked(old, edits) != _blanked(new, edits):
        raise CannotFix("the fix would change more than it should")


def _value_at(data: Any, path: Sequence[str | int]) -> Any:
    for part in path:
        data = data[part]
    return data


def _blanked(data: Any, edits: Sequence[Edit]) -> Any:
    data = copy.deepcopy(data)
    for edit in edits:
        *parents, last = edit.path
        _value_at(data, parents)[last] = None
    return data


def _encode(text: str, original: bytes) -> bytes:
    return (_UTF8_BOM if original.startswith(_UTF8_BOM) else b"") + text.encode("utf-8")


def _read_regular_file(path: Path) -> bytes:
    try:
        status = os.lstat(path)
    except OSError as error:
        raise CannotFix(f"cannot read it: {error.strerror or error}") from None
    if stat.S_ISLNK(status.st_mode):
        raise CannotFix("it is a symbolic link; fix the file it points to")
    if not stat.S_ISREG(status.st_mode):
        raise CannotFix("it is not a regular file")
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            return stream.read()
    except OSError as error:
        raise CannotFix(f"cannot read it: {error.strerror or error}") from None


def _replace(path: Path, original: bytes, data: bytes) -> None:
    """Write ``data`` over the regular file ``path`` atomically: a new file beside it, renamed over it.

    The rename replaces the directory entry itself and never follows a link. Before it,
    the file must still be the regular file that was read, with the same bytes.
    """
    status = os.lstat(path)
    directory, name = os.path.split(os.path.abspath(path))
    temporary = os.path.join(directory, f".{name}.{secrets.token_hex(6)}.privlint-fix")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(temporary, stat.S_IMODE(status.st_mode))
        with contextlib.suppress(OSError):  # as root: the file keeps its owner
            os.chown(temporary, status.st_uid, status.st_gid)
        now = os.lstat(path)
        if not stat.S_ISREG(now.st_mode) or (now.st_dev, now.st_ino) != (status.st_dev, status.st_ino):
            raise CannotFix("it was replaced while privlint was fixing it")
        if _read_regular_file(path) != original:
            raise CannotFix("it changed while privlint was fixing it")
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
