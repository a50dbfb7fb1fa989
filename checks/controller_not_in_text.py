"""
## What it does
Reports a controller name (`controller.name`) or registration number
(`controller.registration`) that the published statement (`statement.text`) does not
contain. A legal form counts however it is written ("B.V.", "BV", "bv"), and written out
soon after the name ("Optimile, een naamloze vennootschap" for Optimile NV); a
registration number counts by its digits, however they are grouped ("KvK 12345678",
"12 34 56 78").

## Why it matters
Art. 13(1)(a) and 14(1)(a) require the identity of the controller in the information
people get. A manifest that names the controller while the published text names only a
brand, or another company, makes `incomplete-controller` pass on a statement that does
not identify who is responsible.

## Example
The published statement names only the brand "Example Energy":

```text
controller:
  name: Example Energy B.V.
  registration: KvK 12345678
```

## Use instead
Name the legal entity and its number in the statement ("Example Energy B.V., KvK
12345678"), and keep the manifest as it is.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.drift import (
    published_texts,
    registration_digits,
    says_digits,
    says_name,
)

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL804",
    name="controller-not-in-text",
    severity="warning",
    article="Art. 13(1)(a), 14(1)(a)",
    summary="The published statement does not name the controller or its registration number",
    reads=("statement.text", "controller.name", "controller.registration"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    controller = manifest.controller
    if controller is None or not (controller.name or controller.registration):
        return
    for text in published_texts(manifest, context):
        name = text.wording(controller.name) if controller.name else None
        if name and not says_name(text.words, name):
            yield Problem(
                ("controller", "name"),
                f"the controller {name!r} is not named in {text.name}",
                hint="name the controller's legal entity in the published statement, or record the name it prints",
            )
        registration = text.wording(controller.registration) if controller.registration else None
        digits = registration_digits(registration) if registration else None
        if digits and not says_digits(text.words, digits):
            yield Problem(
                ("controller", "registration"),
                f"the registration number {registration!r} does not appear in {text.name}",
                hint="print the registration number in the published statement, or record the number it prints",
            )
