"""Finding the manifests to lint: files as given, and every included file below each directory.

Below a directory, hidden directories and dependency folders are skipped, and so is
what git ignores (``.gitignore`` files at every level, ``.git/info/exclude``) unless
``respect_gitignore`` is off. ``include`` and ``exclude`` are gitignore patterns
(privlint.read.globs) matched against paths relative to the project root. Files named
on the command line are linted whatever git ignores; ``force_exclude`` applies
``exclude`` to them too.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from privlint.read.globs import PatternList, compiled
from privlint.read.paths import RealPaths, display_path, root_relative, work_tree_top

MANIFEST_SUFFIXES = (".privacy.yaml", ".privacy.yml")
DEFAULT_INCLUDE = tuple(f"*{suffix}" for suffix in MANIFEST_SUFFIXES)
SKIPPED_DIRECTORIES = frozenset({"node_modules", "__pycache__", "site-packages"})
MAX_IGNORE_FILE_SIZE = 1024 * 1024  # a larger .gitignore is not read (git itself stops at 100 MB)
STDIN_DISPLAY = "-"


@dataclass(frozen=True)
class Target:
    """A path to lint, as given or found, and how to show it."""

    path: Path
    display: str
    problem: str | None = None  # why it cannot be linted, when known up front
    key: str = ""  # relative to the project root, for globs and fingerprints
    content: bytes | None = None  # the bytes to lint, when they do not come from the path (standard input)


def is_manifest_name(name: str) -> bool:
    return name.endswith(MANIFEST_SUFFIXES)


def is_excluded(path: str | Path, settings: Any) -> bool:
    """Whether the configuration's ``exclude`` covers ``path`` (or a directory above it)."""
    return compiled(tuple(settings.exclude)).matches(root_relative(path, settings.root))


def stdin_target(content: bytes, name: str | None, root: Path | None) -> Target:
    """Standard input as a target: shown, matched by globs and compared with git as ``name`` if given."""
    if name is None:
        return Target(Path(STDIN_DISPLAY), STDIN_DISPLAY, key=STDIN_DISPLAY, content=content)
    return Target(Path(name), Path(name).as_posix(), key=root_relative(name, root), content=content)


def discover(
    paths: Sequence[str | Path],
    *,
    root: Path | None = None,
    include: Sequence[str] = DEFAULT_INCLUDE,
    exclude: Sequence[str] = (),
    force_exclude: bool = False,
    respect_gitignore: bool = True,
    settings: Any = None,
) -> list[Target]:
    """Files to lint, sorted: files as given, and every included file below each directory.

    ``exclude`` prunes what is found below directories; with ``force_exclude`` it
    also drops files named directly (as pre-commit names them). ``settings`` (a
    privlint.run.linter.Settings) gives root, include, exclude and respect_gitignore at once.
    """
    if settings is not None:
        root, include, exclude = settings.root, settings.include, settings.exclude
        respect_gitignore = settings.respect_gitignore
    included, excluded = compiled(tuple(include)), compiled(tuple(exclude))
    targets: dict[str, Target] = {}
    cwd = str(Path.cwd().resolve())
    real_path = RealPaths()

    def add(path: Path, key: str) -> None:
        shown = display_path(path, cwd, real_path)
        targets.setdefault(shown, Target(path, shown, key=key))

    for given in paths:
        path = Path(given)
        key = root_relative(path, root)
        if force_exclude and excluded and excluded.matches(key):
            continue
        try:
            is_directory = path.is_dir()
            exists = is_directory or path.exists()
        except OSError as failure:  # a name too long, a directory above that cannot be searched
            shown = Path(given).as_posix()
            targets.setdefault(shown, Target(path, shown, f"cannot read path: {failure.strerror or failure}", key))
            continue
        if is_directory and not is_manifest_name(path.name):  # a directory named like a manifest is an error
            if excluded and excluded.matches(key, is_dir=True):
                continue
            unreadable: list[OSError] = []
            ignored = GitIgnored.above(path) if respect_gitignore else None
            for found, found_key in _walk(path, root, included, excluded, ignored, unreadable.append):
                add(found, found_key)
            for refused in unreadable:  # a directory that cannot be listed is not silently skipped
                where = Path(refused.filename)
                problem = f"cannot read directory: {refused.strerror or refused}"
                targets.setdefault(display_path(where), Target(where, display_path(where), problem, root_relative(where, root)))
        elif exists:
            add(path, key)
        else:
            shown = Path(given).as_posix()
            problem = "broken symbolic link" if path.is_symlink() else "path does not exist"
            targets.setdefault(shown, Target(path, shown, problem, key))
    return [targets[key] for key in sorted(targets)]


def _walk(
    top: Path, root: Path | None, include: PatternList, exclude: PatternList, ignored: GitIgnored | None,
    onerror: Callable[[OSError], None] | None = None,
) -> Iterator[tuple[Path, str]]:
    """Each included file below ``top``, with its path relative to the root."""
    # followlinks=False: a link to a parent directory cannot loop.
    for directory, subdirectories, filenames in os.walk(top, followlinks=False, onerror=onerror):
        in_git = ignored.enter(directory) if ignored is not None else None
        kept = []
        for name in sorted(subdirectories):
            if name.startswith(".") or name in SKIPPED_DIRECTORIES:
                continue
            path = os.path.join(directory, name)
            if exclude and exclude.decides(root_relative(path, root), is_dir=True):
                continue
            if in_git is not None and in_git.ignores(name, is_dir=True):
                continue
            kept.append(name)
        subdirectories[:] = kept
        for name in sorted(filenames):
            path = os.path.join(directory, name)
            key = root_relative(path, root)
            if not include.matches(key) or (exclude and exclude.decides(key)):
                continue
            if in_git is not None and in_git.ignores(name):
                continue
            yield Path(path), key


class GitIgnored:
    """What git ignores in one work tree: ``.gitignore`` files (a deeper one overrides a higher one;
    within one the last matching pattern decides) over ``.git/info/exclude``.

    Directories are asked as they are walked, top down, so that nothing below an
    ignored directory is looked at, as in git. Outside a git work tree nothing is ignored.
    A ``.gitignore`` that is a symbolic link, not a regular file or over 1 MiB is not read.
    """

    def __init__(self, top: str):
        self.top = top
        info_exclude = PatternList(_read_lines(os.path.join(_git_directory(top), "info", "exclude")))
        self._info_exclude = [(top, info_exclude)] if info_exclude else []
        self._directories: dict[str, _Directory] = {}

    @classmethod
    def above(cls, start: Path) -> GitIgnored | None:
        """The rules for the work tree ``start`` is in (the .gitignore files from its top down to
        ``start`` read), or None outside one."""
        absolute = os.path.abspath(start)
        top = work_tree_top(absolute)
        if top is None:
            return None
        ignored = cls(top)
        relative = os.path.relpath(absolute, top)
        directory = top
        ignored.enter(directory)
        if relative != ".":
            for part in relative.split(os.sep):
                directory = os.path.join(directory, part)
                ignored.enter(directory)
        return ignored

    def enter(self, directory: str) -> _Directory:
        """The rules for the entries of ``directory``: its own .gitignore and those above it."""
        directory = os.path.abspath(directory)
        known = self._directories.get(directory)
        if known is None:
            parent = self._directories.get(os.path.dirname(directory))
            chain = parent.chain if parent is not None and directory != self.top else self._info_exclude
            own = PatternList(_read_lines(os.path.join(directory, ".gitignore")))
            known = self._directories[directory] = _Directory(directory, [(directory, own), *chain] if own else chain)
        return known

    def ignores(self, path: str, is_dir: bool = False) -> bool:
        directory, name = os.path.split(os.path.abspath(path))
        return self.enter(directory).ignores(name, is_dir)


@dataclass(frozen=True)
class _Directory:
    """A directory of the work tree and the pattern lists that apply in it, nearest first."""

    path: str
    chain: list[tuple[str, PatternList]]

    def ignores(self, name: str, is_dir: bool = False) -> bool:
        for base, patterns in self.chain:
            relative = name if base == self.path else _relative(os.path.join(self.path, name), base)
            decided = patterns.decides(relative, is_dir)
            if decided is not None:
                return decided
        return False


def _relative(path: str, base: str) -> str:
    """``path`` below the directory ``base`` (both absolute), with '/'."""
    return path[len(base.rstrip(os.sep)) + 1 :].replace(os.sep, "/")


def _git_directory(top: str) -> str:
    """The repository's own directory: ``.git``, or for a linked work tree (``.git`` a file naming
    ``gitdir: ...``) the common directory that holds ``info/exclude``."""
    dot_git = os.path.join(top, ".git")
    if not os.path.isfile(dot_git):
        return dot_git
    lines = _read_lines(dot_git)
    if not lines or not lines[0].startswith("gitdir: "):
        return dot_git
    git_dir = os.path.join(top, lines[0][len("gitdir: ") :].strip())
    common = _read_lines(os.path.join(git_dir, "commondir"))
    return os.path.normpath(os.path.join(git_dir, common[0].strip())) if common else git_dir


def _read_lines(path: str) -> list[str]:
    """The lines of a small regular file that is not a link; none otherwise (never blocks on a FIFO)."""
    try:
        status = os.lstat(path)
    except OSError:
        return []
    if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_IGNORE_FILE_SIZE:
        return []
    try:
        descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(descriptor, "rb") as stream:
            data = stream.read(MAX_IGNORE_FILE_SIZE + 1)
    except OSError:
        return []
    return data.decode("utf-8", "surrogateescape").splitlines()
