"""
## What it does
Reports a recipient, service or cookie provider outside the EEA that no transfer covers:
- a recipient or service whose `country` is outside the EEA;
- a well-known provider that processes data outside the EEA, found by name in a
  recipient's `name` or `description`, a service's `name` or `provider` (or its `registry`
  id), a cookie's `name` or `provider`, or a purpose's `name` or its words (`quote`, else
  `description`), in privlint's registry of services (docs/service-registry.md): "Google
  Analytics", "Mailchimp", "Facebook-pixel", "YouTube", "vragen via WhatsApp".

Names are found as whole words ("Zoom" and "Stripe" only with their capitals), and a name
the text denies is not counted ("wij gebruiken geen Google Analytics"). In a purpose's words
a social network or a company named alone ("contacten via LinkedIn", "via Google") is not
counted: it is more often where the person meets the controller than who receives the data.

A transfer covers it when it lists the recipient or service (`transfers[].recipients`,
`transfers[].services`), names the provider in its `description`, or goes to every one of
its countries (`countries`, or a country named in `destination`). A transfer with no
destination whose stated safeguard is an adequacy decision covers countries with one, and
US providers the registry records as certified under the EU-US Data Privacy Framework.
A service whose customers can choose an EU region is left alone where the manifest
records an EEA country for it, and fonts or scripts the statement says are hosted locally
(`self_hosted: true`, "lokaal gehost") are no transfer. The message names the provider,
the countries and the registry's source; one finding per provider. Where the statement
denies any transfer (`none.transfers`), a recipient whose own `country` is outside the EEA
is `contradicted-denial`'s finding; a provider found by name is still this rule's, and the
message quotes the denial.

## Why it matters
Art. 13(1)(f) and 14(1)(f) require telling the person that their data go to a third
country, and on what ground. Analytics, newsletters, maps, fonts and video embeds of US
providers send data to the United States whether or not the statement says so: an
adequacy decision such as the Data Privacy Framework makes the transfer lawful, not
silent. A statement that names the service and not the transfer leaves out exactly what
Art. 13(1)(f) asks for.

## Example
```yaml
services:
  - id: newsletter
    name: Mailchimp
    purpose: sending the newsletter
```

## Use instead
```yaml
services:
  - id: newsletter
    name: Mailchimp
    purpose: sending the newsletter
transfers:
  - destination: United States
    countries: [US]
    services: [newsletter]
    safeguard: adequacy_decision
    description: "Mailchimp (Intuit) is certified under the EU-US Data Privacy Framework."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.model.vocabulary import Safeguard, SafeguardNamedAs
from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.service_registry import (
    COMPANY,
    Mention,
    RegisteredService,
    is_self_hosted,
    mentions,
    registry,
)
from privlint.rules.transfers import (
    ADEQUATE,
    US_DPF,
    destination_countries,
    is_unspecified,
    outside_eea,
)

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL514",
    name="undeclared-transfer",
    severity="error",
    article="Art. 13(1)(f), 14(1)(f)",
    summary="A recipient, service or provider outside the EEA is covered by no transfer",
    reads=(
        "recipients[].country", "recipients[].name", "recipients[].description", "services[]", "cookies[].name",
        "cookies[].provider", "purposes[].name", "purposes[].description", "purposes[].quote", "transfers[]",
    ),
)


#: Registry kinds a purpose's words name more often as where the person meets the controller, or where data come
#: from ("contacten leggen via LinkedIn", "u vond ons via Google"), than as a service that receives the data.
NOT_A_RECIPIENT_IN_A_PURPOSE = frozenset({COMPANY, "social"})


@dataclass(frozen=True)
class Party:
    """Something in the manifest that receives data outside the EEA."""

    path: NodePath
    where: str  # "recipient 'marketing'", "service 'Google Analytics'", "cookie '_ga'"
    key: str  # one finding per key: a registry id, or the entry for a party known by its own country
    countries: tuple[str, ...]  # outside the EEA
    service: RegisteredService | None = None
    links: frozenset[tuple[str, str]] = frozenset()  # ("recipients", id) or ("services", id)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    covered_countries = _covered_countries(manifest)
    named_in_transfers = {m.service.id for t in manifest.transfers for m in mentions(_join(t.destination, t.description))}
    linked = {("recipients", r) for t in manifest.transfers for r in t.recipients}
    linked |= {("services", s) for t in manifest.transfers for s in t.services}
    denial = _denial(manifest)
    groups: dict[str, list[Party]] = {}
    for party in _parties(manifest):
        if denial is not None and party.path[0] == "recipients" and party.service is None:
            continue  # a recipient placed outside the EEA after "no transfers": contradicted-denial reports it
        groups.setdefault(party.key, []).append(party)
    for parties in groups.values():
        if any(_is_covered(party, covered_countries, named_in_transfers, linked) for party in parties):
            continue
        yield _problem(parties[0], denial)


def _denial(manifest: Manifest) -> str | None:
    """The statement's words denying any transfer outside the EEA (``none.transfers``), where it has them."""
    denials = getattr(manifest, "none", None)  # the denials are the format branch's (issue 14); absent before
    return getattr(denials, "transfers", None)


def _is_covered(party: Party, covered: _Coverage, named: set[str], linked: set[tuple[str, str]]) -> bool:
    if party.links & linked or (party.service is not None and party.service.id in named):
        return True
    certified = party.service is not None and party.service.dpf_certified is True
    return all(country in covered.everywhere or (certified and country in covered.if_certified) for country in party.countries)


@dataclass(frozen=True)
class _Coverage:
    everywhere: frozenset[str]  # countries a transfer goes to, or that have an adequacy decision a transfer relies on
    if_certified: frozenset[str]  # countries covered only for providers certified under an adequacy framework (US)


def _covered_countries(manifest: Manifest) -> _Coverage:
    named: set[str] = set()
    relies_on_adequacy = False
    for transfer in manifest.transfers:
        named |= destination_countries(transfer)
        if (
            is_unspecified(transfer)
            and Safeguard.adequacy_decision in transfer.safeguards
            and transfer.safeguard_named_as in (None, SafeguardNamedAs.stated)
        ):
            relies_on_adequacy = True
    if not relies_on_adequacy:
        return _Coverage(frozenset(named), frozenset())
    return _Coverage(frozenset(named) | ADEQUATE, frozenset({US_DPF}))


def _parties(manifest: Manifest) -> Iterator[Party]:
    for index, recipient in enumerate(manifest.recipients):
        where, links = f"recipient {recipient.id!r}", frozenset({("recipients", recipient.id)})
        own = outside_eea([recipient.country]) if recipient.country else ()
        if own:
            yield Party(("recipients", index, "country"), where, f"recipients/{index}", own, None, links)
            continue
        for field in ("name", "description"):
            for mention in _outside(getattr(recipient, field), recipient.country):
                yield _registered(("recipients", index, field), where, mention, links)
    for index, service in enumerate(manifest.services):
        if service.self_hosted:
            continue
        where = f"service {service.name!r}"
        links = frozenset({("services", service.id)}) if service.id else frozenset()
        own = outside_eea([service.country]) if service.country else ()
        if own:
            yield Party(("services", index, "country"), where, f"services/{index}", own, None, links)
            continue
        if service.registry is not None:
            entry = registry().get(service.registry)
            if entry is not None and entry.outside_eea and not (service.country and entry.eu_region_option):
                yield _registered(("services", index, "registry"), where, Mention(entry, service.registry), links)
            continue
        for field in ("name", "provider"):
            for mention in _outside(getattr(service, field), service.country):
                yield _registered(("services", index, field), where, mention, links)
    for index, cookie in enumerate(manifest.cookies):
        if cookie.service is not None:
            continue  # its service answers for it
        label = cookie.name or cookie.id
        where = f"cookie {label!r}" if label else f"cookie {index + 1}"
        for field in ("name", "provider"):
            for mention in _outside(getattr(cookie, field), None):
                yield _registered(("cookies", index, field), where, mention, frozenset())
    for index, purpose in enumerate(manifest.purposes):
        words_field, words = statement_words(purpose, "description")  # the published words where quoted
        for field, text in (("name", purpose.name), (words_field, words)):
            for mention in _outside(text, None):
                if mention.service.kind not in NOT_A_RECIPIENT_IN_A_PURPOSE:
                    yield _registered(("purposes", index, field), f"purpose {purpose.label}", mention, frozenset())


def _outside(text: str | None, country: str | None) -> Iterator[Mention]:
    """The registered services a text names that process data outside the EEA, as the manifest places them."""
    for mention in mentions(text):
        service = mention.service
        if not service.outside_eea or is_self_hosted(mention, text or ""):
            continue
        if country is not None and service.eu_region_option:
            continue  # the manifest says where it runs, and the provider lets its customers choose the EU
        yield mention


def _registered(path: NodePath, where: str, mention: Mention, links: frozenset[tuple[str, str]]) -> Party:
    service = mention.service
    return Party(path, where, service.id, service.countries_outside_eea, service, links)


def _problem(party: Party, denial: str | None) -> Problem:
    countries = ", ".join(party.countries)
    service = party.service
    uncovered = "no transfer covers it" if denial is None else f"no transfer covers it, although the statement says {_short(denial)}"
    if service is None:
        return Problem(
            party.path,
            f"{party.where} is outside the EEA ({countries}) and {uncovered}",
            hint="add a transfer that lists it (transfers[].recipients or services), names where the data go "
            "(countries) and on what ground (safeguard)",
        )
    usually = "" if service.verified else "usually "
    default = " by default" if service.eu_region_option else ""
    hint = "add a transfer that lists it (transfers[].recipients or services), names where the data go (countries) and on what ground (safeguard)"
    if party.path[0] == "purposes":
        hint = f"record {service.label} as a service (services: [{{id: ..., name: {service.label}}}]) and " + hint
    if service.dpf_certified:
        hint += (
            f"; the provider of {service.label} is certified under the EU-US Data Privacy Framework: where the "
            "statement relies on it, the safeguard is adequacy_decision"
        )
    if service.eu_region_option:
        hint += "; if the statement says the service runs in an EU region, record that country on the entry"
    # "service 'Google Maps' processes ...", but "recipient 'partners' names Google, which processes ..."
    subject = party.where if service.label.casefold() in party.where.casefold() else f"{party.where} names {service.label}, which"
    return Problem(
        party.path,
        f"{subject} {usually}processes personal data outside the EEA ({countries}){default}, and {uncovered}; "
        f"source: {service.citation}",
        hint=hint,
    )


def _short(text: str, length: int = 80) -> str:
    text = " ".join(text.split())
    return repr(text if len(text) <= length else text[: length - 3].rstrip() + "...")


def _join(*texts: str | None) -> str:
    return "\n".join(text for text in texts if text)
