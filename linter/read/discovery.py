"""Finding the manifests to lint: files as given, and every included file below each directory.

Hidden directories and dependency folders are skipped; ``include`` and ``exclude``
globs are matched against paths relative to the project root.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from privlint.read.globs import matches_any
from privlint.read.paths import RealPaths, display_path, root_relative

MANIFEST_SUFFIXES = (".privacy.yaml", ".privacy.yml")
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in MANIFEST_SUFFIXES)
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", "site-packages"})

@dataclass(frozen=True)
class Target:
    """A path to lint, as given or found, and how to show it."""

    path: Path
    display: str
    problem: str | None = None  # why it cannot be linted, when known up front
    key: str = ""  # relative to the project root, for globs and fingerprints


def is_manifest_name(name: str) -> bool:
    return name.endswith(MANIFEST_SUFFIXES)


def discover(
    paths: Sequence[str | Path],
    *,
    root: Path | None = None,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    force_exclude: bool = False,
) -> list[Target]:
    """Files to lint, sorted: files as given, and every included file below each directory.

    ``exclude`` prunes what is found below directories; with ``force_exclude`` it
    also drops files named directly (as pre-commit names them).
    """
    targets: dict[str, Target] = {}
    cwd = str(Path.cwd().resolve())
    real_path = RealPaths()

    def add(path: Path, key: str) -> None:
        shown = display_path(path, cwd, real_path)
        targets.setdefault(shown, Target(path, shown, key=key))

    for given in paths:
        path = Path(given)
        key = root_relative(path, root)
        if force_exclude and exclude and matches_any(key, exclude, below=True):
            continue
        if path.is_dir() and not is_manifest_name(path.name):  # a directory named like a manifest is an error
            unreadable: list[OSError] = []
            for found, found_key in _walk(path, root, include, exclude, unreadable.append):
                add(found, found_key)
            for error in unreadable:  # a directory that cannot be listed is not silently skipped
                where = Path(error.filename)
                problem = f"cannot read directory: {error.strerror or error}"
                targets.setdefault(display_path(where), Target(where, display_path(where), problem, root_relative(where, root)))
        elif path.exists():
            add(path, key)
        else:
            shown = Path(given).as_posix()
            problem = "broken symbolic link" if path.is_symlink() else "path does not exist"
            targets.setdefault(shown, Target(path, shown, problem, key))
    return [targets[key] for key in sorted(targets)]


def _walk(
    top: Path, root: Path | None, include: Sequence[str], exclude: Sequence[str],
    onerror: Callable[[OSError], None] | None = None,
) -> Iterator[tuple[Path, str]]:
    """Each included file below ``top``, with its path relative to the root."""
    # followlinks=False: a link to a parent directory cannot loop.
    for directory, subdirectories, filenames in os.walk(top, followlinks=False, onerror=onerror):
        subdirectories[:] = sorted(
            name for name in subdirectories
            if not name.startswith(".") and name not in SKIPPED_DIRECTORIES
            and not matches_any(root_relative(os.path.join(directory, name), root), exclude, below=True)
        )
        for name in sorted(filenames):
            key = root_relative(os.path.join(directory, name), root)
            if matches_any(key, include) and not matches_any(key, exclude, below=True):
                yield Path(directory, name), key
