"""The completeness rules of the catalogue (Art. 12-14, 22): PL102, PL104, PL404, PL411-416, PL501-507, PL520.

Every test runs the registered rule through the real linter, selecting only that rule.
"""

from __future__ import annotations

import re

import pytest
from conftest import lint_examples, located, registered

#: code -> (name, severity, first article cited)
CATALOGUE = {
    "PL102": ("missing-legitimate-interest", "error", "13(1)(d)"),
    "PL404": ("missing-complaint-right", "error", "13(2)(d)"),
    "PL411": ("missing-right", "error", "13(2)(b)"),
    "PL412": ("missing-consent-withdrawal", "error", "13(2)(c)"),
    "PL413": ("late-response-time", "warning", "12(3)"),
    "PL501": ("incomplete-controller", "error", "13(1)(a)"),
    "PL518": ("missing-representative", "warning", "13(1)(a)"),
    "PL502": ("missing-dpo-contact", "error", "13(1)(b)"),
    "PL503": ("missing-recipients", "warning", "13(1)(e)"),
    "PL504": ("transfer-without-safeguard", "error", "13(1)(f)"),
    "PL505": ("missing-requirement-notice", "info", "13(2)(e)"),
    "PL506": ("incomplete-automated-decision", "error", "13(2)(f)"),
    "PL507": ("missing-data-source", "error", "14(2)(f)"),
    "PL104": ("legal-basis-without-law", "info", "6(3)"),
    "PL414": ("narrowed-right", "warning", "12(1)"),
    "PL415": ("link-only-right", "error", "13(2)(b)"),
    "PL416": ("unfounded-right-exclusion", "error", "13(2)(b)"),
    "PL419": ("request-fee", "error", "12(5)"),
    "PL520": ("contradicted-denial", "error", "12(1)"),
}

#: rule name -> (line, column) of each finding expected in examples/rules/<name>/fail.privacy.yaml
FAIL_EXAMPLES = {
    "missing-legitimate-interest": [(8, 5), (9, 5)],
    "incomplete-controller": [(3, 1), (3, 1)],
    "legal-basis-without-law": [(4, 5)],
    "narrowed-right": [(10, 5), (11, 5)],
    "request-fee": [(6, 3)],
    "missing-representative": [(6, 3)],
    "link-only-right": [(9, 5)],
    "unfounded-right-exclusion": [(9, 5)],
    "contradicted-denial": [(9, 5), (11, 5)],
    "missing-dpo-contact": [(3, 1)],
    "missing-recipients": [(2, 1)],
    "transfer-without-safeguard": [(4, 5)],
    "missing-right": [(4, 3), (4, 3), (4, 3)],
    "missing-consent-withdrawal": [(8, 3)],
    "missing-complaint-right": [(4, 3)],
    "missing-requirement-notice": [(3, 1)],
    "incomplete-automated-decision": [(4, 5), (4, 5), (4, 5)],
    "missing-data-source": [(4, 5)],
    "late-response-time": [(5, 3), (6, 3)],
}


# -- registration and documentation ------------------------------------------------


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_rule_is_registered_with_its_code_severity_and_article(rules, code):
    name, severity, article = CATALOGUE[code]
    assert registered(rules, code, name, severity).article.startswith(f"Art. {article}")


# -- the example directories ---------------------------------------------------------


@pytest.mark.parametrize("name", sorted(FAIL_EXAMPLES))
def test_example_directory_gets_exactly_the_intended_outcome(rules, name):
    failing, passing = lint_examples(rules, name)
    assert located(failing) == [(name, line, column) for line, column in FAIL_EXAMPLES[name]]
    assert all(f.hint for f in failing)
    assert passing == []


# -- PL102 missing-legitimate-interest -------------------------------------------------

LEGITIMATE = """\
privlint: 1
controller:
  name: Example B.V.
  trade_names: [Voorbeeld]
purposes:
  - id: fraud
    section: "3.2"
    legal_bases: [contract, legitimate_interests]
    legitimate_interest: {interest}
"""


@pytest.mark.parametrize(
    "interest",
    [
        '"our legitimate interest."',
        '"Our legitimate interests"',
        '"ons gerechtvaardigd belang"',
        '"Op basis van onze gerechtvaardigde belangen."',
        '"het gerechtvaardigde belang van Example B.V."',
        '"Het gerechtvaardigde belang van Example (art. 6(1)(f) AVG)"',
        "\"Voorbeeld's legitimate interest\"",
        '"omdat wij daar een gerechtvaardigd belang voor hebben"',
    ],
)
def test_legitimate_interest_that_only_names_the_basis_is_reported(lint_rule, interest):
    findings = lint_rule("missing-legitimate-interest", LEGITIMATE.format(interest=interest))
    assert located(findings) == [("missing-legitimate-interest", 9, 5)]
    assert findings[0].message.startswith("purpose 'fraud' (section 3.2) names its legitimate interest only as ")
    assert "without saying what the interest is" in findings[0].message


@pytest.mark.parametrize(
    "interest",
    [
        '"ons gerechtvaardigd belang om fraude te voorkomen"',
        '"Het gerechtvaardigde belang van Example B.V.: voorkomen dat klanten rekeningen niet betalen."',
        '"preventing fraud with your account"',
        '"Our legitimate interest in improving the network"',
    ],
)
def test_legitimate_interest_that_says_what_it_is_passes(lint_rule, interest):
    assert lint_rule("missing-legitimate-interest", LEGITIMATE.format(interest=interest)) == []


def test_legitimate_interest_missing_is_reported_at_the_purpose(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: a\n    legal_bases: [consent]\n  - id: b\n    legal_bases: [legitimate_interests]\n"
    findings = lint_rule("missing-legitimate-interest", text)
    assert located(findings) == [("missing-legitimate-interest", 5, 5)]
    assert findings[0].message == "purpose 'b' rests on legitimate interests but does not say what the interest is"


def test_bare_interest_without_legitimate_interests_basis_is_not_judged(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: a\n    legal_bases: [consent]\n    legitimate_interest: our legitimate interest\n"
    assert lint_rule("missing-legitimate-interest", text) == []


# -- PL501 incomplete-controller -------------------------------------------------------


def test_no_controller_reports_each_element_at_the_root(lint_rule):
    findings = lint_rule("incomplete-controller", "privlint: 1\nstatement:\n  title: x\n")
    assert located(findings) == [("incomplete-controller", 1, 1)] * 3
    messages = " | ".join(f.message for f in findings)
    assert "does not name the controller" in messages
    assert "controller's address" in messages
    assert "no way to contact the controller" in messages


@pytest.mark.parametrize("where", ["  address: Street 1, 1234 AB Town\n", "  contact:\n    postal_address: Postbus 1, 1000 AA Town\n"])
def test_a_postal_address_is_the_address_and_a_way_to_contact_the_controller(lint_rule, where):
    assert lint_rule("incomplete-controller", "privlint: 1\ncontroller:\n  name: X\n" + where) == []


def test_a_contact_page_is_a_channel_but_not_an_address(lint_rule):
    text = "privlint: 1\ncontroller:\n  name: X\n  contact:\n    web_page: https://example.nl/contact\n"
    findings = lint_rule("incomplete-controller", text)
    assert located(findings) == [("incomplete-controller", 2, 1)]
    assert findings[0].message == "the statement does not give the controller's address"


def test_controller_without_address_or_channel_is_reported_twice(lint_rule):
    text = "privlint: 1\ncontroller:\n  name: X\n  contact: {}\n"
    assert located(lint_rule("incomplete-controller", text)) == [("incomplete-controller", 2, 1), ("incomplete-controller", 4, 3)]


def test_controller_without_name_is_reported(lint_rule):
    text = "privlint: 1\ncontroller:\n  address: Street 1\n  contact: {phone: '+31 30 123'}\n"
    findings = lint_rule("incomplete-controller", text)
    assert located(findings) == [("incomplete-controller", 2, 1)]
    assert findings[0].message == "the statement does not name the controller"


# -- PL502 missing-dpo-contact ------------------------------------------------------------


@pytest.mark.parametrize(
    "dpo",
    [
        "dpo:\n  designated: false\n",
        "dpo:\n  designated: true\n  contact: {web_form: 'https://example.nl/fg'}\n",
        "dpo:\n  name: J. Jansen\n",  # not said to be designated
        "statement:\n  title: x\n",
    ],
)
def test_dpo_contact_not_required_or_given(lint_rule, dpo):
    assert lint_rule("missing-dpo-contact", "privlint: 1\n" + dpo) == []


def test_designated_dpo_with_empty_contact_is_reported_at_the_contact(lint_rule):
    findings = lint_rule("missing-dpo-contact", "privlint: 1\ndpo:\n  designated: true\n  contact: {}\n")
    assert located(findings) == [("missing-dpo-contact", 4, 3)]
    assert "data protection officer is designated" in findings[0].message


# -- PL503 missing-recipients -----------------------------------------------------------


def test_recipients_on_a_purpose_alone_are_enough(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: a\n    legal_bases: [contract]\n    recipients: [hosting]\n"
    assert lint_rule("missing-recipients", text) == []


def test_top_level_recipients_alone_are_enough(lint_rule):
    assert lint_rule("missing-recipients", "privlint: 1\nrecipients:\n  - id: hosting\n") == []


def test_no_recipients_anywhere_is_one_warning_at_the_root(lint_rule):
    findings = lint_rule("missing-recipients", "privlint: 1\npurposes:\n  - id: a\n  - id: b\n")
    assert located(findings) == [("missing-recipients", 1, 1)]
    assert findings[0].severity.value == "warning"
    assert "no recipients or categories of recipients" in findings[0].message


# -- PL504 transfer-without-safeguard -------------------------------------------------------


def _transfer(lint_rule, body: str):
    return lint_rule("transfer-without-safeguard", "privlint: 1\ntransfers:\n" + body)


def test_english_assurance_is_quoted_and_called_no_mechanism(lint_rule):
    findings = _transfer(lint_rule, '  - destination: India\n    description: "We make sure it is safe. We care."\n')
    assert located(findings) == [("transfer-without-safeguard", 3, 5)]
    assert findings[0].message == (
        "transfer 1 to 'India' names no adequacy decision or Art. 46/47/49 safeguard: "
        '"We make sure it is safe." is an assurance, not a transfer mechanism'
    )


def test_passende_maatregelen_is_not_a_mechanism(lint_rule):
    findings = _transfer(lint_rule, '  - description: "Wij nemen passende maatregelen."\n')
    assert '"Wij nemen passende maatregelen." is an assurance' in findings[0].message
    assert findings[0].message.startswith("transfer 1 outside the EEA ")


def test_description_without_assurance_is_quoted(lint_rule):
    findings = _transfer(lint_rule, '  - destination: US\n    description: "Our hosting provider is in the US."\n')
    assert findings[0].message.endswith('; the statement says only "Our hosting provider is in the US."')


def test_transfer_without_description_is_reported_without_quote(lint_rule):
    findings = _transfer(lint_rule, "  - destination: US\n")
    assert findings[0].message == "transfer 1 to 'US' names no adequacy decision or Art. 46/47/49 safeguard"


def test_mechanism_named_in_words_but_not_recorded_suggests_the_value(lint_rule):
    findings = _transfer(lint_rule, '  - description: "Wij gebruiken de modelcontractbepalingen van de Europese Commissie."\n')
    assert "records no safeguard, although the statement names one" in findings[0].message
    assert findings[0].hint == "record the mechanism the statement names: safeguard: standard_contractual_clauses"


def test_long_quotes_are_shortened(lint_rule):
    findings = _transfer(lint_rule, f'  - description: "{"zeer " * 60}veilig."\n')
    quote = re.search(r'"(.*)"', findings[0].message).group(1)
    assert len(quote) == 160 and quote.endswith("...")


def test_one_finding_per_transfer_without_safeguard(lint_rule):
    body = (
        "  - destination: US\n    safeguard: adequacy_decision\n"
        "  - destination: India\n"
        "  - destination: Brazil\n    safeguard: derogation\n"
        "  - destination: China\n"
    )
    findings = _transfer(lint_rule, body)
    assert located(findings) == [("transfer-without-safeguard", 5, 5), ("transfer-without-safeguard", 8, 5)]
    assert ["India" in findings[0].message, "transfer 4 to 'China'" in findings[1].message] == [True, True]


# -- PL411 missing-right ----------------------------------------------------------------------


def test_no_rights_section_reports_all_six_rights_at_the_root(lint_rule):
    findings = lint_rule("missing-right", "privlint: 1\nstatement:\n  title: x\n")
    assert located(findings) == [("missing-right", 1, 1)] * 6
    articles = sorted(re.search(r"\((Art\. [\d()]+)\)$", f.message).group(1) for f in findings)
    assert articles == ["Art. 15", "Art. 16", "Art. 17", "Art. 18", "Art. 20", "Art. 21(1)"]


def test_rights_without_offered_are_reported_at_rights(lint_rule):
    findings = lint_rule("missing-right", "privlint: 1\nrights:\n  how: e-mail us\n")
    assert located(findings) == [("missing-right", 2, 1)] * 6


def test_each_missing_right_is_named(lint_rule):
    findings = lint_rule("missing-right", "privlint: 1\nrights:\n  offered: [access, rectification, erasure, restriction, objection]\n")
    assert located(findings) == [("missing-right", 3, 3)]
    assert findings[0].message == "the statement does not mention the right to data portability (Art. 20)"
    assert "add portability to rights.offered" in findings[0].hint


# -- PL412 missing-consent-withdrawal -----------------------------------------------------------


def test_consent_withdrawal_message_names_every_consent_purpose_and_category(lint_rule):
    text = (
        "privlint: 1\n"
        "purposes:\n"
        "  - id: newsletter\n    section: '2'\n    legal_bases: [consent]\n"
        "  - id: orders\n    legal_bases: [contract]\n"
        "  - id: ads\n    legal_bases: [legitimate_interests, consent]\n"
        "data_categories:\n  - id: health\n    special: health\n    condition: explicit_consent\n"
        "rights:\n  how: mail us\n"
    )
    findings = lint_rule("missing-consent-withdrawal", text)
    assert located(findings) == [("missing-consent-withdrawal", 14, 1)]
    message = findings[0].message
    assert "purpose 'newsletter' (section 2), purpose 'ads', data category 'health' (explicit consent) rely on consent" in message
    assert "orders" not in message


def test_explicit_consent_alone_needs_withdrawal(lint_rule):
    text = "privlint: 1\ndata_categories:\n  - id: health\n    condition: explicit_consent\n"
    findings = lint_rule("missing-consent-withdrawal", text)
    assert located(findings) == [("missing-consent-withdrawal", 1, 1)]
    assert "data category 'health' (explicit consent) relies on consent" in findings[0].message


def test_cookies_placed_with_consent_need_withdrawal_unless_a_cookie_statement_explains_them(lint_rule):
    cookies = "cookies:\n  - name: _ga\n    consent: opt_in\n  - name: session\n    consent: not_asked\n"
    findings = lint_rule("missing-consent-withdrawal", "privlint: 1\n" + cookies)
    assert located(findings) == [("missing-consent-withdrawal", 1, 1)]
    assert "cookie '_ga' relies on consent" in findings[0].message
    assert "session" not in findings[0].message
    assert not lint_rule("missing-consent-withdrawal", "privlint: 1\n" + cookies + "cookie_statement:\n  url: /cookies\n")
    assert not lint_rule("missing-consent-withdrawal",
                         "privlint: 1\n" + cookies + "rights:\n  offered: [withdraw_consent]\n")


def test_no_consent_needs_no_withdrawal(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: a\n    legal_bases: [contract]\nrights:\n  offered: [access]\n"
    assert lint_rule("missing-consent-withdrawal", text) == []


# -- PL419 request-fee --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fee", "reported"),
    [
        ("  fee:\n    text: Wij kunnen een redelijke vergoeding vragen.\n", True),
        ("  fee:\n    text: Extra kopieën kosten 5 euro.\n    ground: further_copies\n", False),
        ("  fee:\n    text: Kosteloos, tenzij kennelijk ongegrond.\n    ground: unfounded_or_excessive\n", False),
        ("", False),
    ],
)
def test_a_fee_for_requests_needs_a_ground_the_gdpr_allows(lint_rule, fee, reported):
    findings = lint_rule("request-fee", "privlint: 1\nrights:\n  offered: [access]\n" + fee)
    assert located(findings) == ([("request-fee", 4, 3)] if reported else [])


# -- PL518 missing-representative ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("controller", "reported"),
    [
        ("  country: US\n", True),
        ("  country: GB\n", True),  # adequacy covers transfers, not Art. 27
        ("  country: US\n  representative:\n    name: Rep B.V.\n", False),
        ("  country: NL\n", False),
        ("  country: NO\n", False),  # the EEA applies the GDPR
        ("  country: DE-BY\n", False),
        ("  name: Example B.V.\n", False),  # no country: nothing to judge
    ],
)
def test_a_controller_outside_the_eea_names_its_representative(lint_rule, controller, reported):
    findings = lint_rule("missing-representative", "privlint: 1\ncontroller:\n" + controller)
    assert located(findings) == ([("missing-representative", 3, 3)] if reported else [])


# -- PL404 missing-complaint-right ---------------------------------------------------------------


def test_complaint_right_missing_without_rights_is_reported_at_the_root(lint_rule):
    findings = lint_rule("missing-complaint-right", "privlint: 1\n")
    assert located(findings) == [("missing-complaint-right", 1, 1)]
    assert "lodge a complaint with a supervisory authority" in findings[0].message


def test_naming_an_authority_does_not_replace_the_complaint_right(lint_rule):
    text = "privlint: 1\nrights:\n  offered: [access]\nsupervisory_authority:\n  name: AP\n"
    assert located(lint_rule("missing-complaint-right", text)) == [("missing-complaint-right", 3, 3)]


# -- PL505 missing-requirement-notice ---------------------------------------------------------------


def test_requirement_notice_missing_is_info(lint_rule):
    findings = lint_rule("missing-requirement-notice", "privlint: 1\n")
    assert located(findings) == [("missing-requirement-notice", 1, 1)]
    assert findings[0].severity.value == "info"
    assert "required by law or contract" in findings[0].message


# -- PL506 incomplete-automated-decision -------------------------------------------------------------


def test_human_intervention_false_is_reported_at_that_key(lint_rule):
    text = (
        "privlint: 1\nautomated_decisions:\n"
        "  - id: score\n    logic: payment history\n    significance: no contract\n    human_intervention: false\n"
    )
    findings = lint_rule("incomplete-automated-decision", text)
    assert located(findings) == [("incomplete-automated-decision", 6, 5)]
    assert findings[0].message == "automated decision 'score' offers no human intervention"


def test_decision_without_id_is_named_by_position(lint_rule):
    text = (
        "privlint: 1\nautomated_decisions:\n"
        "  - {id: a, logic: x, significance: y, human_intervention: true, contest: true}\n"
        "  - {logic: x, human_intervention: true, contest: true}\n"
    )
    findings = lint_rule("incomplete-automated-decision", text)
    assert located(findings) == [("incomplete-automated-decision", 4, 5)]
    assert findings[0].message.startswith("automated decision 2 does not say what it means for the person")


# -- PL507 missing-data-source -------------------------------------------------------------------------


def test_data_source_needed_only_for_data_from_others(lint_rule):
    text = (
        "privlint: 1\ndata_categories:\n"
        "  - id: contact\n"
        "  - id: credit\n    from_others: true\n    source: BKR\n"
        "  - id: leads\n    from_others: true\n"
    )
    findings = lint_rule("missing-data-source", text)
    assert located(findings) == [("missing-data-source", 7, 5)]
    assert findings[0].message == "data category 'leads' is obtained from others, but the statement does not say from which source"


# -- PL413 late-response-time ---------------------------------------------------------------------------


def _response(lint_rule, time: str, extension: str = "P2M"):
    text = f"privlint: 1\nrights:\n  response_time: {time}\n  response_extension: {extension}\n"
    return lint_rule("late-response-time", text)


@pytest.mark.parametrize("time", ["P1M", "P30D", "P31D", "P4W", "P2W3D", "PT744H", "P0D"])
def test_response_time_within_one_month_passes(lint_rule, time):
    assert _response(lint_rule, time) == []


@pytest.mark.parametrize("time", ["P32D", "P5W", "P6W", "P1M1D", "P2M", "P1Y", "PT745H"])
def test_response_time_over_one_month_is_reported(lint_rule, time):
    findings = _response(lint_rule, time)
    assert located(findings) == [("late-response-time", 3, 3)]
    assert findings[0].message == f"the response time {time} is longer than one month"


@pytest.mark.parametrize("extension", ["P2M", "P1M31D", "P62D", "P8W", "P1M"])
def test_extension_within_two_months_passes(lint_rule, extension):
    assert _response(lint_rule, "P1M", extension) == []


@pytest.mark.parametrize("extension", ["P3M", "P2M1D", "P63D", "P9W", "P1M32D", "P1Y"])
def test_extension_beyond_two_months_is_reported(lint_rule, extension):
    findings = _response(lint_rule, "P1M", extension)
    assert located(findings) == [("late-response-time", 4, 3)]
    assert findings[0].message == f"the extension {extension} is longer than two further months"


def test_no_response_time_is_not_this_rules_business(lint_rule):
    assert lint_rule("late-response-time", "privlint: 1\nrights:\n  offered: [access]\n") == []


def test_human_intervention_without_a_way_to_contest_is_one_finding_and_without_either_also_one(lint_rule):
    base = "privlint: 1\nautomated_decisions:\n  - id: score\n    logic: x\n    significance: y\n"
    findings = lint_rule("incomplete-automated-decision", base + "    human_intervention: true\n")
    assert located(findings) == [("incomplete-automated-decision", 6, 5)]
    assert findings[0].message == (
        "automated decision 'score' offers human intervention but does not say the person can contest the decision")
    findings = lint_rule("incomplete-automated-decision", base + "    human_intervention: true\n    contest: false\n")
    assert located(findings) == [("incomplete-automated-decision", 7, 5)]
    assert not lint_rule("incomplete-automated-decision", base + "    human_intervention: true\n    contest: true\n")
    assert not lint_rule("incomplete-automated-decision",
                         base + "    human_intervention: true\n    legal_effect: false\n")
    [finding] = lint_rule("incomplete-automated-decision", base)
    assert "does not say whether the person can obtain human intervention" in finding.message


def test_profiling_without_legal_effect_needs_no_human_intervention(lint):
    base = "privlint: 1\nautomated_decisions:\n  - id: offers\n    profiling: true\n    logic: usage\n    significance: an offer\n"
    assert not lint(base + "    legal_effect: false\n", select=("incomplete-automated-decision",))
    [finding] = lint(base, select=("incomplete-automated-decision",))
    assert "human intervention" in finding.message
