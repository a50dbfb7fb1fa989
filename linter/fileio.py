"""Writing a file so that an interrupted run leaves the old content or the new, never half.

privlint never writes to a manifest. The files it does write (a baseline, a
scaffolded manifest, a cache) go through :func:`write_atomic`: the text goes to
a temporary file in the same directory, is flushed to disk, and is then renamed
over the target in one step. A crash, a full disk or Ctrl-C before the rename
leaves the target as it was and removes the temporary file.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
from pathlib import Path

_BINARY = getattr(os, "O_BINARY", 0)


def write_atomic(
    path: str | Path, text: str, *, overwrite: bool = True, encoding: str = "utf-8", durable: bool = True
) -> Path:
    """Write ``text`` to ``path`` atomically and return the path written.

    A symbolic link is written through (its target changes, the link stays).
    An existing file keeps its permissions; a new one gets the usual ones
    (0o666 less the umask). With ``overwrite=False`` an existing file is never
    replaced, even one created while the text was being written: FileExistsError.
    Line endings are written as given. ``durable=False`` skips the fsyncs, for files
    such as cache entries that may be lost in a crash but must never be half written.
    """
    target = Path(os.path.realpath(path))
    temporary, descriptor = _create_beside(target)
    try:
        with os.fdopen(descriptor, "wb") as stream:
            stream.write(text.encode(encoding))
            if durable:
                stream.flush()
                os.fsync(stream.fileno())
        with contextlib.suppress(FileNotFoundError):
            os.chmod(temporary, os.stat(target).st_mode & 0o7777)
        if overwrite:
            os.replace(temporary, target)
        else:
            _rename_without_replacing(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_directory(target.parent)
    return target


def _create_beside(target: Path) -> tuple[Path, int]:
    """A new, empty hidden file next to ``target`` (same file system, so the rename is atomic)."""
    while True:
        temporary = target.with_name(f".{target.name}.{secrets.token_hex(6)}.tmp")
        try:
            return temporary, os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | _BINARY, 0o666)
        except FileExistsError:
            continue


def _rename_without_replacing(temporary: Path, target: Path) -> None:
    try:
        os.link(temporary, target)  # fails if the target exists, atomically
    except FileExistsError:
        raise
    except OSError:  # no hard links on this file system: check, then rename
        if os.path.lexists(target):
            raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
        os.replace(temporary, target)
        return
    os.unlink(temporary)


def _sync_directory(directory: Path) -> None:
    """Make the rename itself durable, where the platform allows opening a directory."""
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
