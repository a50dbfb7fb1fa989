"""privlint's registry of common third-party services, and finding them in a manifest's words.

The registry (``privlint/data/services.json``, documented in docs/service-registry.md) says for each
service where it processes personal data, whether that is outside the EEA, whether its US provider
is certified under the EU-US Data Privacy Framework, and the source of those facts.

A service is found by its name or an alias, as whole words, never by its id (``zoom``, ``aws`` and
``slack`` are ordinary words): case-insensitively, with any run of spaces, hyphens or underscores
between words ("Facebook-pixel" is "Facebook Pixel"), and with their capitals for the terms the
registry marks case-sensitive ("Zoom", "Stripe"). Where matches overlap, the longest wins, so that
"Google Analytics" is Google Analytics and not Google.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from privlint.rules.phrases import Phrases
from privlint.rules.transfers import outside_eea

STORE = "services.json"  # in privlint.data
COMPANY = "provider"  # the kind of an entry for a company named without a service ("Google")


@dataclass(frozen=True)
class RegisteredService:
    """One entry of the registry."""

    id: str
    name: str
    provider: str
    kind: str
    processing_countries: tuple[str, ...]
    outside_eea: bool
    dpf_certified: bool | None
    eu_hosting_option: str | None
    eu_region_option: bool  # the customer can choose to keep the data in the EU
    source: str
    source_checked: str

    @property
    def label(self) -> str:
        """The name without its explanation in brackets: "Google Fonts (loaded from Google)" is "Google Fonts"."""
        return re.sub(r"\s*\(.*?\)\s*$", "", self.name)

    @property
    def countries_outside_eea(self) -> tuple[str, ...]:
        return outside_eea(self.processing_countries)

    @property
    def verified(self) -> bool:
        """Whether a dated or read provider document supports the facts (not only general knowledge)."""
        return self.source_checked != "unverified"

    @property
    def citation(self) -> str:
        """The source, for a message: "https://... (checked 2024)"."""
        checked = "not checked against a dated document" if not self.verified else f"checked {self.source_checked}"
        return f"{self.source} ({checked})"

    @classmethod
    def from_json(cls, entry: dict[str, Any]) -> RegisteredService:
        return cls(
            id=entry["id"],
            name=entry["name"],
            provider=entry["provider"],
            kind=entry["kind"],
            processing_countries=tuple(entry["processing_countries"]),
            outside_eea=entry["outside_eea"],
            dpf_certified=entry["dpf_certified"],
            eu_hosting_option=entry["eu_hosting_option"],
            eu_region_option=entry["eu_region_option"],
            source=entry["source"],
            source_checked=entry["source_checked"],
        )


@lru_cache(maxsize=1)
def _entries() -> tuple[dict[str, Any], ...]:
    return tuple(json.loads(files("privlint.data").joinpath(STORE).read_text(encoding="utf-8"))["services"])


@lru_cache(maxsize=1)
def registry() -> dict[str, RegisteredService]:
    """Every registered service, by id."""
    return {entry["id"]: RegisteredService.from_json(entry) for entry in _entries()}


def _key(term: str, case_sensitive: bool) -> str:
    joined = " ".join(re.split(r"[\s_-]+", term.strip()))
    return joined if case_sensitive else joined.casefold()


def _term_pattern(terms: Iterable[str]) -> str:
    ordered = sorted(set(terms), key=len, reverse=True)  # the longest first where several start at one place
    alternatives = (r"[\s_-]+".join(map(re.escape, re.split(r"[\s_-]+", term.strip()))) for term in ordered)
    return r"(?<!\w)(?:" + "|".join(alternatives) + r")(?!\w)"


@dataclass(frozen=True)
class _Matcher:
    folding: re.Pattern[str]
    exact: re.Pattern[str] | None
    by_term: dict[str, str]  # term key -> service id


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    by_term: dict[str, str] = {}
    folding_terms: list[str] = []
    exact_terms: list[str] = []
    for entry in _entries():
        case_sensitive = set(entry.get("case_sensitive_terms") or ())
        for term in [RegisteredService.from_json(entry).label, *entry["aliases"]]:
            exact = term in case_sensitive
            by_term[_key(term, exact)] = entry["id"]
            (exact_terms if exact else folding_terms).append(term)
    return _Matcher(
        folding=re.compile(_term_pattern(folding_terms), re.IGNORECASE),
        exact=re.compile(_term_pattern(exact_terms)) if exact_terms else None,
        by_term=by_term,
    )


@dataclass(frozen=True)
class Mention:
    """A registered service named in a text: the entry, and the words as written."""

    service: RegisteredService
    words: str


def mentions(text: str | None) -> list[Mention]:
    """The registered services a text names, in the order it names them, each once."""
    if not text:
        return []
    matcher = _matcher()
    spans: list[tuple[int, int, str]] = []
    for pattern, exact in ((matcher.folding, False), (matcher.exact, True)):
        if pattern is None:
            continue
        for match in pattern.finditer(text):
            service_id = matcher.by_term.get(_key(match.group(0), exact))
            if service_id is not None:
                spans.append((match.start(), match.end(), service_id))
    chosen: list[tuple[int, int, str]] = []
    for start, end, service_id in sorted(spans, key=lambda span: (span[0] - span[1], span[0])):  # longest first
        if all(end <= other_start or start >= other_end for other_start, other_end, _ in chosen):
            chosen.append((start, end, service_id))
    found: dict[str, Mention] = {}
    services = registry()
    for start, end, service_id in sorted(chosen):
        found.setdefault(service_id, Mention(services[service_id], text[start:end]))
    # A company named beside one of its own services ("Microsoft Teams ... Microsoft") is that service.
    named_services = {mention.service.provider for mention in found.values() if mention.service.kind != COMPANY}
    return [m for m in found.values() if m.service.kind != COMPANY or m.service.provider not in named_services]


#: Words that say a font or script is served from the controller's own server, not the provider's.
SELF_HOSTED = Phrases([
    "self-hosted", "self hosted", "hosted locally", "locally hosted", "host them locally", "hosted on our own server*",
    "served from our own server*", "on our own server*",
    "lokaal gehost", "lokaal gehoste", "lokaal opgeslagen", "zelf gehost", "zelf hosten", "op onze eigen server*",
    "vanaf onze eigen server*", "via onze eigen server*",
])
#: Kinds of service whose files a site can serve itself, so that nothing reaches the provider.
SELF_HOSTABLE = frozenset({"fonts", "cdn"})


def is_self_hosted(mention: Mention, text: str) -> bool:
    """Whether the text says the service's files are served from the controller's own server."""
    return mention.service.kind in SELF_HOSTABLE and SELF_HOSTED.find(text) is not None


# -- the registry's table in docs/service-registry.md -----------------------------------------

TABLE_BEGIN = "<!-- registry-table:begin (generated by `python -m privlint.rules.service_registry`) -->"
TABLE_END = "<!-- registry-table:end -->"


def markdown_table() -> str:
    """Every entry: id, terms it is found by, countries, DPF, and the source with the year it was checked."""
    lines = ["| id | found by | processes data in | outside EEA | DPF | source (checked) |", "|---|---|---|---|---|---|"]
    for entry in _entries():
        service = RegisteredService.from_json(entry)
        terms = ", ".join([service.label, *entry["aliases"]]).replace("|", "\\|")
        dpf = {True: "yes", None: "-"}.get(service.dpf_certified, "no")
        lines.append(
            f"| `{service.id}` | {terms} | {', '.join(service.processing_countries)} | "
            f"{'yes' if service.outside_eea else 'no'} | {dpf} | {service.source} ({service.source_checked}) |"
        )
    return "\n".join(lines) + "\n"


def document_with_table(document: str) -> str:
    """``document`` with the text between the table markers replaced by the current table."""
    head, _, rest = document.partition(TABLE_BEGIN)
    _, _, tail = rest.partition(TABLE_END)
    return f"{head}{TABLE_BEGIN}\n{markdown_table()}{TABLE_END}{tail}"


def main() -> None:
    """Write the registry's table into docs/service-registry.md again (run from a checkout)."""
    from pathlib import Path

    document = Path(__file__).resolve().parents[2] / "docs" / "service-registry.md"
    document.write_text(document_with_table(document.read_text(encoding="utf-8")), encoding="utf-8")


if __name__ == "__main__":
    main()
