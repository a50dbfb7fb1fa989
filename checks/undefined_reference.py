"""
## What it does
Reports a purpose that refers to a data category or recipient id, a transfer that refers
to a recipient or service id, or a cookie that refers to a service id, that the manifest
does not declare under `data_categories`, `recipients` or `services`; and a service whose
`registry` id privlint's registry of services does not have. Each unknown id is reported
where it is used; the hint suggests a declared id with a similar spelling.

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

from __future__ import annotations

import difflib
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.service_registry import registry

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest
    from privlint.parse.pointers import NodePath

RULE = RuleInfo(
    code="PL901",
    name="undefined-reference",
    severity="error",
    article="-",
    summary="An id refers to a data category, recipient, service or registry entry that does not exist",
    reads=("purposes[].data", "purposes[].recipients", "transfers[].recipients", "cookies[]", "services[]",
           "data_categories[].id", "recipients[].id"),
)


COMPARISONS = 20_000  # spelling comparisons for "did you mean", per manifest: a bound on time for huge ones


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    categories = _Declared([category.id for category in manifest.data_categories], "data category", "data_categories")
    recipients = _Declared([recipient.id for recipient in manifest.recipients], "recipient", "recipients")
    budget = [COMPARISONS]
    for index, purpose in enumerate(manifest.purposes):
        owner = f"purpose {purpose.label}"
        yield from _undeclared(("purposes", index, "data"), owner, purpose.data, categories, budget)
        yield from _undeclared(("purposes", index, "recipients"), owner, purpose.recipients, recipients, budget)
    services = _Declared([service.id for service in manifest.services if service.id], "service", "services")
    for index, transfer in enumerate(manifest.transfers):
        owner = f"transfer {index + 1}" + (f" (to {transfer.destination})" if transfer.destination else "")
        yield from _undeclared(("transfers", index, "recipients"), owner, transfer.recipients, recipients, budget)
        yield from _undeclared(("transfers", index, "services"), owner, transfer.services, services, budget)
    for index, cookie in enumerate(manifest.cookies):
        if cookie.service is not None:
            owner = f"cookie {(cookie.name or cookie.id)!r}" if cookie.name or cookie.id else f"cookie {index + 1}"
            yield from _undeclared(("cookies", index), owner, [cookie.service], services, budget, field="service")
    known = _Declared(sorted(registry()), "registry entry", "", unknown="which privlint's registry of services does not have",
                      remedy="use an id from docs/service-registry.md, or leave registry out")
    for index, service in enumerate(manifest.services):
        if service.registry is not None:
            owner = f"service {service.name!r}"
            yield from _undeclared(("services", index), owner, [service.registry], known, budget, field="registry")


class _Declared:
    def __init__(
        self, ids: list[str], kind: str, section: str, unknown: str = "which is not declared", remedy: str | None = None
    ) -> None:
        self.ids, self.known, self.kind, self.section = ids, frozenset(ids), kind, section
        self.unknown, self.remedy = unknown, remedy


def _undeclared(
    pointer: NodePath, owner: str, used: Sequence[str], declared: _Declared, budget: list[int], field: str | None = None
) -> Iterator[Problem]:
    """Problems for the ids in ``used`` that are not declared; at ``pointer`` + index, or at ``field`` for one id."""
    for number, wanted in enumerate(used):
        if wanted in declared.known:
            continue
        budget[0] -= len(declared.ids)
        close = difflib.get_close_matches(wanted, declared.ids, n=1) if budget[0] >= 0 else []
        hint = f"did you mean {close[0]!r}? " if close else ""
        yield Problem(
            (*pointer, number) if field is None else (*pointer, field),
            f"{owner} refers to {declared.kind} {wanted!r}, {declared.unknown}",
            hint=hint + (declared.remedy or f"declare {wanted!r} under {declared.section}, or correct the id"),
        )
