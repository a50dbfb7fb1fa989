"""
## What it does
Reports a retention period (`retention.period` or `retention.maximum`, statement-wide,
for a purpose or for a data category) that the published statement (`statement.text`)
does not state. A period counts however Dutch and English write it: P7Y is "7 jaar",
"zeven jaar", "7 (zeven) jaar", "seven years" or "84 maanden"; P6M is also "een half
jaar"; PT24H is "24 uur" or "één dag"; P8Y is also "7 jaar + 1 jaar".

## Why it matters
Art. 13(2)(a) and 14(2)(a) require the period for which data are stored. The manifest's
periods are what `excessive-retention`, `inconsistent-retention` and `missing-retention`
judge; a period the published text does not state is a promise readers never see, and a
changed period in the text goes unchecked.

## Example
The published statement says "we keep invoices for ten years":

```text
purposes:
  - id: tax-records
    retention:
      period: P7Y
```

## Use instead
```text
purposes:
  - id: tax-records
    retention:
      period: P10Y
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.drift import published_texts, says_period
from privlint.rules.retention import stated_retentions

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL806",
    name="retention-not-in-text",
    severity="warning",
    article="Art. 13(2)(a), 14(2)(a)",
    summary="The published statement does not state a retention period",
    reads=("statement.text", "retention.period", "retention.maximum", "purposes[].retention.period",
           "data_categories[].retention.period"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    texts = published_texts(manifest, context)
    if not texts:
        return
    for stated in stated_retentions(manifest):
        periods = [("period", stated.retention.period), ("maximum", getattr(stated.retention, "maximum", None))]
        for field, period in periods:
            if period is None:
                continue
            for text in texts:
                if not says_period(text.words, period):
                    yield Problem(
                        (*stated.path, field),
                        f"the retention {field} {period} for {stated.owner} is not stated in {text.name}",
                        hint="state the period in the published statement (such as '7 jaar' or 'seven years'), "
                        "or record the period it states",
                    )
