"""
## What it does
Reports two purposes, data categories, recipients or automated decisions with the same
`id`. The later one is reported, naming where the id was first used. Ids need only be
unique within their own list: a purpose and a data category may share one.

## Why it matters
Purposes refer to data categories and recipients by id, and findings name purposes by
id. With two entries behind one id a reference is ambiguous, and a finding about one of
them cannot be told from a finding about the other. Usually one entry was copied and
not renamed, or the same thing was entered twice.

## Example
```yaml
purposes:
  - id: marketing
    name: E-mail marketing
  - id: marketing
    name: Postal marketing
```

## Use instead
```yaml
purposes:
  - id: email-marketing
    name: E-mail marketing
  - id: postal-marketing
    name: Postal marketing
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL902",
    name="duplicate-id",
    severity="error",
    article="-",
    summary="Two entries of the same list share an id",
    reads=("purposes[].id", "data_categories[].id", "recipients[].id", "automated_decisions[].id"),
)


#: The lists whose entries have ids, and how a message names one entry.
ID_LISTS = {
    "purposes": "purpose",
    "data_categories": "data category",
    "recipients": "recipient",
    "automated_decisions": "automated decision",
    "services": "service",
    "cookies": "cookie",
}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for section, kind in ID_LISTS.items():
        entries = getattr(manifest, section)
        seen: set[str] = set()  # (the ids in a set first: a dict of 380,000 ids with their places took twice its memory)
        repeated: set[str] = set()
        for entry in entries:
            if entry.id in seen:
                repeated.add(entry.id)
            elif entry.id is not None:
                seen.add(entry.id)
        del seen
        first_at: dict[str, int] = {}
        for index, entry in enumerate(entries):
            if entry.id not in repeated:
                continue
            if entry.id not in first_at:
                first_at[entry.id] = index
                continue
            first = entries[first_at[entry.id]]
            named = f" ({first.name!r})" if getattr(first, "name", None) else ""
            yield Problem(
                (section, index, "id"),
                f"{kind} id {entry.id!r} is already used by {section}/{first_at[entry.id]}{named}",
                hint=f"give each {kind} its own id, or merge the two entries if they describe the same {kind}",
            )
