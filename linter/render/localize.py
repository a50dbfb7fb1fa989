"""A manifest in one language: every piece of free text as that language has it.

Free text given per language yields the requested language's text, never another
language's: where it is missing the field is reported, by path. Text written as a
plain string is the same in every language in a manifest that gives text per
language; in a manifest that gives none per language, it is in the statement's
language, so that manifest renders in that language only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from privlint.model.manifest import Manifest
from privlint.model.texts import describe_path
from privlint.model.types import LocalText, MissingLanguage
from privlint.parse.pointers import NodePath


@dataclass(frozen=True)
class LanguageProblem:
    """Why the manifest cannot be rendered in the language asked for, at a node."""

    path: NodePath
    message: str


def localize(manifest: Manifest, language: str) -> tuple[Manifest | None, list[LanguageProblem]]:
    """The manifest with all free text in ``language``, or None and every reason it cannot be."""
    if not manifest.gives_text_per_language:
        declared = manifest.statement.language
        if declared is None:
            return None, [LanguageProblem(("statement",), "the manifest does not say which language its text is in: "
                                          "set statement.language, or give the text per language ({nl: ..., en: ...})")]
        if declared.lower().split("-")[0] != language.lower():
            return None, [LanguageProblem(("statement", "language"), f"the manifest's text is in {declared}, not in "
                                          f"{language}: give its text per language ({{{declared}: ..., {language}: ...}}) "
                                          f"to render it in {language}")]
    problems: list[LanguageProblem] = []
    data = _in_language(manifest, language, (), problems)
    if problems:
        return None, problems
    return Manifest.model_validate(data), []


def _in_language(node: Any, language: str, path: NodePath, problems: list[LanguageProblem]) -> Any:
    if isinstance(node, LocalText):
        try:
            return node.in_language(language)
        except MissingLanguage as missing:
            problems.append(LanguageProblem(path, f"{describe_path(path)} has no {language!r} text "
                                            f"(it is given in {', '.join(missing.given)})"))
            return str(node)
    if hasattr(type(node), "model_fields"):
        return {
            name: _in_language(getattr(node, name), language, (*path, name), problems)
            for name in type(node).model_fields
            if name in node.model_fields_set
        }
    if isinstance(node, list):
        return [_in_language(item, language, (*path, index), problems) for index, item in enumerate(node)]
    return node
