"""
## What it does
Reports a retention longer than the ceiling (option `retention-ceiling`, an ISO 8601
duration, default `P10Y`) where no law is named in `statutory_source`: a `period`, a
`maximum` or a `minimum` longer than the ceiling, or an `until` date further away than the
ceiling from `--today`, wherever it stands (the statement, a purpose, a data category, or
one of their storage `places`). Periods are compared on the calendar from `--today`, so
`P120M` is not longer than `P10Y`.

## Why it matters
Storage limitation (Art. 5(1)(e)) requires keeping data no longer than necessary. Few
purposes need more than ten years; where one does, it is usually because a law says so
(for example 10 years for Dutch records on immovable property), and the statement should
name that law. A very long period with no reason given is most often a policy nobody
revisited.

## Example
```yaml
purposes:
  - id: research
    retention:
      period: P20Y
```

## Use instead
```yaml
purposes:
  - id: research
    retention:
      period: P2Y
      after: the end of the research project
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Option, Problem, RuleInfo
from privlint.rules.retention import is_longer
from privlint.rules.retention_model import stated_retentions

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL204",
    name="excessive-retention",
    severity="warning",
    article="Art. 5(1)(e) (policy)",
    summary="A retention period is longer than the ceiling and no law is named that requires it",
    reads=("retention.period", "retention.maximum", "retention.statutory_source", "purposes[].retention.period", "purposes[].retention.statutory_source", "data_categories[].retention.period", "data_categories[].retention.statutory_source"),
    options={
        "retention-ceiling": Option("duration", "P10Y", "the longest retention period accepted without a statutory_source"),
    },
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    ceiling = context.option("retention-ceiling")
    for stated in stated_retentions(manifest):
        retention = stated.retention
        if retention.statutory_source is not None:
            continue
        for field in ("period", "maximum", "minimum"):
            duration = getattr(retention, field)
            if duration is None or not is_longer(duration, ceiling, context.today):
                continue
            kind = "at least " if field == "minimum" else ""
            yield Problem(
                (*stated.path, field),
                f"retention for {stated.owner} is {kind}{duration}, longer than the ceiling {ceiling}, "
                "and no law is named that requires it",
                hint=HINT,
            )
        if retention.until is not None and retention.until.earliest > ceiling.after(context.today):
            yield Problem(
                (*stated.path, "until"),
                f"retention for {stated.owner} runs until {retention.until}, further away than the ceiling {ceiling} "
                "from today, and no law is named that requires it",
                hint=HINT,
            )


HINT = (
    "shorten the period, or name the law that requires it in statutory_source "
    "(the ceiling is the retention-ceiling option)"
)
