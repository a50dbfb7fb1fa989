"""
## What it does
Reports a controller established outside the EEA (`controller.country`) for which the
statement names no representative in the EU (`controller.representative`).

## Why it matters
A controller without an establishment in the Union that offers goods or services to people
in it, or monitors their behaviour (Art. 3(2)), must designate a representative there in
writing (Art. 27(1)), and Art. 13(1)(a) and 14(1)(a) ask the statement to give the
representative's identity and contact details. The representative is where people and the
supervisory authorities can turn to in the EU. Art. 27(2) exempts public authorities and
occasional processing without large-scale special-category or criminal data that is unlikely
to put people at risk; a statement relying on that exemption is rare enough for a
suppression comment with its reason.

## Example
```yaml
controller:
  name: Example Inc.
  country: US
```

## Use instead
```yaml
controller:
  name: Example Inc.
  country: US
  representative:
    name: Example EU Representative B.V.
    address: Keizersgracht 1, 1015 AA Amsterdam
    contact: {email: eu-rep@example.com}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.transfers import EEA, country_of

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL518",
    name="missing-representative",
    severity="warning",
    article="Art. 13(1)(a), 14(1)(a), 27",
    summary="A controller established outside the EEA names no representative in the EU",
    reads=("controller.country", "controller.representative"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    controller = manifest.controller
    if controller is None or not controller.country or controller.representative is not None:
        return
    country = country_of(controller.country)
    if country in EEA:
        return
    yield Problem(
        ("controller", "country"),
        f"the controller is established in {country}, outside the EEA, and the statement names no representative "
        "in the EU (Art. 27)",
        hint="give the name and contact details of the representative in the EU, and record them as "
        "controller.representative",
    )
