"""
## What it does
Reports a transfer outside the EEA that names no destination: `destination_unspecified:
true`, or no `countries` and a `destination` that names no place ("buiten de EER",
"outside the European Economic Area", "a third country", "derde landen of internationale
organisaties") or none at all. A destination that names a country, a region or an
organisation ("United States", "Tokyo", "the WHO") is specified.

## Why it matters
Art. 13(1)(f) and 14(1)(f) require telling the person that their data go to a third
country or an international organisation. The Article 29 Working Party's transparency
guidelines (WP260, endorsed by the EDPB) add that this information should be as
meaningful as possible, which generally means naming the third countries. "Outside the
EEA" is every country in the world but thirty: the person cannot tell whether their data
go to a country with an adequacy decision or to one without any protection.

## Example
```yaml
transfers:
  - destination: buiten de EER
    safeguard: standard_contractual_clauses
```

## Use instead
```yaml
transfers:
  - destination: Verenigde Staten
    countries: [US]
    safeguard: standard_contractual_clauses
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.transfers import is_unspecified

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL511",
    name="unspecified-transfer",
    severity="warning",
    article="Art. 13(1)(f), 14(1)(f) (WP260)",
    summary="A transfer outside the EEA names no destination",
    reads=("transfers[].destination", "transfers[].countries", "transfers[].destination_unspecified"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, transfer in enumerate(manifest.transfers):
        if not is_unspecified(transfer):
            continue
        if transfer.destination_unspecified:
            field, said = "destination_unspecified", " (the statement gives none)"
        elif transfer.destination is not None:
            field, said = "destination", f" ({transfer.destination!r} is not a place)"
        else:
            field, said = None, ""
        yield Problem(
            ("transfers", index) if field is None else ("transfers", index, field),
            f"transfer {index + 1} names no destination{said}: the person cannot tell to which countries "
            "or organisations their data go",
            hint="name the countries or international organisations the data go to (destination, and their "
            "codes in countries: [US])",
        )
