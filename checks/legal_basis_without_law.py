"""
## What it does
Reports a purpose that rests on a legal obligation or a public task (Art. 6(1)(c), (e))
without naming the law behind it: no `law` on the purpose and no
`retention.statutory_source`. A legal obligation or public task listed among the general
legal bases without a `law` is reported too, unless some purpose names it among its own
bases (then each such purpose is judged on its own).
Disclosures to authorities are not judged (`recipients[].disclosure`).

## Why it matters
Art. 6(3) requires a legal obligation or a public task to be laid down in Union or Member
State law. The statement need not quote it, but naming it ("Algemene wet inzake
rijksbelastingen, art. 52", "Wet op het financieel toezicht") lets the reader check that
the obligation exists and what it covers; "the law requires us to" does not. This is
good practice rather than a requirement of Art. 13, hence the severity.

## Example
```yaml
purposes:
  - id: tax-records
    legal_bases: [legal_obligation]
    retention: {period: P7Y}
```

## Use instead
```yaml
purposes:
  - id: tax-records
    legal_bases: [legal_obligation]
    law: "Algemene wet inzake rijksbelastingen, art. 52"
    retention: {period: P7Y}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import LegalBasis
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Purpose

RULE = RuleInfo(
    code="PL104",
    name="legal-basis-without-law",
    severity="info",
    article="Art. 6(3), 13(1)(c)",
    summary="A legal obligation or public task is given without the law behind it",
    reads=("purposes[].legal_bases", "purposes[].law", "purposes[].retention.statutory_source", "general_legal_bases"),
)

#: The bases Art. 6(3) requires to be laid down in law, as findings name them.
LAID_DOWN_IN_LAW = {LegalBasis.legal_obligation: "a legal obligation", LegalBasis.public_task: "a public task"}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, purpose in enumerate(manifest.purposes):
        bases = [basis for basis in LAID_DOWN_IN_LAW if basis in purpose.legal_bases]
        if not bases or _law_of(purpose):
            continue
        yield Problem(
            ("purposes", index),
            f"purpose {purpose.label} rests on {' and '.join(LAID_DOWN_IN_LAW[b] for b in bases)} but does not name the law behind it",
            hint="name the act (and article) that lays down the obligation or task, and record it as law",
        )
    judged = {basis for purpose in manifest.purposes for basis in purpose.legal_bases}  # each purpose on its own, above
    for index, entry in enumerate(manifest.general_legal_bases):
        if entry.basis in LAID_DOWN_IN_LAW and entry.law is None and entry.basis not in judged:
            yield Problem(
                ("general_legal_bases", index),
                f"the statement relies on {LAID_DOWN_IN_LAW[entry.basis]} without naming the law behind it",
                hint="name the act (and article) that lays down the obligation or task, and record it as law",
            )


def _law_of(purpose: Purpose) -> str | None:
    if purpose.law is not None:
        return purpose.law
    return purpose.retention.statutory_source if purpose.retention is not None else None
