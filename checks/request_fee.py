"""
## What it does
Reports a statement that says it may charge for requests about rights (`rights.fee`)
without giving one of the two grounds the GDPR allows (`fee.ground`): requests that are
manifestly unfounded or excessive (Art. 12(5)), or copies beyond the first (Art. 15(3)).

## Why it matters
Art. 12(5) makes the information and every action on a request free of charge. A
controller may charge a reasonable fee only for manifestly unfounded or excessive
requests, which it must show, or for further copies of the data. "We may ask a reasonable
fee" or "administratiekosten van € 5" with no such ground tells people that using their
rights costs money, which keeps them from asking.

## Example
```yaml
rights:
  offered: [access, rectification, erasure]
  fee:
    text: "Voor een verzoek om inzage kunnen wij een redelijke vergoeding vragen."
```

## Use instead
```yaml
rights:
  offered: [access, rectification, erasure]
  fee:
    text: "Ieder verzoek is kosteloos, tenzij het kennelijk ongegrond of buitensporig is."
    ground: unfounded_or_excessive
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL419",
    name="request-fee",
    severity="error",
    article="Art. 12(5), 15(3)",
    summary="The statement may charge for requests about rights without a ground the GDPR allows",
    reads=("rights.fee",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    fee = manifest.rights.fee if manifest.rights is not None else None
    if fee is None or fee.ground is not None:
        return
    yield Problem(
        ("rights", "fee"),
        "the statement says requests about rights may cost a fee, and gives neither ground the GDPR allows "
        "(a manifestly unfounded or excessive request, Art. 12(5); further copies, Art. 15(3))",
        hint="make requests free of charge, or limit the fee to those grounds and say so; record it as fee.ground",
    )
