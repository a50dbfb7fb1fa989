"""
## What it does
Reports rights the statement states without saying how to exercise them, where it says so
right by right: "Inzage: u kunt dat aanvragen in uw account", "Correctie: 24/7 in uw
account", and then a right to object with no account page, address or form. The channels per
right are `rights.channels` (the statement's words, by right); a way for all rights at once
(`rights.how`, `rights.contact`) answers for every right. A right a channel is given for
counts as having one even when that channel has no details: `channel-without-details` judges
those. Objection to direct marketing is answered by a channel for objection too. A complaint
goes to the supervisory authority and is left to `missing-complaint-right`.

A statement that gives no channel per right is judged by its general contact details
(`incomplete-controller`), which then serve every right.

## Why it matters
Art. 12(2) requires the controller to facilitate the exercise of the rights, and Art.
13(2)(b) with the WP260 guidelines asks the statement to say how a person takes steps to
exercise each right. A statement that tells people where to go for every right but one
leaves them guessing for that one, and it is often the right to object (Art. 21(4)).

## Example
```yaml
rights:
  offered: [access, rectification, objection]
  channels:
    access: "U kunt dat aanvragen in uw account."
    rectification: "Dit kunt u 24/7 doen in uw account."
```

## Use instead
```yaml
rights:
  offered: [access, rectification, objection]
  channels:
    access: "U kunt dat aanvragen in uw account."
    rectification: "Dit kunt u 24/7 doen in uw account."
    objection: "Stuur uw bezwaar naar privacy@example.nl of gebruik het formulier in uw account."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import Right
from privlint.rules import Context, Problem, RuleInfo, nearest
from privlint.rules.rights import name, words

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Rights

RULE = RuleInfo(
    code="PL418",
    name="right-without-channel",
    severity="warning",
    article="Art. 12(2), 13(2)(b), 14(2)(c) (WP260)",
    summary="A right is stated without saying how to exercise it, where the statement says so for the others",
    reads=("rights.channels", "rights.how", "rights.contact", "rights.offered", "rights.narrowed"),
)

#: Rights whose channel another right's channel gives: an objection channel takes objections to direct marketing.
COVERED_BY = {Right.objection_to_direct_marketing: Right.objection}


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    rights = manifest.rights
    if rights is None or rights.channels is None or rights.how is not None or rights.contact is not None:
        return
    given = {right for right, _ in rights.channels.items()}
    without = [right for right in stated(rights) if right not in given and COVERED_BY.get(right) not in given]
    if not without:
        return
    with_channel = [right.value for right in Right if right in given]
    missing = [name(without[0]), *(words(right) for right in without[1:])]
    yield Problem(
        nearest(manifest, "rights", "channels"),
        f"the statement says right by right how to exercise them ({', '.join(with_channel)}), but not for "
        f"{_joined(missing, 'or')}",
        hint=f"say how people exercise {words(without[0])} (an address, a form, a page of their account) and record "
        f"the words under rights.channels.{without[0].value}; or say how to exercise every right and record it as "
        "rights.how",
    )


def stated(rights: Rights) -> list[Right]:
    """The rights the statement states, as the law gives them or narrowed, but a complaint (to the authority)."""
    narrowed = {right for right, _ in rights.narrowed.items()} if rights.narrowed is not None else set()
    return [right for right in Right if right is not Right.complaint and (right in rights.offered or right in narrowed)]


def _joined(items: list[str], conjunction: str) -> str:
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} {conjunction} {items[-1]}"
