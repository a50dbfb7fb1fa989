"""
## What it does
Reports a transfer of personal data outside the EEA that names no ground for it: no
adequacy decision (Art. 45) and no safeguard or derogation of Art. 46, 47 or 49, such as
standard contractual clauses or binding corporate rules (`safeguard`). An assurance
such as "we make sure your data are safe", "voldoende gewaarborgd" or "passende
maatregelen" is not a mechanism; the message quotes the statement's words. Where the
description does name a mechanism that `safeguard` does not record, the hint says which
value to record. One finding per transfer.

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
from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import Safeguard
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.phrases import Phrases

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL504",
    name="transfer-without-safeguard",
    severity="error",
    article="Art. 13(1)(f), 14(1)(f), 44-49",
    summary="A transfer outside the EEA names no adequacy decision or safeguard",
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
    Safeguard.adequacy_decision: Phrases([
        "adequacy decision*", "adequaatheidsbesluit*", "adequaatheidsbeslissing*", "Data Privacy Framework",
    ]),
    Safeguard.standard_contractual_clauses: Phrases([
        "standard contractual clauses", "standard data protection clauses", "model clauses", "SCC", "SCCs",
        "standaardcontractbepalingen", "modelcontractbepalingen", "modelcontracten", "standaardbepalingen",
    ]),
    Safeguard.binding_corporate_rules: Phrases(["binding corporate rules", "BCR", "BCRs", "bindende bedrijfsvoorschriften"]),
}
QUOTE_LENGTH = 160


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for index, transfer in enumerate(manifest.transfers):
        if transfer.safeguard is not None:
            continue
        name = f"transfer {index + 1}" + (f" to {transfer.destination!r}" if transfer.destination else " outside the EEA")
        description = transfer.description
        named = _named_mechanism(description)
        if named:
            mechanism, words = named
            yield Problem(
                ("transfers", index),
                f"{name} records no safeguard, although the statement names one: {_quote(_sentence_with(description, words))}",
                hint=f"record the mechanism the statement names: safeguard: {mechanism.value}",
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


def _named_mechanism(text: str | None) -> tuple[Safeguard, str] | None:
    for mechanism, phrases in MECHANISMS.items():
        words = phrases.find(text)
        if words:
            return mechanism, words
    return None


def _sentence_with(text: str, words: str) -> str:
    sentences = re.split(r"(?<=[.!?])\s+", text.strip())
    return next((sentence for sentence in sentences if words in sentence), text)


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= QUOTE_LENGTH else f'"{text[: QUOTE_LENGTH - 3].rstrip()}..."'
