"""
## What it does
Reports a recipient or a service the statement calls a joint controller
(`role: joint_controller`) for which it gives neither the essence of the arrangement between
the controllers nor where it is made available (`arrangement`).

## Why it matters
Where two controllers decide together why and how data are processed (a group company, a
partner in a shared programme, a social network's page or pixel: CJEU C-210/16 and
C-40/17), Art. 26(1) asks them to agree who meets which obligation, in particular who gives
the information of Art. 13 and 14 and where people exercise their rights, and Art. 26(2)
asks that "the essence of the arrangement shall be made available to the data subject".
Without it, the person does not know which of the two to turn to; Art. 26(3) lets them
turn to either.

## Example
```yaml
services:
  - id: facebook-page
    name: Facebook-pagina
    provider: Meta Platforms Ireland Ltd.
    role: joint_controller
```

## Use instead
```yaml
services:
  - id: facebook-page
    name: Facebook-pagina
    provider: Meta Platforms Ireland Ltd.
    role: joint_controller
    arrangement: "Meta en wij zijn gezamenlijk verantwoordelijk voor de paginastatistieken; Meta beantwoordt
      verzoeken daarover. De afspraken staan op facebook.com/legal/terms/page_controller_addendum."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import RecipientRole
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Recipient, Service

RULE = RuleInfo(
    code="PL517",
    name="missing-joint-arrangement",
    severity="warning",
    article="Art. 26(2)",
    summary="A joint controller is named without the essence of the arrangement between the controllers",
    reads=("recipients[].role", "recipients[].arrangement", "services[].role", "services[].arrangement"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    parties: list[tuple[str, int, str, Recipient | Service]] = [
        ("recipients", index, "recipient", entry) for index, entry in enumerate(manifest.recipients)
    ]
    parties += [("services", index, "service", entry) for index, entry in enumerate(manifest.services)]
    for key, index, kind, entry in parties:
        if entry.role is not RecipientRole.joint_controller or entry.arrangement:
            continue
        name = entry.id or entry.name
        yield Problem(
            (key, index, "role"),
            f"{kind} {name!r} is a joint controller, and the statement gives neither the essence of the arrangement "
            "between the controllers nor where it is available",
            hint="say who does what (who informs, where people exercise their rights) or where the arrangement can be "
            "read, and record those words as arrangement",
        )
