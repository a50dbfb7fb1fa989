"""A manifest's previous version, from git, with few git calls for many files.

Per run: one ``git ls-tree`` per directory lists the files in it at the
revision with their blob ids. A file whose content hashes to that blob id is
unchanged, which needs no further call; only a changed file is read with
``git cat-file``.

Everything here fails quietly (None): outside a repository, without git, for a
file that is new since the revision, in a repository without commits, or for a
previous version over the size limit for manifests. Only a revision the user
named that is no commit is an error, checked once up front.

git finds the repository from the manifest's own directory alone: variables such
as ``GIT_DIR``, ``GIT_WORK_TREE`` or ``GIT_INDEX_FILE`` in the environment (set in
a git hook, or by anyone) are removed, so they cannot make privlint compare a
manifest with another file. A partial clone never fetches a missing object from
the network (``GIT_NO_LAZY_FETCH=1``, and ``protocol.allow=never`` for a git
older than 2.44 that does not know it): that version is then taken as unknown.
"""

from __future__ import annotations

import hashlib
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from privlint.read.paths import RealPaths

TIMEOUT_SECONDS = 60
#: What would point git at another repository, work tree, index or object store (``git rev-parse
#: --local-env-vars``, and a few more), or give it configuration.
_REDIRECTING = frozenset({
    "GIT_ALTERNATE_OBJECT_DIRECTORIES", "GIT_CONFIG", "GIT_CONFIG_PARAMETERS", "GIT_CONFIG_COUNT",
    "GIT_OBJECT_DIRECTORY", "GIT_DIR", "GIT_WORK_TREE", "GIT_IMPLICIT_WORK_TREE", "GIT_GRAFT_FILE",
    "GIT_INDEX_FILE", "GIT_NO_REPLACE_OBJECTS", "GIT_REPLACE_REF_BASE", "GIT_PREFIX", "GIT_SHALLOW_FILE",
    "GIT_COMMON_DIR", "GIT_NAMESPACE", "GIT_CEILING_DIRECTORIES", "GIT_DISCOVERY_ACROSS_FILESYSTEM",
    "GIT_QUARANTINE_PATH",
})
_OFFLINE = ("-c", "protocol.allow=never")  # any transport refused: no lazy fetch even where GIT_NO_LAZY_FETCH is unknown


def git_environment(environ: dict[str, str] | None = None) -> dict[str, str]:
    """The environment git runs in: without what would redirect it, and never fetching."""
    environ = dict(os.environ if environ is None else environ)
    for name in list(environ):
        if name in _REDIRECTING or name.startswith(("GIT_CONFIG_KEY_", "GIT_CONFIG_VALUE_")):
            del environ[name]
    environ.update(GIT_NO_LAZY_FETCH="1", GIT_TERMINAL_PROMPT="0", GIT_OPTIONAL_LOCKS="0")
    return environ


class RevisionError(ValueError):
    """The REF given with --diff-base is not a commit in the repository."""


def _run(command: list[str], timeout: float | None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        command, capture_output=True, timeout=timeout, check=False, stdin=subprocess.DEVNULL, env=git_environment()
    )


def _git(directory: str | Path, *args: str) -> bytes | None:
    """Standard output of a successful git command, or None."""
    command = ["git", *_OFFLINE, "-C", str(directory), *args]
    try:
        try:
            done = _run(command, TIMEOUT_SECONDS)
        except OverflowError:  # a clock the time-out cannot be counted on (a shifted monotonic clock): none then
            done = _run(command, None)
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
    size: int = -1  # bytes, as git lists it (-1: not known)

    def has_content(self, data: bytes) -> bool:
        algorithm = hashlib.sha1 if len(self.blob) == 40 else hashlib.sha256
        return algorithm(b"blob %d\0" % len(data) + data).hexdigest() == self.blob


class History:
    """Files as they are at one revision (``HEAD`` by default)."""

    def __init__(self, ref: str = "HEAD", max_size: int | None = None):
        self.ref = ref
        self.max_size = max_size  # a larger previous version is not read (None: no limit)
        self._listings: dict[str, dict[str, tuple[str, int]]] = {}
        self._real_path = RealPaths()

    def version(self, path: str | Path) -> Version | None:
        try:
            directory, name = os.path.split(self._real_path(path))
        except (OSError, RuntimeError):  # a symbolic-link loop
            return None
        found = self._listing(directory).get(name)
        return Version(directory, *found) if found else None

    def read(self, version: Version) -> bytes | None:
        """The version's bytes; None if git cannot give them or they are over the size limit."""
        if self.max_size is not None and not 0 <= version.size <= self.max_size:
            return None
        data = _git(version.directory, "cat-file", "blob", version.blob)
        return data if data is None or self.max_size is None or len(data) <= self.max_size else None

    def _listing(self, directory: str) -> dict[str, tuple[str, int]]:
        """The blob id and size of each file directly in ``directory`` at the revision, by name."""
        if directory not in self._listings:
            # Run in the directory, ls-tree lists just that directory's entries, named relative to it.
            output = None if self.ref.startswith("-") else _git(directory, "ls-tree", "-l", "-z", self.ref, "--")
            listing = {}
            for entry in (output or b"").split(b"\0"):
                info, _, name = entry.partition(b"\t")
                parts = info.split()
                if len(parts) == 4 and parts[1] == b"blob":
                    size = int(parts[3]) if parts[3].isdigit() else -1
                    listing[name.decode("utf-8", "surrogateescape")] = (parts[2].decode(), size)
            self._listings[directory] = listing
        return self._listings[directory]
