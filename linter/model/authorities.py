"""The EU/EEA supervisory authorities, and matching the one a statement names.

The table is ``data/supervisory_authorities.json`` (CC0 data compiled from the
datenanfragen/data repository). An authority is matched by its name (the local
name or the English one in brackets), a short name such as AP, GBA or CNIL, or
its web domain.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from urllib.parse import urlsplit

EEA_COUNTRIES = frozenset(
    "at be bg cy cz de dk ee es fi fr gr hr hu ie it lt lu lv mt nl pl pt ro se si sk is li no".split()
)

# Short names and further web domains that statements use, by slug.
EXTRA_NAMES: dict[str, tuple[str, ...]] = {
    "atdsb": ("DSB", "Datenschutzbehörde"),
    "beapd": (
        "GBA", "APD", "Gegevensbeschermingsautoriteit", "Autorité de protection des données",
        "Belgian Data Protection Authority", "Datenschutzbehörde Belgien",
    ),
    "bgcpdp": ("CPDP", "KZLD"),
    "chedoeb": ("EDÖB", "FDPIC", "PFPDT"),
    "czcuooz": ("ÚOOÚ", "UOOU"),
    "debfdi": ("BfDI",),
    "debaylda": ("BayLDA",),
    "esaepa": ("AEPD",),
    "frcnil": ("CNIL",),
    "gbico": ("ICO", "Information Commissioner's Office"),
    "grdpa": ("HDPA",),
    "hrazop": ("AZOP",),
    "hunaih": ("NAIH",),
    "iedpc": ("DPC", "Data Protection Commission"),
    "itgpdp": ("Garante", "GPDP", "Garante privacy"),
    "lucnpd": ("CNPD Luxembourg",),
    "mtidpc": ("IDPC",),
    "nlap": ("AP", "Autoriteit Persoonsgegevens", "Dutch DPA", "College bescherming persoonsgegevens", "CBP"),
    "plgiodo": ("UODO", "GIODO"),
    "ptcnpd": ("CNPD",),
    "roanspdcp": ("ANSPDCP",),
    "sedi": ("IMY", "Datainspektionen"),
    "siiprs": ("IP RS",),
    "skunoou": ("ÚOOÚ SR",),
}
EXTRA_DOMAINS: dict[str, tuple[str, ...]] = {
    "beapd": ("gegevensbeschermingsautoriteit.be", "autoriteprotectiondonnees.be", "apd-gba.be"),
    "nlap": ("autoriteitpersoonsgegevens.nl",),
    "sedi": ("datainspektionen.se",),
}


@dataclass(frozen=True)
class Authority:
    slug: str
    name: str
    countries: frozenset[str]  # ISO 3166-1 alpha-2, lower case
    web: str | None
    names: frozenset[str]  # normalised names and short names
    domains: frozenset[str]

    @property
    def in_eea(self) -> bool:
        return bool(self.countries & EEA_COUNTRIES)

    def competent_for(self, country_code: str) -> bool:
        """Whether the authority supervises controllers established in ``country_code`` (NL, DE-BY...)."""
        return country_code[:2].lower() in self.countries


def normalise(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.casefold())
    if not text.isascii():  # ASCII has no combining marks
        text = "".join(char for char in text if not unicodedata.combining(char))
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def domain_of(url: str) -> str | None:
    text = url.strip()
    if "@" in text and "/" not in text:  # an e-mail address names a domain too
        text = text.rsplit("@", 1)[1]
    try:
        host = urlsplit(text if "//" in text else f"//{text}").hostname
    except ValueError:  # not an address at all, such as "https://[example.nl"
        return None
    if not host or "." not in host:
        return None
    return host.removeprefix("www.")


@lru_cache(maxsize=1)
def authorities() -> tuple[Authority, ...]:
    raw = json.loads(files("privlint.data").joinpath("supervisory_authorities.json").read_text(encoding="utf-8"))
    table = []
    for entry in raw["authorities"]:
        slug, name = entry["slug"], entry["name"]
        names = {name, *re.findall(r"\(([^)]*)\)", name), re.sub(r"\s*\([^)]*\)", "", name)}
        names.update(part for part in re.split(r"\s+[–-]\s+|,\s+", name) if len(part) > 2)
        names.update(EXTRA_NAMES.get(slug, ()))
        domains = {domain for domain in (domain_of(entry.get("web") or ""), domain_of(entry.get("email") or "")) if domain}
        domains.update(EXTRA_DOMAINS.get(slug, ()))
        table.append(Authority(
            slug=slug,
            name=name,
            countries=frozenset(entry["relevant-countries"]),
            web=entry.get("web"),
            names=frozenset(filter(None, map(normalise, names))),
            domains=frozenset(domains),
        ))
    return tuple(table)


def match(name: str | None, url: str | None) -> list[Authority]:
    """Every known authority the given name or web address identifies."""
    found: list[Authority] = []
    wanted_name = normalise(name) if name else None
    wanted_domain = domain_of(url) if url else None
    for authority in authorities():
        by_name = wanted_name is not None and wanted_name in authority.names
        by_domain = wanted_domain is not None and any(
            wanted_domain == domain or wanted_domain.endswith("." + domain) for domain in authority.domains
        )
        if by_name or by_domain:
            found.append(authority)
    return found
