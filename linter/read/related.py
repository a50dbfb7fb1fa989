"""Reading a file that a manifest names: its published statement (``statement.text``).

The manifest gives a path relative to itself. privlint runs on untrusted pull
requests, and drift findings quote the file, so the path may not lead out of
the project: it must be relative, and after following symbolic links it must
lie inside the project: the git repository the manifest is in, else the folder
of the configuration file, else the working directory (the manifest's own
folder when the manifest lies outside all of these). The file must be a regular text file within the size limit, read
as manifests are (``privlint.read.files``): a pipe, a device or binary data is
refused with a message, never read.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from privlint.read.files import DEFAULT_MAX_FILE_SIZE, LoadError, decode, read_bytes


class RelatedFileError(Exception):
    """The named file cannot be used; the message says why, in words for a finding."""


@dataclass(frozen=True)
class RelatedFiles:
    """Reads files named by manifests, within ``root`` (None: the working directory)."""

    root: Path | None = None
    max_size: int = DEFAULT_MAX_FILE_SIZE

    def read(self, manifest: Path, name: str) -> str:
        """The text of the file ``name`` names, relative to ``manifest``; RelatedFileError if it cannot be read."""
        raw = self._read_bytes(manifest, name)
        try:
            return decode(raw)
        except LoadError:
            raise RelatedFileError(f"{name!r} is not a text file (UTF-8, UTF-16 or UTF-32)") from None

    def fingerprint(self, manifest: Path, name: str) -> str:
        """A digest of what ``read`` gives now (the text, or why not), for the cache to compare with."""
        try:
            outcome = b"file\0" + self._read_bytes(manifest, name)
        except RelatedFileError as error:
            outcome = b"error\0" + str(error).encode("utf-8", "surrogatepass")
        return hashlib.sha256(outcome).hexdigest()

    def _read_bytes(self, manifest: Path, name: str) -> bytes:
        path = self.locate(manifest, name)
        try:
            return read_bytes(path, self.max_size)
        except LoadError as error:
            raise RelatedFileError(f"{name!r}: {error.problems[0].message}") from None
        except IsADirectoryError:
            raise RelatedFileError(f"{name!r} is a directory, not a file") from None
        except FileNotFoundError:
            raise RelatedFileError(f"{name!r} does not exist (looked for {_shown(path)})") from None
        except OSError as error:
            raise RelatedFileError(f"cannot read {name!r}: {error.strerror or error}") from None

    def locate(self, manifest: Path, name: str) -> Path:
        """The real path ``name`` leads to from ``manifest``; RelatedFileError if it leads out of the project."""
        if "://" in name:
            raise RelatedFileError(f"{name!r} is an address: give the path of a copy of the statement in the repository")
        if os.path.isabs(name) or name.startswith("~"):
            raise RelatedFileError(f"{name!r} is an absolute path: give a path relative to the manifest")
        try:
            folder = manifest.resolve().parent
            root = _project_root(folder, self.root)
            path = (folder / name).resolve()
        except (OSError, RuntimeError) as error:  # RuntimeError: a symbolic-link loop
            raise RelatedFileError(f"cannot follow {name!r}: {error}") from None
        if not path.is_relative_to(root):
            raise RelatedFileError(f"{name!r} leads out of the project root {root.as_posix()}: keep the statement inside it")
        return path


def _project_root(folder: Path, configured: Path | None) -> Path:
    """The folder a manifest in ``folder`` may name files in (see the module's documentation)."""
    repository = _repository_of(folder)
    if repository is not None:
        return repository
    for root in (configured, Path.cwd()):
        if root is not None and folder.is_relative_to(root.resolve()):
            return root.resolve()
    return folder


@lru_cache(maxsize=256)
def _repository_of(folder: Path) -> Path | None:
    """The top folder of the git repository ``folder`` is in (the nearest with a .git), or None."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".git").exists():
            return candidate
    return None


def _shown(path: Path) -> str:
    try:
        return path.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()
