"""A manifest's previous version, from git: ``git show REF:./file``.

Everything here fails quietly (None): outside a repository, without git, for a
file that is new since REF, or in a repository without commits. Only a REF the
user named that is no commit is an error, checked once up front.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

TIMEOUT_SECONDS = 30


class RevisionError(ValueError):
    """The REF given with --diff-base is not a commit in the repository."""


def _git(directory: Path, *args: str) -> subprocess.CompletedProcess[bytes] | None:
    try:
        return subprocess.run(
            ["git", "-C", str(directory), *args],
            capture_output=True, timeout=TIMEOUT_SECONDS, check=False, stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None


def verify_revision(ref: str, directory: Path) -> None:
    """Raise RevisionError unless ``ref`` names a commit (in a repository at ``directory``)."""
    if ref.startswith("-"):
        raise RevisionError(f"--diff-base: {ref!r} is not a git revision")
    done = _git(directory, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}")
    if done is None or done.returncode != 0:
        raise RevisionError(f"--diff-base: {ref!r} is not a commit in a git repository at {directory}")


def previous_bytes(path: Path, ref: str = "HEAD") -> bytes | None:
    """The file's content at ``ref``, or None."""
    absolute = Path(path).absolute()
    if ref.startswith("-"):
        return None
    done = _git(absolute.parent, "show", f"{ref}:./{absolute.name}")
    if done is None or done.returncode != 0:
        return None
    return done.stdout
