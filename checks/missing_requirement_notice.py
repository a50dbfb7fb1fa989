"""
## What it does
Reports a statement that does not say whether providing the personal data is required
by law or by a contract (or needed to enter into one), whether people are obliged to
provide it, and what happens if they do not (`statement.requirement_notice`).

## Why it matters
Art. 13(2)(e) requires this for data collected from the person. Someone filling in a
form should know which fields they may leave empty and what it costs them not to fill
in the others (no contract, no delivery, no answer). The rule is informational because
many statements cover it implicitly, and judging whether that is enough takes a reader.

## Example
```yaml
statement:
  title: Privacy statement
```

## Use instead
```yaml
statement:
  title: Privacy statement
  requirement_notice: "We need your name and address to deliver your order; without them we cannot accept it. Everything else is optional."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo, nearest

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL505",
    name="missing-requirement-notice",
    severity="info",
    article="Art. 13(2)(e)",
    summary="The statement does not say which data are required and what happens without them",
    reads=("statement.requirement_notice",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.statement.requirement_notice is None:
        yield Problem(
            nearest(manifest, "statement"),
            "the statement does not say which data are required by law or contract, and what happens if they are not given",
            hint="say which data people must provide and why, and the consequences of not providing them; "
            "record it as statement.requirement_notice",
        )
