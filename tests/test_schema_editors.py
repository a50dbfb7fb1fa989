"""What editors show from the schema (VS Code with the YAML language server, and others) reads well.

Hovering a key shows its description; a value that breaks a pattern shows the pattern's
``patternErrorMessage`` instead of the regular expression; a date the calendar does not have is
refused as you type, as privlint refuses it.
"""

import datetime as dt
import re

import pytest
from privlint.model.schema import generate_schema
from privlint.model.types import DATE_PATTERN, PATTERN_MEANINGS

SCHEMA = generate_schema()


def properties():
    """Every property of every object in the schema: (where, name, its schema)."""
    for where, node in [("the top level", SCHEMA), *SCHEMA["$defs"].items()]:
        for name, schema in node.get("properties", {}).items():
            yield where, name, schema


def nodes(node):
    if isinstance(node, dict):
        yield node
        for value in node.values():
            yield from nodes(value)
    elif isinstance(node, list):
        for value in node:
            yield from nodes(value)


def ecma(pattern: str) -> re.Pattern:
    """A schema pattern as JSON Schema (ECMA-262) reads it: a final '$' is the end of the text."""
    return re.compile(re.sub(r"(?<!\\)\$$", r"\\Z", pattern))


def description(schema: dict) -> str:
    """What an editor shows on hover: the property's description, else that of the definition it refers to."""
    if "description" in schema or "$ref" not in schema:
        return schema.get("description", "")
    return SCHEMA["$defs"][schema["$ref"].removeprefix("#/$defs/")].get("description", "")


def test_every_property_has_a_description():
    missing = [f"{where}.{name}" for where, name, schema in properties() if not description(schema).strip()]
    assert missing == [], "give each a Field(description=...) in linter/model/manifest.py"


def test_a_property_with_a_pattern_gives_an_example_in_its_description():
    def has_pattern(schema):
        return any("pattern" in node for node in nodes(schema))

    bare = [f"{where}.{name}" for where, name, schema in properties() if has_pattern(schema) and "such as" not in description(schema)]
    assert bare == []


def test_every_pattern_has_a_message_in_words():
    patterns = [node for node in nodes(SCHEMA) if "pattern" in node]
    assert patterns
    for node in patterns:
        message = node["patternErrorMessage"]
        assert message.startswith("Expected ") and message.endswith(".") and "^" not in message
        assert PATTERN_MEANINGS[node["pattern"]] in message


def test_a_date_or_a_month_has_one_message_whichever_branch_an_editor_reports():
    last_changed = SCHEMA["$defs"]["Statement"]["properties"]["last_changed"]
    messages = {branch["patternErrorMessage"] for branch in last_changed["anyOf"]}
    assert messages == {"Expected a real date written YYYY-MM-DD, such as 2023-06-01, or a month written YYYY-MM, such as 2025-10."}
    assert [branch.get("format") for branch in last_changed["anyOf"]] == ["date", None]


YEARS = [1, 4, 99, 100, 400, 1600, 1700, 1800, 1900, 1996, 1999, 2000, 2023, 2024, 2025, 2026, 2028, 2100, 2400, 9996, 9999]


@pytest.mark.parametrize("year", YEARS)
def test_the_date_pattern_accepts_exactly_the_days_of_the_calendar(year):
    pattern = ecma(DATE_PATTERN)
    for month in range(14):
        for day in range(33):
            text = f"{year:04d}-{month:02d}-{day:02d}"
            try:
                real = dt.date(year, month, day) is not None
            except ValueError:
                real = False
            assert bool(pattern.match(text)) == real, text


def test_the_date_pattern_refuses_what_is_not_a_plain_date():
    pattern = ecma(DATE_PATTERN)
    for text in ["0000-01-01", "0000-02-29", "2026-02-30", "2025-02-29", "2026-04-31", "2026-6-1", "2026-06-01\n",
                 "2026-06-01T00:00", "20260601", "2023-W01-1", "12026-01-01", " 2026-06-01"]:
        assert not pattern.match(text), text
