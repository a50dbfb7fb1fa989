"""
## What it does
Reports free text given per language (`{nl: ..., en: ...}`) that lacks a language the
rest of the manifest is written in. The manifest's languages are those its text is given
in, and the statement's own `language`. Text written as a plain string is taken to be the
same in every language (a name, an address, an e-mail address) and is not reported.

## Why it matters
A statement published in two languages must tell the same in both (Art. 12(1): concise,
transparent, intelligible, in clear and plain language for the people it addresses).
`privlint render` refuses to fill a missing translation from another language, so a
missing one also stops the statement from being rendered in that language.

## Example
```yaml
statement: {language: nl}
purposes:
  - id: newsletter
    name: {nl: Nieuwsbrief, en: Newsletter}
    description: {nl: We sturen u elke maand de nieuwsbrief.}
```

## Use instead
```yaml
statement: {language: nl}
purposes:
  - id: newsletter
    name: {nl: Nieuwsbrief, en: Newsletter}
    description: {nl: We sturen u elke maand de nieuwsbrief., en: We send you the newsletter every month.}
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.model.texts import describe_path, iter_texts, manifest_languages
from privlint.rules import Context, Problem, RuleInfo

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL810",
    name="missing-translation",
    severity="error",
    article="Art. 12(1)",
    summary="Free text is given in one language of the manifest but not in another",
    reads=("free text given per language", "statement.language"),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    languages = manifest_languages(manifest)
    if len(languages) < 2:
        return
    for path, text in iter_texts(manifest):
        given = {language.lower() for language in text.languages}
        if not given:
            continue
        missing = [language for language in languages if language not in given]
        if missing:
            yield Problem(
                path,
                f"{describe_path(path)} is given in {', '.join(text.languages)} but not in {', '.join(missing)}",
                hint=f"add the text in {', '.join(missing)}, or write it once as plain text if it is the same in "
                "every language (a name, an address)",
            )
