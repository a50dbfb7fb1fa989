"""Write a corpus of realistic manifests for the benchmark: 200 files and 2,000 files.

Each manifest is shaped like the largest seed (Odido): about sixty purposes with
legal bases, data, recipients and retention, some forty data categories, a
dozen recipients, transfers, rights and a supervisory authority, in Dutch or
English, written in the block style the seeds use. The values come from the
enums of the pydantic models, and every manifest is checked against the model
before it is written, so the corpus tracks the format.

Like real statements they are not all clean: some purposes lack a basis or a
retention, some dates are stale, and about one file in fifty breaks the schema
(a misspelt key, an impossible date, an unknown legal basis).

The random seed is fixed, and file ``i`` depends only on ``i``: the 200-file
corpus is the first 200 files of the 2,000-file one, and reruns write the same
bytes.

Beside them (``--variants``): ``200-commented``, the 200 files with suppression
comments (one ``disable-file`` at the top and a ``disable`` every hundred lines)
and ``200-invalid``, the same without them, both with a few files that are not
valid YAML; ``20000``, 20,000 names for the 2,000 files (hard links: the same
findings per file as the corpus, for measuring memory); and ``large``, one
manifest of just under 5 MiB (about 5,800 purposes) made of the corpus's files.

    python benchmarks/generate_corpus.py [--out benchmarks/.corpus] [--sizes 200,2000] [--variants]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
from pathlib import Path
from typing import Any

from privlint.model.manifest import (
    LegalBasis,
    Manifest,
    RecipientRole,
    Right,
    Safeguard,
    SpecialCategory,
    SpecialCondition,
)

SEED = 20251123
DEFAULT_OUT = Path(__file__).resolve().parent / ".corpus"
DEFAULT_SIZES = (200, 2000)
INVALID_EVERY = 50  # one file in this many breaks the schema

EEA = {
    "NL": ("Autoriteit Persoonsgegevens", "https://autoriteitpersoonsgegevens.nl"),
    "BE": ("Gegevensbeschermingsautoriteit", "https://www.gegevensbeschermingsautoriteit.be"),
    "DE-BY": ("BayLDA", "https://www.lda.bayern.de"),
    "FR": ("CNIL", "https://www.cnil.fr"),
    "IE": ("Data Protection Commission", "https://www.dataprotection.ie"),
    "ES": ("AEPD", "https://www.aepd.es"),
}
BRAND_PARTS = ("Odi", "Tel", "Sim", "Net", "Opti", "Mobi", "Flex", "Stroom", "Bel", "Data", "Klik", "Vita")
BRAND_ENDS = ("do", "e2", "pel", "com", "more", "line", "tel", "net", "go", "plus")
SUBJECTS = {
    "nl": ("klanten", "aanvragers", "oud-klanten", "websitebezoekers", "medewerkers", "gemachtigden", "bellers", "sollicitanten"),
    "en": ("customers", "applicants", "former customers", "website visitors", "employees", "representatives", "callers", "job applicants"),
}
TOPICS = {
    "nl": (
        "Aangaan van de overeenkomst", "Vaststellen van je identiteit", "Versturen en incasseren van rekeningen",
        "Uitvoeren risico-onderzoek", "Beoordelen kredietwaardigheid", "Abonnementsgegevens", "Verbruiksgegevens",
        "Entertainment", "Contact met de klantenservice", "Persoonlijk account", "Voordeelprogramma's",
        "Melden betalingsachterstand", "Verzoek tot uitoefening privacyrechten", "Klachten en procedures",
        "Oproepen 112", "Verzoeken tot afgifte aan derden", "Fraudepreventie", "Opname telefoongesprekken",
        "Klanttevredenheidsonderzoek", "Cameratoezicht", "Marketingdoeleinden", "Nummerinformatie",
        "Bewindvoering en overlijden", "Nieuwsbrief", "Analyse van websitegebruik", "Werving en selectie",
    ),
    "en": (
        "Entering into the contract", "Verifying your identity", "Sending and collecting invoices",
        "Credit checks", "Assessing creditworthiness", "Subscription data", "Usage data", "Entertainment",
        "Contact with customer service", "Your personal account", "Loyalty programmes", "Reporting payment arrears",
        "Handling privacy requests", "Complaints and proceedings", "Emergency calls", "Requests from third parties",
        "Fraud prevention", "Recording calls", "Customer satisfaction surveys", "Camera surveillance", "Marketing",
        "Directory listings", "Guardianship and death", "Newsletter", "Website analytics", "Recruitment",
    ),
}
SENTENCES = {
    "nl": (
        "Om deze dienst te kunnen leveren hebben we {data} van je nodig.",
        "We gebruiken jouw gegevens ook om te zien of je al klant bij ons bent.",
        "Als je contact met ons opneemt, vragen we altijd een aantal gegevens om te controleren of je bent wie je zegt dat je bent.",
        "Deze gegevens delen we alleen met partijen die ons helpen bij {topic}.",
        "Wij bewaren {data} niet langer dan nodig is voor dit doel.",
        "In sommige gevallen hebben we een kopie van je legitimatiebewijs nodig; je pasfoto en BSN worden dan afgeschermd.",
        "We kijken bijvoorbeeld of er momenten zijn waarop onze dienstverlening niet helemaal goed verloopt.",
        "Je kunt deze instelling op elk gewenst moment in- en uitschakelen in je persoonlijke account.",
        "Voor {topic} werken we samen met zorgvuldig gekozen leveranciers binnen de Europese Economische Ruimte.",
    ),
    "en": (
        "To provide this service we need {data} from you.",
        "We also use your data to see whether you are already a customer.",
        "When you contact us, we always ask for some details to check that you are who you say you are.",
        "We share these data only with parties that help us with {topic}.",
        "We keep {data} no longer than this purpose requires.",
        "In some cases we need a copy of your identity document; your photo and national number are then masked.",
        "We check, for example, whether there are moments when our service does not run as it should.",
        "You can switch this setting on and off at any time in your personal account.",
        "For {topic} we work with carefully chosen suppliers inside the European Economic Area.",
    ),
}
ITEMS = {
    "nl": ("Naam", "Adres", "E-mailadres", "Telefoonnummer", "Geboortedatum", "IBAN", "Klantnummer", "IP-adres",
           "Simkaartnummer", "IMEI-nummer", "gespreksnotities", "camerabeelden", "locatiegegevens", "betaalgegevens"),
    "en": ("Name", "Address", "E-mail address", "Phone number", "Date of birth", "IBAN", "Customer number", "IP address",
           "SIM number", "IMEI number", "call notes", "camera footage", "location data", "payment details"),
}
RECIPIENT_NAMES = {
    "nl": ("Kredietbureaus", "Incassobureaus", "Belastingdienst", "Opsporingsdiensten", "Marketingpartners",
           "Hostingproviders", "Betaaldienstverleners", "Bezorgdiensten", "Accountants", "Callcenters"),
    "en": ("Credit agencies", "Debt collectors", "Tax authority", "Investigating authorities", "Marketing partners",
           "Hosting providers", "Payment service providers", "Delivery services", "Accountants", "Call centres"),
}
EVENTS = {
    "nl": ("het einde van je contract", "de aanvraag", "je de factuur hebt betaald", "de afhandeling van je vraag"),
    "en": ("the end of your contract", "the application", "you paid the invoice", "your question was answered"),
}


def slug(text: str) -> str:
    return "".join(c if c.isalnum() else "-" for c in text.lower()).strip("-").replace("--", "-")


def sentences(rng: random.Random, lang: str, count: int, **words: str) -> str:
    return " ".join(rng.choice(SENTENCES[lang]).format(**words) for _ in range(count))


def manifest(index: int) -> dict[str, Any]:
    """The manifest of file ``index``: plain data, as YAML would load it."""
    rng = random.Random(f"{SEED}-{index}")
    lang = rng.choice(("nl", "nl", "en"))
    brand = rng.choice(BRAND_PARTS) + rng.choice(BRAND_ENDS)
    country = rng.choice(list(EEA))
    domain = f"{brand.lower()}{index}.example"

    categories = []
    for number in range(rng.randint(32, 48)):
        items = rng.sample(ITEMS[lang], rng.randint(2, 6))
        category: dict[str, Any] = {"id": f"{slug(items[0])}-{number}", "name": f"{items[0]} ({number})", "items": items}
        if rng.random() < 0.08:
            category["special"] = rng.choice(list(SpecialCategory)).value
            category["condition"] = rng.choice(list(SpecialCondition)).value
        if rng.random() < 0.15:
            category["from_others"] = True
            category["source"] = rng.choice(RECIPIENT_NAMES[lang])
        if rng.random() < 0.3:
            category["retention"] = {"period": f"P{rng.randint(1, 7)}Y", "after": rng.choice(EVENTS[lang])}
        categories.append(category)

    recipients = []
    for number, name in enumerate(rng.sample(RECIPIENT_NAMES[lang], rng.randint(6, 10))):
        recipient: dict[str, Any] = {"id": f"{slug(name)}-{number}", "name": name}
        if rng.random() < 0.6:
            recipient["role"] = rng.choice(list(RecipientRole)).value
        if rng.random() < 0.3:
            recipient["country"] = rng.choice(("NL", "BE", "DE", "US", "IN", "GB"))
        recipients.append(recipient)

    purposes = []
    for number in range(rng.randint(52, 68)):
        topic = rng.choice(TOPICS[lang])
        data = rng.sample(categories, rng.randint(1, 4))
        letter = chr(ord("A") + number % 26) + (str(number // 26 + 1) if number >= 26 else "")
        purpose: dict[str, Any] = {
            "id": f"{letter.lower()}-{slug(topic)}",
            "name": topic,
            "section": f"{letter}. {topic}",
            "description": sentences(rng, lang, rng.randint(2, 4), topic=topic.lower(), data=data[0]["name"].lower()),
        }
        if rng.random() < 0.97:  # the rest: a basis only in general, a finding
            purpose["legal_bases"] = rng.sample([b.value for b in LegalBasis if b.value != "vital_interests"], rng.randint(1, 3))
            if "legitimate_interests" in purpose["legal_bases"]:
                purpose["legitimate_interest"] = sentences(rng, lang, 1, topic=topic.lower(), data=data[0]["name"].lower())
            if "consent" in purpose["legal_bases"]:
                purpose["consent_mechanism"] = sentences(rng, lang, 1, topic=topic.lower(), data=data[0]["name"].lower())
        purpose["data"] = [category["id"] for category in data]
        purpose["data_subjects"] = rng.sample(SUBJECTS[lang], rng.randint(1, 3))
        if rng.random() < 0.5:
            purpose["recipients"] = [r["id"] for r in rng.sample(recipients, rng.randint(1, 3))]
        if rng.random() < 0.85:
            purpose["retention"] = {
                "period": rng.choice(("P1M", "P6M", "P2Y", "P5Y", "P7Y", "P4W", "PT24H")),
                "after": rng.choice(EVENTS[lang]),
                "criteria": sentences(rng, lang, 1, topic=topic.lower(), data=data[0]["name"].lower()),
            }
        purposes.append(purpose)

    year = rng.randint(2018, 2025)
    last_changed = f"{year}-{rng.randint(1, 12):02d}" + (f"-{rng.randint(1, 28):02d}" if rng.random() < 0.7 else "")
    document: dict[str, Any] = {
        "privlint": 1,
        "statement": {
            "title": ("Privacystatement van " if lang == "nl" else "Privacy statement of ") + brand,
            "language": lang,
            "url": f"https://www.{domain}/privacy",
            "last_changed": last_changed,
            "changes_announced": sentences(rng, lang, 2, topic="dit privacystatement", data="je gegevens"),
        },
        "controller": {
            "name": f"{brand} {'Nederland bv' if lang == 'nl' else 'Ltd'}",
            "trade_names": [brand, *rng.sample(BRAND_PARTS, 2)],
            "country": country,
            "address": f"Hoofdstraat {rng.randint(1, 200)}, {rng.randint(1000, 9999)} AB Den Haag",
            "contact": {"email": f"privacy@{domain}", "web_form": f"https://www.{domain}/service"},
        },
        "dpo": {"designated": True, "contact": {"email": f"dpo@{domain}"}},
        "purposes": purposes,
        "data_categories": categories,
        "recipients": recipients,
        "transfers": [
            {
                "destination": rng.choice(("United States", "India", "United Kingdom")),
                "recipients": [rng.choice(recipients)["id"]],
                "safeguard": rng.choice(list(Safeguard)).value,
                "description": sentences(rng, lang, 1, topic="doorgifte", data="gegevens"),
            }
            for _ in range(rng.randint(0, 3))
        ],
        "rights": {
            "offered": rng.sample([r.value for r in Right], rng.randint(5, 8)),
            "how": sentences(rng, lang, 2, topic="je privacyrechten", data="je verzoek"),
            "contact": {"email": f"privacy@{domain}"},
            "response_time": "P1M",
        },
        "automated_decisions": [
            {
                "id": f"besluit-{number}",
                "description": sentences(rng, lang, 2, topic="kredietbeoordeling", data="kredietinformatie"),
                "profiling": rng.random() < 0.5,
                "logic": sentences(rng, lang, 1, topic="kredietbeoordeling", data="kredietinformatie"),
                "human_intervention": rng.random() < 0.7,
            }
            for number in range(rng.randint(0, 3))
        ],
    }
    if rng.random() < 0.9:
        authority_country = country if rng.random() < 0.9 else rng.choice(list(EEA))
        name, url = EEA[authority_country]
        document["supervisory_authority"] = {"name": name, "country": authority_country[:2], "url": url}
    if rng.random() < 0.4:
        document["retention"] = {"maximum": "P7Y", "criteria": sentences(rng, lang, 1, topic="bewaren", data="gegevens")}
    return document


def break_schema(document: dict[str, Any], rng: random.Random) -> None:
    """Introduce one mistake that the schema rejects, as a person would make it."""
    mistake = rng.randrange(3)
    if mistake == 0:
        document["statement"]["last_change"] = document["statement"].pop("last_changed")
    elif mistake == 1:
        document["statement"]["last_changed"] = "2023-02-30"
    else:
        rng.choice(document["purposes"])["legal_bases"] = ["concent"]


# -- writing YAML in the seeds' style ----------------------------------------


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    plain = text.replace("-", "").replace(".", "").replace("_", "").isalnum() and not text[0].isdigit()
    return text if plain and text.lower() not in ("true", "false", "null", "yes", "no", "on", "off") else json.dumps(text, ensure_ascii=False)


def flow(values: list[Any]) -> str:
    return "[" + ", ".join(scalar(v) for v in values) + "]"


def emit(value: Any, indent: int, lines: list[str]) -> None:
    pad = " " * indent
    for key, item in value.items():
        if isinstance(item, dict):
            lines.append(f"{pad}{key}:")
            emit(item, indent + 2, lines)
        elif isinstance(item, list) and item and isinstance(item[0], dict):
            lines.append(f"{pad}{key}:")
            for entry in item:
                first, *rest = list(entry.items())
                sub: list[str] = []
                emit(dict([first]), indent + 4, sub)
                sub[0] = f"{pad}  - " + sub[0].lstrip()
                lines.extend(sub)
                emit(dict(rest), indent + 4, lines)
            if indent == 0:
                lines.append("")
        elif isinstance(item, list):
            lines.append(f"{pad}{key}: {flow(item)}")
        else:
            lines.append(f"{pad}{key}: {scalar(item)}")


def render(document: dict[str, Any], index: int) -> str:
    lines = [
        "# yaml-language-server: $schema=../../../schemas/privacy-statement.schema.json",
        f"# Generated by benchmarks/generate_corpus.py (seed {SEED}, file {index}); not a real statement.",
    ]
    emit(document, 0, lines)
    return "\n".join(lines).rstrip() + "\n"


def write_corpus(out: Path, size: int) -> Path:
    directory = out / str(size)
    directory.mkdir(parents=True, exist_ok=True)
    for old in directory.glob("*.privacy.yaml"):
        old.unlink()
    for index in range(size):
        document = manifest(index)
        Manifest.model_validate(document)  # the generator follows the model...
        if index % INVALID_EVERY == INVALID_EVERY - 1:
            break_schema(document, random.Random(f"{SEED}-broken-{index}"))  # ...except where it means not to
        (directory / f"statement-{index:04d}.privacy.yaml").write_text(render(document, index), encoding="utf-8")
    return directory


BROKEN_YAML = (  # as people break YAML: a tab, an unclosed quote, a list item in a mapping
    ("\n    name: ", "\n\tname: "),
    ("\n    name: ", "\n    name: \"unclosed "),
    ("\npurposes:\n", "\npurposes:\n  oops\n"),
)
BROKEN_YAML_EVERY = 40  # one file in this many is not valid YAML in the commented corpus


def with_suppressions(text: str) -> str:
    """The manifest with a ``disable-file`` comment at the top and a ``disable`` comment every hundred lines."""
    lines = text.split("\n")
    for number in range(50, len(lines), 100):
        if lines[number].strip() and "#" not in lines[number]:
            lines[number] += "  # privlint: disable=vague-language -- reviewed with legal"
    return "# privlint: disable-file=stale-last-changed -- the statement is archived\n" + "\n".join(lines)


def write_variants(out: Path) -> list[Path]:
    """The commented and invalid 200-file corpora, 20,000 names for the 2,000 files, one large manifest."""
    written = []
    source = out / "200"
    for name, transform in (("200-commented", with_suppressions), ("200-invalid", lambda text: text)):
        directory = out / name
        directory.mkdir(parents=True, exist_ok=True)
        for index, path in enumerate(sorted(source.glob("*.privacy.yaml"))):
            text = path.read_text(encoding="utf-8")
            if index % BROKEN_YAML_EVERY == BROKEN_YAML_EVERY - 1:
                old, new = BROKEN_YAML[index // BROKEN_YAML_EVERY % len(BROKEN_YAML)]
                text = text.replace(old, new, 1)
            (directory / path.name).write_text(transform(text), encoding="utf-8")
        written.append(directory)
    many = out / "20000"
    many.mkdir(parents=True, exist_ok=True)
    originals = sorted((out / "2000").glob("*.privacy.yaml"))
    for index in range(20_000):
        link = many / f"statement-{index:05d}.privacy.yaml"
        if not link.exists():
            try:
                os.link(originals[index % len(originals)], link)
            except OSError:  # no hard links here: a copy
                shutil.copyfile(originals[index % len(originals)], link)
    written.append(many)
    large = out / "large"
    large.mkdir(parents=True, exist_ok=True)
    (large / "large.privacy.yaml").write_text(large_manifest(), encoding="utf-8")
    written.append(large)
    return written


def large_manifest(limit: int = 5 * 1024 * 1024 - 64 * 1024) -> str:
    """One manifest of just under ``limit`` bytes: file 0 with the purposes and data categories of files 1, 2, ..."""
    document = manifest(0)
    size = len(render(document, 0).encode("utf-8"))
    index = 1
    while True:
        extra = manifest(index)
        renamed = {category["id"]: f"{category['id']}-{index}" for category in extra["data_categories"]}
        for category in extra["data_categories"]:
            category["id"] = renamed[category["id"]]
        for purpose in extra["purposes"]:
            purpose["id"] = f"{purpose['id']}-{index}"
            purpose["data"] = [renamed[data] for data in purpose["data"]]
            purpose.pop("recipients", None)  # file 0 has its own
        piece = {"purposes": extra["purposes"], "data_categories": extra["data_categories"]}
        added = len(render(piece, 0).encode("utf-8"))
        if size + added > limit:
            break
        document["purposes"] += extra["purposes"]
        document["data_categories"] += extra["data_categories"]
        size += added
        index += 1
    Manifest.model_validate(document)
    return render(document, 0)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help=f"where to write (default {DEFAULT_OUT})")
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)), help="corpus sizes, comma-separated")
    parser.add_argument("--variants", action="store_true", help="also the commented, invalid, 20,000-file and large corpora")
    args = parser.parse_args(argv)
    for size in (int(s) for s in args.sizes.split(",") if s):
        directory = write_corpus(args.out, size)
        total = sum(path.stat().st_size for path in directory.iterdir())
        print(f"{directory}: {size} files, {total / size / 1024:.0f} KB each on average", file=sys.stderr)
    if args.variants:
        for directory in write_variants(args.out):
            files = list(directory.glob("*.privacy.yaml"))
            print(f"{directory}: {len(files)} files, {sum(f.stat().st_size for f in files[:2000]) / min(len(files), 2000) / 1024:.0f} KB each on average", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
