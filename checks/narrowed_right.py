"""
## What it does
Reports each right the statement states narrower than the law gives it, as recorded under
`rights.narrowed` with the statement's words: erasure offered only for "outdated data",
objection only against direct marketing where processing also rests on legitimate
interests, restriction "unless our interests weigh heavier" (a test Art. 18 does not have),
objection to direct marketing subject to a balancing test (Art. 21(3) makes it absolute).
A right the law does not give for this statement's processing (portability where nothing
rests on consent or contract, objection where nothing rests on a public task or legitimate
interests and nothing is direct marketing) is not reported: narrowing it takes nothing away.

## Why it matters
Art. 12(1) and 13(2)(b) require correct information about the rights of Art. 15-22. A
statement that tells people a right is smaller than it is keeps them from using the rest
of it: someone told that only outdated data are erased will not ask for the rest to go.
The law's own conditions ("in certain cases", "under the conditions of Art. 17") are not a
narrowing: record such a right under `offered`. An erasure whose words give only the
exceptions of Art. 17(3) ("behalve de gegevens die wij op basis van de wet moeten of mogen
bewaren", "unless we need them to defend legal claims") is not reported either; words that
leave other reasons open ("omdat wij bijvoorbeeld wettelijk verplicht zijn") or add limits of
the statement's own ("zolang u klant bent") are.

## Example
```yaml
rights:
  offered: [access, rectification, objection, portability]
  narrowed:
    erasure: "On request we erase data that are outdated."
    restriction: "You can ask us to restrict processing, unless our legitimate interests weigh heavier."
```

## Use instead
```yaml
rights:
  offered: [access, rectification, erasure, restriction, objection, portability]
```
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.vocabulary import Right
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.quotes import quote
from privlint.rules.rights import RIGHTS, name, why_owed

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL414",
    name="narrowed-right",
    severity="warning",
    article="Art. 12(1), 13(2)(b), 14(2)(c), 15-22",
    summary="A data-subject right is stated narrower than the law gives it",
    reads=("rights.narrowed", "purposes[].legal_bases", "purposes[].direct_marketing", "general_legal_bases"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.rights is None or manifest.rights.narrowed is None:
        return
    for right, text in manifest.rights.narrowed.items():
        if why_owed(manifest, right) is None:
            continue
        if right is Right.erasure and restates_article_17_3(text):
            continue  # "behalve de gegevens die wij op basis van de wet moeten bewaren": the law's own exceptions
        yield Problem(
            ("rights", "narrowed", right.value),
            f"the statement narrows {name(right)}: {quote(text)}",
            hint=f"state {RIGHTS[right][0]} as {RIGHTS[right][1]} gives it, without limits of the statement's own; "
            f"then record {right.value} under rights.offered",
        )


#: The exceptions of Art. 17(3): what the law obliges or allows the controller to keep, legal claims, Art. 17(3) itself.
_LAW = re.compile(
    r"\b(?:wet|wettelijk\w*|wetgeving|bewaarplicht\w*|belastingdienst|fiscal\w*|fisca\w*|law|laws|legal\w*|legally|"
    r"statutory|tax|juridisch\w*|rechtsvordering\w*|geschil\w*|claims?|17\s*lid\s*3)\b|\b17\s*\(\s*3\s*\)",
    re.IGNORECASE)
#: Examples of a reason leave other reasons open ("omdat wij bijvoorbeeld wettelijk verplicht zijn", "onder andere
#: vanwege"); examples of data are what the law makes the controller keep ("zoals facturen").
_EXAMPLES = re.compile(
    r"\b(?:bijvoorbeeld|bijv|bv|onder\s+(?:andere|meer)|o\.a|zoals|for\s+example|e\.g|such\s+as|including|among\s+other)\b",
    re.IGNORECASE)
_REASON = re.compile(r"[\s,.:]*(?:wet\w*|law\w*|legal\w*|fiscal\w*|tax|voor|for|omdat|because|vanwege|wegens|om|to)\b",
                     re.IGNORECASE)
#: Words that leave other reasons open or add limits of the statement's own, wherever they stand.
_OWN_LIMITS = re.compile(
    r"\b(?:andere\s+redenen|other\s+reasons|or\s+other|of\s+andere|zolang|as\s+long\s+as|while|meeste|most|alleen|only|"
    r"uitsluitend|enkel|solely|commerci\w*|marketing|statisti\w*|analys\w*|business|bedrijfsvoering|willen|wish|"
    r"consider|overwegen|discretion|naar\s+eigen|verouderd\w*|outdated|zelf|yourself)\b",
    re.IGNORECASE)


def restates_article_17_3(text: str) -> bool:
    """Whether an erasure's words only give the exceptions of Art. 17(3) (a legal obligation or permission to keep,
    legal claims): the right as the law gives it, not narrowed. Open reasons ("bijvoorbeeld", "other reasons") or limits
    of the statement's own ("zolang u klant bent", "only outdated data", "for marketing") keep it narrowed."""
    first_law = _LAW.search(text)
    if first_law is None or _OWN_LIMITS.search(text):
        return False
    return not any(_REASON.match(text, example.end()) and example.start() < first_law.start()
                   for example in _EXAMPLES.finditer(text))
