"""
## What it does
Reports a statement that lists legitimate interests as a legal basis in general
(`general_legal_bases`), tied to no purpose, and says nowhere what an interest is: the
general basis says only that there is one ("omdat wij daar een gerechtvaardigd belang voor
hebben", "our legitimate interests"), or words that name no stake, and no purpose states an
interest of its own (`legitimate_interest`). A general basis that names the interests
("dit betreft fraudebestrijding, marketingactiviteiten of het verbeteren van onze
dienstverlening") is not reported, nor a statement where some purpose states its interest;
a purpose that rests on legitimate interests without one is `missing-legitimate-interest`'s.

## Why it matters
Art. 13(1)(d) and 14(2)(b) require the legitimate interests pursued where processing rests
on Art. 6(1)(f). A statement that lists the basis and never says what the interests are
leaves the reader nothing to weigh before objecting (Art. 21(1)), and no way to tell which
processing the basis covers.

## Example
```yaml
general_legal_bases:
  - basis: contract
  - basis: legitimate_interests
    description: "omdat wij daar een gerechtvaardigd belang voor hebben"
purposes:
  - id: acquisition
    description: "Wij kunnen u per post benaderen voor acquisitie doeleinden."
```

## Use instead
```yaml
general_legal_bases:
  - basis: contract
  - basis: legitimate_interests
    description: "omdat wij nieuwe klanten willen werven en fraude willen voorkomen"
purposes:
  - id: acquisition
    description: "Wij kunnen u per post benaderen voor acquisitie doeleinden."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.checks.missing_legitimate_interest import (
    CompanyNames,
    company_names,
    restates_purpose,
    says_nothing_but,
)
from privlint.model.vocabulary import LegalBasis
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL105",
    name="unstated-legitimate-interest",
    severity="error",
    article="Art. 13(1)(d), 14(2)(b), 6(1)(f)",
    summary="Legitimate interests are listed as a basis, but no interest is stated anywhere",
    reads=("general_legal_bases[].basis", "general_legal_bases[].description", "purposes[].legitimate_interest",
           "controller.name", "controller.other_entities", "controller.trade_names"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    general = [(index, entry) for index, entry in enumerate(manifest.general_legal_bases)
               if entry.basis is LegalBasis.legitimate_interests]
    if not general:
        return
    names = company_names(manifest)
    if any(_states_interest(purpose.legitimate_interest, names) for purpose in manifest.purposes):
        return
    if any(_states_interest(entry.description, names) for _, entry in general):
        return
    index, entry = general[0]
    words = f": {entry.description!r}" if entry.description else ""
    yield Problem(
        ("general_legal_bases", index),
        f"the statement relies on legitimate interests in general{words}, but says nowhere what the interests are",
        hint="say which interests the controller pursues (such as preventing fraud or recruiting customers) and for "
        "which purposes; record them as legitimate_interest on those purposes",
    )


def _states_interest(text: str | None, names: CompanyNames) -> bool:
    if text is None or not text.strip():
        return False
    return not says_nothing_but(text, names) and not restates_purpose(text, "", names)
