"""Cookies and similar technologies: whose rules apply, which cookies need consent, and what is not consent.

ePrivacy Art. 5(3) is national law: the Netherlands (Telecommunicatiewet art. 11.7a) exempt
functional cookies and analytics with little or no impact on privacy; Belgium (art. 10/2 of the
Act of 30 July 2018) exempts only strictly necessary ones. ``cookie-without-consent`` and
``implied-consent`` share what is here.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import CookieConsent, CookieExemption, CookiePurpose
from privlint.rules.api import Problem
from privlint.rules.transfers import country_of

if TYPE_CHECKING:
    from privlint.model.manifest import Cookie, Manifest

#: Consent mechanisms that are not consent (Art. 4(11), 7; EDPB Guidelines 05/2020), with what each does.
NOT_CONSENT = {
    CookieConsent.implied: "takes continued use of the site as consent",
    CookieConsent.browser_settings: "takes the browser's settings as consent",
    CookieConsent.cookie_wall: "makes using the site depend on accepting it (a cookie wall)",
    CookieConsent.opt_out: "is placed unless the person objects (an opt-out)",
}

#: Countries whose exemptions for analytics privlint knows; elsewhere analytics are not judged.
ANALYTICS_RULES = {
    "NL": "Dutch law exempts analytics only where they have little or no impact on privacy (Telecommunicatiewet "
    "art. 11.7a), and the statement does not claim that (exemption: low_impact_analytics)",
    "BE": "Belgian law exempts only strictly necessary cookies (art. 10/2 of the Act of 30 July 2018), "
    "and analytics are not",
}


def jurisdictions(manifest: Manifest) -> tuple[str, ...]:
    """The countries whose cookie rules apply: the statement's audience, or else the controller's country
    and the region of the statement's language (nl-BE: Belgium)."""
    statement = manifest.statement
    if statement.audience:
        return tuple(dict.fromkeys(map(country_of, statement.audience)))
    found = []
    if manifest.controller is not None and manifest.controller.country:
        found.append(country_of(manifest.controller.country))
    region = (statement.language or "").partition("-")[2]
    if len(region) == 2 and region.isalpha():
        found.append(region.upper())
    return tuple(dict.fromkeys(found))


def label(cookie: Cookie, index: int) -> str:
    """How findings name a cookie: "cookie '_ga'", or "analytics cookie 2" where it has no name."""
    name = cookie.name or cookie.id
    if name:
        return f"cookie {name!r}"
    return f"{cookie.category.value} cookie {index + 1}" if cookie.category else f"cookie {index + 1}"


def consent_required(cookie: Cookie, country: str | None) -> str | None:
    """Why the cookie needs consent in ``country`` (None: a country privlint has no rules for), or None if it
    is exempt there or privlint cannot tell."""
    category = cookie.category
    if category is None or category is CookiePurpose.functional:
        return None
    if category is CookiePurpose.analytics:
        if country == "NL" and cookie.exemption is CookieExemption.low_impact_analytics:
            return None
        reason = ANALYTICS_RULES.get(country or "")
    else:
        reason = f"{category.value} cookies are never exempt from consent (ePrivacy Art. 5(3))"
    if reason is not None and cookie.exemption is not None:
        reason += f"; the exemption it claims ({cookie.exemption.value}) does not cover it"
    return reason


def invalid_consent(manifest: Manifest) -> Iterator[Problem]:
    """``implied-consent`` for cookies: a consent mechanism recorded that is not consent."""
    for index, cookie in enumerate(manifest.cookies):
        if cookie.consent not in NOT_CONSENT or cookie.category is CookiePurpose.functional:
            continue  # functional cookies need no consent at all
        yield Problem(
            ("cookies", index, "consent"),
            f"{label(cookie, index)} {NOT_CONSENT[cookie.consent]}: that is not consent",
            hint="ask before placing it, by a clear affirmative act (an accept button beside an equally visible "
            "reject button), and let the site work when the person refuses; then record consent: opt_in",
        )
