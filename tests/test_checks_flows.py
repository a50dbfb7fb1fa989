"""Transfers, services, cookies and retention semantics (issue 14): PL121, PL211, PL511-514 and the
retention rules' reading of minimum, maximum, until, end events and per-place retention.

Every test runs the registered rule through the real linter, selecting only that rule.
"""

from __future__ import annotations

import json
import re

import pytest
from conftest import ROOT, lint_examples, located, registered
from privlint.model.manifest import Manifest
from privlint.rules.service_registry import document_with_table, mentions, registry

CATALOGUE = {
    "PL121": ("cookie-without-consent", "error", "ePrivacy Art. 5(3)"),
    "PL122": ("missing-cookie-information", "warning", "ePrivacy Art. 5(3)"),
    "PL211": ("expired-retention", "warning", "Art. 5(1)(a)"),
    "PL511": ("unspecified-transfer", "warning", "Art. 13(1)(f)"),
    "PL512": ("example-safeguard", "error", "Art. 13(1)(f)"),
    "PL513": ("possible-transfer", "warning", "Art. 13(1)(f)"),
    "PL514": ("undeclared-transfer", "error", "Art. 13(1)(f)"),
    "PL516": ("missing-safeguard-copy", "warning", "Art. 13(1)(f)"),
    "PL517": ("missing-joint-arrangement", "warning", "Art. 26(2)"),
}

#: rule name -> (line, column) of each finding expected in examples/rules/<name>/fail.privacy.yaml
FAIL_EXAMPLES = {
    "unspecified-transfer": [(4, 5)],
    "example-safeguard": [(7, 5)],
    "missing-safeguard-copy": [(7, 5)],
    "missing-joint-arrangement": [(8, 5)],
    "possible-transfer": [(6, 5)],
    "undeclared-transfer": [(5, 5), (5, 5), (8, 5), (12, 5)],
    "cookie-without-consent": [(11, 5), (13, 5)],
    "missing-cookie-information": [(9, 23)],
    "expired-retention": [(7, 7)],
}


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_rule_is_registered_with_its_code_severity_and_article(rules, code):
    name, severity, article = CATALOGUE[code]
    assert registered(rules, code, name, severity).article.startswith(article)


@pytest.mark.parametrize("name", sorted(FAIL_EXAMPLES))
def test_example_directory_gets_exactly_the_intended_outcome(rules, name):
    failing, passing = lint_examples(rules, name)
    assert [(f.line, f.column) for f in failing] == FAIL_EXAMPLES[name]
    assert passing == []


def messages(findings):
    return [f.message for f in findings]


# -- PL511 unspecified-transfer -------------------------------------------------------------


@pytest.mark.parametrize("destination", [
    "buiten de EER", "buiten de Europese Economische Ruimte (EER)", "een bestemming buiten de EER",
    "outside the EEA", "outside the European Union", "derde landen of internationale organisaties",
    "landen buiten de Europese Unie", "third countries", "hors de l'EEE", "landen waar onze dienstverleners zijn gevestigd",
])
def test_a_destination_that_names_no_place_is_unspecified(lint_rule, destination):
    findings = lint_rule("unspecified-transfer", f"privlint: 1\ntransfers:\n  - destination: \"{destination}\"\n")
    assert located(findings) == [("unspecified-transfer", 3, 5)]
    assert f"({destination!r} is not a place)" in findings[0].message


@pytest.mark.parametrize("destination", [
    "United States", "de VS", "Verenigde Staten", "India", "Tokyo", "the WHO",
    "the US and other countries outside the EEA", "Verenigde Staten, waar onze hostingpartij zit",
])
def test_a_destination_that_names_a_place_is_specified(lint_rule, destination):
    assert lint_rule("unspecified-transfer", f"privlint: 1\ntransfers:\n  - destination: \"{destination}\"\n") == []


def test_no_destination_the_flag_and_countries(lint_rule):
    text = (
        "privlint: 1\ntransfers:\n"
        "  - safeguard: binding_corporate_rules\n"
        "  - destination: landen waar onze dienstverleners zijn gevestigd\n    destination_unspecified: true\n"
        "  - destination: buiten de EER\n    countries: [US]\n"
    )
    findings = lint_rule("unspecified-transfer", text)
    assert located(findings) == [("unspecified-transfer", 3, 5), ("unspecified-transfer", 5, 5)]
    assert findings[0].message.startswith("transfer 1 names no destination:")
    assert "(the statement gives none)" in findings[1].message


# -- PL512 example-safeguard and PL513 possible-transfer -----------------------------------------


def test_a_safeguard_named_as_an_example_or_a_menu_is_reported_and_a_stated_one_is_not(lint_rule):
    text = (
        "privlint: 1\ntransfers:\n"
        "  - destination: US\n    safeguard: standard_contractual_clauses\n    safeguard_named_as: example\n"
        "  - safeguard: [adequacy_decision, binding_corporate_rules]\n    safeguard_named_as: alternatives\n"
        "  - destination: US\n    safeguard: [adequacy_decision, standard_contractual_clauses]\n"
        "  - destination: US\n    safeguard: standard_contractual_clauses\n    safeguard_named_as: stated\n"
    )
    findings = lint_rule("example-safeguard", text)
    assert located(findings) == [("example-safeguard", 5, 5), ("example-safeguard", 7, 5)]
    assert findings[0].message.startswith("transfer 1 to 'US' names standard contractual clauses only as an example")
    assert "offers adequacy decision or binding corporate rules as alternatives" in findings[1].message


def test_a_transfer_described_as_possible_is_reported_at_the_flag(lint_rule):
    text = "privlint: 1\ntransfers:\n  - destination: US\n    possible: true\n  - destination: US\n    possible: false\n"
    findings = lint_rule("possible-transfer", text)
    assert located(findings) == [("possible-transfer", 4, 5)]
    assert "described only as possible" in findings[0].message


def test_one_sentence_can_leave_open_where_how_and_whether(lint):
    text = (
        "privlint: 1\ntransfers:\n  - destination: een bestemming buiten de EER\n    possible: true\n"
        "    safeguard: standard_contractual_clauses\n    safeguard_named_as: example\n"
    )
    rules = {f.rule for f in lint(text, select=("unspecified-transfer", "possible-transfer", "example-safeguard",
                                                "transfer-without-safeguard"))}
    assert rules == {"unspecified-transfer", "possible-transfer", "example-safeguard"}


# -- PL516 missing-safeguard-copy --------------------------------------------------------------


def test_an_article_46_or_47_safeguard_needs_a_way_to_its_copy_and_adequacy_or_a_derogation_does_not(lint_rule):
    text = (
        "privlint: 1\ntransfers:\n"
        "  - destination: US\n    safeguard: standard_contractual_clauses\n"
        "  - destination: US\n    safeguard: [adequacy_decision, binding_corporate_rules, certification]\n"
        "    safeguard_named_as: alternatives\n"
        "  - destination: US\n    safeguard: standard_contractual_clauses\n    copy_available: Vraag een kopie.\n"
        "  - destination: GB\n    safeguard: adequacy_decision\n"
        "  - destination: US\n    safeguard: derogation\n"
        "  - destination: US\n"
    )
    findings = lint_rule("missing-safeguard-copy", text)
    assert located(findings) == [("missing-safeguard-copy", 4, 5), ("missing-safeguard-copy", 6, 5)]
    assert findings[0].message.startswith("transfer 1 to 'US' rests on standard contractual clauses without saying")
    assert "rests on binding corporate rules or certification without" in findings[1].message


# -- PL517 missing-joint-arrangement -----------------------------------------------------------


def test_a_joint_controller_needs_the_essence_of_the_arrangement_and_other_roles_do_not(lint_rule):
    text = (
        "privlint: 1\nrecipients:\n"
        "  - id: partner\n    role: joint_controller\n"
        "  - id: group\n    role: joint_controller\n    arrangement: Wij beantwoorden alle verzoeken.\n"
        "  - id: hosting\n    role: processor\n"
        "  - id: bank\n    role: controller\n"
        "services:\n  - name: Facebook-pagina\n    role: joint_controller\n"
    )
    findings = lint_rule("missing-joint-arrangement", text)
    assert located(findings) == [("missing-joint-arrangement", 4, 5), ("missing-joint-arrangement", 14, 5)]
    assert findings[0].message.startswith("recipient 'partner' is a joint controller, and the statement gives neither")
    assert findings[1].message.startswith("service 'Facebook-pagina' is a joint controller")


# -- PL514 undeclared-transfer ------------------------------------------------------------------


def undeclared(lint_rule, text):
    return lint_rule("undeclared-transfer", "privlint: 1\n" + text)


def test_a_recipient_outside_the_eea_needs_a_transfer(lint_rule):
    text = "recipients:\n  - id: support\n    name: Support desk\n    country: IN\n  - id: host\n    country: DE\n"
    findings = undeclared(lint_rule, text)
    assert located(findings) == [("undeclared-transfer", 5, 5)]
    assert findings[0].message == "recipient 'support' is outside the EEA (IN) and no transfer covers it"
    covered = text + "transfers:\n  - destination: India\n    safeguard: standard_contractual_clauses\n"
    assert undeclared(lint_rule, covered) == []
    linked = text + "transfers:\n  - recipients: [support]\n"
    assert undeclared(lint_rule, linked) == []


def test_a_registered_provider_is_named_with_its_country_and_source(lint_rule):
    findings = undeclared(lint_rule, "services:\n  - name: Mailchimp\n    purpose: nieuwsbrief\n")
    assert located(findings) == [("undeclared-transfer", 3, 5)]
    message = findings[0].message
    assert message.startswith("service 'Mailchimp' processes personal data outside the EEA (US)")
    assert "source: https://mailchimp.com/help/mailchimp-european-data-transfers/" in message
    assert "certified under the EU-US Data Privacy Framework" in findings[0].hint


def test_an_unverified_entry_says_usually(lint_rule):
    findings = undeclared(lint_rule, "services:\n  - name: Calendly\n")
    assert "which" not in findings[0].message and "usually processes personal data" in findings[0].message
    assert "not checked against a dated document" in findings[0].message


def test_providers_in_recipients_are_reported_once_each(lint_rule):
    text = (
        "recipients:\n  - id: marketing\n    name: Marketingpartners zoals Facebook en Google\n"
        "  - id: rcs\n    name: Google\n    description: de Google dienst Rich Communication Services\n"
    )
    findings = undeclared(lint_rule, text)
    assert located(findings) == [("undeclared-transfer", 4, 5), ("undeclared-transfer", 4, 5)]
    assert [re.search(r"names (\w+)", m).group(1) for m in messages(findings)] == ["Facebook", "Google"]
    # linking one recipient that names Google covers Google wherever else it is named
    linked = text + "transfers:\n  - recipients: [rcs]\n"
    assert [re.search(r"names (\w+)", m).group(1) for m in messages(undeclared(lint_rule, linked))] == ["Facebook"]


@pytest.mark.parametrize("transfer, covered", [
    ("  - destination: Verenigde Staten\n", True),  # the country by name
    ("  - countries: [US]\n", True),
    ("  - description: Wij gebruiken Mailchimp in de VS met modelcontracten.\n", True),  # names the provider
    ("  - destination: buiten de EER\n    safeguard: adequacy_decision\n", True),  # adequacy; Mailchimp is certified
    ("  - destination: buiten de EER\n    safeguard: adequacy_decision\n    safeguard_named_as: example\n", False),
    ("  - destination: buiten de EER\n    safeguard: standard_contractual_clauses\n", False),
    ("  - destination: India\n", False),
])
def test_what_covers_a_us_provider(lint_rule, transfer, covered):
    findings = undeclared(lint_rule, "services:\n  - name: Mailchimp\ntransfers:\n" + transfer)
    assert (findings == []) is covered


def test_adequacy_without_destination_covers_certified_us_providers_and_adequate_countries_only(lint_rule):
    text = (
        "services:\n  - name: Google Analytics\n  - name: Calendly\n  - name: Shopify\n  - name: TikTok Pixel\n"
        "transfers:\n  - destination: landen met een adequaatheidsbesluit\n    destination_unspecified: true\n"
        "    safeguard: adequacy_decision\n"
    )
    findings = undeclared(lint_rule, text)
    # Calendly: not recorded as certified; Shopify: Canada is adequate, but its US processing is not covered;
    # TikTok: Singapore, China and more have no adequacy decision
    assert [re.match(r"service '([^']*)'", m).group(1) for m in messages(findings)] == ["Calendly", "Shopify", "TikTok Pixel"]


def test_self_hosted_fonts_and_eu_hosting_are_no_transfer(lint_rule):
    text = (
        "services:\n  - name: Google Fonts\n    self_hosted: true\n"
        "  - name: Amazon Web Services\n    country: DE\n"
        "  - name: Google Analytics\n    country: IE\n"  # no EU hosting option: still a transfer
        "recipients:\n  - id: web\n    name: Webbouwer\n    description: lettertypen van Google Fonts, lokaal gehost\n"
    )
    findings = undeclared(lint_rule, text)
    assert located(findings) == [("undeclared-transfer", 7, 5)]
    assert "Google Analytics" in findings[0].message


def test_cookies_and_registry_ids(lint_rule):
    text = (
        "services:\n  - id: stats\n    name: Statistiekdienst\n    registry: google-analytics\n"
        "cookies:\n  - name: _ga\n    service: stats\n  - name: _fbp\n    provider: Meta Platforms Ireland Limited\n"
        "  - name: Mollie\n"
    )
    findings = undeclared(lint_rule, text)
    assert located(findings) == [("undeclared-transfer", 5, 5), ("undeclared-transfer", 10, 5)]
    assert messages(findings)[0].startswith("service 'Statistiekdienst' names Google Analytics")
    assert messages(findings)[1].startswith("cookie '_fbp' names Meta Platforms")


def test_an_unknown_registry_id_is_an_undefined_reference(lint_rule):
    findings = lint_rule("undefined-reference", "privlint: 1\nservices:\n  - name: Fonts\n    registry: google-fontz\n")
    assert located(findings) == [("undefined-reference", 4, 5)]
    assert findings[0].hint.startswith("did you mean 'google-fonts'?")


def test_transfers_and_cookies_refer_to_declared_services(lint_rule):
    text = (
        "privlint: 1\nservices:\n  - id: maps\n    name: Google Maps\n"
        "transfers:\n  - services: [map]\ncookies:\n  - name: NID\n    service: mapz\n"
    )
    findings = lint_rule("undefined-reference", text)
    assert located(findings) == [("undefined-reference", 6, 16), ("undefined-reference", 9, 5)]
    assert lint_rule("duplicate-id", "privlint: 1\nservices:\n  - {id: a, name: A}\n  - {id: a, name: B}\n")


# -- the registry ---------------------------------------------------------------------------------


def test_registry_entries_are_complete_and_their_terms_unambiguous():
    data = json.loads((ROOT / "linter" / "data" / "services.json").read_text(encoding="utf-8"))
    entries = data["services"]
    assert len({entry["id"] for entry in entries}) == len(entries) == len(registry())
    owner = {}
    for entry in entries:
        service = registry()[entry["id"]]
        assert entry["source"].startswith("https://"), entry["id"]
        assert re.fullmatch(r"\d{4}|undated|unverified", entry["source_checked"]), entry["id"]
        assert entry["outside_eea"] == bool(service.countries_outside_eea), entry["id"]
        terms = [service.label, *entry["aliases"]]
        assert set(entry["case_sensitive_terms"]) <= set(terms), entry["id"]
        for term in terms:
            assert owner.setdefault(term.casefold(), entry["id"]) == entry["id"], term
            assert [m.service.id for m in mentions(f"wij gebruiken {term}.")] == [entry["id"]], term


@pytest.mark.parametrize("text, found", [
    ("Google Analytics-cookies en de Facebook-pixel", ["google-analytics", "meta-pixel"]),
    ("zoom in op de kaart; slack off; striped; exact", []),
    ("We use Zoom and Stripe", ["zoom", "stripe"]),
    ("metadata en meta-gegevens; netflix.com", []),
    ("Microsoft Teams en Microsoft", ["microsoft-365"]),
    ("YouTube-video's", ["youtube"]),
])
def test_services_are_found_as_whole_words_longest_first(text, found):
    assert [mention.service.id for mention in mentions(text)] == found


def test_docs_registry_table_is_generated_from_the_registry():
    document = (ROOT / "docs" / "service-registry.md").read_text(encoding="utf-8")
    assert document == document_with_table(document), "run: python -m privlint.rules.service_registry"


# -- PL121 cookie-without-consent and the cookie side of implied-consent ---------------------------


def cookies(country=None, *entries, statement=""):
    controller = f"controller:\n  country: {country}\n" if country else ""
    body = "".join(f"  - {entry}\n" for entry in entries)
    return f"privlint: 1\n{statement}{controller}cookies:\n{body}"


@pytest.mark.parametrize("country, exemption, reported", [
    ("NL", None, True), ("NL", "low_impact_analytics", False), ("BE", None, True),
    ("BE", "low_impact_analytics", True), ("DE", None, False), (None, None, False),
])
def test_analytics_without_consent_depends_on_the_country(lint_rule, country, exemption, reported):
    entry = "{name: _ga, category: analytics, consent: not_asked" + (f", exemption: {exemption}" if exemption else "") + "}"
    findings = lint_rule("cookie-without-consent", cookies(country, entry))
    assert bool(findings) is reported
    if reported and country == "BE":
        assert "Belgian law exempts only strictly necessary cookies" in findings[0].message


@pytest.mark.parametrize("category", ["advertising", "social", "embedded", "personalisation"])
def test_tracking_and_embeds_need_consent_everywhere(lint_rule, category):
    findings = lint_rule("cookie-without-consent", cookies(None, f"{{category: {category}, exemption: functional}}"))
    assert located(findings) == [("cookie-without-consent", 3, 5)]
    assert "is described without saying that consent is asked" in findings[0].message
    assert "the exemption it claims (functional) does not cover it" in findings[0].message


def test_functional_opt_in_and_invalid_consent_are_not_this_rules(lint_rule):
    text = cookies("BE", "{category: functional, consent: not_asked}", "{category: advertising, consent: opt_in}",
                   "{category: advertising, consent: cookie_wall}")
    assert lint_rule("cookie-without-consent", text) == []


def test_the_audience_and_the_language_region_choose_the_law(lint_rule):
    entry = "{category: analytics, consent: not_asked, exemption: low_impact_analytics}"
    assert lint_rule("cookie-without-consent", cookies("NL", entry)) == []
    assert lint_rule("cookie-without-consent", cookies("NL", entry, statement="statement:\n  language: nl-BE\n"))
    assert lint_rule("cookie-without-consent", cookies("NL", entry, statement="statement:\n  audience: [BE]\n"))
    assert lint_rule("cookie-without-consent", cookies("BE", entry, statement="statement:\n  audience: [NL]\n")) == []


@pytest.mark.parametrize("consent, words", [
    ("implied", "takes continued use of the site as consent"),
    ("browser_settings", "takes the browser's settings as consent"),
    ("cookie_wall", "makes using the site depend on accepting it (a cookie wall)"),
    ("opt_out", "is placed unless the person objects (an opt-out)"),
])
def test_consent_that_is_not_consent_is_implied_consent(lint_rule, consent, words):
    text = cookies(None, f"{{name: _fbp, category: advertising, consent: {consent}}}", f"{{category: functional, consent: {consent}}}")
    findings = lint_rule("implied-consent", text)
    assert [(f.rule, f.line) for f in findings] == [("implied-consent", 3)]  # not the functional cookie
    assert findings[0].message == f"cookie '_fbp' {words}: that is not consent"


# -- retention: minimum, end events, until, places, and how the levels combine -----------------------


def retention(text):
    return "privlint: 1\n" + text


def test_a_minimum_alone_is_unbounded_unless_a_bound_or_a_law_comes_with_it(lint_rule):
    findings = lint_rule("unbounded-retention", retention("purposes:\n  - id: tax\n    retention:\n      minimum: P7Y\n"))
    assert located(findings) == [("unbounded-retention", 5, 7)]
    assert findings[0].message.startswith("retention for purpose 'tax' is only a minimum (P7Y)")
    for extra in ("maximum: P8Y", "statutory_source: AWR art. 52", "until: 2040-01-01", "period: P8Y"):
        text = retention(f"purposes:\n  - id: tax\n    retention:\n      minimum: P7Y\n      {extra}\n")
        assert lint_rule("unbounded-retention", text) == [], extra


@pytest.mark.parametrize("ended_by, bases, reported", [
    ("controller", "[consent]", True),
    ("data_subject", "[legitimate_interests]", True),
    ("data_subject", "[consent, legitimate_interests]", True),
    ("data_subject", "[consent]", False),  # unsubscribing from a consent-based newsletter is a criterion
    ("other", "[legitimate_interests]", False),
])
def test_an_end_event_is_unbounded_when_only_one_side_brings_it(lint_rule, ended_by, bases, reported):
    text = retention(
        f"purposes:\n  - id: mailing\n    legal_bases: {bases}\n    retention:\n"
        f"      end_event: tot ons account bij de mailingdienst eindigt\n      ended_by: {ended_by}\n"
    )
    findings = lint_rule("unbounded-retention", text)
    assert located(findings) == ([("unbounded-retention", 7, 7)] if reported else [])


def test_a_data_category_is_judged_by_the_purposes_that_use_it(lint_rule):
    category = "data_categories:\n  - id: email\n    retention: {end_event: afmelden, ended_by: data_subject}\n"
    news = "purposes:\n  - id: news\n    legal_bases: [consent]\n    data: [email]\n"
    assert lint_rule("unbounded-retention", retention(news + category)) == []
    profiling = "  - id: profiling\n    legal_bases: [legitimate_interests]\n    data: [email]\n"
    findings = lint_rule("unbounded-retention", retention(news + profiling + category))
    assert [(f.line, f.message.split(" ends")[0]) for f in findings] == [(11, "retention for data category 'email'")]


def test_the_structure_and_the_words_give_one_finding(lint):
    text = retention("retention:\n  minimum: P7Y\n  criteria: zolang als nodig, en tot u bezwaar maakt\n")
    findings = lint(text, select=("unbounded-retention", "vague-retention", "missing-retention"))
    assert [(f.rule, f.line) for f in findings] == [("unbounded-retention", 3)]


def test_an_end_date_passes_with_today(lint_rule):
    text = retention("purposes:\n  - id: a\n    retention:\n      until: 2026-11\n  - id: b\n    retention:\n      until: 2026-11-22\n")
    assert located(lint_rule("expired-retention", text)) == [("expired-retention", 8, 7)]  # a month lasts to its end
    findings = lint_rule("expired-retention", text.replace("2026-11-22", "2026-11-23"))
    assert findings == []


def test_places_are_judged_on_their_own(lint):
    text = retention(
        "retention:\n  maximum: P7Y\n"
        "purposes:\n  - id: account\n    retention:\n      period: P2Y\n      places:\n"
        "        - place: back-ups\n          period: P8Y\n"
        "        - place: archief\n          until: 2020-01-01\n"
        "        - place: logbestanden\n          criteria: zolang als nodig\n"
    )
    found = [(f.rule, f.line, f.message) for f in lint(text, select=(
        "inconsistent-retention", "expired-retention", "vague-retention", "excessive-retention"))]
    assert [(rule, line) for rule, line, _ in found] == [
        ("inconsistent-retention", 10), ("expired-retention", 12), ("vague-retention", 14),
    ]
    assert found[0][2] == "retention for purpose 'account' in 'back-ups' is P8Y, longer than the statement's own maximum P7Y"


def test_bounds_contradicting_each_other(lint_rule):
    text = retention(
        "retention:\n  maximum: P7Y\n"
        "purposes:\n  - id: a\n    retention: {maximum: P10Y}\n"
        "  - id: b\n    retention: {minimum: P5Y, maximum: P3Y}\n"
    )
    findings = lint_rule("inconsistent-retention", text)
    assert messages(findings) == [
        "retention for purpose 'a' is at most P10Y, longer than the statement's own maximum P7Y",
        "retention for purpose 'b' is at least P5Y but at most P3Y",
    ]


def test_a_minimum_or_end_date_beyond_the_ceiling_is_excessive(lint_rule):
    text = retention("purposes:\n  - id: a\n    retention: {minimum: P20Y}\n  - id: b\n    retention: {until: 2050-01-01}\n")
    findings = lint_rule("excessive-retention", text)
    assert [(f.line, f.column) for f in findings] == [(4, 17), (6, 17)]
    assert "is at least P20Y, longer than the ceiling P10Y" in findings[0].message


def test_retention_given_only_per_place_covers_a_purpose_when_every_place_does(lint_rule):
    stated = retention("purposes:\n  - id: a\n    legal_bases: [contract]\n    retention:\n      places:\n"
                       "        - {place: account, period: P1Y}\n        - {place: back-ups, until: 2030-01-01}\n")
    assert lint_rule("missing-retention", stated) == []
    partial = stated.replace("{place: back-ups, until: 2030-01-01}", "{place: back-ups, after: verwijdering}")
    assert located(lint_rule("missing-retention", partial)) == [("missing-retention", 3, 5)]


@pytest.mark.parametrize("purpose, category, statement, missing", [
    ("{period: P1Y}", "", "", False),  # the purpose's own
    ("", "{period: P1Y}", "", False),  # else its data's
    ("", "", "retention: {period: P1Y}\n", False),  # else the statement's
    ("{criteria: zolang als nodig}", "{period: P1Y}", "", False),  # a vague purpose retention falls through
    ("{criteria: zolang als nodig}", "", "", False),  # vague-retention reports it: one finding per fact (issue 15)
    ("{after: einde contract}", "", "", True),  # a start event alone tells nothing
    ("{end_event: einde van de bewindvoering, ended_by: other}", "", "", False),
    ("{until: 2030-01-01}", "", "", False),
])
def test_how_purpose_data_category_and_statement_retention_combine(lint_rule, purpose, category, statement, missing):
    text = (
        f"privlint: 1\n{statement}purposes:\n  - id: p\n    legal_bases: [contract]\n    data: [d]\n"
        + (f"    retention: {purpose}\n" if purpose else "")
        + "data_categories:\n  - id: d\n" + (f"    retention: {category}\n" if category else "")
    )
    assert bool(lint_rule("missing-retention", text)) is missing


@pytest.mark.skipif("none" not in Manifest.model_fields, reason="the denials (none:) come with the format branch")
def test_under_a_denial_a_recipients_own_country_is_left_to_contradicted_denial(lint_rule, lint):
    text = (
        "none:\n  transfers: Wij geven geen gegevens door buiten de EER.\n"
        "recipients:\n  - id: host\n    country: US\n  - id: mail\n    name: Mailchimp\n"
    )
    findings = undeclared(lint_rule, text)
    assert located(findings) == [("undeclared-transfer", 8, 5)]  # Mailchimp; the host in the US is contradicted-denial's
    assert "although the statement says 'Wij geven geen gegevens door buiten de EER.'" in findings[0].message
    both = lint("privlint: 1\n" + text, select=("undeclared-transfer", "contradicted-denial"))
    assert located(both) == [("contradicted-denial", 6, 5), ("undeclared-transfer", 8, 5)]


def test_a_statement_wide_maximum_ends_every_other_retention(lint_rule):
    purposes = (
        "purposes:\n  - id: a\n    legal_bases: [legitimate_interests]\n    retention:\n"
        "      criteria: tot wederopzegging\n  - id: b\n    retention: {end_event: opheffing, ended_by: controller}\n"
    )
    assert [f.line for f in lint_rule("unbounded-retention", retention(purposes))] == [6, 8]
    assert lint_rule("unbounded-retention", retention("retention:\n  maximum: P7Y\n" + purposes)) == []
    # counted from an event that need not apply to everyone ("after your contract ends"), it ends nothing else
    after_contract = retention("retention:\n  maximum: P7Y\n  after: het einde van uw contract\n" + purposes)
    assert [f.line for f in lint_rule("unbounded-retention", after_contract)] == [9, 11]


def test_a_wrong_safeguard_is_explained_as_a_value_or_a_list_of_values(lint):
    findings = [f for f in lint("privlint: 1\ntransfers:\n  - safeguard: scc\n  - safeguard: [scc]\n") if f.rule == "invalid-manifest"]
    assert [(f.line, f.column) for f in findings] == [(3, 5), (4, 17)]
    assert all("'scc' is not one of adequacy_decision, standard_contractual_clauses" in f.message for f in findings)
