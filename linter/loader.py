"""Reading a manifest file into plain data with the position of every node.

The YAML is read as a stream of parser events (ruamel.yaml's libyaml-based C
parser where installed), and the document is built from them without
recursion. That keeps line and column for every key and value, and it lets
the loader refuse what a manifest never needs: duplicate keys, language-
specific tags (nothing is ever constructed from a tag), alias bombs, and
nesting deep enough to exhaust a stack.

Scalars are resolved by the YAML 1.2 core schema: ``yes`` and ``2023-06-01``
are strings, ``true`` is a boolean, ``1e3`` a number. Dates stay strings,
because the manifest format validates them itself.
"""

from __future__ import annotations

import io
import math
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.error import MarkedYAMLError, YAMLError
from ruamel.yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)

DEFAULT_MAX_FILE_SIZE = 5 * 1024 * 1024
MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 10_000

Location = tuple[int, int]  # 1-based line and column

_CORE = "tag:yaml.org,2002:"
_NULL = re.compile(r"^(~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")


@dataclass(frozen=True)
class SyntaxProblem:
    """Why a file could not be read as one YAML document."""

    message: str
    line: int
    column: int
    hint: str | None = None


@dataclass
class Document:
    """A parsed manifest: its data, and where every node of it stands."""

    data: Any
    text: str
    value_at: dict[str, Location] = field(default_factory=dict)
    key_at: dict[str, Location] = field(default_factory=dict)

    def locate(self, pointer: str) -> Location:
        """Where the node at a JSON Pointer is, or its nearest existing parent."""
        while True:
            found = self.key_at.get(pointer) or self.value_at.get(pointer)
            if found:
                return found
            if not pointer:
                return (1, 1)
            pointer = pointer[: pointer.rfind("/")]


class LoadError(Exception):
    """The file cannot be read as a manifest; carries the problems found."""

    def __init__(self, problems: list[SyntaxProblem]):
        super().__init__(problems[0].message)
        self.problems = problems


class FileTooLarge(LoadError):
    """The file is over the size limit, so it was not read."""


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def read_text(path: Path, max_size: int = DEFAULT_MAX_FILE_SIZE) -> str:
    """Read and decode a manifest, honouring BOMs; refuse binary and oversized files."""
    size = path.stat().st_size
    if size > max_size:
        raise FileTooLarge([SyntaxProblem(
            f"file is {size:,} bytes, over the limit of {max_size:,} bytes",
            1, 1, "raise the limit with --max-file-size if this file really is a manifest",
        )])
    with path.open("rb") as stream:
        raw = stream.read(max_size + 1)
    return decode(raw)


def decode(raw: bytes) -> str:
    if raw.startswith(b"\xef\xbb\xbf"):
        raw, encoding = raw[3:], "utf-8"
    elif raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"
    else:
        encoding = "utf-8"
        if b"\x00" in raw:
            line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
            raise LoadError([SyntaxProblem("file contains NUL bytes: it is binary, not YAML", line, 1)])
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        column = error.start - (raw.rfind(b"\n", 0, error.start) + 1) + 1
        raise LoadError([SyntaxProblem(
            f"file is not valid {encoding.upper()}: byte 0x{raw[error.start]:02x} at offset {error.start}",
            line, column, "save the file as UTF-8",
        )]) from None
    return text.removeprefix("\ufeff")


def load_document(text: str) -> Document:
    """Parse YAML text into a Document, or raise LoadError."""
    yaml = YAML(typ="safe")
    builder = _Builder(text)
    try:
        for event in yaml.parse(io.StringIO(text)):
            builder.feed(event)
            if builder.fatal:
                break
    except MarkedYAMLError as error:
        builder.problems.append(_from_marked_error(error, text))
    except YAMLError as error:  # unmarked parser error
        builder.problems.append(SyntaxProblem(str(error).strip(), 1, 1))
    if builder.problems:
        raise LoadError(builder.problems)
    return builder.document


def _position(mark: Any) -> Location:
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _from_marked_error(error: MarkedYAMLError, text: str) -> SyntaxProblem:
    mark = error.problem_mark or error.context_mark
    line, column = _position(mark)
    message = (error.problem or "invalid YAML").strip()
    if error.context:
        message = f"{message} ({error.context.strip()})"
    lines = text.splitlines()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: column]:
        return SyntaxProblem(
            "a tab character where YAML allows only spaces", line, lines[line - 1].index("\t") + 1,
            "indent with spaces; YAML does not allow tabs for indentation",
        )
    return SyntaxProblem(message, line, column)


@dataclass
class _Node:
    """A mapping or sequence being built."""

    value: Any
    pointer: str
    anchor: str | None
    size: int = 1
    key: str | None = None  # mappings: the key whose value comes next
    key_is_merge: bool = False
    merges: list[tuple[Any, Location]] = field(default_factory=list)


class _Builder:
    """Turns parser events into plain data and positions, without recursion."""

    def __init__(self, text: str):
        self.document = Document(None, text)
        self.stack: list[_Node] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.problems: list[SyntaxProblem] = []
        self.documents = 0
        self.alias_expansion = 0
        self.skip_depth = 0  # >0 while skipping a complex mapping key
        self.fatal = False

    def fail(self, message: str, mark: Any, hint: str | None = None, fatal: bool = True) -> None:
        self.problems.append(SyntaxProblem(message, *_position(mark), hint))
        self.fatal = self.fatal or fatal

    def feed(self, event: Any) -> None:
        if self.skip_depth:
            if isinstance(event, (MappingStartEvent, SequenceStartEvent)):
                self.skip_depth += 1
            elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
                self.skip_depth -= 1
            return
        if isinstance(event, DocumentStartEvent):
            self.documents += 1
            if self.documents > 1:
                self.fail(
                    "file holds more than one YAML document",
                    event.start_mark,
                    "a manifest is one document: remove the '---' and what follows, or split the file",
                )
        elif isinstance(event, ScalarEvent):
            self.scalar(event)
        elif isinstance(event, AliasEvent):
            self.alias(event)
        elif isinstance(event, (MappingStartEvent, SequenceStartEvent)):
            self.start(event)
        elif isinstance(event, (MappingEndEvent, SequenceEndEvent)):
            self.end(event)

    # -- where a new node goes ---------------------------------------------

    def slot(self, event: Any, is_scalar: bool) -> str | None:
        """The pointer of the node that starts here, or None when it is a mapping key."""
        if not self.stack:
            return ""
        parent = self.stack[-1]
        if isinstance(parent.value, list):
            return f"{parent.pointer}/{len(parent.value)}"
        if parent.key is None:
            if not is_scalar:
                self.fail("a mapping key must be plain text, not a list or mapping", event.start_mark, fatal=False)
                self.skip_depth = 1
            return None
        return f"{parent.pointer}/{escape_pointer_token(parent.key)}"

    def place(self, value: Any, size: int, start: Any) -> None:
        """Attach a finished node to its parent (or make it the document)."""
        if not self.stack:
            self.document.data = value
            return
        parent = self.stack[-1]
        parent.size += size
        if isinstance(parent.value, list):
            parent.value.append(value)
        elif parent.key_is_merge:
            parent.merges.append((value, _position(start)))
            parent.key, parent.key_is_merge = None, False
        else:
            parent.value[parent.key] = value
            parent.key = None

    # -- events --------------------------------------------------------------

    def scalar(self, event: ScalarEvent) -> None:
        pointer = self.slot(event, is_scalar=True)
        value = self.resolve(event)
        if pointer is None:
            self.key(event, value)
            return
        self.document.value_at[pointer] = _position(event.start_mark)
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.place(value, 1, event.start_mark)

    def key(self, event: ScalarEvent, value: Any) -> None:
        parent = self.stack[-1]
        key = event.value if not isinstance(value, str) else value
        if key == "<<" and not event.style and event.tag is None:
            parent.key, parent.key_is_merge = key, True
            return
        pointer = f"{parent.pointer}/{escape_pointer_token(key)}"
        if key in parent.value:
            first_line = self.document.key_at[pointer][0]
            self.fail(
                f"duplicate key {key!r} (first defined on line {first_line})",
                event.start_mark,
                "a key may appear once in a mapping: merge the two entries",
                fatal=False,
            )
        self.document.key_at[pointer] = _position(event.start_mark)
        parent.key = key

    def alias(self, event: AliasEvent) -> None:
        pointer = self.slot(event, is_scalar=True)
        if event.anchor not in self.anchors:
            self.fail(f"alias *{event.anchor} refers to no anchor defined before it", event.start_mark)
            return
        value, size = self.anchors[event.anchor]
        if pointer is None:
            self.fail("an alias cannot be a mapping key", event.start_mark)
            return
        self.alias_expansion += size
        if self.alias_expansion > MAX_ALIAS_EXPANSION:
            self.fail(
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes",
                event.start_mark,
                "a manifest has no need for deeply repeated aliases (this looks like an alias bomb)",
            )
            return
        self.document.value_at[pointer] = _position(event.start_mark)
        self.place(value, size, event.start_mark)

    def start(self, event: MappingStartEvent | SequenceStartEvent) -> None:
        pointer = self.slot(event, is_scalar=False)
        if pointer is None:
            return
        if len(self.stack) >= MAX_DEPTH:
            self.fail(f"nesting deeper than {MAX_DEPTH} levels", event.start_mark)
            return
        tag = event.tag
        expected = "map" if isinstance(event, MappingStartEvent) else "seq"
        if tag not in (None, "!", f"{_CORE}{expected}"):
            self.tag_problem(tag, event.start_mark)
        self.document.value_at[pointer] = _position(event.start_mark)
        container: Any = {} if expected == "map" else []
        self.stack.append(_Node(container, pointer, event.anchor))

    def end(self, event: Any) -> None:
        node = self.stack.pop()
        if isinstance(node.value, dict):
            self.merge(node)
        if node.anchor:
            self.anchors[node.anchor] = (node.value, node.size)
        self.place(node.value, node.size, event.start_mark)

    def merge(self, node: _Node) -> None:
        """Apply ``<<`` merge keys: explicit keys win, then earlier sources."""
        for source, location in node.merges:
            sources = source if isinstance(source, list) else [source]
            for mapping in sources:
                if not isinstance(mapping, dict):
                    self.problems.append(SyntaxProblem("a merge key '<<' needs a mapping or a list of mappings", *location))
                    continue
                for key, value in mapping.items():
                    if key not in node.value:
                        node.value[key] = value
                        self.document.key_at.setdefault(f"{node.pointer}/{escape_pointer_token(key)}", location)

    # -- scalars -------------------------------------------------------------

    def tag_problem(self, tag: str, mark: Any) -> None:
        self.fail(
            f"unsupported YAML tag {tag.replace(_CORE, '!!')}",
            mark,
            "manifests use plain YAML values; privlint never constructs tagged objects",
            fatal=False,
        )

    def resolve(self, event: ScalarEvent) -> Any:
        text, tag = event.value, event.tag
        plain = not event.style
        if tag in (None, "!"):
            return _resolve_plain(text) if plain and tag is None else text
        if tag == f"{_CORE}str":
            return text
        if tag in (f"{_CORE}int", f"{_CORE}float", f"{_CORE}bool", f"{_CORE}null"):
            value = _resolve_plain(text)
            kind = tag.removeprefix(_CORE)
            matches = {
                "int": isinstance(value, int) and not isinstance(value, bool),
                "float": isinstance(value, (int, float)) and not isinstance(value, bool),
                "bool": isinstance(value, bool),
                "null": value is None,
            }[kind]
            if not matches:
                self.fail(f"{text!r} is not a valid !!{kind}", event.start_mark, fatal=False)
            return float(value) if kind == "float" and matches else value
        self.tag_problem(tag, event.start_mark)
        return text


def _resolve_plain(text: str) -> Any:
    if _NULL.match(text):
        return None
    if text in _BOOL:
        return _BOOL[text]
    if _INT.match(text):
        return int(text)
    if _OCT.match(text):
        return int(text[2:], 8)
    if _HEX.match(text):
        return int(text[2:], 16)
    if _FLOAT.match(text):
        return float(text)
    if _INF.match(text):
        return -math.inf if text.startswith("-") else math.inf
    if _NAN.match(text):
        return math.nan
    return text
