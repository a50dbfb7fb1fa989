"""
## What it does
Reports a supervisory authority that is not competent for the controller's country
(`controller.country`). For Germany, any of the federal or state authorities counts as
competent, whatever the subdivision.

## Why it matters
The authority of the controller's main establishment normally leads (Art. 56). Naming
another country's authority as *the* place to complain misleads readers; people may
still complain where they live or work (Art. 77), which a statement can say in addition.

## Example
```yaml
controller:
  country: BE
supervisory_authority:
  name: Autoriteit Persoonsgegevens
```

## Use instead
```yaml
controller:
  country: BE
supervisory_authority:
  name: Gegevensbeschermingsautoriteit
  url: https://www.gegevensbeschermingsautoriteit.be
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.authorities import authorities, match
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL403",
    name="mismatched-supervisory-authority",
    severity="warning",
    article="Art. 13(2)(d), 56, 77",
    summary="The named supervisory authority is not competent for the controller's country",
    reads=("supervisory_authority.name", "supervisory_authority.url", "controller.country"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    named = manifest.supervisory_authority
    country = manifest.controller.country if manifest.controller else None
    if named is None or country is None:
        return
    found = match(named.name, named.url)
    if not found or any(authority.competent_for(country) for authority in found):
        return
    competent = [a for a in authorities() if a.competent_for(country)]
    hint = f"name the authority competent in {country[:2]}"
    if len(competent) == 1:
        hint += f": {competent[0].name} ({competent[0].web})"
    where = ", ".join(sorted({c.upper() for a in found for c in a.countries}))
    yield Problem(
        ("supervisory_authority", "name") if named.name else ("supervisory_authority", "url"),
        f"{found[0].name} ({where}) is not competent for a controller established in {country}",
        hint=hint,
    )
