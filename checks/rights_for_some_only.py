"""
## What it does
Reports rights that the statement addresses to some of the people whose data it processes
only: "Als klant van OPTIMORE heeft u de volgende rechten" in a statement whose purposes also
process the data of landowners, website visitors or job applicants. The rights' audience is
`rights.addressed_to` (its groups named as `purposes[].data_subjects` name them); the people
processed are the groups of `purposes[].data_subjects` and of the statement's own scope
(`statement.addressed_to`). Groups are compared by their words, ignoring case and spacing.
One finding names every group left out.

## Why it matters
Art. 13(2)(b) and 14(2)(c) require telling every person whose data are processed about their
rights, and Art. 12(1) that the information is clear to them. Everyone has the rights of
Art. 15-22, not only customers: a visitor, an applicant refused after a credit check or a
landowner who reads that "our customers have the following rights" concludes that they have
none.

## Example
```yaml
purposes:
  - id: contract
    data_subjects: [klanten]
  - id: permission
    data_subjects: [grondeigenaren]
rights:
  addressed_to:
    groups: [klanten]
    text: "Als klant van OPTIMORE heeft u verschillende rechten met betrekking tot het gebruik van uw persoonsgegevens:"
  offered: [access, rectification, erasure, restriction, objection, complaint]
```

## Use instead
```yaml
purposes:
  - id: contract
    data_subjects: [klanten]
  - id: permission
    data_subjects: [grondeigenaren]
rights:
  offered: [access, rectification, erasure, restriction, objection, complaint]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.audience import left_out, listed, named, processed_groups

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL417",
    name="rights-for-some-only",
    severity="warning",
    article="Art. 12(1), 13(2)(b), 14(2)(c)",
    summary="The rights are addressed to some of the people whose data are processed only",
    reads=("rights.addressed_to", "purposes[].data_subjects", "statement.addressed_to"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    audience = manifest.rights.addressed_to if manifest.rights is not None else None
    if audience is None:
        return
    others = left_out(audience, processed_groups(manifest, manifest.statement.addressed_to))
    if not others:
        return
    yield Problem(
        ("rights", "addressed_to"),
        f"the statement addresses the rights to some people only ({named(audience)}), but it also processes the data "
        f"of {listed(others)}",
        hint="tell everyone whose data are processed that they have these rights ('U heeft de volgende rechten'), "
        "then leave rights.addressed_to out; or, where the statement names more groups, add them to "
        "rights.addressed_to.groups",
    )
