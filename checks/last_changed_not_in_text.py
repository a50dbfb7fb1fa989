"""
## What it does
Reports a `statement.last_changed` date that the published statement (`statement.text`)
does not print. The date is looked for as Dutch and English statements write it: "1 juni
2023", "June 1, 2023", "1st June 2023", "01-06-2023", "2023-06-01"; a month-only date
(`2025-10`) as "oktober 2025" or "October 2025".

## Why it matters
The date tells readers which version they are reading and whether it changed since they
last looked (WP260, on changes to the information). The manifest's date is what
`stale-last-changed` and `unbumped-last-changed` judge; when the published text shows
another date, or none, those rules judge a date nobody sees.

## Example
The published statement says "Laatst gewijzigd: 1 juni 2023":

```text
statement:
  text: privacy.md
  last_changed: 2024-03-01
```

## Use instead
```text
statement:
  text: privacy.md
  last_changed: 2023-06-01
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.drift import date_phrases, published_texts

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL803",
    name="last-changed-not-in-text",
    severity="warning",
    article="Art. 12(1) (WP260)",
    summary="The published statement does not print the last-changed date",
    reads=("statement.text", "statement.last_changed"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    date = manifest.statement.last_changed
    if date is None:
        return
    phrases = date_phrases(date)
    for text in published_texts(manifest, context):
        if not text.words.any_of(phrases):
            yield Problem(
                ("statement", "last_changed"),
                f"last changed {date} does not appear in {text.name}",
                hint="print the date of the last change in the published statement, or record the date it prints",
            )
