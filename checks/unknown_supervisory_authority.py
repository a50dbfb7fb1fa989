"""
## What it does
Reports a supervisory authority that privlint cannot identify as one of the EU/EEA data
protection authorities. Authorities are recognised by their name (in the local language
or in English), their short name (AP, GBA, APD, CNIL, BfDI, DPC, ...) or their web
address, from a table of every EU/EEA authority shipped with privlint.

## Why it matters
A complaint under Art. 77 goes to a data protection authority, not to a consumer body,
a telecom regulator or a trade association. A misspelled or invented name sends people
to the wrong door; so does an authority outside the EEA, such as the UK's ICO, for
processing under the GDPR.

## Example
```yaml
supervisory_authority:
  name: Consumentenbond
```

## Use instead
```yaml
supervisory_authority:
  name: Autoriteit Persoonsgegevens
  url: https://autoriteitpersoonsgegevens.nl
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.authorities import match
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL402",
    name="unknown-supervisory-authority",
    severity="warning",
    article="Art. 13(2)(d), 51, 77",
    summary="The named supervisory authority is not an EU/EEA authority privlint knows",
    reads=("supervisory_authority.name", "supervisory_authority.url"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    named = manifest.supervisory_authority
    if named is None or not (named.name or named.url):
        return
    found = match(named.name, named.url)
    shown = named.name or named.url
    pointer = ("supervisory_authority", "name") if named.name else ("supervisory_authority", "url")
    if not found:
        yield Problem(
            pointer,
            f"{shown!r} is not an EU/EEA supervisory authority privlint knows",
            hint="use the authority's official name, short name or web address (see 'privlint explain unknown-supervisory-authority')",
        )
    elif not any(authority.in_eea for authority in found):
        yield Problem(
            pointer,
            f"{shown!r} ({found[0].name}) is not an EU/EEA supervisory authority",
            hint="name the authority of the EU/EEA country where the controller is established",
        )
