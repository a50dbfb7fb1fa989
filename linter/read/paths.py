"""Paths as privlint shows and compares them: relative to the working directory or the project
root, with '/', and resolved through symbolic links in as few system calls as a large run needs.
"""

from __future__ import annotations

import os
from pathlib import Path


class RealPaths:
    """``Path.resolve()`` for many files, resolving each directory only once.

    A file that is not itself a symbolic link resolves to its directory's real
    path and its own name; ``os.path.realpath`` would look at every component of
    every path again. A link is resolved in full, and a link loop raises
    RuntimeError as ``Path.resolve()`` does (before Python 3.13).
    """

    def __init__(self) -> None:
        self._directories: dict[str, str] = {}

    def __call__(self, path: str | Path) -> str:
        path = os.fspath(path)
        directory, name = os.path.split(path)
        if name in ("", ".", "..") or os.path.islink(path):
            return str(Path(path).resolve())
        # The directory as written, made absolute without collapsing '..' (which follows links).
        directory = os.path.join(os.getcwd(), directory or ".")
        real = self._directories.get(directory)
        if real is None:
            real = self._directories[directory] = str(Path(directory).resolve())
        return os.path.join(real, name)


def display_path(path: Path, cwd: str | None = None, real_path: RealPaths | None = None) -> str:
    """The path relative to the working directory (``cwd``, resolved) where it is below it, with '/'."""
    try:
        resolved = (real_path or RealPaths())(path)
    except (OSError, RuntimeError):  # RuntimeError: a symbolic-link loop, before Python 3.13
        return path.as_posix()
    relative = _relative(resolved, cwd or str(Path.cwd().resolve()))
    return path.as_posix() if relative is None else relative


def root_relative(path: str | Path, root: Path | None = None) -> str:
    """The path relative to the project root where it is below it, with '/'."""
    absolute = os.path.abspath(path)
    relative = _relative(absolute, os.path.abspath(root or os.getcwd()))
    return Path(absolute).as_posix() if relative is None else relative


def _relative(path: str, base: str) -> str | None:
    """Absolute ``path`` relative to absolute ``base``, with '/'; None when it is not below it."""
    path_case, base_case = os.path.normcase(path), os.path.normcase(base)
    if path_case == base_case:
        return "."
    prefix = base_case if base_case.endswith(os.sep) else base_case + os.sep
    return path[len(prefix) :].replace(os.sep, "/") if path_case.startswith(prefix) else None


def work_tree_top(directory: str | Path) -> str | None:
    """The git work tree ``directory`` is in: the nearest directory at or above it holding a ``.git``."""
    directory = os.path.abspath(directory)
    while True:
        if os.path.lexists(os.path.join(directory, ".git")):
            return directory
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


def project_root(config_file: Path | None = None) -> Path:
    """The project root: the configuration file's directory, else the git work tree's top, else the
    working directory. Globs, fingerprints and the paths in SARIF, GitLab and JUnit reports are relative to it."""
    if config_file is not None:
        return config_file.absolute().parent
    top = work_tree_top(os.getcwd())
    return Path(top) if top is not None else Path.cwd().absolute()
