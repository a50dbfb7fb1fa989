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

CODE = "PL505"
NAME = "missing-requirement-notice"
SEVERITY = "info"
ARTICLE = "Art. 13(2)(e)"
SUMMARY = "The statement does not say which data are required and what happens without them"

from privlint.rules import Problem  # noqa: E402


def check(manifest, context):
    if manifest.statement.requirement_notice is None:
        yield Problem(
            "/statement",
            "the statement does not say which data are required by law or contract, and what happens if they are not given",
            hint="say which data people must provide and why, and the consequences of not providing them; "
            "record it as statement.requirement_notice",
        )
