"""What the format says beyond a flat list (issue 14), and how the rules judge it.

Rights with qualifiers (narrowed, link only, not applicable), rights owed by legal basis,
explicit denials (``none:``), contact pages and postal addresses, disclosures and
statement-wide recipients, legal bases in detail (the law behind them, one general basis).
Every test runs the registered rules through the real linter.
"""

from __future__ import annotations

import pytest
from conftest import located


def manifest(*parts: str) -> str:
    return "privlint: 1\n" + "".join(parts)


def purposes(*entries: str) -> str:
    return "purposes:\n" + "".join(f"  - {entry}\n" for entry in entries)


ALL_OWED = "rights:\n  offered: [access, rectification, erasure, restriction, objection, portability, complaint]\n"


def messages(findings) -> list[str]:
    return [finding.message for finding in findings]


# -- missing-right: owed by legal basis -------------------------------------------------------------


def test_portability_and_objection_are_not_owed_where_only_the_law_obliges(lint_rule):
    text = manifest(purposes("{id: tax, legal_bases: [legal_obligation]}"), "rights:\n  offered: [access, rectification, erasure, restriction]\n")
    assert lint_rule("missing-right", text) == []


def test_portability_is_owed_for_contract_and_named_with_the_reason(lint_rule):
    text = manifest(purposes("{id: orders, section: '2', legal_bases: [contract]}"), "rights:\n  offered: [access, rectification, erasure, restriction]\n")
    assert messages(lint_rule("missing-right", text)) == [
        "the statement does not mention the right to data portability (Art. 20), which applies because "
        "purpose 'orders' (section 2) rests on consent or contract"
    ]


def test_objection_is_owed_for_legitimate_interests_but_not_for_consent_alone(lint_rule):
    offered = "rights:\n  offered: [access, rectification, erasure, restriction, portability]\n"
    consent = manifest(purposes("{id: news, legal_bases: [consent]}"), offered)
    assert lint_rule("missing-right", consent) == []
    interests = manifest(purposes("{id: news, legal_bases: [consent]}", "{id: fraud, legal_bases: [legitimate_interests]}"), offered)
    assert messages(lint_rule("missing-right", interests)) == [
        "the statement does not mention the right to object (Art. 21(1)), which applies because "
        "purpose 'fraud' rests on legitimate interests or a public task"
    ]


def test_direct_marketing_needs_its_own_objection_even_beside_the_general_one(lint_rule):
    text = manifest(
        purposes("{id: offers, legal_bases: [legitimate_interests], direct_marketing: true}"),
        "rights:\n  offered: [access, rectification, erasure, restriction, objection]\n",
    )
    findings = lint_rule("missing-right", text)
    assert located(findings) == [("missing-right", 5, 3)]
    assert findings[0].message == (
        "the statement does not tell people that they can object to direct marketing at any time (Art. 21(2)-(4)), "
        "though purpose 'offers' is direct marketing"
    )
    assert "apart from other information" in findings[0].hint
    fixed = text.replace("objection]", "objection, objection_to_direct_marketing]")
    assert lint_rule("missing-right", fixed) == []


def test_direct_marketing_on_consent_needs_the_marketing_objection_but_not_the_general_one(lint_rule):
    text = manifest(
        purposes("{id: offers, legal_bases: [consent], direct_marketing: true}"),
        "rights:\n  offered: [access, rectification, erasure, restriction, portability, objection_to_direct_marketing]\n",
    )
    assert lint_rule("missing-right", text) == []


def test_a_single_general_basis_decides_which_rights_are_owed(lint_rule):
    text = manifest(
        "general_legal_bases:\n  - basis: legal_obligation\n",
        purposes("{id: register}"),
        "rights:\n  offered: [access, rectification, erasure, restriction]\n",
    )
    assert lint_rule("missing-right", text) == []


def test_several_general_bases_each_count(lint_rule):
    text = manifest(
        "general_legal_bases:\n  - basis: contract\n  - basis: legal_obligation\n",
        purposes("{id: register}"),
        "rights:\n  offered: [access, rectification, erasure, restriction]\n",
    )
    [finding] = lint_rule("missing-right", text)
    assert finding.message.endswith("because the general legal basis (contract) rests on consent or contract")


@pytest.mark.parametrize("group", ["narrowed:\n    portability: x\n", "link_only:\n    portability: x\n", "not_applicable:\n    portability: {}\n"])
def test_a_qualified_right_is_mentioned_and_left_to_its_own_rule(lint_rule, group):
    text = manifest(purposes("{id: orders, legal_bases: [contract]}"), "rights:\n  offered: [access, rectification, erasure, restriction]\n  " + group)
    assert lint_rule("missing-right", text) == []


# -- narrowed-right, link-only-right ------------------------------------------------------------------


def test_a_narrowed_right_is_quoted_at_its_key(lint_rule):
    text = manifest(
        purposes("{id: orders, legal_bases: [contract]}"),
        ALL_OWED,
        "  narrowed:\n    erasure: 'We erase outdated data on request.'\n",
    )
    findings = lint_rule("narrowed-right", text)
    assert located(findings) == [("narrowed-right", 7, 5)]
    assert findings[0].message == 'the statement narrows the right to erasure (Art. 17): "We erase outdated data on request."'
    assert findings[0].severity.value == "warning"


def test_objection_narrowed_to_direct_marketing_matters_only_where_interests_are_relied_on(lint_rule):
    narrowed = "  narrowed:\n    objection: 'You can object to direct marketing.'\n"
    owed = manifest(purposes("{id: fraud, legal_bases: [legitimate_interests]}"), ALL_OWED, narrowed)
    assert located(lint_rule("narrowed-right", owed)) == [("narrowed-right", 7, 5)]
    not_owed = manifest(purposes("{id: orders, legal_bases: [contract]}"), ALL_OWED, narrowed)
    assert lint_rule("narrowed-right", not_owed) == []


def test_a_balancing_test_on_the_marketing_objection_is_a_narrowing(lint_rule):
    text = manifest(
        purposes("{id: offers, legal_bases: [consent], direct_marketing: true}"),
        ALL_OWED,
        "  narrowed:\n    objection_to_direct_marketing: 'We stop unless our interests weigh heavier.'\n",
    )
    [finding] = lint_rule("narrowed-right", text)
    assert "the right to object to direct marketing at any time (Art. 21(2)-(4))" in finding.message


def test_a_link_only_right_is_reported_and_long_words_are_shortened(lint_rule):
    words = "Your rights are described on the website of the authority. " * 5
    text = manifest(ALL_OWED, f"  link_only:\n    access: '{words}'\n")
    [finding] = lint_rule("link-only-right", text)
    assert finding.message.startswith("the statement gives the right of access (Art. 15) only by a link to another site: ")
    assert finding.message.endswith('..."') and len(finding.message.split(": ", 1)[1].strip('"')) == 160


def test_a_link_only_withdrawal_without_consent_is_not_reported(lint_rule):
    text = manifest(purposes("{id: orders, legal_bases: [contract]}"), ALL_OWED, "  link_only:\n    withdraw_consent: see our site\n")
    assert lint_rule("link-only-right", text) == []


# -- unfounded-right-exclusion ---------------------------------------------------------------------------


def _exclusion(lint_rule, bases: str, right: str, ground: str | None, extra: str = ""):
    entry = f"{{ground: {ground}}}" if ground else "{text: 'Does not apply.'}"
    text = manifest(purposes(f"{{id: p, legal_bases: [{bases}]{extra}}}"), ALL_OWED, f"  not_applicable:\n    {right}: {entry}\n")
    return lint_rule("unfounded-right-exclusion", text)


@pytest.mark.parametrize(
    ("bases", "right", "ground", "extra"),
    [
        ("legal_obligation", "portability", "art_20_1", ""),
        ("public_task", "portability", "art_20_3", ""),
        ("contract", "objection", "art_21", ""),
        ("legal_obligation", "objection", None, ""),  # not owed: saying so needs no ground
        ("contract", "access", "art_11_2", ""),
        ("contract", "portability", "art_11_2", ""),
        ("legal_obligation", "erasure", "art_17_3", ""),
        ("contract", "withdraw_consent", None, ""),
        ("consent", "objection_to_direct_marketing", "art_21", ""),
    ],
)
def test_exclusions_the_law_allows_pass(lint_rule, bases, right, ground, extra):
    assert _exclusion(lint_rule, bases, right, ground, extra) == []


@pytest.mark.parametrize(
    ("bases", "right", "ground", "extra", "message"),
    [
        ("contract", "portability", "art_20_1", "", "on Art. 20(1), but purpose 'p' rests on consent or contract"),
        ("legitimate_interests", "objection", "art_21", "", "on Art. 21, but purpose 'p' rests on legitimate interests or a public task"),
        ("consent", "objection_to_direct_marketing", "art_21", ", direct_marketing: true", "on Art. 21, but purpose 'p' is direct marketing"),
        ("contract", "access", None, "", "not applicable without giving a ground"),
        ("legitimate_interests", "objection", "art_11_2", "", "on Art. 11(2), which is no ground for the right to object"),
        ("contract", "erasure", "art_17_3", "", "on Art. 17(3), but purpose 'p' rests on other bases or none"),
        ("legal_obligation", "complaint", "art_17_3", "", "on Art. 17(3), which is no ground for the right to lodge a complaint"),
        ("consent", "withdraw_consent", None, "", "without giving a ground, though purpose 'p' rests on consent"),
    ],
)
def test_exclusions_the_law_does_not_allow_are_reported(lint_rule, bases, right, ground, extra, message):
    findings = _exclusion(lint_rule, bases, right, ground, extra)
    assert located(findings) == [("unfounded-right-exclusion", 7, 5)]
    assert message in findings[0].message


# -- contradicted-denial -----------------------------------------------------------------------------


def test_a_denied_transfer_is_contradicted_by_a_transfer_and_by_a_recipient_outside_the_eea(lint_rule):
    text = manifest(
        "none:\n  transfers: We keep your data in the EEA.\n",
        "recipients:\n  - {id: a, country: DE-BY}\n  - {id: b, country: US}\n  - {id: c, country: NO}\n  - {id: d, country: CH}\n",
        "transfers:\n  - destination: India\n",
    )
    findings = lint_rule("contradicted-denial", text)
    assert located(findings) == [("contradicted-denial", 6, 13), ("contradicted-denial", 8, 13), ("contradicted-denial", 10, 5)]
    assert findings[2].message == (
        'the statement says it transfers no data outside the EEA ("We keep your data in the EEA."), '
        "but the manifest records transfer 1 to 'India'"
    )
    assert findings[0].message.endswith("but recipient 'b' is in US")


@pytest.mark.parametrize(
    ("denial", "rest", "where"),
    [
        ("automated_decisions", "automated_decisions:\n  - id: score\n", (5, 5)),
        ("dpo", "dpo:\n  designated: true\n", (5, 3)),
        ("data_from_others", "data_categories:\n  - id: own\n  - id: credit\n    from_others: true\n", (7, 5)),
        ("recipients", "recipients:\n  - id: hosting\n    role: processor\n", (5, 5)),
    ],
)
def test_each_denial_is_held_against_the_rest(lint_rule, denial, rest, where):
    text = manifest(f"none:\n  {denial}: 'We do not.'\n", rest)
    assert located(lint_rule("contradicted-denial", text)) == [("contradicted-denial", *where)]


def test_a_denial_of_recipients_leaves_room_for_what_the_law_demands(lint_rule):
    text = manifest(
        "none:\n  recipients: We give your data to no one unless the law obliges us.\n",
        "recipients:\n  - id: police\n    disclosure: {kind: authority_request}\n  - id: tax\n    disclosure: {kind: legal_obligation}\n",
        "  - id: buyer\n    disclosure: {kind: event}\n",
    )
    assert located(lint_rule("contradicted-denial", text)) == [("contradicted-denial", 9, 5)]


def test_denials_that_agree_with_the_manifest_pass(lint_rule):
    text = manifest(
        "none:\n  transfers: x\n  automated_decisions: x\n  dpo: x\n  data_from_others: x\n",
        "dpo:\n  designated: false\n",
        "recipients:\n  - {id: a, country: NL}\n  - {id: b}\n",
        "data_categories:\n  - id: own\n",
    )
    assert lint_rule("contradicted-denial", text) == []


# -- denials answer the rules that report silence -------------------------------------------------------


def test_a_denial_of_recipients_answers_missing_recipients(lint_rule):
    silent = manifest(purposes("{id: a, legal_bases: [contract]}"))
    assert located(lint_rule("missing-recipients", silent)) == [("missing-recipients", 1, 1)]
    assert lint_rule("missing-recipients", silent + "none:\n  recipients: We share your data with no one.\n") == []


@pytest.mark.parametrize(
    "denial",
    ["none:\n  storage: We store nothing; the booking service does.\n", ""],
)
def test_storing_nothing_needs_no_retention(lint_rule, denial):
    own = "{id: booking, legal_bases: [contract], none: {storage: 'We keep no copy.'}}"
    text = manifest(purposes(own if not denial else "{id: booking, legal_bases: [contract]}"), denial)
    assert lint_rule("missing-retention", text) == []


# -- disclosures and statement-wide recipients ----------------------------------------------------------


def test_disclosures_and_statement_wide_recipients_are_not_unused(lint_rule):
    text = manifest(
        purposes("{id: orders, recipients: [shop]}"),
        "recipients:\n  - id: shop\n  - id: hosting\n    all_purposes: true\n  - id: police\n",
        "    disclosure:\n      kind: authority_request\n      condition: on a court order\n  - id: spare\n",
    )
    assert located(lint_rule("unused-definition", text)) == [("unused-definition", 12, 5)]


def test_a_disclosure_on_consent_owes_the_withdrawal_right(lint_rule):
    text = manifest(
        purposes("{id: orders, legal_bases: [contract]}"),
        "recipients:\n  - id: partners\n    disclosure: {kind: consent, condition: Only if you ask us to.}\n",
        "rights:\n  offered: [access]\n",
    )
    [finding] = lint_rule("missing-consent-withdrawal", text)
    assert "the disclosure to recipient 'partners' relies on consent" in finding.message


def test_a_general_consent_basis_owes_the_withdrawal_right(lint_rule):
    text = manifest("general_legal_bases:\n  - basis: contract\n  - basis: consent\n", purposes("{id: a}"))
    [finding] = lint_rule("missing-consent-withdrawal", text)
    assert "the general legal basis (consent) relies on consent" in finding.message


# -- contact by web page ------------------------------------------------------------------------------------


def test_a_contact_page_reaches_the_dpo(lint_rule):
    text = manifest("dpo:\n  designated: true\n  contact:\n    web_page: https://example.nl/privacy/fg\n")
    assert lint_rule("missing-dpo-contact", text) == []


# -- legal bases in detail -------------------------------------------------------------------------------------


def test_one_general_basis_covers_purposes_without_their_own(lint_rule):
    text = manifest("general_legal_bases:\n  - basis: contract\n    description: We process your data only to perform our contract.\n", purposes("{id: a}", "{id: b}"))
    assert lint_rule("missing-legal-basis", text) == []


def test_several_general_bases_cover_no_purpose(lint_rule):
    text = manifest("general_legal_bases:\n  - basis: contract\n  - basis: consent\n", purposes("{id: a}", "{id: b, legal_bases: [consent]}"))
    assert located(lint_rule("missing-legal-basis", text)) == [("missing-legal-basis", 6, 5)]


@pytest.mark.parametrize(
    "purpose",
    [
        "{id: a, legal_bases: [legal_obligation], law: 'AWR art. 52'}",
        "{id: a, legal_bases: [public_task], retention: {period: P7Y, statutory_source: Archiefwet}}",
        "{id: a, legal_bases: [contract]}",
    ],
)
def test_a_named_law_or_no_obligation_needs_nothing(lint_rule, purpose):
    assert lint_rule("legal-basis-without-law", manifest(purposes(purpose))) == []


def test_an_obligation_without_its_law_is_reported_once_where_it_is_given(lint_rule):
    on_purpose = manifest("general_legal_bases:\n  - basis: legal_obligation\n", purposes("{id: a, legal_bases: [legal_obligation, public_task]}"))
    findings = lint_rule("legal-basis-without-law", on_purpose)
    assert messages(findings) == ["purpose 'a' rests on a legal obligation and a public task but does not name the law behind it"]
    only_general = manifest("general_legal_bases:\n  - basis: legal_obligation\n", purposes("{id: a}"))
    assert located(lint_rule("legal-basis-without-law", only_general)) == [("legal-basis-without-law", 3, 5)]
    named = only_general.replace("legal_obligation\n", "legal_obligation\n    law: Wwft\n", 1)
    assert lint_rule("legal-basis-without-law", named) == []


# -- the format -----------------------------------------------------------------------------------------------


def test_every_right_can_be_qualified():
    from privlint.model.manifest import RightExclusions, RightWords
    from privlint.model.vocabulary import Right

    assert list(RightWords.model_fields) == [right.value for right in Right]
    assert list(RightExclusions.model_fields) == [right.value for right in Right]


def test_a_misspelt_right_under_a_qualifier_is_explained(lint):
    findings = [f for f in lint(manifest("rights:\n  narrowed:\n    erasur: x\n")) if f.rule == "invalid-manifest"]
    assert [(f.line, f.column, f.message, f.hint) for f in findings] == [
        (4, 5, "unknown key 'erasur' in rights.narrowed", "did you mean 'erasure'?")
    ]


def test_one_general_basis_beside_purposes_on_other_bases_covers_nothing(lint_rule):
    text = manifest("general_legal_bases:\n  - basis: legitimate_interests\n", purposes("{id: a}", "{id: b, legal_bases: [contract]}"))
    [finding] = lint_rule("missing-legal-basis", text)
    assert "names legitimate_interests only in general, without tying it to purposes" in finding.message


def test_consent_given_to_another_party_still_owes_withdrawal_and_says_to_whom(lint_rule):
    text = manifest(purposes("{id: idin, legal_bases: [consent], consent_given_to: je bank}"))
    [finding] = lint_rule("missing-consent-withdrawal", text)
    assert "purpose 'idin' (consent given to je bank) relies on consent" in finding.message
