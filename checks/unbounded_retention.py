"""
## What it does
Reports a retention (statement-wide, for a purpose or for a data category) that has no
end: data are kept "indefinitely", "voor onbepaalde tijd", or until the person acts
("until you object", "zolang u geen bezwaar maakt", "tot wederopzegging"), and no period
or maximum caps it. Where `statutory_source` names a law, such as an archives act that
requires keeping records permanently, the retention is left alone.

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

CODE = "PL203"
NAME = "unbounded-retention"
SEVERITY = "error"
ARTICLE = "Art. 5(1)(e), 13(2)(a)"
SUMMARY = "Retention has no end: indefinitely, or until the person objects"

from privlint.rules.retention import stated_retentions, unbounded_phrase  # noqa: E402
from privlint.rules import Problem  # noqa: E402


def check(manifest, context):
    for stated in stated_retentions(manifest):
        phrase = unbounded_phrase(stated.retention)
        if phrase is None:
            continue
        yield Problem(
            f"{stated.pointer}/criteria",
            f"retention for {stated.owner} has no end ({phrase!r}) and no period",
            hint="set a period after which the data are deleted even if the person never acts "
            "(period: P2Y, after: ...), and keep 'until you object' as an earlier end",
        )
