"""
## What it does
Reports each data-subject right of Art. 15-21 that the statement does not mention, where
the law gives it for the processing the statement describes:

- access, rectification, erasure and restriction: always;
- data portability: where some processing rests on consent or contract;
- objection: where some processing rests on a public task or legitimate interests;
- objection to direct marketing (`objection_to_direct_marketing`): where a purpose is
  direct marketing (`direct_marketing: true`), whatever its basis; Art. 21(4) asks for it
  to be stated explicitly and apart from other information.

A statement that names no legal basis gives no ground to leave portability or objection out,
so they are asked for. A right the statement narrows, gives only by a link, or declares not
applicable counts as mentioned; `narrowed-right`, `link-only-right` and
`unfounded-right-exclusion` judge those. Withdrawing consent and complaining have their own
rules (`missing-consent-withdrawal`, `missing-complaint-right`). Each missing right is one
finding.

## Why it matters
Art. 13(2)(b) and 14(2)(c) require the statement to tell people about these rights. A
right the reader does not know about is a right they will not use. Portability applies only
to processing on consent or contract (Art. 20(1)), and objection only to processing on a
public task or legitimate interests (Art. 21(1)), so a statement whose processing rests on a
legal obligation need not offer them; but objection to direct marketing applies always, and
must be brought to the person's attention on its own (Art. 21(2)-(4)).

## Example
```yaml
purposes:
  - id: newsletter
    legal_bases: [legitimate_interests]
    legitimate_interest: Keeping customers informed of products like the ones they bought
    direct_marketing: true
rights:
  offered: [access, rectification, erasure]
```

## Use instead
```yaml
purposes:
  - id: newsletter
    legal_bases: [legitimate_interests]
    legitimate_interest: Keeping customers informed of products like the ones they bought
    direct_marketing: true
rights:
  offered: [access, rectification, erasure, restriction, objection, objection_to_direct_marketing]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import Right
from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo, nearest
from privlint.rules.rights import name, why_owed, words

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL411",
    name="missing-right",
    severity="error",
    article="Art. 13(2)(b), 14(2)(c), 15-18, 20, 21",
    summary="A data-subject right of Art. 15-21 that applies is not mentioned",
    reads=("rights", "purposes[].legal_bases", "purposes[].direct_marketing", "general_legal_bases"),
)

#: The rights this rule asks for, in the order findings are reported.
REQUIRED_RIGHTS = (
    Right.access,
    Right.rectification,
    Right.erasure,
    Right.restriction,
    Right.objection,
    Right.objection_to_direct_marketing,
    Right.portability,
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for right in REQUIRED_RIGHTS:
        if manifest.rights is not None and manifest.rights.mentions(right):
            continue
        reason = why_owed(manifest, right)
        if reason is None:
            continue
        if right is Right.objection_to_direct_marketing:
            yield Problem(
                offered_pointer(manifest),
                f"the statement does not tell people that they can object to direct marketing at any time "
                f"(Art. 21(2)-(4)), though {reason}",
                hint="say so explicitly and apart from other information, and add objection_to_direct_marketing "
                "to rights.offered",
            )
            continue
        yield Problem(
            offered_pointer(manifest),
            f"the statement does not mention {name(right)}" + (f", which applies because {reason}" if reason else ""),
            hint=f"tell people they have {words(right)} and how to use it, and add {right.value} to rights.offered",
        )


def offered_pointer(manifest: Manifest) -> NodePath:
    """Where a right missing from rights.offered is reported: the list, else its parent."""
    return nearest(manifest, "rights", "offered")
