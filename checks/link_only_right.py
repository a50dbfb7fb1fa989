"""
## What it does
Reports each right the statement gives only by a link to another site ("your rights are
described on the website of the Autoriteit Persoonsgegevens"), as recorded under
`rights.link_only` with the statement's words. A right the law does not give for this
statement's processing is not reported.

## Why it matters
Art. 13(2)(b)-(d) require the statement itself to tell people their rights; WP260 allows
layering, but the first layer must still say which rights exist and how to use them. A link
to an authority's general page tells the reader neither what this controller does with a
request nor where to send it.

## Example
```yaml
rights:
  offered: [access, rectification, erasure, restriction, objection, portability]
  link_only:
    complaint: "Meer over uw rechten leest u op www.autoriteitpersoonsgegevens.nl."
```

## Use instead
```yaml
rights:
  offered: [access, rectification, erasure, restriction, objection, portability, complaint]
supervisory_authority:
  name: Autoriteit Persoonsgegevens
  url: https://autoriteitpersoonsgegevens.nl
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
    code="PL415",
    name="link-only-right",
    severity="error",
    article="Art. 13(2)(b)-(d), 14(2)(c)-(e)",
    summary="A data-subject right is given only by a link to another site",
    reads=("rights.link_only", "purposes[].legal_bases", "purposes[].direct_marketing", "general_legal_bases"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is None or manifest.rights.link_only is None:
        return
    for right, text in manifest.rights.link_only.items():
        if why_owed(manifest, right) is None:
            continue
        yield Problem(
            ("rights", "link_only", right.value),
            f"the statement gives {name(right)} only by a link to another site: {quote(text)}",
            hint=f"say in the statement itself that people have {RIGHTS[right][0]} and how to use it (a link may add "
            f"detail); then record {right.value} under rights.offered",
        )
