"""
## What it does
Reports each data-subject right of Art. 15-21 that the statement does not mention:
access, rectification, erasure, restriction, objection and data portability. Each
missing right is one finding. Withdrawing consent and complaining to the supervisory
authority have their own rules (`missing-consent-withdrawal`, `missing-complaint-right`).

## Why it matters
Art. 13(2)(b) and 14(2)(c) require the statement to tell people about these rights. A
right the reader does not know about is a right they will not use. Some rights apply
only under conditions (portability for consent and contract, objection for public task
and legitimate interests, and always for direct marketing), but the statement must still
say they exist and when.

## Example
```yaml
rights:
  offered: [access, rectification, erasure]
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

from privlint.model.vocabulary import Right
from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo, nearest

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL411",
    name="missing-right",
    severity="error",
    article="Art. 13(2)(b), 14(2)(c), 15-18, 20, 21",
    summary="A data-subject right of Art. 15-21 is not mentioned",
    reads=("rights.offered",),
)


#: The rights of Art. 13(2)(b), how findings name them, and their article.
REQUIRED_RIGHTS = {
    Right.access: ("the right of access", "Art. 15"),
    Right.rectification: ("the right to rectification", "Art. 16"),
    Right.erasure: ("the right to erasure", "Art. 17"),
    Right.restriction: ("the right to restriction of processing", "Art. 18"),
    Right.objection: ("the right to object", "Art. 21"),
    Right.portability: ("the right to data portability", "Art. 20"),
}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    offered = manifest.rights.offered if manifest.rights else []
    for right, (name, article) in REQUIRED_RIGHTS.items():
        if right not in offered:
            yield Problem(
                offered_pointer(manifest),
                f"the statement does not mention {name} ({article})",
                hint=f"tell people they have {name} and how to use it, and add {right.value} to rights.offered",
            )


def offered_pointer(manifest: Manifest) -> NodePath:
    """Where a right missing from rights.offered is reported: the list, else its parent."""
    return nearest(manifest, "rights", "offered")
