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

CODE = "PL507"
NAME = "missing-data-source"
SEVERITY = "error"
ARTICLE = "Art. 14(2)(f)"
SUMMARY = "Data obtained from others come from an unnamed source"

from privlint.rules import Problem  # noqa: E402


def check(manifest, context):
    for index, category in enumerate(manifest.data_categories):
        if category.from_others and category.source is None:
            yield Problem(
                f"/data_categories/{index}",
                f"data category {category.id!r} is obtained from others, but the statement does not say from which source",
                hint="name the source of the data and whether it is publicly accessible; record it as source",
            )
