"""
## What it does
Compares the manifest with its version in git `HEAD` (or the commit given with
`--diff-base REF`) and reports a manifest whose content changed while
`statement.last_changed` stayed the same. Content is compared as data, after parsing:
formatting, comments, quoting and key order do not count. Outside a git repository, for
a file that is new, or when the earlier version is not a valid manifest, the check is
silent. In a pre-commit hook this compares what is about to be committed with `HEAD`.

A date that already is today (or, written as a month, the current month) is never
reported: a second edit on the same day, or `git commit --amend`, changes the content
again without a new date to record.

`privlint --fix` moves the date to today (`--today`), keeping its precision: a month
(`2025-10`) becomes the current month, a day today's date.

## Why it matters
A statement that changed must say so: people who read it before look at the date to see
whether anything is new (Art. 12(1); the transparency guidelines, WP260, expect changes
to be made visible). A manifest edited without moving the date usually means the
published statement was changed without updating its date, or that the date in the
manifest no longer matches the statement.

## Example
A change since `HEAD`, with the date left as it was:
```diff
 privlint: 1
 statement:
   last_changed: 2025-10
 purposes:
   - id: customer-service
     legal_bases: [contract]
+  - id: newsletter
+    legal_bases: [consent]
```

## Use instead
The same change, with the date the statement changed:
```diff
 privlint: 1
 statement:
-  last_changed: 2025-10
+  last_changed: 2026-11-23
 purposes:
   - id: customer-service
     legal_bases: [contract]
+  - id: newsletter
+    legal_bases: [consent]
```
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Edit, Fix, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest
    from privlint.model.types import PartialDate

RULE = RuleInfo(
    code="PL305",
    name="unbumped-last-changed",
    severity="warning",
    article="Art. 12(1) (WP260)",
    summary="The manifest changed but its last-changed date did not",
    reads=("statement.last_changed", "the whole manifest, compared with its previous version in git"),
    fixable=True,
)


_IGNORED = {"statement": {"last_changed"}}


def already_current(last_changed: PartialDate, today: dt.date) -> bool:
    """Whether the date already says today: the day itself, or this month for a month-precision date."""
    if last_changed.day is None:
        return (last_changed.year, last_changed.month) == (today.year, today.month)
    return last_changed.earliest == today


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    last_changed = manifest.statement.last_changed
    if last_changed is None or already_current(last_changed, context.today):
        return
    previous_data = context.previous_version()
    if not isinstance(previous_data, dict):
        return
    if manifest.model_dump(mode="json", exclude_unset=True) == previous_data:
        return  # unchanged: the common case, without validating the previous version
    try:
        previous = type(manifest).model_validate(previous_data)
    except ValueError:  # (pydantic's ValidationError): the version in git is no valid manifest
        return
    if previous.statement.last_changed != last_changed:
        return
    now = manifest.model_dump(mode="json", exclude=_IGNORED, exclude_defaults=True)  # (a default left out: the same on both sides)
    before = previous.model_dump(mode="json", exclude=_IGNORED, exclude_defaults=True)
    changed = [key for key in type(manifest).model_fields if now.get(key) != before.get(key)]
    if not changed:
        return
    today = f"{context.today:%Y-%m}" if last_changed.day is None else context.today.isoformat()
    yield Problem(
        ("statement", "last_changed"),
        f"the manifest changed since the version in git ({', '.join(changed)}) but last changed is still {last_changed}",
        hint="record the date the statement changed in statement.last_changed, as the statement itself prints it"
        " (privlint --fix sets it to today)",
        fix=Fix(f"last_changed {last_changed} -> {today}", (Edit(("statement", "last_changed"), today),)),
    )
