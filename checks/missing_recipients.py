"""
## What it does
Reports a statement that names no recipients or categories of recipients at all: no
top-level `recipients`, and no purpose with `recipients`. A statement that says in so many
words that it gives the data to no one (`none.recipients`) is not reported: that denial
answers the question, and `contradicted-denial` checks it against the rest.

## Why it matters
Art. 13(1)(e) and 14(1)(e) require the recipients or categories of recipients of the
personal data. Hardly any organisation keeps data entirely to itself: hosting providers,
payment providers, accountants and authorities are recipients too. A statement that is
silent on them leaves the reader unable to tell who else sees their data. The rule is a
warning because a controller may really share data with no one: verify that first.

## Example
```yaml
purposes:
  - id: webshop-orders
    legal_bases: [contract]
```

## Use instead
```yaml
purposes:
  - id: webshop-orders
    legal_bases: [contract]
    recipients: [payment-providers]
recipients:
  - id: payment-providers
    name: Payment service providers
    role: processor
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL503",
    name="missing-recipients",
    severity="warning",
    article="Art. 13(1)(e), 14(1)(e)",
    summary="The statement names no recipients or categories of recipients",
    reads=("recipients", "purposes[].recipients", "none.recipients"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.recipients or any(purpose.recipients for purpose in manifest.purposes):
        return
    if manifest.none is not None and manifest.none.recipients is not None:
        return
    yield Problem(
        (),
        "the statement names no recipients or categories of recipients of the personal data",
        hint="list who receives the data (processors, other controllers, authorities) under 'recipients' and link them from the purposes",
    )
