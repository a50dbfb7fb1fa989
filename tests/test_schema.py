"""The published schema is generated from the models, and its errors read as sentences at their place."""

import json

from conftest import ROOT
from privlint.model.schema import generate_schema, render_schema


def test_committed_schema_is_what_the_models_generate():
    committed = (ROOT / "schemas" / "privacy-statement.schema.json").read_text(encoding="utf-8")
    assert committed == render_schema(), "regenerate: privlint schema > schemas/privacy-statement.schema.json"


def test_schema_is_2020_12_and_closed():
    schema = generate_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["additionalProperties"] is False
    assert all(definition.get("additionalProperties") is False for definition in schema["$defs"].values() if definition.get("type") == "object")
    assert schema["required"] == ["privlint"]


def test_cli_prints_the_schema(cli):
    result = cli("schema")
    assert result.exit_code == 0
    assert json.loads(result.output) == generate_schema()


def invalid(lint, text):
    return [(f.line, f.column, f.message, f.hint) for f in lint(text) if f.rule == "invalid-manifest"]


def test_every_error_is_reported_each_at_its_node(lint):
    problems = invalid(lint, (
        "privlint: 1\n"
        "statement:\n"
        "  last_change: 2023-06-01\n"
        "  language: 5\n"
        "dpo:\n"
        "  designated: yes\n"
        "purposes:\n"
        "  - id: news\n"
        "    legal_bases: [concent]\n"
        "    retention: {period: 7 years}\n"
    ))
    assert [(line, column) for line, column, _, _ in problems] == [(3, 3), (4, 3), (6, 3), (9, 19), (10, 17)]
    messages = [message for _, _, message, _ in problems]
    assert messages[0] == "unknown key 'last_change' in statement"
    assert problems[0][3] == "did you mean 'last_changed'?"
    assert messages[1] == "statement.language: expected text, got the number 5"
    assert "YAML 1.2 reads this as text: write true or false" == problems[2][3]
    assert "is not one of consent, contract" in messages[3] and problems[3][3] == "did you mean 'consent'?"
    assert "is not an ISO 8601 duration such as P7Y" in messages[4]


def test_impossible_dates_and_months_are_rejected(lint):
    for value in ("2023-02-30", "2023-13", "00-00-0000", "2023-6-1"):
        problems = invalid(lint, f"privlint: 1\nstatement:\n  last_changed: {value}\n")
        assert problems and "is not a real date (YYYY-MM-DD) or month (YYYY-MM)" in problems[0][2], value
    assert not invalid(lint, "privlint: 1\nstatement:\n  last_changed: 2024-02-29\n")
    assert not invalid(lint, "privlint: 1\nstatement:\n  last_changed: 2025-10\n")


def test_format_version_is_required_and_checked(lint):
    assert invalid(lint, "statement: {title: x}\n")[0][2] == "the format version is missing"
    assert "unsupported format version 2" in invalid(lint, "privlint: 2\n")[0][2]


def test_empty_values_and_non_mappings_are_explained(lint):
    assert invalid(lint, "privlint: 1\ndpo:\n")[0][2] == "dpo has an empty value; expected a mapping"
    assert invalid(lint, "")[0][2] == "the file is empty"
    assert invalid(lint, "- a\n- b\n")[0][2] == "the top level is a list, not a mapping"


def test_a_schema_error_stops_the_checks_for_that_file(lint):
    findings = lint("privlint: 1\npurposes:\n  - id: Bad Id\n")
    assert {f.rule for f in findings} == {"invalid-manifest"}
