"""
## What it does
Reports a retention (statement-wide, for a purpose or for a data category) that says
only "as long as necessary" or the like ("no longer than necessary", "zolang als nodig",
"niet langer dan strikt noodzakelijk") and gives no period, no maximum, no law, no unit
of time and no event the period ends with.

## Why it matters
Art. 13(2)(a) and 14(2)(a) require the retention period or the criteria used to set it.
The transparency guidelines (WP260) say that "as long as necessary" is neither: it only
repeats the storage-limitation principle of Art. 5(1)(e). A person must be able to work
out from the criteria how long *their* data will be kept.

## Example
```yaml
purposes:
  - id: newsletter
    retention:
      criteria: "We bewaren uw gegevens niet langer dan strikt nodig."
```

## Use instead
```yaml
purposes:
  - id: newsletter
    retention:
      period: P1M
      after: you unsubscribe
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.retention import (
    relies_on_statement_retention,
    stated_retentions,
    vague_phrase,
)

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL202",
    name="vague-retention",
    severity="warning",
    article="Art. 13(2)(a), 14(2)(a) (WP260)",
    summary="Retention is only 'as long as necessary', with no period or criteria a person can apply",
    reads=("retention.criteria", "retention.period", "retention.maximum", "retention.statutory_source", "purposes[].retention", "data_categories[].retention"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for stated in stated_retentions(manifest):
        phrase = vague_phrase(stated.retention)
        if phrase is None:
            continue
        if stated.path == ("retention",) and manifest.purposes and not any(
            relies_on_statement_retention(manifest, purpose) for purpose in manifest.purposes
        ):
            continue  # every purpose says for itself how long: the general words leave nobody guessing
        yield Problem(
            (*stated.path, statement_words(stated.retention, "criteria")[0]),
            f"retention for {stated.owner} is only {phrase!r}, with no period and no criteria a person can apply",
            hint="give a period and the event it runs from (period: P2Y, after: end of the contract), "
            "or criteria from which a person can work out the period",
        )
