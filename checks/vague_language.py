"""
## What it does
Reports purpose descriptions, data category names and items, and recipient descriptions
that rely on hedges: "may", "might", "some", "often", "possible", "such as", "for
example", "kan", "kunnen", "mogelijk", "sommige", "vaak", "onder andere", "o.a.",
"bijvoorbeeld", "zoals". Each offending field is reported once, quoting the hedges
found in it.

## Why it matters
Information must be concise, transparent and intelligible (Art. 12(1)). The transparency
guidelines (WP260) call qualifiers such as "may", "might", "some", "often" and
"possible" poor practice: "We may use your personal data to develop new services" does
not say whether, which data, or for what. "Such as" and "onder andere" in place of a
list leave the reader guessing what else is included. This is a hint for editing, not a
breach in itself, hence severity info.

## Example
```yaml
purposes:
  - id: research
    description: "We kunnen uw gegevens gebruiken voor onder andere onderzoek."
```

## Use instead
```yaml
purposes:
  - id: research
    description: "We gebruiken uw klantvragen en bestellingen om te onderzoeken welke producten we verbeteren."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.phrases import LowerCasePattern, Phrases

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL508",
    name="vague-language",
    severity="info",
    article="Art. 12(1) (WP260)",
    summary="Wording relies on hedges such as 'may', 'some' or 'such as'",
)


#: Qualifiers WP260 calls poor practice, and "such as" / "onder andere" in place of a list.
HEDGES = Phrases(
    [
        "may", "might", "could", "some", "sometimes", "often", "possible", "possibly",
        "such as", "for example", "for instance", "e.g.", "among others", "amongst others",
        "among other things", "inter alia", "including but not limited to", "etc.", "and so on",
        "kan", "kunnen", "mogelijk*", "eventueel", "eventuele", "sommige", "soms", "vaak",
        "onder andere", "onder meer", "o.a.", "bijvoorbeeld", "bijv.", "bv.", "zoals", "waaronder", "enz.",
        "enzovoort", "evt.",
    ]
)


#: Constructions that contain a hedge word without hedging: "om ... te kunnen leveren" (in order to),
#: "mogelijk maken" (to enable), "zo snel mogelijk" (as soon as possible).
NOT_HEDGES = Phrases(
    [
        "te kunnen", "mogelijk maken", "mogelijk te maken", "mogelijk maakt", "mogelijk gemaakt",
        "zo snel mogelijk", "zo spoedig mogelijk", "as soon as possible",
    ]
)


#: Constructions that hedge no more than the phrases above: "zo snel en goed mogelijk",
#: "zoals besproken", and a modal verb in a purpose clause, which states an ability, not a
#: doubt ("zodat wij u kunnen betalen"). Regular expressions, in lower case.
NOT_HEDGE_PATTERNS = [
    r"(zodat|opdat|so that|in order to)\b[^.,;:()]*?\b(kan|kunnen|can|could)\b",
    r"zo(veel)?\s+\w+(\s+en\s+\w+)?\s+mogelijk\b",
    r"zoals\s+(ge\w+|hierboven|hieronder|beschreven|besproken|vermeld|bedoeld|aangegeven|toegelicht|uitgelegd|afgesproken|overeengekomen|vastgelegd)\b",
]

#: One pass over a text, tried only where a word starts: constructions that do not hedge are
#: tried first and consume their words.
SCANNER = LowerCasePattern(
    rf"(?<!\w)(?=\w)(?:(?P<skip>{'|'.join([NOT_HEDGES.expression, *NOT_HEDGE_PATTERNS])})|(?P<hedge>{HEDGES.expression}))"
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, purpose in enumerate(manifest.purposes):
        field, words = statement_words(purpose, "description")
        yield from _hedged(("purposes", index, field), f"the {field} of purpose {purpose.label}", words)
    for index, category in enumerate(manifest.data_categories):
        owner = f"data category {category.id!r}"
        yield from _hedged(("data_categories", index, "name"), f"the name of {owner}", category.name)
        for number, item in enumerate(category.items):
            yield from _hedged(("data_categories", index, "items", number), f"item {number + 1} of {owner}", item)
        yield from _hedged(("data_categories", index, "source"), f"the source of {owner}", category.source)
    for index, recipient in enumerate(manifest.recipients):
        yield from _hedged(("recipients", index, "description"), f"the description of recipient {recipient.id!r}", recipient.description)


def _hedged(pointer, field, text):
    hedges = _hedges(text) if text else ()
    if hedges:
        yield Problem(
            pointer,
            f"{field} relies on hedges: {', '.join(map(repr, hedges))}",
            hint="say exactly which data are used, for what and by whom; give the complete list "
            "instead of 'such as' or 'onder andere' (WP260)",
        )


@lru_cache(maxsize=2048)  # data items ("e-mailadres") and stock sentences recur, within and across manifests
def _hedges(text):
    """The hedges in ``text``, each once, as first written."""
    seen = {}
    for match, written in SCANNER.finditer(text):
        if match.lastgroup == "hedge":
            seen.setdefault(" ".join(written.lower().split()), written)
    return tuple(seen.values())
