"""Each phrase a rule's documentation quotes does what the documentation says, with a near miss beside it.

A rule's "What it does" quotes the statement words it reports and the words it leaves alone. Each
such quote is a row here: put in the field the rule reads, a quote the rule reports draws one
finding whose message holds the given fragment (mostly the words quoted back); a quote it leaves
alone draws none. The near misses are phrasings the documentation does not list that must not be
reported. A quote added to a rule's documentation without a row fails
``test_every_quote_in_the_documentation_has_a_row``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field

import pytest
from conftest import TODAY
from privlint.rules.registry import load_rules
from privlint.run.linter import Linter, Settings

RULES = {rule.name: rule for rule in load_rules()}


@dataclass(frozen=True)
class Documented:
    template: str  # a manifest with {words} where the statement's words go
    pointer: str  # where the finding is
    reported: dict[str, tuple[str, str]]  # quote in the docs -> (the words as a statement has them, message fragment)
    left_alone: dict[str, str] = field(default_factory=dict)  # quote in the docs -> the words
    near_misses: tuple[str, ...] = ()
    not_phrases: frozenset[str] = frozenset()  # quotes that are no statement words (a field's meaning, a name)
    # quotes about another field or another manifest: quote -> (template, pointer, words, fragment; None: no finding)
    elsewhere: dict[str, tuple[str, str, str, str | None]] = field(default_factory=dict)


PURPOSE_RETENTION = "privlint: 1\npurposes:\n  - id: p\n    legal_bases: [contract]\n    retention:\n      criteria: {words}\n"
DESCRIPTION = "privlint: 1\npurposes:\n  - id: p\n    legal_bases: [contract]\n    description: {words}\n"

DOCUMENTED = {
    "vague-retention": Documented(
        PURPOSE_RETENTION, "/purposes/0/retention/criteria",
        reported={
            "as long as necessary": ("We keep your data as long as necessary.", "'as long as necessary'"),
            "no longer than necessary": ("We keep your data no longer than necessary.", "'no longer than necessary'"),
            "zolang als nodig": ("Zolang als nodig.", "'Zolang als nodig'"),
            "niet langer dan strikt noodzakelijk": ("niet langer dan strikt noodzakelijk", "'niet langer dan strikt noodzakelijk'"),
        },
        near_misses=(
            "as long as neccessary",  # misspelt: no phrase
            "as long as necessary for a period of two years",
            "zolang als nodig is voor de uitvoering van de overeenkomst",
        ),
    ),
    "unbounded-retention": Documented(
        PURPOSE_RETENTION, "/purposes/0/retention/criteria",
        reported={
            "indefinitely": ("We keep your data indefinitely.", "('indefinitely')"),
            "voor onbepaalde tijd": ("Wij bewaren uw gegevens voor onbepaalde tijd.", "('onbepaalde tijd')"),
            "zonder einddatum": ("Bewaard zonder einddatum.", "('zonder einddatum')"),
            "until you object": ("Until you object.", "('Until you object')"),
            "zolang u geen bezwaar maakt": ("Zolang u geen bezwaar maakt.", "('Zolang u geen bezwaar maakt')"),
            "tot wederopzegging": ("Tot wederopzegging.", "('Tot wederopzegging')"),
            "totdat de donateur verzoekt om verwijdering": (
                "Totdat de donateur verzoekt om verwijdering.", "('Totdat de donateur verzoekt')"),
            "tenzij u ons vraagt ze te wissen": (
                "Wij bewaren uw gegevens, tenzij u ons vraagt ze te wissen.", "('tenzij u ons vraagt')"),
            "pas verwijderd nadat u ons daarom vraagt": (
                "Uw gegevens worden pas verwijderd nadat u ons daarom vraagt.", "('nadat u ons daarom vraagt')"),
            "pas verwijderd na de nodige betalingen": (
                "Uw gegevens worden pas verwijderd na de nodige betalingen.", "('na de nodige betalingen')"),
            "totdat wij besluiten ...": (
                "Totdat wij besluiten de gegevens te verwijderen.", "('Totdat wij besluiten')"),
            "as long as we continue to offer the service": (
                "As long as we continue to offer the service.", "('As long as we continue to offer')"),
            "at least 7 years": ("Invoices are kept for at least 7 years.", "('at least 7 years')"),
            "until the company is dissolved": ("Until the company is dissolved.", "('Until the company is dissolved')"),
        },
        elsewhere={
            "3 jaar na de beëindiging [...]; in dat geval worden de Persoonsgegevens pas verwijderd na de nodige betalingen": (
                PURPOSE_RETENTION.replace("      criteria:", "      period: P3Y\n      criteria:"),
                "/purposes/0/retention/criteria",
                "3 jaar na de beëindiging van de overeenkomst; in dat geval worden de Persoonsgegevens pas verwijderd "
                "na de nodige betalingen.",
                "puts deletion off beyond its period until the person acts ('pas verwijderd na de nodige betalingen')"),
            "3 jaar na de beëindiging, near miss": (
                PURPOSE_RETENTION.replace("      criteria:", "      period: P3Y\n      criteria:"),
                "/purposes/0/retention/criteria", "3 jaar na de beëindiging van de overeenkomst.", None),
        },
        near_misses=(
            "We do not keep your data indefinitely.",
            "niet voor onbepaalde tijd",
            "tot de factuur is voldaan",  # invoice data until it is paid
            "at least 7 years and at most 10 years",
            "We keep at least your name and address.",  # a minimum of what, not of how long
            "Wij bewaren minimaal uw naam en adres.",
            "until the end of the contract",
            "wanneer u een verzoek indient, verwijderen wij uw gegevens",  # erasure on request, not the retention
        ),
    ),
    "check-regularly-clause": Documented(
        "privlint: 1\nstatement:\n  changes_announced: {words}\n", "/statement/changes_announced",
        reported={
            "check this page regularly": (
                "We recommend that you check this page regularly for changes.", "('check this page regularly')"),
            "kijk regelmatig op deze pagina": ("Kijk regelmatig op deze pagina.", "('Kijk regelmatig')"),
            "wij raden u aan dit privacybeleid regelmatig te raadplegen": (
                "Wij raden u aan dit privacybeleid regelmatig te raadplegen.", "('regelmatig te raadplegen')"),
            "de meest actuele privacyverklaring vindt u altijd op onze website": (
                "De meest actuele privacyverklaring vindt u altijd op onze website.",
                "('De meest actuele privacyverklaring vindt u altijd')"),
            "we publish the new version on our website": (
                "If this statement changes, we publish the new version on our website.",
                "('If this statement changes, we publish the new version on our website.')"),
            "changes will be posted on this page": (
                "Changes will be posted on this page.", "('Changes will be posted on this page.')"),
            "we may change this statement": ("We may change this statement.", "('We may change this statement.')"),
        },
        near_misses=(
            "We will e-mail you about changes before they take effect.",
            "Laatst gewijzigd op 1 juni 2023.",  # not about changes to come
            "Wij sturen u een e-mail als dit privacybeleid wijzigt; kijk daarnaast regelmatig op deze pagina.",
        ),
    ),
    "implied-consent": Documented(
        "privlint: 1\nstatement:\n  consent_mechanism: {words}\n", "/statement/consent_mechanism",
        reported={
            "by using this website you agree": (
                "By using this website you agree to our use of cookies.", "('By using this website')"),
            "door gebruik te maken van onze website": (
                "Door gebruik te maken van onze website stemt u in met het gebruik van cookies.",
                "('Door gebruik te maken')"),
            "wanneer u onze website bezoekt ... stemt u ermee in": (
                "Wanneer u onze website bezoekt, stemt u ermee in dat wij cookies plaatsen.", "('stemt u ermee in')"),
            "door verder te surfen": ("Door verder te surfen gaat u akkoord met cookies.", "('Door verder te surfen')"),
            "als u doorgaat met scrollen": (
                "Als u doorgaat met scrollen, geeft u toestemming voor cookies.", "('Als u doorgaat')"),
            "closing this banner means you accept": (
                "Closing this banner means you accept our cookies.", "('Closing this banner')"),
            "deze website werkt alleen als u cookies accepteert": (
                "Deze website werkt alleen als u cookies accepteert.", "('werkt alleen als u cookies')"),
            "to use this site you must accept all cookies": (
                "To use this site you must accept all cookies.", "('you must accept all cookies')"),
            "toegang tot onze artikelen is alleen mogelijk wanneer u trackingcookies toestaat": (
                "Toegang tot onze artikelen is alleen mogelijk wanneer u trackingcookies toestaat.",
                "('alleen mogelijk wanneer')"),
            "if you do not agree, please leave the website": (
                "If you do not agree, please leave the website.", "('If you do not agree')"),
            "zolang u dat niet doet, gaan wij uit van uw toestemming": (
                "U kunt cookies weigeren; zolang u dat niet doet, gaan wij uit van uw toestemming.",
                "('gaan wij uit van uw toestemming')"),
            "toestemming wordt verondersteld": ("Toestemming wordt verondersteld.", "('Toestemming wordt verondersteld')"),
            "we treat that as consent": ("If you keep browsing, we treat that as consent.", "('If you keep')"),
            "wilt u geen cookies, pas dan uw browser aan; anders gaan wij uit van uw toestemming": (
                "Wilt u geen cookies, pas dan uw browser aan; anders gaan wij uit van uw toestemming.", "('browser')"),
            "tenzij je hebt aangegeven dat je dit niet wilt": (
                "Wij sturen je aanbiedingen, tenzij je hebt aangegeven dat je dit niet wilt.",
                "('tenzij je')"),
            "unless you opt out": ("We send you offers unless you opt out.", "('unless you opt out')"),
            "met het accepteren van deze privacyverklaring gaat u akkoord": (
                "Met het accepteren van deze privacyverklaring gaat u akkoord met de verwerking.",
                "('Met het accepteren van deze privacyverklaring')"),
            "... en geeft u ons toestemming": (
                "U leest deze verklaring en geeft u ons toestemming.", "('geeft u ons toestemming')"),
            "door je te registreren ga je akkoord met ...": (
                "Door je te registreren ga je akkoord met de verwerking van je gegevens.", "('ga je akkoord')"),
        },
        left_alone={
            "Accept": 'We ask your consent with an "Accept" button in the cookie banner.',
            "verder surfen geldt niet als toestemming": "Verder surfen geldt niet als toestemming.",
        },
        near_misses=("U vinkt het vakje aan om toestemming te geven.",),
        # the purpose's recorded consent, quoted after the field values: tests/test_checks_flows.py
        not_phrases=frozenset({"tenzij je hebt aangegeven dat je niet wilt"}),
    ),
    "transfer-without-safeguard": Documented(
        "privlint: 1\ntransfers:\n  - description: {words}\n", "/transfers/0",
        reported={
            "we make sure your data are safe": ("We make sure your data are safe.", "is an assurance, not a transfer mechanism"),
            "voldoende gewaarborgd": ("Uw gegevens zijn daar voldoende gewaarborgd.", "is an assurance"),
            "passende maatregelen": ("Wij nemen passende maatregelen.", "is an assurance"),
            "passende waarborgen, zoals de standaardcontractbepalingen": (
                "Wij treffen passende waarborgen, zoals de standaardcontractbepalingen.",
                "names 'standaardcontractbepalingen' only as an example"),
            "such as standard contractual clauses": (
                "We use safeguards such as standard contractual clauses.",
                "names 'standard contractual clauses' only as an example"),
            "waar nodig": ("Wij sluiten waar nodig standaardcontractbepalingen.", "only where it applies"),
            "indien vereist": ("Wij sluiten indien vereist standaardcontractbepalingen.", "only where it applies"),
            "where necessary": ("We conclude standard contractual clauses where necessary.", "only where it applies"),
            "where applicable": ("We conclude standard contractual clauses where applicable.", "only where it applies"),
        },
        # a transfer with no destination and a denial in its words
        left_alone={"wij geven uw gegevens niet door buiten de EER": "Wij geven uw gegevens niet door buiten de EER."},
    ),
    "unspecified-transfer": Documented(
        "privlint: 1\ntransfers:\n  - destination: {words}\n    safeguard: standard_contractual_clauses\n",
        "/transfers/0/destination",
        reported={
            "buiten de EER": ("buiten de EER", "('buiten de EER' is not a place)"),
            "outside the European Economic Area": (
                "outside the European Economic Area", "('outside the European Economic Area' is not a place)"),
            "a third country": ("a third country", "('a third country' is not a place)"),
            "derde landen of internationale organisaties": (
                "derde landen of internationale organisaties", "('derde landen of internationale organisaties' is not a place)"),
        },
        left_alone={"United States": "United States", "Tokyo": "Tokyo", "the WHO": "the WHO"},
        near_misses=("servers buiten de EER in Japan",),
    ),
    "missing-legitimate-interest": Documented(
        "privlint: 1\ncontroller:\n  name: Example B.V.\npurposes:\n  - id: support\n    name: Klantenservice\n"
        "    legal_bases: [legitimate_interests]\n    legitimate_interest: {words}\n",
        "/purposes/0/legitimate_interest",
        reported={
            "our legitimate interest": ("our legitimate interest", "only as 'our legitimate interest'"),
            "ons gerechtvaardigd belang": ("Ons gerechtvaardigd belang (art. 6 lid 1 sub f AVG).",
                                           "only as 'Ons gerechtvaardigd belang (art. 6 lid 1 sub f AVG).'"),
            "het gerechtvaardigde belang van Example B.V.": (
                "het gerechtvaardigde belang van Example B.V.", "only as 'het gerechtvaardigde belang van Example B.V.'"),
            "voor de klantenservice": ("voor de klantenservice", "only the activity itself ('voor de klantenservice')"),
            "to process your order": ("to process your order", "only the activity itself ('to process your order')"),
            "website analytics": ("website analytics", "only the activity itself ('website analytics')"),
        },
        left_alone={
            "om onze klantenservice te verbeteren": "om onze klantenservice te verbeteren",  # a stated aim
            "to improve customer service": "to improve customer service",
            "we houden je graag op de hoogte van onze aanbiedingen": "we houden je graag op de hoogte van onze aanbiedingen",
        },
        near_misses=("het voorkomen van fraude", "ons gerechtvaardigd belang om fraude te voorkomen"),
        elsewhere={
            "Improving our services": (  # the purpose's own name again, and nothing more
                "privlint: 1\npurposes:\n  - id: improving\n    name: Improving our services\n"
                "    legal_bases: [legitimate_interests]\n    legitimate_interest: {words}\n",
                "/purposes/0/legitimate_interest", "Improving our services",
                "only the activity itself ('Improving our services')"),
        },
    ),
    "missing-cookie-information": Documented(
        "privlint: 1\ndata_categories:\n  - id: web\n    name: Websitegegevens\n    items: [IP-adres, {words}]\n",
        "/data_categories/0/items/1",
        reported={
            "surfgedrag": ("surfgedrag", "records 'surfgedrag'"),
            "klik- en surfgedrag": ("klik- en surfgedrag", "records 'klik- en surfgedrag'"),
            "browsing behaviour": ("browsing behaviour", "records 'browsing behaviour'"),
            "clickstream": ("clickstream", "records 'clickstream'"),
        },
        left_alone={"wij volgen uw surfgedrag niet": "wij volgen uw surfgedrag niet"},
        near_misses=("browsertype",),  # what a server sees on its own
        # services privlint's registry knows: test_a_documented_service_is_tracking below
        not_phrases=frozenset({"Google Analytics", "Hotjar", "Meta Pixel"}),
    ),
    "undeclared-transfer": Documented(
        DESCRIPTION, "/purposes/0/description",
        reported={
            "Google Analytics": ("Wij meten het websitebezoek met Google Analytics.", "names Google Analytics, which"),
            "Mailchimp": ("Wij versturen de nieuwsbrief met Mailchimp.", "names Mailchimp, which"),
            "Facebook-pixel": ("Wij plaatsen de Facebook-pixel op onze website.", "names Meta Pixel, which"),
            "YouTube": ("Wij tonen video's via YouTube.", "names YouTube, which"),
            "vragen via WhatsApp": ("U kunt ons vragen via WhatsApp stellen.", "names WhatsApp, which"),
            "Zoom": ("Wij voeren gesprekken via Zoom.", "names Zoom, which"),
            "Stripe": ("U betaalt via Stripe.", "names Stripe, which"),
        },
        left_alone={
            "wij gebruiken geen Google Analytics": "Wij gebruiken geen Google Analytics.",
            "contacten via LinkedIn": "Wij leggen contacten via LinkedIn.",
            "via Google": "U vindt ons via Google.",
            "lokaal gehost": "Wij gebruiken Google Fonts, lokaal gehost.",
        },
        near_misses=("Wij voeren gesprekken via zoom.", "Wij stripe de gegevens."),  # only with their capitals
    ),
    "vague-language": Documented(
        DESCRIPTION, "/purposes/0/description",
        reported={
            "wij kunnen uw gegevens delen": ("Wij kunnen uw gegevens delen met partners.", "('kunnen')"),
            "uw gegevens kunnen worden doorgegeven": ("Uw gegevens kunnen worden doorgegeven aan partners.", "('kunnen')"),
            "we may use": ("We may use your data for research.", "('may')"),
            "het kan voorkomen dat": ("Het kan voorkomen dat wij uw gegevens delen.", "('kan')"),
            "mogelijk": ("Wij delen uw gegevens mogelijk met partners.", "('mogelijk')"),
            "eventueel": ("Wij delen uw gegevens eventueel met partners.", "('eventueel')"),
            "soms": ("Wij delen uw gegevens soms met partners.", "('soms')"),
            "vaak": ("Wij delen uw gegevens vaak met partners.", "('vaak')"),
            "in sommige gevallen": ("In sommige gevallen delen wij uw gegevens met partners.", "('In sommige gevallen')"),
            "sommige gegevens": ("Wij delen sommige gegevens met partners.", "('sommige')"),
            "waar nodig": ("Wij delen uw gegevens waar nodig met partners.", "('waar nodig')"),
            "possibly": ("We possibly share your data with partners.", "('possibly')"),
            "sometimes": ("We sometimes share your data with partners.", "('sometimes')"),
            "often": ("We often share your data with partners.", "('often')"),
            "some data": ("We share some data with partners.", "('some')"),
            "zoals": ("Wij delen uw gegevens met verschillende partners, zoals leveranciers.", "('zoals')"),
            "verschillende partners, zoals ...": (
                "Wij delen uw gegevens met verschillende partners, zoals leveranciers.", "('zoals')"),
            "gegevens zoals ...": ("Wij verwerken gegevens zoals uw naam.", "('zoals')"),
            "bijvoorbeeld": ("Wij delen uw gegevens met bijvoorbeeld leveranciers.", "('bijvoorbeeld')"),
            "onder andere": ("Wij delen uw gegevens met onder andere leveranciers.", "('onder andere')"),
            "o.a.": ("Wij delen uw gegevens met o.a. leveranciers.", "('o.a.')"),
            "waaronder": ("Wij delen uw gegevens met partijen, waaronder leveranciers.", "('waaronder')"),
            "etc.": ("Wij delen uw naam, adres, etc. met leveranciers.", "('etc.')"),
            "such as": ("We share your data with partners such as suppliers.", "('such as')"),
            "for example": ("We share your data with partners, for example suppliers.", "('for example')"),
            "among other things": ("We share your data with, among other things, suppliers.", "('among other things')"),
            "met inbegrip van maar niet beperkt tot": (
                "Wij delen uw gegevens met inbegrip van maar niet beperkt tot uw naam.",
                "('met inbegrip van maar niet beperkt tot')"),
            "including but not limited to": (
                "We share your data including but not limited to your name.", "('including but not limited to')"),
            "en andere partners": ("Wij delen uw gegevens met leveranciers en andere partners.", "('en andere')"),
            "en andere gegevens": ("Wij verwerken uw e-mailadres, telefoonnummer en andere gegevens.", "('en andere')"),
            # alone; with "informeren we je vooraf" beside it, left alone (below)
            "we nemen gesprekken soms op": ("We nemen gesprekken soms op voor trainingsdoeleinden.", "('soms')"),
        },
        left_alone={
            "kunnen wij tot 12 maanden bewaren": "Uw gegevens kunnen wij tot 12 maanden bewaren.",
            "we may keep ... for up to six months": "We may keep your data for up to six months.",
            "moeten wij inzage kunnen hebben": "Daarvoor moeten wij inzage kunnen hebben in uw gegevens.",
            "bijvoorbeeld als een partner een aanbieding heeft":
                "Wij sturen u een bericht, bijvoorbeeld als een partner een aanbieding heeft.",
            "als dat nodig is, bijvoorbeeld voor ...":
                "Wij delen uw adres met de bezorger als dat nodig is, bijvoorbeeld voor een levering.",
            "e-mailadres, telefoonnummer en andere contactgegevens":
                "Wij verwerken uw e-mailadres, telefoonnummer en andere contactgegevens.",
            "informeren we je vooraf": "Wij nemen gesprekken soms op. Als jouw gesprek wordt opgenomen, informeren we je vooraf.",
            "u kunt bezwaar maken": "U kunt bezwaar maken tegen deze verwerking.",
            "you may lodge a complaint": "You may lodge a complaint with the authority.",
            "als u uw e-mailadres achterlaat, kunnen wij uw vraag per e-mail beantwoorden":
                "Als u uw e-mailadres achterlaat, kunnen wij uw vraag per e-mail beantwoorden.",
            "de app kan alleen ...": "De app kan alleen werken met uw locatie.",
            "de politie kan ... nodig hebben": "De politie kan uw gegevens nodig hebben.",
            "om ... te kunnen": "Wij verwerken uw adres om uw bestelling te kunnen bezorgen.",
            "zodat wij ... kunnen": "Wij verwerken uw adres zodat wij uw bestelling kunnen bezorgen.",
            "eventuele": "Wij bewaren eventuele opmerkingen bij uw bestelling.",
            "zoals beschreven": "Wij verwerken uw gegevens zoals beschreven in deze verklaring.",
            "zoals u die invult": "Wij verwerken uw adres zoals u die invult.",
            "toezichthouders zoals de AP": "Wij delen uw gegevens met toezichthouders zoals de AP.",
            "uw betaalgegevens (bijv. IBAN)": "Wij verwerken uw betaalgegevens (bijv. IBAN).",
            "payment details (e.g. card number)": "We process your payment details (e.g. card number).",
            "such as ...; we send no other e-mails": "We send newsletters such as our monthly update; we send no other e-mails.",
            "Dit zijn bijvoorbeeld gegevens zoals uw naam": "Dit zijn bijvoorbeeld gegevens zoals uw naam.",
            "kunnen we je per sms of e-mail benaderen": "Wij kunnen je per sms of e-mail benaderen.",
            "... verstrekt aan Netflix, zodat ze je eventueel kunnen herinneren":
                "Wij verstrekken uw adres aan Netflix, zodat ze je eventueel kunnen herinneren.",
        },
        near_misses=(
            "Wij delen uw gegevens met onze leveranciers.", "We share your name with our payment provider.",
            # the documented "informeren we je vooraf", said in one sentence
            "We nemen gesprekken soms op; in dat geval informeren we je vooraf.",
        ),
        # what a word means or who is named: test_the_controller_named_by_its_name_or_kind_is_the_controller below
        not_phrases=frozenset({"as", "Je", "Coolblue kan je gegevens gebruiken", "de vzw", "de gemeente"}),
        elsewhere={
            "het is bijvoorbeeld een gerechtvaardigd belang van ons dat klanten hun rekeningen betalen": (
                "privlint: 1\npurposes:\n  - id: p\n    legal_bases: [legitimate_interests]\n    legitimate_interest: {words}\n",
                "/purposes/0/legitimate_interest",
                "Het is bijvoorbeeld een gerechtvaardigd belang van ons dat klanten hun rekeningen betalen.", None),
        },
    ),
}


def _quotes(rule_name: str) -> set[str]:
    """The double-quoted words in the rule's "What it does", white space made single."""
    doc = RULES[rule_name].doc
    section = doc.split("## What it does", 1)[1].split("\n## ", 1)[0]
    return {" ".join(quote.split()) for quote in re.findall(r'"([^"]+)"', section)}


def _lint(rule_name: str, template: str, words: str):
    linter = Linter(list(RULES.values()), Settings(today=TODAY, select=(rule_name,), strict_pointers=True))
    return linter.lint_text(template.replace("{words}", json.dumps(words, ensure_ascii=False)), "test.privacy.yaml")


@pytest.mark.parametrize("rule_name", sorted(DOCUMENTED))
def test_every_quote_in_the_documentation_has_a_row(rule_name):
    documented = DOCUMENTED[rule_name]
    rows = set(documented.reported) | set(documented.left_alone) | documented.not_phrases
    rows |= {quote for quote in documented.elsewhere if "near miss" not in quote}
    assert sorted(_quotes(rule_name) - rows) == [], "add a row for each new quote"
    assert sorted(rows - _quotes(rule_name)) == [], "a row for a quote the documentation no longer has"


def _cases(kind: str):
    for rule_name, documented in sorted(DOCUMENTED.items()):
        if kind == "reported":
            for quote, (words, fragment) in documented.reported.items():
                yield pytest.param(rule_name, words, fragment, id=f"{rule_name}: {quote}")
        else:
            rows = [*documented.left_alone.items(), *((f"near miss: {words}", words) for words in documented.near_misses)]
            for quote, words in rows:
                yield pytest.param(rule_name, words, id=f"{rule_name}: {quote}")


@pytest.mark.parametrize(("rule_name", "words", "fragment"), list(_cases("reported")))
def test_a_documented_phrase_is_reported_quoting_it(rule_name, words, fragment):
    findings = _lint(rule_name, DOCUMENTED[rule_name].template, words)
    assert [f.pointer for f in findings] == [DOCUMENTED[rule_name].pointer]
    assert fragment in findings[0].message


@pytest.mark.parametrize(("rule_name", "words"), list(_cases("left alone")))
def test_a_documented_exception_and_a_near_miss_are_left_alone(rule_name, words):
    assert [f.message for f in _lint(rule_name, DOCUMENTED[rule_name].template, words)] == []


@pytest.mark.parametrize(("rule_name", "quote"), [(rule_name, quote) for rule_name, documented in sorted(DOCUMENTED.items())
                                                  for quote in documented.elsewhere])
def test_a_documented_phrase_about_another_field_does_as_documented(rule_name, quote):
    template, pointer, words, fragment = DOCUMENTED[rule_name].elsewhere[quote]
    findings = _lint(rule_name, template, words)
    if fragment is None:
        assert [f.message for f in findings] == []
    else:
        assert [f.pointer for f in findings] == [pointer]
        assert fragment in findings[0].message


@pytest.mark.parametrize("name, kind", [("Google Analytics", "analytics"), ("Hotjar", "analytics"),
                                        ("Meta Pixel", "advertising"), ("Google Maps", None)])
def test_a_documented_service_is_tracking(name, kind):
    findings = _lint("missing-cookie-information", "privlint: 1\nservices:\n  - name: {words}\n", name)
    if kind is None:  # a map is not tracking
        assert findings == []
    else:
        assert [f.pointer for f in findings] == ["/services/0/name"]
        assert f"(service '{name}' is an {kind} service)" in findings[0].message


@pytest.mark.parametrize("controller, words", [
    ("Coolblue B.V.", "Coolblue kan je gegevens gebruiken voor marketing."),  # 'je' before a data noun: possessive
    ("Vzw De Speelpoort", "De vzw kan uw gegevens delen met partners."),
    ("Gemeente Utrecht", "De gemeente kan uw gegevens delen met partners."),
])
def test_the_controller_named_by_its_name_or_kind_is_the_controller(controller, words):
    template = f"privlint: 1\ncontroller:\n  name: {controller}\n" + DESCRIPTION.removeprefix("privlint: 1\n")
    findings = _lint("vague-language", template, words)
    assert [f.pointer for f in findings] == ["/purposes/0/description"]
    assert "('kan')" in findings[0].message
