"""
## What it does
Reports a statement that does not say whether providing the personal data is required
by law or by a contract (or needed to enter into one), whether people are obliged to
provide it, and what happens if they do not (`statement.requirement_notice`).

A notice that says only which data are needed or required ("we need your name and address to
deliver your order", "de gegevens zijn nodig om de overeenkomst uit te voeren") and never what
happens if they are not given is reported too; one that gives the consequence ("zonder deze
gegevens kunnen wij uw bestelling niet leveren", "if you do not provide ..., we cannot ...") or
says the data are not required ("optioneel", "you are not obliged") is not.

## Why it matters
Art. 13(2)(e) requires this for data collected from the person. Someone filling in a
form should know which fields they may leave empty and what it costs them not to fill
in the others (no contract, no delivery, no answer). The rule is informational because
many statements cover it implicitly, and judging whether that is enough takes a reader.

## Example
```yaml
statement:
  title: Privacy statement
```

## Use instead
```yaml
statement:
  title: Privacy statement
  requirement_notice: "We need your name and address to deliver your order; without them we cannot accept it. Everything else is optional."
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo, nearest

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL505",
    name="missing-requirement-notice",
    severity="info",
    article="Art. 13(2)(e)",
    summary="The statement does not say which data are required and what happens without them",
    reads=("statement.requirement_notice",),
)


#: Words that give the consequence of not providing data, or say the data are not required.
CONSEQUENCE = re.compile(
    r"\b(?:zonder|without|gevolg\w*|consequen\w*|failure\s+to|fail\s+to|unable|cannot|can't|can\s+not|"
    r"(?:will|would|may)\s+not\s+be\s+able|won't\s+be\s+able|not\s+(?:be\s+)?possible|niet\s+mogelijk|"
    r"optione(?:el|le)|optional|vrijwillig\w*|voluntar\w*|niet\s+verplicht|not\s+(?:obliged|required|mandatory)|"
    r"if\s+you\s+(?:do\s+not|don't|refuse|decline)|(?:verstrekt|geeft|geef|vult)\s+(?:u|je|jij)\b[^.;]{0,80}?\bniet\b|"
    r"(?:als|indien|wanneer)\s+(?:u|je|jij)\b[^.;]{0,80}?\bniet\b[^.;]{0,40}?\b(?:geeft|verstrekt|opgeeft|invult|"
    r"aanlevert)|(?:kunnen|kan|kun|kunt)\s+(?:wij|we|u|je|jij)\b[^.;]{0,80}?\bniet\b|\bgeen\s+(?:klant|contract|"
    r"overeenkomst|abonnement|account))",
    re.IGNORECASE,
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    notice = manifest.statement.requirement_notice
    if notice is not None and not CONSEQUENCE.search(notice):
        yield Problem(
            ("statement", "requirement_notice"),
            "the statement says which data are needed or required, but not what happens if they are not given: "
            f"{_quote(notice)}",
            hint="say what happens without the data (no contract, no delivery, no answer), or that giving them is "
            "optional; Art. 13(2)(e)",
        )
    if notice is None:
        yield Problem(
            nearest(manifest, "statement"),
            "the statement does not say which data are required by law or contract, and what happens if they are not given",
            hint="say which data people must provide and why, and the consequences of not providing them; "
            "record it as statement.requirement_notice",
        )


def _quote(text: str) -> str:
    text = " ".join(text.split())
    return f'"{text}"' if len(text) <= 160 else f'"{text[:157].rstrip()}..."'
