"""
## What it does
Reports a transfer outside the EEA that rests on a safeguard of Art. 46 or 47 (standard
contractual clauses, binding corporate rules, a code of conduct, certification, ad hoc
clauses) while the statement does not say how to obtain a copy of it or where it is made
available (`copy_available`). It applies whether the statement names the safeguard as the
one in use, as an example or among alternatives: in each case the person cannot see the
document. A transfer on an adequacy decision (Art. 45) or a derogation (Art. 49) alone owes
no copy; a transfer that records no safeguard is `transfer-without-safeguard`'s.

## Why it matters
Art. 13(1)(f) and 14(1)(f) ask, for transfers on Art. 46 or 47 safeguards, for "the means by
which to obtain a copy of them or where they have been made available". Naming the
Commission's model clauses tells the person which template was used, not the contract that
binds the recipient (its annexes say which data go where and under which measures); WP260
asks for a link to the mechanism or where to request it.

## Example
```yaml
transfers:
  - destination: United States
    countries: [US]
    safeguard: standard_contractual_clauses
    description: "Wij gebruiken de modelcontractbepalingen van de Europese Commissie van 4 juni 2021."
```

## Use instead
```yaml
transfers:
  - destination: United States
    countries: [US]
    safeguard: standard_contractual_clauses
    description: "Wij gebruiken de modelcontractbepalingen van de Europese Commissie van 4 juni 2021."
    copy_available: "Een kopie van deze bepalingen vraagt u op via privacy@example.nl."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import Safeguard
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.transfers import transfer_label

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL516",
    name="missing-safeguard-copy",
    severity="warning",
    article="Art. 13(1)(f), 14(1)(f), 46, 47",
    summary="A transfer rests on Art. 46/47 safeguards and the statement does not say how to obtain a copy",
    reads=("transfers[].safeguard", "transfers[].copy_available"),
)

#: The safeguards of which Art. 13(1)(f) asks for a copy: those of Art. 46 and 47, not an adequacy
#: decision (Art. 45, published by the Commission) nor a derogation (Art. 49, no document to copy).
NEEDS_COPY = (
    Safeguard.standard_contractual_clauses,
    Safeguard.binding_corporate_rules,
    Safeguard.code_of_conduct,
    Safeguard.certification,
    Safeguard.ad_hoc_contractual_clauses,
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, transfer in enumerate(manifest.transfers):
        if transfer.copy_available:
            continue
        owed = [safeguard.value.replace("_", " ") for safeguard in transfer.safeguards if safeguard in NEEDS_COPY]
        if not owed:
            continue
        yield Problem(
            ("transfers", index, "safeguard"),
            f"{transfer_label(index, transfer)} rests on {_joined(owed)} without saying how to obtain a copy of "
            "them or where they are made available",
            hint="say where the safeguard can be read or how to ask for a copy (an address or a link), and record "
            "those words as copy_available",
        )


def _joined(names: list[str]) -> str:
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
