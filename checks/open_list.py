"""
## What it does
Reports each list the statement declares open: recipients introduced with "o.a. de volgende
derden", "waaronder bijvoorbeeld" or "including but not limited to"; purposes introduced as
"de belangrijkste verwerkingen"; data introduced with "onder andere". The qualifier stands
before the whole list, so no single entry carries it; `open_lists` records it with the
statement's words (`purposes`, `data_categories`, `recipients`), and the entries stay as the
statement gives them. One finding per open list.

## Why it matters
Art. 13(1)(c) and (e) and 14(1)(d) require the purposes, the (categories of) recipients and,
for data obtained elsewhere, the categories of data; Art. 12(1) and the WP260 guidelines ask
for information that is complete and definite, and name "onder andere" and "bijvoorbeeld"
before a list as poor practice. A list the statement itself calls incomplete tells
the reader that some purposes, recipients or data exist that they are not told about, so
they cannot judge what happens to their data.

## Example
```yaml
recipients:
  - id: contractors
    name: Aannemers
    all_purposes: true
  - id: call-centres
    name: Callcenters
    all_purposes: true
open_lists:
  recipients: "OPTIMORE schakelt bij de uitvoering van haar dienstverlening en andere bedrijfsactiviteiten o.a. de volgende derden in:"
```

## Use instead
```yaml
recipients:
  - id: contractors
    name: Aannemers
    all_purposes: true
  - id: call-centres
    name: Callcenters
    all_purposes: true
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.quotes import quote

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL510",
    name="open-list",
    severity="warning",
    article="Art. 13(1)(c), 13(1)(e), 14(1)(d)-(e) (WP260)",
    summary="The statement declares its list of purposes, data or recipients incomplete",
    reads=("open_lists",),
)

#: What each open list leaves out, and the article that asks for all of it.
LISTS = {
    "purposes": ("purposes", "every purpose (Art. 13(1)(c))"),
    "data_categories": ("data", "all the data it processes (for data obtained from others, every category: Art. 14(1)(d))"),
    "recipients": ("recipients", "every recipient or category of recipients (Art. 13(1)(e))"),
}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.open_lists is None:
        return
    for key, text in manifest.open_lists.items():
        what, asked = LISTS[key]
        yield Problem(
            ("open_lists", key),
            f"the statement declares its list of {what} open: {quote(text)}",
            hint=f"name {asked} without 'o.a.', 'onder andere' or 'bijvoorbeeld', then leave open_lists.{key} out",
        )
