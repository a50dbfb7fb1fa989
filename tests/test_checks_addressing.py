"""Who the statement and its rights are for, how to exercise each right, how to reach a contact
point, and lists the statement declares open (issue 14, second half).

Every test runs the registered rules through the real linter.
"""

from __future__ import annotations

import pytest
from conftest import located


def manifest(*parts: str) -> str:
    return "privlint: 1\n" + "".join(parts)


def purposes(*entries: str) -> str:
    return "purposes:\n" + "".join(f"  - {entry}\n" for entry in entries)


RIGHTS_FOR_CUSTOMERS = (
    "rights:\n"
    "  addressed_to:\n"
    "    groups: [klanten]\n"
    "    text: 'Onze klanten hebben verschillende rechten.'\n"
    "  offered: [access]\n"
)


# -- rights-for-some-only --------------------------------------------------------------------------


def test_rights_for_customers_only_name_everyone_else_processed(lint_rule):
    text = manifest(
        purposes(
            "{id: contract, data_subjects: [klanten]}",
            "{id: credit-check, section: D, data_subjects: [aanvragers]}",
            "{id: refusal, data_subjects: [aanvragers, klanten]}",
        ),
        RIGHTS_FOR_CUSTOMERS,
    )
    findings = lint_rule("rights-for-some-only", text)
    assert located(findings) == [("rights-for-some-only", 7, 3)]
    assert findings[0].message == (
        "the statement addresses the rights to some people only (\"Onze klanten hebben verschillende rechten.\"), but it "
        "also processes the data of aanvragers (purpose 'credit-check' (section D) and purpose 'refusal')"
    )
    assert findings[0].severity.value == "warning"
    assert "rights.addressed_to" in findings[0].hint


def test_groups_compare_without_case_or_spacing(lint_rule):
    text = manifest(purposes("{id: contract, data_subjects: ['Klanten', ' klanten ']}"), RIGHTS_FOR_CUSTOMERS)
    assert lint_rule("rights-for-some-only", text) == []


def test_a_group_named_only_by_the_statements_scope_counts_as_processed(lint_rule):
    text = manifest(
        "statement:\n  addressed_to: {groups: [klanten, bezoekers]}\n",
        purposes("{id: contract, data_subjects: [klanten]}"),
        RIGHTS_FOR_CUSTOMERS,
    )
    [finding] = lint_rule("rights-for-some-only", text)
    assert finding.message.endswith("but it also processes the data of bezoekers (the statement's scope)")


def test_many_groups_are_counted_after_the_first_three(lint_rule):
    entries = [f"{{id: p{n}, data_subjects: [groep{n}]}}" for n in range(5)]
    [finding] = lint_rule("rights-for-some-only", manifest(purposes(*entries), RIGHTS_FOR_CUSTOMERS))
    assert finding.message.endswith("groep0 (purpose 'p0'), groep1 (purpose 'p1'), groep2 (purpose 'p2') and 2 more groups")


@pytest.mark.parametrize(
    "text",
    [
        # the rights are for everyone: no addressed_to
        manifest(purposes("{id: p, data_subjects: [klanten, bezoekers]}"), "rights:\n  offered: [access]\n"),
        # nobody else is named as processed
        manifest(purposes("{id: p}"), RIGHTS_FOR_CUSTOMERS),
        manifest(purposes("{id: p, data_subjects: [klanten]}"), RIGHTS_FOR_CUSTOMERS),
    ],
)
def test_rights_for_everyone_processed_pass(lint_rule, text):
    assert lint_rule("rights-for-some-only", text) == []


# -- data-subjects-outside-scope ---------------------------------------------------------------------


def test_a_scope_that_leaves_out_processed_people_is_reported_at_the_scope(lint_rule):
    text = manifest(
        "statement:\n  addressed_to:\n    groups: [zakelijke klanten, sollicitanten]\n",
        purposes("{id: invoice, data_subjects: [zakelijke klanten, consumenten van klanten]}", "{id: jobs, data_subjects: [sollicitanten]}"),
    )
    findings = lint_rule("data-subjects-outside-scope", text)
    assert located(findings) == [("data-subjects-outside-scope", 3, 3)]
    assert findings[0].message == (
        "the statement says whom it is for (zakelijke klanten and sollicitanten), but its purposes also process the data "
        "of consumenten van klanten (purpose 'invoice')"
    )
    assert findings[0].severity.value == "info"


def test_the_scope_is_not_judged_by_the_rights_audience(lint_rule):
    text = manifest(
        "statement:\n  addressed_to: {groups: [klanten, bezoekers]}\n",
        purposes("{id: p, data_subjects: [klanten, bezoekers]}"),
        RIGHTS_FOR_CUSTOMERS,
    )
    assert lint_rule("data-subjects-outside-scope", text) == []
    assert len(lint_rule("rights-for-some-only", text)) == 1


def test_an_audience_needs_at_least_one_group(lint):
    text = manifest("rights:\n  addressed_to: {groups: [], text: 'Als klant'}\n")
    assert [f.rule for f in lint(text)] == ["invalid-manifest"]


# -- right-without-channel ----------------------------------------------------------------------------

CHANNELS = (
    "rights:\n"
    "  offered: [access, rectification, objection, objection_to_direct_marketing, complaint]\n"
    "  narrowed:\n"
    "    portability: 'Dit betreffen uw naam en bestelgeschiedenis.'\n"
    "  channels:\n"
    "    access: 'u kunt dat aanvragen in uw account'\n"
    "    rectification: 'Dit kunt u 24/7 doen in uw account.'\n"
)


def test_rights_left_without_a_channel_among_others_that_have_one(lint_rule):
    findings = lint_rule("right-without-channel", manifest(CHANNELS))
    assert located(findings) == [("right-without-channel", 6, 3)]
    assert findings[0].message == (
        "the statement says right by right how to exercise them (access, rectification), but not for the right to "
        "object (Art. 21(1)), the right to object to direct marketing at any time or the right to data portability"
    )
    assert "rights.channels.objection" in findings[0].hint


def test_an_objection_channel_serves_objection_to_direct_marketing(lint_rule):
    text = manifest(CHANNELS, "    objection: 'Stuur uw bezwaar naar privacy@example.nl.'\n    portability: 'via de klantenservice'\n")
    assert lint_rule("right-without-channel", text) == []


def test_only_marketing_objection_channel_does_not_serve_the_general_objection(lint_rule):
    text = manifest(CHANNELS, "    objection_to_direct_marketing: 'Afmelden onderaan de nieuwsbrief.'\n    portability: 'via de klantenservice'\n")
    [finding] = lint_rule("right-without-channel", text)
    assert finding.message.endswith("but not for the right to object (Art. 21(1))")


@pytest.mark.parametrize("general", ["  how: 'Stuur een e-mail naar privacy@example.nl.'\n", "  contact: {email: privacy@example.nl}\n"])
def test_a_way_for_all_rights_answers_for_each(lint_rule, general):
    assert lint_rule("right-without-channel", manifest(CHANNELS, general)) == []


@pytest.mark.parametrize(
    "text",
    [
        # no channel per right: the general contact details serve every right (incomplete-controller)
        manifest("rights:\n  offered: [access, objection]\n"),
        # the complaint goes to the authority
        manifest("rights:\n  offered: [access, complaint]\n  channels: {access: 'in uw account'}\n"),
        # a right not stated needs no channel
        manifest("rights:\n  offered: [access]\n  link_only: {objection: 'zie de website'}\n  channels: {access: 'in uw account'}\n"),
    ],
)
def test_no_channel_finding_without_a_stated_right_left_out(lint_rule, text):
    assert lint_rule("right-without-channel", text) == []


# -- channel-without-details ---------------------------------------------------------------------------


def test_a_named_contact_point_without_details_is_reported_where_it_is(lint_rule):
    text = manifest(
        "controller:\n  name: Example\n  address: Straat 1, Lijnden\n  contact:\n    named: 'neem contact op met onze klantenservice'\n",
        "rights:\n  contact: {named: klantenservice}\n",
    )
    findings = lint_rule("channel-without-details", text)
    assert located(findings) == [("channel-without-details", 5, 3), ("channel-without-details", 8, 3)]
    assert findings[0].message == (
        "the statement names the controller's contact point without saying how to reach it: "
        "\"neem contact op met onze klantenservice\"; the only address it gives is the controller's own (Straat 1, Lijnden)"
    )
    assert "controller.contact" in findings[0].hint and "rights.contact" in findings[1].hint


@pytest.mark.parametrize("detail", ["web_page: www.example.nl/service", "phone: '020 123'", "email: ks@example.nl", "postal_address: Postbus 1"])
def test_any_detail_beside_the_name_reaches_it(lint_rule, detail):
    text = manifest(f"controller:\n  contact:\n    named: klantenservice\n    {detail}\n")
    assert lint_rule("channel-without-details", text) == []


def test_a_dpo_named_without_details_is_one_finding_not_two(lint):
    text = manifest("dpo:\n  designated: true\n  contact: {named: 'onze FG'}\n")
    assert [f.rule for f in lint(text, select=("channel-without-details", "missing-dpo-contact"))] == ["channel-without-details"]
    bare = manifest("dpo:\n  designated: true\n")
    assert [f.rule for f in lint(bare, select=("channel-without-details", "missing-dpo-contact"))] == ["missing-dpo-contact"]


def test_a_controller_named_without_details_keeps_its_address_finding_only(lint):
    text = manifest("controller:\n  name: Example\n  contact: {named: klantenservice}\n")
    rules = [(f.rule, f.message) for f in lint(text, select=("channel-without-details", "incomplete-controller"))]
    assert rules == [
        ("incomplete-controller", "the statement does not give the controller's address"),
        ("channel-without-details", "the statement names the controller's contact point without saying how to reach it: \"klantenservice\""),
    ]


# -- open-list ---------------------------------------------------------------------------------------


def test_each_open_list_is_one_finding_quoting_its_words(lint_rule):
    text = manifest(
        "open_lists:\n"
        "  purposes: 'zijn de belangrijkste verwerkingen opgesomd'\n"
        "  data_categories: 'Dit zijn onder andere:'\n"
        "  recipients: 'o.a. de volgende derden'\n"
    )
    findings = lint_rule("open-list", text)
    assert located(findings) == [("open-list", 3, 3), ("open-list", 4, 3), ("open-list", 5, 3)]
    assert [f.message for f in findings] == [
        "the statement declares its list of purposes open: \"zijn de belangrijkste verwerkingen opgesomd\"",
        "the statement declares its list of data open: \"Dit zijn onder andere:\"",
        "the statement declares its list of recipients open: \"o.a. de volgende derden\"",
    ]
    assert "Art. 13(1)(e)" in findings[2].hint


def test_no_open_lists_no_finding_and_unknown_lists_are_invalid(lint, lint_rule):
    assert lint_rule("open-list", manifest(purposes("{id: p}"))) == []
    assert [f.rule for f in lint(manifest("open_lists:\n  transfers: 'o.a.'\n"))] == ["invalid-manifest"]
