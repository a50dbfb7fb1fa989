"""
## What it does
Reports a contact point the statement sends people to without saying how to reach it:
"neem contact op met onze klantenservice" with no phone number, e-mail address, web page,
form or postal address for that service anywhere in the statement. The contact point is
`named` on a contact (`controller.contact`, `dpo.contact`, `rights.contact`, the
representative's); it is reported when that contact gives no detail beside the name. A
contact page (`web_page`: "het actuele nummer vindt u op www.example.nl/service") is a
detail.

## Why it matters
Art. 13(1)(a)-(b) require contact details, and Art. 12(2) that exercising the rights is made
easy. A name is not a way to reach someone: a reader told to "contact customer service" who
finds no number, address or form for it cannot ask a question, make a request or complain to
the controller first.

## Example
```yaml
controller:
  name: Example B.V.
  address: Voorbeeldstraat 1, 1234 AB Utrecht
  contact:
    named: "Als u vragen hebt, neem dan gerust contact op met onze klantenservice."
```

## Use instead
```yaml
controller:
  name: Example B.V.
  address: Voorbeeldstraat 1, 1234 AB Utrecht
  contact:
    named: "Als u vragen hebt, neem dan gerust contact op met onze klantenservice."
    phone: "020 123 45 67"
    email: klantenservice@example.nl
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.quotes import quote

if TYPE_CHECKING:
    from privlint.model.manifest import Contact, Manifest

RULE = RuleInfo(
    code="PL509",
    name="channel-without-details",
    severity="warning",
    article="Art. 12(2), 13(1)(a)-(b), 14(1)(a)-(b)",
    summary="People are sent to a contact point whose phone number, address or web page is not given",
    reads=("controller.contact", "controller.representative.contact", "dpo.contact", "rights.contact"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    seat = manifest.controller.address if manifest.controller is not None else None
    for path, whose, contact in contacts(manifest):
        if contact.named is None or contact.has_channel:
            continue
        besides = f"; the only address it gives is the controller's own ({seat})" if seat and path[0] == "controller" else ""
        yield Problem(
            path,
            f"the statement names {whose} without saying how to reach it: {quote(contact.named)}{besides}",
            hint="give its phone number, e-mail address, web form or contact page (or the page that lists them) and "
            f"record it beside named under {'.'.join(map(str, path))}",
        )


def contacts(manifest: Manifest) -> list[tuple[NodePath, str, Contact]]:
    """Every contact the manifest gives, with where it is and whose it is."""
    found: list[tuple[NodePath, str, Contact]] = []
    controller = manifest.controller
    if controller is not None and controller.contact is not None:
        found.append((("controller", "contact"), "the controller's contact point", controller.contact))
    if controller is not None and controller.representative is not None and controller.representative.contact is not None:
        found.append((("controller", "representative", "contact"), "the representative's contact point", controller.representative.contact))
    if manifest.dpo is not None and manifest.dpo.contact is not None:
        found.append((("dpo", "contact"), "the data protection officer's contact point", manifest.dpo.contact))
    if manifest.rights is not None and manifest.rights.contact is not None:
        found.append((("rights", "contact"), "the contact point for the rights", manifest.rights.contact))
    return found
