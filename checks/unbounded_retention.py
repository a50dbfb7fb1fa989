"""
## What it does
Reports a retention (statement-wide, for a purpose or for a data category) that has no
end: data are kept "indefinitely", "voor onbepaalde tijd", "zonder einddatum"; until the
person acts ("until you object", "zolang u geen bezwaar maakt", "tot wederopzegging",
"totdat de donateur verzoekt om verwijdering", "tenzij u ons vraagt ze te wissen"), or
deletion is put off until they ask or pay ("pas verwijderd nadat u ons daarom vraagt", "pas
verwijderd na de nodige betalingen"); or until the controller decides ("totdat wij besluiten
...", "as long as we continue to offer the service"); and no period or maximum caps it. Where `statutory_source` names a law, such as an archives act that
requires keeping records permanently, the retention is left alone.

The fields say it too: a `minimum` alone ("at least 7 years"), an end event only the
controller decides (`ended_by: controller`: "until the company is dissolved"), or one only
the person's act brings (`ended_by: data_subject`), unless all the processing it covers
rests on consent, where withdrawing is a criterion the person applies. A period, a
maximum, an `until` date or an end event neither decides alone (`ended_by: other`) is an end,
and so is a statement-wide `maximum` not counted from an event (no `after`) for every other
retention; one that names the people it applies to (`maximum_applies_to: [customers]`) ends
the retentions of purposes and data categories whose `data_subjects` it names, all of them.

A period does not end a retention whose words put deletion off beyond it until the person
pays or asks ("3 jaar na de beëindiging [...]; in dat geval worden de Persoonsgegevens pas
verwijderd na de nodige betalingen"): for someone who never does, nothing ends it.

## Why it matters
Storage limitation (Art. 5(1)(e)) allows keeping data only as long as the purpose needs
them. A retention that ends only when the person objects or unsubscribes turns that duty
around: the data stay for ever for everyone who never acts. Art. 13(2)(a) asks for a
period or criteria that let a person know when the data will be gone.

## Example
```yaml
purposes:
  - id: newsletter
    retention:
      criteria: "Zolang u geen bezwaar heeft gemaakt tegen het ontvangen van de nieuwsbrief"
```

## Use instead
```yaml
purposes:
  - id: newsletter
    retention:
      period: P2Y
      after: the last newsletter you opened
      criteria: "or until you unsubscribe, whichever comes first"
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.texts import statement_words
from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.retention import (
    deferred_phrase,
    stated_retentions,
    unbounded_phrase,
)
from privlint.rules.retention_model import capped_by_statement, open_end

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL203",
    name="unbounded-retention",
    severity="error",
    article="Art. 5(1)(e), 13(2)(a)",
    summary="Retention has no end: indefinitely, or until the person objects",
    reads=("retention.criteria", "retention.period", "retention.maximum", "retention.after", "retention.maximum_applies_to", "purposes[].data_subjects", "retention.statutory_source", "purposes[].retention.criteria", "purposes[].retention.period", "purposes[].retention.statutory_source", "purposes[].legal_bases", "data_categories[].retention.criteria", "data_categories[].retention.period", "data_categories[].retention.statutory_source"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for stated in stated_retentions(manifest):
        if capped_by_statement(manifest, stated):
            continue  # "never longer than 7 years" ends it
        structural = open_end(manifest, stated)  # a minimum only, or an end only the controller or the person brings
        if structural is not None:
            yield structural
            continue
        bases = manifest.bases_of(stated.holder) if stated.section == "purposes" else ()
        phrase = unbounded_phrase(stated.retention, bases)
        if phrase is None:
            deferred = deferred_phrase(stated.retention)
            if deferred is not None:
                yield Problem(
                    (*stated.path, statement_words(stated.retention, "criteria")[0]),
                    f"retention for {stated.owner} puts deletion off beyond its period until the person acts "
                    f"({deferred!r}), with no cap: for someone who never does, the data are kept for ever",
                    hint="give a period or maximum that ends the keeping even if the person never acts (such as the "
                    "limitation period of the claim), and record it as maximum",
                )
            continue
        yield Problem(
            (*stated.path, statement_words(stated.retention, "criteria")[0]),
            f"retention for {stated.owner} has no end ({phrase!r}) and no period",
            hint="set a period after which the data are deleted even if the person never acts "
            "(period: P2Y, after: ...), and keep 'until you object' as an earlier end",
        )
