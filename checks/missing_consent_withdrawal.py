"""
## What it does
Reports a statement that relies on consent but does not tell people they can withdraw
it: some purpose has `consent` among its legal bases, or some data category has the
Art. 9(2)(a) condition `explicit_consent`, and `withdraw_consent` is not in
`rights.offered`. The message names the purposes and data categories that rely on
consent.

## Why it matters
Art. 13(2)(c) and 14(2)(d) require, where processing rests on consent (Art. 6(1)(a) or
9(2)(a)), telling people they can withdraw it at any time, without affecting the
lawfulness of what came before. Art. 7(3) adds that withdrawing must be as easy as
giving consent: people who are not told they can withdraw are not really free to.

## Example
```yaml
purposes:
  - id: newsletter
    legal_bases: [consent]
rights:
  offered: [access, erasure, objection]
```

## Use instead
```yaml
purposes:
  - id: newsletter
    legal_bases: [consent]
rights:
  offered: [access, erasure, objection, withdraw_consent]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.checks.missing_right import offered_pointer
from privlint.model.vocabulary import LegalBasis, Right, SpecialCondition
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL412",
    name="missing-consent-withdrawal",
    severity="error",
    article="Art. 13(2)(c), 14(2)(d), 7(3)",
    summary="Processing relies on consent but the right to withdraw it is not mentioned",
    reads=("purposes[].legal_bases", "data_categories[].condition", "rights.offered"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is not None and Right.withdraw_consent in manifest.rights.offered:
        return
    reliant = [
        f"purpose {purpose.label}" for purpose in manifest.purposes if LegalBasis.consent in purpose.legal_bases
    ] + [
        f"data category {category.id!r} (explicit consent)"
        for category in manifest.data_categories
        if category.condition is SpecialCondition.explicit_consent
    ]
    if not reliant:
        return
    yield Problem(
        offered_pointer(manifest),
        f"the statement does not mention the right to withdraw consent, though {', '.join(reliant)} "
        f"{'relies' if len(reliant) == 1 else 'rely'} on consent",
        hint="tell people they can withdraw their consent at any time and how, and add withdraw_consent to rights.offered",
    )
