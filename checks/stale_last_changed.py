"""
## What it does
Reports a "last changed" date older than the maximum age (option `max-age`, an ISO 8601
duration, default `P12M`), counted back from `--today`. A date printed only to the
month (`2025-10`) is judged by the last day of that month, the most favourable reading:
`2025-10` is stale from 2026-11-01 with the default maximum age.

## Why it matters
Processing changes: new suppliers, new purposes, new tools. A statement nobody has
looked at for years rarely still describes what happens. The GDPR sets no maximum age;
a yearly review is a common policy, and this check holds a statement to it.

## Example
```yaml
statement:
  last_changed: 2018-11-26
```

## Use instead
Review the statement, update what changed, and record the new date:
```yaml
statement:
  last_changed: 2026-09-15
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Option, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL302",
    name="stale-last-changed",
    severity="warning",
    article="Art. 12(1), 24(1) (policy)",
    summary="The statement's last-changed date is older than the maximum age",
    reads=("statement.last_changed",),
    options={
        "max-age": Option("duration", "P12M", "how long after its last change a statement counts as stale"),
    },
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    last_changed = manifest.statement.last_changed
    if last_changed is None:
        return
    max_age = context.option("max-age")
    if max_age.after(last_changed.latest) >= context.today:
        return
    months = (context.today.year - last_changed.latest.year) * 12 + context.today.month - last_changed.latest.month
    years, months = divmod(months, 12)
    age = " ".join(
        f"{count} {unit}{'s' if count != 1 else ''}" for count, unit in ((years, "year"), (months, "month")) if count
    )
    yield Problem(
        ("statement", "last_changed"),
        f"last changed {last_changed} is about {age} before {context.today}, older than the maximum age {max_age}",
        hint="review the statement and record the date of its last change",
    )
