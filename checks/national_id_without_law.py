"""
## What it does
Reports a data category that is a national identification number (`national_id`: BSN,
rijksregisternummer, ...) and names no `law` that allows using it. The hint names the law
for the controller's country where privlint knows it: UAVG art. 46 for the Netherlands,
the Belgian rijksregisterwet for Belgium.

## Why it matters
Member States may set specific conditions for processing a national identification
number (Art. 87). In the Netherlands the BSN may be used only where a law prescribes or
allows it (UAVG art. 46); in Belgium the rijksregisternummer may be used only with an
authorisation or where a law allows it (Wet van 8 augustus 1983 tot regeling van een
Rijksregister, art. 8). A statement that processes the number without naming that law
tells the reader nothing about why it may.

## Example
```yaml
controller:
  country: NL
data_categories:
  - id: bsn
    name: Burgerservicenummer
    national_id: BSN
```

## Use instead
```yaml
controller:
  country: NL
data_categories:
  - id: bsn
    name: Burgerservicenummer
    national_id: BSN
    law: "Wet op de loonbelasting 1964 (UAVG art. 46)"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL602",
    name="national-id-without-law",
    severity="error",
    article="Art. 87 (NL: UAVG art. 46)",
    summary="A national identification number without the law that allows using it",
    reads=("data_categories[].national_id", "data_categories[].law", "controller.country"),
)


#: The law that governs the national identification number, by the controller's country.
NATIONAL_ID_LAWS = {
    "NL": "UAVG art. 46: the BSN may be used only where a law prescribes or allows it",
    "BE": "the Belgian rijksregisterwet (wet van 8 augustus 1983, art. 8): the rijksregisternummer "
    "may be used only with an authorisation or where a law allows it",
}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    country = (manifest.controller.country or "")[:2] if manifest.controller else ""
    governing = NATIONAL_ID_LAWS.get(country)
    for index, category in enumerate(manifest.data_categories):
        if category.national_id is None or category.law is not None:
            continue
        hint = "name the law that allows using the number and record it as law"
        if governing:
            hint += f" ({governing})"
        else:
            hint += " (Art. 87 lets each Member State set the conditions)"
        yield Problem(
            ("data_categories", index),
            f"data category {category.id!r} is a national identification number ({category.national_id}) "
            "but names no law that allows using it",
            hint=hint,
        )
