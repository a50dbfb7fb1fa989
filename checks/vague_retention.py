"""
## What it does
Reports a retention (statement-wide, for a purpose or for a data category) that says
only "as long as necessary" or the like ("no longer than necessary", "zolang als nodig",
"niet langer dan strikt noodzakelijk") and gives no period, no maximum, no law, no unit
of time and no event the period ends with. A statement-wide "as long as necessary" is
reported only where it is the statement's answer: where periods follow it, for some purposes
or data categories, it is a principle they make concrete, and a purpose left without one is
reported by `missing-retention` (one finding for one fact).

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
    gives_own_retentions,
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
        if stated.path == ("retention",) and gives_own_retentions(manifest):
            continue  # periods follow the general words; a purpose left without one is missing-retention's
        yield Problem(
            (*stated.path, statement_words(stated.retention, "criteria")[0]),
            f"retention for {stated.owner} is only {phrase!r}, with no period and no criteria a person can apply",
            hint="give a period and the event it runs from (period: P2Y, after: end of the contract), "
            "or criteria from which a person can work out the period",
        )
