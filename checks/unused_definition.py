"""
## What it does
Reports a data category that no purpose refers to (in `data`), and a recipient that no
purpose or transfer refers to (in `recipients`). A manifest that links no purpose to any
data category at all is taken not to use such links, and its data categories are not
reported; likewise for recipients. A recipient the statement names for its processing as
a whole (`all_purposes: true`), or one that receives data only on a condition
(`disclosure`, such as the police on request), belongs to no particular purpose and is
not reported.

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
    reads=("purposes[].data", "purposes[].recipients", "transfers[].recipients", "recipients[].all_purposes", "recipients[].disclosure"),
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
            if recipient.id not in used_recipients and not recipient.all_purposes and recipient.disclosure is None:
                yield Problem(
                    ("recipients", index),
                    f"recipient {recipient.id!r} is declared but no purpose or transfer refers to it",
                    hint="add its id to the recipients of each purpose or transfer that shares data with it; "
                    "all_purposes: true where the statement names it for all its processing, disclosure where only on a condition",
                )
