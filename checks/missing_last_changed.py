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

CODE = "PL301"
NAME = "missing-last-changed"
SEVERITY = "warning"
ARTICLE = "Art. 12(1) (WP260)"
SUMMARY = "The statement does not say when it last changed"

from privlint.rules import Problem  # noqa: E402


def check(manifest, context):
    if manifest.statement.last_changed is None:
        yield Problem(
            "/statement",
            "the statement does not say when it last changed",
            hint="print the date of the last change in the statement and record it as statement.last_changed",
        )
