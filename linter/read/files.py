"""Reading a manifest file: refusing what is not one, and decoding its text.

A manifest is a regular file of at most ``DEFAULT_MAX_FILE_SIZE`` bytes (the
limit can be raised), in UTF-8, UTF-16 or UTF-32 with or without a byte-order
mark, as YAML allows. Pipes, devices, binary data and undecodable bytes get a
located problem, never a hang or a traceback. Lines are counted as the YAML
parser counts them, so that positions agree with the parser's.
"""

from __future__ import annotations

import errno
import os
import re
import stat
from dataclasses import dataclass
from pathlib import Path

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024

Location = tuple[int, int]  # 1-based line and column

LINE_BREAK = re.compile("\r\n|[\r\n\x85\u2028\u2029]")  # what the YAML parser counts as a new line
_BOMS = (  # longest first: the UTF-32 LE mark starts with the UTF-16 LE one
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xfe\xff", "utf-16-be"),
    (b"\xff\xfe", "utf-16-le"),
)


@dataclass(frozen=True)
class SyntaxProblem:
    """Why a file could not be read as one YAML document."""

    message: str
    line: int
    column: int
    hint: str | None = None


class LoadError(Exception):
    """The file cannot be read as a manifest; carries the problems found."""

    def __init__(self, problems: list[SyntaxProblem]):
        super().__init__(problems[0].message)
        self.problems = problems


class ReadError(LoadError):
    """The file could not be read at all: an I/O problem rather than a broken manifest."""


class FileTooLarge(ReadError):
    """The file is over the size limit, so it was not read."""


class NotAFile(ReadError):
    """The path is a pipe, socket or device: reading it could block or never end."""


def read_text(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read and decode a manifest, honouring BOMs; refuse binary, oversized and special files.

    Raises ReadError (too large, not a regular file), LoadError (not text), or
    OSError (missing, unreadable, a directory, a symbolic-link loop).
    """
    return decode(read_bytes(path, max_size))


def read_bytes(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> bytes:
    """A manifest's bytes, as ``read_text`` reads them (ReadError or OSError), not yet decoded."""
    _require_regular_file(path, os.stat(path))
    # Non-blocking, so a pipe swapped in after the check above cannot hang the open.
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    with os.fdopen(descriptor, "rb") as stream:
        status = os.fstat(stream.fileno())
        _require_regular_file(path, status)
        _require_size(status.st_size, max_size)
        raw = stream.read(status.st_size + 1)  # not max_size + 1: a buffer that large costs more than the read
        if len(raw) > status.st_size:  # it grew while being read
            raw += stream.read(max_size + 1 - len(raw))
    _require_size(len(raw), max_size)
    return raw


def _require_regular_file(path: Path, status: os.stat_result) -> None:
    if stat.S_ISDIR(status.st_mode):
        raise IsADirectoryError(errno.EISDIR, "is a directory", str(path))
    if not stat.S_ISREG(status.st_mode):
        raise NotAFile([SyntaxProblem(
            "not a regular file (a pipe, socket or device), so it was not read", 1, 1,
            "pass the manifest file itself",
        )])


def _require_size(size: int, max_size: int) -> None:
    if size > max_size:
        raise FileTooLarge([SyntaxProblem(
            f"file is {size:,} bytes, over the limit of {max_size:,} bytes",
            1, 1, "if this really is a manifest, raise the limit with --max-file-size or max-file-size in the configuration",
        )])


def detect_encoding(raw: bytes) -> tuple[str, int]:
    """The encoding of a YAML stream and the length of its byte-order mark (YAML 1.2, 5.2).

    Without a mark, a stream starts with an ASCII character, so NUL bytes
    around it give away UTF-16 and UTF-32.
    """
    for mark, encoding in _BOMS:
        if raw.startswith(mark):
            return encoding, len(mark)
    head = raw[:8]
    if len(head) == 8 and head[:3] == head[4:7] == b"\0\0\0" and head[3] and head[7]:
        return "utf-32-be", 0
    if len(head) == 8 and head[1:4] == head[5:8] == b"\0\0\0" and head[0] and head[4]:
        return "utf-32-le", 0
    if len(head) >= 4 and head[0] == head[2] == 0 and head[1] and head[3]:
        return "utf-16-be", 0
    if len(head) >= 4 and head[1] == head[3] == 0 and head[0] and head[2]:
        return "utf-16-le", 0
    return "utf-8", 0


def decode(raw: bytes) -> str:
    """Bytes to text, or a LoadError located at the first byte that is not text."""
    encoding, skip = detect_encoding(raw)
    if encoding == "utf-8" and b"\0" in raw:  # before decoding: binary data is seldom valid UTF-8 either
        _binary(raw[skip : raw.index(b"\0")].decode(encoding, errors="replace"))
    try:
        text = raw[skip:].decode(encoding)
    except UnicodeDecodeError as error:
        line, column = end_of(raw[skip : skip + error.start].decode(encoding, errors="replace"))
        name = encoding.upper().replace("-BE", "").replace("-LE", "")
        raise LoadError([SyntaxProblem(
            f"file is not valid {name}: byte 0x{error.object[error.start]:02x} at offset {skip + error.start}",
            line, column, "save the file as UTF-8",
        )]) from None
    if "\0" in text:
        _binary(text[: text.index("\0")])
    return text


def _binary(before: str) -> None:
    raise LoadError([SyntaxProblem(
        "file contains NUL characters: it is binary, not YAML", *end_of(before),
        "a manifest is a text file; check that this is the file you meant",
    )])


def end_of(text: str) -> Location:
    """The line and column just after ``text``, counting lines as the YAML parser does."""
    breaks = list(LINE_BREAK.finditer(text))
    return len(breaks) + 1, len(text) - (breaks[-1].end() if breaks else 0) + 1


def split_lines(text: str) -> list[str]:
    return LINE_BREAK.split(text)
