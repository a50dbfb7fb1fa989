"""
## What it does
Reports a statement that relies on consent but does not tell people they can withdraw
it: some purpose rests on `consent` (its own legal basis, or the statement's one general
basis), consent is among the general legal bases, some data category has the Art. 9(2)(a)
condition `explicit_consent`, data are disclosed to a recipient on consent
(`disclosure: {kind: consent}`), or cookies are placed with consent asked beforehand
(`cookies[].consent: opt_in`) and the statement refers to no cookie statement of its own
(`cookie_statement`, where withdrawing cookie consent is usually explained), and the
statement does not mention `withdraw_consent`
(under `rights.offered`, or narrowed, by a link or declared not applicable, which other
rules judge). The message names what relies on consent.

## Why it matters
Art. 13(2)(c) and 14(2)(d) require, where processing rests on consent (Art. 6(1)(a) or
9(2)(a)), telling people they can withdraw it at any time, without affecting the
lawfulness of what came before. Art. 7(3) adds that withdrawing must be as easy as
giving consent: people who are not told they can withdraw are not really free to.

## Example
```yaml
purposes:
  - id: newsletter
    legal_bases: [consent]
rights:
  offered: [access, erasure, objection]
```

## Use instead
```yaml
purposes:
  - id: newsletter
    legal_bases: [consent]
rights:
  offered: [access, erasure, objection, withdraw_consent]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.checks.missing_right import offered_pointer
from privlint.model.vocabulary import CookieConsent, LegalBasis, Right
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.cookies import label
from privlint.rules.rights import reliance

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL412",
    name="missing-consent-withdrawal",
    severity="error",
    article="Art. 13(2)(c), 14(2)(d), 7(3)",
    summary="Processing relies on consent but the right to withdraw it is not mentioned",
    reads=("rights", "purposes[].legal_bases", "general_legal_bases", "data_categories[].condition", "recipients[].disclosure",
           "cookies[].consent", "cookie_statement"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is not None and manifest.rights.mentions(Right.withdraw_consent):
        return
    reliant = reliance(manifest, frozenset({LegalBasis.consent})) + _cookies_on_consent(manifest)
    if not reliant:
        return
    yield Problem(
        offered_pointer(manifest),
        f"the statement does not mention the right to withdraw consent, though {', '.join(reliant)} "
        f"{'relies' if len(reliant) == 1 else 'rely'} on consent",
        hint="tell people they can withdraw their consent at any time and how, and add withdraw_consent to rights.offered",
    )


def _cookies_on_consent(manifest: Manifest) -> list[str]:
    """The cookies placed with consent, unless a cookie statement of their own explains them."""
    if manifest.cookie_statement is not None:
        return []
    return [
        label(cookie, index)
        for index, cookie in enumerate(manifest.cookies)
        if cookie.consent is CookieConsent.opt_in
    ]
