"""
## What it does
Reports a consent mechanism (`statement.consent_mechanism`, or a purpose's
`consent_mechanism`) that infers consent from something that is not a clear affirmative act:

- using, visiting or browsing the site ("by using this website you agree", "door gebruik te
  maken van onze website", "wanneer u onze website bezoekt ... stemt u ermee in");
- continuing to browse or scroll, clicking anywhere, closing the banner ("door verder te
  surfen", "als u doorgaat met scrollen", "closing this banner means you accept");
- a cookie wall ("deze website werkt alleen als u cookies accepteert", "to use this site you
  must accept all cookies", "toegang tot onze artikelen is alleen mogelijk wanneer u
  trackingcookies toestaat", "if you do not agree, please leave the website");
- consent presumed, or something taken as consent ("zolang u dat niet doet, gaan wij uit van
  uw toestemming", "toestemming wordt verondersteld", "we treat that as consent");
- browser settings as the way to refuse ("wilt u geen cookies, pas dan uw browser aan; anders
  gaan wij uit van uw toestemming");
- an opt-out for a purpose that rests on consent ("tenzij je hebt aangegeven dat je dit niet
  wilt", "unless you opt out");
- accepting the statement, or consent declared with another act ("met het accepteren van deze
  privacyverklaring gaat u akkoord", "... en geeft u ons toestemming", "door je te registreren
  ga je akkoord met ..."), except subscribing to the newsletter for the newsletter itself.

A tick box, an "Accept" button, a button named in quotes or a choice in the banner is an affirmative act; "verder surfen
geldt niet als toestemming" and browser settings offered as information beside a real choice
are left alone. The message quotes the words found. A cookie whose recorded `consent` is not
consent is reported too: `implied` (by continued use or scrolling), `browser_settings`,
`cookie_wall`, `opt_out`, except for functional cookies, which need none.

A purpose whose recorded `consent` is not consent is reported at that field: `opt_out`
("tenzij je hebt aangegeven dat je niet wilt", a pre-ticked box), `implied` (silence,
inactivity) or `bundled` (with accepting the contract, the terms or the statement), where
the purpose rests on consent or names no basis; an opt-out on legitimate interests alone is
the right to object, and is left alone. The words of such a purpose are not reported again.

## Why it matters
Consent must be a freely given, specific, informed and unambiguous indication of wishes,
by a statement or a clear affirmative action (Art. 4(11)). Visiting a site, going on
scrolling or having a statement in front of you is none of these, and the controller
cannot demonstrate it (Art. 7(1)). Consent bundled with accepting the statement or the
terms is not freely given either (Art. 7(2), 7(4)). Processing that rests on such
"consent" has no valid legal basis for it.

## Example
```yaml
statement:
  consent_mechanism: "By using this website you consent to the processing described in this policy."
```

## Use instead
```yaml
purposes:
  - id: newsletter
    legal_bases: [consent]
    consent_mechanism: "You tick an unticked box on the sign-up form; you can withdraw in every newsletter."
```
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.model.vocabulary import LegalBasis
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.consent import invalid_purpose_consent, recorded_not_consent
from privlint.rules.cookies import invalid_consent
from privlint.rules.phrases import Phrases, combine
from privlint.rules.wording import Token, WordPhrases, remembered, sentences, tokens

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest
    from privlint.parse.pointers import NodePath

RULE = RuleInfo(
    code="PL103",
    name="implied-consent",
    severity="error",
    article="Art. 4(11), 7",
    summary="Consent is inferred from use, scrolling, a cookie wall, browser settings or an opt-out",
    reads=("statement.consent_mechanism", "purposes[].consent_mechanism", "purposes[].quote", "purposes[].legal_bases",
           "purposes[].consent", "cookies[].consent", "cookies[].category"),
)


_YOU_NL = ("u", "je", "jij")
_STATEMENT_NL = ("deze privacyverklaring", "dit privacybeleid", "dit privacystatement",
                 "deze verklaring", "ons privacybeleid", "onze privacyverklaring", "het privacybeleid",
                 "de privacyverklaring", "dit beleid")

#: Wording that takes use of the site, or the statement itself, as consent.
IMPLIED_CONSENT = Phrases(
    [
        "by continuing", "by visiting", "by accessing", "by browsing", "by navigating",
        "by remaining on", "by staying on", "by reading this", "by accepting this privacy",
        "by accepting our privacy", "by agreeing to this privacy", "by agreeing to our privacy",
        "deemed to consent", "deemed to have consented", "deemed to accept", "deemed to have accepted",
        "deemed to agree", "deemed to have agreed", "implied consent",
        "door gebruik te maken", "door het gebruik van", "door het gebruiken van", "door het bezoeken",
        "door bezoeken", "door bezoek aan", "door verder te gaan", "door verder te surfen",
        "door verder te klikken", "door het lezen van",
        "geacht akkoord te gaan", "geacht in te stemmen", "geacht toestemming te", "geacht te hebben ingestemd",
    ]
    # "by using" only with the site or service after it: "by using the opt-in box" is a real act.
    + combine(
        ("by using", "by your use of", "by making use of"),
        ("this", "our", "the", "these", "any of our"),
        ("site*", "website*", "web shop", "webshop", "app", "apps", "service*", "platform", "portal", "product*"),
    )
    + combine(("you",), ("agree to", "accept", "consent to"), ("this", "our", "the"), ("privacy*",))
    + combine(("door",), ("onze", "deze", "de"), ("website", "site", "app", "dienst", "diensten"), ("te bezoeken", "te gebruiken"))
    + combine(("stemt", "stem"), _YOU_NL, ("ermee in", "hiermee in", "daarmee in", "in met"))
    + combine(("gaat", "ga"), _YOU_NL, ("akkoord met", "ermee akkoord", "hiermee akkoord"), _STATEMENT_NL)
    + combine(("verklaart", "verklaar"), _YOU_NL, ("zich", "je"), ("akkoord",))
)


#: Consent inferred from a trigger that is no affirmative act (continued browsing, scrolling, closing, anywhere).
CONTINUED = WordPhrases([
    "door verder te surfen", "door verder te gaan", "verder surfen", "verder te surfen", "doorgaat met", "door te gaan met",
    "blijft gebruiken", "blijft surfen", "scrollen", "scrolt", "door te scrollen", "willekeurige plek", "sluiten van",
    "sluit", "continue to", "continuing to", "continued use", "scroll*", "clicking on any", "click anywhere",
    "closing this banner", "closing the banner", "close this banner", "by continuing", "verder surft", "verder klikt",
    "verder navigeert", "blijft surfen", "if you continue", "if you keep", "als u doorgaat", "als je doorgaat",
    "als u verder gaat", "als je verder gaat", "wie verder surft", "wie verder gaat",
])
CONSENT_CLAIM = WordPhrases([
    "accept*", "accepteer*", "aanvaard*", "agree*", "akkoord", "toestemming", "consent*", "instemt", "in te stemmen",
    "ingestemd",
    "happy with", "assume", "uit van", "geacht",
])
REFUSAL = WordPhrases(["niet als toestemming", "geen toestemming", "does not count as consent", "not count as consent",
                       "not as consent", "no consent", "geldt niet", "without consent", "zonder toestemming"])
#: A cookie wall: the site only works, or opens, when every cookie is accepted.
COOKIE_WALL = WordPhrases(
    combine(("werkt alleen als", "werkt uitsluitend als", "only works if", "only works when"),
            ("u", "je", "you"), ("", "alle"), ("cookies",))
    + ["moet u alle cookies accepteren", "moet je alle cookies accepteren", "moet u cookies accepteren",
       "you must accept all cookies", "you must accept cookies", "requires you to accept all cookies",
       "requires you to accept cookies", "geen toegang tot de website", "no access to", "only works if you accept",
       "alleen toegang als u", "alleen toegang als je", "must accept all cookies"]
)
BROWSER = WordPhrases(["browser*", "browserinstelling*", "instellingen van uw browser", "instellingen van je browser"])
#: The browser as the only way to refuse, or silence taken as consent.
ASSUMED = WordPhrases(["gaan wij uit van", "gaan we uit van", "gaan wij ervan uit", "gaan we ervan uit", "we assume",
                       "we will assume", "otherwise", "anders", "zonder aanpassing", "if you do not", "if you don't",
                       "wilt u geen", "wilt u niet", "wil je geen", "wil je niet", "do not want", "don't want",
                       "stel uw browser", "stel je browser", "tenzij u", "tenzij je", "unless you"])
ASKED = WordPhrases(["banner", "we ask", "vragen wij uw toestemming", "vragen we je toestemming", "vragen uw toestemming",
                     "cookiebanner", "cookiemelding", "ask for your consent", "ask your consent"])
#: Consent assumed unless the person says no.
OPT_OUT = WordPhrases(
    ["unless you opt out", "unless you object", "unless you tell us", "unless you have indicated", "tenzij u bezwaar",
       "tenzij je bezwaar", "unless you untick", "tenzij u het vinkje", "tenzij je het vinkje", "pre-ticked",
       "vooraf aangevinkt", "standaard aangevinkt"]
)
UNLESS_YOU = WordPhrases(["tenzij u", "tenzij je", "tenzij jij", "unless you"])
SAID_NO = WordPhrases(["aangegeven", "aangeeft", "niet wilt", "bezwaar", "afmeldt", "opt out", "opted out", "indicated"])
#: Consent declared as given, with no act of its own.
DECLARED = WordPhrases(
    combine(("geeft", "geef"), ("u", "je", "jij"), ("", "ons", "daarmee", "hiermee"), ("toestemming",))
    + combine(("met het accepteren van", "by accepting", "door het accepteren van", "door akkoord te gaan met"),
              ("deze", "dit", "de", "onze", "this", "our", "the"), ("privacy*", "verklaring", "voorwaarden", "terms"))
    + ["by signing up you accept", "you accept this privacy", "you accept our privacy"]
)
#: Something taken *as* consent, or consent presumed: "we treat that as consent", "gaan wij uit van uw toestemming".
PRESUMED = WordPhrases(
    combine(("treat", "treats", "take", "takes", "regard", "regards", "consider", "considers", "interpret", "count",
             "counts", "beschouwen", "beschouwt", "zien", "opvatten", "geldt", "gelden", "telt"),
            ("", "this", "that", "it", "dit", "dat", "het", "deze", "uw", "je"),
            ("as consent", "as your consent", "as agreement", "als toestemming", "als uw toestemming",
             "als je toestemming", "als instemming"))
    + combine(("gaan", "gaat"), ("wij", "we"), ("uit van", "ervan uit dat"), ("uw", "je", "jouw", "u", "je"),
              ("toestemming", "instemming", "akkoord", "toestemming geeft", "akkoord gaat", "instemt"))
    + ["toestemming wordt verondersteld", "wordt uw toestemming verondersteld", "wordt je toestemming verondersteld",
       "veronderstellen wij uw toestemming", "veronderstellen we je toestemming", "verondersteld toestemming",
       "presumed consent", "assumed consent", "consent is presumed", "consent is assumed", "we assume your consent",
       "we assume you consent", "we will assume that you consent", "we will assume you consent",
       "is considered consent", "constitutes consent", "constitutes your consent"]
)
#: A cookie wall in other words: the site, its content or access only when cookies are accepted.
ONLY = frozenset({"alleen", "uitsluitend", "enkel", "only"})
ONLY_CONDITIONS = frozenset({"als", "wanneer", "indien", "nadat", "if", "when", "once", "after"})
#: The site or its content as what is offered (not "wij gebruiken analytische cookies alleen als u ze accepteert").
ACCESS = WordPhrases(["toegang", "access", "werkt", "werken", "works", "bruikbaar", "usable", "bekijken", "view",
                      "bezoeken", "visit", "artikelen", "articles", "content", "inhoud"]
                     + combine(("de", "onze", "deze", "the", "our", "this"), ("website", "site", "app", "webshop"),
                               ("gebruiken", "gebruikt", "use", "used")))
ACCEPTS = WordPhrases(["accept*", "toestaat", "toestaan", "allow*", "agree*", "akkoord", "instemt", "consent*",
                       "toestemming"])
#: "If you do not agree, please leave the website": staying is taken as agreement.
IF_NOT = WordPhrases(combine(("if you do not", "if you don't", "als u niet", "als je niet", "indien u niet",
                              "wanneer u niet", "wanneer je niet"), ("", "wish to", "want to", "wilt", "wil"),
                             ("agree*", "accept*", "akkoord", "instemt", "instemmen", "consent*")))
LEAVE = WordPhrases(["leave", "verlaat", "verlaten", "do not use", "don't use", "stop using", "niet gebruiken",
                     "geen gebruik", "gebruik dan", "exit"])
#: Agreement declared as following from an act that is not about consent: "door je te registreren ga je akkoord".
AGREES = WordPhrases(
    combine(("ga", "gaat"), ("je", "u", "jij"), ("akkoord",))
    + combine(("stem", "stemt"), ("je", "u", "jij"), ("in",))
    + combine(("accepteer", "accepteert"), ("je", "u", "jij"))
    + ["you agree", "you accept", "you consent", "you are agreeing", "you are consenting", "you give consent",
       "you give your consent", "you give us your consent"]
)
BY_ACT = WordPhrases(["door", "by", "met het", "bij het", "when you", "once you", "if you", "als u", "als je",
                      "wanneer u", "wanneer je", "zodra u", "zodra je"])
CLICKS = WordPhrases(["klik*", "click*", "druk*", "tap*", "kies*", "choose", "select*", "kiezen"])
QUOTES = frozenset("'‘’\"“”«»")
AFFIRMATIVE = WordPhrases(["aanvink*", "vakje", "vinkje", "checkbox", "tick*", "unticked", "box", "opt-in",
                           "selectievakje", "knop", "button", "'accept", "‘accept", "'accepteren", "‘accepteren", "\"accept", "“accept", "'akkoord", "‘akkoord"])


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    found = implied(manifest.statement.consent_mechanism, consent_purpose=True)
    if found:
        yield _problem(("statement", "consent_mechanism"), "the statement", found)
    for index, purpose in enumerate(manifest.purposes):
        if recorded_not_consent(manifest, purpose):
            continue  # its recorded consent (opt_out, bundled, ...) is the finding: its words are not reported again
        consent = LegalBasis.consent in manifest.bases_of(purpose)
        reported: set[str] = set()
        for field in ("consent_mechanism", "quote"):  # the statement's own words for the purpose too
            found = implied(statement_words(purpose, field, quote_field=field)[1], consent_purpose=consent)
            if found and " ".join(found.lower().split()) not in reported:  # one finding per fact
                reported.add(" ".join(found.lower().split()))
                yield _problem(("purposes", index, field), f"purpose {purpose.label}", found)
    yield from invalid_purpose_consent(manifest)  # purposes whose recorded consent (opt_out, bundled, ...) is not consent
    yield from invalid_consent(manifest)  # cookies whose recorded consent (implied, cookie_wall, ...) is not consent


def implied(text: str | None, consent_purpose: bool = True) -> str | None:
    """The words of ``text`` that infer consent from something other than an affirmative act, or None."""
    if not text:
        return None
    return _implied(text, consent_purpose)


@remembered(256)  # purposes repeat their consent mechanism word for word
def _implied(text: str, consent_purpose: bool) -> str | None:
    found = IMPLIED_CONSENT.find(text)
    if found:
        return found
    words = tokens(text)
    for first, last in sentences(words):
        def quote(match: tuple[int, int]) -> str:
            return text[words[match[0]].start : words[match[1] - 1].end]

        if REFUSAL.matches(words, first, last):
            continue  # "verder surfen geldt niet als toestemming"
        wall = COOKIE_WALL.matches(words, first, last)
        if wall:
            return quote(wall[0])
        continued = CONTINUED.matches(words, first, last)
        if continued and CONSENT_CLAIM.matches(words, first, last) and not AFFIRMATIVE.matches(words, first, last):
            return quote(continued[0])
        browser = BROWSER.matches(words, first, last)
        if browser and ASSUMED.matches(words, first, last) and not ASKED.matches(words, first, last):
            return quote(browser[0])
        affirmative = AFFIRMATIVE.matches(words, first, last) or _named_button(words, first, last)
        presumed = PRESUMED.matches(words, first, last)
        if presumed and not affirmative:
            return quote(presumed[0])
        only_if = _only_if(words, first, last)
        if only_if and ACCESS.matches(words, first, last) and ACCEPTS.matches(words, first, last) and \
                any("cookie" in token.lower or "tracking" in token.lower for token in words[first:last]):
            return quote(only_if)  # "toegang ... alleen mogelijk wanneer u cookies toestaat"
        if_not = IF_NOT.matches(words, first, last)
        if if_not and LEAVE.matches(words, first, last):
            return quote(if_not[0])
        declared = DECLARED.matches(words, first, last)
        agrees = AGREES.matches(words, first, last)
        if agrees and any(start < agrees[0][0] for start, _ in BY_ACT.matches(words, first, last)):
            declared = declared or agrees
        if declared and not affirmative and not _subscribing(words, first, last, declared[0][0]):
            return quote(declared[0])
        opt_out = OPT_OUT.matches(words, first, last) or (
            UNLESS_YOU.matches(words, first, last) if SAID_NO.matches(words, first, last) else [])
        if opt_out and consent_purpose:
            return quote(opt_out[0])
    return None


def _only_if(words: Sequence[Token], first: int, last: int) -> tuple[int, int] | None:
    """ "alleen ... als", "only ... if": an only-word with a condition a few words after it."""
    for index in range(first, last):
        if words[index].lower in ONLY:
            for later in range(index + 1, min(last, index + 5)):
                if words[later].lower in ONLY_CONDITIONS:
                    return index, later + 1
    return None


#: Signing up for the newsletter is the affirmative act for the newsletter, unless the statement or terms ride along.
SUBSCRIPTIONS = frozenset({"nieuwsbrief", "nieuwsbrieven", "newsletter", "newsletters", "mailinglijst", "mailing"})
STATEMENT_OR_TERMS = WordPhrases(["privacy*", "voorwaarden", "terms", "verklaring", "statement", "policy", "beleid"])


def _subscribing(words: Sequence[Token], first: int, last: int, claim: int) -> bool:
    """Whether the act before the consent claim at ``claim`` is subscribing to the newsletter, and nothing else."""
    return any(token.lower in SUBSCRIPTIONS for token in words[first:claim]) and \
        not STATEMENT_OR_TERMS.matches(words, first, min(last, claim + 12))


def _named_button(words: Sequence[Token], first: int, last: int) -> bool:
    """Whether the sentence has the person click or choose something named in quotes: "op 'Ik ga akkoord' klikken"."""
    if not CLICKS.matches(words, first, last):
        return False
    quotes = [index for index in range(first, last) if words[index].text in QUOTES]
    return len(quotes) >= 2 and quotes[1] - quotes[0] <= 8


def _problem(pointer: NodePath, owner: str, found: str) -> Problem:
    return Problem(
        pointer,
        f"{owner} infers consent from something that is not a clear affirmative act ({found!r})",
        hint="ask for consent by a clear affirmative act for each purpose (an unticked box, a button), "
        "separate from accepting the statement, and say how to withdraw it",
    )
