"""
## What it does
Reports a consent mechanism (`statement.consent_mechanism`, or a purpose's
`consent_mechanism`) that says consent is given by using the site or service, or by
reading or accepting the statement: "by using this website you agree", "by continuing",
"door gebruik te maken van onze website", "door het bezoeken van", "stemt u ermee in",
"gaat u akkoord met deze privacyverklaring". "By using" counts only with the site or
service after it ("by using the tick box" is an affirmative act). The message quotes the
words found. A cookie whose recorded `consent` is not consent is reported too: `implied`
(by continued use or scrolling), `browser_settings`, `cookie_wall`, `opt_out`, except
for functional cookies, which need none.

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

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.consent import invalid_purpose_consent, recorded_not_consent
from privlint.rules.cookies import invalid_consent
from privlint.rules.phrases import Phrases, combine

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL103",
    name="implied-consent",
    severity="error",
    article="Art. 4(11), 7",
    summary="Consent is said to be given by using the service or accepting the statement",
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


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    found = IMPLIED_CONSENT.find(manifest.statement.consent_mechanism)
    if found:
        yield _problem(("statement", "consent_mechanism"), "the statement", found)
    for index, purpose in enumerate(manifest.purposes):
        found = IMPLIED_CONSENT.find(purpose.consent_mechanism)
        if found:
            if not recorded_not_consent(manifest, purpose):  # else its recorded consent is the finding
                yield _problem(("purposes", index, "consent_mechanism"), f"purpose {purpose.label}", found)
    yield from invalid_purpose_consent(manifest)  # purposes whose recorded consent (opt_out, bundled, ...) is not consent
    yield from invalid_consent(manifest)  # cookies whose recorded consent (implied, cookie_wall, ...) is not consent


def _problem(pointer, owner, found):
    return Problem(
        pointer,
        f"{owner} takes use of the service or the statement itself as consent ({found!r})",
        hint="ask for consent by a clear affirmative act for each purpose (an unticked box, a button), "
        "separate from accepting the statement, and say how to withdraw it",
    )
