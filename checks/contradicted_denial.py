"""
## What it does
Reports a denial the rest of the manifest contradicts. A denial (`none:`) records, in the
statement's words, that something does not happen; this rule compares it with what the
manifest records elsewhere:

- `none.transfers` ("we do not transfer data outside the EEA") with a `transfers` entry, or
  a recipient whose `country` is outside the EEA;
- `none.automated_decisions` with an `automated_decisions` entry;
- `none.dpo` with `dpo.designated: true`;
- `none.data_from_others` with a data category that has `from_others: true`;
- `none.recipients` ("we share your data with no one") with any recipient, except one that
  receives data only when the law or an authority demands it (`disclosure.kind:
  legal_obligation` or `authority_request`);
- `none.cookies` ("deze website gebruikt geen cookies") with a `cookies` entry.

Each contradiction is one finding, at the element that contradicts the denial.

## Why it matters
A statement that says both is wrong in one place, and the reader cannot tell which:
someone told that nothing leaves the EEA will not look for the safeguard of a transfer to
the United States (Art. 13(1)(f)), and someone told there is no automated decision will not
ask for human intervention (Art. 22(3)). Art. 12(1) asks for information that is
transparent and intelligible, and Art. 5(1)(a) for processing that is transparent.

## Example
```yaml
none:
  transfers: "We do not transfer your personal data outside the EEA."
recipients:
  - id: mailing
    name: Mailchimp (Intuit Inc.)
    country: US
```

## Use instead
```yaml
recipients:
  - id: mailing
    name: Mailchimp (Intuit Inc.)
    country: US
transfers:
  - destination: United States
    recipients: [mailing]
    safeguard: adequacy_decision
    description: "Intuit Inc. is certified under the EU-US Data Privacy Framework."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.authorities import EEA_COUNTRIES
from privlint.model.vocabulary import DisclosureKind
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.quotes import quote

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Recipient

RULE = RuleInfo(
    code="PL520",
    name="contradicted-denial",
    severity="error",
    article="Art. 12(1), 13, 14",
    summary="The statement denies something the rest of the manifest says happens",
    reads=("none", "transfers", "recipients[].country", "automated_decisions", "dpo.designated", "data_categories[].from_others",
           "cookies"),
)

#: Disclosures that a denial of recipients leaves room for: the law or an authority demands them.
DEMANDED = frozenset({DisclosureKind.legal_obligation, DisclosureKind.authority_request})
QUOTED = 80  # a denial is quoted short: it is context, the contradicting element is the finding


def outside_eea(country: str) -> bool:
    """Whether an ISO 3166-1 code (optionally with a subdivision: DE-BY) is outside the EEA."""
    code = country[:2].lower()
    return code not in EEA_COUNTRIES and code != "eu"


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    denials = manifest.none
    if denials is None:
        return
    if denials.transfers is not None:
        said = f"the statement says it transfers no data outside the EEA ({quote(denials.transfers, QUOTED)})"
        for index, transfer in enumerate(manifest.transfers):
            where = f" to {transfer.destination!r}" if transfer.destination else ""
            yield Problem(
                ("transfers", index),
                f"{said}, but the manifest records transfer {index + 1}{where}",
                hint="find out which is true; correct the statement where it denies the transfer, or remove the transfer",
            )
        for index, recipient in enumerate(manifest.recipients):
            if recipient.country is not None and outside_eea(recipient.country):
                yield Problem(
                    ("recipients", index, "country"),
                    f"{said}, but recipient {_named(recipient)} is in {recipient.country}",
                    hint="a recipient outside the EEA is a transfer: tell people where the data go and on which safeguard "
                    "(Art. 13(1)(f)), and drop the denial",
                )
    if denials.automated_decisions is not None:
        said = f"the statement says it takes no automated decisions ({quote(denials.automated_decisions, QUOTED)})"
        for index, decision in enumerate(manifest.automated_decisions):
            label = repr(decision.id) if decision.id else str(index + 1)
            yield Problem(
                ("automated_decisions", index),
                f"{said}, but the manifest records automated decision {label}",
                hint="find out which is true; describe the decision (Art. 13(2)(f)) and drop the denial, or remove the entry",
            )
    if denials.dpo is not None and manifest.dpo is not None and manifest.dpo.designated is True:
        yield Problem(
            ("dpo", "designated"),
            f"the statement says there is no data protection officer ({quote(denials.dpo, QUOTED)}), "
            "but the manifest records one as designated",
            hint="find out which is true; give the DPO's contact details (Art. 13(1)(b)) and drop the denial, or set designated: false",
        )
    if denials.data_from_others is not None:
        said = f"the statement says it obtains no data from others ({quote(denials.data_from_others, QUOTED)})"
        for index, category in enumerate(manifest.data_categories):
            if category.from_others:
                yield Problem(
                    ("data_categories", index, "from_others"),
                    f"{said}, but data category {category.id!r} is obtained from others",
                    hint="find out which is true; name the source (Art. 14(2)(f)) and drop the denial, or correct the category",
                )
    if denials.recipients is not None:
        said = f"the statement says it gives the data to no one ({quote(denials.recipients, QUOTED)})"
        for index, recipient in enumerate(manifest.recipients):
            if recipient.disclosure is not None and recipient.disclosure.kind in DEMANDED:
                continue
            yield Problem(
                ("recipients", index),
                f"{said}, but the manifest records recipient {_named(recipient)}",
                hint="processors such as hosting providers are recipients too (Art. 4(9)): name them (Art. 13(1)(e)) "
                "and drop the denial",
            )
    if denials.cookies is not None:
        yield from _cookies_contradicting(manifest, denials.cookies)


def _cookies_contradicting(manifest: Manifest, denial: str) -> Iterator[Problem]:
    said = f"the statement says it uses no cookies ({quote(denial, QUOTED)})"
    for index, cookie in enumerate(manifest.cookies):
        name = cookie.name or cookie.id
        yield Problem(
            ("cookies", index),
            f"{said}, but the manifest records {f'cookie {name!r}' if name else f'cookie {index + 1}'}",
            hint="find out which is true; describe the cookie (ePrivacy Art. 5(3)) and drop the denial, or remove the entry",
        )


def _named(recipient: Recipient) -> str:
    return f"{recipient.id!r}" + (f" ({recipient.name})" if recipient.name and recipient.name != recipient.id else "")
