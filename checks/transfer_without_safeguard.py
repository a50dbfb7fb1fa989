"""
## What it does
Reports a transfer of personal data outside the EEA that names no ground for it: no
adequacy decision (Art. 45) and no safeguard or derogation of Art. 46, 47 or 49, such as
standard contractual clauses or binding corporate rules (`safeguard`). An assurance such as
"we make sure your data are safe", "voldoende gewaarborgd" or "passende maatregelen" is not a
mechanism; nor is a mechanism named only as an example ("passende waarborgen, zoals de
standaardcontractbepalingen", "such as standard contractual clauses") or hedged ("waar nodig",
"indien vereist", "where necessary", "where applicable"): the reader cannot tell what protects
their transfer. The message quotes the statement's words. Where the description names a
mechanism definitely that `safeguard` does not record, the hint says which value to record. A
description that says there is no transfer outside the EEA ("wij geven uw gegevens niet door
buiten de EER") draws no finding while the transfer names no destination. One finding per
transfer.

## Why it matters
Art. 13(1)(f) and 14(1)(f) require, for a transfer to a third country, a reference to
the adequacy decision or to the appropriate safeguards and how to obtain a copy of them.
Only a named mechanism tells the reader what protects their data abroad and lets them
ask for the document; "we take care of it" does neither.

## Example
```yaml
transfers:
  - destination: United States
    description: "We only share your data outside the EEA if it is sufficiently protected."
```

## Use instead
```yaml
transfers:
  - destination: United States
    safeguard: standard_contractual_clauses
    description: "We use the European Commission's standard contractual clauses."
    copy_available: "Ask privacy@example.com for a copy."
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from itertools import pairwise
from typing import TYPE_CHECKING

from privlint.model.vocabulary import Safeguard
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.phrases import Phrases
from privlint.rules.wording import Token, WordPhrases, sentences, tokens

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL504",
    name="transfer-without-safeguard",
    severity="error",
    article="Art. 13(1)(f), 14(1)(f), 44-49",
    summary="A transfer outside the EEA names no adequacy decision or safeguard, or names one only as an example",
    reads=("transfers[].safeguard", "transfers[].description", "transfers[].destination"),
)


#: Words that promise protection without naming how it is given.
ASSURANCES = Phrases([
    "make sure", "ensure", "ensures", "safe", "safely", "secure", "securely", "appropriate measures",
    "appropriate safeguards", "adequate protection", "adequately protected", "sufficiently protected",
    "sufficient protection", "additional measures", "lawful", "lawfully",
    "voldoende gewaarborgd", "voldoende beschermd", "voldoende bescherming", "passende maatregelen",
    "passende waarborgen", "extra maatregelen", "aanvullende maatregelen", "zorgen wij", "zorgen we",
    "zorgen ervoor", "veilig*", "rechtmatig*", "zorgvuldig*",
])

#: How statements name each mechanism, to suggest the `safeguard` value to record.
MECHANISMS = {
    Safeguard.adequacy_decision: WordPhrases([
        "adequacy decision*", "adequaatheidsbesluit*", "adequaatheidsbeslissing*", "Data Privacy Framework",
    ]),
    Safeguard.standard_contractual_clauses: WordPhrases([
        "standard contractual clauses", "standard data protection clauses", "model clauses", "SCC", "SCCs",
        "standaardcontractbepalingen", "modelcontractbepalingen", "modelcontracten", "standaardbepalingen",
    ]),
    Safeguard.binding_corporate_rules: WordPhrases(["binding corporate rules", "BCR", "BCRs", "bindende bedrijfsvoorschriften"]),
    Safeguard.certification: WordPhrases(["certificeringsmechanisme", "certification mechanism"]),
    Safeguard.derogation: WordPhrases(["artikel 49", "article 49", "art. 49", "art 49"]),
}
QUOTE_LENGTH = 160


#: A mechanism named only as one example of several: "zoals", "bijvoorbeeld", "such as", "onder andere".
EXAMPLE = WordPhrases(["zoals", "bijvoorbeeld", "bijv.", "bv.", "such as", "for example", "for instance", "e.g.",
                       "onder andere", "o.a.", "onder meer", "among others", "including", "waaronder", "like"])
#: A mechanism that applies only sometimes: "waar nodig", "where applicable".
HEDGED = WordPhrases(["waar nodig", "indien nodig", "zo nodig", "waar vereist", "indien vereist", "waar van toepassing",
                      "indien van toepassing", "where necessary", "if necessary", "where required", "if required",
                      "when required", "where applicable", "if applicable", "where appropriate", "when necessary",
                      "in voorkomend geval", "if needed", "where needed", "kan", "kunnen", "may", "might", "could"])
#: A mechanism as one of a menu of alternatives: "(i) ... of (ii) een ander mechanisme", "en/of".
OPTIONS = WordPhrases(["(ii)", "en/of", "and/or", "een ander mechanisme", "ander mechanisme", "another mechanism",
                       "other mechanism", "een van de volgende", "one of the following", "alle redelijke inspanningen",
                       "all reasonable efforts", "reasonable efforts"])
#: "zoals vastgesteld door": "as", not "such as".
AS_ADOPTED = WordPhrases(["zoals vastgesteld", "zoals goedgekeurd", "zoals aangenomen", "zoals gepubliceerd"])
#: No transfer outside the EEA at all.
NO_TRANSFER = WordPhrases([
    "niet door aan landen buiten", "niet buiten de", "geen doorgifte", "geen gegevens buiten", "not transfer", "no transfer",
    "do not transfer", "don't transfer", "never transfer", "binnen de europese economische ruimte", "binnen de eer",
    "within the european economic area", "within the eea", "inside the eea", "in the eu only", "never leave",
    "never leaves", "do not leave", "does not leave", "geven geen", "geen persoonsgegevens door", "geen gegevens door",
    "verlaten de eer niet", "verlaten nooit",
])
OUTSIDE = WordPhrases(["buiten", "outside", "derde land", "derde landen", "third country", "third countries",
                       "verenigde staten", "united states", "vs", "us", "usa", "india", "china", "japan"])
EEA_PLACES = WordPhrases(["nederland", "netherlands", "duitsland", "germany", "frankfurt", "belgië", "belgium", "ierland",
                          "ireland", "frankrijk", "france", "amsterdam", "dublin", "eu", "europese unie", "european union"])
STORED = WordPhrases(["opgeslagen", "slaan", "hosted", "stored", "store", "datacenter*", "bewaard", "gehost"])
QUALIFIED = "records no safeguard, although the statement names one"


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, transfer in enumerate(manifest.transfers):
        if transfer.safeguard is not None:
            continue
        name = f"transfer {index + 1}" + (f" to {transfer.destination!r}" if transfer.destination else " outside the EEA")
        description = transfer.description or ""
        if transfer.destination is None and _no_transfer(description):
            continue
        named = _named_mechanism(description)
        if named:
            mechanism, words, qualifier = named
            if qualifier is None:
                yield Problem(
                    ("transfers", index),
                    f"{name} {QUALIFIED}: {_quote(_sentence_with(description, words))}",
                    hint=f"record the mechanism the statement names: safeguard: {mechanism.value}",
                )
                continue
            yield Problem(
                ("transfers", index),
                f"{name} names {words!r} only {qualifier}, not as the ground for this transfer: "
                f"{_quote(_sentence_with(description, words))}",
                hint="say which mechanism covers this transfer, without 'such as' or 'where necessary' (an adequacy "
                "decision, standard contractual clauses, binding corporate rules, an Art. 49 derogation), and how "
                "to get a copy",
            )
            continue
        assurance = ASSURANCES.find(description)
        if assurance:
            said = f": {_quote(_sentence_with(description, assurance))} is an assurance, not a transfer mechanism"
        elif description:
            said = f"; the statement says only {_quote(description)}"
        else:
            said = ""
        yield Problem(
            ("transfers", index),
            f"{name} names no adequacy decision or Art. 46/47/49 safeguard{said}",
            hint="name the ground for the transfer (an adequacy decision, standard contractual clauses, binding "
            "corporate rules, ...) and how to get a copy, and record it as safeguard",
        )


def _named_mechanism(text: str | None) -> tuple[Safeguard, str, str | None] | None:
    """The mechanism ``text`` names, its words, and how it is qualified ("as an example", "where necessary") or None."""
    if not text:
        return None
    words = tokens(text)
    for first, last in sentences(words):
        for mechanism, phrases in MECHANISMS.items():
            for start, end in phrases.matches(words, first, last):
                found = text[words[start].start : words[end - 1].end]
                return mechanism, found, _qualifier(words, first, start, end, last)
    return None


def _qualifier(words: Sequence[Token], first: int, start: int, end: int, last: int) -> str | None:
    if _menu(words, first, last):
        return "as one of several options"  # "het Data Privacy Framework of standaardcontractbepalingen of BCR's"
    before = (max(first, start - 6), start)
    examples = EXAMPLE.matches(words, *before)
    if examples and not AS_ADOPTED.matches(words, examples[-1][0], min(last, examples[-1][1] + 2)):
        return "as an example"
    if HEDGED.matches(words, first, start) or HEDGED.matches(words, end, min(last, end + 6)):
        return "where it applies"
    if OPTIONS.matches(words, first, last):
        return "as one of several options"
    return None


def _menu(words: Sequence[Token], first: int, last: int) -> bool:
    """Whether the sentence names two different mechanisms with "of"/"or" between them: a menu, not a ground."""
    found = sorted((start, mechanism) for mechanism, phrases in MECHANISMS.items()
                   for start, _ in phrases.matches(words, first, last))
    for (start, mechanism), (later, other) in pairwise(found):
        if other is not mechanism and any(token.lower in ("of", "or") for token in words[start:later]):
            return True
    return False


#: Transfer verbs a negation may deny: "wij geven uw gegevens niet door naar ...", "are not transferred".
TRANSFER_VERBS = frozenset({"door", "doorgeven", "doorgegeven", "doorgifte", "doorgiften", "transfer", "transferred",
                            "transfers", "overgedragen", "verstuurd", "sent", "send", "doorsturen", "doorgestuurd"})
NEGATION_WORDS = frozenset({"niet", "geen", "nooit", "not", "never", "no", "nimmer"})
EXCEPT_WORDS = frozenset({"tenzij", "behalve", "uitgezonderd", "unless", "except", "zonder", "without"})


def _no_transfer(text: str | None) -> bool:
    """Whether the description says there is no transfer outside the EEA (or stores data only inside it)."""
    if not text or _named_mechanism(text):
        return False
    words = tokens(text)
    if NO_TRANSFER.matches(words) or _denied_transfer(words):
        return True
    outside = [start for start, _ in OUTSIDE.matches(words) if not _negated(words, start)]
    return bool(EEA_PLACES.matches(words)) and bool(STORED.matches(words)) and not outside


def _negated(words: Sequence[Token], index: int) -> bool:
    """ "geen toegang vanuit derde landen": a negation a few words before, in the same clause."""
    for token in reversed(words[max(0, index - 5) : index]):
        if token.text in ",;.:":
            return False
        if token.lower in NEGATION_WORDS:
            return True
    return False


def _denied_transfer(words: Sequence[Token]) -> bool:
    """ "wij geven uw gegevens niet door naar landen buiten de EER", with no "tenzij"/"unless" taking it back."""
    if any(token.lower in EXCEPT_WORDS for token in words):
        return False
    outside, inside = bool(OUTSIDE.matches(words)), bool(EEA_PLACES.matches(words))
    for index, token in enumerate(words):
        if token.lower in NEGATION_WORDS:
            nearby = [other.lower for other in words[max(0, index - 6) : index + 5]]
            if outside and any(word in TRANSFER_VERBS for word in nearby):
                return True
            if inside and any(word in LEAVE_VERBS for word in nearby):
                return True  # "uw gegevens verlaten de Europese Unie nooit"
    return False


LEAVE_VERBS = frozenset({"verlaten", "verlaat", "leave", "leaves"})


def _sentence_with(text: str, words: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return next((sentence for sentence in sentences if words in sentence), text)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= QUOTE_LENGTH else f'"{text[: QUOTE_LENGTH - 3].rstrip()}..."'
