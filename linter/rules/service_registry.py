"""privlint's registry of common third-party services, and finding them in a manifest's words.

The registry (``privlint/data/services.json``, documented in docs/service-registry.md) says for each
service where it processes personal data, whether that is outside the EEA, whether its US provider
is certified under the EU-US Data Privacy Framework, and the source of those facts.

A service is found by its name or an alias, as whole words, never by its id (``zoom``, ``aws`` and
``slack`` are ordinary words): case-insensitively, with spaces, hyphens or underscores between words
alike ("Facebook-pixel" is "Facebook Pixel"), and with their capitals for the terms the registry
marks case-sensitive ("Zoom", "Stripe"). The longest term that starts at a word wins, so that
"Google Analytics" is Google Analytics and not Google. Terms are looked up word by word in a
dictionary: no expression over hundreds of terms is compiled.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from typing import Any

from privlint.rules.negation import is_denied
from privlint.rules.phrases import Phrases
from privlint.rules.transfers import outside_eea
from privlint.rules.wording import remembered

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


# Words as the matcher sees them: runs of letters and digits, joined inside by '.', '/', '&' or an apostrophe
# ("x.com", "gtag.js", "video's"), or a lone '&' ("Display & Video 360"). Spaces, hyphens, underscores and other
# punctuation separate them, so "Facebook-pixel" is the words "Facebook" "pixel" and "striped" is not "Stripe".
_WORD = re.compile(r"\w+(?:[.'’/]\w+)*|&")


def _words(text: str) -> list[re.Match[str]]:
    return list(_WORD.finditer(text))


def _key(words: Iterable[str], case_sensitive: bool) -> tuple[str, ...]:
    return tuple(words) if case_sensitive else tuple(word.casefold() for word in words)


@dataclass(frozen=True)
class _Matcher:
    folded: dict[tuple[str, ...], str]  # the words of a term, case-folded -> service id
    exact: dict[tuple[str, ...], str]  # the words of a case-sensitive term, as written -> service id
    longest: int  # words in the longest term
    first_folded: frozenset[str]  # the first words of the terms: most words start none, and are passed at once
    first_exact: frozenset[str]


@lru_cache(maxsize=1)
def _matcher() -> _Matcher:
    folded: dict[tuple[str, ...], str] = {}
    exact: dict[tuple[str, ...], str] = {}
    for entry in _entries():
        case_sensitive = set(entry.get("case_sensitive_terms") or ())
        for term in [RegisteredService.from_json(entry).label, *entry["aliases"]]:
            sensitive = term in case_sensitive
            words = [match.group(0) for match in _words(term)]
            (exact if sensitive else folded)[_key(words, sensitive)] = entry["id"]
    return _Matcher(
        folded, exact, max(map(len, [*folded, *exact])), frozenset(key[0] for key in folded), frozenset(key[0] for key in exact)
    )


@dataclass(frozen=True)
class Mention:
    """A registered service named in a text: the entry, the words as written, and where they stand in the text."""

    service: RegisteredService
    words: str
    start: int = 0
    end: int = 0


def mentions(text: str | None) -> list[Mention]:
    """The registered services a text names, in the order it names them, each once.

    At each word the longest term that starts there wins, and matching goes on after it. A name the text
    denies ("wij gebruiken geen Google Analytics": privlint.rules.negation) is not counted.
    """
    if not text:
        return []
    return list(_mentions(text))


@remembered(256)  # checks read the same texts
def _mentions(text: str) -> tuple[Mention, ...]:
    matcher, services = _matcher(), registry()
    written = _WORD.findall(text)
    folded = [*map(str.casefold, written)]
    if matcher.first_folded.isdisjoint(folded) and matcher.first_exact.isdisjoint(written):
        return ()  # no word starts a term (most texts): their places are not needed
    words = _words(text)
    found: dict[str, Mention] = {}
    index = 0
    while index < len(words):
        if folded[index] not in matcher.first_folded and written[index] not in matcher.first_exact:
            index += 1
            continue
        for length in range(min(matcher.longest, len(words) - index), 0, -1):
            end = index + length
            service_id = matcher.exact.get(tuple(written[index:end])) or matcher.folded.get(tuple(folded[index:end]))
            if service_id is not None:
                start, stop = words[index].start(), words[end - 1].end()
                if not is_denied(text, start, stop):  # "geen Google Analytics" names no service used
                    found.setdefault(service_id, Mention(services[service_id], text[start:stop], start, stop))
                index = end
                break
        else:
            index += 1
    # A company named beside one of its own services ("Microsoft Teams ... Microsoft") is that service.
    named_services = {mention.service.provider for mention in found.values() if mention.service.kind != COMPANY}
    return tuple(m for m in found.values() if m.service.kind != COMPANY or m.service.provider not in named_services)


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
