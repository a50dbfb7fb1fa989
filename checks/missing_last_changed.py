"""
## What it does
Reports a statement that does not say when it last changed.

## Why it matters
A reader cannot tell whether the statement describes what happens today, and cannot
see that it changed since they last read it. The GDPR sets no rule for the date itself,
but the transparency guidelines (WP260) expect changes to be made visible, and
`stale-last-changed` and `future-last-changed` can only judge a date that is there.

## Example
```yaml
statement:
  title: Privacy statement
```

## Use instead
```yaml
statement:
  title: Privacy statement
  last_changed: 2026-03-01
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo, nearest

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL301",
    name="missing-last-changed",
    severity="warning",
    article="Art. 12(1) (WP260)",
    summary="The statement does not say when it last changed",
    reads=("statement.last_changed",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.statement.last_changed is None:
        yield Problem(
            nearest(manifest, "statement"),
            "the statement does not say when it last changed",
            hint="print the date of the last change in the statement and record it as statement.last_changed",
        )
