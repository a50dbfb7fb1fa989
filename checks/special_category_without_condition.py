"""
## What it does
Reports a data category marked as special (`special`, one of the Art. 9(1) categories
such as `health` or `biometric`) that names no Art. 9(2) `condition`, and a data
category marked `criminal: true` (criminal convictions and offences) that names no `law`
allowing it.

## Why it matters
Processing special categories of data is prohibited (Art. 9(1)) unless one of the
conditions of Art. 9(2) applies, such as explicit consent or the employment-law
exception; this comes on top of an Art. 6(1) legal basis. Data on criminal convictions
and offences may be processed only under official authority or where Union or national
law authorises it (Art. 10). A statement that does not say which condition or law it
relies on leaves the reader unable to judge whether the processing is allowed at all.

## Example
```yaml
data_categories:
  - id: medical
    name: Medical certificate
    special: health
  - id: conduct
    name: Certificate of conduct (VOG)
    criminal: true
```

## Use instead
```yaml
data_categories:
  - id: medical
    name: Medical certificate
    special: health
    condition: explicit_consent
  - id: conduct
    name: Certificate of conduct (VOG)
    criminal: true
    law: "UAVG, paragraaf 3.2 (art. 31-33)"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL601",
    name="special-category-without-condition",
    severity="error",
    article="Art. 9(1)-(2), 10",
    summary="Special-category data without an Art. 9(2) condition, or criminal data without a law",
    reads=("data_categories[].special", "data_categories[].criminal", "data_categories[].condition", "data_categories[].law"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, category in enumerate(manifest.data_categories):
        if category.special is not None and category.condition is None:
            yield Problem(
                ("data_categories", index),
                f"data category {category.id!r} is special-category data ({category.special.value}) "
                "but names no Art. 9(2) condition",
                hint="state the Art. 9(2) condition relied on and record it as condition "
                "(explicit_consent, employment_and_social_security, legal_claims, ...)",
            )
        if category.criminal and category.law is None:
            yield Problem(
                ("data_categories", index),
                f"data category {category.id!r} is data on criminal convictions or offences but names no law that allows it",
                hint="name the law that authorises processing it (Art. 10) and record it as law",
            )
