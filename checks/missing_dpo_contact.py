"""
## What it does
Reports a statement that says a data protection officer (DPO; Dutch: FG) is designated
(`dpo.designated: true`) but gives no way to reach them: no e-mail address, phone
number, web form, contact page (`web_page`) or postal address under `dpo.contact`. A
contact point named without any of these (`dpo.contact.named`) is left to
`channel-without-details`.

## Why it matters
Art. 13(1)(b) and 14(1)(b) require the contact details of the DPO where one is
designated, and Art. 38(4) lets people contact the DPO directly on anything about their
data. Saying there is a DPO without saying how to reach them makes that right useless.

## Example
```yaml
dpo:
  designated: true
  name: J. Jansen
```

## Use instead
```yaml
dpo:
  designated: true
  name: J. Jansen
  contact:
    email: fg@example.nl
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.checks.incomplete_controller import has_channel
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL502",
    name="missing-dpo-contact",
    severity="error",
    article="Art. 13(1)(b), 14(1)(b), 38(4)",
    summary="A data protection officer is designated but no contact details are given",
    reads=("dpo.designated", "dpo.contact"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    dpo = manifest.dpo
    if dpo is None or dpo.designated is not True or has_channel(dpo.contact):
        return
    if dpo.contact is not None and dpo.contact.named is not None:
        return  # a contact point named without details: channel-without-details reports it
    yield Problem(
        ("dpo", "contact") if dpo.contact is not None else ("dpo",),
        "a data protection officer is designated, but the statement gives no contact details for them",
        hint="give the DPO's e-mail address, phone number, web form, contact page or postal address and record it under dpo.contact",
    )
