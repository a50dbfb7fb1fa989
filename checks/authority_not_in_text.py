"""
## What it does
Reports a supervisory authority (`supervisory_authority.name`, or its `url` where no
name is given) that the published statement (`statement.text`) does not mention. The
authority counts as mentioned when the text has its name as the manifest writes it, or
its web address.

## Why it matters
Art. 13(2)(d) and 14(2)(e) require telling people they may complain to a supervisory
authority. The manifest's authority is what `missing-supervisory-authority`,
`unknown-supervisory-authority` and `mismatched-supervisory-authority` judge; when the
published text does not name it, people reading the statement do not learn where to
complain.

## Example
The published statement says only "you can complain to the regulator":

```text
supervisory_authority:
  name: Autoriteit Persoonsgegevens
```

## Use instead
Name the authority in the statement ("You can lodge a complaint with the Autoriteit
Persoonsgegevens, autoriteitpersoonsgegevens.nl").
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from privlint.rules import Context, Problem, RuleInfo
from privlint.rules.drift import Phrase, phrase, published_texts

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL805",
    name="authority-not-in-text",
    severity="warning",
    article="Art. 13(2)(d), 14(2)(e)",
    summary="The published statement does not name the supervisory authority",
    reads=("statement.text", "supervisory_authority.name", "supervisory_authority.url"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    authority = manifest.supervisory_authority
    if authority is None or not (authority.name or authority.url):
        return
    for text in published_texts(manifest, context):
        name = text.wording(authority.name) if authority.name else None
        url = text.wording(authority.url) if authority.url else None
        forms: list[Phrase] = [phrase(name)] if name else []
        if url:
            forms.append(phrase(_host(url)))
        forms = [form for form in forms if form]
        if forms and not text.words.any_of(forms):
            yield Problem(
                ("supervisory_authority", "name" if authority.name else "url"),
                f"the supervisory authority {name or url!r} is not named in {text.name}",
                hint="name the authority people can complain to in the published statement, or record the one it names",
            )


def _host(url: str) -> str:
    """The host of an address without "www.", the way statements print it: autoriteitpersoonsgegevens.nl."""
    host = urlsplit(url if "//" in url else "//" + url).hostname or url
    return host.removeprefix("www.")
