"""
## What it does
Reports a purpose for which the statement gives neither a retention period nor the
criteria used to set one. A purpose counts as covered when it has its own retention,
when every data category it uses has one, or when the statement has a statement-wide
rule (a default period, criteria, or a maximum such as "never longer than 7 years").
An event or a law alone (`after`, `statutory_source`) is not a period, and a
statement-wide "as long as necessary" is no rule: it covers nothing (and
`vague-retention` reports it where it stands). A statement that says the controller
stores nothing itself (`none.storage`, or `none.storage` on the purpose: "we store nothing;
the booking service does") needs no retention for it. A purpose whose own retention says only
"as long as necessary", or has no end, is left to `vague-retention` and `unbounded-retention`:
one finding for one fact.

## Why it matters
Art. 13(2)(a) requires the period for which the data will be stored or, if that is not
possible, the criteria used to determine it. Without it a person cannot tell when their
data will be gone.

## Example
```yaml
purposes:
  - id: customer-service
    legal_bases: [contract]
    data: [contact]
```

## Use instead
```yaml
purposes:
  - id: customer-service
    legal_bases: [contract]
    data: [contact]
    retention:
      period: P2Y
      after: the question is answered
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.retention import (
    covers,
    is_unbounded_retention,
    is_vague_retention,
    relies_on_statement_retention,
    uncovered_data,
)

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL201",
    name="missing-retention",
    severity="error",
    article="Art. 13(2)(a)",
    summary="A purpose has no retention period or criteria",
    reads=("purposes[].retention", "purposes[].data", "data_categories[].retention", "retention"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if covers(manifest.retention) or (manifest.none is not None and manifest.none.storage is not None):
        return
    # data categories with a retention of their own that says only "as long as necessary" or has no end: the rules for
    # those report it where it stands, so a purpose using them is not reported again for them
    stated_elsewhere = {c.id for c in manifest.data_categories
                        if is_vague_retention(c.retention) or is_unbounded_retention(c.retention)}
    for index, purpose in enumerate(manifest.purposes):
        if not relies_on_statement_retention(manifest, purpose) or (purpose.none is not None and purpose.none.storage is not None):
            continue
        if purpose.data and all(data_id in stated_elsewhere for data_id in uncovered_data(manifest, purpose) or []):
            continue
        if is_vague_retention(purpose.retention) or is_unbounded_retention(purpose.retention, manifest.bases_of(purpose)):
            continue  # its own retention is stated: vague-retention or unbounded-retention reports what is wrong with it
        uncovered = [data_id for data_id in uncovered_data(manifest, purpose) or [] if data_id not in stated_elsewhere]
        if uncovered and len(uncovered) < len(purpose.data):
            message = (
                f"purpose {purpose.label} gives no retention period or criteria for its data "
                f"{', '.join(map(repr, uncovered))} (only for some of its other data)"
            )
        else:
            message = f"purpose {purpose.label} has no retention period or criteria"
        yield Problem(
            ("purposes", index),
            message,
            hint="state how long the data are kept (retention: {period: P2Y, after: ...}) or the criteria that set it",
        )
