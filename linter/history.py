"""A manifest's previous version, from git, with few git calls for many files.

Per run: one ``git rev-parse --show-toplevel`` per directory and one
``git ls-tree`` per repository list every file at the revision with its blob
id. A file whose content hashes to that blob id is unchanged, which needs no
further call; only a changed file is read with ``git cat-file``.

Everything here fails quietly (None): outside a repository, without git, for a
file that is new since the revision, or in a repository without commits. Only a
revision the user named that is no commit is an error, checked once up front.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

TIMEOUT_SECONDS = 60


class RevisionError(ValueError):
    """The REF given with --diff-base is not a commit in the repository."""


def _git(directory: str | Path, *args: str) -> bytes | None:
    """Standard output of a successful git command, or None."""
    try:
        done = subprocess.run(
            ["git", "-C", str(directory), *args],
            capture_output=True, timeout=TIMEOUT_SECONDS, check=False, stdin=subprocess.DEVNULL,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return done.stdout if done.returncode == 0 else None


def verify_revision(ref: str, directory: Path) -> None:
    """Raise RevisionError unless ``ref`` names a commit (in a repository at ``directory``)."""
    if ref.startswith("-") or _git(directory, "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}") is None:
        raise RevisionError(f"--diff-base: {ref!r} is not a commit in a git repository at {directory}")


@dataclass(frozen=True)
class Version:
    """A file as it is at the revision: its repository and blob id."""

    toplevel: str
    blob: str

    def has_content(self, data: bytes) -> bool:
        algorithm = hashlib.sha1 if len(self.blob) == 40 else hashlib.sha256
        return algorithm(b"blob %d\0" % len(data) + data).hexdigest() == self.blob


class History:
    """Files as they are at one revision (``HEAD`` by default)."""

    def __init__(self, ref: str = "HEAD"):
        self.ref = ref
        self._toplevels: dict[str, str | None] = {}
        self._trees: dict[str, dict[str, str]] = {}

    def version(self, path: str | Path) -> Version | None:
        real = os.path.realpath(path)
        toplevel = self._toplevel(os.path.dirname(real))
        if toplevel is None:
            return None
        blob = self._tree(toplevel).get(Path(os.path.relpath(real, toplevel)).as_posix())
        return Version(toplevel, blob) if blob else None

    def read(self, version: Version) -> bytes | None:
        return _git(version.toplevel, "cat-file", "blob", version.blob)

    def _toplevel(self, directory: str) -> str | None:
        if directory not in self._toplevels:
            output = _git(directory, "rev-parse", "--show-toplevel")
            self._toplevels[directory] = os.path.realpath(output.decode().strip()) if output else None
        return self._toplevels[directory]

    def _tree(self, toplevel: str) -> dict[str, str]:
        if toplevel not in self._trees:
            output = b"" if self.ref.startswith("-") else _git(toplevel, "ls-tree", "-r", "-z", "--full-tree", self.ref, "--")
            tree = {}
            for entry in (output or b"").split(b"\0"):
                info, _, name = entry.partition(b"\t")
                parts = info.split()
                if len(parts) == 3 and parts[1] == b"blob":
                    tree[name.decode("utf-8", "surrogateescape")] = parts[2].decode()
            self._trees[toplevel] = tree
        return self._trees[toplevel]
