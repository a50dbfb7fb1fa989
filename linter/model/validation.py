"""Validating a manifest once: the model decides, the schema explains.

The pydantic models and the published JSON Schema are one contract (the schema
is generated from the models, and tests hold them to the same verdicts). So a
document the model accepts is not walked again by jsonschema, which costs
several times as much as the model. Only when the model rejects a document does
the schema pass run, to report every error, each at its node, in words.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from privlint.model.manifest import CONSUME_ENTRIES, Manifest
from privlint.rules import Problem
from pydantic import ValidationError
from pydantic_core import ErrorDetails

if TYPE_CHECKING:
    from privlint.parse.loader import Document


def build_models() -> None:
    """Build the validator now rather than on the first validation (the models defer it: see Model)."""
    Manifest.model_rebuild()


def validate_document(document: Document) -> tuple[Manifest | None, list[Problem]]:
    """``validate(document.data)``; where the document reads its data again (privlint.parse.loader), letting
    go of the data entry by entry as the models are built (privlint.model.manifest.CONSUME_ENTRIES), and
    reading it again where the manifest is invalid, to say what is wrong."""
    build_models()  # now: building them on first use keeps this frame's locals, the data among them
    data = document.data
    if not (isinstance(data, dict) and document.reads_again):
        return validate(data)
    context = {CONSUME_ENTRIES: False}
    model_errors: list[ErrorDetails] | None = None
    try:
        return Manifest.model_validate(data, context=context), []
    except ValidationError as error:
        if not context[CONSUME_ENTRIES]:  # the data is whole: explained as validate explains it, without validating again
            model_errors = error.errors()
    if model_errors is not None:  # (outside the handler: its traceback would hold the data being let go)
        return _explained(data, model_errors)
    from privlint.model.schema import schema_problems
    from privlint.parse.loader import load_document

    del data
    document.data = None  # the models built so far go before the data is read again
    document.data = load_document(document.text).data
    problems = schema_problems(document.data)  # what validate does once the model has said no
    return (None, problems) if problems else validate(document.data)


def validate(data: Any) -> tuple[Manifest | None, list[Problem]]:
    """The typed manifest and no problems, or None and every problem found."""
    model_errors: list[ErrorDetails] = []
    if isinstance(data, dict):
        try:
            return Manifest.model_validate(data), []
        except ValidationError as error:
            model_errors = error.errors()
    return _explained(data, model_errors)


def _explained(data: Any, model_errors: list[ErrorDetails]) -> tuple[None, list[Problem]]:
    """What is wrong with ``data``, which the model rejected (``model_errors``) or which is not a mapping."""
    from privlint.model.schema import (
        schema_problems,  # imports jsonschema: only for invalid documents
    )

    problems = schema_problems(data)
    if problems or not model_errors:
        return None, problems
    # The model rejects what the schema allows (a disagreement the tests guard against): still say where.
    return None, [Problem(tuple(error["loc"]), error["msg"]) for error in model_errors]

