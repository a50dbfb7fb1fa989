"""A manifest's previous version, from git, with few git calls for many files.

Per run: one ``git ls-tree`` per directory lists the files in it at the
revision with their blob ids. A file whose content hashes to that blob id is
unchanged, which needs no further call; only a changed file is read with
``git cat-file``.

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

from privlint.read.paths import RealPaths

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
    """A file as it is at the revision: a directory in its repository, and its blob id."""

    directory: str
    blob: str

    def has_content(self, data: bytes) -> bool:
        algorithm = hashlib.sha1 if len(self.blob) == 40 else hashlib.sha256
        return algorithm(b"blob %d\0" % len(data) + data).hexdigest() == self.blob


class History:
    """Files as they are at one revision (``HEAD`` by default)."""

    def __init__(self, ref: str = "HEAD"):
        self.ref = ref
        self._listings: dict[str, dict[str, str]] = {}
        self._real_path = RealPaths()

    def version(self, path: str | Path) -> Version | None:
        try:
            directory, name = os.path.split(self._real_path(path))
        except (OSError, RuntimeError):  # a symbolic-link loop
            return None
        blob = self._listing(directory).get(name)
        return Version(directory, blob) if blob else None

    def read(self, version: Version) -> bytes | None:
        return _git(version.directory, "cat-file", "blob", version.blob)

    def _listing(self, directory: str) -> dict[str, str]:
        """The blob id of each file directly in ``directory`` at the revision, by name."""
        if directory not in self._listings:
            # Run in the directory, ls-tree lists just that directory's entries, named relative to it.
            output = None if self.ref.startswith("-") else _git(directory, "ls-tree", "-z", self.ref, "--")
            listing = {}
            for entry in (output or b"").split(b"\0"):
                info, _, name = entry.partition(b"\t")
                parts = info.split()
                if len(parts) == 3 and parts[1] == b"blob":
                    listing[name.decode("utf-8", "surrogateescape")] = parts[2].decode()
            self._listings[directory] = listing
        return self._listings[directory]
