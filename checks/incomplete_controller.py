"""
## What it does
Reports a controller whose identity or contact details are incomplete: no name, no
address, or no way to reach it. A postal address is both: `controller.address` and
`controller.contact.postal_address` each count as the address and as a way to contact the
controller, as do an e-mail address, phone number, web form or contact page
(`controller.contact.web_page`). Each missing element is reported on its own. A contact
point named without any of these (`controller.contact.named` alone: "contact our customer
service") is left to `channel-without-details`.

## Why it matters
Art. 13(1)(a) and 14(1)(a) require the identity and the contact details of the
controller. Without the legal name a reader cannot tell which company is responsible;
without an address or another contact channel they cannot send a request or a complaint
to it.

## Example
```yaml
controller:
  name: Example B.V.
```

## Use instead
```yaml
controller:
  name: Example B.V.
  address: Voorbeeldstraat 1, 1234 AB Utrecht
  contact:
    email: privacy@example.nl
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Contact, Manifest

RULE = RuleInfo(
    code="PL501",
    name="incomplete-controller",
    severity="error",
    article="Art. 13(1)(a), 14(1)(a)",
    summary="The controller's name, address or contact details are missing",
    reads=("controller.name", "controller.address", "controller.contact"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    controller = manifest.controller
    pointer: NodePath = ("controller",) if controller is not None else ()
    contact = controller.contact if controller is not None else None
    if controller is None or controller.name is None:
        yield Problem(
            pointer,
            "the statement does not name the controller",
            hint="give the controller's legal name and record it as controller.name",
        )
    postal = controller is not None and (controller.address is not None or (contact is not None and contact.postal_address is not None))
    if not postal:
        yield Problem(
            pointer,
            "the statement does not give the controller's address",
            hint="give the controller's address and record it as controller.address",
        )
    if not postal and not has_channel(contact) and (contact is None or contact.named is None):
        yield Problem(
            ("controller", "contact") if contact is not None else pointer,
            "the statement gives no way to contact the controller (e-mail, phone, web form, contact page or postal address)",
            hint="give at least one contact channel and record it under controller.contact",
        )


def has_channel(contact: Contact | None) -> bool:
    """Whether a Contact gives at least one way to reach someone."""
    return contact is not None and contact.has_channel
