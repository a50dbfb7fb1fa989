"""The quality rules: special data (PL601-602), implied consent (PL103), retention wording and
periods (PL202-205), hedges (PL508), the check-regularly clause (PL304) and manifest integrity
(PL901-903).

Every test runs the registered rule through the real linter, selecting only that rule.
"""

from __future__ import annotations

import pytest
from conftest import TODAY, lint_examples, located, registered
from privlint.model.manifest import Retention, StatementRetention
from privlint.rules.phrases import combine
from privlint.rules.retention import is_unbounded_retention, is_vague_retention
from privlint.run.linter import Linter, Settings, SettingsError

#: code -> (name, severity, first article cited)
CATALOGUE = {
    "PL103": ("implied-consent", "error", "Art. 4(11)"),
    "PL202": ("vague-retention", "warning", "Art. 13(2)(a)"),
    "PL203": ("unbounded-retention", "error", "Art. 5(1)(e)"),
    "PL204": ("excessive-retention", "warning", "Art. 5(1)(e)"),
    "PL205": ("inconsistent-retention", "error", "Art. 5(1)(a)"),
    "PL304": ("check-regularly-clause", "warning", "Art. 12(1)"),
    "PL508": ("vague-language", "info", "Art. 12(1)"),
    "PL601": ("special-category-without-condition", "error", "Art. 9(1)"),
    "PL602": ("national-id-without-law", "error", "Art. 87"),
    "PL603": ("child-consent-age", "error", "Art. 8(1)"),
    "PL901": ("undefined-reference", "error", "-"),
    "PL902": ("duplicate-id", "error", "-"),
    "PL903": ("unused-definition", "info", "-"),
}

#: rule name -> (line, column, message) of each finding in examples/rules/<name>/fail.privacy.yaml
FAIL_EXAMPLES = {
    "special-category-without-condition": [
        (4, 5, "data category 'sick-leave' is special-category data (health) but names no Art. 9(2) condition"),
        (7, 5, "data category 'conduct' is data on criminal convictions or offences but names no law that allows it"),
    ],
    "child-consent-age": [
        (8, 5, "the statement lets children consent alone from 13, but in NL the age is 16 (UAVG art. 5)"),
    ],
    "national-id-without-law": [
        (7, 5, "data category 'bsn' is a national identification number (BSN) but names no law that allows using it"),
    ],
    "implied-consent": [
        (4, 3, "the statement infers consent from something that is not a clear affirmative act ('Door gebruik te maken')"),
        (8, 5, "purpose 'newsletter' infers consent from something that is not a clear affirmative act ('By continuing')"),
        (12, 5, "purpose 'online-advertising' rests on consent that the statement assumes unless the person says no "
                "(an opt-out or a pre-ticked box), which is not consent"),
    ],
    "vague-retention": [
        (7, 7, "retention for purpose 'newsletter' is only 'niet langer dan strikt noodzakelijk', "
               "with no period and no criteria a person can apply"),
        (9, 3, "retention for the whole statement is only 'as long as necessary', "
               "with no period and no criteria a person can apply"),
    ],
    "unbounded-retention": [
        (7, 7, "retention for purpose 'newsletter' has no end ('Zolang u geen bezwaar heeft gemaakt') and no period"),
        (11, 7, "retention for data category 'archive' has no end ('indefinitely') and no period"),
    ],
    "excessive-retention": [
        (7, 7, "retention for purpose 'research' is P20Y, longer than the ceiling P10Y, and no law is named that requires it"),
    ],
    "inconsistent-retention": [
        (9, 7, "retention for purpose 'invoicing' is P10Y, longer than the statement's own maximum P7Y"),
        (13, 7, "retention for data category 'invoices' is P96M, longer than the statement's own maximum P7Y"),
    ],
    "vague-language": [
        (5, 5, "the description of purpose 'research' leaves open what is done with the data ('may', 'some'): "
               '"We may use some of your data for research, such as surveys."'),
        (9, 19, "item 2 of data category 'contact' leaves open what is done with the data ('zoals'): "
                '"eventuele andere gegevens, zoals uw telefoonnummer"'),
        (12, 5, "the description of recipient 'it-suppliers' leaves open what is done with the data ('onder andere'): "
                '"Leveranciers, onder andere hosting."'),
    ],
    "check-regularly-clause": [
        (4, 3, "the statement announces changes to itself in no active way ('regelmatig te raadplegen'): "
               "readers would have to look for them"),
    ],
    "undefined-reference": [
        (6, 12, "purpose 'newsletter' refers to data category 'contact', which is not declared"),
        (7, 18, "purpose 'newsletter' refers to recipient 'mailer', which is not declared"),
        (14, 35, "transfer 1 (to United States) refers to recipient 'cloud', which is not declared"),
    ],
    "duplicate-id": [
        (7, 5, "purpose id 'marketing' is already used by purposes/0 ('E-mail marketing')"),
        (12, 5, "data category id 'contact' is already used by data_categories/0"),
    ],
    "unused-definition": [
        (10, 5, "data category 'location' is declared but no purpose refers to it"),
        (13, 5, "recipient 'analytics' is declared but no purpose or transfer refers to it"),
    ],
}


# -- registration, documentation, examples ---------------------------------------------


@pytest.mark.parametrize("code", sorted(CATALOGUE))
def test_rule_is_registered_with_its_code_severity_and_article(rules, code):
    name, severity, article = CATALOGUE[code]
    assert registered(rules, code, name, severity).article.startswith(article)


@pytest.mark.parametrize("name", sorted(FAIL_EXAMPLES))
def test_example_directory_gets_exactly_the_intended_outcome(rules, name):
    failing, passing = lint_examples(rules, name)
    assert [(f.rule, f.line, f.column, f.message) for f in failing] == [
        (name, line, column, message) for line, column, message in FAIL_EXAMPLES[name]
    ]
    assert all(f.hint for f in failing)
    assert passing == []


def test_combine_builds_every_phrase_and_leaves_out_empty_parts():
    assert combine(("zolang", "zo lang"), ("", "als"), ("nodig",)) == [
        "zolang nodig", "zolang als nodig", "zo lang nodig", "zo lang als nodig",
    ]


# -- PL601 special-category-without-condition ------------------------------------------------


def test_special_category_with_a_condition_and_criminal_data_with_a_law_pass(lint_rule):
    text = """\
privlint: 1
data_categories:
  - id: fingerprint
    special: biometric
    condition: explicit_consent
  - id: conduct
    criminal: true
    law: "UAVG art. 33"
  - id: contact
    criminal: false
"""
    assert lint_rule("special-category-without-condition", text) == []


def test_a_law_does_not_stand_in_for_an_art_9_condition(lint_rule):
    text = "privlint: 1\ndata_categories:\n  - id: union\n    special: trade_union_membership\n    law: CAO\n"
    findings = lint_rule("special-category-without-condition", text)
    assert located(findings) == [("special-category-without-condition", 3, 5)]
    assert findings[0].message == (
        "data category 'union' is special-category data (trade_union_membership) but names no Art. 9(2) condition"
    )
    assert "condition" in findings[0].hint


def test_special_and_criminal_without_either_are_two_findings(lint_rule):
    text = "privlint: 1\ndata_categories:\n  - id: x\n    special: health\n    criminal: true\n"
    findings = lint_rule("special-category-without-condition", text)
    assert located(findings) == [("special-category-without-condition", 3, 5)] * 2
    assert sorted(f.message for f in findings) == [
        "data category 'x' is data on criminal convictions or offences but names no law that allows it",
        "data category 'x' is special-category data (health) but names no Art. 9(2) condition",
    ]


# -- PL603 child-consent-age ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("where", "age", "found"),
    [
        ("controller:\n  country: NL\n", 13, ["NL the age is 16"]),
        ("controller:\n  country: NL\n", 16, []),
        ("controller:\n  country: NL\n", 18, []),  # stricter than the law
        ("controller:\n  country: BE\n", 13, []),
        ("controller:\n  country: BE\n", 12, ["BE the age is 13"]),
        ("controller:\n  country: BE\nstatement:\n  audience: [NL, BE]\n", 13, ["NL the age is 16"]),
        ("controller:\n  country: DE\n", 13, []),  # a country privlint has no age for
        ("", 13, []),  # no country known
    ],
)
def test_a_consent_age_below_the_countrys_is_reported(lint_rule, where, age, found):
    text = "privlint: 1\n" + where
    text += ("" if "statement:" in where else "statement:\n") + f"  children:\n    consent_age: {age}\n"
    findings = lint_rule("child-consent-age", text)
    assert [next(part for part in found if part in f.message) for f in findings] == found


# -- PL602 national-id-without-law ----------------------------------------------------------


NATIONAL_ID = """\
privlint: 1
{controller}data_categories:
  - id: number
    national_id: {number}
"""


@pytest.mark.parametrize(
    "country, number, named_law",
    [
        ("NL", "BSN", "UAVG art. 46"),
        ("BE", "rijksregisternummer", "rijksregisterwet"),
        ("BE-VLG", "rijksregisternummer", "rijksregisterwet"),
        ("DE", "Steuer-ID", "Art. 87"),
    ],
)
def test_national_id_without_law_names_the_law_of_the_controllers_country(lint_rule, country, number, named_law):
    text = NATIONAL_ID.format(controller=f"controller:\n  country: {country}\n", number=number)
    findings = lint_rule("national-id-without-law", text)
    assert located(findings) == [("national-id-without-law", 5, 5)]
    assert findings[0].message == (
        f"data category 'number' is a national identification number ({number}) but names no law that allows using it"
    )
    assert named_law in findings[0].hint


def test_national_id_without_a_controller_country_gets_a_general_hint(lint_rule):
    findings = lint_rule("national-id-without-law", NATIONAL_ID.format(controller="", number="BSN"))
    assert located(findings) == [("national-id-without-law", 3, 5)]
    assert "UAVG" not in findings[0].hint and "Art. 87" in findings[0].hint


def test_national_id_with_a_law_passes(lint_rule):
    text = NATIONAL_ID.format(controller="controller:\n  country: NL\n", number="BSN") + "    law: Wet BRP\n"
    assert lint_rule("national-id-without-law", text) == []


# -- PL103 implied-consent ---------------------------------------------------------------


def _statement_consent(text: str) -> str:
    return f'privlint: 1\nstatement:\n  consent_mechanism: "{text}"\n'


@pytest.mark.parametrize(
    "wording, quoted",
    [
        ("By using this website, you agree to the processing described here.", "By using this website"),
        ("By continuing you accept our use of cookies.", "By continuing"),
        ("If you stay on the site you are deemed to have consented.", "deemed to have consented"),
        ("Door het bezoeken van deze website geeft u toestemming.", "Door het bezoeken"),
        ("Door onze website te bezoeken gaat u akkoord.", "Door onze website te bezoeken"),
        ("Door gebruik te maken van de app stemt u in met de verwerking.", "Door gebruik te maken"),
        ("Wanneer u onze website bezoekt, stemt u ermee in dat uw gegevens worden gedeeld.", "stemt u ermee in"),
        ("Als je een account aanmaakt, ga je akkoord met deze privacyverklaring.", "ga je akkoord met deze privacyverklaring"),
        ("You agree to this Privacy Policy when you sign up.", "You agree to this Privacy"),
    ],
)
def test_implied_consent_is_reported_quoting_the_phrase(lint_rule, wording, quoted):
    findings = lint_rule("implied-consent", _statement_consent(wording))
    assert located(findings) == [("implied-consent", 3, 3)]
    assert findings[0].message == f"the statement infers consent from something that is not a clear affirmative act ({quoted!r})"


@pytest.mark.parametrize(
    "wording",
    [
        "By using the unticked box on the sign-up form you consent to the newsletter.",
        "U geeft toestemming door het vakje aan te vinken; intrekken kan altijd in uw account.",
        "Hiervoor vragen we je vooraf toestemming.",
        "We ask for your consent in the cookie banner before placing analytics cookies.",
    ],
)
def test_consent_by_an_affirmative_act_passes(lint_rule, wording):
    assert lint_rule("implied-consent", _statement_consent(wording)) == []


def test_implied_consent_on_a_purpose_is_reported_there(lint_rule):
    text = """\
privlint: 1
purposes:
  - id: a
    consent_mechanism: "Ticking the box."
  - id: b
    section: "4"
    consent_mechanism: "By visiting our shop you consent to profiling."
"""
    findings = lint_rule("implied-consent", text)
    assert located(findings) == [("implied-consent", 7, 5)]
    assert findings[0].message.startswith("purpose 'b' (section 4) infers consent from something")


# -- PL202 vague-retention ---------------------------------------------------------------


def _purpose_retention(retention: str) -> str:
    return f"privlint: 1\npurposes:\n  - id: p\n    retention:\n{retention}"


@pytest.mark.parametrize(
    "criteria, quoted",
    [
        ("We keep your data as long as necessary.", "as long as necessary"),
        ("for no longer than is strictly necessary for the purposes", "no longer than is strictly necessary"),
        ("for the period necessary to fulfil the purposes", "the period necessary"),
        ("Zolang als nodig.", "Zolang als nodig"),
        ("zo lang als noodzakelijk is voor het doel", "zo lang als noodzakelijk"),
        ("Wij bewaren uw gegevens niet langer dan nodig.", "niet langer dan nodig"),
        ("De wet verlangt dat we gegevens niet langer bewaren dan noodzakelijk.", "niet langer bewaren dan noodzakelijk"),
        ("Wij verwijderen uw gegevens zodra we ze niet meer nodig hebben, dus zolang wij ze nodig hebben.", "niet meer nodig"),
    ],
)
def test_vague_retention_is_reported_quoting_the_phrase(lint_rule, criteria, quoted):
    findings = lint_rule("vague-retention", _purpose_retention(f'      criteria: "{criteria}"\n'))
    assert located(findings) == [("vague-retention", 5, 7)]
    assert findings[0].message == (
        f"retention for purpose 'p' is only {quoted!r}, with no period and no criteria a person can apply"
    )


@pytest.mark.parametrize(
    "retention",
    [
        '      period: P2Y\n      criteria: "as long as necessary"\n',
        '      criteria: "as long as necessary"\n      statutory_source: "AWR art. 52"\n',
        '      criteria: "Niet langer dan nodig: maximaal 2 jaar."\n',
        '      criteria: "As long as necessary, at most until the end of your contract."\n',
        '      criteria: "niet langer dan nodig, en uiterlijk bij beëindiging van het abonnement"\n',
        '      criteria: "As long as necessary, that is until you object."\n',  # endless: unbounded-retention
        '      criteria: "Zolang u klant bent."\n',
    ],
)
def test_retention_with_a_period_law_time_or_end_is_not_vague(lint_rule, retention):
    assert lint_rule("vague-retention", _purpose_retention(retention)) == []


def test_vague_retention_of_a_data_category_and_the_statement_are_reported_where_they_are(lint_rule):
    text = """\
privlint: 1
data_categories:
  - id: contact
    retention: {criteria: "as long as needed"}
retention:
  criteria: "niet langer dan strikt noodzakelijk"
"""
    findings = lint_rule("vague-retention", text)
    assert located(findings) == [("vague-retention", 4, 17), ("vague-retention", 6, 3)]
    assert findings[0].message.startswith("retention for data category 'contact' is only 'as long as needed'")
    assert findings[1].message.startswith("retention for the whole statement is only 'niet langer dan strikt noodzakelijk'")


def test_a_statement_wide_maximum_makes_vague_criteria_concrete(lint_rule):
    text = 'privlint: 1\nretention:\n  criteria: "as long as necessary"\n  maximum: P7Y\n'
    assert lint_rule("vague-retention", text) == []


def test_is_vague_retention_is_importable_for_missing_retention():
    assert is_vague_retention(StatementRetention(criteria="niet langer dan nodig"))
    assert not is_vague_retention(StatementRetention(criteria="niet langer dan nodig", maximum="P7Y"))
    assert not is_vague_retention(Retention(criteria="2 jaar na het einde van het contract"))
    assert not is_vague_retention(Retention(after="end of contract"))
    assert not is_vague_retention(None)


# -- PL203 unbounded-retention -----------------------------------------------------------


@pytest.mark.parametrize(
    "criteria, quoted",
    [
        ("Until you object to it.", "Until you object"),
        ("We keep these records indefinitely.", "indefinitely"),
        ("Gegevens worden onbeperkt bewaard.", "onbeperkt"),
        ("Zolang u geen bezwaar maakt.", "Zolang u geen bezwaar maakt"),
        ("Wij bewaren deze gegevens voor onbepaalde tijd.", "onbepaalde tijd"),
        ("Tot wederopzegging.", "Tot wederopzegging"),
        ("Your profile is stored permanently.", "stored permanently"),
        ("totdat u ons vraagt om verwijdering", "totdat u ons vraagt"),
        ("Wij bewaren facturen minimaal 7 jaar.", "minimaal 7 jaar"),
        ("Invoices are kept for at least 7 years.", "at least 7 years"),
        ("Tot de vereniging wordt ontbonden.", "Tot de vereniging wordt ontbonden"),
        ("Gespreksnotities worden nooit verwijderd.", "nooit verwijderd"),
    ],
)
def test_unbounded_retention_is_reported_quoting_the_phrase(lint_rule, criteria, quoted):
    findings = lint_rule("unbounded-retention", _purpose_retention(f'      criteria: "{criteria}"\n'))
    assert located(findings) == [("unbounded-retention", 5, 7)]
    assert findings[0].message == f"retention for purpose 'p' has no end ({quoted!r}) and no period"


@pytest.mark.parametrize(
    "retention",
    [
        '      period: P3Y\n      criteria: "3 jaar (tenzij u bezwaar heeft gemaakt)"\n',
        '      period: P2Y\n      criteria: "until you object, at most 2 years"\n',
        '      criteria: "We permanently delete your data when you close your account."\n',
        '      criteria: "as long as necessary"\n',
        '      criteria: "Blijvend bewaard."\n      statutory_source: "Archiefwet 1995"\n',
    ],
)
def test_retention_with_an_end_or_a_law_is_not_unbounded(lint_rule, retention):
    assert lint_rule("unbounded-retention", _purpose_retention(retention)) == []


def test_a_statement_maximum_bounds_statement_wide_criteria(lint_rule):
    text = 'privlint: 1\nretention:\n  criteria: "until you object"\n  maximum: P5Y\n'
    assert lint_rule("unbounded-retention", text) == []
    assert is_unbounded_retention(StatementRetention(criteria="until you object"))


# -- PL204 excessive-retention -----------------------------------------------------------


@pytest.mark.parametrize("period", ["P10Y", "P120M", "P3653D", "P5Y"])
def test_periods_up_to_the_ceiling_pass(lint_rule, period):
    # From 2026-11-23, ten years are 3653 days (2028, 2032 and 2036 are leap years).
    assert lint_rule("excessive-retention", _purpose_retention(f"      period: {period}\n")) == []


@pytest.mark.parametrize("period", ["P11Y", "P121M", "P3654D", "P10YT1H"])
def test_periods_above_the_ceiling_are_reported(lint_rule, period):
    findings = lint_rule("excessive-retention", _purpose_retention(f"      period: {period}\n"))
    assert located(findings) == [("excessive-retention", 5, 7)]
    assert findings[0].message == (
        f"retention for purpose 'p' is {period}, longer than the ceiling P10Y, and no law is named that requires it"
    )


def test_a_statutory_source_allows_a_long_period(lint_rule):
    text = _purpose_retention('      period: P20Y\n      statutory_source: "Archiefwet"\n')
    assert lint_rule("excessive-retention", text) == []


def test_the_ceiling_is_an_option(lint_rule):
    findings = lint_rule("excessive-retention", _purpose_retention("      period: P7Y\n"), **{"retention-ceiling": "P5Y"})
    assert findings[0].message.startswith("retention for purpose 'p' is P7Y, longer than the ceiling P5Y")
    assert lint_rule("excessive-retention", _purpose_retention("      period: P20Y\n"), **{"retention-ceiling": "P25Y"}) == []


def test_a_ceiling_that_is_not_a_duration_is_a_settings_error(rules):
    with pytest.raises(SettingsError, match="retention-ceiling"):
        Linter(rules, Settings(today=TODAY, select=("excessive-retention",), options={"retention-ceiling": "ten years"}))


def test_statement_maximum_and_data_category_period_above_the_ceiling_are_reported(lint_rule):
    text = """\
privlint: 1
data_categories:
  - id: archive
    retention: {period: P30Y}
retention:
  maximum: P15Y
"""
    findings = lint_rule("excessive-retention", text)
    assert located(findings) == [("excessive-retention", 4, 17), ("excessive-retention", 6, 3)]
    assert findings[0].message.startswith("retention for data category 'archive' is P30Y")
    assert findings[1].message.startswith("retention for the whole statement is P15Y")


# -- PL205 inconsistent-retention --------------------------------------------------------


def test_periods_within_the_statement_maximum_pass(lint_rule):
    text = """\
privlint: 1
retention:
  period: P2Y
  maximum: P7Y
purposes:
  - id: a
    retention: {period: P84M}
  - id: b
    retention: {criteria: "as long as necessary"}
"""
    assert lint_rule("inconsistent-retention", text) == []


def test_no_statement_maximum_means_nothing_to_contradict(lint_rule):
    assert lint_rule("inconsistent-retention", _purpose_retention("      period: P30Y\n")) == []


def test_statement_default_period_above_its_own_maximum_is_reported(lint_rule):
    text = "privlint: 1\nretention:\n  period: P10Y\n  maximum: P7Y\n"
    findings = lint_rule("inconsistent-retention", text)
    assert located(findings) == [("inconsistent-retention", 3, 3)]
    assert findings[0].message == "retention for the whole statement is P10Y, longer than the statement's own maximum P7Y"


def test_a_statutory_source_does_not_excuse_contradicting_the_maximum(lint_rule):
    text = "privlint: 1\nretention:\n  maximum: P7Y\npurposes:\n  - id: tax\n    section: '9'\n    retention:\n      period: P10Y\n      statutory_source: AWR\n"
    findings = lint_rule("inconsistent-retention", text)
    assert located(findings) == [("inconsistent-retention", 8, 7)]
    assert findings[0].message.startswith("retention for purpose 'tax' (section 9) is P10Y")


# -- PL508 vague-language ----------------------------------------------------------------


def test_hedges_are_quoted_once_each_in_order_of_appearance(lint_rule):
    text = 'privlint: 1\npurposes:\n  - id: p\n    description: "We may, for example, share data. We May also share some."\n'
    findings = lint_rule("vague-language", text)
    assert located(findings) == [("vague-language", 4, 5)]
    assert findings[0].message == (
        "the description of purpose 'p' leaves open what is done with the data ('may', 'for example'): "
        '"We may, for example, share data."'
    )


@pytest.mark.parametrize(
    "description, hedges",
    [
        ("Gegevens o.a. voor facturen.", "'o.a.'"),
        ("Mogelijkerwijs delen wij gegevens.", "'Mogelijkerwijs'"),
        ("Wij kunnen gegevens bijvoorbeeld aan sommige partners geven.", "'kunnen', 'bijvoorbeeld', 'sommige'"),
        ("Wij sturen vaak een bericht.", "'vaak'"),
        ("Hosting, e-mail, etc.", "'etc.'"),
    ],
)
def test_dutch_and_abbreviated_hedges_are_found(lint_rule, description, hedges):
    text = f'privlint: 1\nrecipients:\n  - id: r\n    description: "{description}"\n'
    findings = lint_rule("vague-language", text)
    assert [f.message for f in findings] == [
        f"the description of recipient 'r' leaves open what is done with the data ({hedges}): \"{description}\""
    ]


def test_words_that_only_contain_a_hedge_are_not_hedges(lint_rule):
    text = """\
privlint: 1
purposes:
  - id: p
    name: We may not judge purpose names
    description: "The mayor's office, kansspelen, somewhere, kanaal and maybe-not words aside: we invoice."
data_categories:
  - id: c
    name: Naam en adres
    items: [kanaal, "kansen"]
"""
    assert lint_rule("vague-language", text) == []


def test_each_data_category_item_is_its_own_field(lint_rule):
    text = "privlint: 1\ndata_categories:\n  - id: c\n    name: Onder andere contact\n    items:\n      - naam\n      - zoals adres\n"
    findings = lint_rule("vague-language", text)
    assert [(f.line, f.column, f.message) for f in findings] == [
        (4, 5, "the name of data category 'c' leaves open what is done with the data ('Onder andere'): "
               '"Onder andere contact"'),
        (7, 9, "item 2 of data category 'c' leaves open what is done with the data ('zoals'): \"zoals adres\""),
    ]
    assert all(f.severity.value == "info" for f in findings)


# -- PL304 check-regularly-clause ----------------------------------------------------------


def _changes(text: str) -> str:
    return f'privlint: 1\nstatement:\n  changes_announced: "{text}"\n'


@pytest.mark.parametrize(
    "wording, quoted",
    [
        ("Please check this page regularly for updates.", "'check this page regularly'"),
        ("We encourage you to periodically review this policy.", "'to periodically review'"),
        ("Raadpleeg deze pagina regelmatig.", "'Raadpleeg deze pagina regelmatig'"),
        ("Wij raden u aan dit privacybeleid regelmatig te raadplegen.", "'regelmatig te raadplegen'"),
        (
            "Het is aanbevolen om regelmatig de Websites en meer specifiek de pagina met het Privacybeleid te raadplegen.",
            "'regelmatig' ... 'te raadplegen'",
        ),
        (
            "Wij kunnen dit beleid zonder voorafgaande melding wijzigen. Raadpleeg deze pagina regelmatig.",
            "'Raadpleeg deze pagina regelmatig'",
        ),
        ("We may change this policy without notice, so please check back often.", "'check back often'"),
    ],
)
def test_check_regularly_clause_without_active_announcement_is_reported(lint_rule, wording, quoted):
    findings = lint_rule("check-regularly-clause", _changes(wording))
    assert located(findings) == [("check-regularly-clause", 3, 3)]
    assert findings[0].message == (
        f"the statement announces changes to itself in no active way ({quoted}): readers would have to look for them"
    )


@pytest.mark.parametrize(
    "clause, announcement",
    [
        ("Raadpleeg deze pagina regelmatig.", "Bij belangrijke wijzigingen informeren wij u per e-mail."),
        ("Raadpleeg deze pagina regelmatig.", "Wij stellen u hiervan vooraf op de hoogte."),
        ("Wij raden je aan dit regelmatig te bekijken.", "Bij relevante veranderingen nemen we contact met je op."),
        ("Check this page regularly;", "we will also notify you in the app."),
        ("Check back often.", "Changes apply without prior notice on this page, but we tell you of them by e-mail."),
    ],
)
def test_check_regularly_clause_with_an_active_announcement_passes(lint_rule, clause, announcement):
    assert located(lint_rule("check-regularly-clause", _changes(clause))) == [("check-regularly-clause", 3, 3)]
    assert lint_rule("check-regularly-clause", _changes(f"{clause} {announcement}")) == []


@pytest.mark.parametrize(
    "wording",
    [
        "We regularly review this policy.",
        "Wij controleren dit beleid regelmatig.",
    ],
)
def test_no_request_to_check_the_statement_passes(lint_rule, wording):
    assert lint_rule("check-regularly-clause", _changes(wording)) == []


# -- PL901 undefined-reference ---------------------------------------------------------------


def test_undefined_reference_suggests_a_close_id(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: p\n    data:\n      - contact\n      - contactdetails\ndata_categories:\n  - id: contact\n  - id: contact-details\n"
    findings = lint_rule("undefined-reference", text)
    assert located(findings) == [("undefined-reference", 6, 9)]
    assert findings[0].message == "purpose 'p' refers to data category 'contactdetails', which is not declared"
    assert findings[0].hint.startswith("did you mean 'contact-details'? declare 'contactdetails' under data_categories")


def test_references_without_any_declarations_are_each_reported(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: p\n    data: [a, b]\ntransfers:\n  - recipients: [cloud]\n"
    findings = lint_rule("undefined-reference", text)
    assert located(findings) == [("undefined-reference", 4, 12), ("undefined-reference", 4, 15), ("undefined-reference", 6, 18)]
    assert findings[2].message == "transfer 1 refers to recipient 'cloud', which is not declared"
    assert "did you mean" not in findings[0].hint


# -- PL902 duplicate-id --------------------------------------------------------------------


def test_each_later_duplicate_names_the_first_entry(lint_rule):
    text = "privlint: 1\nrecipients:\n  - id: r\n    name: First\n  - id: s\n  - id: r\n  - id: r\n"
    findings = lint_rule("duplicate-id", text)
    assert [(f.line, f.column, f.message) for f in findings] == [
        (6, 5, "recipient id 'r' is already used by recipients/0 ('First')"),
        (7, 5, "recipient id 'r' is already used by recipients/0 ('First')"),
    ]


def test_ids_need_only_be_unique_within_their_own_list(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: x\ndata_categories:\n  - id: x\nrecipients:\n  - id: x\nautomated_decisions:\n  - description: a\n  - description: b\n  - id: x\n"
    assert lint_rule("duplicate-id", text) == []


def test_duplicate_automated_decision_ids_are_reported(lint_rule):
    text = "privlint: 1\nautomated_decisions:\n  - id: score\n  - id: score\n"
    findings = lint_rule("duplicate-id", text)
    assert located(findings) == [("duplicate-id", 4, 5)]
    assert findings[0].message == "automated decision id 'score' is already used by automated_decisions/0"


# -- PL903 unused-definition -----------------------------------------------------------------


def test_a_manifest_without_any_links_is_not_judged(lint_rule):
    text = "privlint: 1\npurposes:\n  - id: p\ndata_categories:\n  - id: c\nrecipients:\n  - id: r\n"
    assert lint_rule("unused-definition", text) == []


def test_a_recipient_used_only_by_a_transfer_is_used(lint_rule):
    text = """\
privlint: 1
purposes:
  - id: p
    recipients: [hosting]
recipients:
  - id: hosting
  - id: cloud
  - id: spare
transfers:
  - recipients: [cloud]
"""
    findings = lint_rule("unused-definition", text)
    assert located(findings) == [("unused-definition", 8, 5)]
    assert findings[0].message == "recipient 'spare' is declared but no purpose or transfer refers to it"
    assert findings[0].severity.value == "info"


@pytest.mark.parametrize(
    "description",
    [
        "Wij verwerken uw gegevens om de aansluiting te kunnen leveren.",
        "Om de glasvezelaansluiting mogelijk te maken.",
        "We beantwoorden uw vraag zo snel mogelijk.",
    ],
)
def test_vague_language_ignores_constructions_that_do_not_hedge(lint, description):
    text = f"privlint: 1\npurposes:\n  - id: a\n    description: {description}\n"
    assert not lint(text, select=("vague-language",))


def test_vague_language_still_finds_a_real_hedge_beside_them(lint):
    text = "privlint: 1\npurposes:\n  - id: a\n    description: Om te kunnen leveren kunnen wij gegevens delen.\n"
    [finding] = lint(text, select=("vague-language",))
    assert finding.message == (
        "the description of purpose 'a' leaves open what is done with the data ('kunnen'): "
        '"Om te kunnen leveren kunnen wij gegevens delen."'
    )


def test_vague_language_ignores_modal_verbs_in_purpose_clauses(lint):
    text = "privlint: 1\npurposes:\n  - id: a\n    description: Informatie verzamelen zodat Optimile de laadpuntbeheerders kan betalen.\n"
    assert not lint(text, select=("vague-language",))


def test_statement_wide_vague_retention_is_not_reported_when_periods_follow_it(lint):
    covered = "retention: {criteria: niet langer dan noodzakelijk}\npurposes:\n  - id: a\n    retention: {period: P1Y}\n"
    relied_on = covered + "  - id: b\n"
    selected = ("vague-retention", "missing-retention")
    assert not lint("privlint: 1\n" + covered, select=selected)
    # b has no period: one finding, on b, not a second one on the general words
    [finding] = lint("privlint: 1\n" + relied_on, select=selected)
    assert (finding.rule, finding.pointer) == ("missing-retention", "/purposes/1")


def test_a_statement_whose_only_retention_is_vague_gets_one_finding(lint):
    text = "privlint: 1\nretention: {criteria: as long as necessary}\npurposes:\n  - id: a\n  - id: b\n"
    [finding] = lint(text, select=("vague-retention", "missing-retention"))
    assert (finding.rule, finding.pointer) == ("vague-retention", "/retention/criteria")
    vague_own = text + "    retention: {criteria: zolang als nodig}\n"
    assert sorted(f.rule for f in lint(vague_own, select=("vague-retention", "missing-retention"))) == [
        "vague-retention", "vague-retention"]


@pytest.mark.parametrize(
    "words",
    [
        "De meest actuele privacyverklaring vindt u altijd op https://www.example.nl.",
        "Optimile kan dit Privacybeleid herzien: de meest recente versie is altijd te vinden op onze Websites.",
        "The latest version is always available on our website.",
    ],
)
def test_leaving_the_latest_version_on_the_website_is_the_same_clause(lint, words):
    text = f'privlint: 1\nstatement:\n  changes_announced: "{words}"\n'
    [finding] = lint(text, select=("check-regularly-clause",))
    assert "in no active way" in finding.message
    assert not lint(text.replace('"\n', ' Wij informeren u per e-mail."\n'), select=("check-regularly-clause",))


@pytest.mark.parametrize(
    "description",
    ["We helpen je zo snel en goed mogelijk.", "Het SSID zoals geconfigureerd in je modem.", "Zoals besproken in hoofdstuk 7."],
)
def test_vague_language_ignores_as_constructions(lint, description):
    text = f"privlint: 1\npurposes:\n  - id: a\n    description: {description}\n"
    assert not lint(text, select=("vague-language",))


def test_examples_in_a_legitimate_interest_are_of_why_not_of_what_is_done(lint):
    text = """\
privlint: 1
purposes:
  - id: b
    legal_bases: [legitimate_interests]
    legitimate_interest: "Het is bijvoorbeeld een gerechtvaardigd belang van ons dat klanten hun rekeningen betalen."
"""
    assert not lint(text, select=("vague-language",))
    [finding] = lint(text.replace("Het is bijvoorbeeld", "Wij kunnen uw gegevens delen; het is"), select=("vague-language",))
    assert "'kunnen'" in finding.message


@pytest.mark.parametrize("criteria, found", [
    ("3 jaar na het einde van het gebruik, tenzij u schulden heeft; dan worden de gegevens pas verwijderd na de nodige "
     "betalingen.", "pas verwijderd na de nodige betalingen"),
    ("Two years after the account closes; if money is owed, the data are only deleted after payment.",
     "only deleted after payment"),
    ("3 jaar na het einde van het gebruik; facturen bewaren wij tot ze zijn voldaan.", None),
    ("Two years after the account closes, or earlier once you ask us to delete them.", None),
])
def test_a_period_that_the_person_must_end_by_paying_or_asking_is_unbounded_for_them(lint_rule, criteria, found):
    text = f'privlint: 1\npurposes:\n  - id: p\n    retention:\n      period: P3Y\n      criteria: "{criteria}"\n'
    findings = lint_rule("unbounded-retention", text)
    if found is None:
        assert findings == []
    else:
        [finding] = findings
        assert f"({found!r})" in finding.message and "beyond its period" in finding.message
