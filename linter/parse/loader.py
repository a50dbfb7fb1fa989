"""Reading a manifest's YAML into plain data with the position of every node.

The YAML is read as a stream of parser events (libyaml's C parser, through
PyYAML, where installed), and the document is built from them without
recursion. That gives line and column for every key and value (read again,
for the nodes asked about only: see Document), and it lets the loader refuse what a manifest never needs: duplicate keys, language-
specific tags (nothing is ever constructed from a tag), alias bombs, and
nesting deep enough to exhaust a stack. Every limit is a constant below; a file
that crosses one gets a located problem, never a traceback or a hang.

Scalars are resolved by the YAML 1.2 core schema: ``yes`` and ``2023-06-01``
are strings, ``true`` is a boolean, ``1e3`` a number. Dates stay strings,
because the manifest format validates them itself.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from sys import intern
from typing import Any

import yaml
from privlint.parse.pointers import UnknownNode, pointer_tokens
from privlint.read.files import (
    DEFAULT_MAX_FILE_SIZE,
    LoadError,
    Location,
    SyntaxProblem,
    end_of,
    split_lines,
)
from yaml.error import MarkedYAMLError, YAMLError
from yaml.events import (
    AliasEvent,
    DocumentStartEvent,
    MappingEndEvent,
    MappingStartEvent,
    ScalarEvent,
    SequenceEndEvent,
    SequenceStartEvent,
)
from yaml.reader import ReaderError

try:
    from yaml.cyaml import CParser  # libyaml
except ImportError:  # PyYAML built without libyaml: its pure-Python parser, to the same events
    CParser = None

MAX_DEPTH = 100
MAX_ALIAS_EXPANSION = 10_000
# Keys and values: one per 4 bytes of the default size limit (1,310,720). Real manifests have one
# per 22 to 43 bytes, a terse one (short ids and names, no texts) one per 9 or 10; only lists of
# one- or two-letter values are denser. So a manifest under the size limit is read, and the limit
# still bounds the memory of a file of tiny values.
MAX_NODES = DEFAULT_MAX_FILE_SIZE // 4
MAX_NUMBER_LENGTH = 1_000  # digits; longer integers cannot even be printed (sys.get_int_max_str_digits)

_CORE = "tag:yaml.org,2002:"
_KEYWORDS = {  # every plain scalar that means null, true or false
    "": None, "~": None, "null": None, "Null": None, "NULL": None,
    "true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False,
}
_INT = re.compile(r"^[-+]?[0-9]+$")
_OCT = re.compile(r"^0o[0-7]+$")
_HEX = re.compile(r"^0x[0-9a-fA-F]+$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")
_INF = re.compile(r"^[-+]?\.(inf|Inf|INF)$")
_NAN = re.compile(r"^\.(nan|NaN|NAN)$")
_STARTS_NUMBER = frozenset("0123456789+-.")  # the first characters of every number pattern above
_STARTS_NON_TEXT = _STARTS_NUMBER | frozenset("~nNtTfF")  # and of the keywords
_CHECK_SYNTAX = "check the indentation and punctuation on this line and the one before"
_UNCLOSED = {  # parser context -> what is left open, and how to close it
    "while scanning a quoted scalar": ("a quoted text", "add the closing quote"),
    "while parsing a flow sequence": ("a '[' list", "add the closing ']'"),
    "while parsing a flow mapping": ("a '{' mapping", "add the closing '}'"),
}


#: Where the document, or a mapping or list in it, stands: the parser's mark where it starts,
#: the marks of its members (a mapping's keys, a list's items), and the Positions of its
#: members that are mappings or lists. Same shape as the data; marks count from 0.
Positions = tuple[Any, "dict[str, Any] | list[Any]", "dict[Any, Positions]"]
_NOWHERE: Positions = (None, {}, {})


@dataclass
class Document:
    """A parsed manifest: its data, and where its nodes stand.

    A document the loader gives keeps no positions (a tree of them took more
    memory than the data): it reads its text again, once, for the nodes it is
    asked about (``prepare``), with the builder that read it (the general one
    follows anchors, aliases and merge keys), and may let go of its data, which
    that reading gives back along the same paths. (The general builder, called
    alone, keeps every position: to say where a file is wrong.)
    """

    data: Any
    text: str
    positions: Positions | None = _NOWHERE  # None: read again from the text for the pointers asked
    general: bool = False  # read (and read again) by the general builder, for anchors, aliases, merge keys, tags
    _asked: frozenset[str] = frozenset()
    _data_forgotten: bool = False

    @property
    def reads_again(self) -> bool:
        """Whether the document reads positions (and data) from its text again, rather than keeping them."""
        return self.positions is None or bool(self._asked)

    def forget_data(self) -> None:
        """Let go of the data (of a document that reads again): later, ``data`` holds only the
        paths that ``prepare`` and ``locate`` were asked about, each with its list items' ids."""
        if self.reads_again:
            self.data, self._data_forgotten = None, True

    def prepare(self, pointers: Iterable[str]) -> None:
        """Read where the nodes at these pointers stand, all at once (``locate`` alone reads for each new pointer)."""
        if self.positions is not None and not self._asked:
            return  # kept by the general builder
        asked = self._asked | frozenset(pointers)
        if asked == self._asked:
            return
        self._asked = asked
        data, self.positions = (_build_along if self.general else _read_along)(self.text, asked)
        if self._data_forgotten:
            self.data = data

    def locate(self, pointer: str, strict: bool = False) -> Location:
        """Where the node at a JSON Pointer is (a mapping's member: its key).

        A pointer that names no node gives its nearest existing parent; with ``strict``
        (privlint's own tests run so) it raises UnknownNode instead.
        """
        if pointer not in self._asked and (self.positions is None or self._asked):
            self.prepare([pointer])
        assert self.positions is not None
        tokens = pointer_tokens(pointer)
        if strict and not _names_a_node(self.data, tokens):
            raise UnknownNode(f"{pointer!r} names no node of the document")
        found, marks, containers = self.positions
        for token in tokens:
            member: Any = token
            if type(marks) is list:
                member = int(token) if token.isdecimal() else -1
                if not 0 <= member < len(marks):
                    break
            elif member not in marks:
                break
            found = marks[member]
            if member not in containers:
                break
            _, marks, containers = containers[member]
        return _position(found)


def _names_a_node(data: Any, tokens: list[str]) -> bool:
    node = data
    for token in tokens:
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdecimal() and int(token) < len(node):
            node = node[int(token)]
        else:
            return False
    return True


def load_document(text: str) -> Document:
    """Parse YAML text into a Document, or raise LoadError."""
    document = _build_common(text)
    if document is not None:
        return document
    builder = _build(text, _Builder(text, wanted=None))  # the data only: positions are read again where asked
    if builder.problems:
        unplaced = builder.unplaced
        if unplaced:  # a duplicate key's message says where the first one is: read again, keeping those
            del builder  # (its data, before the second read builds it again)
            builder = _build(text, _Builder(text, wanted=None, key_marks_of=unplaced))
        raise LoadError(builder.problems)
    return Document(builder.document.data, text, None, general=True)


def _build_along(text: str, pointers: Iterable[str]) -> tuple[Any, Positions]:
    """The data and positions of a document the general builder read, along the paths of ``pointers``
    (as _read_along gives them), with the data anchors and merge keys need to follow them."""
    document = _build(text, _Builder(text, wanted=_paths(pointers))).document
    assert document.positions is not None
    return document.data, document.positions


def _paths(pointers: Iterable[str]) -> dict[Any, Any]:
    """The pointers as a tree of their tokens: what a reading along them wants of each node."""
    tree: dict[Any, Any] = {}
    for pointer in pointers:
        level = tree
        for token in pointer_tokens(pointer):
            level = level.setdefault(token, {})
    return tree


def _build(text: str, builder: _Builder | None = None) -> _Builder:
    """The general builder (by default, one keeping every position) fed the parser's events: the
    document, or what is wrong with it."""
    builder = builder or _Builder(text)
    try:
        for event in _events(text):
            builder.feed(event)
            if builder.fatal:
                break
    except MarkedYAMLError as error:
        if error.problem == "exceeded maximum nesting depth" and error.problem_mark is not None:
            # libyaml stops at 1,000 levels, which it meets looking ahead before the builder meets
            # MAX_DEPTH: the text up to there has the level the builder reports, and where.
            prefix = text[: error.problem_mark.index]
            return _build(prefix, _Builder(prefix, builder.wanted, builder.key_marks_of))
        builder.problems.append(_from_marked_error(error, text))
    except ReaderError as error:  # a character YAML does not allow
        builder.problems.append(_from_reader_error(error, text))
    except YAMLError as error:  # unmarked parser error
        builder.problems.append(SyntaxProblem(str(error).strip(), 1, 1, _CHECK_SYNTAX))
    return builder


class _Uncommon(Exception):
    """The text needs the general builder: see _build_common."""


def _build_common(text: str) -> Document | None:
    """The Document of a manifest that uses plain YAML only, read in one tight loop; else None.

    Almost every manifest is plain mappings, lists and scalars. This reads those
    twice as fast as the general builder, to the same result. Anything else (an
    anchor, alias, tag, merge key, duplicate key, a key that is not text, a
    second document, a limit reached, a syntax error) gives None, and the general
    builder reads the text again and says what is wrong, and where. The tests
    hold the two to the same result on every manifest and bad input they have.
    It keeps no positions: the Document reads them again where asked (_read_along).
    """
    if CParser is None:
        return None
    data: Any = None
    # The open container, the key awaiting its value (mappings), and whether it is a list; the
    # enclosing ones on the stack.
    container: Any = None
    key: str | None = None
    is_list = False
    stack: list[tuple[Any, ...]] = []
    nodes = documents = 0
    try:
        parser = CParser(text)
        while (event := parser.get_event()) is not None:
            kind = type(event)
            if kind is ScalarEvent:
                raw, anchor, tag, style = event.value, event.anchor, event.tag, event.style
                nodes += 1
                if anchor is not None or tag is not None or nodes > MAX_NODES:
                    raise _Uncommon
                if key is None and not is_list and container is not None:  # a key: as written
                    if raw in container or (not style and (raw == "<<" or len(raw) > MAX_NUMBER_LENGTH)):
                        raise _Uncommon
                    key = intern(raw)  # keys repeat in every entry of a list: one copy of each
                    continue
                if len(raw) > MAX_NUMBER_LENGTH and not style and raw[0] in _STARTS_NON_TEXT:
                    raise _Uncommon
                value = _scalar(raw, style)
                if container is None:
                    data = value
                elif is_list:
                    container.append(value)
                else:
                    container[key] = value
                    key = None
            elif kind is MappingStartEvent or kind is SequenceStartEvent:
                nodes += 1
                if event.anchor is not None or event.tag is not None or nodes > MAX_NODES or len(stack) >= MAX_DEPTH - 1:
                    raise _Uncommon  # (the stack holds the containers around the open one)
                if container is not None:
                    if key is None and not is_list:  # a list or mapping as a key
                        raise _Uncommon
                    stack.append((container, key, is_list))
                is_list = kind is SequenceStartEvent
                container, key = ([] if is_list else {}), None
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                value = container
                if not stack:
                    data, container = value, None
                    continue
                container, key, is_list = stack.pop()
                if is_list:
                    container.append(value)
                else:
                    container[key] = value
                    key = None
            elif kind is DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _Uncommon
            elif kind is AliasEvent:
                raise _Uncommon
    except (_Uncommon, YAMLError):
        return None
    return Document(data, text, None)


def _scalar(raw: str, style: str | None) -> Any:
    """A scalar of the common builder: text as written (short ones interned: ids, bases, periods), or resolved."""
    if style or (raw and raw[0] not in _STARTS_NON_TEXT):  # most scalars: text as written
        return intern(raw) if len(raw) <= 16 else raw
    return _resolve_plain(raw)


def _read_along(text: str, pointers: Iterable[str]) -> tuple[Any, Positions]:
    """The data and positions of a document the common builder read, along the paths of ``pointers`` only.

    Each container on a path keeps the members the paths go on to (a list keeps its
    length, other items None); a list item on a path keeps its ``id`` too, as
    fingerprints name items by it. Locating and fingerprinting the pointers gives
    what it gives on the whole document.
    """
    wanted = _paths(pointers)
    data: Any = None
    positions: Positions = _NOWHERE
    # The open container on a path: its value, marks, containers' Positions, start mark, what the
    # paths want of its members, the key awaiting its value, whether it is a list, whether it is a
    # list item, and what the paths want of the value now being read (None: only its id, or nothing).
    frame: list[Any] = []
    stack: list[list[Any]] = []
    skipped = 0  # depth inside a container no path goes into
    child: Any = wanted
    keep_id = False
    for event in _events(text):
        kind = type(event)
        if skipped:
            if kind is MappingStartEvent or kind is SequenceStartEvent:
                skipped += 1
            elif kind is MappingEndEvent or kind is SequenceEndEvent:
                skipped -= 1
            continue
        if kind is ScalarEvent:
            mark = _packed(event.start_mark)
            if frame and not frame[7] and frame[6] is None:  # a key
                key = frame[6] = event.value
                if key in frame[4]:
                    frame[1][key] = mark
                continue
            if frame:
                child, keep_id = _member(frame, mark)
            if child is not None or keep_id:
                value = _scalar(event.value, event.style)
                if not frame:
                    data, positions = value, (mark, {}, {})
                elif frame[7]:
                    frame[0][-1] = value
                else:
                    frame[0][frame[6]] = value
            if frame and not frame[7]:
                frame[6] = None
        elif kind is MappingStartEvent or kind is SequenceStartEvent:
            mark = _packed(event.start_mark)
            if frame:
                child, keep_id = _member(frame, mark)
            if child is None:  # (an id that is a list or mapping is no id: fingerprints name the item by its index)
                if frame and keep_id:
                    frame[0][frame[6]] = [] if kind is SequenceStartEvent else {}
                if frame and not frame[7]:
                    frame[6] = None
                skipped = 1
                continue
            is_list = kind is SequenceStartEvent
            if is_list:  # its items by number ("01" is item 1, as Document.locate reads it)
                child = _by_index(child)
            in_list = bool(frame) and frame[7]
            if frame:
                stack.append(frame)
            frame = [[] if is_list else {}, [] if is_list else {}, {}, mark, child, in_list, None, is_list]
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            value, where = frame[0], (frame[3], frame[1], frame[2])
            if not stack:
                data, positions = value, where
                break
            frame = stack.pop()
            if frame[7]:
                frame[0][-1] = value
                frame[2][len(frame[0]) - 1] = where
            else:
                frame[0][frame[6]] = value
                frame[2][frame[6]] = where
                frame[6] = None
    return data, positions


def _by_index(wanted: dict[Any, Any]) -> dict[Any, Any]:
    """The paths wanted below a list, by item number: tokens that are no number name no item."""
    items: dict[Any, Any] = {}
    for token, rest in wanted.items():
        if token.isdecimal():
            items[int(token)] = _merged(items.get(int(token), {}), rest)
    return items


def _merged(one: dict[Any, Any], other: dict[Any, Any]) -> dict[Any, Any]:
    merged = dict(one)
    for token, rest in other.items():
        merged[token] = _merged(merged.get(token, {}), rest)
    return merged


def _member(frame: list[Any], mark: int) -> tuple[Any, bool]:
    """What the paths want of the value that starts now in ``frame``: its own paths (None: nothing), and
    whether to keep it as an id; a list's item gets its place and mark."""
    if frame[7]:
        index = len(frame[0])
        frame[0].append(None)
        frame[1].append(mark)
        return frame[4].get(index), False
    return frame[4].get(frame[6]), frame[6] == "id" and frame[5]


def _events(text: str) -> Any:
    """The parser's events for ``text``: straight from libyaml's C parser where it is installed.

    (``yaml.parse`` would build a loader for every file.)
    """
    if CParser is None:
        yield from yaml.parse(text, Loader=yaml.SafeLoader)
        return
    parser = CParser(text)
    while (event := parser.get_event()) is not None:
        yield event


def _packed(mark: Any) -> int:
    """A parser's mark as one number: a fraction of the memory of the mark, kept for every node of a file."""
    packed: int = mark.line << 32 | mark.column
    return packed


def _position(mark: Any) -> Location:
    if type(mark) is int:
        return (mark >> 32) + 1, (mark & 0xFFFFFFFF) + 1
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _from_marked_error(error: MarkedYAMLError, text: str) -> SyntaxProblem:
    lines = split_lines(text)
    line, column = _clamp(_position(error.problem_mark or error.context_mark), lines)
    message = (error.problem or "invalid YAML").strip()
    context = (error.context or "").strip()
    if 0 < line <= len(lines) and "\t" in lines[line - 1][: column]:
        return SyntaxProblem(
            "a tab character where YAML allows only spaces", line, lines[line - 1].index("\t") + 1,
            "indent with spaces; YAML does not allow tabs for indentation",
        )
    if context in _UNCLOSED and error.context_mark is not None:
        what, hint = _UNCLOSED[context]
        opened = _clamp(_position(error.context_mark), lines)
        if _at_end(error.problem_mark, text):
            return SyntaxProblem(f"{what} is never closed", *opened, hint)
        return SyntaxProblem(f"{message}: {what} opened on line {opened[0]}, column {opened[1]} is not closed", line, column, hint)
    if context:
        message = f"{message} ({context})"
    return SyntaxProblem(message, line, column, _CHECK_SYNTAX)


def _from_reader_error(error: ReaderError, text: str) -> SyntaxProblem:
    # The reported position counts bytes with the C parser; the character is
    # allowed nowhere in YAML, so its first occurrence is where the parser stopped.
    if not isinstance(error.character, int) or chr(error.character) not in text:
        return SyntaxProblem(f"a character that YAML does not allow: {error.reason}", 1, 1, "save the file as plain UTF-8 text")
    character = error.character
    return SyntaxProblem(
        f"the character U+{character:04X} is not allowed in YAML",
        *end_of(text[: text.index(chr(character))]),
        f"delete it; inside double quotes it can be written as \\u{character:04x}",
    )


def _clamp(location: Location, lines: list[str]) -> Location:
    """A location inside the text: the parser reports the end of the stream past the last line."""
    last = len(lines) - 1 if len(lines) > 1 and not lines[-1] else len(lines)  # a final line break starts no line
    line, column = location
    if line > last:
        return last, len(lines[last - 1]) + 1
    return line, min(column, len(lines[line - 1]) + 1)


def _at_end(mark: Any, text: str) -> bool:
    """Whether the parser gave up at the end of the text (nothing but blanks after the mark)."""
    if mark is None:
        return True
    index = getattr(mark, "index", None)
    if index is None:
        return False
    return not text[index:].strip()


_EVERY = object()  # the positions a _Builder keeps: of every node


@dataclass
class _Node:
    """A mapping or sequence being built."""

    value: Any  # None: not built (no path asked for goes into it, and no alias or merge key can need it)
    start: int  # the parser's mark, packed
    anchor: str | None
    marks: Any  # a mapping's: dict of its keys' marks; a list's: list of its items' marks (as value is); None: not kept
    is_list: bool
    wanted: Any  # the positions to keep inside: _EVERY, None, or the paths asked for (list items by number)
    keep: bool  # whether its data is built whole: all of it, or what an alias or merge key can need
    containers: dict[Any, Positions] = field(default_factory=dict)
    size: int = 1
    key: str | None = None  # mappings: the key whose value comes next
    key_is_merge: bool = False
    merges: list[tuple[Any, Any]] = field(default_factory=list)  # (value, mark)
    key_marks: dict[str, int] | None = None  # a duplicate key's mapping read again: its keys' marks


class _Builder:
    """Turns parser events into plain data and positions, without recursion.

    ``wanted`` is which positions to keep: of every node (the default), none, or those along
    the paths asked for (a tree of pointer tokens), when it builds only the data on those paths
    and the data an alias or merge key may need (every anchored node, every merge key's value).
    """

    def __init__(self, text: str, wanted: Any = _EVERY, key_marks_of: frozenset[int] = frozenset()):
        self.document = Document(None, text)
        self.wanted = wanted
        self.key_marks_of = key_marks_of  # the mappings (by packed start) whose keys' marks to keep without wanted
        self.stack: list[_Node] = []
        self.anchors: dict[str, tuple[Any, int]] = {}
        self.problems: list[SyntaxProblem] = []
        self.documents = 0
        self.alias_expansion = 0
        self.nodes = 0
        self.skip_depth = 0  # >0 while skipping a complex mapping key
        self.fatal = False
        self.unplaced: frozenset[int] = frozenset()  # mappings with a duplicate key whose first mark was not kept

    def fail(self, message: str, mark: Any, hint: str | None = None, fatal: bool = True) -> None:
        self.problems.append(SyntaxProblem(message, *_position(mark), hint))
        self.fatal = self.fatal or fatal

    def feed(self, event: Any) -> None:
        if isinstance(event, (ScalarEvent, MappingStartEvent, SequenceStartEvent)):
            self.nodes += 1
            if self.nodes > MAX_NODES:
                self.fail(
                    f"the file holds more than {MAX_NODES:,} keys and values",
                    event.start_mark,
                    "a manifest has far fewer: check that this is the file you meant",
                )
                return
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

    def is_key(self, event: Any, is_scalar: bool) -> bool:
        """Whether the node that starts here is a mapping key (one that is not text is reported and skipped)."""
        if not self.stack:
            return False
        parent = self.stack[-1]
        if parent.is_list or parent.key is not None:
            return False
        if not is_scalar:
            self.fail(
                "a mapping key must be plain text, not a list or mapping", event.start_mark,
                "write the key as plain text, such as 'title:'", fatal=False,
            )
            self.skip_depth = 1
        return True

    def place(self, value: Any, size: int, start: Any, positions: Positions | None = None) -> None:
        """Attach a finished node to its parent (or make it the document)."""
        if not self.stack:
            self.document.data, self.document.positions = value, positions or (start, {}, {})
            return
        parent = self.stack[-1]
        parent.size += size
        if parent.is_list:
            if parent.marks is not None:
                if positions:
                    parent.containers[len(parent.marks)] = positions
                parent.marks.append(start)
            if parent.value is not None:
                parent.value.append(value)
        elif parent.key_is_merge:
            parent.merges.append((value, start))
            parent.key, parent.key_is_merge = None, False
        else:
            if positions and parent.marks is not None:
                parent.containers[parent.key] = positions
            if parent.value is not None:
                parent.value[parent.key] = value
            parent.key = None

    # -- events --------------------------------------------------------------

    def scalar(self, event: ScalarEvent) -> None:
        value = self.resolve(event)
        if self.is_key(event, is_scalar=True):
            self.key(event, value)
            return
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.place(value, 1, _packed(event.start_mark))

    def key(self, event: ScalarEvent, value: Any) -> None:
        parent = self.stack[-1]
        key = intern(event.value if not isinstance(value, str) else value)  # keys repeat in every entry: one copy
        if key == "<<" and not event.style and event.tag is None:
            parent.key, parent.key_is_merge = key, True
            return
        if parent.value is not None and key in parent.value:
            marks = parent.marks if parent.marks is not None else parent.key_marks or {}
            first_line = _position(marks[key])[0] if key in marks else 0
            if parent.marks is None:
                self.unplaced |= {parent.start}
            self.fail(
                f"duplicate key {key!r} (first defined on line {first_line})",
                event.start_mark,
                "a key may appear once in a mapping: merge the two entries",
                fatal=False,
            )
        if parent.marks is not None:
            parent.marks[key] = _packed(event.start_mark)  # (a Mark object took ten times the memory)
        elif parent.start in self.key_marks_of:
            parent.key_marks = parent.key_marks or {}
            parent.key_marks[key] = _packed(event.start_mark)
        parent.key = key

    def alias(self, event: AliasEvent) -> None:
        is_key = self.is_key(event, is_scalar=True)
        if event.anchor not in self.anchors:
            self.fail(
                f"alias *{event.anchor} refers to no anchor defined before it", event.start_mark,
                f"put the anchor &{event.anchor} on a value above this line, or write the value out",
            )
            return
        value, size = self.anchors[event.anchor]
        if is_key:
            self.fail("an alias cannot be a mapping key", event.start_mark, "write the key out as plain text")
            return
        self.alias_expansion += size
        if self.alias_expansion > MAX_ALIAS_EXPANSION:
            self.fail(
                f"aliases expand to more than {MAX_ALIAS_EXPANSION:,} nodes",
                event.start_mark,
                "a manifest has no need for deeply repeated aliases (this looks like an alias bomb)",
            )
            return
        self.place(value, size, _packed(event.start_mark))

    def start(self, event: MappingStartEvent | SequenceStartEvent) -> None:
        if self.is_key(event, is_scalar=False):
            return
        if len(self.stack) >= MAX_DEPTH:
            self.fail(
                f"nesting deeper than {MAX_DEPTH} levels", event.start_mark,
                "a manifest is never this deep: look for '[' or '{' that are not closed",
            )
            return
        tag = event.tag
        expected = "map" if isinstance(event, MappingStartEvent) else "seq"
        if tag not in (None, "!", f"{_CORE}{expected}"):
            self.tag_problem(tag, event.start_mark)
        is_list = expected == "seq"
        wanted, keep = self.wanted, not isinstance(self.wanted, dict)
        if self.stack:
            parent = self.stack[-1]
            wanted = parent.wanted
            if isinstance(wanted, dict):
                wanted = wanted.get(len(parent.marks) if parent.is_list else parent.key) if parent.marks is not None else None
            keep = parent.keep or parent.key_is_merge
        if is_list and isinstance(wanted, dict):  # its items by number ("01" is item 1, as Document.locate reads it)
            wanted = _by_index(wanted)
        keep = keep or event.anchor is not None
        built = keep or wanted is not None
        self.stack.append(_Node(
            ([] if is_list else {}) if built else None, _packed(event.start_mark), event.anchor,
            marks=([] if is_list else {}) if wanted is not None else None, is_list=is_list, wanted=wanted, keep=keep,
        ))

    def end(self, event: Any) -> None:
        node = self.stack.pop()
        if isinstance(node.value, dict):
            self.merge(node)
        if node.anchor:
            self.anchors[node.anchor] = (node.value, node.size)
        positions = (node.start, node.marks, node.containers) if node.marks is not None else None
        self.place(node.value, node.size, node.start, positions)

    def merge(self, node: _Node) -> None:
        """Apply ``<<`` merge keys: explicit keys win, then earlier sources."""
        for source, mark in node.merges:
            sources = source if isinstance(source, list) else [source]
            for mapping in sources:
                if not isinstance(mapping, dict):
                    self.problems.append(SyntaxProblem(
                        "a merge key '<<' needs a mapping or a list of mappings", *_position(mark),
                        "merge a mapping that has an anchor: '<<: *defaults'",
                    ))
                    continue
                for key, value in mapping.items():
                    if key not in node.value:
                        node.value[key] = value
                        if node.marks is not None:
                            node.marks.setdefault(key, mark)

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
            return self.resolve_plain(text, event.start_mark) if plain and tag is None else text
        if tag == f"{_CORE}str":
            return text
        if tag in (f"{_CORE}int", f"{_CORE}float", f"{_CORE}bool", f"{_CORE}null"):
            value = self.resolve_plain(text, event.start_mark)
            kind = tag.removeprefix(_CORE)
            matches = {
                "int": isinstance(value, int) and not isinstance(value, bool),
                "float": isinstance(value, (int, float)) and not isinstance(value, bool),
                "bool": isinstance(value, bool),
                "null": value is None,
            }[kind]
            if not matches:
                self.fail(f"{text!r} is not a valid !!{kind}", event.start_mark, "remove the tag, or correct the value", fatal=False)
            return float(value) if kind == "float" and matches else value
        self.tag_problem(tag, event.start_mark)
        return text

    def resolve_plain(self, text: str, mark: Any) -> Any:
        if len(text) > MAX_NUMBER_LENGTH and (_INT.match(text) or _OCT.match(text) or _HEX.match(text)):
            self.fail(
                f"a whole number of {len(text):,} characters, longer than the {MAX_NUMBER_LENGTH:,} privlint reads",
                mark, "quote it if it is meant as text", fatal=False,
            )
            return text
        return _resolve_plain(text)


def _resolve_plain(text: str) -> Any:
    if text in _KEYWORDS:
        return _KEYWORDS[text]
    if text[0] not in _STARTS_NUMBER:  # most scalars, and every other word: text
        return text
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
