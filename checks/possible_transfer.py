"""
## What it does
Reports a transfer outside the EEA that the statement describes only as possible
(`possible: true`): "het kan voorkomen dat gegevens worden doorgegeven buiten de EER",
"we may transfer data outside the EEA", "if we use providers outside the EEA, ...".

## Why it matters
Art. 13(1)(f) and 14(1)(f) ask for the fact that the controller intends to transfer data
to a third country: whether it does is the first thing the person needs. The transparency
guidelines (WP260) name "may" and "possible" as poor practice: a transfer described as
something that could happen leaves the person unable to tell whether their data leave
the EEA at all.

## Example
```yaml
transfers:
  - destination: United States
    possible: true
    safeguard: standard_contractual_clauses
    description: "Het kan voorkomen dat uw gegevens in de Verenigde Staten worden verwerkt."
```

## Use instead
```yaml
transfers:
  - destination: United States
    safeguard: standard_contractual_clauses
    description: "Onze e-mailleverancier verwerkt uw gegevens in de Verenigde Staten."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.transfers import transfer_label

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL513",
    name="possible-transfer",
    severity="warning",
    article="Art. 13(1)(f), 14(1)(f) (WP260)",
    summary="A transfer outside the EEA is described only as possible",
    reads=("transfers[].possible",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, transfer in enumerate(manifest.transfers):
        if transfer.possible:
            yield Problem(
                ("transfers", index, "possible"),
                f"{transfer_label(index, transfer)} is described only as possible: the statement does not say "
                "whether data are transferred",
                hint="say whether data go outside the EEA, for which purposes and to whom; if they do not, "
                "say that instead",
            )
