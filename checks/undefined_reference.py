"""
## What it does
Reports a purpose that refers to a data category or recipient id, or a transfer that
refers to a recipient id, that the manifest does not declare under `data_categories` or
`recipients`. Each unknown id is reported where it is used; the hint suggests a declared
id with a similar spelling.

## Why it matters
The manifest links each purpose to the data and recipients the statement names for it
(Art. 13(1)(c), (e), 14(1)(d)). An id that leads nowhere is a typing error or a
category that was never written down; either way the other checks cannot see what the
purpose uses, and the published statement may lack what the manifest claims.

## Example
```yaml
purposes:
  - id: newsletter
    data: [contact]
data_categories:
  - id: contact-details
```

## Use instead
```yaml
purposes:
  - id: newsletter
    data: [contact-details]
data_categories:
  - id: contact-details
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL901",
    name="undefined-reference",
    severity="error",
    article="-",
    summary="A purpose or transfer refers to a data category or recipient that is not declared",
    reads=("purposes[].data", "purposes[].recipients", "transfers[].recipients", "data_categories[].id", "recipients[].id"),
)


COMPARISONS = 20_000  # spelling comparisons for "did you mean", per manifest: a bound on time for huge ones


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    categories = _Declared([category.id for category in manifest.data_categories], "data category", "data_categories")
    recipients = _Declared([recipient.id for recipient in manifest.recipients], "recipient", "recipients")
    budget = [COMPARISONS]
    for index, purpose in enumerate(manifest.purposes):
        owner = f"purpose {purpose.label}"
        yield from _undeclared(("purposes", index, "data"), owner, purpose.data, categories, budget)
        yield from _undeclared(("purposes", index, "recipients"), owner, purpose.recipients, recipients, budget)
    for index, transfer in enumerate(manifest.transfers):
        owner = f"transfer {index + 1}" + (f" (to {transfer.destination})" if transfer.destination else "")
        yield from _undeclared(("transfers", index, "recipients"), owner, transfer.recipients, recipients, budget)


class _Declared:
    def __init__(self, ids, kind, section):
        self.ids, self.known, self.kind, self.section = ids, frozenset(ids), kind, section


def _undeclared(pointer, owner, used, declared, budget):
    for number, wanted in enumerate(used):
        if wanted in declared.known:
            continue
        budget[0] -= len(declared.ids)
        close = difflib.get_close_matches(wanted, declared.ids, n=1) if budget[0] >= 0 else []
        hint = f"did you mean {close[0]!r}? " if close else ""
        yield Problem(
            (*pointer, number),
            f"{owner} refers to {declared.kind} {wanted!r}, which is not declared",
            hint=hint + f"declare {wanted!r} under {declared.section}, or correct the id",
        )
