"""
## What it does
Reports a statement that lets children consent alone from an age below the one the law
of the country sets for online services (`statement.children.consent_age`). The country
is the statement's `audience`, or else the controller's `country` and the region of the
statement's `language` (`nl-BE`), as for cookies. privlint knows the Netherlands (16,
UAVG art. 5) and Belgium (13, Act of 30 July 2018, art. 7); elsewhere nothing is judged.
An age above the national one is stricter than the law, not a finding.

## Why it matters
Art. 8(1) lets a child consent alone to an information society service offered directly
to them from 16, or from the lower age (not below 13) a member state sets; below it the
holder of parental responsibility must consent. Statements written for another market
often say 13 (the age of the US COPPA): in the Netherlands the consent of a 13-year-old
is no consent at all, so everything resting on it lacks a legal basis.

## Example
```yaml
controller:
  country: NL
statement:
  children:
    consent_age: 13
    text: "Ben je jonger dan 13 jaar? Dan heb je toestemming van je ouders nodig."
```

## Use instead
```yaml
controller:
  country: NL
statement:
  children:
    consent_age: 16
    text: "Ben je jonger dan 16 jaar? Dan heb je toestemming van je ouders nodig."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.cookies import jurisdictions

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL603",
    name="child-consent-age",
    severity="error",
    article="Art. 8(1) (NL: UAVG art. 5; BE: Act of 30 July 2018, art. 7)",
    summary="Children may consent alone from an age below the one the country's law sets",
    reads=("statement.children.consent_age", "statement.audience", "controller.country", "statement.language"),
)

#: The age from which a child consents alone to an online service, per country, with the law that sets it.
CONSENT_AGES = {
    "NL": (16, "UAVG art. 5"),
    "BE": (13, "the Act of 30 July 2018, art. 7"),
}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    children = manifest.statement.children
    if children is None or children.consent_age is None:
        return
    for country in jurisdictions(manifest):
        age, law = CONSENT_AGES.get(country, (None, ""))
        if age is not None and children.consent_age < age:
            yield Problem(
                ("statement", "children", "consent_age"),
                f"the statement lets children consent alone from {children.consent_age}, but in {country} the age "
                f"is {age} ({law})",
                hint=f"ask a parent's consent below {age} for people in {country}, say so, and record consent_age: {age}",
            )
