"""The first checks: legal basis, retention, last-changed dates and the supervisory authority."""

import datetime as dt

import pytest
from conftest import ROOT, TODAY
from privlint.parse.pointers import UnknownNode
from privlint.read.discovery import discover
from privlint.rules import Problem, Rule, Severity
from privlint.run.linter import Linter, Settings


def only(lint, rule, text, **settings):
    return [f for f in lint(text, select=(rule,), **settings) if f.rule == rule]


# -- missing-legal-basis ------------------------------------------------------


def test_purpose_without_basis_is_located_at_the_purpose(lint):
    findings = only(lint, "missing-legal-basis", "privlint: 1\npurposes:\n  - id: a\n    legal_bases: [consent]\n  - id: b\n    section: '6.2'\n")
    assert [(f.line, f.column, f.message) for f in findings] == [(5, 5, "purpose 'b' (section 6.2) has no legal basis")]
    assert findings[0].code == "PL101" and findings[0].pointer == "/purposes/1"


def test_general_bases_not_tied_to_purposes_are_named_in_the_message(lint):
    text = "privlint: 1\ngeneral_legal_bases:\n  - basis: contract\n  - basis: consent\npurposes:\n  - id: a\n"
    [finding] = only(lint, "missing-legal-basis", text)
    assert "the statement names consent, contract only in general, without tying them to purposes" in finding.message


def test_no_purposes_at_all_is_a_finding(lint):
    [finding] = only(lint, "missing-legal-basis", "privlint: 1\n")
    assert "declares no purposes" in finding.message


# -- missing-retention --------------------------------------------------------


@pytest.mark.parametrize(
    "retention",
    [
        "purposes:\n  - id: a\n    retention: {period: P2Y}\n",
        "purposes:\n  - id: a\n    retention: {criteria: until the order is delivered}\n",
        "retention: {maximum: P7Y}\npurposes:\n  - id: a\n",
        "data_categories:\n  - id: d\n    retention: {period: P1Y}\npurposes:\n  - id: a\n    data: [d]\n",
    ],
)
def test_retention_is_covered_by_the_purpose_its_data_or_a_statement_wide_rule(lint, retention):
    assert not only(lint, "missing-retention", "privlint: 1\n" + retention)


@pytest.mark.parametrize(
    "retention",
    [
        "purposes:\n  - id: a\n    retention: {after: end of contract}\n",
        "purposes:\n  - id: a\n    retention: {statutory_source: AWR art. 52}\n",
        # a general "as long as necessary" covers nothing; where no purpose gives a period at all, it is the
        # statement's only answer and vague-retention reports it once instead (test_checks_quality)
        "retention: {criteria: niet langer dan noodzakelijk}\npurposes:\n  - id: a\n  - id: b\n    retention: {period: P1Y}\n",
        "retention: {criteria: as long as necessary for the purpose}\npurposes:\n  - id: a\n  - id: b\n"
        "    retention: {period: P1Y}\n",
    ],
)
def test_an_event_a_law_or_partial_data_coverage_is_not_retention(lint, retention):
    [finding] = only(lint, "missing-retention", "privlint: 1\n" + retention)
    assert finding.message == "purpose 'a' has no retention period or criteria"


def test_partial_coverage_by_data_categories_names_the_uncovered_data(lint):
    text = "privlint: 1\ndata_categories:\n  - id: d\n    retention: {period: P1Y}\n  - id: e\npurposes:\n  - id: a\n    data: [d, e]\n"
    [finding] = only(lint, "missing-retention", text)
    assert finding.message == "purpose 'a' gives no retention period or criteria for its data 'e' (only for some of its other data)"


# -- last changed ---------------------------------------------------------------


def test_missing_last_changed_points_at_the_statement(lint):
    [finding] = only(lint, "missing-last-changed", "privlint: 1\nstatement:\n  title: x\n")
    assert (finding.line, finding.column, finding.severity.value) == (2, 1, "warning")


@pytest.mark.parametrize(
    ("last_changed", "today", "stale"),
    [
        ("2025-11-23", dt.date(2026, 11, 23), False),
        ("2025-11-22", dt.date(2026, 11, 23), True),
        ("2025-10", dt.date(2026, 10, 31), False),  # a month counts as its last day
        ("2025-10", dt.date(2026, 11, 1), True),
        ("2024-02-29", dt.date(2025, 2, 28), False),
        ("2024-02-29", dt.date(2025, 3, 1), True),
    ],
)
def test_stale_last_changed_boundaries(lint, last_changed, today, stale):
    findings = only(lint, "stale-last-changed", f"privlint: 1\nstatement:\n  last_changed: {last_changed}\n", today=today)
    assert bool(findings) is stale


def test_max_age_is_configurable(lint):
    text = "privlint: 1\nstatement:\n  last_changed: 2025-06-01\n"
    assert only(lint, "stale-last-changed", text)
    assert not only(lint, "stale-last-changed", text, options={"max-age": "P2Y"})
    [finding] = only(lint, "stale-last-changed", text, options={"max-age": "P3M"})
    assert finding.message == "last changed 2025-06-01 is about 1 year 5 months before 2026-11-23, older than the maximum age P3M"


@pytest.mark.parametrize(("last_changed", "future"), [("2026-11-24", True), ("2026-11-23", False), ("2026-11", False), ("2026-12", True)])
def test_future_last_changed(lint, last_changed, future):
    findings = only(lint, "future-last-changed", f"privlint: 1\nstatement:\n  last_changed: {last_changed}\n")
    assert bool(findings) is future


# -- supervisory authority --------------------------------------------------------


def test_missing_authority_suggests_the_competent_one(lint):
    [finding] = only(lint, "missing-supervisory-authority", "privlint: 1\ncontroller: {country: NL}\n")
    assert "Autoriteit Persoonsgegevens" in finding.hint


@pytest.mark.parametrize(
    "authority",
    [
        "{name: Autoriteit Persoonsgegevens}",
        "{name: AP}",
        "{name: autoriteit persoonsgegevens}",
        "{url: 'https://www.autoriteitpersoonsgegevens.nl/nl/zelf-doen/privacyrechten'}",
        "{name: Dutch Data Protection Authority}",
    ],
)
def test_known_authority_matched_by_name_short_name_or_domain(lint, authority):
    text = f"privlint: 1\ncontroller: {{country: NL}}\nsupervisory_authority: {authority}\n"
    assert not only(lint, "unknown-supervisory-authority", text)
    assert not only(lint, "mismatched-supervisory-authority", text)


def test_unknown_and_non_eea_authorities(lint):
    [unknown] = only(lint, "unknown-supervisory-authority", "privlint: 1\nsupervisory_authority: {name: Consumentenbond}\n")
    assert unknown.message == "'Consumentenbond' is not an EU/EEA supervisory authority privlint knows"
    [outside] = only(lint, "unknown-supervisory-authority", "privlint: 1\nsupervisory_authority: {name: ICO}\n")
    assert "is not an EU/EEA supervisory authority" in outside.message


def test_mismatched_authority_names_the_competent_one(lint):
    text = "privlint: 1\ncontroller: {country: BE}\nsupervisory_authority:\n  name: AP\n"
    [finding] = only(lint, "mismatched-supervisory-authority", text)
    assert (finding.line, finding.column) == (4, 3)
    assert "not competent for a controller established in BE" in finding.message
    assert "dataprotectionauthority.be" in finding.hint


def test_any_german_authority_is_competent_for_any_german_state(lint):
    text = "privlint: 1\ncontroller: {country: DE-BY}\nsupervisory_authority: {name: BfDI}\n"
    assert not only(lint, "mismatched-supervisory-authority", text)


def test_a_name_shared_by_two_countries_matches_either(lint):
    text = "privlint: 1\ncontroller: {country: NO}\nsupervisory_authority: {name: Datatilsynet}\n"
    assert not only(lint, "mismatched-supervisory-authority", text)
    assert not only(lint, "unknown-supervisory-authority", text)


def test_every_finding_on_the_seeds_and_rule_examples_points_at_a_node_of_its_document(rules):
    """A check's path must name a node: a mistyped key would otherwise land silently on a parent."""
    targets = discover([ROOT / "seeds", ROOT / "examples"])
    linter = Linter(rules, Settings(today=TODAY, strict_pointers=True))
    findings = [finding for target in targets for finding in linter.lint(target)]
    assert findings and not [finding for finding in findings if finding.rule == "internal-error"]


def _rule_pointing_at(*path):
    """A rule whose check reports one problem at ``path``."""

    def check(manifest, context):
        yield Problem(path, "here")

    return Rule("XT998", "points-at", Severity.warning, "-", "Points at a path", "", check=check)


def test_a_path_that_names_no_node_fails_a_strict_run_and_falls_back_to_its_parent_otherwise(rules):
    text = "privlint: 1\npurposes:\n  - id: a\n"
    rule = _rule_pointing_at("purposes", 0, "legal_bases")
    with pytest.raises(UnknownNode, match="'/purposes/0/legal_bases' names no node"):
        Linter([*rules, rule], Settings(today=TODAY, select=("points-at",), strict_pointers=True)).lint_text(text, "t.yaml")
    [finding] = Linter([*rules, rule], Settings(today=TODAY, select=("points-at",))).lint_text(text, "t.yaml")
    assert (finding.rule, finding.line, finding.column, finding.pointer) == ("points-at", 3, 5, "/purposes/0/legal_bases")


def test_a_path_that_names_a_node_is_located_there_in_a_strict_run(rules):
    rule = _rule_pointing_at("purposes", 0, "section")
    linter = Linter([*rules, rule], Settings(today=TODAY, select=("points-at",), strict_pointers=True))
    [finding] = linter.lint_text("privlint: 1\npurposes:\n  - id: a\n    section: '1'\n", "t.yaml")
    assert (finding.line, finding.column, finding.pointer) == (4, 5, "/purposes/0/section")
