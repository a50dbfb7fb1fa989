"""
## What it does
Reports a statement that names no supervisory authority to complain to.

## Why it matters
Art. 13(2)(d) and 14(2)(e) require telling people they may lodge a complaint with a
supervisory authority (Art. 77). Naming the authority, with its web address, is what
makes that right usable: a reader should not have to find out which of the EU/EEA
authorities to turn to.

## Example
```yaml
rights:
  offered: [access, erasure, complaint]
```

## Use instead
```yaml
rights:
  offered: [access, erasure, complaint]
supervisory_authority:
  name: Autoriteit Persoonsgegevens
  country: NL
  url: https://autoriteitpersoonsgegevens.nl
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.authorities import authorities
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL401",
    name="missing-supervisory-authority",
    severity="warning",
    article="Art. 13(2)(d), 77",
    summary="No supervisory authority is named for complaints",
    reads=("supervisory_authority", "controller.country"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    named = manifest.supervisory_authority
    if named is not None and (named.name or named.url):
        return
    hint = "name the authority people can complain to, with its web address"
    country = manifest.controller.country if manifest.controller else None
    competent = [a for a in authorities() if country and a.competent_for(country)]
    if len(competent) == 1 and country:
        hint += f": for a controller in {country[:2]}, {competent[0].name} ({competent[0].web})"
    yield Problem(("supervisory_authority",) if named else (), "the statement names no supervisory authority for complaints", hint)
