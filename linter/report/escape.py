"""Values from manifests and file names, made safe to show: nothing in a repository can steer
the terminal, a CI log or the parser of a report.

- ``printable`` (text, GitHub, JUnit, Markdown output): every character that could move the
  cursor, recolour or rewrite the screen, set the clipboard (OSC 52), hide a link (OSC 8), end
  a line (CR, LF, U+0085, U+2028, U+2029) or reorder what is shown (bidirectional overrides and
  isolates) is written as ``\\xNN`` or ``\\uNNNN``: C0 and C1 controls, DEL, lone surrogates
  (a byte of a file name that is not UTF-8 appears as ``\\xNN``, that byte), U+FFFE and U+FFFF,
  which XML does not allow either. ``##[`` becomes ``#\\x23[``: GitHub's runner reads
  ``##[command]`` anywhere in a line as a workflow command.
- ``line_start`` for what begins a line (a file name, which ``:line`` follows): as ``printable``,
  and never ``:`` after white space, which with the ``:`` after it would be ``::``, what GitHub's
  runner reads as a workflow command (it trims all Unicode white space first); such a name is
  shown as ``./::name`` or ``./:``, the same file.
- ``undecodable`` for JSON (JSON, SARIF, GitLab): the document as written, but a byte of a
  file name that is not UTF-8 as the text ``\\xNN``, so that the report is valid UTF-8.

Backslashes are left as they are: the escapes are for reading, not for decoding back.
"""

from __future__ import annotations

import re

_UNSAFE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff\ufffe\uffff]|##\\["
)
_COMMAND_AT_START = re.compile(r"\s*:")  # (a file name ':' would start '::3:5: ...')
_SURROGATE = re.compile("[\ud800-\udfff]")


def _escaped(match: re.Match[str]) -> str:
    found = match.group()
    if found == "##[":
        return "#\\x23["
    code = ord(found)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that is not UTF-8, as Python decodes file names (surrogateescape)
        code -= 0xDC00
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def printable(text: str) -> str:
    """``text`` with every control, line break, bidirectional control and ``##[`` escaped."""
    return _UNSAFE.sub(_escaped, text)


def line_start(text: str) -> str:
    """``printable(text)`` for the start of a line that goes on with ``:``: never ``:`` after white space."""
    text = printable(text)
    return "./" + text if _COMMAND_AT_START.match(text) else text


def undecodable(document: str) -> str:
    """A JSON document (``ensure_ascii=False``) with each lone surrogate as the escaped text ``\\\\xNN``."""
    return _SURROGATE.sub(lambda match: "\\" + _escaped(match), document)
