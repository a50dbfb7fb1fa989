"""The published JSON Schema: generated from the models, used to report every error.

``generate_schema`` renders the pydantic models as JSON Schema 2020-12 (the
committed ``schemas/privacy-statement.schema.json`` must equal its output).
``schema_problems`` validates plain manifest data against the shipped schema
and turns each jsonschema error into a plain-English message at a JSON Pointer.
"""

from __future__ import annotations

import difflib
import itertools
import json
import re
from collections.abc import Iterator
from functools import lru_cache
from importlib.resources import files
from typing import Any

from privlint.model.manifest import FORMAT_VERSION, LOCAL_TEXT_SCHEMA, Manifest
from privlint.model.types import LANGUAGE_PATTERN, PATTERN_MEANINGS
from privlint.parse.pointers import NodePath
from privlint.rules import Problem
from pydantic.json_schema import GenerateJsonSchema

SCHEMA_FILE = "privacy-statement.schema.json"
DIALECT = "https://json-schema.org/draft/2020-12/schema"
_ECMA_END = re.compile(r"(?<!\\)\$$")
MAX_PROBLEMS = 100  # per file: beyond this the file is not a manifest with typos, and reporting costs time


class _ManifestSchema(GenerateJsonSchema):
    """Pydantic's generator, tuned for people: no null, no auto titles."""

    def nullable_schema(self, schema: Any) -> dict[str, Any]:
        # An absent element is left out; an explicit empty value is an error.
        return self.generate_inner(schema["schema"])

    def field_title_should_be_set(self, schema: Any) -> bool:
        return False

    def generate(self, schema: Any, mode: Any = "validation") -> dict[str, Any]:
        result = _refer_to_local_text(super().generate(schema, mode))
        result.setdefault("$defs", {})["LocalText"] = {
            "description": "Text, or text per language such as {nl: ..., en: ...}.",
            **LOCAL_TEXT_SCHEMA,
        }
        result["$defs"] = dict(sorted(result["$defs"].items()))
        _drop_null_defaults(result)
        _explain_patterns(result)
        return {"$schema": DIALECT, **result}


def _refer_to_local_text(node: Any) -> Any:
    """The schema with every inline definition of free text replaced by a reference to the one definition."""
    if isinstance(node, dict):
        branches = node.get("anyOf")
        local = LOCAL_TEXT_SCHEMA["anyOf"]
        if branches == local:
            return {"$ref": LOCAL_TEXT_REF, **{key: value for key, value in node.items() if key != "anyOf"}}
        if isinstance(branches, list) and branches[: len(local)] == local:  # free text, or a list of it (quotes)
            node = {**node, "anyOf": [{"$ref": LOCAL_TEXT_REF}, *branches[len(local) :]]}
        return {key: _refer_to_local_text(value) for key, value in node.items()}
    if isinstance(node, list):
        return [_refer_to_local_text(value) for value in node]
    return node


LOCAL_TEXT_REF = "#/$defs/LocalText"


def _drop_null_defaults(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("default", 0) is None:
            del node["default"]
        for value in node.values():
            _drop_null_defaults(value)
    elif isinstance(node, list):
        for value in node:
            _drop_null_defaults(value)


def _explain_patterns(node: Any) -> None:
    """Give every pattern its meaning in words, as ``patternErrorMessage``: editors (VS Code, the YAML
    language server) show it instead of the bare regular expression. The branches of an anyOf (a
    date or a month) share one message, so it reads right whichever branch an editor reports."""
    if isinstance(node, dict):
        branches = node.get("anyOf")
        if isinstance(branches, list) and branches and all(isinstance(b, dict) and "pattern" in b for b in branches):
            message = _expected(", or ".join(PATTERN_MEANINGS[branch["pattern"]] for branch in branches))
            for branch in branches:
                branch["patternErrorMessage"] = message
        elif "pattern" in node and "patternErrorMessage" not in node:
            node["patternErrorMessage"] = _expected(PATTERN_MEANINGS[node["pattern"]])
        for value in node.values():
            _explain_patterns(value)
    elif isinstance(node, list):
        for value in node:
            _explain_patterns(value)


def _expected(meaning: str) -> str:
    return f"Expected {meaning}."


def generate_schema() -> dict[str, Any]:
    return Manifest.model_json_schema(schema_generator=_ManifestSchema)


def render_schema() -> str:
    return json.dumps(generate_schema(), indent=2, ensure_ascii=False) + "\n"


@lru_cache(maxsize=1)
def published_schema() -> dict[str, Any]:
    schema: dict[str, Any] = json.loads(files("privlint.schemas").joinpath(SCHEMA_FILE).read_text(encoding="utf-8"))
    return schema


@lru_cache(maxsize=1)
def _validator() -> Any:
    from jsonschema import Draft202012Validator, validators

    strict = validators.extend(Draft202012Validator, {"pattern": _ecma_pattern})  # type: ignore[no-untyped-call]  # untyped in types-jsonschema
    return strict(published_schema(), format_checker=Draft202012Validator.FORMAT_CHECKER)


def _ecma_pattern(validator: Any, pattern: str, instance: Any, schema: Any) -> Iterator[Any]:
    """``pattern`` as JSON Schema (ECMA-262) means it: a final '$' is the end of the text.

    Python's '$' also matches before a final line break, so "NL\\n" would pass
    here and then fail in the models (and in editors).
    """
    from jsonschema import ValidationError

    if validator.is_type(instance, "string") and not re.search(_ECMA_END.sub(r"\\Z", pattern), instance):
        yield ValidationError(f"{instance!r} does not match {pattern!r}")


def schema_problems(data: Any, limit: int = MAX_PROBLEMS) -> list[Problem]:
    """Every way ``data`` breaks the schema (up to ``limit``), as located problems."""
    if data is None:
        return [Problem((), "the file is empty", "a manifest is a mapping that starts with 'privlint: 1'")]
    if not isinstance(data, dict):
        return [Problem((), f"the top level is {_describe(data)}, not a mapping", "a manifest is a mapping that starts with 'privlint: 1'")]
    problems: list[Problem] = []
    for error in _validator().iter_errors(data):
        problems.extend(itertools.islice(_explain(error), limit + 1 - len(problems)))
        if len(problems) > limit:
            return [*problems[:limit], Problem((), f"more than {limit} problems; only the first {limit} are reported", "fix these, then run privlint again")]
    return problems


# -- turning jsonschema errors into sentences --------------------------------


def _describe(value: Any) -> str:
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return f"the boolean {str(value).lower()}"
    if isinstance(value, (int, float)):
        return f"the number {value!r}"
    if isinstance(value, str):
        return f"the text {value!r}"
    if isinstance(value, list):
        return "a list"
    return "a mapping"


_TYPE_WORDS = {
    "string": "text",
    "boolean": "true or false",
    "integer": "a whole number",
    "number": "a number",
    "array": "a list",
    "object": "a mapping",
    "null": "nothing",
}


def _where(path: Any) -> str:
    """A path as a person reads it: ``purposes[0].legal_bases[1]``."""
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "the top level"


def _suggest(word: str, candidates: list[str]) -> str | None:
    close = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return f"did you mean {close[0]!r}?" if close else None


def _explain(error: Any) -> Iterator[Problem]:
    kind = error.validator
    path = list(error.absolute_path)
    pointer = tuple(path)
    instance = error.instance
    where = _where(path)
    if kind == "additionalProperties":
        known = sorted(error.schema.get("properties", {}))
        for key in sorted(set(instance) - set(known)):
            yield Problem(
                (*path, key),
                f"unknown key {key!r} in {where}",
                _suggest(key, known) or f"known keys here: {', '.join(known)}",
            )
    elif kind == "required":
        for key in error.validator_value:
            if key not in instance:
                if key == "privlint" and not path:
                    yield Problem(pointer, "the format version is missing", f"start the manifest with 'privlint: {FORMAT_VERSION}'")
                else:
                    yield Problem(pointer, f"required key {key!r} is missing in {where}", f"add {key!r} here")
    elif kind == "const" and path == ["privlint"]:
        yield Problem(pointer, f"unsupported format version {instance!r}; this privlint reads version {FORMAT_VERSION}", f"write 'privlint: {FORMAT_VERSION}'")
    elif kind == "type" and path == ["privlint"]:
        return  # the format version's own message (const, above) says it better
    elif kind == "type" or (kind == "const"):
        yield _type_problem(error, pointer, where)
    elif kind == "enum":
        allowed = [str(v) for v in error.validator_value]
        hint = (_suggest(str(instance), allowed) if isinstance(instance, str) else None) or "use one of the values listed"
        yield Problem(pointer, f"{where}: {_describe(instance)} is not one of {', '.join(allowed)}", hint)
    elif kind == "pattern":
        meaning = PATTERN_MEANINGS.get(error.validator_value, f"text matching {error.validator_value}")
        yield Problem(pointer, f"{where}: {_describe(instance)} is not {meaning}", f"write {meaning}")
    elif kind == "format":
        yield Problem(pointer, f"{where}: {instance!r} is not a real date", "write a date as YYYY-MM-DD, or a month as YYYY-MM")
    elif kind == "minLength":
        yield Problem(pointer, f"{where}: the text is empty", "leave the key out if the statement says nothing")
    elif kind == "anyOf":
        yield _any_of_problem(error, pointer, where)
    else:
        yield Problem(pointer, f"{where}: {error.message}", "see the manifest format: 'privlint schema' prints it")


def _type_problem(error: Any, pointer: NodePath, where: str) -> Problem:
    instance = error.instance
    expected = error.validator_value if error.validator == "type" else type(error.validator_value).__name__
    expected_words = " or ".join(_TYPE_WORDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
    if instance is None:
        return Problem(pointer, f"{where} has an empty value; expected {expected_words}", "give a value, or leave the key out")
    hint = f"give {expected_words} here"
    if expected == "boolean" and isinstance(instance, str) and instance.lower() in ("yes", "no", "on", "off", "y", "n"):
        hint = "YAML 1.2 reads this as text: write true or false"
    elif expected == "string" and isinstance(instance, (bool, int, float)):
        hint = "quote the value to make it text"
    return Problem(pointer, f"{where}: expected {expected_words}, got {_describe(instance)}", hint)


def _any_of_problem(error: Any, pointer: NodePath, where: str) -> Problem:
    branches = [branch for branch in error.validator_value if isinstance(branch, dict)]
    if _is_local_text(branches):
        return _local_text_problem(error, pointer, where)
    if branches and branches[0] == {"$ref": LOCAL_TEXT_REF}:  # free text, or a list of it
        return _text_or_list_problem(error, pointer, where)
    if all(branch.get("type") == "string" for branch in branches) and isinstance(error.instance, str):
        # The partial date: a full date or a month.
        return Problem(
            pointer,
            f"{where}: {error.instance!r} is not a real date (YYYY-MM-DD) or month (YYYY-MM)",
            "write the date the statement prints, such as 2023-06-01, or 2025-10 when only the month is printed",
        )
    if all(branch.get("type") == "string" for branch in branches):
        return _type_problem(_Substitute(error, "string"), pointer, where)
    # A value or a list of values (transfers[].safeguard): explain the branch that got deepest into the value,
    # leaving out branches of another shape ("is not of type 'array'" for a single value).
    fitting = [e for e in error.context or () if not (e.validator == "type" and len(e.relative_path) == 0)]
    if fitting:
        deepest = max(fitting, key=lambda e: len(e.absolute_path))
        explained = next(_explain(deepest), None)
        if explained is not None:
            return explained
    return Problem(pointer, f"{where}: {error.message}", "see the manifest format: 'privlint schema' prints it")


def _is_local_text(branches: list[dict[str, Any]]) -> bool:
    """Whether the branches are free text's: a string, or strings per language."""
    return [branch.get("type") for branch in branches] == ["string", "object"] and "propertyNames" in branches[1]


def _local_text_problem(error: Any, pointer: NodePath, where: str) -> Problem:
    instance = error.instance
    if isinstance(instance, str):
        return Problem(pointer, f"{where}: the text is empty", "leave the key out if the statement says nothing")
    if not isinstance(instance, dict):
        problem = _type_problem(_Substitute(error, "string"), pointer, where)
        return Problem(problem.path, problem.message, f"{problem.hint}, or text per language such as {{nl: ..., en: ...}}")
    if not instance:
        return Problem(pointer, f"{where}: no language given", "write text, or text per language such as {nl: ..., en: ...}")
    for language, text in instance.items():
        if not re.fullmatch(LANGUAGE_PATTERN, language):
            return Problem(
                pointer, f"{where}: {language!r} is not {PATTERN_MEANINGS[LANGUAGE_PATTERN]}",
                "give the text per language, keyed by language tags such as nl and en",
            )
        if not isinstance(text, str):
            return _type_problem(_Substitute(_Instance(text), "string"), (*pointer, language), f"{where}.{language}")
        if not text:
            return Problem((*pointer, language), f"{where}.{language}: the text is empty", "leave the language out if there is no text in it")
    return Problem(pointer, f"{where}: {error.message}", "see the manifest format: 'privlint schema' prints it")


def _text_or_list_problem(error: Any, pointer: NodePath, where: str) -> Problem:
    instance = error.instance
    if isinstance(instance, list):
        if not instance:
            return Problem(pointer, f"{where}: the list is empty", "give at least one passage, or leave the key out")
        for suberror in error.context:
            if isinstance(next(iter(suberror.relative_path), None), int):
                return next(_explain(suberror), Problem(pointer, f"{where}: {suberror.message}"))
    if isinstance(instance, (str, dict)):
        local = next((e for e in error.context if e.validator == "anyOf"), None)
        if local is not None:
            return _local_text_problem(local, pointer, where)
    problem = _type_problem(_Substitute(error, "string"), pointer, where)
    return Problem(problem.path, problem.message, f"{problem.hint}, text per language, or a list of passages")


class _Instance:
    def __init__(self, instance: Any):
        self.instance = instance


class _Substitute:
    """An error that reads as a type error, for anyOf branches that are all one type."""

    def __init__(self, error: Any, expected: str):
        self.instance = error.instance
        self.validator = "type"
        self.validator_value = expected
