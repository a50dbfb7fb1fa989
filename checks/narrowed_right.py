"""
## What it does
Reports each right the statement states narrower than the law gives it, as recorded under
`rights.narrowed` with the statement's words: erasure offered only for "outdated data",
objection only against direct marketing where processing also rests on legitimate
interests, restriction "unless our interests weigh heavier" (a test Art. 18 does not have),
objection to direct marketing subject to a balancing test (Art. 21(3) makes it absolute).
A right the law does not give for this statement's processing (portability where nothing
rests on consent or contract, objection where nothing rests on a public task or legitimate
interests and nothing is direct marketing) is not reported: narrowing it takes nothing away.

## Why it matters
Art. 12(1) and 13(2)(b) require correct information about the rights of Art. 15-22. A
statement that tells people a right is smaller than it is keeps them from using the rest
of it: someone told that only outdated data are erased will not ask for the rest to go.
The law's own conditions ("in certain cases", "under the conditions of Art. 17") are not a
narrowing: record such a right under `offered`.

## Example
```yaml
rights:
  offered: [access, rectification, objection, portability]
  narrowed:
    erasure: "On request we erase data that are outdated."
    restriction: "You can ask us to restrict processing, unless our legitimate interests weigh heavier."
```

## Use instead
```yaml
rights:
  offered: [access, rectification, erasure, restriction, objection, portability]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.quotes import quote
from privlint.rules.rights import RIGHTS, name, why_owed

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL414",
    name="narrowed-right",
    severity="warning",
    article="Art. 12(1), 13(2)(b), 14(2)(c), 15-22",
    summary="A data-subject right is stated narrower than the law gives it",
    reads=("rights.narrowed", "purposes[].legal_bases", "purposes[].direct_marketing", "general_legal_bases"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is None or manifest.rights.narrowed is None:
        return
    for right, text in manifest.rights.narrowed.items():
        if why_owed(manifest, right) is None:
            continue
        yield Problem(
            ("rights", "narrowed", right.value),
            f"the statement narrows {name(right)}: {quote(text)}",
            hint=f"state {RIGHTS[right][0]} as {RIGHTS[right][1]} gives it, without limits of the statement's own; "
            f"then record {right.value} under rights.offered",
        )
