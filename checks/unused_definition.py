"""
## What it does
Reports a data category that no purpose refers to (in `data`), and a recipient that no
purpose or transfer refers to (in `recipients`). A manifest that links no purpose to any
data category at all is taken not to use such links, and its data categories are not
reported; likewise for recipients.

## Why it matters
A category or recipient that no purpose uses is either left over from an older version,
or the link to the purpose it belongs to was forgotten. The statement must say for
which purposes data are processed and who receives them (Art. 13(1)(c), (e)); an
orphaned entry is information the reader cannot connect to any purpose.

## Example
```yaml
purposes:
  - id: newsletter
    data: [contact]
data_categories:
  - id: contact
  - id: location
```

## Use instead
```yaml
purposes:
  - id: newsletter
    data: [contact]
  - id: route-planning
    data: [location]
data_categories:
  - id: contact
  - id: location
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL903",
    name="unused-definition",
    severity="info",
    article="-",
    summary="A data category or recipient is declared but no purpose or transfer refers to it",
    reads=("data_categories[].id", "recipients[].id", "purposes[].data", "purposes[].recipients", "transfers[].recipients"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    used_data = {data_id for purpose in manifest.purposes for data_id in purpose.data}
    used_recipients = {r for purpose in manifest.purposes for r in purpose.recipients}
    used_recipients |= {r for transfer in manifest.transfers for r in transfer.recipients}
    if used_data:
        for index, category in enumerate(manifest.data_categories):
            if category.id not in used_data:
                yield Problem(
                    ("data_categories", index),
                    f"data category {category.id!r} is declared but no purpose refers to it",
                    hint="add its id to the data of each purpose that uses it, or remove it if the statement does not name it",
                )
    if used_recipients:
        for index, recipient in enumerate(manifest.recipients):
            if recipient.id not in used_recipients:
                yield Problem(
                    ("recipients", index),
                    f"recipient {recipient.id!r} is declared but no purpose or transfer refers to it",
                    hint="add its id to the recipients of each purpose or transfer that shares data with it, "
                    "or remove it if the statement does not name it",
                )
