"""
## What it does
Reports a purpose that has no legal basis. Where the statement lists several legal bases
only in general (`general_legal_bases`: "we process your data on the following grounds:
..."), without saying which basis applies to which purpose, the message says so. Where it
gives one basis for all processing ("we process your data only to perform our contract
with you") and no purpose names another, that single general basis covers every purpose
that names none, and nothing is reported. A manifest with no purposes at all is reported too.

## Why it matters
Art. 13(1)(c) requires the purposes of the processing *and* the legal basis for each.
A list of bases that is not tied to purposes leaves the reader unable to tell, for any
one use of their data, whether it rests on their consent (which they can withdraw), on
a contract, on the law, or on an interest of the company (which they can object to).

## Example
```yaml
general_legal_bases:
  - basis: contract
  - basis: legitimate_interests
purposes:
  - id: newsletter
    name: Sending the newsletter
```

## Use instead
```yaml
purposes:
  - id: newsletter
    name: Sending the newsletter
    legal_bases: [consent]
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL101",
    name="missing-legal-basis",
    severity="error",
    article="Art. 13(1)(c), 6(1)",
    summary="A purpose has no legal basis",
    reads=("purposes[].legal_bases", "general_legal_bases"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if not manifest.purposes:
        yield Problem((), "the manifest declares no purposes, so no legal basis is tied to any", hint="add each purpose the statement describes under 'purposes', with its legal_bases")
        return
    general = sorted({entry.basis.value for entry in manifest.general_legal_bases})
    for index, purpose in enumerate(manifest.purposes):
        if manifest.bases_of(purpose):
            continue
        if general:
            yield Problem(
                ("purposes", index),
                f"purpose {purpose.label} has no legal basis: the statement names "
                f"{', '.join(general)} only in general, without tying {'it' if len(general) == 1 else 'them'} to purposes",
                hint="say which basis applies to this purpose, and record it in legal_bases",
            )
        else:
            yield Problem(
                ("purposes", index),
                f"purpose {purpose.label} has no legal basis",
                hint="state the Art. 6(1) basis for this purpose, and record it in legal_bases",
            )
