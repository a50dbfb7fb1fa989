"""
## What it does
Reports a statement that tracks people online but says nothing about cookies or similar
technologies. It tracks where the manifest records
- data only a cookie, pixel or device identifier collects, in a data category's `name` or
  `items`: browsing or click behaviour ("surfgedrag", "klik- en surfgedrag", "browsing
  behaviour", "clickstream"), sites visited elsewhere, advertising or device IDs,
  fingerprints, tracking pixels, heatmaps, session recordings; or
- an analytics service, an advertising service or a tag manager: a service whose `kind` says
  so, or whose name, provider or `registry` id privlint's registry of services knows as one
  ("Google Analytics", "Hotjar", "Meta Pixel"), or a recipient that names one.

It says something about cookies where it has `cookies` entries, a `cookie_statement` it
refers to (`{url: ...}`, or its words), or denies using them (`none.cookies`). What a
server sees on its own (an IP address, the browser type, the pages requested) is no
tracking, and neither are network data (IMEI, MAC address) or TV viewing; words the text
denies ("wij volgen uw surfgedrag niet") do not count. One finding per statement, at the
first sign, naming up to three.

## Why it matters
Placing or reading information on a person's device needs clear and comprehensive
information about its purposes and, unless it is strictly necessary, prior consent
(ePrivacy Directive Art. 5(3); Telecommunicatiewet art. 11.7a in the Netherlands, art. 10/2
of the Act of 30 July 2018 in Belgium). A statement that follows people's browsing and is
silent on cookies leaves them unable to tell what is placed on their device, by whom, and
whether they can refuse it.

## Example
```yaml
data_categories:
  - id: website
    name: Website- en surfgegevens
    items: [IP-adres, klik- en surfgedrag, vorige/volgende bezochte sites]
```

## Use instead
```yaml
data_categories:
  - id: website
    name: Website- en surfgegevens
    items: [IP-adres, klik- en surfgedrag, vorige/volgende bezochte sites]
cookie_statement:
  url: https://example.nl/cookies
  text: "Welke cookies wij gebruiken leest u in onze cookieverklaring."
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.tracking import tracking_signals

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL122",
    name="missing-cookie-information",
    severity="warning",
    article="ePrivacy Art. 5(3); NL Tw art. 11.7a; BE art. 10/2 Act of 30 July 2018",
    summary="The statement tracks people online but says nothing about cookies or similar technologies",
    reads=("data_categories[].name", "data_categories[].items", "services[]", "recipients[].name",
           "recipients[].description", "cookies", "cookie_statement", "none.cookies"),
)

LISTED = 3  # signs a message names before "and N more"


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    if manifest.cookies or manifest.cookie_statement is not None or (manifest.none is not None and manifest.none.cookies):
        return
    signals = list(tracking_signals(manifest))
    if not signals:
        return
    said = "; ".join(signal.said for signal in signals[:LISTED])
    more = len(signals) - LISTED
    if more > 0:
        said += f"; and {more} more"
    yield Problem(
        signals[0].path,
        f"the statement tracks people online ({said}) but says nothing about cookies or similar technologies: "
        "no cookies, no cookie statement it refers to and no denial",
        hint="describe the cookies and similar technologies (cookies: [{name, category, party, consent}]), refer to "
        "the cookie statement that does (cookie_statement: {url: ...}), or record the statement's denial (none.cookies)",
    )
