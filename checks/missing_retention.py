"""
## What it does
Reports a purpose for which the statement gives neither a retention period nor the
criteria used to set one. A purpose counts as covered when it has its own retention,
when every data category it uses has one, or when the statement has a statement-wide
rule (a default period, criteria, or a maximum such as "never longer than 7 years"; a
maximum that applies only to some people, `retention.maximum_applies_to`, covers the
purposes all of whose `data_subjects` it names).
An event or a law alone (`after`, `statutory_source`) is not a period, and a
statement-wide "as long as necessary" is no rule: it covers nothing (and
`vague-retention` reports it where it stands; where no purpose or data category gives a
retention of its own, that one finding is the whole fact and no purpose is reported). A statement that says the controller
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
    gives_own_retentions,
    is_unbounded_retention,
    is_vague_retention,
    relies_on_statement_retention,
    uncovered_data,
)
from privlint.rules.retention_model import statement_retention_for

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL201",
    name="missing-retention",
    severity="error",
    article="Art. 13(2)(a)",
    summary="A purpose has no retention period or criteria",
    reads=("purposes[].retention", "purposes[].data", "purposes[].data_subjects", "data_categories[].retention", "retention"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if covers(statement_retention_for(manifest, None)) or (manifest.none is not None and manifest.none.storage is not None):
        return
    if is_vague_retention(manifest.retention) and not gives_own_retentions(manifest):
        return  # the statement's only answer is "as long as necessary": vague-retention reports it, once
    # data categories with a retention of their own that says only "as long as necessary" or has no end: the rules for
    # those report it where it stands, so a purpose using them is not reported again for them
    stated_elsewhere = {c.id for c in manifest.data_categories
                        if is_vague_retention(c.retention) or is_unbounded_retention(c.retention)}
    for index, purpose in enumerate(manifest.purposes):
        if (
            not relies_on_statement_retention(manifest, purpose)
            or (purpose.none is not None and purpose.none.storage is not None)
            or covers(statement_retention_for(manifest, purpose))  # a maximum for this purpose's people
        ):
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
            message + _maximum_for_others(manifest),
            hint="state how long the data are kept (retention: {period: P2Y, after: ...}) or the criteria that set it",
        )


def _maximum_for_others(manifest: Manifest) -> str:
    """For a message: the statement's maximum that would have told how long, had it applied to these people."""
    statement = manifest.retention
    if statement is None or statement.maximum is None or not statement.maximum_applies_to:
        return ""
    return f" (the statement's maximum {statement.maximum} applies only to {', '.join(map(str, statement.maximum_applies_to))})"
