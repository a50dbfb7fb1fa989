"""
## What it does
Reports a retention that ends on a fixed date (`until`) which has passed on `--today`
(for a month such as `2027-01`, once the month is over), wherever it stands: the
statement, a purpose, a data category or one of their storage `places`.

## Why it matters
"We keep your data until 1 January 2027" is a promise that the data are gone after that
day (Art. 5(1)(e), 13(2)(a)). Once the day has passed, the statement either describes
processing that has ended or a retention that no longer holds: the information is no
longer accurate (Art. 5(1)(a), 12(1)). Either the data were deleted and the statement
should say what happens now, or they were not and the statement must give the real end.

## Example
```yaml
purposes:
  - id: campaign-2025
    retention:
      until: 2026-01-01
```

## Use instead
```yaml
purposes:
  - id: campaign-2025
    retention:
      period: P1Y
      after: the end of the campaign
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.retention_model import stated_retentions

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL211",
    name="expired-retention",
    severity="warning",
    article="Art. 5(1)(a), 5(1)(e), 13(2)(a)",
    summary="A retention ends on a date that has passed",
    reads=("retention.until", "purposes[].retention.until", "data_categories[].retention.until", "*.retention.places[].until"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for stated in stated_retentions(manifest):
        until = stated.retention.until
        if until is None or until.latest >= context.today:
            continue
        yield Problem(
            (*stated.path, "until"),
            f"retention for {stated.owner} ends on {until}, which has passed ({context.today}): the statement "
            "still promises an end that is over",
            hint="give the retention that holds now (a period, or a later date), or remove the processing from the "
            "statement if it has ended",
        )
