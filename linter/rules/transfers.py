"""Where a transfer goes, and which transfer covers a party outside the EEA.

The transfer checks (``unspecified-transfer``, ``undeclared-transfer``) share these facts:
which countries are in the EEA, which have an adequacy decision (Art. 45), how a statement
writes a country's name, and when a destination names no place at all ("buiten de EER").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from privlint.model.authorities import EEA_COUNTRIES

if TYPE_CHECKING:
    from privlint.model.manifest import Transfer

#: The EU member states and Iceland, Liechtenstein and Norway, as upper-case ISO 3166-1 codes.
EEA = frozenset(code.upper() for code in EEA_COUNTRIES)

#: Countries with an adequacy decision of the Commission (Art. 45), as listed in the reference notes.
#: The United States' (the EU-US Data Privacy Framework) covers only certified organisations: see US_DPF.
ADEQUATE = frozenset("GB CH JP KR CA IL NZ AR UY AD FO GG IM JE".split())
US_DPF = "US"


def country_of(code: str) -> str:
    """The country of a code that may carry a subdivision: DE-BY is DE."""
    return code[:2].upper()


def outside_eea(codes: Iterable[str]) -> tuple[str, ...]:
    """The codes that are not EEA countries, in order, once each."""
    return tuple(dict.fromkeys(country_of(code) for code in codes if country_of(code) not in EEA))


# How statements write the names of the third countries they most often name (English, Dutch, French,
# German). Upper-case abbreviations are matched with their case: "us" and "vs" are ordinary words.
_NAMES = {
    "US": ("United States", "United States of America", "Verenigde Staten", "Verenigde Staten van Amerika",
           "États-Unis", "Etats-Unis", "Vereinigte Staaten"),
    "GB": ("United Kingdom", "Great Britain", "Verenigd Koninkrijk", "Groot-Brittannië", "Engeland", "England",
           "Royaume-Uni", "Vereinigtes Königreich"),
    "CH": ("Switzerland", "Zwitserland", "Suisse", "Schweiz"),
    "CA": ("Canada", "Kanada"),
    "IL": ("Israel", "Israël"),
    "JP": ("Japan", "Japon"),
    "KR": ("South Korea", "Republic of Korea", "Zuid-Korea", "Corée du Sud", "Südkorea"),
    "NZ": ("New Zealand", "Nieuw-Zeeland", "Nouvelle-Zélande", "Neuseeland"),
    "AR": ("Argentina", "Argentinië", "Argentine", "Argentinien"),
    "UY": ("Uruguay",),
    "AD": ("Andorra", "Andorre"),
    "FO": ("Faroe Islands", "Faeröer", "Faeröereilanden", "Färöer"),
    "GG": ("Guernsey",),
    "IM": ("Isle of Man",),
    "IN": ("India", "Inde", "Indien"),
    "CN": ("China", "Chine"),
    "SG": ("Singapore", "Singapour", "Singapur"),
    "AU": ("Australia", "Australië", "Australie", "Australien"),
    "BR": ("Brazil", "Brazilië", "Brésil", "Brasilien"),
    "PH": ("Philippines", "Filipijnen", "Philippinen"),
    "MY": ("Malaysia", "Maleisië", "Malaisie"),
    "ZA": ("South Africa", "Zuid-Afrika", "Afrique du Sud", "Südafrika"),
    "TR": ("Turkey", "Türkiye", "Turkije", "Turquie", "Türkei"),
    "UA": ("Ukraine", "Oekraïne"),
    "RS": ("Serbia", "Servië", "Serbie", "Serbien"),
    "MA": ("Morocco", "Marokko", "Maroc"),
    "RU": ("Russia", "Rusland", "Russie", "Russland"),
}
_ABBREVIATIONS = {"US": ("US", "USA", "U.S.", "U.S.A.", "VS"), "GB": ("UK", "U.K.")}


def _alternation(words: Iterable[str]) -> str:
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(r"[\s-]+".join(map(re.escape, re.split(r"[\s-]+", word))) for word in ordered)


@lru_cache(maxsize=1)
def _country_patterns() -> tuple[tuple[str, re.Pattern[str]], ...]:
    patterns = []
    for code, names in _NAMES.items():
        source = _alternation(names)
        if code in _ABBREVIATIONS:
            # (?i:...) for the names only: the abbreviations keep their capitals.
            source = f"(?i:{source})|{_alternation(_ABBREVIATIONS[code])}"
            patterns.append((code, re.compile(rf"(?<!\w)(?:{source})(?![\w])")))
        else:
            patterns.append((code, re.compile(rf"(?<!\w)(?:{source})(?!\w)", re.IGNORECASE)))
    return tuple(patterns)


def countries_named(text: str | None) -> tuple[str, ...]:
    """The third countries a text names, as codes, in the order of the table."""
    if not text:
        return ()
    return tuple(code for code, pattern in _country_patterns() if pattern.search(text))


def destination_countries(transfer: Transfer) -> frozenset[str]:
    """The countries a transfer goes to: its ``countries``, and those its ``destination`` names."""
    return frozenset(map(country_of, transfer.countries)) | frozenset(countries_named(transfer.destination))


# A destination written as a region defined by what it is not ("buiten de EER", "a third country") names
# no place. What is left after taking these words out decides whether the destination names one.
_NOWHERE = re.compile(
    r"""
    (?:the\s+|de\s+)?(?:countries|country|landen|land)\s+(?:where|in\s+which|waar|waarin|without|zonder)\b.*
    | \((?:eea|eer|eu|ee[ae]|ewr)\)
    | (?:outside|beyond|out\s+of)\s+(?:of\s+)?(?:the\s+)?(?:so-called\s+)?
      (?:eea|eu|e\.e\.a\.|european\s+economic\s+area|european\s+union|europe)\b
    | buiten\s+(?:de\s+|het\s+)?(?:zogeheten\s+|zogenaamde\s+)?
      (?:eer|eu|europese\s+economische\s+ruimte|europese\s+unie|europa)\b
    | hors\s+(?:de\s+)?(?:l['’])?(?:eee|ue|espace\s+économique\s+européen|union\s+européenne|europe)\b
    | außerhalb\s+(?:des|der)\s+(?:ewr|eu|europäischen\s+wirtschaftsraums|europäischen\s+union)\b
    | third[\s-]+countr(?:y|ies) | derde[\s-]+land(?:en)? | pays\s+tiers | drittl(?:and|änder)n? | drittstaat(?:en)?
    | non[\s-]+(?:eea|eu)(?:\s+countr(?:y|ies))? | niet[\s-]+(?:eer|eu)[\s-]*land(?:en)?
    | international(?:e)?\s+organi[sz]ati(?:ons|on|es|e)\b
    | other\s+countries | andere\s+landen | abroad | (?:het\s+)?buitenland | worldwide | wereldwijd
    | elsewhere | elders | a\s+destination | een\s+bestemming | countries | landen | a\s+country | een\s+land
    """,
    re.IGNORECASE | re.VERBOSE,
)
_FILLER = frozenset("a an the to in and or een de het naar en of la le les et vers und oder".split())


def names_no_place(destination: str | None) -> bool:
    """Whether a destination, as written, names no country, region or organisation ("buiten de EER")."""
    if destination is None:
        return True
    rest = _NOWHERE.sub(" ", destination)
    words = [word for word in re.findall(r"\w+", rest.lower()) if word not in _FILLER]
    return not words


def is_unspecified(transfer: Transfer) -> bool:
    """Whether a transfer names no destination: marked so, or no countries and no destination that names a place."""
    if transfer.destination_unspecified:
        return True
    return not transfer.countries and names_no_place(transfer.destination)


def transfer_label(index: int, transfer: Transfer) -> str:
    """How findings name a transfer: "transfer 2 to 'United States'"."""
    return f"transfer {index + 1}" + (f" to {transfer.destination!r}" if transfer.destination else "")


def mechanisms(transfer: Transfer) -> str:
    """The recorded safeguards in words: "standard contractual clauses or binding corporate rules"."""
    names = [safeguard.value.replace("_", " ") for safeguard in transfer.safeguards]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " or " + names[-1]
