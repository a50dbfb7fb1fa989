"""
## What it does
Reports a "last changed" date after `--today`. A month (`2026-12`) is judged by its
first day, the most favourable reading: it is in the future only once the whole month is.

## Why it matters
A statement cannot have changed on a day that has not come. A future date is usually a
typing error (2062 for 2026) or a change announced before it takes effect; either way
the reader is told something that is not true.

## Example
```yaml
statement:
  last_changed: 2062-03-01
```

## Use instead
```yaml
statement:
  last_changed: 2026-03-01
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL303",
    name="future-last-changed",
    severity="error",
    article="Art. 5(1)(a), 12(1)",
    summary="The statement's last-changed date is in the future",
    reads=("statement.last_changed",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    last_changed = manifest.statement.last_changed
    if last_changed is not None and last_changed.earliest > context.today:
        yield Problem(
            ("statement", "last_changed"),
            f"last changed {last_changed} is after today ({context.today})",
            hint="record the date the statement actually changed",
        )
