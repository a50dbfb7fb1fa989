"""
## What it does
Reports a cookie or similar technology (`cookies[]`) that needs consent and is placed
without it (`consent: not_asked`), or of which the statement does not say that consent
is asked (no `consent`). Whose rules apply: the statement's `audience`, or else the
controller's `country` and the region of the statement's `language` (`nl-BE`).
- Functional cookies never need consent.
- Advertising, social, embedded-content and personalisation cookies always do
  (ePrivacy Art. 5(3)); an exemption claimed for them does not hold.
- Analytics: in the Netherlands only where the statement relies on the exemption for
  analytics with little or no impact on privacy (`exemption: low_impact_analytics`,
  Telecommunicatiewet art. 11.7a); in Belgium always (art. 10/2 of the Act of 30 July
  2018 exempts only strictly necessary cookies). Elsewhere analytics are not judged.

Consent obtained in a way that is not consent (by continued use, a cookie wall, browser
settings, an opt-out) is `implied-consent`'s finding, not this rule's.

## Why it matters
Reading or placing information on a person's device needs their prior consent, except
where it is strictly necessary (ePrivacy Directive Art. 5(3)); each country writes the
exemptions into its own law, and the Netherlands and Belgium differ on analytics. A
statement that places advertising or third-party embeds without consent describes
unlawful tracking, and one that does not say whether consent is asked leaves the person
unable to tell.

## Example
```yaml
controller:
  country: BE
cookies:
  - name: _ga
    category: analytics
    party: third
    provider: Google
    consent: not_asked
```

## Use instead
```yaml
controller:
  country: BE
cookies:
  - name: _ga
    category: analytics
    party: third
    provider: Google
    consent: opt_in
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import CookieConsent
from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.cookies import NOT_CONSENT, consent_required, jurisdictions, label

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL121",
    name="cookie-without-consent",
    severity="error",
    article="ePrivacy Art. 5(3); NL Tw art. 11.7a; BE art. 10/2 Act of 30 July 2018",
    summary="A cookie that needs consent is placed without it, or the statement does not say consent is asked",
    reads=("cookies[]", "controller.country", "statement.audience", "statement.language"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    countries = jurisdictions(manifest) or (None,)
    for index, cookie in enumerate(manifest.cookies):
        if cookie.consent is CookieConsent.opt_in or cookie.consent in NOT_CONSENT:
            continue
        reason = next((why for country in countries if (why := consent_required(cookie, country))), None)
        if reason is None:
            continue
        path: NodePath
        if cookie.consent is CookieConsent.not_asked:
            path, said = ("cookies", index, "consent"), "is placed without consent"
        else:
            path, said = ("cookies", index), "is described without saying that consent is asked"
        yield Problem(
            path,
            f"{label(cookie, index)} {said}: {reason}",
            hint="ask for consent before placing it (and record consent: opt_in), or stop using it; "
            "where an exemption applies, record it in exemption",
        )
