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
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from privlint import __version__
from privlint.fileio import write_atomic
from privlint.read.related import RelatedFiles
from privlint.rules.engine import INTERNAL_ERROR
from privlint.run.linter import FileResult

DEFAULT_DIRECTORY = ".privlint_cache"
FORMAT = "1"  # the layout of entries; bump when it changes
UNUSED_FOR = 7 * 24 * 3600  # seconds after which a run directory is removed
_GITIGNORE = "# Created by privlint: the cache is local, not for version control.\n*\n"
_CACHEDIR_TAG = "Signature: 8a477f597d28d172789f06886806bc55\n# Created by privlint: a cache directory (https://bford.info/cachedir/).\n"


class Cache:
    """Results of one run configuration, keyed by file content and path."""

    def __init__(self, directory: Path, run_key: str):
        self.directory = directory
        self.run_key = run_key

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
        try:
            with os.scandir(self.directory) as entries:
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

    def _entry(self, entry_key: str) -> Path:
        return self.directory / f"{entry_key}.json"

    def _read(self, entry_key: str, linter: Any) -> FileResult | None:
        try:
            with open(self._entry(entry_key), "rb") as stream:
                entry = json.loads(stream.read())
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
        if any(finding.rule == INTERNAL_ERROR.name for finding in result.findings):
            return
        entry: dict[str, Any] = {"key": entry_key, "history": history, "result": result.to_record()}
        if related:
            entry["related"] = [[manifest, name, digest] for (manifest, name), digest in sorted(related.items())]
        try:
            text = json.dumps(entry, ensure_ascii=False, separators=(",", ":"))
        except (TypeError, ValueError):
            return
        with contextlib.suppress(OSError):
            write_atomic(self._entry(entry_key), text, durable=False)


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
    """The cache for this linter's configuration in ``directory``, or None if it cannot be used."""
    run_key = run_fingerprint(linter)
    run_directory = directory / f"v{FORMAT}" / run_key[:24]
    try:
        directory.mkdir(parents=True, exist_ok=True)
        for name, text in (("CACHEDIR.TAG", _CACHEDIR_TAG), (".gitignore", _GITIGNORE)):
            if not (directory / name).exists():
                write_atomic(directory / name, text, durable=False)
        run_directory.mkdir(parents=True, exist_ok=True)
        os.utime(run_directory)  # in use: not to be pruned
    except OSError:
        return None
    _prune(run_directory.parent, keep=run_directory)
    return Cache(run_directory, run_key)


def _prune(parent: Path, keep: Path) -> None:
    cutoff = time.time() - UNUSED_FOR
    with contextlib.suppress(OSError):
        for entry in os.scandir(parent):
            if entry.is_dir(follow_symlinks=False) and entry.path != str(keep) and entry.stat().st_mtime < cutoff:
                shutil.rmtree(entry.path, ignore_errors=True)


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
