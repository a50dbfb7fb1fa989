"""
## What it does
Reports a transfer outside the EEA whose safeguard the statement names only as an example
(`safeguard_named_as: example`: "such as standard contractual clauses", "bijvoorbeeld
modelcontracten") or as one of several alternatives without saying which applies
(`safeguard_named_as: alternatives`: "(i) an adequacy decision or (ii) one of the following
safeguards ... and/or"). The message names the mechanisms the statement offers. A transfer
that records no `safeguard` at all is `transfer-without-safeguard`'s.

## Why it matters
Art. 13(1)(f) and 14(1)(f) require a reference to the adequacy decision or to the
safeguard that actually applies, and how to obtain a copy of it. An example, or a menu of
every mechanism Chapter V allows, tells the person what the law permits, not what
protects their data; they cannot ask for the document either.

## Example
```yaml
transfers:
  - destination: United States
    safeguard: standard_contractual_clauses
    safeguard_named_as: example
    description: "Passende waarborgen, zoals modelcontracten van de Europese Commissie."
```

## Use instead
```yaml
transfers:
  - destination: United States
    safeguard: standard_contractual_clauses
    description: "Wij gebruiken de modelcontracten van de Europese Commissie (2021/914)."
    copy_available: "Vraag een kopie via privacy@example.nl."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import SafeguardNamedAs
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.transfers import mechanisms, transfer_label

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL512",
    name="example-safeguard",
    severity="error",
    article="Art. 13(1)(f), 14(1)(f), 44-49",
    summary="A transfer's safeguard is named only as an example or as one of several alternatives",
    reads=("transfers[].safeguard", "transfers[].safeguard_named_as"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, transfer in enumerate(manifest.transfers):
        named_as = transfer.safeguard_named_as
        if named_as not in (SafeguardNamedAs.example, SafeguardNamedAs.alternatives) or not transfer.safeguards:
            continue  # no mechanism recorded at all: transfer-without-safeguard's finding
        offered = mechanisms(transfer)
        if named_as is SafeguardNamedAs.example:
            said = f"names {offered} only as an example"
        else:
            said = f"offers {offered} as alternatives"
        yield Problem(
            ("transfers", index, "safeguard_named_as"),
            f"{transfer_label(index, transfer)} {said}: the statement does not say which mechanism actually "
            "protects the data",
            hint="name the adequacy decision or safeguard that applies to this transfer and how to get a copy; "
            "then record it with safeguard_named_as left out (stated)",
        )
