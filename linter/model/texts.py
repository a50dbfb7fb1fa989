"""The free text of a manifest: finding each piece, and the languages it is written in.

Checks import this module when rules are loaded, so it does not import pydantic: a model
is recognised by its ``model_fields``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from privlint.model.types import LocalText, joined
from privlint.parse.pointers import NodePath


def iter_texts(node: Any, path: NodePath = ()) -> Iterator[tuple[NodePath, LocalText]]:
    """Every piece of free text under ``node`` that the manifest writes, with its path, in document order."""
    if isinstance(node, LocalText):
        yield path, node
    elif hasattr(type(node), "model_fields"):
        for name in type(node).model_fields:
            if name in node.model_fields_set:
                yield from iter_texts(getattr(node, name), (*path, name))
    elif isinstance(node, (list, tuple)):
        for index, item in enumerate(node):
            yield from iter_texts(item, (*path, index))


def manifest_languages(manifest: Any) -> tuple[str, ...]:
    """The languages a manifest gives free text in, lower-case, in order of first use; () if it gives none per language.

    The statement's own language counts as one of them once any text is given per language.
    """
    if not getattr(manifest, "gives_text_per_language", True):
        return ()
    found: dict[str, None] = {}
    for _, text in iter_texts(manifest):
        for language in text.languages:
            found.setdefault(language.lower(), None)
    declared = manifest.statement.language
    if found and declared:
        primary = declared.lower().split("-")[0]
        if not any(language == declared.lower() or language.split("-")[0] == primary for language in found):
            found.setdefault(declared.lower(), None)
    return tuple(found)


def describe_path(path: NodePath) -> str:
    """A path as a person reads it: ``purposes[0].retention.quote``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def statement_words(element: Any, field: str, quote_field: str = "quote") -> tuple[str, LocalText | None]:
    """What checks that judge wording read for ``element``: its quote (the published statement's own
    words, ``quote_field``) where the manifest gives one, else ``field``; with the name of the one read."""
    quote = getattr(element, quote_field, None)
    if isinstance(quote, list):
        quote = joined(quote)
    return (quote_field, quote) if quote is not None else (field, getattr(element, field))
