"""
## What it does
Reports a retention that contradicts a bound the statement itself sets:
- a period, maximum or minimum of a purpose, a data category or a storage place (or the
  statement-wide default period or minimum) longer than the statement's own maximum
  (`retention.maximum`, "we never keep data longer than 7 years"); where the maximum applies
  only to some people (`retention.maximum_applies_to: [customers]`), only the retentions of
  purposes and data categories all of whose `data_subjects` it names, and the statement's own;
- a retention whose `minimum` is longer than its own `maximum` or `period` ("at least
  7 years" and "at most 5 years" for the same data).

Periods are compared on the calendar from `--today`.

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
from privlint.rules.retention import is_longer
from privlint.rules.retention_model import maximum_bounds, stated_retentions

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL205",
    name="inconsistent-retention",
    severity="error",
    article="Art. 5(1)(a), 12(1), 13(2)(a)",
    summary="A retention period is longer than the statement's own maximum, or shorter than its own minimum",
    reads=("retention.maximum", "retention.maximum_applies_to", "purposes[].data_subjects", "retention.minimum", "purposes[].retention.period", "purposes[].retention.minimum",
           "data_categories[].retention.period", "data_categories[].retention.minimum"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    cap = manifest.retention.maximum if manifest.retention else None
    for stated in stated_retentions(manifest):
        retention = stated.retention
        if cap is not None and maximum_bounds(manifest, stated):
            for field in ("period", "maximum", "minimum"):
                duration = getattr(retention, field)
                if field == "maximum" and retention is manifest.retention:
                    continue  # the statement's own maximum is the cap
                if duration is None or not is_longer(duration, cap, context.today):
                    continue
                kind = "at least " if field == "minimum" else ("at most " if field == "maximum" else "")
                yield Problem(
                    (*stated.path, field),
                    f"retention for {stated.owner} is {kind}{duration}, longer than the statement's own maximum {cap}",
                    hint="make the period and the statement-wide maximum (retention.maximum) agree; "
                    "one of them is not what the statement means",
                )
        minimum = retention.minimum
        for field in ("maximum", "period"):
            bound = getattr(retention, field)
            if minimum is None or bound is None or not is_longer(minimum, bound, context.today):
                continue
            yield Problem(
                (*stated.path, "minimum"),
                f"retention for {stated.owner} is at least {minimum} but {'at most ' if field == 'maximum' else ''}{bound}",
                hint="make the minimum and the maximum or period agree; one of them is not what the statement means",
            )
            break
