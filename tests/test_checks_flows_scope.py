"""Issue 14, the classes the first pass left out: consent on a purpose that is not consent, tracking with no
cookie information, providers named only in a purpose's words, and a statement-wide maximum for some people.

Every test runs the registered rules through the real linter.
"""

from __future__ import annotations

import json

import pytest
from conftest import ROOT, located
from privlint.model.vocabulary import ServiceKind
from privlint.rules.negation import is_denied
from privlint.rules.tracking import tracking_words


def manifest(text: str) -> str:
    return "privlint: 1\n" + text


# -- purposes[].consent and implied-consent ----------------------------------------------------


@pytest.mark.parametrize("mechanism, says", [
    ("opt_out", "assumes unless the person says no"),
    ("implied", "infers from silence, inactivity or going on using the service"),
    ("bundled", "takes with accepting a contract, the terms or the statement"),
])
def test_a_recorded_mechanism_that_is_not_consent_is_reported_at_the_field(lint_rule, mechanism, says):
    text = manifest(f"purposes:\n  - id: ads\n    legal_bases: [consent]\n    consent: {mechanism}\n")
    findings = lint_rule("implied-consent", text)
    assert located(findings) == [("implied-consent", 5, 5)]
    assert findings[0].message.startswith(f"purpose 'ads' rests on consent that the statement {says}")
    assert findings[0].message.endswith(", which is not consent")  # the words may hold other consents: not quoted
    assert "record consent: opt_in" in findings[0].hint


@pytest.mark.parametrize("bases, reported", [
    ("[consent]", True),
    ("[legitimate_interests, consent]", True),  # Odido's Z: one cell names both
    (None, True),  # no basis named: the statement calls it consent
    ("[legitimate_interests]", False),  # an opt-out is the right to object there
    ("[contract]", False),
])
def test_an_opt_out_is_judged_only_where_the_purpose_rests_on_consent(lint_rule, bases, reported):
    basis = f"    legal_bases: {bases}\n" if bases else ""
    text = manifest(f"purposes:\n  - id: mail\n{basis}    consent: opt_out\n")
    assert bool(lint_rule("implied-consent", text)) is reported


def test_opt_in_is_no_finding_and_the_words_are_still_read(lint_rule):
    assert lint_rule("implied-consent", manifest("purposes:\n  - id: a\n    legal_bases: [consent]\n    consent: opt_in\n")) == []
    words = manifest(
        "purposes:\n  - id: a\n    legal_bases: [consent]\n    consent: opt_in\n"
        '    consent_mechanism: "By visiting our shop you consent to profiling."\n'
    )
    assert located(lint_rule("implied-consent", words)) == [("implied-consent", 6, 5)]  # the words contradict opt_in


def test_the_words_of_a_purpose_whose_recorded_consent_is_reported_are_not_reported_again(lint_rule):
    text = manifest(
        "purposes:\n  - id: a\n    legal_bases: [consent]\n"
        '    consent_mechanism: "By visiting our shop you consent to profiling."\n    consent: implied\n'
    )
    assert located(lint_rule("implied-consent", text)) == [("implied-consent", 6, 5)]  # at consent, once


def test_an_unknown_consent_mechanism_is_a_schema_error(lint):
    findings = lint(manifest("purposes:\n  - id: a\n    consent: pre_ticked\n"))
    assert [(f.rule, f.line) for f in findings] == [("invalid-manifest", 4)]


# -- missing-cookie-information ----------------------------------------------------------------


def cookie_info(lint_rule, text):
    return lint_rule("missing-cookie-information", manifest(text))


TRACKING_DATA = "data_categories:\n  - id: web\n    items: [IP-adres, klik- en surfgedrag]\n"


def test_tracking_data_with_nothing_about_cookies_is_reported_at_the_item(lint_rule):
    findings = cookie_info(lint_rule, TRACKING_DATA)
    assert located(findings) == [("missing-cookie-information", 4, 23)]
    assert findings[0].message == (
        "the statement tracks people online (data category 'web' records 'klik- en surfgedrag') but says nothing "
        "about cookies or similar technologies: no cookies, no cookie statement it refers to and no denial"
    )
    assert "cookie_statement: {url: ...}" in findings[0].hint


@pytest.mark.parametrize("answer", [
    "cookies:\n  - {name: PHPSESSID, category: functional}\n",
    "cookie_statement:\n  url: https://example.nl/cookies\n",
    'cookie_statement:\n  text: "Welke cookies wij gebruiken, leest u in onze cookieverklaring."\n',
    'none:\n  cookies: "Wij gebruiken geen cookies."\n',
])
def test_cookies_a_cookie_statement_or_a_denial_answer_it(lint_rule, answer):
    assert cookie_info(lint_rule, TRACKING_DATA + answer) == []


@pytest.mark.parametrize("services, field", [
    ("  - name: Google Analytics\n", "name"),
    ("  - name: Statistieken\n    provider: Hotjar\n", "provider"),
    ("  - name: Ons eigen Matomo\n    kind: analytics\n", "kind"),
    ("  - name: Advertentiemeting\n    registry: meta-pixel\n", "registry"),
    ("  - name: Google Tag Manager\n", "name"),
])
def test_an_analytics_or_advertising_service_or_a_tag_manager_is_tracking(lint_rule, services, field):
    [finding] = cookie_info(lint_rule, "services:\n" + services)
    assert finding.message.startswith("the statement tracks people online (service ")
    line = {"name": 3, "provider": 4, "kind": 4, "registry": 4}[field]
    assert (finding.line, finding.column) == (line, 5)


@pytest.mark.parametrize("services", [
    "  - name: Mailchimp\n", "  - name: Stripe\n", "  - name: Cookiebot\n", "  - name: WhatsApp\n",
    "  - name: Google Analytics\n    kind: hosting\n",  # the manifest's kind overrides the registry's
    "  - name: Tool\n    kind: maps\n",
])
def test_other_services_are_not_tracking(lint_rule, services):
    assert cookie_info(lint_rule, "services:\n" + services) == []


def test_a_recipient_that_names_a_tracking_service_counts_and_a_company_does_not(lint_rule):
    assert located(cookie_info(lint_rule, "recipients:\n  - id: r\n    description: Hotjar Ltd. (heatmaps)\n")) == [
        ("missing-cookie-information", 4, 5)
    ]
    assert cookie_info(lint_rule, "recipients:\n  - id: r\n    name: Marketingpartners zoals Facebook en Google\n") == []


def test_one_finding_names_the_first_three_signs_and_counts_the_rest(lint_rule):
    text = (
        "data_categories:\n  - id: a\n    items: [surfgedrag, clickstream]\n  - id: b\n    name: Online gedrag\n"
        "services:\n  - name: Google Analytics\n  - name: Facebook Pixel\n  - name: Hotjar\n"
    )
    [finding] = cookie_info(lint_rule, text)
    assert (finding.line, finding.column) == (4, 13)
    assert ("(data category 'a' records 'surfgedrag' and 'clickstream'; data category 'b' records 'Online gedrag'; "
            "service 'Google Analytics' is an analytics service; and 2 more)") in finding.message


@pytest.mark.parametrize("item", [
    "surfgedrag", "klik- en surfgedrag", "IP-adressen en zoek-, surf- en koopgedrag", "Website- en surfgegevens",
    "browsing behaviour", "clickstream data", "your browsing history", "advertising ID", "het advertentie-ID",
    "device fingerprint", "cookie-ID's", "heatmaps", "sessie-opnames", "open- en klikgedrag", "uw gedrag op onze website",
    "vorige/volgende bezochte sites", "de websites die u eerder bezocht", "apparaat-ID",
])
def test_words_that_show_tracking(item):
    assert tracking_words(item)


@pytest.mark.parametrize("item", [
    "IP-adres", "IP address", "browsertype", "de bezochte webpagina's", "zoekgedrag", "koopgedrag", "kijkgedrag",
    "betaalgedrag", "IMEI-nummer", "MAC-adres van uw modem", "Track & Trace-code", "surfplank", "merk en type toestel",
    "wij volgen uw surfgedrag niet", "links naar andere websites", "navigation data", "de duur van een bezoek",
])
def test_words_that_do_not(item):
    assert tracking_words(item) is None


def test_registry_kinds_are_the_manifests_service_kinds():
    registry = json.loads((ROOT / "linter" / "data" / "services.json").read_text(encoding="utf-8"))
    kinds = {entry["kind"].replace("-", "_") for entry in registry["services"]} - {"provider"}
    assert kinds <= {kind.value for kind in ServiceKind}


def test_cookies_after_a_denial_of_cookies_contradict_it(lint_rule):
    text = manifest('none:\n  cookies: "Deze website gebruikt geen cookies."\ncookies:\n  - name: _ga\n  - {category: functional}\n')
    findings = lint_rule("contradicted-denial", text)
    assert located(findings) == [("contradicted-denial", 5, 5), ("contradicted-denial", 6, 5)]
    assert findings[0].message == (
        "the statement says it uses no cookies (\"Deze website gebruikt geen cookies.\"), but the manifest records cookie '_ga'"
    )
    assert findings[1].message.endswith("records cookie 2")


# -- undeclared-transfer: providers named in a purpose -------------------------------------------


def undeclared(lint_rule, text):
    return lint_rule("undeclared-transfer", manifest(text))


def test_a_provider_named_in_a_purpose_needs_a_transfer(lint_rule):
    text = 'purposes:\n  - id: contact\n    description: "U kunt ons bereiken per e-mail of via WhatsApp."\n'
    [finding] = undeclared(lint_rule, text)
    assert (finding.line, finding.column) == (4, 5)
    assert finding.message.startswith("purpose 'contact' names WhatsApp, which usually processes personal data outside the EEA (US)")
    assert finding.hint.startswith("record WhatsApp as a service (services: [{id: ..., name: WhatsApp}]) and add a transfer")


def test_a_purposes_quote_is_read_where_it_gives_the_published_words(lint_rule):
    text = (
        'purposes:\n  - id: contact\n    description: "Contact met de klantenservice."\n'
        '    quote: "U kunt ons bereiken per e-mail of via WhatsApp."\n'
    )
    assert located(undeclared(lint_rule, text)) == [("undeclared-transfer", 5, 5)]


def test_a_provider_in_a_purpose_and_a_service_is_one_finding_at_the_service(lint_rule):
    text = (
        'purposes:\n  - id: contact\n    name: Contact via WhatsApp\n'
        "services:\n  - id: whatsapp\n    name: WhatsApp\n"
    )
    assert located(undeclared(lint_rule, text)) == [("undeclared-transfer", 7, 5)]  # the service's name


@pytest.mark.parametrize("description", [
    "Contacten leggen op beurzen en via LinkedIn.",  # a social network: where people meet the controller
    "Wij willen weten of u ons via Google hebt gevonden.",  # a company named alone
    "Wij gebruiken geen Google Analytics, Hotjar of Facebook-pixel.",
    "Google Analytics gebruiken wij niet.",
    "We do not use Mailchimp for our newsletter.",
    "Wij delen niets met Facebook-advertenties.",
    "U kunt inzoomen met de zoom-knop.",  # 'Zoom' only with its capital
])
def test_words_in_a_purpose_that_name_no_recipient(lint_rule, description):
    assert undeclared(lint_rule, f'purposes:\n  - id: p\n    description: "{description}"\n') == []


def test_a_denial_ends_at_the_clause(lint_rule):
    text = 'purposes:\n  - id: p\n    description: "Wij plaatsen geen advertentiecookies, maar wel Google Analytics."\n'
    assert len(undeclared(lint_rule, text)) == 1
    elsewhere = 'purposes:\n  - id: p\n    description: "Wij verkopen niets. Wij meten het bezoek met Google Analytics."\n'
    assert len(undeclared(lint_rule, elsewhere)) == 1


def test_a_denied_name_in_a_recipient_is_not_counted_either(lint_rule):
    assert undeclared(lint_rule, "recipients:\n  - id: r\n    description: Wij geven niets aan Facebook.\n") == []


@pytest.mark.parametrize("text, start, denied", [
    ("Wij gebruiken geen Google Analytics.", "Google", True),
    ("Wij gebruiken geen Google Analytics, Hotjar of Facebook Pixel.", "Facebook", True),
    ("Geen cookies, maar wel Google Analytics.", "Google", False),
    ("Wij verkopen niets. Wij gebruiken Hotjar.", "Hotjar", False),
    ("Hotjar gebruiken wij niet.", "Hotjar", True),
    ("We don't use Hotjar.", "Hotjar", True),
    ("Hotjar measures visits; we never sell data.", "Hotjar", False),
])
def test_is_denied(text, start, denied):
    index = text.index(start)
    assert is_denied(text, index, index + len(start)) is denied


# -- retention.maximum_applies_to ----------------------------------------------------------------

CUSTOMERS_MAXIMUM = "retention:\n  maximum: P7Y\n  after: het einde van uw contract\n  maximum_applies_to: [klanten]\n"


def purpose(pid, subjects, retention="", data=""):
    text = f"  - id: {pid}\n    legal_bases: [legitimate_interests]\n"
    text += f"    data_subjects: {subjects}\n" if subjects else ""
    text += f"    data: {data}\n" if data else ""
    return text + (f"    retention: {retention}\n" if retention else "")


def test_a_maximum_for_customers_ends_the_retentions_of_customers_only(lint_rule):
    endless = "{end_event: opheffing van de vennootschap, ended_by: controller}"
    text = CUSTOMERS_MAXIMUM + "purposes:\n" + purpose("customers", "[Klanten]", endless) + purpose("landowners", "[grondeigenaren]", endless)
    findings = lint_rule("unbounded-retention", manifest(text))
    assert [f.message.split(" ends ")[0] for f in findings] == ["retention for purpose 'landowners'"]


def test_a_purpose_for_customers_and_others_is_not_covered_and_one_that_names_no_one_is(lint_rule):
    endless = "{end_event: opheffing, ended_by: controller}"
    text = CUSTOMERS_MAXIMUM + "purposes:\n" + purpose("mixed", "[klanten, sollicitanten]", endless) + purpose("unnamed", "", endless)
    findings = lint_rule("unbounded-retention", manifest(text))
    assert [f.message.split(" ends ")[0] for f in findings] == ["retention for purpose 'mixed'"]


def test_a_data_category_is_covered_when_every_purpose_using_it_is(lint_rule):
    categories = "data_categories:\n  - id: d\n    retention: {minimum: P1Y}\n"
    only_customers = CUSTOMERS_MAXIMUM + "purposes:\n" + purpose("a", "[klanten]", data="[d]") + categories
    assert lint_rule("unbounded-retention", manifest(only_customers)) == []
    shared = only_customers.replace("data_categories:", purpose("b", "[sollicitanten]", data="[d]") + "data_categories:")
    assert located(lint_rule("unbounded-retention", manifest(shared))) == [("unbounded-retention", 17, 17)]


def test_without_an_event_the_named_maximum_still_ends_only_their_retentions(lint_rule):
    text = (
        "retention:\n  maximum: P7Y\n  maximum_applies_to: [klanten]\n  places:\n    - {place: back-ups, minimum: P1M}\n"
        "purposes:\n" + purpose("a", "[klanten]", "{minimum: P1Y}") + purpose("b", "[bezoekers]", "{minimum: P1Y}")
    )
    findings = lint_rule("unbounded-retention", manifest(text))
    # the statement's own back-ups are everyone's, and visitors are not named: both unbounded
    assert [f.message.split(" is only")[0] for f in findings] == [
        "retention for the whole statement in 'back-ups'", "retention for purpose 'b'",
    ]


def test_a_maximum_for_customers_bounds_their_periods_and_the_statements_own(lint_rule):
    text = (
        "retention:\n  period: P8Y\n  maximum: P7Y\n  maximum_applies_to: [klanten]\n"
        "purposes:\n" + purpose("a", "[klanten]", "{period: P10Y}") + purpose("b", "[borgstellers]", "{period: P10Y}")
    )
    findings = lint_rule("inconsistent-retention", manifest(text))
    assert [f.message for f in findings] == [
        "retention for the whole statement is P8Y, longer than the statement's own maximum P7Y",
        "retention for purpose 'a' is P10Y, longer than the statement's own maximum P7Y",
    ]


def test_missing_retention_for_people_the_maximum_does_not_name(lint_rule):
    text = (
        "retention:\n  criteria: niet langer dan noodzakelijk\n  after: het einde van uw contract\n  maximum: P7Y\n"
        "  maximum_applies_to: [klanten, oud-klanten]\n"
        "purposes:\n" + purpose("reviews", "[klanten]") + purpose("website", "[websitebezoekers]")
    )
    [finding] = lint_rule("missing-retention", manifest(text))
    assert finding.message == (
        "purpose 'website' has no retention period or criteria "
        "(the statement's maximum P7Y applies only to klanten, oud-klanten)"
    )
    everyone = text.replace("  maximum_applies_to: [klanten, oud-klanten]\n", "")
    assert lint_rule("missing-retention", manifest(everyone)) == []  # a maximum for all tells how long for all
