"""
## What it does
Reports a retention period of a purpose or a data category (or the statement-wide default
period) that is longer than the statement's own maximum (`retention.maximum`, "we never
keep data longer than 7 years"). Periods are compared on the calendar from `--today`.

## Why it matters
A statement that promises a maximum and then names a longer period tells the reader two
different things; at least one of them is not true. Information must be accurate and
intelligible (Art. 5(1)(a), 12(1)), and the reader cannot tell which retention
(Art. 13(2)(a)) actually applies.

## Example
```yaml
retention:
  maximum: P7Y
purposes:
  - id: invoicing
    retention:
      period: P10Y
```

## Use instead
```yaml
retention:
  maximum: P10Y
purposes:
  - id: invoicing
    retention:
      period: P10Y
      statutory_source: "AWR art. 52 (immovable property)"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.retention import is_longer, stated_retentions

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL205",
    name="inconsistent-retention",
    severity="error",
    article="Art. 5(1)(a), 12(1), 13(2)(a)",
    summary="A retention period is longer than the statement's own maximum",
    reads=("retention.maximum", "purposes[].retention.period", "data_categories[].retention.period"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    maximum = manifest.retention.maximum if manifest.retention else None
    if maximum is None:
        return
    for stated in stated_retentions(manifest):
        period = stated.retention.period
        if period is None or not is_longer(period, maximum, context.today):
            continue
        yield Problem(
            (*stated.path, "period"),
            f"retention for {stated.owner} is {period}, longer than the statement's own maximum {maximum}",
            hint="make the period and the statement-wide maximum (retention.maximum) agree; "
            "one of them is not what the statement means",
        )
