"""JSON Pointers (RFC 6901) from paths of keys and list indexes, and back."""

from __future__ import annotations

from collections.abc import Iterable

PathPart = str | int
#: Where a node stands: the keys and list indexes from the top, such as ("purposes", 3, "retention").
NodePath = tuple[PathPart, ...]


class UnknownNode(LookupError):
    """A pointer that names no node of its document: a check's mistake (raised where asked to be strict)."""


def escape_pointer_token(token: str) -> str:
    return token.replace("~", "~0").replace("/", "~1")


def pointer_to(path: Iterable[object]) -> str:
    """The JSON Pointer of a path: ``("purposes", 0)`` -> ``/purposes/0``."""
    return "".join("/" + escape_pointer_token(str(part)) for part in path)


def pointer_tokens(pointer: str) -> list[str]:
    """The unescaped tokens of a JSON Pointer: ``/a~1b/0`` -> ``["a/b", "0"]``."""
    return [token.replace("~1", "/").replace("~0", "~") for token in pointer.split("/")[1:]]
