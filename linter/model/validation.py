"""Validating a manifest once: the model decides, the schema explains.

The pydantic models and the published JSON Schema are one contract (the schema
is generated from the models, and tests hold them to the same verdicts). So a
document the model accepts is not walked again by jsonschema, which costs
several times as much as the model. Only when the model rejects a document does
the schema pass run, to report every error, each at its node, in words.
"""

from __future__ import annotations

from typing import Any

from privlint.model.manifest import Manifest
from privlint.rules import Problem
from pydantic import ValidationError
from pydantic_core import ErrorDetails


def build_models() -> None:
    """Build the validator now rather than on the first validation (the models defer it: see Model)."""
    Manifest.model_rebuild()


def validate(data: Any) -> tuple[Manifest | None, list[Problem]]:
    """The typed manifest and no problems, or None and every problem found."""
    model_errors: list[ErrorDetails] = []
    if isinstance(data, dict):
        try:
            return Manifest.model_validate(data), []
        except ValidationError as error:
            model_errors = error.errors()
    from privlint.model.schema import (
        schema_problems,  # imports jsonschema: only for invalid documents
    )

    problems = schema_problems(data)
    if problems or not model_errors:
        return None, problems
    # The model rejects what the schema allows (a disagreement the tests guard against): still say where.
    return None, [Problem(tuple(error["loc"]), error["msg"]) for error in model_errors]

