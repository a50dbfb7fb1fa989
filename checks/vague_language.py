"""
## What it does
Reports wording that leaves open what the controller does with personal data: its purposes,
the data, the recipients, transfers and retention. It reads purpose descriptions, legitimate
interests and retention criteria, data category names, items and sources, recipient
descriptions, transfer descriptions and the statement-wide retention criteria, and reports:

- a modal verb whose subject is the controller, the data or a recipient: "wij kunnen uw
  gegevens delen", "uw gegevens kunnen worden doorgegeven", "we may use", "het kan voorkomen
  dat";
- "mogelijk", "eventueel" (meaning "possibly"), "soms", "vaak", "in sommige gevallen",
  "sommige gegevens", "waar nodig", "possibly", "sometimes", "often", "some data";
- "zoals", "bijvoorbeeld", "onder andere", "o.a.", "waaronder", "etc.", "such as", "for example",
  "among other things" before an open list of data, recipients or purposes ("verschillende
  partners, zoals ...", "gegevens zoals ..."), and "met inbegrip van maar niet beperkt tot",
  "including but not limited to", "en andere partners".

It does not report a maximum ("kunnen wij tot 12 maanden bewaren", "we may keep ... for up to six
months": how long at most, not whether), a necessity ("moeten wij inzage kunnen hebben"), examples
of an occasion ("bijvoorbeeld als een partner een aanbieding heeft", "als dat nodig is,
bijvoorbeeld voor ..."), a list that ends in a category of its own ("e-mailadres, telefoonnummer
en andere contactgegevens"; not "en andere gegevens"), what the person can do ("u kunt bezwaar maken", "you may lodge a
complaint"), a hedge inside a condition, a main clause that a condition of the person's own
doing settles ("als u uw e-mailadres achterlaat, kunnen wij uw vraag per e-mail
beantwoorden"), what a system, an authority or someone else can do ("de app kan alleen ...",
"de politie kan ... nodig hebben"), purpose clauses ("om ... te kunnen", "zodat wij ...
kunnen"), "eventuele" (any), "zoals" meaning "as" ("zoals beschreven", "zoals u die
invult"), examples inside a category that is itself complete ("toezichthouders zoals de
AP", "uw betaalgegevens (bijv. IBAN)", "payment details (e.g. card number)"), examples of
things a statement need not list (security measures, the company's services), a list the
sentence closes ("such as ...; we send no other e-mails"), or a sentence that only says what
personal data are ("Dit zijn bijvoorbeeld gegevens zoals uw naam"). "Je" before a data noun is
a possessive ("Coolblue kan je gegevens gebruiken" is the controller acting), and the
controller may be named by its kind where its name says it ("de vzw", "de gemeente"). A
modal that only picks among a closed list of channels for reaching the person ("kunnen we je
per sms of e-mail benaderen"), or whose purpose is securing the person's own account, is not
reported, nor what a recipient may do in the purpose clause of a definite disclosure ("...
verstrekt aan Netflix, zodat ze je eventueel kunnen herinneren").

A frequency or modal hedge on recording ("we nemen gesprekken soms op") is not reported where
the same text says the person is told beforehand ("informeren we je vooraf"): they learn before
each call whether it is recorded.
Examples in a legitimate interest ("het is bijvoorbeeld een gerechtvaardigd belang van ons dat
klanten hun rekeningen betalen") are examples of why, not of what is done, and are not reported.
A transfer recorded as only possible (`possible: true`) is left to `possible-transfer`, and
retention criteria that `vague-retention` or `unbounded-retention` report are left to them.
Each distinct hedge is reported once per sentence: where a manifest quotes the same sentence
in two fields, the first field (in the order above, purposes first) gets the finding and the
second none. The message quotes the hedges and the sentence they stand in.

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

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

from privlint.model.texts import statement_words
from privlint.parse.pointers import NodePath
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.hedges import HEDGES, Hedge, Sort, find
from privlint.rules.retention import is_unbounded_retention, is_vague_retention
from privlint.rules.wording import name_tuples

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL508",
    name="vague-language",
    severity="info",
    article="Art. 12(1) (WP260)",
    summary="Wording leaves open what is done with data: 'we may', 'some', 'such as' before an open list",
    reads=(
        "controller.name", "controller.other_entities", "controller.trade_names",
        "purposes[].description", "purposes[].legitimate_interest", "purposes[].retention.criteria",
        "data_categories[].name", "data_categories[].items", "data_categories[].source",
        "data_categories[].retention.criteria", "recipients[].description", "transfers[].description",
        "transfers[].possible",
        "retention.criteria", "purposes[].quote", "transfers[].quote", "*.retention.quote",
    ),
)

QUOTE_LENGTH = 160


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    controller = manifest.controller
    names = name_tuples(
        [controller.name or "", *controller.other_entities, *controller.trade_names] if controller else []
    )
    reported = _Reported()
    for path, field, text in _fields(manifest):
        hedges = [hedge for hedge in find(text, names) if not reported.seen(hedge)]
        if not hedges:
            continue  # (most fields: the filters below only take hedges away)
        if path[0] == "transfers":  # "waar nodig" on a transfer qualifies its safeguard: transfer-without-safeguard's
            hedges = [hedge for hedge in hedges if HEDGES.get(tuple(hedge.phrase.lower().split())) is not Sort.needed]
        if _announced_recording(text):  # "we nemen gesprekken soms op ... Als jouw gesprek kan worden opgenomen,
            # informeren we je vooraf": the caller learns before each recorded call whether it is recorded
            hedges = [hedge for hedge in hedges if not (_RECORDING.search(hedge.sentence) and HEDGES.get(
                tuple(hedge.phrase.lower().split())) in (Sort.frequency, Sort.modal))]
        if path[-1] == "legitimate_interest":  # "het is bijvoorbeeld een gerechtvaardigd belang dat ...": examples of why
            hedges = [hedge for hedge in hedges if HEDGES.get(tuple(hedge.phrase.lower().split())) is not Sort.example]
        if not hedges:
            continue
        for hedge in hedges:
            reported.add(hedge)
        phrases = ", ".join({" ".join(h.phrase.lower().split()): repr(h.phrase) for h in reversed(hedges)}[key]
                            for key in dict.fromkeys(" ".join(h.phrase.lower().split()) for h in hedges))
        sentence = _quote(hedges[0].sentence)
        yield Problem(
            path,
            f"{field} leaves open what is done with the data ({phrases}): {sentence}",
            hint="say definitely what is done: which data, for which purpose, shared with whom; give the "
            "complete list instead of 'such as' or 'onder andere' (WP260)",
        )


def _fields(manifest: Manifest) -> Iterator[tuple[NodePath, str, str]]:
    """Every field the rule reads that has text: its path, how the message names it, and the text."""
    for index, purpose in enumerate(manifest.purposes):
        owner = f"purpose {purpose.label}"
        field, words = statement_words(purpose, "description")
        yield from _text(("purposes", index, field), f"the {field} of {owner}", words)
        yield from _text(("purposes", index, "legitimate_interest"), f"the legitimate interest of {owner}",
                         purpose.legitimate_interest)
        yield from _text(("purposes", index, "retention", _criteria_field(purpose.retention)), f"the retention of {owner}",
                         _criteria(purpose.retention))
    for index, category in enumerate(manifest.data_categories):
        owner = f"data category {category.id!r}"
        yield from _text(("data_categories", index, "name"), f"the name of {owner}", category.name)
        for number, item in enumerate(category.items):
            yield from _text(("data_categories", index, "items", number), f"item {number + 1} of {owner}", item)
        yield from _text(("data_categories", index, "source"), f"the source of {owner}", category.source)
        yield from _text(("data_categories", index, "retention", _criteria_field(category.retention)),
                         f"the retention of {owner}", _criteria(category.retention))
    for index, recipient in enumerate(manifest.recipients):
        yield from _text(("recipients", index, "description"), f"the description of recipient {recipient.id!r}",
                         recipient.description)
    for index, transfer in enumerate(manifest.transfers):
        if getattr(transfer, "possible", False):
            continue  # a transfer described as possible: possible-transfer reports it (the more specific rule)
        field, words = statement_words(transfer, "description")
        yield from _text(("transfers", index, field), f"the {field} of transfer {index + 1}", words)
    yield from _text(("retention", _criteria_field(manifest.retention)), "the statement's retention", _criteria(manifest.retention))


_RECORDING = re.compile(r"\b(?:op(?:ge)?n(?:eem|am|em|omen|ame|amen|emen)\w*|record\w*|(?:neem|neemt|nemen|nam|namen)\b[^.;]{0,120}?\bop)\b",
                        re.IGNORECASE)
_BEFOREHAND = re.compile(
    r"\b(?:vooraf|van\s+tevoren|voordat\s+het\s+gesprek|beforehand|in\s+advance|before\s+(?:the\s+call|it\s+starts|"
    r"recording))\b", re.IGNORECASE)
_TOLD = re.compile(r"\b(?:informeren|informeert|melden|meldt|vertellen|geïnformeerd|gemeld|inform|informed|tell|told|notify|"
                   r"notified|hoort|hear)\b", re.IGNORECASE)


def _announced_recording(text: str) -> bool:
    """Whether the text speaks of recording and says the person is told of it beforehand."""
    return bool(_RECORDING.search(text)) and any(_BEFOREHAND.search(sentence) and _TOLD.search(sentence)
                                                 for sentence in re.split(r"(?<=[.!?])\s+", text))


def _text(path: NodePath, field: str, text: Any) -> Iterator[tuple[NodePath, str, str]]:
    if isinstance(text, str) and text and not text.isspace():  # (what strip() leaves, without copying the text)
        yield path, field, text


def _criteria(retention: Any) -> str | None:
    """Retention criteria, unless vague-retention or unbounded-retention reports them (the more specific rule)."""
    if retention is None or is_vague_retention(retention) or is_unbounded_retention(retention):
        return None
    return statement_words(retention, "criteria")[1]


def _criteria_field(retention: Any) -> str:
    """Which field ``_criteria`` reads: the retention's quote where it has one."""
    return statement_words(retention, "criteria")[0] if retention is not None else "criteria"


class _Reported:
    """The hedges reported so far, to report each fact once however often a manifest quotes its sentence.

    A sentence counts as the same when it starts with the same eight words (a quote shortened at its
    end: "Opnamen ... kunnen wij ..."), or when one is part of the other (a fragment quoted in a
    recipient's description).
    """

    COMPARED = 64  # fragments are compared with at most this many sentences per hedge: linear in the manifest

    def __init__(self) -> None:
        self._openings: set[tuple[str, str]] = set()
        self._sentences: dict[str, list[str]] = {}

    def seen(self, hedge: Hedge) -> bool:
        sentence, phrase = _normal(hedge.sentence), _normal(hedge.phrase)
        if (_opening(sentence), phrase) in self._openings:
            return True
        return any(sentence in other or other in sentence for other in self._sentences.get(phrase, ()))

    def add(self, hedge: Hedge) -> None:
        sentence, phrase = _normal(hedge.sentence), _normal(hedge.phrase)
        self._openings.add((_opening(sentence), phrase))
        known = self._sentences.setdefault(phrase, [])
        if len(known) < self.COMPARED:
            known.append(sentence)


def _normal(text: str) -> str:
    return " ".join(_NOT_ALNUM.sub(" ", text.lower()).split())


_NOT_ALNUM = re.compile(r"[\W_]")  # \w is what str.isalnum() accepts, and "_"


def _opening(sentence: str) -> str:
    return " ".join(sentence.split()[:8])


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= QUOTE_LENGTH else f'"{text[: QUOTE_LENGTH - 3].rstrip()}..."'
