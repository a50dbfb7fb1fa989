"""The exact place each rule reports on its documented failing example (examples/rules/<rule>/fail.privacy.yaml).

The pointer is the JSON report's ``path`` and feeds the fingerprint that suppressions and baselines
match, so a rule that starts reporting on a parent or a sibling node breaks every baseline that names
its findings, even when the line stays the same. Each example is linted as a file (the drift rules
read the statement beside it) with every rule enabled; the table lists the rule's own findings.
A change meant to move a finding updates its row here and says so in the commit message.
Below the table: where a finding on a value merged in with ``<<:`` is placed.
"""

import pytest
from conftest import EXAMPLES, TODAY
from privlint.read.discovery import discover
from privlint.run.linter import Linter, Settings

NEEDS_GIT = {"unbumped-last-changed"}  # placed in tests/test_workflow_unbumped.py, against a git history

# rule: [(pointer, line, column), ...] in report order
PLACES = {
    "authority-not-in-text": [("/supervisory_authority/name", 6, 3)],
    "channel-without-details": [("/controller/contact", 6, 3)],
    "check-regularly-clause": [("/statement/changes_announced", 4, 3)],
    "contradicted-denial": [
        ("/recipients/0/country", 9, 5),
        ("/automated_decisions/0", 11, 5),
    ],
    "controller-not-in-text": [
        ("/controller/name", 6, 3),
        ("/controller/registration", 7, 3),
    ],
    "cookie-without-consent": [
        ("/cookies/0/consent", 11, 5),
        ("/cookies/1", 13, 5),
    ],
    "data-subjects-outside-scope": [("/statement/addressed_to", 4, 3)],
    "duplicate-id": [
        ("/purposes/1/id", 7, 5),
        ("/data_categories/1/id", 12, 5),
    ],
    "example-safeguard": [("/transfers/0/safeguard_named_as", 7, 5)],
    "excessive-retention": [("/purposes/0/retention/period", 7, 7)],
    "expired-retention": [("/purposes/0/retention/until", 7, 7)],
    "future-last-changed": [("/statement/last_changed", 4, 3)],
    "implied-consent": [
        ("/statement/consent_mechanism", 4, 3),
        ("/purposes/0/consent_mechanism", 8, 5),
        ("/purposes/1/consent", 12, 5),
    ],
    "incomplete-automated-decision": [
        ("/automated_decisions/0", 4, 5),
        ("/automated_decisions/0", 4, 5),
        ("/automated_decisions/0", 4, 5),
    ],
    "incomplete-controller": [
        ("/controller", 3, 1),
        ("/controller", 3, 1),
    ],
    "inconsistent-retention": [
        ("/purposes/0/retention/period", 9, 7),
        ("/data_categories/0/retention/period", 13, 7),
    ],
    "invalid-manifest": [
        ("/statement/last_change", 4, 3),
        ("/purposes/0/legal_bases/0", 7, 19),
    ],
    "last-changed-not-in-text": [("/statement/last_changed", 5, 3)],
    "late-response-time": [
        ("/rights/response_time", 5, 3),
        ("/rights/response_extension", 6, 3),
    ],
    "legal-basis-without-law": [("/purposes/0", 4, 5)],
    "link-only-right": [("/rights/link_only/complaint", 9, 5)],
    "mismatched-supervisory-authority": [("/supervisory_authority/name", 7, 3)],
    "missing-complaint-right": [("/rights/offered", 4, 3)],
    "missing-consent-withdrawal": [("/rights/offered", 8, 3)],
    "missing-cookie-information": [("/data_categories/0/items/1", 9, 23)],
    "missing-data-categories": [("/data_categories/0", 4, 5)],
    "missing-safeguard-copy": [("/transfers/0/safeguard", 7, 5)],
    "missing-joint-arrangement": [("/services/0/role", 8, 5)],
    "child-consent-age": [("/statement/children/consent_age", 8, 5)],
    "request-fee": [("/rights/fee", 6, 3)],
    "missing-representative": [("/controller/country", 6, 3)],
    "missing-data-source": [("/data_categories/0", 4, 5)],
    "missing-dpo-contact": [("/dpo", 3, 1)],
    "missing-last-changed": [("/statement", 3, 1)],
    "missing-legal-basis": [("/purposes/0", 7, 5)],
    "missing-legitimate-interest": [
        ("/purposes/0/legitimate_interest", 8, 5),
        ("/purposes/1", 9, 5),
    ],
    "missing-recipients": [("", 2, 1)],
    "missing-requirement-notice": [("/statement", 3, 1)],
    "missing-retention": [("/purposes/0", 4, 5)],
    "missing-right": [
        ("/rights/offered", 4, 3),
        ("/rights/offered", 4, 3),
        ("/rights/offered", 4, 3),
    ],
    "missing-supervisory-authority": [("", 2, 1)],
    "missing-translation": [("/purposes/0/description", 8, 5)],
    "narrowed-right": [
        ("/rights/narrowed/erasure", 10, 5),
        ("/rights/narrowed/restriction", 11, 5),
    ],
    "national-id-without-law": [("/data_categories/0", 7, 5)],
    "open-list": [
        ("/open_lists/purposes", 13, 3),
        ("/open_lists/recipients", 14, 3),
    ],
    "possible-transfer": [("/transfers/0/possible", 6, 5)],
    "quote-not-in-text": [("/purposes/0/quote", 8, 5)],
    "retention-not-in-text": [("/purposes/0/retention/period", 8, 7)],
    "right-without-channel": [("/rights/channels", 5, 3)],
    "rights-for-some-only": [("/rights/addressed_to", 15, 3)],
    "special-category-without-condition": [
        ("/data_categories/0", 4, 5),
        ("/data_categories/1", 7, 5),
    ],
    "stale-last-changed": [("/statement/last_changed", 5, 3)],
    "suppression-without-reason": [("", 4, 3)],
    "transfer-without-safeguard": [("/transfers/0", 4, 5)],
    "unbounded-retention": [
        ("/purposes/0/retention/criteria", 7, 7),
        ("/data_categories/0/retention/criteria", 11, 7),
    ],
    "undeclared-transfer": [
        ("/recipients/0/name", 5, 5),
        ("/recipients/0/name", 5, 5),
        ("/services/0/name", 8, 5),
        ("/purposes/0/description", 12, 5),
    ],
    "undefined-reference": [
        ("/purposes/0/data/0", 6, 12),
        ("/purposes/0/recipients/0", 7, 18),
        ("/transfers/0/recipients/1", 14, 35),
    ],
    "unfounded-right-exclusion": [("/rights/not_applicable/portability", 9, 5)],
    "unknown-supervisory-authority": [("/supervisory_authority/name", 4, 3)],
    "unreadable-statement-text": [("/statement/text", 4, 3)],
    "unspecified-transfer": [("/transfers/0/destination", 4, 5)],
    "unstated-legitimate-interest": [("/general_legal_bases/1", 5, 5)],
    "unused-definition": [
        ("/data_categories/1", 10, 5),
        ("/recipients/1", 13, 5),
    ],
    "unused-suppression": [("", 4, 3)],
    "vague-language": [
        ("/purposes/0/description", 5, 5),
        ("/data_categories/0/items/1", 9, 19),
        ("/recipients/0/description", 12, 5),
    ],
    "vague-retention": [
        ("/purposes/0/retention/criteria", 7, 7),
        ("/retention/criteria", 9, 3),
    ],
    "yaml-syntax": [("", 4, 1)],
}


def test_every_rule_with_a_failing_example_has_a_row():
    examples = {folder.name for folder in EXAMPLES.iterdir() if (folder / "fail.privacy.yaml").is_file()}
    assert sorted(examples - NEEDS_GIT) == sorted(PLACES)


@pytest.mark.parametrize("rule_name", sorted(PLACES))
def test_the_rule_reports_its_example_at_exactly_these_places(rule_name, rules):
    linter = Linter(rules, Settings(today=TODAY, strict_pointers=True))
    [target] = discover([EXAMPLES / rule_name / "fail.privacy.yaml"])
    findings = linter.lint(target)
    assert [(f.pointer, f.line, f.column) for f in findings if f.rule == rule_name] == PLACES[rule_name]


MERGED_RETENTION = """\
privlint: 1
purposes:
  - id: newsletter
    legal_bases: [consent]
    retention: &forever
      criteria: Stored indefinitely.
  - id: billing
    legal_bases: [contract]
    retention:
      <<: *forever
  - &base
    id: events
    legal_bases: [contract]
  - <<: *base
    id: events2
"""


def test_a_finding_on_a_merged_value_is_reported_at_the_merge(lint):
    findings = [f for f in lint(MERGED_RETENTION) if f.rule in ("unbounded-retention", "missing-retention")]
    assert [(f.rule, f.pointer, f.line, f.column) for f in findings] == [
        ("unbounded-retention", "/purposes/0/retention/criteria", 6, 7),
        ("unbounded-retention", "/purposes/1/retention/criteria", 10, 11),  # the alias after '<<:'
        ("missing-retention", "/purposes/2", 11, 5),  # where its anchor is
        ("missing-retention", "/purposes/3", 14, 5),  # a list item that merges: where the item starts
    ]


def test_merging_a_value_in_from_an_anchor_keeps_the_findings_fingerprint(lint):
    written_out = MERGED_RETENTION.replace("      <<: *forever\n", "      criteria: Stored indefinitely.\n")

    def fingerprints(text):
        return {f.pointer: f.fingerprint for f in lint(text) if f.rule == "unbounded-retention"}
    assert fingerprints(MERGED_RETENTION) == fingerprints(written_out)
    assert len(fingerprints(written_out)) == 2
