"""Baselines: adopt privlint in a repository whose manifests already have findings.

``--create-baseline FILE`` records the current findings by fingerprint;
``--baseline FILE`` then reports only findings that are not in it, and counts
the baselined findings that are gone from the files linted. Fingerprints do not
contain line numbers, so editing other lines does not bring a finding back.

Findings that mean a file was not checked at all (unreadable, not YAML, not a
valid manifest, a failing check) are never baselined.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from privlint.fileio import read_regular_file, write_atomic
from privlint.rules import Finding
from privlint.rules.engine import ALWAYS_ON

FORMAT = 1
MAX_SIZE = 16 * 1024 * 1024  # bytes: about 75,000 findings, read in about 135 MB of memory
_NEVER_BASELINED = frozenset(rule.name for rule in ALWAYS_ON)


class BaselineError(ValueError):
    """The baseline file cannot be read or is not a privlint baseline."""


@dataclass(frozen=True)
class Entry:
    fingerprint: str
    file: str  # relative to the project root, as in the fingerprint
    rule: str
    path: str


@dataclass(frozen=True)
class Baseline:
    entries: tuple[Entry, ...]

    @property
    def fingerprints(self) -> frozenset[str]:
        return frozenset(entry.fingerprint for entry in self.entries)


@dataclass(frozen=True)
class Filtered:
    new: list[Finding]
    baselined: int  # findings in the baseline, not reported
    gone: int  # baseline entries for files linted now that no finding matches


def can_be_baselined(finding: Finding) -> bool:
    return finding.rule not in _NEVER_BASELINED


def create(findings: Iterable[Finding], keys: dict[str, str]) -> Baseline:
    """A baseline of ``findings``; ``keys`` maps each finding's file to its root-relative path."""
    entries = {
        Entry(f.fingerprint, keys.get(f.file, f.file), f.rule, f.pointer)
        for f in findings if can_be_baselined(f)
    }
    return Baseline(tuple(sorted(entries, key=lambda e: (e.file, e.rule, e.path, e.fingerprint))))


def render(baseline: Baseline) -> str:
    document = {
        "privlint-baseline": FORMAT,
        "findings": [
            {"fingerprint": e.fingerprint, "file": e.file, "rule": e.rule, "path": e.path}
            for e in baseline.entries
        ],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def write(baseline: Baseline, path: str | Path) -> None:
    write_atomic(path, render(baseline))


def read(path: str | Path) -> Baseline:
    try:
        document = json.loads(read_regular_file(path, MAX_SIZE).decode("utf-8"))
    except FileNotFoundError:
        raise BaselineError(f"baseline {str(path)!r} does not exist (create it with --create-baseline)") from None
    except OSError as error:
        raise BaselineError(f"cannot read baseline {str(path)!r}: {error.strerror or error}") from None
    except UnicodeDecodeError as error:
        raise BaselineError(f"cannot read baseline {str(path)!r}: {error}") from None
    except json.JSONDecodeError as error:
        raise BaselineError(f"baseline {str(path)!r} is not JSON: {error}") from None
    except RecursionError:
        raise BaselineError(f"baseline {str(path)!r} is nested too deeply to be a privlint baseline") from None
    if not isinstance(document, dict) or document.get("privlint-baseline") != FORMAT:
        raise BaselineError(f"{str(path)!r} is not a privlint baseline (format {FORMAT})")
    records = document.get("findings")
    fields = ("fingerprint", "file", "rule", "path")
    if not isinstance(records, list) or not all(
        isinstance(r, dict) and all(isinstance(r.get(name), str) for name in fields) for r in records
    ):
        raise BaselineError(f"baseline {str(path)!r}: 'findings' must be a list of {{{', '.join(fields)}}} records")
    return Baseline(tuple(Entry(*(r[name] for name in fields)) for r in records))


def apply(baseline: Baseline, findings: Sequence[Finding], keys: dict[str, str]) -> Filtered:
    """Drop baselined findings; count baseline entries for the linted files that are gone.

    ``keys`` maps each linted file (as findings name it) to its root-relative path.
    """
    matcher = Matcher(baseline)
    new = matcher.new(findings)
    return Filtered(new, matcher.baselined, matcher.gone(keys))


class Matcher:
    """``apply`` one file's findings at a time: a run need not hold every finding."""

    def __init__(self, baseline: Baseline) -> None:
        self.baseline = baseline
        self.known = baseline.fingerprints
        self.seen: set[str] = set()  # the baseline's fingerprints found so far
        self.baselined = 0

    def new(self, findings: Sequence[Finding]) -> list[Finding]:
        known = self.known
        new = [f for f in findings if f.fingerprint not in known or not can_be_baselined(f)]
        self.seen.update(f.fingerprint for f in findings if f.fingerprint in known)
        self.baselined += len(findings) - len(new)
        return new

    def gone(self, keys: dict[str, str]) -> int:
        """Baseline entries for the linted files that no finding matched."""
        linted = set(keys.values())
        return sum(1 for e in self.baseline.entries if e.file in linted and e.fingerprint not in self.seen)
