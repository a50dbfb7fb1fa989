"""A cache of each file's findings, so that a re-run over unchanged manifests is quick.

An entry is one file's result as JSON, stored under a key made of everything
the result depends on:

* the file: the hash of its bytes, and its path as shown and relative to the
  project root (findings name the file; fingerprints and per-file-ignores use
  the path);
* privlint: its version, and the size and modification time of each of its
  modules and of each check's module, with the check's code, so that neither
  an upgrade nor an edit of a check can bring back old findings;
* the run: the whole configuration (selected rules, options, severities,
  today's date, diff base, ...) and the rules registered.

A check that compares a manifest with its previous version in git makes the
result depend on that version too: the entry then records which version (its
blob id) it was compared with, and is used only while it is still the one.
Likewise a check that reads a file the manifest names (its published statement,
``statement.text``): the entry records a digest of what was read, and is used
only while reading the file gives the same.

Entries are written to a temporary file and renamed into place (no reader ever
sees half an entry), and read with suspicion: an entry that cannot be read,
does not parse, or holds another key is ignored and rewritten. A result with
an internal error is never stored. Entries live in one directory per run
configuration; directories not used for a week are removed.

The cache directory is ``--cache-dir``, else ``$PRIVLINT_CACHE_DIR``, else
``.privlint_cache`` in the project root; ``--no-cache`` switches it off.

A repository may hold a ``.privlint_cache`` a pull request committed, so nothing
in the cache directory is trusted:

* every entry starts with an HMAC of the rest, made with a key of this user's
  that lives outside the project (``$XDG_CACHE_HOME/privlint/key``, else
  ``~/.cache/privlint/key``): an entry privlint did not write on this machine
  for this user is a miss, so a committed entry cannot hide or change a finding;
* the directory is walked with file descriptors, opening nothing through a
  symbolic link: a link (to a directory or a file) in place of the cache, of a
  run directory or of an entry is never followed, so no write, rename or
  deletion lands outside the cache directory; an entry that is a pipe or a
  device is a miss, never a read that waits, and pruning removes only entries
  and temporary files privlint names, never a whole tree.

Without the key (a home directory that cannot be written) or on a platform
that cannot open files relative to a directory, the run goes on without a cache.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import hmac
import json
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from privlint import __version__
from privlint.fileio import refuse_links_below_the_working_directory
from privlint.read.related import RelatedFiles
from privlint.rules.engine import INTERNAL_ERROR
from privlint.run.linter import FileResult

DEFAULT_DIRECTORY = ".privlint_cache"
FORMAT = "2"  # the layout of entries; bump when it changes
MAX_ENTRY = 32 * 1024 * 1024  # bytes (100,000 findings): a larger entry is a miss, not read
UNUSED_FOR = 7 * 24 * 3600  # seconds after which a run directory is removed
_GITIGNORE = "# Created by privlint: the cache is local, not for version control.\n*\n"
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# Created by privlint: a cache directory (https://bford.info/cachedir/).\n"
_ENTRY_NAME = re.compile(r"[0-9a-f]{64}\.json|\.[0-9a-f]{64}\.json\.[0-9a-f]{12}\.tmp")  # what pruning may remove
_RUN_DIRECTORY_NAME = re.compile(r"[0-9a-f]{24}")
_LAYOUT_NAME = re.compile(r"v[0-9]{1,4}")
_DIRECTORY_FLAGS = os.O_RDONLY | getattr(os, "O_DIRECTORY", 0) | getattr(os, "O_NOFOLLOW", 0)
_SUPPORTED = os.open in os.supports_dir_fd and hasattr(os, "O_NOFOLLOW") and os.scandir in os.supports_fd


class Cache:
    """Results of one run configuration, keyed by file content and path.

    ``descriptor`` is the run directory, opened without following links; entries are
    opened relative to it. ``secret`` signs and checks the entries.
    """

    def __init__(self, directory: Path, run_key: str, descriptor: int | None = None, secret: bytes = b""):
        self.directory = directory
        self.run_key = run_key
        self._descriptor = descriptor
        self._secret = secret

    def __getstate__(self) -> dict[str, Any]:  # for worker processes started without fork: reopened there
        return {**self.__dict__, "_descriptor": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        with contextlib.suppress(OSError):
            self._descriptor = _open_directory_chain(self.directory)

    # -- the key -------------------------------------------------------------

    def key(self, content: bytes, display: str, key: str) -> str:
        digest = hashlib.sha256()  # hardware-accelerated on most machines: twice as fast as blake2b here
        for part in (self.run_key, display, key):
            digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
        digest.update(content)
        return digest.hexdigest()

    # -- use -----------------------------------------------------------------

    def is_empty(self) -> bool:
        """Whether the cache holds no entry (a first run: no file need be looked up)."""
        if self._descriptor is None:
            return True
        try:
            with os.scandir(self._descriptor) as entries:
                return next(entries, None) is None
        except OSError:
            return True

    def lookup(self, linter: Any, content: bytes, display: str, key: str) -> FileResult | None:
        """The cached result for the file with these bytes, or None."""
        return self._read(self.key(content, display, key), linter)

    def remember(
        self, linter: Any, content: bytes, display: str, key: str, compute: Callable[[], FileResult]
    ) -> FileResult:
        """``compute()``'s result for this file, stored for next time (``lookup`` has found none)."""
        history = getattr(linter, "history", None)
        recorder = _RecordingHistory(history) if history is not None else None
        related = getattr(linter, "related", None)
        related_recorder = _RecordingRelatedFiles(related) if related is not None else None
        if recorder is not None:
            linter.history = recorder
        if related_recorder is not None:
            linter.related = related_recorder
        try:
            result = compute()
        finally:
            if recorder is not None:
                linter.history = history
            if related_recorder is not None:
                linter.related = related
        seen_related = related_recorder.seen if related_recorder is not None else {}
        self._write(self.key(content, display, key), result, recorder.seen if recorder is not None else {}, seen_related)
        return result

    # -- entries: signed, and opened only inside the run directory ------------

    def seal(self, body: bytes) -> bytes:
        """An entry's bytes: the HMAC of ``body`` with this user's key, a newline, then ``body``."""
        return hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode("ascii") + b"\n" + body

    def unseal(self, data: bytes) -> bytes | None:
        """The body of an entry this user's privlint wrote, else None."""
        mac, _, body = data.partition(b"\n")
        expected = hmac.new(self._secret, body, hashlib.sha256).hexdigest().encode("ascii")
        return body if self._secret and hmac.compare_digest(mac, expected) else None

    def _read(self, entry_key: str, linter: Any) -> FileResult | None:
        if self._descriptor is None:
            return None
        try:
            body = self.unseal(_read_entry(self._descriptor, f"{entry_key}.json"))
            if body is None:
                return None
            entry = json.loads(body)
            if entry["key"] != entry_key:
                return None
            for consulted, blob in entry["history"].items():
                if _blob(linter.history.version(consulted)) != blob:
                    return None
            for manifest, name, digest in entry.get("related", ()):
                if linter.related.fingerprint(Path(manifest), name) != digest:
                    return None
            return FileResult.from_record(entry["result"])
        except Exception:  # missing, unreadable, corrupt or from another layout: a miss
            return None

    def _write(
        self, entry_key: str, result: FileResult, history: dict[str, str | None], related: dict[tuple[str, str], str] | None = None
    ) -> None:
        if self._descriptor is None or any(finding.rule == INTERNAL_ERROR.name for finding in result.findings):
            return
        entry: dict[str, Any] = {"key": entry_key, "history": history, "result": result.to_record()}
        if related:
            entry["related"] = [[manifest, name, digest] for (manifest, name), digest in sorted(related.items())]
        try:
            body = json.dumps(entry, ensure_ascii=False, separators=(",", ":")).encode("utf-8", "surrogatepass")
        except (TypeError, ValueError):
            return
        if len(body) > MAX_ENTRY - 65:  # it would never be read back (65: the signature line)
            return
        with contextlib.suppress(OSError):
            _write_entry(self._descriptor, f"{entry_key}.json", self.seal(body))


def _read_entry(directory: int, name: str) -> bytes:
    """An entry's bytes: a regular file in ``directory`` itself, not a link, pipe or device, nor too large."""
    if not stat.S_ISREG(os.stat(name, dir_fd=directory, follow_symlinks=False).st_mode):
        raise OSError(errno.EINVAL, "not an entry", name)  # a link, pipe or device is not even opened
    descriptor = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0), dir_fd=directory)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_size > MAX_ENTRY:
            raise OSError(errno.EINVAL, "not an entry", name)
        return stream.read(MAX_ENTRY + 1)


def _write_entry(directory: int, name: str, data: bytes) -> None:
    """Write ``name`` in ``directory`` through a new temporary file renamed over it; something other
    than a regular file already there (a link, pipe, device or directory someone planted) is left alone."""
    with contextlib.suppress(FileNotFoundError):
        if not stat.S_ISREG(os.stat(name, dir_fd=directory, follow_symlinks=False).st_mode):
            return
    temporary = f".{name}.{secrets.token_hex(6)}.tmp"
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600, dir_fd=directory)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(data)
        os.replace(temporary, name, src_dir_fd=directory, dst_dir_fd=directory)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary, dir_fd=directory)
        raise


class _RecordingHistory:
    """Passes through to the linter's git history, noting which files' versions were asked for."""

    def __init__(self, history: Any):
        self._history = history
        self.seen: dict[str, str | None] = {}

    def version(self, path: Any) -> Any:
        found = self._history.version(path)
        self.seen[os.fspath(path)] = _blob(found)
        return found

    def __getattr__(self, name: str) -> Any:
        return getattr(self._history, name)


class _RecordingRelatedFiles:
    """Passes through to the linter's reader of related files, noting a digest of each file read."""

    def __init__(self, related: RelatedFiles):
        self._related = related
        self.seen: dict[tuple[str, str], str] = {}

    def read(self, manifest: Path, name: str) -> str:
        self.seen[(os.fspath(manifest), name)] = self._related.fingerprint(manifest, name)
        return self._related.read(manifest, name)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._related, name)


def _blob(version: Any) -> str | None:
    return getattr(version, "blob", None)


# -- opening ---------------------------------------------------------------------


def open_cache(directory: Path, linter: Any) -> Cache | None:
    """The cache for this linter's configuration in ``directory``, or None if it cannot be used safely."""
    secret = user_key()
    if secret is None or not _SUPPORTED:
        return None
    run_key = run_fingerprint(linter)
    try:
        refuse_links_below_the_working_directory(Path(os.path.abspath(directory)))
        directory.parent.mkdir(parents=True, exist_ok=True)
        with contextlib.suppress(FileExistsError):
            os.mkdir(directory)
        top = _open_directory_chain(directory)
    except OSError:  # not a directory, a link, or not ours to write in
        return None
    try:
        for name, text in (("CACHEDIR.TAG", _CACHEDIR_TAG), (".gitignore", _GITIGNORE)):
            _create_once(top, name, text.encode("utf-8"))
        versions = _subdirectory(top, f"v{FORMAT}")
        try:
            run = _subdirectory(versions, run_key[:24])
            _prune(versions, keep=run_key[:24])
        finally:
            os.close(versions)
        _prune_other_layouts(top)
    except OSError:
        return None
    finally:
        os.close(top)
    with contextlib.suppress(OSError):
        os.utime(run)  # in use: not to be pruned
    return Cache(directory / f"v{FORMAT}" / run_key[:24], run_key, run, secret)


def _open_directory_chain(path: Path) -> int:
    """``path`` opened as a directory; its last component must not be a symbolic link (nor, below
    the cache's own directory, any component: a run directory is reopened one level at a time)."""
    parts = path.parts
    if len(parts) >= 3 and parts[-2] == f"v{FORMAT}" and _RUN_DIRECTORY_NAME.fullmatch(parts[-1]):
        top = os.open(Path(*parts[:-2]), _DIRECTORY_FLAGS)
        try:
            versions = os.open(parts[-2], _DIRECTORY_FLAGS, dir_fd=top)
            try:
                return os.open(parts[-1], _DIRECTORY_FLAGS, dir_fd=versions)
            finally:
                os.close(versions)
        finally:
            os.close(top)
    return os.open(path, _DIRECTORY_FLAGS)


def _subdirectory(parent: int, name: str) -> int:
    """``name`` in ``parent``, made if missing, opened without following a link."""
    with contextlib.suppress(FileExistsError):
        os.mkdir(name, 0o777, dir_fd=parent)
    return os.open(name, _DIRECTORY_FLAGS, dir_fd=parent)


def _create_once(directory: int, name: str, data: bytes) -> None:
    """Create ``name`` in ``directory`` unless something (of any kind) is there already."""
    try:
        descriptor = os.open(name, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=directory)
    except FileExistsError:
        return
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


def _prune(versions: int, keep: str) -> None:
    """Remove the entries of run directories not used for a week, and then those directories if empty.

    Only names privlint gives are removed, each by itself: never a link's target, never a whole tree.
    """
    cutoff = time.time() - UNUSED_FOR
    with contextlib.suppress(OSError):
        for run in os.scandir(versions):
            if run.name == keep or not _RUN_DIRECTORY_NAME.fullmatch(run.name) or not run.is_dir(follow_symlinks=False):
                continue
            if run.stat(follow_symlinks=False).st_mtime >= cutoff:
                continue
            with contextlib.suppress(OSError):
                descriptor = os.open(run.name, _DIRECTORY_FLAGS, dir_fd=versions)
                try:
                    for entry in os.scandir(descriptor):
                        if _ENTRY_NAME.fullmatch(entry.name) and not entry.is_dir(follow_symlinks=False):
                            with contextlib.suppress(OSError):
                                os.unlink(entry.name, dir_fd=descriptor)
                finally:
                    os.close(descriptor)
                os.rmdir(run.name, dir_fd=versions)


def _prune_other_layouts(top: int) -> None:
    """The run directories of other layouts (``v1``, ...) not used for a week, as ``_prune`` removes them."""
    with contextlib.suppress(OSError):
        for layout in os.scandir(top):
            if not _LAYOUT_NAME.fullmatch(layout.name) or layout.name == f"v{FORMAT}" or not layout.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(OSError):
                descriptor = os.open(layout.name, _DIRECTORY_FLAGS, dir_fd=top)
                try:
                    _prune(descriptor, keep="")
                finally:
                    os.close(descriptor)
                os.rmdir(layout.name, dir_fd=top)  # only once it is empty


def user_key() -> bytes | None:
    """This user's secret for signing cache entries, made on first use; None if it cannot be kept."""
    path = _key_path()
    if path is None:
        return None
    for _ in range(2):
        try:
            key = _read_key(path)
            return key if len(key) >= 32 else None
        except FileNotFoundError:
            with contextlib.suppress(OSError):
                _create_key(path)
        except OSError:
            return None
    return None


def _read_key(path: Path) -> bytes:
    """The key file's content: a regular file of this user's that no one else may read (so never one a
    git checkout made, which is at least 0644, should the cache directory of the user lie in a project)."""
    descriptor = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if not stat.S_ISREG(status.st_mode) or status.st_uid != os.geteuid() or status.st_mode & 0o077:
            raise OSError(errno.EPERM, "not a key of this user's alone", str(path))
        return stream.read(1024).strip()


def _create_key(path: Path) -> None:
    """Write a new key readable by this user alone; whole or not at all, and never over another run's."""
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    temporary = path.with_name(f".key.{secrets.token_hex(6)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(secrets.token_hex(32).encode("ascii") + b"\n")
        os.link(temporary, path)  # fails if another run made one first: that one is used
    finally:
        os.unlink(temporary)


def _key_path() -> Path | None:
    """Where the key lives: the user's cache directory, outside any project."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base or not os.path.isabs(base):
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError):  # no home directory
            return None
    return Path(base) / "privlint" / "key"


def run_fingerprint(linter: Any) -> str:
    """What every result of this run depends on besides the file itself."""
    digest = hashlib.sha256()
    parts = [
        FORMAT,
        __version__,
        sys.version,
        repr(linter.settings),
        repr(sorted((rule, sorted(options.items())) for rule, options in linter.rule_options.items())),
        repr([(rule.code, rule.name, rule.severity.value, rule.origin) for rule in linter.rules]),
        _source_fingerprint(linter.rules),
    ]
    for part in parts:
        digest.update(part.encode("utf-8", "surrogatepass") + b"\0")
    return digest.hexdigest()


def _source_fingerprint(rules: Any) -> str:
    """Size and modification time of privlint's files and of each check's module, and each check's code."""
    package = Path(__file__).resolve().parent.parent  # privlint/, not privlint/run/: the rules' shared modules too
    files = {path for path in package.rglob("*") if path.suffix in (".py", ".json")}
    codes = []
    for rule in rules:
        if rule.check is None:
            continue
        module_file = getattr(sys.modules.get(getattr(rule.check, "__module__", "")), "__file__", None)
        if module_file:
            files.add(Path(module_file))
        code = getattr(rule.check, "__code__", None)
        codes.append(f"{rule.code}:{getattr(rule.check, '__qualname__', '')}:{code.co_code.hex() if code else ''}")
    stats = []
    for path in sorted(files):
        with contextlib.suppress(OSError):
            status = path.stat()
            stats.append(f"{path}:{status.st_size}:{status.st_mtime_ns}")
    return "\n".join(stats + codes)
