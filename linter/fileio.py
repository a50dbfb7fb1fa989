"""Writing a file so that an interrupted run leaves the old content or the new, never half.

privlint never writes to a manifest. The files it does write (a baseline, a
report, a scaffolded manifest) go through :func:`write_atomic`: the text goes to
a temporary file in the same directory, is flushed to disk, and is then renamed
over the target in one step. A crash, a full disk or Ctrl-C before the rename
leaves the target as it was and removes the temporary file.

Only a regular file is ever replaced. A device, pipe or terminal (``/dev/null``,
``/dev/stdout``, a named pipe someone reads) is written into, never renamed over;
a directory, a symbolic link that leads nowhere and a symbolic link to a regular
file are errors, so a link committed to a repository cannot redirect a write.
Text that cannot be encoded (a lone surrogate from an undecodable file name) is
written with backslash escapes instead of failing.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import stat
from collections.abc import Iterable
from pathlib import Path
from typing import BinaryIO

_BINARY = getattr(os, "O_BINARY", 0)


def write_atomic(
    path: str | Path, text: str, *, overwrite: bool = True, encoding: str = "utf-8", durable: bool = True
) -> Path:
    """Write ``text`` to ``path`` atomically and return the path written.

    An existing file keeps its permissions; a new one gets the usual ones
    (0o666 less the umask). With ``overwrite=False`` an existing path (of any kind)
    is never replaced, even one created while the text was being written:
    FileExistsError. A device or pipe is written into (see the module's notes);
    a directory or a symbolic link is an OSError that says why. Line endings are
    written as given. ``durable=False`` skips the fsyncs, for files that may be
    lost in a crash but must never be half written.
    """
    writer = AtomicWriter(path, overwrite=overwrite, encoding=encoding, durable=durable)
    try:
        writer.write(text)
    except BaseException:
        writer.abort()
        raise
    return writer.commit()


class AtomicWriter:
    """:func:`write_atomic` in pieces, for text too long to hold: ``write`` each piece, then
    ``commit`` (or ``abort``, which leaves the target as it was). Opening it checks the target."""

    def __init__(self, path: str | Path, *, overwrite: bool = True, encoding: str = "utf-8", durable: bool = True) -> None:
        self.target = Path(os.path.abspath(path))
        self.overwrite, self.encoding, self.durable = overwrite, encoding, durable
        if not overwrite and os.path.lexists(self.target):
            raise FileExistsError(errno.EEXIST, "file exists", str(self.target))
        self.existing = _existing(self.target) if overwrite else None
        self.temporary: Path | None = None
        if self.existing is not None and (not stat.S_ISREG(self.existing.st_mode) or _is_special_path(self.target)):
            self.stream = _open_into(self.target)
        else:
            self.temporary, descriptor = _create_beside(self.target)
            self.stream = os.fdopen(descriptor, "wb")

    def write(self, text: str) -> None:
        self.stream.write(text.encode(self.encoding, errors="backslashreplace"))

    def commit(self) -> Path:
        temporary = self.temporary
        try:
            if temporary is not None and self.durable:
                self.stream.flush()
                os.fsync(self.stream.fileno())
            self.stream.close()
            if temporary is None:
                return self.target
            if self.existing is not None:
                os.chmod(temporary, self.existing.st_mode & 0o7777)
            if self.overwrite:
                os.replace(temporary, self.target)
            else:
                _rename_without_replacing(temporary, self.target)
        except BaseException:
            self.abort()
            raise
        if self.durable:
            _sync_directory(self.target.parent)
        return self.target

    def abort(self) -> None:
        with contextlib.suppress(OSError):
            self.stream.close()
        if self.temporary is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(self.temporary)


def read_regular_file(path: str | Path, limit: int) -> bytes:
    """The bytes of a regular file of at most ``limit`` bytes, else an OSError that says why.

    A named pipe, socket or device is refused without being read (opening it does not
    wait for a writer), so a planted one can neither hang the run nor feed it without end.
    """
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | _BINARY)
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        if stat.S_ISDIR(status.st_mode):
            raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
        if not stat.S_ISREG(status.st_mode):
            raise OSError(errno.EINVAL, "not a regular file (a pipe, socket or device)", str(path))
        data = stream.read(limit + 1)
    if status.st_size > limit or len(data) > limit:
        raise OSError(errno.EFBIG, f"larger than the limit of {limit:,} bytes", str(path))
    return data


def same_file(path: str | Path, others: Iterable[str | Path]) -> bool:
    """Whether ``path`` is one of ``others`` (the same file, by whatever name or link)."""
    try:
        status = os.stat(path)
    except (OSError, ValueError):  # not there (yet): no other file can be it
        return False
    for other in others:
        with contextlib.suppress(OSError, ValueError):
            if os.path.samestat(status, os.stat(other)):
                return True
    return False


def _existing(target: Path) -> os.stat_result | None:
    """What is at ``target`` now (None: nothing), refusing what must not be written to or replaced."""
    refuse_links_below_the_working_directory(target.parent)
    try:
        status = os.lstat(target)
    except FileNotFoundError:
        return None
    if stat.S_ISLNK(status.st_mode) or _is_special_path(target):
        try:
            status = os.stat(target)
        except FileNotFoundError:
            raise FileNotFoundError(errno.ENOENT, "a symbolic link to a file that does not exist", str(target)) from None
        if stat.S_ISREG(status.st_mode) and not _is_special_path(target):
            raise OSError(errno.ELOOP, "a symbolic link; privlint writes only to the file itself, not through links", str(target))
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(target))
    return status


def refuse_links_below_the_working_directory(directory: Path) -> None:
    """A folder on the way to ``directory`` that is a symbolic link inside the working directory (where a
    repository can commit one) is an OSError: the write would land wherever the link points."""
    if _is_special_path(directory):
        return
    cwd = Path(os.getcwd())
    try:
        below = directory.relative_to(cwd)
    except ValueError:  # elsewhere: the folders the user named, links and all
        return
    for depth in range(1, len(below.parts) + 1):
        folder = cwd.joinpath(*below.parts[:depth])
        if os.path.islink(folder):
            raise OSError(errno.ELOOP, f"{folder.relative_to(cwd).as_posix()} is a symbolic link; privlint writes nothing through links", str(directory))


def _is_special_path(target: Path) -> bool:
    """A path such as ``/dev/stdout`` or ``/proc/self/fd/1``: whatever it leads to is written into, never replaced."""
    return target.parts[1:2] in (("dev",), ("proc",))


def _open_into(target: Path) -> BinaryIO:
    """Open a device, pipe or terminal to write into (appending to a file behind ``/dev/stdout``); a pipe nobody reads is an error."""
    flags = os.O_WRONLY | os.O_APPEND | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_NONBLOCK", 0) | _BINARY
    try:
        descriptor = os.open(target, flags)
    except OSError as error:
        if error.errno == errno.ENXIO:
            raise OSError(errno.ENXIO, "a named pipe that nothing reads", str(target)) from None
        raise
    with contextlib.suppress(AttributeError, OSError):
        os.set_blocking(descriptor, True)  # opened without waiting; written like any file
    return os.fdopen(descriptor, "wb")


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
