"""Signs in a manifest that a statement tracks people online: data that are only collected by reading or placing
something on their device, and analytics or advertising services.

``missing-cookie-information`` asks such a statement to say something about cookies and similar technologies.
The data are matched conservatively, in Dutch and English: behaviour followed across pages or clicks
("surfgedrag", "klik- en surfgedrag", "browsing behaviour", "clickstream"), identifiers read from the device
("advertising ID", "device fingerprint", "cookie-ID") and tracking techniques ("tracking pixel", "heatmaps",
"session recordings"). What a server sees on its own is not enough: an IP address, the browser type, the pages
requested, the time of a visit; nor are network data a telecom provider handles (IMEI, MAC address), TV viewing,
a parcel's track-and-trace code, or behaviour in a shop. Words the text denies ("wij volgen uw surfgedrag niet")
are not counted (privlint.rules.negation).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from privlint.model.vocabulary import ServiceKind
from privlint.parse.pointers import NodePath
from privlint.rules.negation import is_denied
from privlint.rules.service_registry import RegisteredService, mentions, registry

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest, Service

#: Kinds of service that track people across pages and sites, with how a message names them.
TRACKING_KINDS = {
    ServiceKind.analytics: "analytics service",
    ServiceKind.advertising: "advertising service",
    ServiceKind.tag_manager: "tag manager",
}

_DUTCH = (
    r"(?:surf|klik|browse|navigatie)gedrag", r"(?:surf|klik|browse)(?:gegevens|data|historie|geschiedenis)",
    # a compound cut short before a list: "klik- en surfgedrag", "zoek-, surf- en koopgedrag"
    r"(?:surf|klik)-\s*(?:,\s*\w+-\s*)*(?:en|of|&|/)\s*\w*(?:gedrag|gegevens|data)",
    r"browser-?geschiedenis", r"internetgedrag", r"online[\s-]*gedrag", r"gedrag\s+op\s+(?:onze|de|andere)\s+websites?",
    # sites visited elsewhere, which only a tracker sees (not the pages of the controller's own site)
    r"bezochte\s+(?:web)?sites", r"vorige\s*/\s*volgende\s+bezochte\s+sites?",
    r"(?:web)?sites?\s+die\s+(?:u|je)\s+(?:eerder|daarvoor|daarna|hiervoor|hierna|elders)\s+(?:hebt\s+|heeft\s+)?bezo(?:cht|ekt)",
    r"advertentie-?\s*id", r"apparaat-?\s*id", r"toestel-?\s*id", r"cookie-?\s*id(?:['’]?s)?", r"cookie-?identificat\w*",
    r"(?:tracking|volg)-?pixels?", r"webbeacons?", r"sessie-?opnames?",
    r"vingerafdruk\s+van\s+(?:uw|je|het)\s+(?:browser|apparaat|toestel)",
)
_ENGLISH = (
    r"(?:browsing|surfing|click|clicking)\s+(?:behaviou?r|history|habits|patterns|activity|data)", r"navigation\s+behaviou?r",
    r"clickstreams?", r"click-stream", r"online\s+behaviou?r", r"web\s+browsing\s+(?:history|activity)",
    r"behaviou?r\s+on\s+(?:our|the|other)\s+(?:web)?sites?", r"sites?\s+(?:you\s+)?visited\s+(?:before|after|elsewhere)",
    r"(?:mobile\s+)?advertising\s+(?:id|ids|identifiers?)", r"ad\s+ids?", r"idfa", r"gaid", r"aaid",
    r"device\s+(?:id|ids|identifiers?)", r"unique\s+device\s+identifiers?",
    r"(?:device|browser)\s+fingerprint(?:s|ing)?", r"fingerprinting", r"cookie\s+(?:id|ids|identifiers?)",
    r"tracking\s+pixels?", r"web\s+beacons?", r"pixel\s+tags?", r"heat\s*maps?", r"session\s+(?:recordings?|replays?)",
)
TRACKING_DATA = re.compile(rf"(?<!\w)(?:{'|'.join(_DUTCH + _ENGLISH)})(?!\w)", re.IGNORECASE)


def tracking_words(text: str | None) -> str | None:
    """The first words of ``text`` that say it tracks people online, as written, unless the text denies them."""
    for match in TRACKING_DATA.finditer(text or ""):
        if not is_denied(text or "", match.start(), match.end()):
            return match.group(0)
    return None


@dataclass(frozen=True)
class Signal:
    """Something in the manifest that shows tracking: where it is, and how a message says it."""

    path: NodePath
    said: str  # "data category 'web' records 'surfgedrag' and 'clickstream'", "service 'Hotjar' is an analytics service"


def tracking_signals(manifest: Manifest) -> Iterator[Signal]:
    """Every sign of tracking, in the manifest's order: data categories, then services, then recipients."""
    for index, category in enumerate(manifest.data_categories):
        texts: list[tuple[NodePath, str]] = [(("data_categories", index, "name"), category.name or "")]
        texts += [(("data_categories", index, "items", item), text) for item, text in enumerate(category.items)]
        found = [(path, words) for path, text in texts if (words := tracking_words(text))]
        if found:
            quoted = list(dict.fromkeys(repr(words) for _, words in found))
            listed = quoted[0] if len(quoted) == 1 else f"{', '.join(quoted[:-1])} and {quoted[-1]}"
            yield Signal(found[0][0], f"data category {category.id!r} records {listed}")
    for index, service in enumerate(manifest.services):
        kind, field = _service_kind(service)
        if kind in TRACKING_KINDS:
            yield Signal(("services", index, field), f"service {service.name!r} is {_a(TRACKING_KINDS[kind])}")
    for index, recipient in enumerate(manifest.recipients):
        for field in ("name", "description"):
            for mention in mentions(getattr(recipient, field)):
                kind = _kind(mention.service)
                if kind in TRACKING_KINDS:
                    yield Signal(
                        ("recipients", index, field),
                        f"recipient {recipient.id!r} names {mention.service.label}, {_a(TRACKING_KINDS[kind])}",
                    )


def _service_kind(service: Service) -> tuple[ServiceKind | None, str]:
    """What a service does, and the field that says so: its own ``kind``, or else its registry entry's."""
    if service.kind is not None:
        return service.kind, "kind"
    if service.registry is not None:
        entry = registry().get(service.registry)
        return (_kind(entry) if entry else None), "registry"
    for field in ("name", "provider"):
        for mention in mentions(getattr(service, field)):
            kind = _kind(mention.service)
            if kind is not None:
                return kind, field
    return None, "name"


def _kind(entry: RegisteredService) -> ServiceKind | None:
    """The kind of a registry entry as the manifest's vocabulary names it (None for a company named without a service)."""
    value = entry.kind.replace("-", "_")
    return ServiceKind(value) if value in ServiceKind.__members__ else None


def _a(noun: str) -> str:
    return f"an {noun}" if noun[0] in "aeiou" else f"a {noun}"
