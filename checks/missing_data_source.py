"""
## What it does
Reports a data category obtained from someone other than the person
(`from_others: true`) for which the statement does not say where the data come from
(`source`).

## Why it matters
Art. 14(2)(f) requires, for data not obtained from the person, the source they
originate from and whether it is publicly accessible. People cannot correct a wrong
credit registration or object to a data broker they have never heard of.

## Example
```yaml
data_categories:
  - id: creditworthiness
    name: Creditworthiness
    from_others: true
```

## Use instead
```yaml
data_categories:
  - id: creditworthiness
    name: Creditworthiness
    from_others: true
    source: Bureau Krediet Registratie (BKR) in Tiel
    publicly_accessible: false
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL507",
    name="missing-data-source",
    severity="error",
    article="Art. 14(2)(f)",
    summary="Data obtained from others come from an unnamed source",
    reads=("data_categories[].from_others", "data_categories[].source"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, category in enumerate(manifest.data_categories):
        if category.from_others and category.source is None:
            yield Problem(
                ("data_categories", index),
                f"data category {category.id!r} is obtained from others, but the statement does not say from which source",
                hint="name the source of the data and whether it is publicly accessible; record it as source",
            )
