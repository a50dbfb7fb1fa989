"""
## What it does
Reports a purpose for which the statement gives neither a retention period nor the
criteria used to set one. A purpose counts as covered when it has its own retention,
when every data category it uses has one, or when the statement has a statement-wide
rule (a default period, criteria, or a maximum such as "never longer than 7 years").
An event or a law alone (`after`, `statutory_source`) is not a period.

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

CODE = "PL201"
NAME = "missing-retention"
SEVERITY = "error"
ARTICLE = "Art. 13(2)(a)"
SUMMARY = "A purpose has no retention period or criteria"

from privlint.rules import Problem  # noqa: E402


def check(manifest, context):
    if manifest.retention is not None and manifest.retention.is_stated:
        return
    category_retention = {
        category.id: category.retention is not None and category.retention.is_stated
        for category in manifest.data_categories
    }
    for index, purpose in enumerate(manifest.purposes):
        if purpose.retention is not None and purpose.retention.is_stated:
            continue
        if purpose.data and all(category_retention.get(data_id, False) for data_id in purpose.data):
            continue
        yield Problem(
            f"/purposes/{index}",
            f"purpose {purpose.label} has no retention period or criteria",
            hint="state how long the data are kept (retention: {period: P2Y, after: ...}) or the criteria that set it",
        )
