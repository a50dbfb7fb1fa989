"""
## What it does
Reports a statement that does not tell people they can lodge a complaint with a
supervisory authority: `complaint` is not in `rights.offered` (a complaint right given
only by a link, narrowed or declared not applicable counts as mentioned: other rules
judge it). Whether the authority is
named, and whether it is the right one, is for `missing-supervisory-authority` and its
sibling rules.

## Why it matters
Art. 13(2)(d) and 14(2)(e) require telling people of their right to complain to a
supervisory authority (Art. 77). A reader who gets no answer from the company, or an
answer they disagree with, needs to know there is an independent body to turn to.

## Example
```yaml
rights:
  offered: [access, rectification, erasure]
```

## Use instead
```yaml
rights:
  offered: [access, rectification, erasure, complaint]
supervisory_authority:
  name: Autoriteit Persoonsgegevens
  url: https://autoriteitpersoonsgegevens.nl
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.checks.missing_right import offered_pointer
from privlint.model.vocabulary import Right
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL404",
    name="missing-complaint-right",
    severity="error",
    article="Art. 13(2)(d), 14(2)(e), 77",
    summary="The right to complain to a supervisory authority is not mentioned",
    reads=("rights",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is not None and manifest.rights.mentions(Right.complaint):
        return
    yield Problem(
        offered_pointer(manifest),
        "the statement does not mention the right to lodge a complaint with a supervisory authority (Art. 77)",
        hint="tell people they can complain to the supervisory authority, name it, and add complaint to rights.offered",
    )
