"""
## What it does
Reports a promised answer time for requests (`rights.response_time`) longer than one
month, and a reserved extension (`rights.response_extension`) longer than two further
months. Durations are compared in calendar sense: one month is at most 31 days, so
`P1M`, `P30D`, `P31D` and `P4W` are within it, and `P32D`, `P5W` and `P1M1D` are not;
two months are at most 62 days.

## Why it matters
Art. 12(3) requires answering a request without undue delay and in any event within one
month; only where requests are complex or numerous may that be extended by two further
months, telling the person within the first month. A statement promising six weeks, or
reserving half a year, tells people they must wait longer than the law allows.

## Example
```yaml
rights:
  offered: [access]
  response_time: P6W
  response_extension: P3M
```

## Use instead
```yaml
rights:
  offered: [access]
  response_time: P1M
  response_extension: P2M
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest
    from privlint.model.types import Duration

RULE = RuleInfo(
    code="PL413",
    name="late-response-time",
    severity="warning",
    article="Art. 12(3)",
    summary="The answer time for requests is longer than the law allows",
    reads=("rights.response_time", "rights.response_extension"),
)


LONGEST_MONTH_DAYS = 31


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    rights = manifest.rights
    if rights is None:
        return
    if rights.response_time is not None and not _within_months(rights.response_time, 1):
        yield Problem(
            ("rights", "response_time"),
            f"the response time {rights.response_time} is longer than one month",
            hint="promise an answer within one month (P1M), as Art. 12(3) requires",
        )
    if rights.response_extension is not None and not _within_months(rights.response_extension, 2):
        yield Problem(
            ("rights", "response_extension"),
            f"the extension {rights.response_extension} is longer than two further months",
            hint="reserve at most two further months (P2M), and only for complex or numerous requests",
        )


def _within_months(duration: Duration, months: int) -> bool:
    """Whether ``duration`` fits in ``months`` calendar months however long they are."""
    whole_months = duration.years * 12 + duration.months
    rest_days = duration.weeks * 7 + duration.days + duration.seconds / 86400
    return whole_months <= months and rest_days <= LONGEST_MONTH_DAYS * (months - whole_months)
