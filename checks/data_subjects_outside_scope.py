"""
## What it does
Reports a statement that says whom it is for (`statement.addressed_to`: "deze
privacyverklaring heeft betrekking op gegevens van onze zakelijke klanten, bezoekers van onze
website, leveranciers en sollicitanten") while its purposes process the data of other people
too (`purposes[].data_subjects`): the consumers who order from its customers, the landowners
it asks for permission. Groups are compared by their words, ignoring case and spacing; name a
group in `statement.addressed_to.groups` as the purposes name it. One finding names every
group left out.

## Why it matters
Art. 12(1), 13 and 14 require the information to reach every person whose data are
processed, in a form they can recognise as meant for them. A statement that says it is for
business customers tells a consumer whose order data it processes that it is not about them,
and leaves them without the information the law gives them.

## Example
```yaml
statement:
  addressed_to:
    groups: [zakelijke klanten, sollicitanten]
    text: "Deze privacyverklaring heeft betrekking op gegevens die wij verwerken van onze zakelijke klanten en sollicitanten."
purposes:
  - id: commission-invoice
    data_subjects: [zakelijke klanten, consumenten van klanten]
```

## Use instead
```yaml
statement:
  addressed_to:
    groups: [zakelijke klanten, sollicitanten, consumenten van klanten]
    text: "Deze privacyverklaring heeft betrekking op gegevens die wij verwerken van onze zakelijke klanten, sollicitanten en de consumenten die bij onze klanten bestellen."
purposes:
  - id: commission-invoice
    data_subjects: [zakelijke klanten, consumenten van klanten]
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
    code="PL521",
    name="data-subjects-outside-scope",
    severity="info",
    article="Art. 12(1), 13, 14",
    summary="Purposes process the data of people the statement says it is not for",
    reads=("statement.addressed_to", "purposes[].data_subjects"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    scope = manifest.statement.addressed_to
    if scope is None:
        return
    others = left_out(scope, processed_groups(manifest))
    if not others:
        return
    yield Problem(
        ("statement", "addressed_to"),
        f"the statement says whom it is for ({named(scope)}), but its purposes also process the data of {listed(others)}",
        hint="say that the statement is also for them (or for everyone whose data it processes) and add the groups to "
        "statement.addressed_to.groups, or leave statement.addressed_to out where the statement names no one",
    )
