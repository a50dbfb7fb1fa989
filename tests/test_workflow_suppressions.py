"""Inline suppressions: ``# privlint: disable=RULE -- reason`` and ``disable-file``."""

import pytest
from conftest import TODAY
from privlint.run.linter import Linter, Settings

SELECT = ("missing-legal-basis", "missing-retention", "missing-last-changed", "PL004", "PL005")


@pytest.fixture
def check(rules):
    """Lint text with a few core rules and the suppression rules: [(line, rule, message)]."""

    def run(text: str, select=SELECT):
        linter = Linter(rules, Settings(today=TODAY, select=select))
        return [(f.line, f.rule, f.message) for f in linter.lint_text(text, "test.privacy.yaml")]

    return run


def rules_at(findings):
    return [(line, rule) for line, rule, _ in findings]


HEAD = "privlint: 1\nstatement:\n  last_changed: 2026-01-01\n"


def test_a_comment_on_the_line_suppresses_findings_on_that_line(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=missing-legal-basis -- listed in the annex\n    retention: {period: P1Y}\n"
    assert check(text) == []


def test_a_comment_on_its_own_line_suppresses_the_next_line_with_content(check):
    text = HEAD + (
        "purposes:\n"
        "  # privlint: disable=missing-legal-basis,PL201 -- the annex\n"
        "  # another comment in between\n"
        "\n"
        "  - id: a\n"
        "  - id: b\n"
    )
    assert rules_at(check(text)) == [(9, "missing-legal-basis"), (9, "missing-retention")]


def test_a_trailing_comment_does_not_reach_the_next_line(check):
    text = HEAD + "purposes:  # privlint: disable=missing-legal-basis -- no\n  - id: a\n    retention: {period: P1Y}\n"
    found = check(text)
    assert (5, "missing-legal-basis") in rules_at(found)
    assert (4, "unused-suppression") in rules_at(found)


def test_disable_file_at_the_top_suppresses_everywhere(check):
    text = (
        "# yaml-language-server: $schema=x.json\n"
        "# privlint: disable-file=missing-retention -- retention is in the annex\n"
        + HEAD + "purposes:\n  - id: a\n    legal_bases: [contract]\n  - id: b\n    legal_bases: [consent]\n"
    )
    assert check(text) == []


def test_disable_file_below_the_first_content_suppresses_nothing_and_says_so(check):
    text = HEAD + "# privlint: disable-file=missing-retention -- too late\npurposes:\n  - id: a\n    legal_bases: [contract]\n"
    found = check(text)
    assert (6, "missing-retention") in rules_at(found)
    assert (4, "unused-suppression", "disable-file comes after the first line of content, so it suppresses nothing") in found


def test_a_suppression_without_a_reason_still_suppresses_and_is_reported(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=missing-legal-basis\n    retention: {period: P1Y}\n"
    assert check(text) == [(5, "suppression-without-reason", "suppression of missing-legal-basis gives no reason")]
    empty_reason = text.replace("basis\n", "basis --\n")
    assert rules_at(check(empty_reason)) == [(5, "suppression-without-reason")]


def test_a_suppression_that_suppresses_nothing_is_reported_per_rule(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=missing-legal-basis,missing-retention -- both?\n    legal_bases: [contract]\n"
    # missing-retention was suppressed; missing-legal-basis had nothing to suppress.
    assert check(text) == [(5, "unused-suppression", "suppression of 'missing-legal-basis' suppresses nothing")]


def test_a_suppression_of_a_rule_that_does_not_exist_suggests_one(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=missing-retenton -- typo\n    legal_bases: [contract]\n"
    found = check(text)
    assert (5, "unused-suppression", "suppression names no rule: 'missing-retenton'") in found


def test_a_directive_that_is_not_understood_is_reported(check):
    text = HEAD + "# privlint: disabel=missing-retention -- typo\npurposes: []\n"
    found = check(text)
    assert (4, "unused-suppression", "'# privlint: disabel=missing-retention -- typo' is not a privlint directive") in found


def test_a_suppression_of_a_switched_off_rule_is_idle_not_unused(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=missing-legal-basis -- annex\n    retention: {period: P1Y}\n"
    assert check(text, select=("missing-retention", "PL004", "PL005")) == []


def test_the_directive_inside_a_string_is_text_not_a_comment(check):
    text = HEAD + (
        "purposes:\n"
        "  - id: a\n"
        "    description: 'see # privlint: disable=missing-legal-basis -- not a comment'\n"
        "    retention: {period: P1Y}\n"
        "  - id: b\n"
        "    description: |\n"
        "      # privlint: disable-file=ALL -- not a comment either\n"
        "    retention: {period: P1Y}\n"
    )
    assert rules_at(check(text)) == [(5, "missing-legal-basis"), (8, "missing-legal-basis")]


def test_suppressions_by_code_prefix_and_all(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=PL1,PL2 -- annex\n  - id: b  # privlint: disable=ALL -- annex\n"
    assert check(text) == []


def test_engine_rules_cannot_be_suppressed(check):
    text = "# privlint: disable-file=invalid-manifest -- no\nprivlint: 1\nstatment: {}\n"
    assert rules_at(check(text)) == [(3, "invalid-manifest")]


def test_the_suppression_rules_themselves_can_be_ignored(check):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=missing-legal-basis\n    retention: {period: P1Y}\n"
    assert check(text, select=("missing-legal-basis",)) == []


def test_the_summary_counts_suppressed_findings(cli, tmp_path):
    text = HEAD + "purposes:\n  - id: a  # privlint: disable=PL101,PL201 -- annex\n"
    (tmp_path / "a.privacy.yaml").write_text(text, encoding="utf-8")
    result = cli("--today", "2026-11-23", "--select", ",".join(SELECT), cwd=tmp_path)
    assert result.output.splitlines() == [
        "All checks passed: no findings in 1 file.",
        "2 findings suppressed by comments in the manifests.",
    ]
    assert result.exit_code == 0
