"""
## What it does
Reports a published statement that `statement.text` names but privlint cannot read: the
file does not exist, is not a text file, is too large, or its path leads out of the
project (an absolute path, an address, or `..` past the project root). The path is
relative to the manifest.

## Why it matters
The drift rules (`quote-not-in-text`, `last-changed-not-in-text`, `controller-not-in-text`,
`authority-not-in-text`, `retention-not-in-text`) hold the manifest to the statement people
actually read. When the text cannot be read they cannot run, and a manifest could say one
thing while the published statement (Art. 12(1), 13, 14) says another, unnoticed.

## Example
`statement.text` names a file that is not in the repository:

```text
statement:
  text: public/privacy.md      # no such file
```

## Use instead
Commit the published statement (Markdown, HTML or plain text) and name it:

```text
statement:
  text: ../site/content/privacy.md
```
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from privlint.rules import Context, Problem, RelatedFileError, RuleInfo
from privlint.rules.drift import text_names

if TYPE_CHECKING:
    from privlint.model.manifest import Manifest

RULE = RuleInfo(
    code="PL801",
    name="unreadable-statement-text",
    severity="error",
    article="Art. 12(1), 13, 14",
    summary="The published statement that statement.text names cannot be read",
    reads=("statement.text",),
)


def check(manifest: Manifest, context: Context) -> Iterator[Problem]:
    for path, _, name in text_names(manifest):
        try:
            context.related_file(name)
        except RelatedFileError as error:
            yield Problem(
                path,
                f"the published statement cannot be read: {error}",
                hint="commit a copy of the published statement (Markdown, HTML or plain text) at a path inside "
                "the project, relative to the manifest, and name it in statement.text",
            )
