"""
## What it does
Reports a purpose that refers to a data category or recipient id, or a transfer that
refers to a recipient id, that the manifest does not declare under `data_categories` or
`recipients`. Each unknown id is reported where it is used; the hint suggests a declared
id with a similar spelling.

## Why it matters
The manifest links each purpose to the data and recipients the statement names for it
(Art. 13(1)(c), (e), 14(1)(d)). An id that leads nowhere is a typing error or a
category that was never written down; either way the other checks cannot see what the
purpose uses, and the published statement may lack what the manifest claims.

## Example
```yaml
purposes:
  - id: newsletter
    data: [contact]
data_categories:
  - id: contact-details
```

## Use instead
```yaml
purposes:
  - id: newsletter
    data: [contact-details]
data_categories:
  - id: contact-details
```
"""

CODE = "PL901"
NAME = "undefined-reference"
SEVERITY = "error"
ARTICLE = "-"
SUMMARY = "A purpose or transfer refers to a data category or recipient that is not declared"

import difflib  # noqa: E402

from privlint.rules import Problem  # noqa: E402


def check(manifest, context):
    categories = [category.id for category in manifest.data_categories]
    recipients = [recipient.id for recipient in manifest.recipients]
    for index, purpose in enumerate(manifest.purposes):
        owner = f"purpose {purpose.label}"
        yield from _undeclared(f"/purposes/{index}/data", owner, purpose.data, categories, "data category", "data_categories")
        yield from _undeclared(f"/purposes/{index}/recipients", owner, purpose.recipients, recipients, "recipient", "recipients")
    for index, transfer in enumerate(manifest.transfers):
        owner = f"transfer {index + 1}" + (f" (to {transfer.destination})" if transfer.destination else "")
        yield from _undeclared(f"/transfers/{index}/recipients", owner, transfer.recipients, recipients, "recipient", "recipients")


def _undeclared(pointer, owner, used, declared, kind, section):
    known = set(declared)
    for number, wanted in enumerate(used):
        if wanted in known:
            continue
        close = difflib.get_close_matches(wanted, declared, n=1)
        hint = f"did you mean {close[0]!r}? " if close else ""
        yield Problem(
            f"{pointer}/{number}",
            f"{owner} refers to {kind} {wanted!r}, which is not declared",
            hint=hint + f"declare {wanted!r} under {section}, or correct the id",
        )
